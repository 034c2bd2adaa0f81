"""Exporter ``label-studio``: pre-annotation tasks (Source, Cue and Content regions with relations)
in Label Studio's JSON format, one task per briefing."""

from __future__ import annotations

import json
from collections.abc import Iterable
from importlib import metadata
from typing import TextIO

from ..exporters.label_studio import task
from ..plugin.hookspecs import hookimpl
from ..model import Briefing


class LabelStudioExporter:
    name = "label-studio"
    description = "Label Studio tasks: the text with Source, Cue, Content regions and relations as predictions"
    suffix = ".json"
    many = True

    def write(self, briefings: Iterable[Briefing], stream: TextIO) -> None:
        try:
            version = f"briefing {metadata.version('briefing')}"
        except metadata.PackageNotFoundError:
            version = "briefing"
        stream.write("[")
        for number, briefing in enumerate(briefings):
            stream.write(("," if number else "") + "\n" + json.dumps(task(briefing, version), ensure_ascii=False))
        stream.write("\n]\n")


@hookimpl
def briefing_register(registry):
    registry.add_exporter(LabelStudioExporter())
