"""The rule-based statement extractor: frames from the parse, quotes joined to the cue that frames
them (or continuing the statement before them), block quotes introduced by a colon, scare quotes
left out, and each statement's speaker resolved."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

import attrs

from ..intervals import Intervals, merged
from ..model import Participant, Section, Span, Statement
from ..nlp import doc_text
from .cues import cue_lexicon
from .discourse import Discourse
from .attitudes import with_attitudes
from .frames import Frame, QuoteIndex, find_frames, statement_kind, trim
from .quotes import Quote, find_quotes
from .resolve import Resolver
from .transcripts import within_turns

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["extract_statements"]

#: Quotes this short, framed by no cue, are terms or scare quotes, not statements.
SCARE_QUOTE_WORDS = 3
#: A quote this long with no cue and nothing before it to continue is kept, speaker unknown.
ORPHAN_QUOTE_WORDS = 6
# Cues a short quote after them can be the content of: "called him “a total stiff”", "said “no”".
_SHORT_QUOTE_CUES = {"say", "call", "describe", "dub", "label", "term", "brand", "characterize", "add", "tweet",
                     "write", "reply", "respond", "answer", "shout", "yell", "declare", "ask"}
_SPEECH_NOUNS = {"point", "points", "remark", "remarks", "comment", "comments", "words", "statement", "statements",
                 "message", "response", "answer", "reply", "argument", "warning", "view", "views"}


def _words(text: str) -> int:
    return len(re.findall(r"\w+", text))


def _paragraph_of(text: str, offset: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return start, len(text) if end < 0 else end


def _sentence_bounds(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """The sentences around ``start:end``, kept within its paragraphs: a parse that runs a quote's
    sentence on past a paragraph break does not give the quote to a cue of the next paragraph (nor
    of the one before, unless that one ends in a colon: "Roe continued:")."""
    first = doc.char_span(start, start + 1, alignment_mode="expand")
    last = doc.char_span(max(end - 1, 0), end, alignment_mode="expand")
    if first is None or last is None:
        return start, end
    text = doc_text(doc)
    opening = before = _paragraph_of(text, start)[0]
    while before > 0 and text[before - 1].isspace():
        before -= 1
    if before > 0 and text[before - 1] == ":":
        opening = 0
    return max(first.sent.start_char, opening), min(last.sent.end_char, _paragraph_of(text, max(end - 1, start))[1])


def _covered(frames: Sequence[Frame], quote: Quote) -> bool:
    """Whether a frame's content already holds at least half of the quote's inside (asked of every
    frame for each quote, so written as plain loops)."""
    start, end = quote.inner_start, quote.inner_end
    half = max(end - start, 1) / 2
    for frame in frames:
        for s, e in frame.content:
            if (e if e < end else end) - (s if s > start else start) >= half:
                return True
    return False


def _subtract(pieces: list[tuple[int, int]], holes: Sequence[tuple[int, int] | None]) -> list[tuple[int, int]]:
    """``pieces`` with the ``holes`` (cue, source) cut out of them."""
    for hole in holes:
        if hole is None:
            continue
        cut = []
        for s, e in pieces:
            if hole[0] < e and s < hole[1]:
                cut += [(s, hole[0]), (hole[1], e)]
            else:
                cut.append((s, e))
        pieces = cut
    return [(s, e) for s, e in pieces if e > s]


def _quoted_only(frame: Frame, quoted: Intervals) -> bool:
    """Whether everything the frame reports so far is quotation (``quoted``: the quotes' extents,
    indexed, as this is asked for each frame and quote)."""
    return all(quoted.covers(s, e) for s, e in frame.content)


def _adjacent(text: str, frame: Frame, quote: Quote) -> int | None:
    """How far the frame's cue and source sit from the quote when they frame it directly
    ("“…,” he said", "“…,” said Kelly", "He said: “…”", "Kelly told reporters, “…”"); ``None``
    when something else (a sentence end, other words) stands between."""
    start, end = frame.cue
    if frame.source:
        start, end = min(start, frame.source[0]), max(end, frame.source[1])
    if start >= quote.end:
        if start - quote.end > 3:
            return None
        gap = text[quote.end : start]
        return len(gap) if not gap.strip(" ,—–-") else None
    if end <= quote.start:
        if quote.start - end > 30:
            return None
        gap = text[end : quote.start]
        if "\n" in gap or any(mark in gap for mark in ".?!\"“”"):
            return None
        return len(gap) if len(gap) <= 30 else None
    return None


def _lead_in(doc: Doc, frame: Frame, quote: Quote) -> int:
    """Where content framed by a cue before its quote starts: at the quote, or at the words
    between them that belong to what is said ("called Trump “unhinged”", "called the statement
    “offensive”", "said that “…”"), but never at whom it was said to ("told reporters, “…”") nor
    at a circumstance ("said in a statement Saturday, “…”")."""
    if frame.head < 0 or frame.cue[1] > quote.start or frame.content:
        return quote.start
    cue = doc[frame.head]
    after = max(frame.cue[1], frame.source[1] if frame.source and frame.source[1] <= quote.start else 0)
    gap = doc.char_span(after, quote.start, alignment_mode="contract")
    if gap is None or not _words(gap.text) or cue_lexicon().lemma(cue) in cue_lexicon().object_is_recipient:
        return quote.start
    words = [t for t in gap if not t.is_space]
    if any(t.text in ",;:" for t in words) or words[0].pos_ not in {"NOUN", "PROPN", "PRON", "DET", "SCONJ", "NUM"}:
        return quote.start
    return words[0].idx


def _open(frame: Frame, quoted: Intervals) -> bool:
    """Whether a frame can still take a quote: it reports nothing yet, or only quotation."""
    return not frame.content or frame.via == "colon" or _quoted_only(frame, quoted)


def _attach_quotes(doc: Doc, frames: list[Frame], quotes: list[Quote]) -> list[Frame]:
    """Give each quote to the cue that frames it (next to it, else in its sentence: "“…,” he
    said, “…”"), else to the statement it continues (the one before it in its paragraph, or in
    the paragraph before when it opens its own), else, if long enough, to an unknown speaker."""
    text = doc_text(doc)
    orphans = []
    quoted = Intervals((q.start, q.end) for q in quotes)
    for quote in quotes:
        if _covered(frames, quote):
            continue
        # The frames that can take the quote (its cue outside it, the frame open), asked last of
        # the frames placed to frame it, as it is the dearest question.
        outside = [f for f in frames if not quote.start <= f.cue[0] < quote.end]
        adjacent = [(gap, f) for f in outside if (gap := _adjacent(text, f, quote)) is not None and _open(f, quoted)]
        if adjacent:
            frame = min(adjacent, key=lambda item: item[0])[1]
        else:
            s_start, s_end = _sentence_bounds(doc, quote.start, quote.end)
            framing = [f for f in outside if s_start <= f.cue[0] < s_end and _open(f, quoted)]
            frame = min(framing, key=lambda f: min(abs(f.cue[0] - quote.end), abs(f.cue[1] - quote.start)), default=None)
        if frame is not None and _words(text[quote.inner_start : quote.inner_end]) <= SCARE_QUOTE_WORDS and (
            frame.cue[1] <= quote.start and cue_lexicon().lemma(doc[frame.head]) not in _SHORT_QUOTE_CUES
        ):
            frame = None  # "speaking to “CBS This Morning”": a title, not what was said
        if frame is not None:
            if frame.via == "colon":
                frame.content, frame.via = [], "quote"
            frame.content.append((_lead_in(doc, frame, quote), quote.end))
            continue
        earlier = [f for f in frames if f.content and max(e for _, e in f.content) <= quote.start]
        if earlier:
            last = max(earlier, key=lambda f: max(e for _, e in f.content))
            last_end = max(e for _, e in last.content)
            p_start, _ = _paragraph_of(text, quote.start)
            opens_paragraph = not text[p_start : quote.start].strip()
            previous = text[:p_start].rstrip()
            in_previous = bool(previous) and _paragraph_of(text, len(previous) - 1)[0] <= last_end
            before = text[p_start : quote.start].rstrip()
            opens_sentence = not before or before[-1] in ".!?:\"”'’"
            continues = opens_sentence and (last_end >= p_start or (opens_paragraph and in_previous))
            if continues and not any(last_end <= f.cue[0] < quote.start for f in frames if f is not last and f.content):
                last.content.append((quote.start, quote.end))
                continue
        if quote.closed and _words(text[quote.inner_start : quote.inner_end]) >= ORPHAN_QUOTE_WORDS:
            orphans.append(Frame(cue=(quote.start, quote.start), head=-1, content=[(quote.start, quote.end)],
                                 via="orphan", confidence=0.3))
    return frames + orphans


def _block_quotes(doc: Doc, frames: list[Frame], quotes: list[Quote]) -> list[Frame]:
    """A paragraph ending in a colon that introduces someone's words, and the paragraph after it:
    its opening quote ("Viguerie notes:" + “…”), or the whole paragraph when it has no quote marks
    ("Kelly's most poignant points were directed to the press:" + his words)."""
    text = doc_text(doc)
    found = []
    for match in re.finditer(r":[ \t]*\n\s*", text):
        colon, start = match.start(), match.end()
        if start >= len(text) or any(s <= start < e for f in frames for s, e in f.content):
            continue
        end = _paragraph_of(text, start)[1]
        intro = doc.char_span(colon, colon + 1, alignment_mode="expand")
        if intro is None or _words(text[intro.sent.start_char : colon]) < 3:
            continue
        sentence = intro.sent
        owner = next((f for f in frames if sentence.start_char <= f.cue[0] < sentence.end_char and not f.content), None)
        holder = None if owner is not None else _intro_holder(sentence)
        if owner is None and holder is None:
            continue  # "Here they are:", a time stamp: nobody's words follow
        opening = next((q for q in quotes if q.start == start), None)
        if opening is not None:
            content, via = (opening.start, opening.end), "quote"
        elif _words(text[start:end]) >= 8 and not any(q.start < end and start < q.end for q in quotes):
            content, via = (start, end), "block"
        else:
            continue
        frame = owner or Frame(cue=(colon, colon + 1), head=intro.start, confidence=0.7)
        if holder is not None:
            frame.source, frame.source_head = (holder.idx, holder.idx + len(holder)), holder.i
        frame.content, frame.via = [content], via
        if owner is None:
            found.append(frame)
    return frames + found


_NOT_SPEAKER_LABELS = {"note", "update", "updated", "correction", "clarification", "related", "topics", "tags", "photo",
                       "video", "source", "sources", "warning", "editor", "editors", "read", "watch", "listen",
                       "disclosure", "full", "text", "abstract", "summary", "latest", "breaking", "exclusive",
                       "analysis", "opinion", "transcript", "live", "recap", "fact", "check"}


def _colon_frames(
    doc: Doc, frames: list[Frame], skip: list[tuple[int, int]], headlines: list[tuple[int, int]], names: set[str]
) -> list[Frame]:
    """"NAME: words" opening a paragraph or a headline ("Graham: Trump's rhetoric is hateful",
    "PENCE: We will ..."): the name is the source, the colon the cue, the rest the content. In a
    headline any short capitalised label will do ("Newspaper: …"); elsewhere it must name someone
    (an entity, a participant's name, or a transcript's capitals)."""
    text = doc_text(doc)
    found = []
    taken = [span for f in frames for span in f.content]
    for match in re.finditer(r"(?m)^[ \t\"“'‘]*([^\n:\"“”]{2,60}?)[ \t]*:[ \t]+(?=\S)", text):
        start, colon = match.start(1), match.end(1)
        colon = text.index(":", colon)
        if any(a <= start < b for a, b in skip) or any(a <= colon < b for a, b in taken):
            continue
        label = doc.char_span(start, match.end(1), alignment_mode="expand")
        if label is None or len(label) > 8 or any(t.pos_ in {"VERB", "AUX"} and t.tag_ != "VBN" for t in label):
            continue
        words = {t.lower_.strip("’'s") for t in label}
        if words & _NOT_SPEAKER_LABELS:
            continue
        named = [t for t in label if (t.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"} and t.pos_ == "PROPN")
                 or (t.is_upper and t.is_alpha and len(t) > 2) or t.text in names]
        if not named and any(a <= start < b for a, b in headlines) and len(label) <= 4:
            named = [t for t in label if t.text[:1].isupper()]
        if not named:
            continue
        end = _paragraph_of(text, colon)[1]
        if _words(text[colon + 1 : end]) < 3:
            continue
        head = max(named, key=lambda t: t.i)
        found.append(Frame(cue=(colon, colon + 1), head=head.i, source=(label.start_char, label.end_char),
                           source_head=head.i, content=[(colon + 1, end)], via="colon-label", confidence=0.8))
    return frames + found


def _stage_direction(paragraph: str) -> bool:
    """Whether a paragraph is only a note in brackets ("(CROSSTALK.)", "[Applause]"), a
    transcript's stage direction rather than anyone's words."""
    inner = paragraph.strip(" \t\n\"“”'‘’`.")
    return len(inner) > 2 and inner[0] in "([" and inner[-1] in ")]" and not re.search(r"[)\]].*[(\[]", inner)


def _without_stage_directions(text: str, start: int, end: int) -> tuple[int, int]:
    """A content piece less the stage directions it ends with (a quoted turn that runs on into
    "“(CROSSTALK.)"), empty when it holds nothing else."""
    if _stage_direction(text[start:end]):
        return start, start
    last = text.rfind("\n", start, end)
    while last > start and _stage_direction(text[last:end]):
        end = len(text[:last].rstrip())
        last = text.rfind("\n", start, end)
    return start, end


def _intro_holder(sentence):
    """Who a colon-introduced passage belongs to: the possessor of a speech noun ("Kelly's
    remarks"), else the sentence's subject if it names someone."""
    for token in sentence:
        if token.lower_ in _SPEECH_NOUNS:
            for child in token.children:
                if child.dep_ == "poss":
                    return child
    for token in sentence:
        if token.dep_ in {"nsubj", "nsubjpass"} and token.ent_type_ in {"PERSON", "ORG"}:
            return token
    return None


def _holding(frames: list[Frame], offset: int) -> list[Frame]:
    """The frames with a content piece holding ``offset``."""
    found = []
    for frame in frames:
        for s, e in frame.content:
            if s <= offset < e:
                found.append(frame)
                break
    return found


def _outermost(frames: list[Frame], doc: Doc) -> list[Frame]:
    """Keep only the outermost attributions: a frame whose cue lies inside another's content is
    dropped, except a relative clause with a subject of its own ("the need for dialogue, which he
    described as …") and a cue sharing the other's source ("told reporters the vote would be
    close, adding …"), which end the other's content instead. Frames without content are dropped."""
    kept: list[Frame] = []
    for frame in sorted((f for f in frames if f.content), key=lambda f: -sum(e - s for s, e in f.content)):
        inside = _holding(kept, frame.cue[0]) if frame.head >= 0 else []
        if not inside:
            kept.append(frame)
            continue
        cue = doc[frame.head]
        own_clause = cue.dep_ == "relcl" and any(c.dep_ == "nsubj" for c in cue.children)
        same_speaker = frame.source is not None and all(k.source == frame.source for k in inside)
        if not (own_clause or same_speaker):
            continue
        left = min(cue.left_edge.idx, frame.cue[0])
        if same_speaker and not own_clause:
            left = min([frame.cue[0]] + [t.idx for t in cue.lefts if t.dep_ in {"punct", "cc", "advmod"}])
        for outer in inside:
            outer.content = [(s, min(e, left)) if s < left < e else (s, e) for s, e in outer.content]
        kept.append(frame)
    for frame in kept:
        frame.content = _subtract(frame.content, [frame.cue if frame.via != "orphan" else None, frame.source])
    return kept


def _piece(text: str, start: int, end: int, quotes: QuoteIndex, verbatim: bool) -> tuple[int, int]:
    """A content piece kept within its paragraph and trimmed (only of space when ``verbatim``)."""
    end = min(end, _paragraph_of(text, start)[1])
    if not verbatim:
        return trim(text, start, end, quotes)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def extract_statements(
    doc: Doc, participants: Sequence[Participant], sections: Sequence[Section] = (),
    frames: Sequence[Frame] | None = None, discourse: Discourse | None = None, *, attitudes: bool = True,
) -> tuple[list[Statement], list[Participant]]:
    """The statements in a parsed text and the participants resolution had to add. ``frames`` are
    :func:`find_frames`'s answer for the doc, and ``discourse`` its :class:`~.discourse.Discourse`,
    when the caller has them already (the frames are copied, not changed). With ``attitudes``, the
    attributions of belief, intention and finding are added (:mod:`.attitudes`); the ``trained``
    extractor reads the rules' speech alone, as its tagger was trained on."""
    text = doc_text(doc)
    skip = [(s.span.start, s.span.end) for s in sections if s.kind in {"byline", "dateline", "tagline", "label"}]
    quotes = [q for q in find_quotes(text) if not any(a <= q.start < b for a, b in skip)]
    index = QuoteIndex(quotes)
    headlines = [(s.span.start, s.span.end) for s in sections if s.kind == "headline"]
    names = {word for p in participants if p.kind != "group" for word in p.name.split() if word[:1].isupper()}
    if frames is None:
        frames = find_frames(doc, index, skip=skip)
    else:
        frames = [attrs.evolve(f, content=list(f.content)) for f in frames]
    frames = _colon_frames(doc, frames, skip, headlines, names)
    frames = _attach_quotes(doc, _block_quotes(doc, frames, quotes), quotes)
    frames = _outermost(frames, doc)
    blocks = [span for f in frames if f.via == "block" for span in f.content]
    resolver = Resolver(doc, list(participants), index, quoted=blocks, discourse=discourse)
    statements = []
    for frame in sorted(frames, key=lambda f: min((s for s, _ in f.content), default=0)):
        pieces = [_piece(text, s, e, index, frame.via == "block") for s, e in sorted(frame.content)]
        pieces = [_without_stage_directions(text, s, e) for s, e in pieces]
        pieces = merged([(s, e) for s, e in pieces if e > s and _words(text[s:e])])
        if not pieces:
            continue
        kind = "direct" if frame.via == "block" else statement_kind(text, pieces, index)
        if kind == "direct" and frame.via == "orphan" and _words(text[pieces[0][0]:pieces[-1][1]]) <= SCARE_QUOTE_WORDS:
            continue
        speaker, confidence = (None, frame.confidence)
        if frame.source is not None:
            speaker, sure = resolver.resolve(frame.source, frame.source_head)
            resolver.remember(frame.source, speaker)
            confidence = min(frame.confidence, sure)
        statements.append(
            Statement(
                id=f"s{len(statements) + 1}",
                kind=kind,
                content=[Span.of(text, s, e) for s, e in pieces],
                speaker=speaker,
                cue=Span.of(text, *frame.cue) if frame.cue[1] > frame.cue[0] else None,
                source=Span.of(text, *frame.source) if frame.source else None,
                confidence=round(confidence, 2),
            )
        )
    if attitudes:
        statements = with_attitudes(doc, statements, resolver, index, sections)
    return within_turns(statements, resolver.added, resolver.participants, sections)
