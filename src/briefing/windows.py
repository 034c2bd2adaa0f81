"""Texts too long to parse at once, extracted window by window in bounded memory.

The text is cut into pieces between paragraphs (:func:`briefing.nlp.cut_points`), each parsed once.
A window is a few consecutive pieces joined into one ``Doc``: the pieces it *owns* and one piece of
context on each side, so that a quote running across a cut, or a reporting clause in the paragraph
before its quote, is read whole by the window owning its start. Windows overlap by two pieces;
each is extracted as if it were the whole text, its spans are moved to whole-text offsets, and only
what starts in its owned pieces is kept. Participants and issues are merged across windows by id
(the same name gives the same id), statements renumbered in text order, and the finer issues of
the union limited as in one text (:mod:`briefing.issues.limit`). Only a window's pieces are
ever held, so memory is bounded by the window, not by the text.

Metadata (headline, byline, event) describes the head of a text: only the first window runs that
stage, and the later ones start from the source and event it found.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, TypeVar

import attrs

from .issues.limit import joined_positions, limit_finer_issues
from .model import Briefing, Issue, Participant, Section, Span, Statement
from .nlp import cut_points

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["OWNED_PIECES", "extract_in_windows", "window_bounds"]

#: Pieces a window owns; with a piece of context on each side a window holds two more, and a piece
#: is at most ``limit / (OWNED_PIECES + 2)`` characters so that a window is at most ``limit``.
#: Extraction reads each piece (OWNED_PIECES + 2) / OWNED_PIECES times, parsing once.
OWNED_PIECES = 8

T = TypeVar("T")

#: Extracts one window: ``(briefing of the window's text, its Doc, whether it is the first)``.
WindowExtractor = Callable[[Briefing, "Doc", bool], Briefing]


@attrs.frozen
class Window:
    """Pieces ``first``..``last`` (exclusive) of the text, owning ``own_first``..``own_last``;
    ``start``, ``end``, ``own_start`` and ``own_end`` are the same bounds in characters."""

    first: int
    last: int
    own_first: int
    own_last: int
    start: int
    end: int
    own_start: int
    own_end: int

    def owns(self, offset: int) -> bool:
        return self.own_start <= offset < self.own_end


def window_bounds(text: str, limit: int) -> tuple[list[int], list[Window]]:
    """The piece bounds (``[0, cut, ..., len(text)]``) of a text cut for windows of at most
    ``limit`` characters, and the windows, whose owned parts tile the text in order."""
    piece = max(1, limit // (OWNED_PIECES + 2))
    bounds = [0, *cut_points(text, piece), len(text)]
    pieces = len(bounds) - 1
    windows = []
    for own_first in range(0, pieces, OWNED_PIECES):
        own_last = min(pieces, own_first + OWNED_PIECES)
        first, last = max(0, own_first - 1), min(pieces, own_last + 1)
        windows.append(Window(first, last, own_first, own_last, bounds[first], bounds[last],
                              bounds[own_first], bounds[own_last]))
    return bounds, windows


def _moved(value: T, offset: int) -> T:
    """``value`` (a span, a model object or a tuple of them) with every span moved by ``offset``."""
    if isinstance(value, Span):
        return attrs.evolve(value, start=value.start + offset, end=value.end + offset)  # type: ignore[return-value]
    if isinstance(value, tuple):
        return tuple(_moved(v, offset) for v in value)  # type: ignore[return-value]
    if attrs.has(type(value)):
        return attrs.evolve(value, **{f.name: _moved(getattr(value, f.name), offset) for f in attrs.fields(type(value))})
    return value


def _inside(spans: Iterable[Span], start: int, end: int) -> tuple[Span, ...]:
    """The spans within ``start``..``end``, moved to offsets from ``start``."""
    return tuple(_moved(s, -start) for s in spans if start <= s.start and s.end <= end)


def _clipped_section(section: Section, text: str, start: int, end: int) -> Section | None:
    """The part of a section inside ``start``..``end`` (a transcript turn may run past a window),
    with offsets from ``start``."""
    a, b = max(section.span.start, start), min(section.span.end, end)
    return attrs.evolve(section, span=Span.of(text, a - start, b - start)) if a < b else None


def _view(briefing: Briefing, head: Briefing, window: Window) -> Briefing:
    """What a window's extractors start from: its text, the reader's sections and participants
    within it, and the source and event as the first window left them (``head``)."""
    text = briefing.text[window.start : window.end]
    sections = (_clipped_section(s, text, window.start, window.end) for s in briefing.sections)
    return attrs.evolve(
        briefing, text=text, source=head.source, event=head.event, statements=(), issues=(),
        sections=[s for s in sections if s is not None],
        participants=[attrs.evolve(p, mentions=_inside(p.mentions, window.start, window.end))
                      for p in briefing.participants],
    )


def _statement_start(statement: Statement) -> int:
    return min(s.start for s in (*statement.content, statement.cue, statement.source) if s is not None)


_ROLE_RANK = {"author": 0, "speaker": 1, "attendee": 2, "mentioned": 3}


def _joined(kept: Participant, new: Participant) -> Participant:
    """One participant found in two windows: the first's attributes, completed by the second's."""
    return attrs.evolve(
        kept,
        title=kept.title or new.title,
        organization=kept.organization or new.organization,
        affiliation=kept.affiliation or new.affiliation,
        party=kept.party or new.party,
        org_type=kept.org_type or new.org_type,
        role=min(kept.role, new.role, key=_ROLE_RANK.__getitem__),
        mentions=(*kept.mentions, *new.mentions),
        members=tuple(dict.fromkeys((*kept.members, *new.members))),
    )


@attrs.define
class _Merged:
    """The whole text's briefing as it is gathered, window by window."""

    briefing: Briefing
    head: Briefing | None = None
    sections: list[Section] = attrs.field(factory=list)
    participants: dict[str, Participant] = attrs.field(factory=dict)
    statements: list[Statement] = attrs.field(factory=list)
    issues: dict[str, Issue] = attrs.field(factory=dict)
    used: set[str] = attrs.field(factory=set)  # the statement ids taken so far

    def add(self, result: Briefing, window: Window) -> None:
        """Keep what ``result`` (a window's briefing) found in the window's owned part."""
        self.head = self.head or result
        given = {(s.kind, s.span) for s in self.briefing.sections}
        self.sections += [s for s in _moved(result.sections, window.start)
                          if window.owns(s.span.start) and (s.kind, s.span) not in given]
        renamed: dict[str, str] = {}
        self.used.update(s.id for s in self.briefing.statements)
        for statement in _moved(result.statements, window.start):
            if window.owns(_statement_start(statement)):
                number = len(self.statements) + len(self.briefing.statements) + 1
                while f"s{number}" in self.used:
                    number += 1
                renamed[statement.id] = f"s{number}"
                self.used.add(f"s{number}")
                self.statements.append(attrs.evolve(statement, id=f"s{number}"))
        for participant in _moved(result.participants, window.start):
            participant = attrs.evolve(participant, mentions=[m for m in participant.mentions if window.owns(m.start)])
            kept = self.participants.get(participant.id)
            self.participants[participant.id] = participant if kept is None else _joined(kept, participant)
        for issue in _moved(result.issues, window.start):
            positions = []
            for position in issue.positions:
                statements = [renamed[s] for s in position.statements if s in renamed]
                if statements or (not position.statements and all(window.owns(e.start) for e in position.evidence[:1])):
                    positions.append(attrs.evolve(position, statements=statements))
            issue = attrs.evolve(issue, mentions=[m for m in issue.mentions if window.owns(m.start)], positions=positions)
            kept = self.issues.get(issue.id)
            self.issues[issue.id] = issue if kept is None else attrs.evolve(
                kept, mentions=(*kept.mentions, *issue.mentions),
                positions=joined_positions((*kept.positions, *issue.positions)))

    def result(self) -> Briefing:
        """The whole text's briefing: what the windows kept, less the participants and issues that
        only a window's context held and nothing refers to."""
        head = self.head or self.briefing
        statements = (*self.briefing.statements, *self.statements)
        issues = [*self.briefing.issues, *(i for i in self.issues.values() if i.id not in {g.id for g in self.briefing.issues})]
        wanted = {i for s in statements for i in s.issues} | {i.parent for i in issues}
        issues = [i for i in issues if i.mentions or i.positions or i.id in wanted]
        given = {p.id for p in self.briefing.participants}
        referred = ({s.speaker for s in statements} | {p.participant for i in issues for p in i.positions}
                    | {m for p in self.participants.values() for m in p.members})
        participants = [p for p in self.participants.values() if p.mentions or p.id in given | referred]
        return limit_finer_issues(attrs.evolve(
            self.briefing, source=head.source, event=head.event, provenance=head.provenance,
            sections=sorted((*self.briefing.sections, *self.sections), key=lambda s: s.span),
            participants=participants, statements=statements, issues=issues,
        ))


