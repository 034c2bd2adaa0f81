"""Speakers named together inside a transcript's turns: "the President and I promised …", "Dr. Lee
and I told them …". A source joining the turn's own speaker ("I", "we") with people the text names
is neither one of them alone: it speaks as a ``group`` participant whose members are all of them,
and the source is the whole coordination, also when the statement found held only one of its
parts ("I"). So does a "they" no one was found for after sentences about two or more people ("Lee
has been generous. Kim has too. They say …"), and a reporter's plural "you" ("you guys have said …",
"you all announced …"): the officials who have spoken so far, not the one the question is put to."""

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
_SUBJECTS = {"nsubj", "nsubjpass"}
#: Words that make a "you" plural ("you guys", "you all", "you folks").
_PLURAL_YOU = {"guys", "all", "folks", "people"}


def joint_speakers(statements: Sequence[Statement], doc: Doc, participants: Sequence[Participant],
                   turn_speakers: Mapping[str, str | None],
                   officials: Sequence[tuple[int, str]] = ()) -> tuple[list[Statement], list[Participant]]:
    """The ``statements`` with each one reported inside a turn (``reported_by``, a key of
    ``turn_speakers`` giving that turn's speaker) whose source is a coordination of the turn's
    speaker and named people, or a plural "you" in a reporter's turn, given the group of them all,
    and the group participants added for them (an existing group of the same members is reused).
    ``officials`` are the start offsets of the turns that people speak, with their speaker's id."""
    text = doc_text(doc)
    index = MentionIndex(participants)
    names = {p.id: p.name for p in participants}
    groups = {frozenset(p.members): p.id for p in participants if p.kind == "group" and p.members}
    used = {p.id for p in participants}
    added: dict[str, Participant] = {}
    speaking = {who for _start, who in officials}
    out = []
    for statement in statements:
        who = turn_speakers.get(statement.reported_by or "")
        joined = _coordination(doc, statement.source) if who is not None else None
        named = _named_before(doc, statement, index, who) if who is not None and joined is None else None
        named = named or (_addressed(statement, officials) if who not in speaking else None)
        if joined is not None or named:
            members = named or list(dict.fromkeys(who if t.lower_ in _SELF else index.at(t.idx, "person")
                                                  for t in joined))
            if None not in members and len(members) > 1:
                key = frozenset(members)
                if key not in groups:
                    name = " and ".join(names[m] for m in members)
                    groups[key] = unique_id(slug(name), used)
                    added[groups[key]] = Participant(id=groups[key], name=name, kind="group", role="speaker",
                                                     members=tuple(members))
                source = statement.source
                if joined is not None:
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


def _addressed(statement: Statement, officials: Sequence[tuple[int, str]]) -> list[str] | None:
    """For a plural "you" ("you guys"), the people who spoke a turn before it."""
    source = statement.source
    words = source.text.lower().split() if source is not None else []
    if len(words) < 2 or words[0] != "you" or not set(words[1:]) <= _PLURAL_YOU:
        return None
    return list(dict.fromkeys(who for start, who in officials if start < source.start)) or None


def _named_before(doc: Doc, statement: Statement, index: MentionIndex, who: str) -> list[str] | None:
    """For a "they" no one was found for, the people other than the turn's speaker ``who`` that the
    sentence before it and the one before that have as subjects, when there are two or more ("Lee
    has been generous. Kim has been generous too. They say we …"), else ``None``."""
    source = statement.source
    if statement.speaker is not None or source is None or source.text.lower() != "they":
        return None
    token = doc.char_span(source.start, source.end, alignment_mode="expand")
    sentence = token.sent if token is not None else None
    if sentence is None or sentence.start == 0:
        return None
    first = doc[sentence.start - 1].sent
    if first.start > 0:
        first = doc[first.start - 1].sent
    found = dict.fromkeys(pid for t in doc[first.start : sentence.start] if t.dep_ in _SUBJECTS
                          and (pid := index.at(t.idx, "person")) is not None and pid != who)
    return list(found) if len(found) > 1 else None
