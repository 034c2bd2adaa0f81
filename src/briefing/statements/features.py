"""Token features for the trained statement tagger: the word and its parse, where it sits among
quotes, cues, sentences and paragraphs, and what the rule-based extractor says about it.

The unit is the paragraph (contents cross sentences but almost never paragraphs). The features are
built column by column over every tagged token of a doc (a :class:`FeatureTable`): a column holds one
attribute's value for each token, or ``None`` where the token lacks it, so the tagger can look each
value up without the strings of python-crfsuite's form (``"w=said"``) being built; each
:class:`Paragraph` holds the indices of its tokens (space tokens left out) and its rows of the table.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from functools import lru_cache
from itertools import groupby
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

__all__ = ["COLUMNS", "FeatureTable", "Paragraph", "RuleView", "token_features"]

_WINDOW = 2
#: The neighbours in the window, nearest first, before then after, with their feature names' prefixes.
_NEIGHBOURS = tuple((sign * d, f"w{sign * d:+d}=", f"pos{sign * d:+d}=")
                    for d in range(1, _WINDOW + 1) for sign in (-1, 1))
_VERBAL = frozenset({"VERB", "AUX"})
_DASHES = {"—", "–", "-", "--"}
_QUOTE_WORDS = set("\"'“”‘’`«»„") | {"``", "''"}  # the quotation marks, as tokens


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


#: The names of the feature columns, in the order of each token's features when the weights were
#: trained: an attribute is a column's name followed by its value (a flag's value is "").
COLUMNS = (
    "b", "w=", "lem=", "pos=", "tag=", "dep=", "shape=", "suf=", "hlem=", "hpos=", "dep|hdep=", "ent=",
    "srank=", "prank=", "sstart", "send", "pstart", "pend", "p_opens_quote", "p_label", "p_caps",
    *(name for _, word, pos in _NEIGHBOURS for name in (word, pos)), "pos-1|pos=", "pos|pos+1=",
    "q=", "qlen=", "q_unclosed", "q_opens_sent", "qmark", "dash",
    "cue_lex", "cue_lex_quoted", "cue_head=", "frame_cue", "frame_source", "frame_content", "cue_anc=",
    "cue_depth=", "gov_cue=", "gov_verb=", "cue_child=", "cue_dist=", "near_cue=", "no_cue_in_sent",
    "rule=", "rule_kind=", "rule-1|rule+1=",
)


@define
class FeatureTable:
    """The features of the tagged tokens of one doc: ``columns[c][r]`` is the value of the attribute
    named ``COLUMNS[c]`` for the ``r``-th tagged token (``None`` when it lacks it); ``bounds`` holds
    each paragraph's rows, as ``(start, end)``."""

    columns: list[list[str | None]]
    bounds: list[tuple[int, int]]

    def strings(self, start: int, end: int) -> list[list[str]]:
        """The feature strings of rows ``start`` to ``end``, in the form python-crfsuite takes."""
        named = list(zip(COLUMNS, self.columns, strict=True))
        return [[name + value for name, column in named if (value := column[r]) is not None]
                for r in range(start, end)]


@define
class Paragraph:
    """The non-space tokens of one paragraph (their ``indices`` in ``doc``), and its rows (its
    ``number``) in the doc's ``table``. spaCy ``Token`` objects are made only when asked for."""

    doc: Doc
    indices: list[int]
    table: FeatureTable
    number: int

    @property
    def tokens(self) -> list[Token]:
        return [self.doc[i] for i in self.indices]

    @property
    def start(self) -> int:
        return self.doc[self.indices[0]].idx

    @property
    def end(self) -> int:
        last = self.doc[self.indices[-1]]
        return last.idx + len(last)

    @property
    def features(self) -> list[list[str]]:
        """One list of feature strings per token (what python-crfsuite trains on)."""
        return self.table.strings(*self.table.bounds[self.number])


def _token_indices(parse: Parse, ranges: Sequence[tuple[int, int]]) -> list[int]:
    found, space = [], parse.space
    for start, end in ranges:
        tokens = parse.tokens_at(start, end)
        if tokens is not None:
            found += [i for i in range(*tokens) if not space[i]]
    return found


