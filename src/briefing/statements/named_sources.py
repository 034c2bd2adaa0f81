"""Organisations that speak inside a transcript's turns but that the participants stage did not find:
"we heard directly from Acme that …", "the Acme plant I visited told me …". The reports that the
turn rules add have no resolver behind them, so a source naming an organisation (its head word, or
the name that head is compounded with) that no participant bears speaks as a new ``organization``
participant of that name (one per name, an existing one of the same name reused)."""

from __future__ import annotations

from collections.abc import Sequence

import attrs
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from ..model import Participant, Span, Statement
from ..nlp import doc_text
from .new_speakers import NewSpeakers

__all__ = ["organization_speakers"]


def organization_speakers(statements: Sequence[Statement], doc: Doc,
                          participants: Sequence[Participant]) -> tuple[list[Statement], list[Participant]]:
    """The ``statements`` with each one reported inside a turn (``reported_by``) that has no
    speaker and whose source names an organisation given that organisation, and the participants
    added for them."""
    speakers = NewSpeakers(participants)
    text = doc_text(doc)
    out = []
    for statement in statements:
        entity = _organization(doc, statement.source) if statement.reported_by and statement.speaker is None else None
        if entity is not None:
            mention = Span.of(text, entity.start_char, entity.end_char)
            statement = attrs.evolve(statement, speaker=speakers.named(entity.text, "organization", mention))
        out.append(statement)
    return out, list(speakers.added.values())


def _organization(doc: Doc, source: Span | None) -> SpacySpan | None:
    """The organisation a source's head names ("Acme") or is compounded with ("the Acme plant"),
    without an article."""
    span = doc.char_span(source.start, source.end, alignment_mode="expand") if source is not None else None
    if span is None:
        return None
    root = span.root
    for token in (root, *(c for c in root.children if c.dep_ == "compound")):
        if token.ent_type_ == "ORG":
            entity = next(e for e in doc.ents if e.start <= token.i < e.end)
            return entity[1:] if entity[0].lower_ == "the" and len(entity) > 1 else entity
    return None
