"""Pieces of writing that speak inside a transcript's turns: "the Post ran a story suggesting that
…", "the Board's report says …", "a letter from the mayor warned …". A story or a report says what
whoever put it out says, so a statement whose source is one speaks as that participant: the
subject of the verb that put it out, its possessor, or the one it is from, by or in."""

from __future__ import annotations

from collections.abc import Sequence

import attrs
from spacy.tokens import Doc, Token

from ..model import Participant, Statement
from .mention_index import MentionIndex

__all__ = ["writing_speakers"]

#: Nouns for a piece of writing that reports ("a story suggesting that …").
_WRITINGS = {"story", "article", "report", "piece", "editorial", "column", "op-ed", "letter", "memo", "study",
             "paper", "tweet", "post", "headline", "investigation"}
#: Prepositions naming where a piece comes from ("a letter from the mayor", "a story in the Post").
_FROM = {"from", "by", "in"}


def writing_speakers(statements: Sequence[Statement], doc: Doc,
                     participants: Sequence[Participant]) -> list[Statement]:
    """The ``statements`` with each one reported inside a turn (``reported_by``) that has no speaker
    and whose source is a piece of writing given the participant who put it out, when the text
    names one."""
    index = MentionIndex(participants)
    out = []
    for statement in statements:
        source = statement.source
        span = (doc.char_span(source.start, source.end, alignment_mode="expand")
                if statement.reported_by and statement.speaker is None and source is not None else None)
        if span is not None and span.root.lemma_.lower() in _WRITINGS:
            author = next((pid for token in _authors(span.root) for kind in ("organization", "person")
                           if (pid := index.at(token.idx, kind)) is not None), None)
            statement = attrs.evolve(statement, speaker=author) if author is not None else statement
        out.append(statement)
    return out


def _authors(writing: Token) -> list[Token]:
    """The words that may name who put out a piece of writing: its possessor, the object of a
    "from", "by" or "in" after it, and the subject of the verb it is the object of."""
    found = [c for c in writing.children if c.dep_ == "poss"]
    found += [o for p in writing.children if p.dep_ == "prep" and p.lower_ in _FROM
              for o in p.children if o.dep_ == "pobj"]
    if writing.dep_ == "dobj":
        found += [c for c in writing.head.children if c.dep_ == "nsubj"]
    return found