def rule_view(doc: Doc, statements: Sequence[Statement], frames: Sequence[Frame], parse: Parse | None = None
              ) -> RuleView:
    """The rules' statements and frames as per-token marks (``parse``: the doc's
    :class:`~.parse.Parse`, when the caller has read it already)."""
    parse = parse if parse is not None else Parse.of(doc)
    view = RuleView()
    for statement in statements:
        for role, spans in (("S", [statement.source]), ("Q", [statement.cue]), ("C", list(statement.content))):
            for span in spans:
                if span is None:
                    continue
                for k, i in enumerate(_token_indices(parse, [(span.start, span.end)])):
                    view.labels[i] = ("B-" if k == 0 else "I-") + role
                    view.kinds[i] = statement.kind
    for frame in frames:
        view.frame_cue.update(_token_indices(parse, [frame.cue]))
        if frame.head >= 0:
            view.frame_heads[frame.head] = frame.via
        if frame.source is not None:
            view.frame_source.update(_token_indices(parse, [frame.source]))
        view.frame_content.update(_token_indices(parse, frame.content))
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
    """The features of every non-space token of ``doc``, paragraph by paragraph; with
    ``reporting_only``, only of the paragraphs that can report speech: those holding a reporting
    cue of the lexicon, a cue of the rules' frames or a quotation mark (the others are most of a
    news text, and a statement needs one of these). ``parse`` is the doc's :class:`~.parse.Parse`,
    when the caller has read it already. The paragraphs share one :class:`FeatureTable`."""
    lex = cue_lexicon()
    text = doc_text(doc)
    index = QuoteIndex(quotes)
    parse = parse if parse is not None else Parse.of(doc)
    # Quote of each token: 'o' opening mark, 'c' closing mark, 'i' inside, or none.
    quote_of: dict[int, tuple[str, Quote]] = {}
    lengths: dict[int, str] = {}  # a quote's length in words, by where it starts: 1, 3, 8 or L(onger)
    for quote in quotes:
        tokens = parse.tokens_at(quote.start, quote.end)
        if tokens is None:
            continue
        for i in range(*tokens):
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
    nouns, verbs, word_lemma, lower = lex.nouns, lex.verbs, lex.word_lemma, parse.lower
    lexical_cues = {i for i, (lemma, pos, word) in enumerate(zip(parse.lemma, parse.pos, lower)) if lemma in nouns
                    or (pos in _VERBAL and word_lemma(lemma, word) in verbs)
                    or (word == "according" and i + 1 < len(lower) and lower[i + 1] == "to")}
    marked = lexical_cues | view.frame_cue | quote_of.keys()
    kept = [(number, group) for number, group in enumerate(parse.paragraphs())
            if not reporting_only or not marked.isdisjoint(group)]
    rows = [i for _, group in kept for i in group]
    values = {name: [None] * len(rows) for name in COLUMNS}
    _word_columns(values, parse, rows)
    bounds = _paragraph_columns(values, parse, kept, quote_of)
    _quote_columns(values, parse, rows, quote_of, lengths)
    _cue_columns(values, parse, rows, view, lexical_cues, index)
    _rule_columns(values, rows, bounds, view)
    table = FeatureTable([values[name] for name in COLUMNS], bounds)
    return [Paragraph(doc, group, table, n) for n, (_, group) in enumerate(kept)]


def _word_columns(values: dict[str, list], parse: Parse, rows: list[int]) -> None:
    """The word, its parse and its head's."""
    lower, lemma, pos, dep, head = parse.lower, parse.lemma, parse.pos, parse.dep, parse.head
    values["b"] = [""] * len(rows)
    values["w="] = texts = [lower[i] for i in rows]
    values["lem="] = [lemma[i] for i in rows]
    values["pos="] = [pos[i] for i in rows]
    values["tag="] = [parse.tag[i] for i in rows]
    values["dep="] = [dep[i] for i in rows]
    words = [parse.text[i] for i in rows]
    shapes = {word: _shape(word) for word in set(words)}
    values["shape="] = list(map(shapes.__getitem__, words))
    values["suf="] = [word[-3:] for word in texts]
    values["hlem="] = [lemma[head[i]] for i in rows]
    values["hpos="] = [pos[head[i]] for i in rows]
    values["dep|hdep="] = [dep[i] + "|" + dep[head[i]] for i in rows]
    values["ent="] = [parse.ent[i] for i in rows]


