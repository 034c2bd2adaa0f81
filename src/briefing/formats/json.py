"""JSON formats: the exporters ``json`` (one briefing, indented) and ``jsonl`` (one briefing a line),
schema ``briefing/1``; and the reader ``jsonl`` of corpora with one document a line, ``{"id",
"text", "title"?, "published"?, "url"?, ...}``, read one line at a time so that a corpus of any size
streams through."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import PurePath
from typing import Any, TextIO

from ..convert import dumps
from ..errors import InputError
from ..model import Briefing, Source
from ..plugin import Input, RenderedExporter, detect_by_name, hookimpl

__all__ = ["JSONL_SUFFIXES", "JsonLinesExporter", "JsonLinesReader", "indented", "looks_like_jsonl", "read_jsonl"]

JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonlines")
#: Optional string fields of a record and the ``Source`` field each fills.
_STRINGS = {"title": "title", "published": "published", "date": "published", "url": "url", "publisher": "publisher"}


def looks_like_jsonl(head: bytes) -> bool:
    """Whether the first line is a JSON object with a ``text`` string (or, cut short, starts like one)."""
    first = head.lstrip(b"\xef\xbb\xbf \t\r\n").split(b"\n", 1)
    if not first[0].startswith(b"{"):
        return False
    try:
        record = json.loads(first[0])
    except ValueError:
        return len(first) == 1 and b'"text"' in first[0]
    return isinstance(record, dict) and isinstance(record.get("text"), str)


def _record(record: Any, fallback_id: str, path: str | None) -> Briefing:
    if not isinstance(record, dict):
        raise ValueError(f"a record must be a JSON object, not {type(record).__name__}")
    text = record.get("text")
    if not isinstance(text, str):
        raise ValueError('a record needs a "text" string')
    identifier = record.get("id", fallback_id)
    if isinstance(identifier, bool) or not isinstance(identifier, str | int):
        raise ValueError('"id" must be a string or a number')
    fields: dict[str, Any] = {}
    for key, target in _STRINGS.items():
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            raise ValueError(f'"{key}" must be a string')
        if value is not None and target not in fields:
            fields[target] = value
    authors = record.get("authors", record.get("author", ()))
    authors = [authors] if isinstance(authors, str) else authors
    if not isinstance(authors, list | tuple) or not all(isinstance(a, str) for a in authors):
        raise ValueError('"authors" must be a string or a list of strings')
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Briefing(id=str(identifier), text=text, source=Source(path=path, authors=tuple(authors), **fields))


def read_jsonl(input: Input) -> Iterator[Briefing | InputError]:
    """The briefing of each non-blank line; an :class:`InputError` naming the line for a bad one.
    A record without ``id`` is named after the file and its line (``corpus-7``)."""
    stem = PurePath(input.name).stem if input.name and input.name != "-" else "line"
    with input.open() as stream:
        for number, raw in enumerate(stream, 1):
            if not raw.strip():
                continue
            where = f"{input.label}:{number}"
            try:
                record = json.loads(raw.decode("utf-8-sig" if number == 1 else "utf-8"))
                yield _record(record, f"{stem}-{number}", input.name)
            except UnicodeDecodeError:
                yield InputError(where, "is not UTF-8")
            except json.JSONDecodeError as error:
                yield InputError(where, f"is not JSON ({error.msg}, column {error.colno})")
            except ValueError as error:
                yield InputError(where, str(error))


class JsonLinesReader:
    name = "jsonl"
    description = 'a corpus, one JSON document a line: {"id", "text", "title"?, "published"?, "url"?}'

    def detect(self, input: Input, head: bytes) -> float:
        return detect_by_name(input, head, JSONL_SUFFIXES, looks_like_jsonl, sniffed=0.7)

    def read(self, input: Input) -> Iterator[Briefing | InputError]:
        return read_jsonl(input)


def indented(briefing: Briefing) -> str:
    """The briefing as indented JSON (the ``json`` format), ending in a newline."""
    return dumps(briefing, indent=2) + "\n"


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
    registry.add_reader(JsonLinesReader())
    registry.add_exporter(RenderedExporter("json", "one briefing as indented JSON (schema briefing/1)", ".json", indented))
    registry.add_exporter(JsonLinesExporter())
