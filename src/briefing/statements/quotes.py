"""Quotations in running text, with every mark news uses: "…", “…”, ``…'', ''…'', «…», „…“, and
‘…’ or '…' when they are not apostrophes. Marks are paired within a paragraph, by their side
(opening or closing, judged from the characters around them when the mark itself does not say);
a quote left open at a paragraph's end continues when the next paragraph reopens it, and is closed
at the paragraph's end otherwise, so an unbalanced mark never swallows the rest of the text. A
paragraph reopened with a transcript's speaker label ("“WALLACE: …") starts a new quotation, of
the words after the label: a transcript quoted in an article is one quotation per turn, each turn
the label's speech.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from attrs import frozen

__all__ = ["CLOSING_MARKS", "OPENING_MARKS", "Quote", "find_quotes"]

#: The characters a quotation can open with.
OPENING_MARKS = "\"“'‘`«„"
#: The characters a quotation can close with.
CLOSING_MARKS = "\"”'’»"

_DOUBLE = re.compile(r"``|''|[\"“”„«»]")
_SINGLE = re.compile(r"[‘’'`]")
_OPENERS = {"“", "„", "«", "``"}
_CLOSERS = {"”", "»"}
_AMBIGUOUS = {'"', "''"}
#: A transcript's speaker label right after a paragraph's opening mark: "“WALLACE: …", "\"Q: …".
_TURN_LABEL = re.compile(r"[ \t]*(?:``|''|[\"“„«])[ \t]*[A-Z](?:[A-Z.'’ -]{0,40}[A-Z])?:\s")
_BEFORE_OPENING = set(" \t\n([{—–-/:;,") | {"\u00a0"}
_AFTER_CLOSING = set(" \t\n.,;:!?)]}—–-/…") | {"\u00a0"}


@frozen
class Quote:
    """A quotation: ``start``/``end`` include the marks, ``inner_start``/``inner_end`` do not.
    ``single`` for ‘…’ quotes; ``closed`` is false when the closing mark was missing."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    single: bool = False
    closed: bool = True


def _side(text: str, at: int, mark: str) -> str:
    """``open``, ``close`` or ``none`` for a mark at ``at``."""
    if mark in _OPENERS:
        return "open"
    if mark in _CLOSERS:
        return "close"
    before = text[at - 1] if at > 0 else "\n"
    after = text[at + len(mark)] if at + len(mark) < len(text) else "\n"
    if before in _BEFORE_OPENING or before in _OPENERS:
        return "open" if not after.isspace() else "none"
    if after in _AFTER_CLOSING or after in _CLOSERS or after in "\"'’":
        return "close"
    if before in ".,!?…" or before.isalnum():
        return "close" if not after.isalnum() else "none"
    return "open"


def _paragraph_bounds(text: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for match in re.finditer(r"\n", text):
        if match.start() > start:
            bounds.append((start, match.start()))
        start = match.end()
    if start < len(text):
        bounds.append((start, len(text)))
    return bounds


def _starts_with_opener(text: str, start: int, end: int) -> bool:
    stripped = text[start:end].lstrip()
    return bool(stripped) and (stripped[0] in "“„«\"" or stripped.startswith(("``", "''")))


def _double_quotes(text: str) -> Iterator[Quote]:
    paragraphs = _paragraph_bounds(text)
    opening: tuple[int, str] | None = None  # may have opened in an earlier paragraph
    for index, (p_start, p_end) in enumerate(paragraphs):
        marks = list(_DOUBLE.finditer(text, p_start, p_end))
        if opening is not None and marks and not text[p_start : marks[0].start()].strip():
            marks = marks[1:]  # the mark that reopens a quote continued from the last paragraph
        for match in marks:
            at, mark = match.start(), match.group()
            side = _side(text, at, mark)
            if opening is None:
                if side == "open":
                    label = _TURN_LABEL.match(text, p_start, p_end) if at < p_start + 3 else None
                    opening = (label.end(), "") if label else (at, mark)
                continue
            if opening[1] == "„" and mark == "“":
                side = "close"
            if side == "close" or (side == "none" and mark in _AMBIGUOUS):
                yield Quote(opening[0], match.end(), opening[0] + len(opening[1]), at)
                opening = None
            elif side == "open":
                opening = (at, mark)  # two openings in a row: the first was stray
        if opening is not None:
            following = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
            if following is not None and _starts_with_opener(text, *following) and not (
                _TURN_LABEL.match(text, following[0], following[1])
            ):
                continue
            yield Quote(opening[0], p_end, opening[0] + len(opening[1]), p_end, closed=False)
            opening = None


def _single_quotes(text: str, taken: list[tuple[int, int]]) -> Iterator[Quote]:
    """‘…’ and '…' quotes outside double quotes, telling them from apostrophes."""
    for p_start, p_end in _paragraph_bounds(text):
        opening: int | None = None
        for match in _SINGLE.finditer(text, p_start, p_end):
            at, mark = match.start(), match.group()
            if any(a <= at < b for a, b in taken):
                continue
            before = text[at - 1] if at > p_start else " "
            after = text[at + 1] if at + 1 < p_end else " "
            if before.isalnum() and after.isalnum():
                continue  # an apostrophe: don't, Clinton’s
            if opening is None:
                if mark in "‘`" or (mark == "'" and before in _BEFORE_OPENING and after.isalnum()):
                    opening = at
                continue
            if mark in "’'" and not before.isspace() and (after in _AFTER_CLOSING or after in "\"”"):
                if at - opening > 1 and at - opening < 600:
                    yield Quote(opening, at + 1, opening + 1, at, single=True)
                opening = None
            elif mark in "‘`" or (mark == "'" and before in _BEFORE_OPENING and after.isalnum()):
                opening = at


def find_quotes(text: str, *, single: bool = True) -> list[Quote]:
    """The top-level quotations in ``text``, in order (quotes nested inside them are part of them)."""
    return list(_quotes(text, single))


@lru_cache(maxsize=4)
def _quotes(text: str, single: bool) -> tuple[Quote, ...]:
    """:func:`find_quotes`'s answer, kept for the last few texts: the statements extractors ask it
    of the same text several times (the rules, the tagger's features, the linking)."""
    doubles = list(_double_quotes(text))
    found = doubles
    if single:
        found = found + list(_single_quotes(text, [(q.start, q.end) for q in doubles]))
    return tuple(sorted(found, key=lambda q: q.start))
