"""Noun phrases as issues: the phrase a mention is part of, framed as the speaker frames it, with
a key that tells variants apart from narrower framings.

"no mass deportations" is about *mass deportations*, not deportations: a modifier that narrows
the head ("mass", "steel" in "tariffs on steel" aside) stays in the phrase; determiners and
generic modifiers ("the new tariffs") do not. "test kits" and "testing" are about testing: the
issue word modifies the head there, and :func:`stems` makes both share a stem.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING

from attrs import frozen

from .stance import stance_lexicon
from .words import Word, as_words

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

__all__ = ["Phrase", "phrase_at", "stem"]

_CONTENT = {"NOUN", "PROPN", "ADJ"}
_SUFFIXES = ("ings", "ing", "ions", "ion", "ies", "es", "s", "ed")


@lru_cache(maxsize=1 << 14)
def stem(word: str) -> str:
    """A crude English stem that joins a noun's number and its verbal noun: tests, testing -> test;
    deportations, deportation -> deportat (not deport: an "-ation" noun keeps its "at"). Crude both
    ways: direction and direct share "direct". Kept for the words seen last (they come back)."""
    word = word.lower()
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    return word.rstrip("e") if len(word) > 4 else word


@frozen
class Phrase:
    """A framed noun phrase: its character span, its label as written, the stem of its head and the
    stems of its modifiers."""

    start: int
    end: int
    label: str
    head: str
    modifiers: tuple[str, ...]

    @property
    def key(self) -> str:
        return re.sub(r"[^a-z0-9]+", "-", " ".join((*self.modifiers, self.head))).strip("-")

    @property
    def stems(self) -> frozenset[str]:
        return frozenset((*self.modifiers, self.head))


def _framing(token: Word, generic: frozenset[str]) -> bool:
    """Whether a modifier narrows what its head names: a compound noun or a non-generic adjective."""
    if token.dep_ in {"compound", "nmod"} and token.pos_ in {"NOUN", "PROPN"}:
        return True
    return token.dep_ == "amod" and token.pos_ == "ADJ" and token.lemma_.lower() not in generic


def phrase_at(tokens: Sequence[Token | Word] | SpacySpan) -> Phrase | None:
    """The framed noun phrase around ``tokens`` (a mention or a noun chunk): its nominal head with
    the modifiers that narrow it; ``None`` when the head is no noun, a generic one ("things") or
    no word at all (a dash, or a clitic "’s", tagged as a noun)."""
    tokens = as_words(tokens)
    if not tokens:
        return None
    root = min(tokens, key=lambda t: t.depth)
    while root.dep_ == "compound" and root.head.pos_ in {"NOUN", "PROPN"} and root.head.i == root.i + 1:
        root = root.head
    generic = stance_lexicon().generic
    if root.pos_ not in {"NOUN", "PROPN"} or root.lemma_.lower() in generic or not any(c.isalpha() for c in root.text) \
            or root.text[0] in "'’":
        return None  # a dash, a number or a clitic ("’s" split off a name) tagged as a noun names nothing
    kept = [root]
    frontier = [root]
    while frontier:
        node = frontier.pop()
        for child in node.lefts:
            if _framing(child, generic):
                kept.append(child)
                frontier.append(child)
                # "safe, lawful and ordered migration": the coordinated modifiers frame it too
                kept += [c for c in child.rights if c.dep_ == "conj" and c.pos_ == "ADJ" and c.i < root.i]
    first, last = min(t.i for t in kept), max(t.i for t in kept)
    while first > 0 and _glued(root.words[first - 1], root.words[first]) and root.words[first - 1].text.isdigit():
        first -= 1  # a number written onto the word is part of it: "3M", "5G"
    spanned = root.words[first : last + 1]
    words = [t for t in spanned if t.pos_ in _CONTENT]
    if not words:
        return None
    # the words as written: each with the space after it (one at most, as spaCy keeps it) but the last
    text = "".join(w.text + " " * (after.idx - w.idx - len(w)) for w, after in pairwise(spanned)) + spanned[-1].text
    label = text if any(t.pos_ == "PROPN" for t in words) else text.lower()
    written = _written_words(spanned)
    head = next(w for w in written if root in w)
    modifiers = tuple(_stem_of(w) for w in written if w is not head and any(t.pos_ in _CONTENT for t in w))
    return Phrase(spanned[0].idx, spanned[0].idx + len(text), label, _stem_of(head), modifiers)


def _glued(before: Word, token: Word) -> bool:
    """Whether two tokens are written with no space between them."""
    return before.idx + len(before) == token.idx


def _written_words(tokens: Sequence[Word]) -> list[list[Word]]:
    """The tokens as written words: tokens joined by a hyphen with no space are one word, and so
    is a number with the word written onto it. The parser splits "check-ins" into a compound
    "check" and a head "ins", but a check-in is no check, nor a drive-through a pass-through; and
    "3M" into "3" and "M"."""
    written: list[list[Word]] = []
    for before, token in zip([None, *tokens], tokens):
        joined = before is not None and _glued(before, token) and ("-" in {before.text, token.text} or before.text.isdigit())
        if joined:
            written[-1].append(token)
        else:
            written.append([token])
    return written


def _stem_of(word: Sequence[Word]) -> str:
    """The stem of a written word, of its lemma's if it is one token ("high-throughput", "check-in")."""
    return stem("".join(t.lemma_ for t in word))