def _paragraph_columns(values: dict[str, list], parse: Parse, kept: list[tuple[int, list[int]]],
                       quote_of: dict[int, tuple[str, Quote]]) -> list[tuple[int, int]]:
    """Where each token sits in its sentence and paragraph, what the paragraph looks like, and the
    words around it within the paragraph; returns each paragraph's rows."""
    texts, poses = values["w="], values["pos="]
    flags = {name: values[name] for name in ("sstart", "send", "pstart", "pend", "p_opens_quote", "p_label", "p_caps")}
    srank, prank = values["srank="], values["prank="]
    pairs_before, pairs_after = values["pos-1|pos="], values["pos|pos+1="]
    neighbours = [(offset, values[word], values[pos]) for offset, word, pos in _NEIGHBOURS]
    count = len(parse.space)
    space, sent_start, sent_end = parse.space, parse.sent_start, parse.sent_end
    sentence_starts, sentence_ends = flags["sstart"], flags["send"]
    bounds = []
    row = 0
    for p_number, group in kept:
        start, end = row, row + len(group)
        bounds.append((start, end))
        first_text = parse.text[group[0]]
        paragraph_flags = [
            name for name, on in (
                ("p_opens_quote", group[0] in quote_of and quote_of[group[0]][0] == "o"),
                ("p_label", len(group) > 2 and any(parse.text[i] == ":" for i in group[1:5]) and first_text.isupper()),
                ("p_caps", first_text.isupper() and len(first_text) > 1),
            ) if on
        ]
        prank[start:end] = [str(min(p_number, 3))] * len(group)
        for name in paragraph_flags:
            flags[name][start:end] = [""] * len(group)
        starts, ends = [sent_start[i] for i in group], [sent_end[i] for i in group]
        r = start
        for sentences, (_, run) in enumerate(groupby(starts)):  # a sentence's tokens are consecutive
            size = len(list(run))
            srank[r : r + size] = [str(min(sentences, 3))] * size
            r += size
        sentence_starts[start:end] = [("" if s_start == i else None) for i, s_start in zip(group, starts)]
        sentence_starts[start] = ""
        sentence_ends[start:end] = [
            "" if i == s_end - 1 or (i + 1 < count and space[i + 1] and i + 2 >= s_end) else None
            for i, s_end in zip(group, ends)
        ]
        flags["pstart"][start] = ""
        flags["pend"][end - 1] = ""
        size = end - start
        for offset, words, tags in neighbours:
            missing = min(abs(offset), size)
            if offset < 0:
                words[start:end] = ["<p>"] * missing + texts[start : end + offset]
                tags[start + missing : end] = poses[start : end + offset]
            else:
                words[start:end] = texts[start + offset : end] + ["<p>"] * missing
                tags[start : end - missing] = poses[start + offset : end]
        own = poses[start:end]
        pairs_before[start:end] = [before + "|" + pos for before, pos in zip(["<p>", *own[:-1]], own)]
        pairs_after[start:end] = [pos + "|" + after for pos, after in zip(own, [*own[1:], "<p>"])]
        row = end
    return bounds


def _quote_columns(values: dict[str, list], parse: Parse, rows: list[int],
                   quote_of: dict[int, tuple[str, Quote]], lengths: dict[int, str]) -> None:
    """Where the token sits in a quotation, and whether it is a quotation mark or a dash."""
    where_in = values["q="] = ["none"] * len(rows)
    length, unclosed, opens = values["qlen="], values["q_unclosed"], values["q_opens_sent"]
    row_of = {i: r for r, i in enumerate(rows)}
    for i, (where, quote) in quote_of.items():
        r = row_of.get(i)
        if r is None:
            continue
        where_in[r] = where
        length[r] = lengths[quote.start]
        if not quote.closed:
            unclosed[r] = ""
        if quote.start <= parse.idx[parse.sent_start[i]] + 1:
            opens[r] = ""
    words = [parse.text[i] for i in rows]
    values["qmark"] = ["" if word in _QUOTE_WORDS else None for word in words]
    values["dash"] = ["" if word in _DASHES else None for word in words]


