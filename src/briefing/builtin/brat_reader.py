"""Reader ``brat``: BRAT standoff (an ``.ann`` file and the ``.txt`` beside it, or PolNeAR's layout)
read back into a briefing, one statement per ``Attribution`` event."""

from __future__ import annotations

from collections.abc import Iterator

from ..plugin.hookspecs import hookimpl
from ..plugin.interfaces import Input
from ..model import Briefing
from ..readers.brat import read_brat


class BratReader:
    name = "brat"
    description = "BRAT standoff: NAME.ann with NAME.txt beside it (or PolNeAR's text/ and attributions/)"

    def detect(self, input: Input, head: bytes) -> float:
        return 0.9 if input.name and input.name.lower().endswith(".ann") else 0.0

    def read(self, input: Input) -> Iterator[Briefing]:
        yield read_brat(input)


@hookimpl
def briefing_register(registry):
    registry.add_reader(BratReader())
