"""Exporter ``brat``: the statements as BRAT standoff (``.ann``, PolNeAR's Source/Cue/Content/
Attribution) with the text beside it (``.txt``), for correcting in brat and ``briefing evaluate``."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from ..exporters.brat import to_ann
from ..plugin.hookspecs import hookimpl
from ..model import Briefing


class BratExporter:
    name = "brat"
    description = "BRAT standoff: NAME.ann (Source, Cue, Content, Attribution) and NAME.txt beside it"
    suffix = ".ann"
    many = False

    def write(self, briefings: Iterable[Briefing], stream: TextIO) -> None:
        for briefing in briefings:
            stream.write(to_ann(briefing))

    def companions(self, briefing: Briefing) -> dict[str, str]:
        """The files written beside the ``.ann``: the text its offsets index into."""
        return {".txt": briefing.text}


@hookimpl
def briefing_register(registry):
    registry.add_exporter(BratExporter())
