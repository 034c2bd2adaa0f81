"""Token features for the trained statement tagger: the word and its parse, where it sits among
quotes, cues, sentences and paragraphs, and what the rule-based extractor says about it.

The unit is the paragraph (contents cross sentences but almost never paragraphs); each
:class:`Paragraph` holds its tokens (space tokens left out) and one list of feature strings per
token, in the form python-crfsuite takes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from attrs import define, field

from ..nlp import doc_text
from .cues import cue_lexicon
from .frames import Frame, QuoteIndex
from .quotes import Quote

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..model import Statement

__all__ = ["Paragraph", "RuleView", "paragraphs", "token_features"]

_WINDOW = 2
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


def _shape(text: str) -> str:
    shape = re.sub(r"[A-Z]", "X", text)
    shape = re.sub(r"[a-z]", "x", shape)
    shape = re.sub(r"\d", "d", shape)
    return re.sub(r"(.)\1{2,}", r"\1\1", shape)[:6]


def _cue_path(token: Token, heads: dict[int, str]) -> tuple[str, int] | None:
    """The dependency label under the nearest ancestor that is a cue head, and the depth to it."""
    child, depth = token, 0
    while child.head is not child and depth < 12:
        if child.head.i in heads:
            return child.dep_, depth
        child, depth = child.head, depth + 1
    return None


def _governor(token: Token, cues: set[int]) -> Token | None:
    """The nearest ancestor of ``token`` that is a reporting cue."""
    for depth, ancestor in enumerate(token.ancestors):
        if ancestor.i in cues:
            return ancestor
        if depth > 10:
            break
    return None


def _verb_above(token: Token) -> Token | None:
    """The verb whose clause holds ``token`` as a complement ("believes [that …]", "wants [to …]")."""
    child = token
    for ancestor in token.ancestors:
        if ancestor.pos_ in {"VERB", "AUX"} and child.dep_ in {"ccomp", "xcomp", "dobj", "prep", "advcl"}:
            return ancestor
        child = ancestor
    return None


def paragraphs(doc: Doc) -> list[list[Token]]:
    """The non-space tokens of ``doc`` grouped by paragraph (a line break ends one)."""
    groups: list[list[Token]] = []
    current: list[Token] = []
    for token in doc:
        if token.is_space:
            if "\n" in token.text and current:
                groups.append(current)
                current = []
            continue
        current.append(token)
    if current:
        groups.append(current)
    return groups


def token_features(doc: Doc, quotes: Sequence[Quote], view: RuleView) -> list[Paragraph]:
    """The feature strings of every non-space token of ``doc``, paragraph by paragraph."""
    lex = cue_lexicon()
    text = doc_text(doc)
    index = QuoteIndex(quotes)
    groups = paragraphs(doc)
    # Quote of each token: 'o' opening mark, 'c' closing mark, 'i' inside, or none.
    quote_of: dict[int, tuple[str, Quote]] = {}
    for quote in quotes:
        span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
        if span is None:
            continue
        for t in span:
            if t.is_space:
                continue
            where = "i"
            if t.idx < quote.inner_start:
                where = "o"
            elif t.idx >= quote.inner_end:
                where = "c"
            quote_of[t.i] = (where, quote)
    cue_heads = view.frame_heads
    lexical_cues = {t.i for t in doc if lex.is_verb_cue(t) or t.lemma_.lower() in lex.nouns or
                    (t.lower_ == "according" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to")}
    result = []
    for p_number, group in enumerate(groups):
        sentence_rank: dict[int, int] = {}
        texts = [t.lower_ for t in group]
        poses = [t.pos_ for t in group]
        first_text = group[0].text
        p_opens_quote = group[0].i in quote_of and quote_of[group[0].i][0] == "o"
        p_colon_label = len(group) > 2 and any(t.text == ":" for t in group[1:5]) and group[0].text.isupper()
        features = []
        for k, t in enumerate(group):
            sent = t.sent
            rank = sentence_rank.setdefault(sent.start, len(sentence_rank))
            f = [
                "b",
                "w=" + t.lower_,
                "lem=" + t.lemma_.lower(),
                "pos=" + t.pos_,
                "tag=" + t.tag_,
                "dep=" + t.dep_,
                "shape=" + _shape(t.text),
                "suf=" + t.lower_[-3:],
                "hlem=" + t.head.lemma_.lower(),
                "hpos=" + t.head.pos_,
                "dep|hdep=" + t.dep_ + "|" + t.head.dep_,
                "ent=" + (t.ent_iob_ + t.ent_type_ if t.ent_type_ else "O"),
                "srank=" + str(min(rank, 3)),
                "prank=" + str(min(p_number, 3)),
            ]
            if t.is_sent_start or k == 0:
                f.append("sstart")
            if t.i == sent.end - 1 or (t.i + 1 < len(doc) and doc[t.i + 1].is_space and t.i + 2 >= sent.end):
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
            for d in range(1, _WINDOW + 1):
                for sign, pos in ((-1, k - d), (1, k + d)):
                    name = f"{sign * d:+d}"
                    if 0 <= pos < len(group):
                        f.append(f"w{name}=" + texts[pos])
                        f.append(f"pos{name}=" + poses[pos])
                    else:
                        f.append(f"w{name}=<p>")
            f.append("pos-1|pos=" + (poses[k - 1] if k else "<p>") + "|" + poses[k])
            f.append("pos|pos+1=" + poses[k] + "|" + (poses[k + 1] if k + 1 < len(group) else "<p>"))
            # Quotes.
            inside = quote_of.get(t.i)
            if inside is not None:
                where, quote = inside
                words = len(re.findall(r"\w+", text[quote.inner_start : quote.inner_end]))
                length = "1" if words <= 1 else "3" if words <= 3 else "8" if words <= 8 else "L"
                f += ["q=" + where, "qlen=" + length]
                if not quote.closed:
                    f.append("q_unclosed")
                if quote.start <= sent.start_char + 1:
                    f.append("q_opens_sent")
            else:
                f.append("q=none")
            if t.text in _QUOTE_CHARS or t.text in {"``", "''"}:
                f.append("qmark")
            if t.text in _DASHES:
                f.append("dash")
            # Cues.
            if t.i in lexical_cues:
                f.append("cue_lex")
                if index.inside(t.idx) is not None:
                    f.append("cue_lex_quoted")
            if t.i in cue_heads:
                f.append("cue_head=" + cue_heads[t.i])
            if t.i in view.frame_cue:
                f.append("frame_cue")
            if t.i in view.frame_source:
                f.append("frame_source")
            if t.i in view.frame_content:
                f.append("frame_content")
            path = _cue_path(t, cue_heads)
            if path is not None:
                f += ["cue_anc=" + path[0], "cue_depth=" + str(min(path[1], 4))]
            governor = _governor(t, lexical_cues)
            if governor is not None:
                f.append("gov_cue=" + lex.lemma(governor))
            verb = _verb_above(t)
            if verb is not None:
                f.append("gov_verb=" + verb.lemma_.lower())
            if t.head.i in cue_heads and t.head is not t:
                f.append("cue_child=" + t.dep_)
            near = [h for h in cue_heads if sent.start <= h < sent.end]
            if near:
                nearest = min(near, key=lambda h: abs(h - t.i))
                f.append("cue_dist=" + _bucket(t.i - nearest))
                f.append("near_cue=" + lex.lemma(doc[nearest]))
            else:
                f.append("no_cue_in_sent")
            # The rules' own answer.
            label = view.labels.get(t.i)
            f.append("rule=" + (label or "O"))
            if label is not None:
                f.append("rule_kind=" + view.kinds[t.i])
            prev_label = view.labels.get(group[k - 1].i) if k else None
            next_label = view.labels.get(group[k + 1].i) if k + 1 < len(group) else None
            f.append("rule-1|rule+1=" + (prev_label or "O") + "|" + (next_label or "O"))
            features.append(f)
        result.append(Paragraph(tokens=group, features=features))
    return result
