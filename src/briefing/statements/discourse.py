"""Where a mention stands in the discourse, for choosing antecedents: its sentence and paragraph
(by binary search over their starts, so each look-up is cheap) and its grammatical role."""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import TYPE_CHECKING

from ..nlp import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["Discourse"]

_SUBJECTS = {"nsubj", "nsubjpass"}


class Discourse:
    """Sentences, paragraphs and mention roles of one parsed text."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.paragraph_starts = [0] + [m.end() for m in re.finditer(r"\n\s*", doc_text(doc))]
        # a paragraph break ends a sentence even where the parser ran on past it (after a quote)
        self.sentence_starts = sorted({s.start_char for s in doc.sents} | set(self.paragraph_starts))
        self._opening = set(self.sentence_starts)
        self._roles: dict[tuple[int, int], str] = {}

    def sentence(self, offset: int) -> int:
        return bisect_right(self.sentence_starts, offset) - 1

    def paragraph(self, offset: int) -> int:
        return bisect_right(self.paragraph_starts, offset) - 1

    def head(self, start: int, end: int) -> Token | None:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return span.root if span is not None and len(span) else None

    def role(self, start: int, end: int) -> str:
        """``main`` for the subject of a main clause (or the source of "according to"),
        ``subject`` for another subject, ``possessive``, or ``other``."""
        key = (start, end)
        if key not in self._roles:
            self._roles[key] = self._role(self.head(start, end))
        return self._roles[key]

    def _role(self, token: Token | None) -> str:
        if token is None:
            return "other"
        while token.dep_ in {"appos", "compound", "flat"} and token.head.i != token.i:
            token = token.head
        if token.dep_ in _SUBJECTS:
            verb = token.head
            if verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT"):
                return "main"
            # a subject opening its sentence is its topic even where the parser hung its verb
            # under a later one ("Roe got a roar when she added …" parsed with "added" the root)
            return "main" if token.left_edge.idx in self._opening else "subject"
        if token.dep_ == "pobj" and token.head.head.lower_ == "according":
            return "main"
        if token.dep_ == "poss":
            # the owner of a subject is the topic as much as the subject: "Roe's plan is that …"
            return "subject" if token.head.dep_ in _SUBJECTS else "possessive"
        return "other"
