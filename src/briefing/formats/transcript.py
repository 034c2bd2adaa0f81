"""The reader ``transcript``: a speaker-labelled transcript ("THE PRESIDENT:", "DR. FAUCI:", "Q"),
as plain text or a saved web page; every turn becomes a statement of its speaker (the turns are
found by :mod:`briefing.turns`, which the ``html`` reader uses too)."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Briefing, Source
from ..plugin import Input, hookimpl
from ..turns import add_turns, is_transcript
from .html import looks_like_html, read_html


class TranscriptReader:
    name = "transcript"
    description = "speaker-labelled turns (THE PRESIDENT:, DR. FAUCI:, Q) in plain text or HTML: one statement a turn"

    def detect(self, input: Input, head: bytes) -> float:
        """Plain text whose opening reads as a transcript (HTML pages go to ``html``, which
        reads their turns too)."""
        if looks_like_html(head) or b"\x00" in head:
            return 0.0
        return 0.6 if is_transcript(head.decode("utf-8", errors="replace")) else 0.0

    def read(self, input: Input) -> Iterator[Briefing]:
        if looks_like_html(input.head()):
            briefing = read_html(input)
        else:
            text = input.read_text()
            briefing = Briefing(id=input.briefing_id(text), text=text, source=Source(path=input.name))
        yield add_turns(briefing)


@hookimpl
def briefing_register(registry):
    registry.add_reader(TranscriptReader())
