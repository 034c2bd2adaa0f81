"""Where a linked statement's content starts and ends: general corrections to the tagger's spans
where PolNeAR's contents are consistently shorter or longer than what the tagger learnt.

- A content that opens its sentence with a **discourse connective** ("But …", "And …",
  "However, …", "In addition, …", "However the …" but not "However high …") starts after it: the
  connective ties the sentence to the one before and is the writer's, not the reported words.
- After a quotation with a **trailing attribution** ("“…,” she said at a news conference announcing
  …"), the unquoted words that follow the cue are the writer's narration (the cue's adjuncts), not
  more of the quotation: a later piece is kept only when it holds a quotation mark.
- A content that stops before a **conjunct** of a word inside it ("said they had doubts about
  the plan*, but could not oppose it*", "said he rated them by size *and talked about …*") goes
  on to the conjunct's end: the coordination is part of what is reported. (A conjunct of the cue
  itself is another statement of the same source: see :func:`.takeover.split_coordinated`.)
- A content ends before a **participle clause of its cue** after a comma ("promised that the pier
  would be rebuilt*, forcing the council to find the money*"): the cue's adjunct, not reported.
- A cue followed by a **colon** and a quotation ("…, the clerk said: “…”") reports what follows
  the colon: the words before the cue are dropped from the content.
- A cue in a **concessive or causal clause** ("did not say what it would cost, *though she said*
  fees would cover it") reports only its own clause: a content piece in the main clause that the
  cue's clause modifies is the writer's, and is dropped.
- A content piece that holds the statement's own **source** ("Roe praised the crews | … , Roe
  said") is another clause of the writer's, not what the source says: dropped, when another piece
  remains.
- A **participle cue opening the sentence** before the cue ("Claiming the fees were too high, she
  told the board that …") is an attribution of its own, of the same source: the pieces between it
  and the source leave the statement and become the participle's.
- A quotation that opens a **later paragraph** and continues a statement is a statement of
  its own, with the same cue and source: PolNeAR takes each paragraph of quoted speech as one
  attribution. Not when the quotation runs on from the paragraph before (left open at its end and
  reopened: one quotation), nor when its paragraphs hold a cue of their own ("“…,” she said"): then
  the continuation is doubtful, and left as the tagger joined it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

import attrs

from ..intervals import Intervals
from ..nlp import doc_text
from .cues import cue_lexicon
from .frames import CONNECTIVES, Frame, QuoteIndex
from .parse import Parse
from .quotes import OPENING_MARKS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from .linking import Linked
    from .tagger import TaggedSpan

__all__ = ["respan", "trim_boundaries"]

#: Conjunctions that open a sentence without a comma after them ("But the port stays shut").
_OPENING_CONJUNCTIONS = {"and", "but", "yet", "so", "or"}
_QUOTE_MARKS = "\"“”„«»"
_CLOSING_MARKS = "\"”»’'"
_SENTENCE_ENDS = ".!?"
_COLON_NEXT = re.compile(r"\s*:")
#: Subordinators of a concessive or causal clause: a cue inside one does not report the main clause
#: ("as" is left out: "as she said" attributes the main clause to her).
_SUBORDINATORS = {"though", "although", "while", "whereas", "because", "since"}


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
    return before.rstrip(_CLOSING_MARKS)[-1:] in tuple(_SENTENCE_ENDS)


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
    if (first.lower_ in CONNECTIVES and first.dep_ == "advmod" and span.first < span.last
            and doc[first.i + 1].pos_ not in {"ADJ", "ADV", "PUNCT"}):
        return doc[first.i + 1].idx  # "However the fees will rise" (not "However high the fees")
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


def _own_clause(verb: Token) -> bool:
    """A verb with a subject of its own ("…, but Chaffetz declined")."""
    return any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)


def _conjunct_end(doc: Doc, group: Linked, taken: Intervals, parse: Parse, conjuncts: dict[int, list[int]]
                  ) -> int | None:
    """Where the group's last content ends once it takes the conjuncts that follow it of the words
    inside it, or ``None`` when none follows right after it (past commas and the conjunction) in
    its sentence and paragraph, or one would take in a cue, source or content (``taken``) of a
    statement. ``conjuncts`` holds each token's ``conj`` children on its right, in order."""
    last = max(group.contents, key=lambda c: c.end)
    if group.cue is None or group.cue.first > last.last:
        return None
    cue = doc[group.cue.first : group.cue.last + 1].root.i
    sentence_end = parse.sent_end[last.last]
    end = last.last
    for head in [cue, *range(last.first, last.last + 1)]:
        for i in conjuncts.get(head, ()):
            if i <= end or i >= sentence_end:
                continue
            conj = doc[i]
            if cue_lexicon().is_verb_cue(conj) or (head == cue and not _own_clause(conj)):
                continue
            gap = doc[end + 1 : conj.left_edge.i]
            if all(t.is_punct and t.text in ",;" or t.dep_ in {"cc", "preconj"} or t.is_space for t in gap):
                end = max(end, conj.right_edge.i)
    if end == last.last:
        return None
    while end > last.last and (doc[end].is_punct and doc[end].text not in _QUOTE_MARKS or doc[end].is_space):
        end -= 1
    stop = doc[end].idx + len(doc[end])
    if taken.overlaps(last.end, stop) or end >= sentence_end or "\n" in doc_text(doc)[last.end : stop]:
        return None  # a parse that runs on past a paragraph break does not carry the content with it
    return stop


