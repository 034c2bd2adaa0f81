"""Token features for the trained statement tagger: the word and its parse, where it sits among
quotes, cues, sentences and paragraphs, and what the rule-based extractor says about it.

The unit is the paragraph (contents cross sentences but almost never paragraphs); each
:class:`Paragraph` holds its tokens (space tokens left out) and one list of feature strings per
token, in the form python-crfsuite takes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from attrs import define, field

from ..nlp import doc_text
from .cues import cue_lexicon
from .frames import Frame, QuoteIndex
from .parse import Parse
from .quotes import Quote

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..model import Statement

__all__ = ["Paragraph", "RuleView", "token_features"]

_WINDOW = 2
#: The neighbours in the window, nearest first, before then after, with their feature names' prefixes.
_NEIGHBOURS = tuple((sign * d, f"w{sign * d:+d}=", f"pos{sign * d:+d}=")
                    for d in range(1, _WINDOW + 1) for sign in (-1, 1))
_QUOTE_CHARS = set("\"'“”‘’`«»„")
_DASHES = {"—", "–", "-", "--"}


@define
class RuleView:
    """What the rules found, per token: ``labels`` maps a token index to the rules' role in a
    statement (``C``, ``Q``, ``S``, with ``B``/``I``), ``frame_cue``/``frame_source``/``frame_content``
    hold the tokens of every attribution frame (with or without content)."""

    labels: dict[int, str] = field(factory=dict)
    kinds: dict[int, str] = field(factory=dict)
    frame_cue: set[int] = field(factory=set)
    frame_heads: dict[int, str] = field(factory=dict)
    frame_source: set[int] = field(factory=set)
    frame_content: set[int] = field(factory=set)


@define
class Paragraph:
    """The non-space tokens of one paragraph and their features."""

    tokens: list[Token]
    features: list[list[str]]

    @property
    def start(self) -> int:
        return self.tokens[0].idx

    @property
    def end(self) -> int:
        return self.tokens[-1].idx + len(self.tokens[-1])


def _token_indices(doc: Doc, ranges: Sequence[tuple[int, int]]) -> list[int]:
    found = []
    for start, end in ranges:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            found.extend(t.i for t in span if not t.is_space)
    return found


def rule_view(doc: Doc, statements: Sequence[Statement], frames: Sequence[Frame]) -> RuleView:
    """The rules' statements and frames as per-token marks."""
    view = RuleView()
    for statement in statements:
        for role, spans in (("S", [statement.source]), ("Q", [statement.cue]), ("C", list(statement.content))):
            for span in spans:
                if span is None:
                    continue
                for k, i in enumerate(_token_indices(doc, [(span.start, span.end)])):
                    view.labels[i] = ("B-" if k == 0 else "I-") + role
                    view.kinds[i] = statement.kind
    for frame in frames:
        view.frame_cue.update(_token_indices(doc, [frame.cue]))
        if frame.head >= 0:
            view.frame_heads[frame.head] = frame.via
        if frame.source is not None:
            view.frame_source.update(_token_indices(doc, [frame.source]))
        view.frame_content.update(_token_indices(doc, frame.content))
    return view


def _bucket(n: int) -> str:
    if abs(n) <= 3:
        return str(n)
    if abs(n) <= 8:
        return "m" if n < 0 else "M"
    return "f" if n < 0 else "F"


@lru_cache(maxsize=65536)
def _shape(text: str) -> str:
    """The word's shape ("Xxxxx", "dd.dd"), runs of one character cut to two, at most six long
    (kept in a bounded cache: most words recur across texts)."""
    shape = re.sub(r"[A-Z]", "X", text)
    shape = re.sub(r"[a-z]", "x", shape)
    shape = re.sub(r"\d", "d", shape)
    return re.sub(r"(.)\1{2,}", r"\1\1", shape)[:6]


