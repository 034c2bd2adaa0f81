"""Exporter ``html``: one standalone page (inline CSS, no script, nothing fetched) with every
statement highlighted in its speaker's colour, and the participants, stances and contention."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from ..exporters.html import render_report
from ..plugin.hookspecs import hookimpl
from ..model import Briefing


class HtmlExporter:
    name = "html"
    description = "a standalone page: statements highlighted by speaker, participants, stance matrix, contention"
    suffix = ".html"
    many = False

    def write(self, briefings: Iterable[Briefing], stream: TextIO) -> None:
        for briefing in briefings:
            stream.write(render_report(briefing))


@hookimpl
def briefing_register(registry):
    registry.add_exporter(HtmlExporter())
