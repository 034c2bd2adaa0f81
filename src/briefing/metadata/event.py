"""The event a text reports: its kind, date and place, from the parsed text."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from ..model import Event
from ..nlp import doc_text
from .dates import resolve_date

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span as SpacySpan

__all__ = ["EVENT_KINDS", "HINTS", "find_event"]

#: Event kinds, most specific first, with the phrases that name them.
EVENT_KINDS = (
    ("press_briefing", r"(?:press|news|media)\s+briefing|briefing\s+(?:room|reporters|the press)|briefed\s+reporters"),
    ("press_conference", r"(?:press|news|joint)\s+conference|presser"),
    ("joint_statement", r"joint\s+(?:statement|declaration|communiqu[eé])"),
    ("interview", r"\binterview(?:ed)?\b"),
    ("hearing", r"\b(?:congressional\s+|senate\s+|house\s+)?hearing\b"),
    ("speech", r"\b(?:speech|address(?:ed)?\s+(?:the|a)\s+(?:crowd|rally|nation|audience)|rally)\b"),
    ("meeting", r"\b(?:meeting|summit|talks|met\s+with)\b"),
)
#: Per event kind, words one of which every match of its phrases holds (in lowercase): a text of
#: plain ASCII holding none of them cannot name that kind, and is not searched for its phrases.
HINTS = {
    "press_briefing": ("brief",),
    "press_conference": ("conference", "presser"),
    "joint_statement": ("joint",),
    "interview": ("interview",),
    "hearing": ("hearing",),
    "speech": ("speech", "address", "rally"),
    "meeting": ("meeting", "summit", "talks", "met"),
}
_PLACE_LABELS = {"GPE", "LOC", "FAC"}


def _kind_and_sentence(doc: Doc, start: int) -> tuple[str | None, SpacySpan | None]:
    text = doc_text(doc)
    # outside ASCII, case-insensitive matching reaches beyond ``lower()`` ("ſ" matches "s")
    lowered = text[start:].lower() if text.isascii() else None
    for kind, pattern in EVENT_KINDS:
        if lowered is not None and not any(hint in lowered for hint in HINTS[kind]):
            continue
        match = re.compile(pattern, re.I).search(text, start)
        if match:
            token = doc.char_span(match.start(), match.end(), alignment_mode="expand")
            return kind, token.sent if token is not None else None
    return None, None


def _date_near(sentence: SpacySpan, base: dt.date | None, body_start: int = 0) -> str | None:
    """The first date named in the event's sentence, else in the one before; dates in the
    headline or byline (before ``body_start``) are the article's, not the event's."""
    doc = sentence.doc
    nearby = [sentence]
    if sentence.start > 0:
        nearby.append(doc[sentence.start - 1].sent)
    for sent in nearby:
        for ent in sent.ents:
            if ent.label_ == "DATE" and ent.start_char >= body_start:
                resolved = resolve_date(ent.text, base)
                if resolved:
                    return resolved
    return None


def _place_near(doc: Doc, sentence: SpacySpan | None, start: int) -> str | None:
    """The first place named after "in" or "at": in the event's sentence, then in the body
    sentences before it (nearest first), then after it. One pass over the entities, so a text with
    thousands of sentences costs no more than its entities."""
    if sentence is not None and sentence.end_char <= start:
        sentence = None
    found = []
    for ent in doc.ents:
        if ent.label_ not in _PLACE_LABELS or ent.start == 0 or doc[ent.start - 1].lower_ not in {"in", "at"}:
            continue
        sent = ent.sent
        if sent.end_char <= start:
            continue
        if sentence is None:
            order = (0, sent.start)
        elif sent.start == sentence.start:
            order = (0, 0)
        else:
            order = (1, -sent.start) if sent.start < sentence.start else (2, sent.start)
        found.append((order, ent.start, ent.text))
    return min(found)[2] if found else None


def find_event(doc: Doc, *, body_start: int = 0, published: str | None = None, place: str | None = None) -> Event:
    """The event: the most specific kind named in the body, the date named in or just before the
    sentence naming it (resolved against ``published``), and where it took place (``place`` from
    a dateline wins)."""
    base = dt.date.fromisoformat(published) if published else None
    kind, sentence = _kind_and_sentence(doc, body_start)
    date = _date_near(sentence, base, body_start) if sentence is not None else None
    return Event(
        kind=kind,
        date=date,
        location=place or _place_near(doc, sentence, body_start),
    )
