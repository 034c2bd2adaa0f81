"""JSONL corpora: one document a line, ``{"id", "text", "title"?, "published"?, "url"?, ...}``,
read one line at a time so that a corpus of any size streams through."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import PurePath
from typing import Any

from ..errors import InputError
from ..plugin.interfaces import Input
from ..model import Briefing, Source

__all__ = ["JSONL_SUFFIXES", "looks_like_jsonl", "read_jsonl"]

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
