"""From tagged spans to statements: each content span goes to the cue that reports it (in its
sentences, preferring the cue that governs it in the parse, else the nearest), or continues the
statement before it; each cue takes the source mention that is its subject (else the nearest in its
sentence); each source is resolved to a participant."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from attrs import define, field

from ..model import Participant, Section, Span, Statement
from ..nlp import doc_text
from .attitudes import with_attitudes
from .boundaries import respan, trim_boundaries
from .cues import cue_lexicon
from .discourse import Discourse
from .features import rule_view, token_features
from .frames import Frame, QuoteIndex, asked_not_asking, find_frames, statement_kind
from .parse import Parse
from .quotes import OPENING_MARKS, Quote, find_quotes
from .resolve import Resolver
from .rules import extract_statements as rule_statements
from .tagger import StatementTagger, TaggedSpan, spans_of
from .takeover import split_coordinated, take_over
from .transcripts import within_turns

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["Linked", "extract_statements", "link", "tag_spans"]

#: A content span with no cue of its own and nothing to continue is kept (speaker unknown) when
#: it is a quotation at least this long.
ORPHAN_WORDS = 6
#: A group is a statement when its cue (or, without one, its content) is at least this much speech,
#: or when its cue is in the reporting-cue lexicon.
SPEECH = 0.5
_SKIPPED_SECTIONS = {"byline", "dateline", "tagline", "label"}
#: A cue this many tokens or fewer from a content span may report it across a sentence break.
NEAR = 3
_SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
_SUBJECT_LIKE = _SUBJECTS | {"pobj", "agent"}


@define
class Linked:
    """A cue with the content spans and the source mention linked to it."""

    cue: TaggedSpan | None
    contents: list[TaggedSpan] = field(factory=list)
    source: TaggedSpan | None = None


def _words(text: str) -> int:
    return len(re.findall(r"\w+", text))


def tag_spans(doc: Doc, participants: Sequence[Participant], sections: Sequence[Section],
              tagger: StatementTagger, parse: Parse | None = None, discourse: Discourse | None = None
              ) -> tuple[list[TaggedSpan], list[Frame], list[Statement]]:
    """Every span the tagger finds in ``doc`` outside bylines, datelines and labels, the rules'
    attribution frames, and the rules' statements (``parse``: the doc's :class:`~.parse.Parse`, and
    ``discourse``: its :class:`~.discourse.Discourse`, when the caller has them already)."""
    skip = [(s.span.start, s.span.end) for s in sections if s.kind in _SKIPPED_SECTIONS]
    quotes = [q for q in find_quotes(doc_text(doc)) if not any(a <= q.start < b for a, b in skip)]
    parse = parse if parse is not None else Parse.of(doc)
    frames = find_frames(doc, QuoteIndex(quotes), skip=skip, parse=parse)
    statements, _ = rule_statements(doc, participants, sections, frames, discourse, attitudes=False)
    found = []
    view = rule_view(doc, statements, frames, parse)
    for paragraph in token_features(doc, quotes, view, reporting_only=True, parse=parse):
        found += spans_of(paragraph, *tagger.tag(paragraph))
    blocks = block_quotes(doc, statements, found)
    inside = [(b.start, b.end) for b in blocks if b.role == "CONTENT"]
    found = end_at_closing_quotes(doc, snap_to_quotes(doc, found, quotes), quotes)
    found = [s for s in found if not any(a <= s.start < b for a, b in inside)] + blocks
    return [s for s in found if not any(a <= s.start < b for a, b in skip)], frames, statements


def block_quotes(doc: Doc, statements: Sequence[Statement], spans: Sequence[TaggedSpan]) -> list[TaggedSpan]:
    """The rules' block quotes (a paragraph of speech with no quote marks, introduced by a colon at
    the end of the paragraph before): news prints them, PolNeAR's training articles hardly ever do.
    What the tagger found inside one is left to it, as a speaker quoting someone is left to the
    speaker (see :func:`tag_spans`)."""
    text = doc_text(doc)
    found = []
    for statement in statements:
        if len(statement.content) != 1 or statement.cue is None:
            continue
        content = statement.content[0]
        whole = text[content.start - 1 : content.start] in ("\n", "") and text[content.end : content.end + 1] in "\n"
        introduced = text[: content.start].rstrip().endswith(":")
        if not (whole and introduced and text[content.start] not in OPENING_MARKS):
            continue
        for role, span in (("CONTENT", content), ("CUE", statement.cue), ("SOURCE", statement.source)):
            if span is not None:
                tokens = doc.char_span(span.start, span.end, alignment_mode="expand")
                found.append(TaggedSpan(role, span.start, span.end, tokens.start, tokens.end - 1,
                                        statement.confidence, block=True))
    return found


def snap_to_quotes(doc: Doc, spans: Sequence[TaggedSpan], quotes: Sequence[Quote]) -> list[TaggedSpan]:
    """Content spans widened to the whole of each quotation they hold a mark of (a quote is
    reported whole), and content spans inside one quotation joined, unless a cue or source of
    another attribution lies in between."""
    others = [s for s in spans if s.role != "CONTENT"]
    contents = sorted((s for s in spans if s.role == "CONTENT"), key=lambda s: s.start)
    widened = []
    for span in contents:
        start, end = span.start, span.end
        for quote in quotes:
            if not (quote.start < end and start < quote.end) or (quote.start <= start and end >= quote.end):
                continue
            holds_mark = start <= quote.start or (quote.closed and end >= quote.inner_end)
            new_start, new_end = min(start, quote.start), max(end, quote.end)
            if holds_mark and not any(o.start < new_end and new_start < o.end for o in others):
                start, end = new_start, new_end
        widened.append(respan(doc, span, start, end))
    joined: list[TaggedSpan] = []
    for span in widened:
        if joined and span.start < joined[-1].end:
            last = joined.pop()
            span = respan(doc, last, last.start, max(last.end, span.end))
        joined.append(span)
    return others + joined


def end_at_closing_quotes(doc: Doc, spans: Sequence[TaggedSpan], quotes: Sequence[Quote]) -> list[TaggedSpan]:
    """Content spans cut after a quotation that ends its sentence ("… told me that “they will
    double the patrols.” We take that seriously."): the unquoted sentence after it is the writer's
    or the speaker's own, not the quoted words; a quoted one goes on ("“A.” “B.”")."""
    text = doc_text(doc)
    found = []
    for span in spans:
        if span.role == "CONTENT":
            for quote in quotes:
                if not (quote.closed and span.start <= quote.start and quote.end < span.end):
                    continue
                after = text[quote.end : span.end].lstrip()
                if text[quote.inner_start : quote.inner_end].rstrip()[-1:] in ".?!" and after[:1].isupper():
                    span = respan(doc, span, span.start, quote.end)
                    break
        found.append(span)
    return found


def _governs(heads: Sequence[int], cue: int, tokens: Sequence[int]) -> bool:
    """Whether token ``cue`` is an ancestor of most of ``tokens`` (indices; ``heads``: each token's
    head index, a root its own). The tokens of a span share most of their way up, so each token
    passed on the way is answered once: it is the cue or below it, or not."""
    below = {cue: True}  # token -> whether it is the cue or one of its descendants
    count = 0
    for i in tokens:
        node, path = heads[i], []
        if node != i:
            while node not in below and heads[node] != node and len(path) < len(heads):
                path.append(node)
                node = heads[node]
            found = below.get(node, False)
            for passed in path:
                below[passed] = found
            count += found
    return count * 2 > len(tokens)


def _distance(a: TaggedSpan, b: TaggedSpan) -> int:
    return max(a.first - b.last, b.first - a.last, 0)


def link(doc: Doc, spans: Sequence[TaggedSpan], frames: Sequence[Frame] = (), parse: Parse | None = None
         ) -> list[Linked]:
    """Group tagged spans into attributions; a cue none of whose tagged sources is its subject
    takes the source of the rules' frame for it, else the nearest tagged source (``parse``: the
    doc's :class:`~.parse.Parse`, when the caller has read it already)."""
    parse = parse if parse is not None else Parse.of(doc)
    cues = [s for s in spans if s.role == "CUE"]
    sources = [s for s in spans if s.role == "SOURCE"]
    contents = sorted((s for s in spans if s.role == "CONTENT"), key=lambda s: s.start)
    groups: dict[int, Linked] = {}
    linked: list[Linked] = []
    text = doc_text(doc)
    paragraph_of = _paragraph_index(doc)
    in_paragraph: dict[int, list[TaggedSpan]] = {}
    for cue in cues:
        in_paragraph.setdefault(paragraph_of[cue.first], []).append(cue)
    roots = _Roots(doc)
    for content in contents:
        tokens = [i for i in range(content.first, content.last + 1) if not parse.space[i]]
        if not tokens:
            continue
        sentences_start, sentences_end = parse.sent_start[content.first], parse.sent_end[content.last]
        candidates = [
            c for c in in_paragraph.get(paragraph_of[content.first], ())
            if (sentences_start <= c.first < sentences_end or _distance(c, content) <= NEAR)
            and not content.first <= c.first <= content.last
        ]
        if content.block:  # introduced by the colon cue that ends the paragraph before
            candidates = sorted((c for c in cues if c.block and c.last < content.first), key=lambda c: c.last)[-1:]
        if candidates:
            if len(candidates) > 1:  # the one governing the content, else the nearest
                governing = [c for c in candidates if _governs(parse.head, roots.of(c), tokens)]
                cue = min(governing or candidates, key=lambda c: _distance(c, content))
            else:
                cue = candidates[0]
            group = groups.get(cue.first)
            if group is None:
                group = groups[cue.first] = Linked(cue)
                linked.append(group)
            group.contents.append(content)
            continue
        previous = _continued(text, linked, content, paragraph_of, cues)
        if previous is not None:
            previous.contents.append(content)
            continue
        linked.append(Linked(None, [content]))
    for group in linked:
        if group.cue is not None:
            group.source = (_source_of(parse, roots, group, sources, subjects_only=True)
                            or _frame_source(doc, group.cue, frames) or _source_of(parse, roots, group, sources))
    return linked


def _frame_source(doc: Doc, cue: TaggedSpan, frames: Sequence[Frame]) -> TaggedSpan | None:
    for frame in frames:
        if frame.source is not None and frame.cue[0] < cue.end and cue.start < frame.cue[1]:
            span = doc.char_span(*frame.source, alignment_mode="expand")
            if span is not None and len(span):
                return TaggedSpan("SOURCE", frame.source[0], frame.source[1], span.start, span.end - 1, 0.5)
    return None


def _paragraph_index(doc: Doc) -> list[int]:
    """The number of each token's paragraph (a space token holding a line break is the last of one),
    read through the array of space flags: a ``Token`` is made only for the space tokens."""
    from spacy.attrs import IS_SPACE

    number, start, found = 0, 0, []
    for end in doc.to_array(IS_SPACE).nonzero()[0].tolist():
        if "\n" in doc[end].text:
            found += [number] * (end + 1 - start)
            number, start = number + 1, end + 1
    return found + [number] * (len(doc) - start)


class _Roots:
    """The root token (``doc[first : last + 1].root``) of each tagged span, found once per span:
    linking asks it of each cue for every content near it, and the statements of each cue and
    source again."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.found: dict[tuple[int, int], int] = {}

    def of(self, span: TaggedSpan) -> int:
        key = (span.first, span.last)
        if key not in self.found:
            self.found[key] = self.doc[span.first : span.last + 1].root.i
        return self.found[key]


def _continued(text: str, linked: list[Linked], content: TaggedSpan, paragraph_of: list[int],
               cues: Sequence[TaggedSpan]) -> Linked | None:
    """The statement a quotation continues: the last one reporting speech before it, ending in its
    paragraph or in the one just before, with no other speech cue in between."""
    if text[content.start] not in OPENING_MARKS:
        return None
    before = [g for g in linked if g.cue is not None and g.cue.speech >= SPEECH and g.contents[-1].last < content.first]
    if not before:
        return None
    last = max(before, key=lambda g: g.contents[-1].last)
    end = last.contents[-1].last
    if paragraph_of[content.first] - paragraph_of[end] > 1:
        return None
    if any(end < c.first < content.first and c is not last.cue and c.speech >= SPEECH for c in cues):
        return None
    return last


def _source_of(parse: Parse, roots: _Roots, group: Linked, sources: Sequence[TaggedSpan], subjects_only: bool = False
               ) -> TaggedSpan | None:
    """The source mention of a cue: its subject among the tagged sources, else (unless
    ``subjects_only``) the nearest tagged source in its sentence outside its contents."""
    cue = group.cue
    sentence_start, sentence_end = parse.sent_start[cue.first], parse.sent_end[cue.first]
    head = roots.of(cue)
    candidates = [
        s for s in sources
        if sentence_start <= s.first < sentence_end
        and not any(c.first <= s.first <= c.last for c in group.contents)
    ]
    if not candidates:
        return None
    subjects = [s for s in candidates if _is_subject(parse, roots.of(s), head)]
    if subjects_only and not subjects:
        return None
    return min(subjects or candidates, key=lambda s: _distance(s, cue))


def _is_subject(parse: Parse, token: int, cue: int) -> bool:
    """Whether token ``token`` is the subject (or agent, or object of a preposition) of token
    ``cue``, or of a verb it is coordinated with or complements, up to four steps up."""
    head, dep = parse.head, parse.dep
    verb = cue
    for _ in range(4):
        if head[token] == verb and dep[token] in _SUBJECT_LIKE:
            return True
        if dep[verb] in {"conj", "xcomp", "advcl"}:
            verb = head[verb]
        else:
            break
    return head[head[token]] == cue and dep[head[token]] in {"prep", "agent"}


def _lexical_cue(head: Token) -> bool:
    """Whether the cue's head is in the reporting-cue lexicon (``data/cues.json``)."""
    lex = cue_lexicon()
    return lex.is_verb_cue(head) or head.lemma_.lower() in lex.nouns or head.lower_ == "according"


def resolve_speaker(doc: Doc, resolver: Resolver, source: TaggedSpan, head: int) -> tuple[str | None, float]:
    """The participant a source mention with root token ``head`` refers to, through ``resolver``;
    when the mention names a person whose name the answer does not share ("Phil Smith, a spokesman
    for …" resolved through an earlier mention to someone else), that person's name is resolved
    instead."""
    speaker, sure = resolver.resolve((source.start, source.end), head)
    if speaker is None:
        return speaker, sure
    span = doc.char_span(source.start, source.end, alignment_mode="expand")
    named = [e for e in resolver.entities_in(span) if e.label_ == "PERSON"] if span is not None else []
    words = set(resolver.by_id[speaker].name.lower().split())
    if named and not any(w.lower() in words for e in named for w in e.text.split()):
        person = named[0]
        found, certainty = resolver.resolve((person.start_char, person.end_char), person.root.i)
        return found, min(certainty, 0.7)
    return speaker, sure


def extract_statements(
    doc: Doc, participants: Sequence[Participant], sections: Sequence[Section], tagger: StatementTagger
) -> tuple[list[Statement], list[Participant]]:
    """The statements the tagger finds in a parsed text, and the participants resolution added."""
    text = doc_text(doc)
    parse, discourse = Parse.of(doc), Discourse(doc)
    spans, frames, rules = tag_spans(doc, participants, sections, tagger, parse, discourse)
    cues = [s for s in spans if s.role == "CUE"]
    groups = split_coordinated(doc, take_over(doc, link(doc, spans, frames, parse), rules, cues), frames)
    quotes = QuoteIndex(find_quotes(text))
    groups = trim_boundaries(doc, groups, frames, quotes, parse)
    blocks = [(c.start, c.end) for g in groups for c in g.contents if c.block]
    resolver = Resolver(doc, list(participants), quotes, quoted=blocks, discourse=discourse)
    roots = _Roots(doc)
    statements = []
    for group in sorted(groups, key=lambda g: g.contents[0].start):
        pieces = [(c.start, c.end) for c in sorted(group.contents, key=lambda c: c.start)]
        kind = "direct" if any(c.block for c in group.contents) else statement_kind(text, pieces, quotes)
        if group.cue is not None:
            said = group.cue.speech
        else:
            said = sum(c.speech for c in group.contents) / len(group.contents)
            if kind != "direct" or _words(text[pieces[0][0] : pieces[-1][1]]) < ORPHAN_WORDS:
                continue
        cue_head = doc[roots.of(group.cue)] if group.cue is not None else None
        if said < SPEECH and not (cue_head is not None and _lexical_cue(cue_head)):
            continue
        if cue_head is not None and asked_not_asking(cue_head):
            continue
        confidence = sum(c.probability for c in group.contents) / len(group.contents)
        speaker = None
        source = group.source
        if source is not None:
            speaker, sure = resolve_speaker(doc, resolver, source, roots.of(source))
            resolver.remember((source.start, source.end), speaker)
            confidence = min(confidence, sure)
        elif group.cue is None:
            confidence = min(confidence, 0.3)
        statements.append(
            Statement(
                id=f"s{len(statements) + 1}",
                kind=kind,
                content=[Span.of(text, s, e) for s, e in pieces],
                speaker=speaker,
                cue=Span.of(text, group.cue.start, group.cue.end) if group.cue else None,
                source=Span.of(text, source.start, source.end) if source else None,
                confidence=round(confidence, 2),
            )
        )
    statements = with_attitudes(doc, statements, resolver, quotes, sections)
    return within_turns(statements, resolver.added, resolver.participants, sections)
