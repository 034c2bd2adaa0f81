"""Reader ``jsonl``: a corpus with one document a line (``{"id", "text", "title"?, "published"?,
"url"?}``), streamed; a bad line is reported and the rest still read."""

from __future__ import annotations

from collections.abc import Iterator

from ..errors import InputError
from ..plugin.hookspecs import hookimpl
from ..plugin.interfaces import Input
from ..model import Briefing
from ..readers.jsonl import JSONL_SUFFIXES, looks_like_jsonl, read_jsonl


class JsonLinesReader:
    name = "jsonl"
    description = 'a corpus, one JSON document a line: {"id", "text", "title"?, "published"?, "url"?}'

    def detect(self, input: Input, head: bytes) -> float:
        if input.name and input.name.lower().endswith(JSONL_SUFFIXES):
            return 0.9
        return 0.7 if looks_like_jsonl(head) else 0.0

    def read(self, input: Input) -> Iterator[Briefing | InputError]:
        return read_jsonl(input)


@hookimpl
def briefing_register(registry):
    registry.add_reader(JsonLinesReader())
