"""The bodies that a transcript's speakers lead, as the text says: "our head of the Water Board, who is
with us today, Ann Lee", "Jo Park, who has led the task force", "the position I have as the leader
of the Water Board", or speak for as members ("The Water Board met this morning. We …"). Officials
at a briefing speak for their body: their "we" ("as we said yesterday", "we have asked the banks to
…") is the body, not the person, and the participants stage records no organisation for an official
whom no title names it for."""

from __future__ import annotations

from collections.abc import Sequence

import attrs
from spacy.tokens import Doc, Token

from ..model import Participant, Span, Statement
from .mention_index import MentionIndex

__all__ = ["body_speakers", "led_bodies"]

#: Nouns for the one who leads a body ("the head of …", "the chair of …").
_LEADERS = {"head", "leader", "chief", "director", "chair", "chairman", "chairwoman", "chairperson",
            "administrator", "commissioner"}
#: Verbs of leading a body ("who has led the task force").
_LEADS = {"lead", "head", "chair", "run"}
#: Verbs of a body sitting ("the Council met this morning. We …"): a member reports it.
_SITS = {"meet", "convene", "gather", "assemble"}
_FIRST_PERSON = {"i", "me", "my"}
#: Sources that are the side a speaker speaks for.
_WE = {"we", "us", "our", "ourselves"}


def led_bodies(doc: Doc, participants: Sequence[Participant],
               turns: Sequence[tuple[Span, str | None]]) -> dict[str, str]:
    """Each person's id with the id of the organisation the text says they lead, where it says so
    once: an appositive title ("Ann Lee, the head of the Board"; "our head of the Board, …, Ann
    Lee"), a relative clause ("Ann Lee, who has led the Board"), or in their own turn, "as the leader
    of the Board" beside an "I", or the body's sitting followed by a "we" ("The Board met today. We
    agreed …": a member speaking for it). ``turns`` are the turn spans with their speaker's id."""
    index = MentionIndex(participants)
    found: dict[str, set[str]] = {}
    for token in doc:
        if token.lemma_.lower() in _LEADERS:
            body = next((index.at(p.idx, "organization") for c in token.children if c.dep_ == "prep"
                         and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"), None)
            person = _appositive(token, index) or _own_turn(token, turns)
        elif token.lemma_.lower() in _LEADS and token.dep_ == "relcl":
            body = next((index.at(c.idx, "organization") for c in token.children if c.dep_ == "dobj"), None)
            person = _appositive(token.head, index)
        elif token.lemma_.lower() in _SITS and _we_next(token):
            body = next((index.at(c.idx, "organization") for c in token.children if c.dep_ == "nsubj"), None)
            person = _speaker_of(token, turns)
        else:
            continue
        if body is not None and person is not None:
            found.setdefault(person, set()).add(body)
    return {person: bodies.pop() for person, bodies in found.items() if len(bodies) == 1}


def _appositive(token: Token, index: MentionIndex) -> str | None:
    """The person ``token`` names or stands in apposition to ("Ann Lee, the head of …"; "our head
    of …, Ann Lee")."""
    near = [token, *(c for c in token.children if c.dep_ == "appos"), *([token.head] if token.dep_ == "appos" else [])]
    return next((pid for t in near if (pid := index.at(t.idx, "person")) is not None), None)


def _own_turn(token: Token, turns: Sequence[tuple[Span, str | None]]) -> str | None:
    """The speaker of the turn holding ``token`` when it follows "as" in a sentence with an "I"
    ("the position I have as the leader of …")."""
    if token.dep_ != "pobj" or token.head.lower_ != "as" or not any(t.lower_ in _FIRST_PERSON for t in token.sent):
        return None
    return _speaker_of(token, turns)


def _speaker_of(token: Token, turns: Sequence[tuple[Span, str | None]]) -> str | None:
    return next((who for span, who in turns if span.start <= token.idx < span.end), None)


def _we_next(verb: Token) -> bool:
    """Whether the sentence after the verb's speaks as "we" ("The Council met today. We agreed …")."""
    end = verb.sent.end
    return end < len(verb.doc) and any(t.lower_ in _WE for t in verb.doc[end].sent)


def body_speakers(statements: Sequence[Statement], bodies: dict[str, str]) -> list[Statement]:
    """The ``statements`` with each whose source is a "we" or "us" given to the turn's speaker
    (``reported_by`` set) given to the body that speaker leads instead, when ``bodies`` has one."""
    return [attrs.evolve(s, speaker=bodies[s.speaker])
            if s.reported_by and s.source is not None and s.speaker in bodies and _is_we(s.source.text) else s
            for s in statements]


def _is_we(text: str) -> bool:
    words = text.lower().split()
    return bool(words) and set(words) <= _WE