def _parsed_pieces(pipe: Callable[..., Iterator[Doc]], text: str, bounds: list[int]) -> Iterator[Doc]:
    """The ``Doc`` of each piece, parsed as they are asked for (a few at a time)."""
    return iter(pipe((text[a:b] for a, b in zip(bounds, bounds[1:])), batch_size=2))


def extract_in_windows(pipe: Callable[..., Iterator[Doc]], briefing: Briefing, limit: int,
                       extract: WindowExtractor) -> Briefing:
    """The briefing of a long text, extracted window by window (windows of at most ``limit``
    characters): its pieces are parsed with ``pipe`` (``nlp.pipe`` or
    :meth:`briefing.Pipeline.pipe`), ``extract`` is run on each window's briefing and ``Doc``, and
    the results are merged into one briefing whose spans index the whole text."""
    from spacy.tokens import Doc

    bounds, windows = window_bounds(briefing.text, limit)
    parsed = _parsed_pieces(pipe, briefing.text, bounds)
    pieces: dict[int, Doc] = {}
    merged = _Merged(briefing)
    for window in windows:
        while len(pieces) < window.last - window.first:
            pieces[window.first + len(pieces)] = next(parsed)
        doc = Doc.from_docs([pieces[i] for i in range(window.first, window.last)], ensure_whitespace=False)
        for i in range(window.first, window.own_last - 1):
            del pieces[i]  # the next window starts at the last owned piece
        view = _view(briefing, merged.head or briefing, window)
        merged.add(extract(view, doc, merged.head is None), window)
        del doc
    return merged.result()