def _outside_subordinate_cue(doc: Doc, group: Linked) -> list[TaggedSpan]:
    """The group's contents without the pieces in the main clause when the cue heads an adverbial
    clause opened by one of :data:`_SUBORDINATORS` ("…, though he said …"), keeping at least one
    piece inside the cue's clause."""
    if group.cue is None or len(group.contents) < 2:
        return group.contents
    cue = doc[group.cue.first : group.cue.last + 1].root
    if cue.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ in _SUBORDINATORS for c in cue.children):
        return group.contents
    own = (cue.left_edge.idx, cue.right_edge.idx + len(cue.right_edge))
    main = (cue.head.left_edge.idx, cue.head.right_edge.idx + len(cue.head.right_edge))
    kept = [c for c in group.contents
            if not (main[0] <= c.start and c.end <= main[1] and (c.end <= own[0] or c.start >= own[1]))]
    return kept if any(own[0] <= c.start and c.end <= own[1] for c in kept) else group.contents


def _without_source(group: Linked) -> list[TaggedSpan]:
    """The group's contents without the pieces that hold its source, when another piece remains."""
    source = group.source
    if source is None:
        return group.contents
    kept = [c for c in group.contents if not (c.start <= source.start and source.end <= c.end)]
    return kept or group.contents


def _participle_end(doc: Doc, group: Linked, parse: Parse) -> int | None:
    """Where the group's last content ends without a participle clause of the cue after a comma
    ("told them the plan would pass*, implicitly putting his name on the line*")."""
    last = max(group.contents, key=lambda c: c.end)
    if group.cue is None or group.cue.last >= last.first:
        return None
    cue = doc[group.cue.first : group.cue.last + 1].root.i
    for i in range(last.first + 1, last.last + 1):
        if parse.head[i] == cue and parse.dep[i] == "advcl" and parse.tag[i] == "VBG":
            token = doc[i]
            comma = token.left_edge.i - 1
            if comma > last.first and doc[comma].text == "," and token.right_edge.i >= last.last:
                return doc[comma - 1].idx + len(doc[comma - 1])
    return None


def _opening_participle(doc: Doc, group: Linked, framed: dict[int, Frame]) -> list[Linked]:
    """The group, and a statement of the same source for the pieces between a cue participle
    opening the sentence and the group's source before its cue ("Claiming …, she told …"), those
    pieces taken out of the group (which keeps at least one piece)."""
    from .linking import Linked

    if group.cue is None or group.source is None or group.source.end > group.cue.start or len(group.contents) < 2:
        return [group]
    participle = doc[group.cue.first].sent[0]
    frame = framed.get(participle.i)
    if frame is None or participle.tag_ != "VBG" or participle.i >= group.source.first:
        return [group]
    pieces = [c for c in group.contents if participle.idx < c.start and c.end <= group.source.start]
    if not pieces or len(pieces) == len(group.contents):
        return [group]
    group.contents = [c for c in group.contents if c not in pieces]
    return [group, Linked(respan(doc, group.cue, *frame.cue), pieces, group.source)]


