"""Exporters ``json`` (one briefing, indented) and ``jsonl`` (one briefing a line), schema ``briefing/1``."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from ..convert import dumps
from ..plugin.hookspecs import hookimpl
from ..model import Briefing


class JsonExporter:
    name = "json"
    description = "one briefing as indented JSON (schema briefing/1)"
    suffix = ".json"
    many = False

    def write(self, briefings: Iterable[Briefing], stream: TextIO) -> None:
        for briefing in briefings:
            stream.write(dumps(briefing, indent=2) + "\n")


class JsonLinesExporter:
    name = "jsonl"
    description = "one briefing a line as compact JSON (schema briefing/1), for many inputs"
    suffix = ".jsonl"
    many = True
    appendable = True  # a briefing a line: a file cut after any line is valid, so runs can resume

    def write(self, briefings: Iterable[Briefing], stream: TextIO) -> None:
        for briefing in briefings:
            stream.write(dumps(briefing) + "\n")
            stream.flush()


@hookimpl
def briefing_register(registry):
    registry.add_exporter(JsonExporter())
    registry.add_exporter(JsonLinesExporter())
