"""The parse of a doc read from spaCy once, as plain lists (``Doc.to_array`` columns, one string
lookup per distinct id), with the walks up the dependency tree that the statements extractors ask
of every token. Making a spaCy ``Token`` for each word and asking it costs more than the rest of
those extractors' work."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from itertools import compress
from typing import TYPE_CHECKING

from attrs import define

from ..doc_tables import depths, head_indices, sentence_starts, token_attributes, token_texts, tree_depths
from ..nlp import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["Parse", "top_down"]


def top_down(heads: Sequence[int]) -> list[int]:
    """The token indices ordered so that each comes after its head (``heads``: each token's head
    index, a root its own): by depth in the tree, roots first. Walks over a parse can then keep
    each token's answer and build its dependents' on it."""
    return sorted(range(len(heads)), key=tree_depths(list(heads)).__getitem__)


def _lowered(words: list[str]) -> list[str]:
    """The words in lower case, each distinct word lowered once."""
    lower = {word: word.lower() for word in set(words)}
    return list(map(lower.__getitem__, words))


@define
class Parse:
    """The parse of a doc as plain lists, read from spaCy once through ``Doc.to_array`` columns
    (one string lookup per distinct id): the features look at every token's head chain and
    sentence, and asking spaCy's objects each time costs more than the rest."""

    text: list[str]
    idx: list[int]
    lower: list[str]
    lemma: list[str]
    pos: list[str]
    tag: list[str]
    dep: list[str]
    ent: list[str]
    head: list[int]
    space: list[bool]
    sent_start: list[int]
    sent_end: list[int]
    order: list[int]  # the token indices, each after its head
    chars: int  # the length of the doc's text

    @classmethod
    def of(cls, doc: Doc) -> Parse:
        """The doc's parse, sharing the columns the participants stage has already read into the
        doc's tables (:mod:`briefing.doc_tables`; read here when it has not): only the entity
        marks and the space flags are read anew."""
        from spacy.attrs import ENT_IOB, IS_SPACE

        columns = token_attributes(doc)
        iob, space = doc.to_array([ENT_IOB, IS_SPACE]).T.tolist() if len(doc) else ([], [])
        marks = {1: "I", 2: "O", 3: "B"}  # ENT_IOB's codes; 0 (unset) is ""
        heads = head_indices(doc)
        sent_start = sentence_starts(doc)
        sent_end = [0] * len(doc)
        end = len(doc)
        for i in range(len(doc) - 1, -1, -1):
            sent_end[i] = end
            if sent_start[i] == i:
                end = i
        return cls(
            text=token_texts(doc),
            idx=columns["idx"],
            lower=columns["lower"],
            lemma=_lowered(columns["lemma"]),
            pos=columns["pos"],
            tag=columns["tag"],
            dep=columns["dep"],
            ent=[marks.get(mark, "") + kind if kind else "O" for mark, kind in zip(iob, columns["ent_type"])],
            head=heads,
            space=list(map(bool, space)),
            sent_start=sent_start,
            sent_end=sent_end,
            order=sorted(range(len(heads)), key=depths(doc).__getitem__),  # top_down(heads), its depths kept
            chars=len(doc_text(doc)),
        )

    def tokens_at(self, start: int, end: int) -> tuple[int, int] | None:
        """The tokens (first, and one past the last) of characters ``start`` to ``end``, as
        ``doc.char_span(start, end, alignment_mode="expand")`` gives them (``None`` where it gives
        none), by bisecting the tokens' offsets: a token holds its own trailing space, and a
        range starting in that space starts at the next token."""
        first, last = self._token_at(start), self._token_at(end - 1)
        if first < 0 or last < 0:
            return None
        if start == self.idx[first] + len(self.text[first]):
            first += 1
        return first, last + 1

    def _token_at(self, offset: int) -> int:
        """The token whose text or trailing space holds character ``offset`` (-1 outside the text)."""
        return bisect_right(self.idx, offset) - 1 if 0 <= offset < self.chars else -1

    def paragraphs(self) -> list[list[int]]:
        """The indices of the non-space tokens grouped by paragraph (a line break ends one)."""
        groups: list[list[int]] = []
        current: list[int] = []
        previous = -1
        for i in compress(range(len(self.space)), self.space):  # the space tokens
            current.extend(range(previous + 1, i))
            previous = i
            if "\n" in self.text[i] and current:
                groups.append(current)
                current = []
        current.extend(range(previous + 1, len(self.space)))
        if current:
            groups.append(current)
        return groups

    def cue_paths(self, heads: dict[int, str]) -> list[tuple[str, int] | None]:
        """For every token, the dependency label under its nearest ancestor that is a cue head, and
        the depth to it, within 12 steps (a cue head at the root of its sentence is its own:
        ``ROOT``, 0); each token's answer is built on its head's."""
        found: list[tuple[str, int] | None] = [None] * len(self.head)
        for i in self.order:
            head = self.head[i]
            if head in heads:
                found[i] = (self.dep[i], 0)
            elif head != i and found[head] is not None and found[head][1] < 11:
                found[i] = (found[head][0], found[head][1] + 1)
        return found

    def governors(self, cues: set[int]) -> list[int | None]:
        """For every token, its nearest ancestor that is a reporting cue, within 12 steps up."""
        found: list[tuple[int, int] | None] = [None] * len(self.head)
        for i in self.order:
            head = self.head[i]
            if head == i:
                continue
            if head in cues:
                found[i] = (head, 0)
            elif found[head] is not None and found[head][1] < 11:
                found[i] = (found[head][0], found[head][1] + 1)
        return [None if g is None else g[0] for g in found]

    def verbs_above(self) -> list[int | None]:
        """For every token, the verb whose clause holds it as a complement ("believes [that …]",
        "wants [to …]"): the nearest ancestor that is a verb reached from a ``ccomp``, ``xcomp``,
        ``dobj``, ``prep`` or ``advcl`` child."""
        found: list[int | None] = [None] * len(self.head)
        for i in self.order:
            head = self.head[i]
            if head == i:
                continue
            if self.pos[head] in {"VERB", "AUX"} and self.dep[i] in {"ccomp", "xcomp", "dobj", "prep", "advcl"}:
                found[i] = head
            else:
                found[i] = found[head]
        return found
