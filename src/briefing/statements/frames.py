"""Attribution frames from the dependency parse: a reporting cue with the mention that names its
source and the content it reports ("X said that …", "X emphasized the need for …", "According to X,
…", "X warned against … and emphasized …", "X was quoted as saying …")."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from attrs import define, field

from ..doc_tables import head_indices, token_attributes, token_texts
from ..intervals import merged
from ..nlp import doc_text
from .cues import cue_lexicon
from .parse import Parse, top_down
from .quotes import Quote

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["CONNECTIVES", "Frame", "QuoteIndex", "asked_not_asking", "find_frames", "source_range", "statement_kind",
           "subject_of", "token_range", "trim"]

_CONTENT_PREPS = {
    "warn": {"against", "about", "of"},
    "caution": {"against", "about"},
    "call": {"for", "on"},
    "ask": {"about", "for"},
    "respond": {"to"},
    "reply": {"to"},
    "complain": {"about", "of"},
    "talk": {"about"},
    "speak": {"about", "of", "on"},
    "comment": {"on"},
    "testify": {"about", "on"},
    "joke": {"about"},
    "boast": {"about", "of"},
    "brag": {"about", "of"},
    "argue": {"for", "against", "about"},
    "point": {"to", "out"},
    "insist": {"on"},
    "hint": {"at"},
    "express": {"about"},
    "describe": {"as"},
    "characterize": {"as"},
    "characterise": {"as"},
    "label": {"as"},
    "dismiss": {"as"},
    "praise": {"for", "as"},
    "thank": {"for"},
    "apologize": {"for"},
    "apologise": {"for"},
    "criticize": {"for", "over"},
    "criticise": {"for", "over"},
    "attack": {"for", "on", "over"},
    "accuse": {"of"},
    "blast": {"for", "as", "over"},
    "slam": {"for", "as", "over"},
}
_XCOMP_VERBS = {"promise", "vow", "pledge", "threaten", "urge", "ask", "call", "demand", "plead", "beg", "implore",
                "advise", "warn", "encourage", "tell", "refuse", "decline", "offer", "agree", "swear"}
_SUBJECT_DEPS = {"nsubj", "nsubjpass"}
_NAMING = {"call", "describe", "label", "dub", "brand", "characterize", "characterise", "term", "name"}
# Cues only when they govern a finite clause: "agreed that ..." reports speech, "agreed on fishing
# quotas" does not.
_CLAUSE_ONLY = {"agree", "disagree", "concur", "speak", "talk", "signal", "hint", "indicate", "publish",
                "broadcast", "headline", "text", "phone", "telephone", "cable", "radio", "telegraph"}
_TRAILING = ".,;:—–-"
#: Tokens after which a capitalised cue opens a sentence ("…” Said Moreno: …").
_SENTENCE_END = {".", "!", "?", "”", '"', "\n", "\n\n"}
#: Discourse connectives: opening a sentence, they tie it to the one before and are the writer's,
#: not part of what a parenthetical cue reports ("However, she said, the fees are modest").
CONNECTIVES = {
    "also", "and", "as a result", "as such", "at the same time", "besides", "but", "by contrast",
    "consequently", "even so", "finally", "first", "for example", "for instance", "furthermore",
    "hence", "however", "in addition", "in any case", "in contrast", "in fact", "in other words",
    "in short", "in turn", "indeed", "instead", "likewise", "meanwhile", "moreover", "nevertheless",
    "nonetheless", "now", "of course", "on the other hand", "otherwise", "rather", "second",
    "similarly", "so", "still", "then", "therefore", "thus", "yet",
}


@define
class Frame:
    """A cue with its source mention and content, as character ranges into the text."""

    cue: tuple[int, int]
    head: int
    source: tuple[int, int] | None = None
    source_head: int | None = None
    content: list[tuple[int, int]] = field(factory=list)
    via: str = "clause"
    confidence: float = 0.9


class QuoteIndex:
    """Where the quotes are, to keep cues out of them and snap content to their marks.

    :meth:`inside` is asked for every token of a text, so when the quotes' insides do not overlap
    (as for :func:`~.quotes.find_quotes`, which gives top-level quotes) it bisects their starts
    instead of scanning them all."""

    def __init__(self, quotes: Sequence[Quote]) -> None:
        self.quotes = list(quotes)
        self._ordered = sorted(self.quotes, key=lambda q: q.inner_start)
        self._starts = [q.inner_start for q in self._ordered]
        self._disjoint = all(a.inner_end <= b.inner_start for a, b in zip(self._ordered, self._ordered[1:]))
        # for overlapping(): the quotes' outer starts, when they come in that order, and the
        # longest quote, so that only the quotes starting close enough before a range are read
        self._outer_starts = [q.start for q in self.quotes]
        self._in_order = all(a <= b for a, b in zip(self._outer_starts, self._outer_starts[1:]))
        self._longest = max((q.end - q.start for q in self.quotes), default=0)

    def inside(self, offset: int) -> Quote | None:
        """The quote whose inside holds ``offset`` (the first in order, should several)."""
        if self._disjoint:
            k = bisect_right(self._starts, offset) - 1
            return self._ordered[k] if k >= 0 and offset < self._ordered[k].inner_end else None
        for quote in self.quotes:
            if quote.inner_start <= offset < quote.inner_end:
                return quote
        return None

    def overlapping(self, start: int, end: int) -> list[Quote]:
        """The quotes sharing a character with ``start``..``end``, in the order given."""
        if not self._in_order:
            return [q for q in self.quotes if q.start < end and start < q.end]
        first = bisect_right(self._outer_starts, start - self._longest)
        return [q for q in self.quotes[first : bisect_left(self._outer_starts, end)] if start < q.end]


def token_range(tokens: Iterable[Token]) -> tuple[int, int]:
    tokens = list(tokens)
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def _alnum(text: str, start: int, end: int) -> int:
    """How many letters and digits ``text[start:end]`` holds."""
    return sum(map(str.isalnum, text[start:end]))


def statement_kind(text: str, pieces: list[tuple[int, int]], quotes: QuoteIndex) -> str:
    """``direct`` when every word of the content is quoted, ``mixed`` when some is, else ``indirect``."""
    quoted = unquoted = 0
    for s, e in pieces:
        inside = merged([(max(s, q.start), min(e, q.end)) for q in quotes.overlapping(s, e)])
        here = sum(_alnum(text, a, b) for a, b in inside if a < b)
        quoted += here
        unquoted += _alnum(text, s, e) - here
    if quoted and not unquoted:
        return "direct"
    return "mixed" if quoted else "indirect"


def trim(text: str, start: int, end: int, quotes: QuoteIndex) -> tuple[int, int]:
    """``start``/``end`` within one paragraph, without surrounding space, a leading comma or colon,
    or sentence punctuation after the content; a stretch inside one quote becomes the whole quote,
    and one that cuts into a quote is widened to its marks (content keeps its quotation marks)."""
    while start < end and (text[start].isspace() or text[start] in ",;:—–"):
        start += 1
    newline = text.find("\n", start, end)
    if newline >= 0:
        end = newline  # content stays in its paragraph; a parse that runs on past it does not
    while end > start and text[end - 1].isspace():
        end -= 1
    for quote in quotes.overlapping(start, end):
        if quote.start <= start and end <= quote.end:
            return quote.start, quote.end
        if quote.start < start < quote.end:
            start = quote.start
        if quote.start < end < quote.end:
            end = quote.end
    while end > start and text[end - 1] in _TRAILING and not quotes.overlapping(end - 1, end):
        end -= 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def subject_of(verb: Token, depth: int = 0) -> Token | None:
    """Who the cue verb says is speaking: its subject; for a passive, the agent ("was criticized by
    his rivals"), except when the subject is the speaker ("was quoted as saying"); for a verb
    without a subject of its own, the subject it shares ("warned … and emphasized …", "went on to
    say", "issued a statement saying", "were likely to say") or the noun it modifies ("Pope
    Francis calling Christmas a sham")."""
    children = list(verb.children)
    active = _subject_in_paragraph(verb, [c for c in children if c.dep_ == "nsubj"])
    if active is not None:
        return active
    passive = next((c for c in children if c.dep_ == "nsubjpass"), None)
    if passive is not None:
        agent = next((c for c in children if c.dep_ == "agent"), None)
        if agent is not None:
            return next((c for c in agent.children if c.dep_ == "pobj"), None)
        quoted = any(c.dep_ in {"advcl", "xcomp", "prep"} and cue_lexicon().is_verb_cue(t)
                     for c in children for t in c.subtree if t.i != verb.i)
        return passive if quoted else None
    if depth > 3:
        return None
    head = verb.head
    if head == verb:
        return None
    if verb.dep_ == "advcl" and verb.tag_ == "VBG" and head.dep_ == "ccomp" and cue_lexicon().is_verb_cue(head.head):
        return subject_of(head.head, depth + 1)  # "told reporters the vote was close, adding …": who told
    if verb.dep_ in {"conj", "xcomp", "advcl"} and head.pos_ in {"VERB", "AUX"}:
        return subject_of(head, depth + 1)
    if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.head.pos_ in {"VERB", "AUX"}:
        return subject_of(head.head, depth + 1)
    if verb.dep_ == "acl":
        if head.lemma_.lower() in cue_lexicon().nouns and head.head.pos_ in {"VERB", "AUX"}:
            return subject_of(head.head, depth + 1)
        if head.pos_ in {"PROPN", "NOUN"} and verb.tag_ == "VBG":
            return head
        if head.pos_ == "PROPN" and verb.tag_ in {"VBD", "VBZ", "VBP"} and head.i < verb.i:
            return head  # a finite verb the parser hung on the name before it: "…, Tim Cook, called"
    if verb.dep_ == "xcomp" and head.pos_ == "ADJ" and head.head.pos_ in {"VERB", "AUX"}:
        return subject_of(head.head, depth + 1)
    # A subject the parser left unlabelled: the phrase just left of the verb ("About 4 in 10 say").
    left = [c for c in verb.lefts if c.dep_ in {"nummod", "npadvmod", "dep", "nmod"} and c.pos_ in {"NUM", "NOUN", "PROPN", "PRON"}]
    if left and all(t.dep_ in {"aux", "neg", "advmod"} or t.is_space for t in verb.doc[left[-1].right_edge.i + 1 : verb.i]):
        return left[-1]
    # An inverted subject the parser took for an object: "…,” said James Acton, a physicist.
    after = next((c for c in verb.rights if c.dep_ in {"dobj", "attr", "npadvmod", "appos", "dep"}), None)
    if after is not None and after.pos_ == "PROPN" and verb.lower_ in {"said", "says", "added", "adds", "wrote", "writes"}:
        return after
    if verb.tag_ in {"VBG", "VB"} and depth == 0:
        # A participle or infinitive in an adjunct ("aside from saying …", "began by saying …"):
        # the subject of the nearest finite verb above it.
        for ancestor in list(verb.ancestors)[:4]:
            if ancestor.pos_ in {"VERB", "AUX"}:
                found = next((c for c in ancestor.children if c.dep_ == "nsubj"), None)
                if found is not None:
                    return found
    return None


def _subject_in_paragraph(verb: Token, subjects: list[Token]) -> Token | None:
    """Of the subjects the parser gave a verb, the first in the verb's paragraph: a parse that runs
    over a paragraph break can give the verb a subject from the paragraph before as well
    ("… a user?”\n\nDean, a doctor, then appeared … and began by saying …")."""
    if len(subjects) < 2:
        return subjects[0] if subjects else None
    text = doc_text(verb.doc)
    return min(subjects, key=lambda s: ("\n" in text[min(s.idx, verb.idx) : max(s.idx, verb.idx)], s.i))


def _phrase_before(cue: Token) -> Token | None:
    """The head of the noun phrase right before the cue, on its line, when the parser gave the cue a
    subject that cannot speak ("5:45 p.m.\n\nGary Johnson's doctor is calling …"), past a
    parenthesis ("Rep. Elijah Cummings (D-Md.) said") and past an appositive ("“…,” Ann Roe, an aide
    to the mayor, said", where the parser hung the name on a word of the quote)."""
    doc = cue.doc
    i = cue.i - 1
    while i >= 0 and (doc[i].dep_ in {"aux", "auxpass", "neg", "advmod"} or doc[i].is_space or doc[i].text == ")"):
        if doc[i].is_space or "\n" in doc[i].whitespace_:
            return None
        if doc[i].text == ")":
            while i > 0 and doc[i].text != "(":
                i -= 1
        i -= 1
    if i > 0 and doc[i].text == ",":
        appositive = next((t for t in [doc[i - 1], *list(doc[i - 1].ancestors)[:3]] if t.dep_ == "appos"), None)
        if appositive is not None and appositive.head.i < appositive.left_edge.i:
            i = appositive.head.i
    if i < 0 or doc[i].pos_ not in {"NOUN", "PROPN", "PRON"} or "\n" in doc[i].whitespace_:
        return None
    return doc[i]


def asked_not_asking(token: Token) -> bool:
    """A bare participle cue ("Asked whether …, she replied"): it names the one who was asked,
    not a speaker."""
    return token.tag_ == "VBN" and token.dep_ in {"advcl", "acl", "ROOT"} and not any(
        c.dep_ in _SUBJECT_DEPS for c in token.children
    )


def _in_markup(text: str, token: Token) -> bool:
    """A word inside leftover markup ("<tweet author=…>") rather than prose."""
    window = text[max(0, token.idx - 2) : token.idx + len(token) + 2]
    return "<" in window or "=" in window or "@" in window


def _plausible_source(doc: Doc, text: str, source: tuple[int, int]) -> bool:
    """A source that can be someone: not a time ("4:40 p.m.")."""
    if not text[source[0] : source[1]].strip():
        return False
    span = doc.char_span(*source, alignment_mode="expand")
    return span is None or not all(t.ent_type_ in {"TIME", "DATE"} or t.is_punct or t.like_num for t in span)


def source_range(subject: Token, cue: Token, quotes: QuoteIndex) -> tuple[int, int]:
    """The subject's phrase, appositives included: the unbroken run of its subtree around it,
    outside quotes and short of the cue."""
    doc = subject.doc
    inside = {t.i for t in subject.subtree if t.i != cue.i and not quotes.inside(t.idx)} | {subject.i}
    start = end = subject.i
    while start - 1 in inside:
        start -= 1
    while end + 1 in inside:
        end += 1
    while end > subject.i and (doc[end].is_punct or doc[end].dep_ == "cc"):
        end -= 1
    while start < subject.i and (doc[start].is_punct or doc[start].dep_ == "cc"):
        start += 1
    offsets, words = token_attributes(doc)["idx"], token_texts(doc)
    phrase = doc_text(doc)[offsets[start] : offsets[end] + len(words[end])]
    if phrase.count("(") > phrase.count(")") and end + 1 < len(doc) and words[end + 1] == ")":
        end += 1  # keep "(D-Md.)" whole
    return offsets[start], offsets[end] + len(words[end])


class SubtreeEdges:
    """The first and last token index of every token's subtree, computed once for a doc in one
    pass from the leaves up, so that cues nested in each other's content cost no more than the
    text. (spaCy's own ``left_edge``/``right_edge`` can be stale across non-projective arcs.)"""

    def __init__(self, doc: Doc, parse: Parse | None = None) -> None:
        heads = parse.head if parse is not None else head_indices(doc)
        self.first, self.last = first, last = list(range(len(heads))), list(range(len(heads)))
        for i in reversed(parse.order if parse is not None else top_down(heads)):
            head = heads[i]
            if head != i:
                if first[i] < first[head]:
                    first[head] = first[i]
                if last[i] > last[head]:
                    last[head] = last[i]

    def of(self, heads: Iterable[Token]) -> tuple[int, int]:
        """The first and last token index of the subtrees of ``heads``."""
        ids = [h.i for h in heads]
        return min(self.first[i] for i in ids), max(self.last[i] for i in ids)


def _clause_content(cue: Token, lemma: str, edges: SubtreeEdges) -> tuple[int, int, str] | None:
    """The first and last token of what ``cue`` reports, and how they were found: a clause ("said
    that …"), or the arguments right of the verb to the end of its clause ("emphasized the need
    for …", "accused him of …", "called him a liar", "warned against …", "promised to …")."""
    lex = cue_lexicon()
    doc = cue.doc
    children = list(cue.children)
    right = [c for c in children if c.i > cue.i]
    if lemma in _CLAUSE_ONLY:
        clauses = [c for c in right if c.dep_ == "ccomp"]
        return (*edges.of(clauses), "clause") if clauses else None
    clauses = [
        c for c in children
        if c.dep_ == "ccomp"
        or (c.dep_ == "parataxis" and c.i > cue.i)
        or (c.dep_ in {"advcl", "xcomp"} and c.i > cue.i and any(g.dep_ == "mark" and g.lower_ in {"that", "if", "whether", "for"} for g in c.children))
    ]
    if clauses:
        first, last = edges.of(clauses)
        opening = doc[first]
        if opening.dep_ == "mark" and opening.lower_ == "for" and opening.head in clauses:
            first += 1  # "called for them to resign": the content is "them to resign"
        return first, last, "clause"
    objects = [c for c in right if c.dep_ in {"dobj", "attr", "oprd", "dative"} and c.tag_ not in {"WDT", "WP"}]
    predicates = [c for c in right if c.dep_ in {"oprd", "xcomp", "acomp"}]
    preps = [c for c in right if c.dep_ in {"prep", "prt"} and c.lower_ in _CONTENT_PREPS.get(lemma, ()) and c.n_rights]
    if lemma in lex.object_is_recipient:
        objects = []  # "told reporters": who was told, not what
    elif lemma in _NAMING or lex.needs_content(lemma):
        # "called the meeting" reports nothing; "called him a liar", "called for …" do.
        objects = objects if (predicates or preps) else []
    if lemma not in _XCOMP_VERBS:
        predicates = [p for p in predicates if p.dep_ != "xcomp"]
    if cue.tag_ == "VBN" and any(c.dep_ == "agent" for c in children):
        subjects = [c for c in children if c.dep_ == "nsubjpass"]
        if subjects:  # "The story was first reported by the Times": the story is what was reported
            return (*edges.of(subjects[:1]), "object")
    arguments = objects + preps + predicates
    if not arguments:
        return None
    first = min(arguments, key=lambda c: c.left_edge.i)
    if first in preps and first.dep_ == "prep":
        first = min(first.rights, key=lambda c: c.left_edge.i)  # the object, not the preposition
    last = max([first.right_edge.i] + [c.right_edge.i for c in right if c.dep_ not in {"conj", "cc", "punct"} and c.right_edge.i >= first.i])
    return first.left_edge.i, last, "object" if objects else "prep" if preps else "xcomp"


def _clause_end(cue: Token) -> int:
    """Where the cue's clause ends on its right, leaving out verbs coordinated with it."""
    right = [c for c in cue.children if c.i > cue.i and c.dep_ not in {"conj", "cc", "punct"}]
    if not right:
        return cue.idx + len(cue)
    last = max(c.right_edge.i for c in right)
    return cue.doc[last].idx + len(cue.doc[last])


def _colon_after(parse: Parse, cue: int) -> int | None:
    """The offset just after a colon that follows token ``cue`` in its sentence ("said:")."""
    for i in range(cue + 1, min(parse.sent_end[cue], cue + 6)):
        if parse.text[i] == ":":
            return parse.idx[i] + 1
        if parse.pos[i] in {"VERB", "AUX"}:
            return None
    return None


def _according_to(doc: Doc, token: Token, quotes: QuoteIndex) -> Frame | None:
    if token.lower_ != "according" or token.i + 1 >= len(doc) or doc[token.i + 1].lower_ != "to":
        return None
    to = doc[token.i + 1]
    objects = [c for c in to.children if c.dep_ == "pobj"] or [c for c in token.children if c.dep_ == "pobj"]
    frame = Frame(cue=token_range([token, to]), head=token.i, via="according")
    if objects:
        frame.source = source_range(objects[0], token, quotes)
        frame.source_head = objects[0].i
    sentence = token.sent
    phrase = {t.i for t in token.subtree} | {to.i}
    if objects:
        phrase |= {t.i for t in objects[0].subtree}
    rest = [t for t in sentence if t.i not in phrase]
    # The content is the stretch of the sentence on the longer side of the phrase.
    before = [t for t in rest if t.i < token.i]
    after = [t for t in rest if t.i > max(phrase)]
    side = before if len(before) >= len(after) else after
    side = [t for t in side if not (t.is_punct and t.text in ",;—")] or side
    if side:
        frame.content = [token_range(side)]
    return frame


def _inverted(doc: Doc, token: Token, quotes: QuoteIndex) -> Frame | None:
    """A past or present cue opening its sentence with the speaker's name after it and then a
    quotation ("Said Moreno: “…”", "Says Ada Moreno, who chairs it, “…”"): the inverted order
    the parser often reads as a name ("Said" a compound of "Moreno")."""
    if not (token.text[:1].isupper() and token.tag_ in {"VBD", "VBZ"}
            and (token.i == 0 or token.is_sent_start or doc[token.i - 1].text in _SENTENCE_END)):
        return None
    name = []
    for following in doc[token.i + 1 : token.i + 5]:
        if following.pos_ != "PROPN":
            break
        name.append(following)
    if not name or name[-1].i + 1 >= len(doc) or doc[name[-1].i + 1].text not in {":", ","}:
        return None
    text = doc_text(doc)
    source = token_range(name)
    end = _paragraph_end(text, source[1])
    quote = min((q for q in quotes.overlapping(source[1], end) if q.start >= source[1]), key=lambda q: q.start,
                default=None)
    if quote is None or not _plausible_source(doc, text, source):
        return None
    return Frame(cue=token_range([token]), head=token.i, source=source, source_head=name[-1].i,
                 content=[(quote.start, quote.end)], via="inverted")


_NOUN_CUES = {
    "statement", "claim", "announcement", "acknowledgment", "acknowledgement", "accusation", "assertion", "suggestion",
    "warning", "promise", "pledge", "call", "criticism", "complaint", "argument", "prediction", "denial", "admission",
    "vow", "insistence", "allegation", "comment", "remark", "remarks", "testimony", "declaration", "contention",
    "boast", "threat", "demand", "plea", "appeal", "assurance", "report", "praise",
}
_NOUN_CONTENT_PREPS = {"of", "about", "on", "for", "against", "that"}


def _noun_frame(token: Token, quotes: QuoteIndex) -> Frame | None:
    """A cue noun with who made it and what it says: "Kerry's announcement of this number",
    "his claim that …", "a call by the mayor for calm"."""
    children = list(token.children)
    holder = next((c for c in children if c.dep_ == "poss"), None)
    if holder is None:
        by = next((c for c in children if c.dep_ == "prep" and c.lower_ in {"by", "from"}), None)
        holder = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
    clause = next((c for c in children if c.dep_ in {"acl", "ccomp"} and any(
        g.dep_ == "mark" and g.lower_ == "that" for g in c.children)), None)
    if clause is not None:
        tokens = list(clause.subtree)
    else:
        prep = next((c for c in children if c.dep_ == "prep" and c.lower_ in _NOUN_CONTENT_PREPS and c.n_rights), None)
        if prep is None or holder is None:
            return None
        tokens = [t for c in prep.rights for t in c.subtree]
    if not tokens:
        return None
    frame = Frame(cue=token_range([token]), head=token.i, via="noun", confidence=0.7)
    if holder is not None:
        frame.source, frame.source_head = source_range(holder, token, quotes), holder.i
    frame.content = [token_range(tokens)]
    return frame


def _cue_candidates(doc: Doc, parse: Parse) -> Iterator[Token]:
    """The tokens that can be a cue of :func:`find_frames` ("according", a cue noun, a verb of the
    cue lexicon), found through the parse's arrays: a ``Token`` is made only for them."""
    verbs, word_lemma = cue_lexicon().verbs, cue_lexicon().word_lemma
    for i, pos in enumerate(parse.pos):
        if pos == "VERB" or pos == "AUX":
            if word_lemma(parse.lemma[i], parse.lower[i]) in verbs or parse.lower[i] == "according":
                yield doc[i]
        elif (pos == "NOUN" and parse.lemma[i] in _NOUN_CUES) or parse.lower[i] == "according":
            yield doc[i]


def find_frames(doc: Doc, quotes: QuoteIndex, *, skip: Sequence[tuple[int, int]] = (), parse: Parse | None = None
                ) -> list[Frame]:
    """Every attribution frame in ``doc`` whose cue lies outside quotes and outside ``skip``
    (``parse``: the doc's :class:`~.parse.Parse`, when the caller has read it already)."""
    lex = cue_lexicon()
    text = doc_text(doc)
    parse = parse if parse is not None else Parse.of(doc)
    edges = SubtreeEdges(doc, parse)
    frames: list[Frame] = []
    for token in _cue_candidates(doc, parse):
        if quotes.inside(token.idx) or any(a <= token.idx < b for a, b in skip):
            continue
        according = _according_to(doc, token, quotes)
        if according is not None:
            frames.append(according)
            continue
        if token.pos_ == "NOUN" and token.lemma_.lower() in _NOUN_CUES:
            noun = _noun_frame(token, quotes)
            if noun is not None:
                noun.content = [trim(text, *noun.content[0], quotes)]
                frames.append(noun)
            continue
        verb_cue = lex.is_verb_cue(token)
        inverted = _inverted(doc, token, quotes) if verb_cue else None
        if inverted is not None:
            frames.append(inverted)
            continue
        if not verb_cue or token.dep_ in {"amod", "compound"} or _in_markup(text, token):
            continue
        if asked_not_asking(token):
            continue
        lemma = lex.lemma(token)
        cue_tokens = [token] + [c for c in token.children if c.dep_ == "prt"]
        frame = Frame(cue=token_range(sorted(cue_tokens, key=lambda t: t.i)), head=token.i)
        subject = subject_of(token)
        if subject is not None and quotes.inside(subject.idx) and not quotes.inside(token.idx):
            subject = _phrase_before(token)  # the parser took a word of the quote for the subject
        if subject is None and token.tag_ in {"VBD", "VBZ", "VBP"}:
            subject = _phrase_before(token)
        if subject is not None:
            source = source_range(subject, token, quotes)
            newline = text.rfind("\n", *source)
            if newline >= 0:  # a liveblog's time stamp parsed into the subject: "4:40 p.m.\n\nRubio"
                source = (newline + 1, source[1])
            plausible = _plausible_source(doc, text, source)
            if not plausible:
                implausible_end, subject = source[1], _phrase_before(token)
                source = None
                if subject is not None:
                    first = subject.left_edge if subject.left_edge.idx >= implausible_end else subject
                    source = token_range(doc[first.i : subject.i + 1])
                    plausible = _plausible_source(doc, text, source)
            if plausible:
                frame.source, frame.source_head = source, subject.i
        found = _clause_content(token, lemma, edges)
        if found is not None:
            first, last, frame.via = found
            first += first == token.i  # the cue itself is never content
            last -= last == token.i
            if first <= last:
                start, end = doc[first].idx, doc[last].idx + len(doc[last])
                if start > token.idx:
                    end = max(end, _clause_end(token))
                final = parse.sent_end[token.i] - 1  # the sentence's last token
                sentence_end = parse.idx[final] + len(parse.text[final])
                if frame.via == "object" and text[end:sentence_end].lstrip().startswith(":"):
                    end = sentence_end
                frame.content = [trim(text, start, end, quotes)]
        elif (colon := _colon_after(parse, token.i)) is not None and lemma not in _CLAUSE_ONLY:
            frame.via = "colon"
            piece = trim(text, colon, _paragraph_end(text, colon), quotes)
            if piece[1] > piece[0]:
                frame.content = [piece]
        elif (token.dep_ in {"parataxis", "ccomp", "advcl"} and token.head.pos_ in {"VERB", "AUX"} and subject is not None
              and subject.head.i == token.i and lemma not in _CLAUSE_ONLY):
            # A parenthetical cue ("As such, he explained, the officials agreed ..."): the content
            # is the clause around it.
            own = {t.i for t in token.subtree}
            rest = [t for t in token.head.subtree if t.i not in own]
            before = _opening(t for t in rest if t.i < token.i)
            after = [t for t in rest if t.i > token.i]
            sides = [after] if len(after) >= len(before) else [before]
            if before and after and " ".join(t.lower_ for t in before if t.is_alpha) not in CONNECTIVES:
                # Both halves, unless the first is a mere connective ("As such, he explained, …"):
                # "The fees, she insisted, are modest"; "Too often, she says, …".
                sides = [before, after]
            # A subordinate clause ("Though that transition was seamless, …") frames what is said.
            sides = [side for side in sides if side and not (side[0].dep_ == "mark" or side[0].pos_ == "SCONJ")] or sides
            frame.content = [trim(text, *token_range(side), quotes) for side in sides if side]
            frame.via = "parenthetical"
        if frame.via != "colon":
            frame.content = [piece for piece in frame.content if _beside(text, piece, frame.cue)]
        if not frame.content and lex.needs_content(lemma):
            frame.confidence = 0.4
        frames.append(frame)
    return frames


def _opening(tokens: Iterable[Token]) -> list[Token]:
    """The words of a clause before a parenthetical cue, from its paragraph, without the
    conjunction that opens the sentence ("And perhaps, he said, …" reports "perhaps …")."""
    found = list(tokens)
    breaks = [k for k, t in enumerate(found) if t.is_space and "\n" in t.text]
    first = breaks[-1] + 1 if breaks else 0
    while first < len(found) and (found[first].is_punct or found[first].is_space or found[first].dep_ == "cc"):
        first += 1
    return found[first:]


def _beside(text: str, piece: tuple[int, int], cue: tuple[int, int]) -> bool:
    """A content piece in the cue's own paragraph: a clause the parser hung on the cue from across a
    paragraph break ("8:15 p.m." above "…, adding to her run") is not what the cue reports."""
    gap = text[piece[1] : cue[0]] if piece[1] <= cue[0] else text[cue[1] : piece[0]]
    return piece[1] > piece[0] and "\n" not in gap


def _paragraph_end(text: str, offset: int) -> int:
    match = re.compile(r"\n").search(text, offset)
    end = match.start() if match else len(text)
    if not text[offset:end].strip() and match:
        following = re.compile(r"\n\s*\n|\n").search(text, end + 1)
        return following.start() if following else len(text)
    return end
