"""The reporting-cue lexicon (``data/cues.json``): verbs, nouns and phrases that report speech."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

from attrs import field, frozen

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["CueLexicon", "cue_lexicon"]

#: How many (lemma, word) pairs a lexicon keeps the mended lemma of.
_KEPT = 65536
# Verbs whose cue use needs a sign of speech beside them (a clause, a quote, "for", "out"):
# "called him a liar" is a cue, "called the meeting" is not.
_NEEDS_CONTENT = {"call", "continue", "point", "add", "press", "charge", "signal", "text", "phone", "cable", "radio",
                  "broadcast", "publish", "headline", "post", "raise", "voice", "maintain", "contend", "observe",
                  "tweet", "retweet", "email", "message", "blog"}


@frozen
class CueLexicon:
    verbs: frozenset[str]
    object_is_content: frozenset[str]
    object_is_recipient: frozenset[str]
    nouns: frozenset[str]
    phrases: tuple[str, ...]
    _mended: dict[tuple[str, str], str] = field(factory=dict, init=False, eq=False, repr=False)

    def lemma(self, token: Token) -> str:
        """The token's lemma, with the forms the small English model lemmatises oddly mended."""
        return self.word_lemma(token.lemma_.lower(), token.lower_)

    def word_lemma(self, lemma: str, lower: str) -> str:
        """:meth:`lemma` from a word's lower-cased lemma and lower-cased form (for callers that read
        the parse as arrays rather than as ``Token`` objects). Each pair's answer is kept on the
        lexicon (the same verbs recur in every text), up to :data:`_KEPT` pairs."""
        found = self._mended.get((lemma, lower))
        if found is None:
            if len(self._mended) >= _KEPT:
                self._mended.clear()
            found = self._mended[lemma, lower] = self._mend(lemma, lower)
        return found

    def _mend(self, lemma: str, lower: str) -> str:
        if lemma not in self.verbs and lower != lemma:
            for ending, repl in (("ied", "y"), ("ies", "y"), ("ed", ""), ("ed", "e"), ("es", ""), ("s", ""), ("ing", ""), ("ing", "e")):
                if lower.endswith(ending) and lower[: -len(ending)] + repl in self.verbs:
                    return lower[: -len(ending)] + repl
        return lemma

    def is_verb_cue(self, token: Token) -> bool:
        return token.pos_ in {"VERB", "AUX"} and self.lemma(token) in self.verbs

    def needs_content(self, lemma: str) -> bool:
        return lemma in _NEEDS_CONTENT


@cache
def cue_lexicon() -> CueLexicon:
    data = json.loads(resources.files("briefing").joinpath("data/cues.json").read_text("utf-8"))
    return CueLexicon(
        verbs=frozenset(data["verbs"]),
        object_is_content=frozenset(data["object_is_content"]),
        object_is_recipient=frozenset(data["object_is_recipient"]),
        nouns=frozenset(data["nouns"]),
        phrases=tuple(data["phrases"]),
    )
