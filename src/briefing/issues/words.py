"""A parsed text's words as plain Python objects, for the walks up the tree that read stances
(:mod:`.stance`) and frame phrases (:mod:`.phrases`).

Each ``Word`` has the attributes of a spaCy ``Token`` those walks read, under the same names
(``i``, ``idx``, ``text``, ``lower_``, ``lemma_``, ``pos_``, ``tag_``, ``dep_``, ``ent_type_``,
``head``, ``children``, ``lefts``, ``rights``, ``subtree``, ...), so the rules read as they would on
tokens. spaCy builds a new ``Token`` at every ``.head``, ``.children`` and ``doc[i]``, and a walk
asks for thousands; a ``Word`` is made once per token (a sentence at a time, see :class:`DocWords`),
from the doc's columns (:mod:`briefing.doc_tables`), with its head and children linked. There is one ``Word`` per token,
so words compare and hash by identity, as tokens of one doc compare by index. They describe the
doc as parsed, and are not kept on it (a doc holds plain lists only, so it still serializes).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from ..doc_tables import depths, head_indices, lexeme_ids, sentence_starts, token_attributes, token_texts

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["DocWords", "Word", "as_words"]


class Word:
    """One token of a parsed doc: its attributes, ``depth`` (its number of ancestors), its head
    (itself for a sentence's root) and its children, left and right, in order."""

    __slots__ = ("children", "dep_", "depth", "doc", "ent_type_", "head", "i", "idx", "lemma", "lemma_", "lower",
                 "lower_", "pos_", "tag_", "text", "words")

    def __len__(self) -> int:
        return len(self.text)

    def __repr__(self) -> str:
        return self.text

    @property
    def lefts(self) -> list[Word]:
        """The children before the word."""
        return [c for c in self.children if c.i < self.i]

    @property
    def rights(self) -> list[Word]:
        """The children after the word."""
        return [c for c in self.children if c.i > self.i]

    @property
    def subtree(self) -> Iterator[Word]:
        """The word and its descendants, in spaCy's order (each left child's subtree, the word,
        each right child's)."""
        for word in self.lefts:
            yield from word.subtree
        yield self
        for word in self.rights:
            yield from word.subtree

    def nbor(self, offset: int = 1) -> Word:
        """The word ``offset`` places away."""
        return self.words[self.i + offset]


class DocWords(Sequence[Word]):
    """A doc's words, one per token, made a sentence at a time, when a word of the sentence is
    first asked for (a head and its children are in the same sentence): most walks stay in the
    sentences that hold statements and issues, and a word made is kept alive while the doc is read,
    so those never asked for are not made."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self._made: list[Word | None] = [None] * len(doc)
        starts, heads = sentence_starts(doc), head_indices(doc)
        # each token's unit: its sentence, or the whole doc if a head lies outside its sentence
        self._starts = starts if all(starts[h] == s for s, h in zip(starts, heads)) else [0] * len(doc)
        self._heads = heads

    def __len__(self) -> int:
        return len(self._made)

    def __getitem__(self, at):
        if isinstance(at, slice):
            found = self._made[at]
            if None in found:  # a sentence not made yet: make each
                found = [self[i] for i in range(*at.indices(len(self)))]
            return found
        word = self._made[at]
        if word is None:
            self._make(self._starts[at])
            word = self._made[at]
        return word

    def unlink(self) -> None:
        """Drop the links between the words made (head, children, the words of the doc), so that
        they are freed as soon as nothing else holds them. Linked, each is part of a cycle of
        references, which only the garbage collector frees: its full passes over every object of
        the process then cost more than making the words did."""
        for word in self._made:
            if word is not None:
                word.head = word.children = word.words = None
        self._made = []

    def _make(self, start: int) -> None:
        """Make the words of the sentence that starts at token ``start``, linked to their heads and
        children."""
        doc, made, heads = self.doc, self._made, self._heads
        end = bisect_right(self._starts, start)
        columns, ids = token_attributes(doc), lexeme_ids(doc)
        made[start:end] = words = [Word() for _ in range(start, end)]
        rows = zip(words, columns["idx"][start:end], token_texts(doc)[start:end], columns["lower"][start:end],
                   ids["lower"][start:end], columns["lemma"][start:end], ids["lemma"][start:end],
                   columns["pos"][start:end], columns["tag"][start:end], columns["dep"][start:end],
                   columns["ent_type"][start:end], depths(doc)[start:end], strict=True)
        children: dict[int, list[Word]] = {}  # half the words have none: no list for those
        for i, (word, *values) in enumerate(rows, start):
            (word.idx, word.text, word.lower_, word.lower, word.lemma_, word.lemma, word.pos_, word.tag_, word.dep_,
             word.ent_type_, word.depth) = values
            head = heads[i]
            word.i, word.head, word.doc, word.words, word.children = i, made[head], doc, self, ()
            if head != i:
                children.setdefault(head, []).append(word)  # in order: left children, then right
        for i, found in children.items():
            made[i].children = tuple(found)


def as_words(tokens: Iterable[Token | Word], words: Sequence[Word] | None = None) -> list[Word]:
    """``tokens`` as words: words as they are, spaCy tokens (or a span) as the words of their doc,
    ``words`` when given (those of other words the tokens are compared with)."""
    tokens = list(tokens)
    if not tokens or isinstance(tokens[0], Word):
        return tokens
    words = words if words is not None else DocWords(tokens[0].doc)
    return [words[t.i] for t in tokens]
