"""Exporter ``markdown``: a readable report of a briefing."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from ..plugin.hookspecs import hookimpl
from ..model import Briefing
from ..render import markdown_report


class MarkdownExporter:
    name = "markdown"
    description = "a readable report: participants, statements by speaker, issues and stances"
    suffix = ".md"
    many = True

    def write(self, briefings: Iterable[Briefing], stream: TextIO) -> None:
        for number, briefing in enumerate(briefings):
            if number:
                stream.write("\n---\n\n")
            stream.write(markdown_report(briefing))


@hookimpl
def briefing_register(registry):
    registry.add_exporter(MarkdownExporter())