def _cue_columns(values: dict[str, list], parse: Parse, rows: list[int], view: RuleView,
                 lexical_cues: set[int], index: QuoteIndex) -> None:
    """The reporting cues: the token's own, the cue heads and lexical cues above it, and the nearest
    cue head of its sentence."""
    lex = cue_lexicon()
    cue_heads = view.frame_heads
    row_of = {i: r for r, i in enumerate(rows)}

    def mark(name: str, tokens: set[int] | dict[int, str], value: str | None = None) -> None:
        column = values[name]
        for i in tokens:
            r = row_of.get(i)
            if r is not None:
                column[r] = tokens[i] if value is None else value

    lemmas: dict[int | None, str | None] = {None: None}  # the mended lemma of each cue asked about

    def cue_lemmas(tokens: Sequence[int | None]) -> list[str | None]:
        for i in set(tokens).difference(lemmas):
            lemmas[i] = lex.word_lemma(parse.lemma[i], parse.lower[i])
        return list(map(lemmas.__getitem__, tokens))

    mark("cue_lex", lexical_cues, "")
    mark("cue_lex_quoted", {i for i in lexical_cues if index.inside(parse.idx[i]) is not None}, "")
    mark("cue_head=", cue_heads)
    mark("frame_cue", view.frame_cue, "")
    mark("frame_source", view.frame_source, "")
    mark("frame_content", view.frame_content, "")
    paths = list(map(parse.cue_paths(cue_heads).__getitem__, rows))
    values["cue_anc="] = [None if path is None else path[0] for path in paths]
    values["cue_depth="] = [None if path is None else str(min(path[1], 4)) for path in paths]
    values["gov_cue="] = cue_lemmas(list(map(parse.governors(lexical_cues).__getitem__, rows)))
    lemma, head, dep = parse.lemma, parse.head, parse.dep
    verbs = parse.verbs_above()
    values["gov_verb="] = [None if (verb := verbs[i]) is None else lemma[verb] for i in rows]
    # A root cue head is its own child, as the weights were trained.
    values["cue_child="] = [dep[i] if head[i] in cue_heads else None for i in rows]
    nearest = _nearest_heads(parse, rows, list(cue_heads))
    values["cue_dist="] = [None if h is None else _bucket(i - h)
                           for i, h in zip(rows, nearest)]
    values["near_cue="] = cue_lemmas(nearest)
    values["no_cue_in_sent"] = ["" if h is None else None for h in nearest]


def _nearest_heads(parse: Parse, rows: list[int], heads: list[int]) -> list[int | None]:
    """Each row's nearest cue head in its sentence (``None`` without one); of two as near, the
    first of ``heads``. The rows of a sentence are taken together (most sentences have no cue head
    or one), and where it has several the nearest is found by bisection."""
    rank = {h: k for k, h in enumerate(heads)}
    ordered = sorted(heads)
    found: list[int | None] = []
    for s_start, run in groupby(rows, parse.sent_start.__getitem__):  # a sentence's rows are consecutive
        run = list(run)
        near = ordered[bisect_left(ordered, s_start) : bisect_left(ordered, parse.sent_end[run[0]])]
        if len(near) <= 1:
            found += [near[0] if near else None] * len(run)
            continue
        for i in run:
            k = bisect_left(near, i)
            if k == 0 or k == len(near):
                found.append(near[0] if k == 0 else near[-1])
                continue
            before, after = near[k - 1], near[k]
            if i - before != after - i:
                found.append(before if i - before < after - i else after)
            else:
                found.append(before if rank[before] < rank[after] else after)
    return found


def _rule_columns(values: dict[str, list], rows: list[int], bounds: list[tuple[int, int]], view: RuleView) -> None:
    """The rules' own answer: the token's role in their statements, its kind, and its neighbours' roles."""
    labels = [view.labels.get(i) for i in rows]
    values["rule="] = [label or "O" for label in labels]
    values["rule_kind="] = [None if label is None else view.kinds[i] for label, i in zip(labels, rows)]
    own, around = values["rule="], values["rule-1|rule+1="]
    for start, end in bounds:
        around[start:end] = [before + "|" + after for before, after in
                             zip(["O", *own[start : end - 1]], [*own[start + 1 : end], "O"])]
