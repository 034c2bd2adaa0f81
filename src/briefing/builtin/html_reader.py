"""Reader ``html``: a saved web page's main text and metadata (trafilatura); a page holding a
speaker-labelled transcript is read as one, turns and all."""

from __future__ import annotations

from collections.abc import Iterator

from ..plugin.hookspecs import hookimpl
from ..plugin.interfaces import Input
from ..model import Briefing
from ..readers.html import HTML_SUFFIXES, looks_like_html, read_html
from ..turns import add_turns, is_transcript


class HtmlReader:
    name = "html"
    description = "a saved web page: main text, title, authors, date, site (trafilatura); transcripts get their turns"

    def detect(self, input: Input, head: bytes) -> float:
        if input.name and input.name.lower().endswith(HTML_SUFFIXES):
            return 0.9
        return 0.8 if looks_like_html(head) else 0.0

    def read(self, input: Input) -> Iterator[Briefing]:
        briefing = read_html(input)
        yield add_turns(briefing) if is_transcript(briefing.text) else briefing


@hookimpl
def briefing_register(registry):
    registry.add_reader(HtmlReader())
