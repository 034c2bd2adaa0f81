"""Speakers named together inside a transcript's turns: "the President and I promised …", "Dr. Lee
and I told them …". A source joining the turn's own speaker ("I", "we") with people the text names
is neither one of them alone: it speaks as a ``group`` participant whose members are all of them,
and the source is the whole coordination, also when the statement found held only one of its
parts ("I")."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import attrs
from spacy.tokens import Doc, Token

from ..model import Participant, Span, Statement
from ..nlp import doc_text
from ..participants.names import slug, unique_id
from .mention_index import MentionIndex

__all__ = ["joint_speakers"]

#: Pronouns that stand for the turn's speaker within a coordination ("the President and I").
_SELF = {"i", "me", "we", "us"}
_NOUNS = {"PROPN", "NOUN"}


def joint_speakers(statements: Sequence[Statement], doc: Doc, participants: Sequence[Participant],
                   turn_speakers: Mapping[str, str | None]) -> tuple[list[Statement], list[Participant]]:
    """The ``statements`` with each one reported inside a turn (``reported_by``, a key of
    ``turn_speakers`` giving that turn's speaker) whose source is a coordination of the turn's
    speaker and named people given the group of them all, and the group participants added for them
    (an existing group of the same members is reused)."""
    text = doc_text(doc)
    index = MentionIndex(participants)
    names = {p.id: p.name for p in participants}
    groups = {frozenset(p.members): p.id for p in participants if p.kind == "group" and p.members}
    used = {p.id for p in participants}
    added: dict[str, Participant] = {}
    out = []
    for statement in statements:
        who = turn_speakers.get(statement.reported_by or "")
        joined = _coordination(doc, statement.source) if who is not None else None
        if joined is not None:
            members = list(dict.fromkeys(who if t.lower_ in _SELF else index.at(t.idx, "person")
                                         for t in joined))
            if None not in members and len(members) > 1:
                key = frozenset(members)
                if key not in groups:
                    name = " and ".join(names[m] for m in members)
                    groups[key] = unique_id(slug(name), used)
                    added[groups[key]] = Participant(id=groups[key], name=name, kind="group", role="speaker",
                                                     members=tuple(members))
                span = doc[min(t.left_edge.i for t in joined) : max(t.i for t in joined) + 1]
                source = Span.of(text, span.start_char, span.end_char)
                if groups[key] in added:
                    group = added[groups[key]]
                    added[groups[key]] = attrs.evolve(group, mentions=sorted({*group.mentions, source}))
                statement = attrs.evolve(statement, speaker=groups[key], source=source)
        out.append(statement)
    return out, list(added.values())


def _coordination(doc: Doc, source: Span | None) -> list[Token] | None:
    """The conjuncts of the coordination a source is or is part of, when one of them is an "I" or
    "we" ("the President and I"), else ``None``. An "I" right after "and" and a noun is joined to
    that noun however the parse hangs them."""
    span = doc.char_span(source.start, source.end, alignment_mode="expand") if source is not None else None
    if span is None:
        return None
    head = span.root
    if head.lower_ in _SELF and head.i >= 2 and doc[head.i - 1].lower_ == "and" and doc[head.i - 2].pos_ in _NOUNS:
        return [doc[head.i - 2], head]
    while head.dep_ == "conj" and head.head != head:
        head = head.head
    joined = [head, *head.conjuncts]
    return joined if len(joined) > 1 and any(t.lower_ in _SELF for t in joined) else None
