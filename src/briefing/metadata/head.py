"""The head of a transcript: the lines before its first speaker label, where an official transcript
states where and when the event took place ("Rose Garden", "June 3, 2021", "2:14 P.M. EDT").

These lines describe the event itself, so they beat any place or date named later in the talk. No
NLP: a line is a date when dateparser reads a whole date from it, a time stamp by its shape, and a
place when it is a short capitalised line of neither kind.
"""

from __future__ import annotations

import re

from attrs import frozen

from ..model import Event, Section, Span
from .dates import resolve_date
from .event import EVENT_KINDS
from .layout import paragraphs

__all__ = ["Head", "read_head"]

_TIME = re.compile(r"^\d{1,2}(?::\d{2})?\s*[AaPp]\.?\s*[Mm]\.?(?:\s+[A-Z]{2,4})?$")
_DATE_SHAPE = re.compile(r"\b\d{4}\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b")
#: A head line longer than this is prose (an introduction), not a place or a date.
_MAX_WORDS = 10


@frozen
class Head:
    """What the head says: its lines (as sections to keep out of the body: a ``headline`` when it
    opens with a title, then ``dateline`` lines), the title, the place and the ISO date it states,
    and the event kind its place or the page title names."""

    sections: tuple[Section, ...] = ()
    title: str | None = None
    place: str | None = None
    date: str | None = None
    kind: str | None = None

    @property
    def lines(self) -> tuple[Span, ...]:
        return tuple(s.span for s in self.sections)

    def event(self, published: str | None) -> Event:
        """The event as the head states it; the page's own date when the head gives none."""
        return Event(kind=self.kind, date=self.date or published, location=self.place)


def _is_place(line: str) -> bool:
    words = line.split()
    return 0 < len(words) <= _MAX_WORDS and words[0][:1].isupper() and not line.rstrip().endswith((".", "?", "!", ":"))


def _kind(*texts: str | None) -> str | None:
    """The most specific event kind the texts name ("Press Briefing Room", "... in Press Briefing")."""
    for kind, pattern in EVENT_KINDS:
        if any(text and re.search(pattern, text, re.I) for text in texts):
            return kind
    return None


def read_head(text: str, first_turn: int, title: str | None = None) -> Head:
    """The head of a transcript whose first turn label starts at ``first_turn``: each paragraph
    before it that is a place, a date or a time stamp; of two short lines of words, the first is the
    transcript's title ("Press Briefing on Harbour Safety") and the second the place. A longer
    paragraph (an editor's introduction) ends the head."""
    lines: list[tuple[str, Span]] = []
    date = None
    for para in paragraphs(text[:first_turn]):
        line = " ".join(para.text.split())
        if len(line.split()) > _MAX_WORDS:
            break
        if _TIME.match(line):
            lines.append(("time", para))
        elif _DATE_SHAPE.search(line) and (found := resolve_date(line, None)):
            date = date or found
            lines.append(("date", para))
        elif _is_place(line):
            lines.append(("words", para))
        else:
            break
    worded = [span for kind, span in lines if kind == "words"]
    headline = worded[0] if len(worded) > 1 and lines[0][1] == worded[0] else None
    place = next((" ".join(span.text.split()) for span in worded if span != headline), None)
    own_title = " ".join(headline.text.split()) if headline else None
    sections = tuple(Section(kind="headline" if span == headline else "dateline", span=span) for _, span in lines)
    return Head(sections, own_title, place, date, _kind(place, title or own_title))