def token_features(doc: Doc, quotes: Sequence[Quote], view: RuleView, *, reporting_only: bool = False,
                   parse: Parse | None = None) -> list[Paragraph]:
    """The feature strings of every non-space token of ``doc``, paragraph by paragraph; with
    ``reporting_only``, only of the paragraphs that can report speech: those holding a reporting
    cue of the lexicon, a cue of the rules' frames or a quotation mark (the others are most of a
    news text, and a statement needs one of these). ``parse`` is the doc's :class:`~.parse.Parse`,
    when the caller has read it already."""
    lex = cue_lexicon()
    text = doc_text(doc)
    index = QuoteIndex(quotes)
    parse = parse if parse is not None else Parse.of(doc)
    groups = parse.paragraphs()
    # Quote of each token: 'o' opening mark, 'c' closing mark, 'i' inside, or none.
    quote_of: dict[int, tuple[str, Quote]] = {}
    lengths: dict[int, str] = {}  # a quote's length in words, by where it starts: 1, 3, 8 or L(onger)
    for quote in quotes:
        span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
        if span is None:
            continue
        for i in range(span.start, span.end):
            if parse.space[i]:
                continue
            where = "i"
            if parse.idx[i] < quote.inner_start:
                where = "o"
            elif parse.idx[i] >= quote.inner_end:
                where = "c"
            quote_of[i] = (where, quote)
        words = len(re.findall(r"\w+", text[quote.inner_start : quote.inner_end]))
        lengths[quote.start] = "1" if words <= 1 else "3" if words <= 3 else "8" if words <= 8 else "L"
    cue_heads = view.frame_heads
    lexical_cues = {i for i, lemma in enumerate(parse.lemma) if lemma in lex.nouns
                    or (parse.pos[i] in {"VERB", "AUX"} and lex.word_lemma(lemma, parse.lower[i]) in lex.verbs)
                    or (parse.lower[i] == "according" and i + 1 < len(doc) and parse.lower[i + 1] == "to")}
    cue_paths = parse.cue_paths(cue_heads)
    governors = parse.governors(lexical_cues)
    verbs = parse.verbs_above()

    def cue_lemma(i: int) -> str:
        return lex.word_lemma(parse.lemma[i], parse.lower[i])

    # The cue heads of each sentence, in the order of ``cue_heads`` (the nearest's ties go to the first).
    heads_in: dict[int, list[int]] = {}
    result = []
    for p_number, group in enumerate(groups):
        if reporting_only and not any(i in lexical_cues or i in view.frame_cue or i in quote_of for i in group):
            continue
        sentence_rank: dict[int, int] = {}
        texts = [parse.lower[i] for i in group]
        poses = [parse.pos[i] for i in group]
        first_text = parse.text[group[0]]
        p_opens_quote = group[0] in quote_of and quote_of[group[0]][0] == "o"
        p_colon_label = len(group) > 2 and any(parse.text[i] == ":" for i in group[1:5]) and first_text.isupper()
        features = []
        for k, i in enumerate(group):
            s_start, s_end = parse.sent_start[i], parse.sent_end[i]
            rank = sentence_rank.setdefault(s_start, len(sentence_rank))
            head = parse.head[i]
            word = parse.text[i]
            f = [
                "b",
                "w=" + texts[k],
                "lem=" + parse.lemma[i],
                "pos=" + poses[k],
                "tag=" + parse.tag[i],
                "dep=" + parse.dep[i],
                "shape=" + _shape(word),
                "suf=" + texts[k][-3:],
                "hlem=" + parse.lemma[head],
                "hpos=" + parse.pos[head],
                "dep|hdep=" + parse.dep[i] + "|" + parse.dep[head],
                "ent=" + parse.ent[i],
                "srank=" + str(min(rank, 3)),
                "prank=" + str(min(p_number, 3)),
            ]
            if s_start == i or k == 0:
                f.append("sstart")
            if i == s_end - 1 or (i + 1 < len(doc) and parse.space[i + 1] and i + 2 >= s_end):
                f.append("send")
            if k == 0:
                f.append("pstart")
            if k == len(group) - 1:
                f.append("pend")
            if p_opens_quote:
                f.append("p_opens_quote")
            if p_colon_label:
                f.append("p_label")
            if first_text.isupper() and len(first_text) > 1:
                f.append("p_caps")
            for offset, word_name, pos_name in _NEIGHBOURS:
                at = k + offset
                if 0 <= at < len(group):
                    f.append(word_name + texts[at])
                    f.append(pos_name + poses[at])
                else:
                    f.append(word_name + "<p>")
            f.append("pos-1|pos=" + (poses[k - 1] if k else "<p>") + "|" + poses[k])
            f.append("pos|pos+1=" + poses[k] + "|" + (poses[k + 1] if k + 1 < len(group) else "<p>"))
            # Quotes.
            inside = quote_of.get(i)
            if inside is not None:
                where, quote = inside
                f += ["q=" + where, "qlen=" + lengths[quote.start]]
                if not quote.closed:
                    f.append("q_unclosed")
                if quote.start <= parse.idx[s_start] + 1:
                    f.append("q_opens_sent")
            else:
                f.append("q=none")
            if word in _QUOTE_CHARS or word in {"``", "''"}:
                f.append("qmark")
            if word in _DASHES:
                f.append("dash")
            # Cues.
            if i in lexical_cues:
                f.append("cue_lex")
                if index.inside(parse.idx[i]) is not None:
                    f.append("cue_lex_quoted")
            if i in cue_heads:
                f.append("cue_head=" + cue_heads[i])
            if i in view.frame_cue:
                f.append("frame_cue")
            if i in view.frame_source:
                f.append("frame_source")
            if i in view.frame_content:
                f.append("frame_content")
            path = cue_paths[i]
            if path is not None:
                f += ["cue_anc=" + path[0], "cue_depth=" + str(min(path[1], 4))]
            governor = governors[i]
            if governor is not None:
                f.append("gov_cue=" + cue_lemma(governor))
            verb = verbs[i]
            if verb is not None:
                f.append("gov_verb=" + parse.lemma[verb])
            if head in cue_heads:  # a root cue head is its own child, as the weights were trained
                f.append("cue_child=" + parse.dep[i])
            if s_start not in heads_in:
                heads_in[s_start] = [h for h in cue_heads if s_start <= h < s_end]
            near = heads_in[s_start]
            if near:
                nearest = min(near, key=lambda h: abs(h - i))
                f.append("cue_dist=" + _bucket(i - nearest))
                f.append("near_cue=" + cue_lemma(nearest))
            else:
                f.append("no_cue_in_sent")
            # The rules' own answer.
            label = view.labels.get(i)
            f.append("rule=" + (label or "O"))
            if label is not None:
                f.append("rule_kind=" + view.kinds[i])
            prev_label = view.labels.get(group[k - 1]) if k else None
            next_label = view.labels.get(group[k + 1]) if k + 1 < len(group) else None
            f.append("rule-1|rule+1=" + (prev_label or "O") + "|" + (next_label or "O"))
            features.append(f)
        result.append(Paragraph(tokens=[doc[i] for i in group], features=features))
    return result