def _by_paragraph(text: str, group: Linked, cues: Intervals, quotes: QuoteIndex) -> list[Linked]:
    """The group split before each quotation that opens a paragraph after its first content,
    unless the quotation runs on from that content or its paragraphs hold one of the rules'
    ``cues``."""
    from .linking import Linked

    contents = sorted(group.contents, key=lambda c: c.start)
    found = [Linked(group.cue, [contents[0]], group.source)]
    for piece in contents[1:]:
        before = found[-1].contents[-1].end
        end = text.find("\n", piece.end)
        # a quotation left open at its paragraph's end and reopened in the next is one quotation
        if (text[piece.start] in OPENING_MARKS and "\n" in text[before : piece.start]
                and not any(q.start < before for q in quotes.overlapping(piece.start, piece.start + 1))
                and not cues.overlaps(piece.start, len(text) if end < 0 else end)):
            found.append(Linked(group.cue, [piece], group.source))
        else:
            found[-1].contents.append(piece)
    return found


def _ending_at(doc: Doc, group: Linked, end: int | None) -> list[TaggedSpan]:
    """The group's contents with the last one ending at ``end`` (unchanged when ``None``)."""
    if end is None:
        return group.contents
    last = max(group.contents, key=lambda c: c.end)
    return [respan(doc, c, c.start, end) if c is last else c for c in group.contents]


def _after_colon_cue(text: str, group: Linked) -> list[TaggedSpan]:
    """The group's contents after its cue when a colon follows the cue (and its source) and a
    quotation comes after it ("The vote will be close, the clerk said: “Nobody knows.”"): the colon
    introduces what the cue reports; the words before are the writer's paraphrase, another
    attribution of the same cue, not part of the quotation."""
    cue, source = group.cue, group.source
    if cue is None:
        return group.contents
    end = max(cue.end, source.end) if source is not None and source.start >= cue.end else cue.end
    after = [c for c in group.contents if c.start >= end]
    if not after or len(after) == len(group.contents) or not _COLON_NEXT.match(text, end):
        return group.contents
    if not any(mark in text[c.start : c.end] for c in after for mark in _QUOTE_MARKS):
        return group.contents
    return after


def trim_boundaries(doc: Doc, groups: Sequence[Linked], frames: Sequence[Frame], quotes: QuoteIndex,
                    parse: Parse | None = None) -> list[Linked]:
    """``groups`` with their contents' boundaries corrected and split as above (the groups given
    are changed); ``frames`` are the rules' attribution frames, ``quotes`` the text's quotations
    (``parse``: the doc's :class:`~.parse.Parse`, when the caller has read it already)."""
    text = doc_text(doc)
    parse = parse if parse is not None else Parse.of(doc)
    conjuncts: dict[int, list[int]] = {}
    for i, (head, dep) in enumerate(zip(parse.head, parse.dep)):
        if dep == "conj" and head < i:
            conjuncts.setdefault(head, []).append(i)
    cues = Intervals(f.cue for f in frames if f.cue[1] > f.cue[0])
    framed = {f.head: f for f in frames if f.content}
    groups = [split for group in groups if group.contents for split in _by_paragraph(text, group, cues, quotes)]
    groups = [split for group in groups for split in _opening_participle(doc, group, framed)]
    taken = Intervals((s.start, s.end) for g in groups
                      for s in [*g.contents, *(x for x in (g.cue, g.source) if x is not None)])
    for group in groups:
        group.contents = _ending_at(doc, group, _conjunct_end(doc, group, taken, parse, conjuncts))
        group.contents = _ending_at(doc, group, _participle_end(doc, group, parse))
        group.contents = _narration_after_quote(text, group)
        group.contents = _after_colon_cue(text, group)
        group.contents = _outside_subordinate_cue(doc, group)
        group.contents = _without_source(group)
        first = min(group.contents, key=lambda c: c.start)
        start = _after_connective(doc, first)
        if start is not None and start < first.end:
            group.contents = [respan(doc, c, start, c.end) if c is first else c for c in group.contents]
    return groups
