"""The reader ``text``: a plain-text file, standard input, or a string, in any common encoding."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Briefing, Source
from ..plugin import Input, hookimpl


class TextReader:
    name = "text"
    description = "plain text: UTF-8 or an encoding charset-normalizer detects; '-' reads stdin"

    def detect(self, input: Input, head: bytes) -> float:
        """Any input: the fallback every other reader outbids (binary input is refused on reading,
        with a message saying so)."""
        return 0.1

    def read(self, input: Input) -> Iterator[Briefing]:
        text = input.read_text()
        yield Briefing(
            id=input.briefing_id(text),
            text=text,
            source=Source(path=input.name),
        )


@hookimpl
def briefing_register(registry):
    registry.add_reader(TextReader())
