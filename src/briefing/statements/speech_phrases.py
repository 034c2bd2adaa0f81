"""Verb phrases that report speech though their verb is no speech verb: "made it clear", "made it
plain", "sent this message", "made the point". The turn rules take them as cues ("she made it plain:
…", "as we made it clear to them, that …")."""

from __future__ import annotations

from spacy.tokens import Token

__all__ = ["speech_phrase"]

#: Objects that make a verb a report: "sent this message", "made the point".
_SPEECH_OBJECTS = {"message", "word", "point", "warning", "advice", "plea", "appeal", "request", "call"}
#: "made it clear", "made it plain".
_MAKE_CLEAR = {"clear", "plain", "known"}


def speech_phrase(verb: Token) -> bool:
    """Whether a verb with its object reports speech: "made it plain", "sent this message"."""
    children = list(verb.children)
    if verb.lemma_.lower() == "make":
        return any(c.lower_ in _MAKE_CLEAR for c in children)
    return any(c.dep_ == "dobj" and c.lemma_.lower() in _SPEECH_OBJECTS for c in children)
