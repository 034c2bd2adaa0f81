"""The parts of a plain-text news report that are not body prose: headline, byline, dateline and a
trailing tag line, found by the shape of the text alone (no NLP), with their offsets."""

from __future__ import annotations

import re
from collections.abc import Iterator

from attrs import frozen

from ..model import Section, Span

__all__ = ["Layout", "paragraphs", "read_layout"]

_BYLINE = re.compile(
    r"^(?:By|BY|Written by|Posted by)\s+(?P<names>[^\n]+?)"
    r"(?:\s*(?:,|\bon\b|\||•|·|—|-)\s*(?P<date>(?:\w+day,?\s+)?"
    r"(?:\d{1,2}\s+)?[A-Z][a-z]+\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4})"
    r"(?:[^\n]*)?)?\s*$"
)
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’-]*(?:[ ,]+[A-Z][A-Za-z.'’-]*){0,4})\s*(?:\([A-Za-z .]+\)\s*)?(?:—|–|--| - |:)\s*"
)
_TAGLINE = re.compile(r"^(?:Topics|Tags|Filed [Uu]nder|Related|Categories|Keywords)\s*:\s*\S")
_AUTHOR_SPLIT = re.compile(r"\s*(?:,|\band\b|&)\s*")


def paragraphs(text: str) -> Iterator[Span]:
    """The paragraphs of ``text`` (runs of non-blank lines), trimmed of surrounding space."""
    for match in re.finditer(r"\S(?:.|\n(?![ \t]*\n))*", text):
        end = match.end()
        while end > match.start() and text[end - 1].isspace():
            end -= 1
        yield Span.of(text, match.start(), end)


@frozen
class Layout:
    """What :func:`read_layout` found: the sections and the metadata they carry (as written)."""

    sections: tuple[Section, ...] = ()
    title: str | None = None
    authors: tuple[str, ...] = ()
    date_text: str | None = None
    place: str | None = None


def _looks_like_headline(span: Span) -> bool:
    """One short line, or a few when a headline runs on into its subtitle ("Lawmaker urges
    retaliation on Russia;\nMember of House panel says ...")."""
    lines = span.text.splitlines()
    return (
        3 <= len(span.text) and len(lines) <= 3 and all(len(line) <= 250 for line in lines)
        and len(span.text.split()) <= (30 if len(lines) == 1 else 45)
        and all(line.rstrip().endswith((";", ":", ",", "—", "-")) for line in lines[:-1])
    )


def read_layout(text: str, *, max_head: int = 4) -> Layout:
    """Find the headline (a short first paragraph of one line), the byline ("By NAME on DATE") among
    the first paragraphs, a dateline opening the first body paragraph ("MEXICO CITY —"), or the
    one after a one-line deck under the headline, and a tag line closing the text ("Topics:
    Mexico")."""
    paras = list(paragraphs(text))
    if not paras:
        return Layout()
    sections: list[Section] = []
    title = date_text = place = None
    authors: tuple[str, ...] = ()
    body_start = 0
    for index, para in enumerate(paras[:max_head]):
        match = _BYLINE.match(para.text) if "\n" not in para.text else None
        if match:
            sections.append(Section(kind="byline", span=para))
            names = match.group("names").strip()
            authors = tuple(n.strip() for n in _AUTHOR_SPLIT.split(names) if n.strip())
            date_text = match.group("date")
            body_start = index + 1
            break
    if len(paras) > 1 and _looks_like_headline(paras[0]) and (body_start != 1 or len(paras) > 2):
        if not (sections and sections[0].span == paras[0]):
            sections.insert(0, Section(kind="headline", span=paras[0]))
            title = " ".join(paras[0].text.split()).rstrip(".").strip()
            body_start = max(body_start, 1)
    # the dateline opens the body, or the paragraph after a deck (a subtitle) under the headline
    deck = len(paras) > body_start + 1 and _looks_like_headline(paras[body_start])
    openings = paras[body_start : body_start + (2 if deck else 1)]
    for first in openings:
        match = _DATELINE.match(first.text)
        head = match.group("place").split()[0].strip(",") if match else ""
        if not (match and len(head) > 2 and head.isupper()):
            continue
        sections.append(Section(kind="dateline", span=Span.of(text, first.start, first.start + match.end())))
        place = match.group("place").strip(" ,")
        if place.isupper():
            place = " ".join(w if len(w) <= 3 and "." in w else w.title() for w in place.split())
        break
    last = paras[-1]
    if len(paras) > body_start + 1 and _TAGLINE.match(last.text) and "\n" not in last.text:
        sections.append(Section(kind="tagline", span=last))
    return Layout(tuple(sections), title, authors, date_text, place)
