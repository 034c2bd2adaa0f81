"""Where a linked statement's content starts and ends: general corrections to the tagger's spans
where PolNeAR's contents are consistently shorter or longer than what the tagger learnt.

- A content that opens its sentence with a **discourse connective** ("But …", "And …",
  "However, …", "In addition, …") starts after it: the connective ties the sentence to the one
  before and is the writer's, not the reported words.
- After a quotation with a **trailing attribution** ("“…,” she said at a news conference announcing
  …"), the unquoted words that follow the cue are the writer's narration (the cue's adjuncts), not
  more of the quotation: a later piece is kept only when it holds a quotation mark.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import attrs

from ..nlp import doc_text
from .frames import CONNECTIVES
from .quotes import OPENING_MARKS

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .linking import Linked
    from .tagger import TaggedSpan

__all__ = ["respan", "trim_boundaries"]

#: Conjunctions that open a sentence without a comma after them ("But the port stays shut").
_OPENING_CONJUNCTIONS = {"and", "but", "yet", "so", "or"}
_QUOTE_MARKS = "\"“”„«»"
_SENTENCE_ENDS = ".!?"


def respan(doc: Doc, span: TaggedSpan, start: int, end: int) -> TaggedSpan:
    """``span`` moved to the characters ``start:end`` (and the tokens that hold them)."""
    if (start, end) == (span.start, span.end):
        return span
    tokens = doc.char_span(start, end, alignment_mode="expand")
    return attrs.evolve(span, start=start, end=end, first=tokens.start, last=tokens.end - 1)


def _opens_sentence(text: str, start: int) -> bool:
    before = text[:start].rstrip()
    if not before or "\n" in text[len(before) : start]:
        return True
    return before[-1] in _SENTENCE_ENDS or (before[-1] in "”\"’'" and before[-2:-1] in tuple(_SENTENCE_ENDS))


def _after_connective(doc: Doc, span: TaggedSpan) -> int | None:
    """Where the content starts once the connective opening its sentence is dropped, or ``None``
    when it opens with none."""
    text = doc_text(doc)
    if text[span.start] in OPENING_MARKS or not _opens_sentence(text, span.start):
        return None
    first = doc[span.first]
    if first.lower_ in _OPENING_CONJUNCTIONS and first.dep_ == "cc" and span.first < span.last:
        following = doc[first.i + 1]
        if following.text == ",":  # "But, …"
            following = doc[following.i + 1] if following.i < span.last else following
        return following.idx
    words = []
    for token in doc[span.first : min(span.last, span.first + 5)]:
        if token.text == ",":
            if " ".join(words) in CONNECTIVES and token.i < span.last:
                return doc[token.i + 1].idx
            return None
        words.append(token.lower_)
    return None


def _narration_after_quote(text: str, group: Linked) -> list[TaggedSpan]:
    """The group's contents without the unquoted pieces that follow a quotation and its trailing
    cue ("“…,” she said, referring to …")."""
    contents = sorted(group.contents, key=lambda c: c.start)
    first = contents[0]
    quote = text[first.start : first.end].rstrip()
    if (len(contents) < 2 or group.cue is None or quote[:1] not in _QUOTE_MARKS or quote[-2:-1] != ","
            or not first.end <= group.cue.start < contents[1].start
            or any(mark in text[first.end : group.cue.start] for mark in _SENTENCE_ENDS + "\n")):
        return group.contents
    return [first] + [c for c in contents[1:] if any(m in text[c.start : c.end] for m in _QUOTE_MARKS)]


def trim_boundaries(doc: Doc, groups: Sequence[Linked]) -> list[Linked]:
    """``groups`` with their contents' boundaries corrected as above (the groups are changed)."""
    text = doc_text(doc)
    for group in groups:
        if not group.contents:
            continue
        group.contents = _narration_after_quote(text, group)
        first = min(group.contents, key=lambda c: c.start)
        start = _after_connective(doc, first)
        if start is not None and start < first.end:
            group.contents = [respan(doc, c, start, c.end) if c is first else c for c in group.contents]
    return list(groups)
