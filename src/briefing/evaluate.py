"""Scoring statements against gold attributions in BRAT standoff (the PolNeAR layout).

The definitions are those of PolNeAR's reference scorer (``polnear_score.py``), so the numbers
agree with it on the same predictions:

- **Subsets.** ``all``: every gold attribution with content. ``speech``: its cue holds a
  communication word (:data:`SPEECH`). ``direct``: speech whose content holds a double quotation mark.
- **Matching** is one-to-one and greedy by shared content characters, largest overlap first, over
  all gold attributions at once; a pair counts when it covers at least 30% of the gold content.
- **Loose** precision/recall/F1 count those pairs; **strict** ones also need the same content
  characters once spaces, punctuation and quote marks are removed. Unpaired predictions are false
  alarms (in ``direct`` only those whose content holds a double quotation mark).
- **Speaker accuracy**: over pairs whose gold has a source, the predicted source span overlaps it.
  **Named speaker**: over those whose gold source holds a capitalised name word, a word of it is a
  word of the predicted speaker's participant name (or, with no participant, of the source text);
  words are compared lower-cased with a possessive ending dropped ("Reuters'" and "Reuters's" are
  ``reuters``, :func:`name_word`).
  **End-to-end recall**: gold attributions with a source that are paired and whose speaker is right.
- **Bad offsets**: predicted content spans whose text is not the gold text at their offsets (a
  reader that decoded or cleaned the text differently from the gold).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from attrs import field, frozen

from .formats.brat import GoldDocument
from .model import Briefing

__all__ = ["SPEECH", "SUBSETS", "Report", "Row", "errors", "evaluate", "format_report"]

SUBSETS = ("all", "speech", "direct")
SPEECH = re.compile(
    r"\b(say|says|said|saying|tell|tells|told|telling|add|adds|added|adding|note|notes|noted|noting|"
    r"write|writes|wrote|writing|written|ask|asks|asked|asking|announce\w*|according|tweet\w*|argu\w*|"
    r"claim\w*|respond\w*|repl\w*|state|states|stated|stating|statement|explain\w*|insist\w*|warn\w*|"
    r"emphasi\w*|stress\w*|declar\w*|remark\w*|comment\w*|assert\w*|acknowledg\w*|admit\w*|den(y|ies|ied|ying)|"
    r"call\w*|urg\w*|predict\w*|suggest\w*|report\w*|describ\w*|vow\w*|promis\w*|pledg\w*|"
    r"reiterat\w*|recall\w*|conced\w*|confirm\w*|continu\w*|echo\w*|express\w*|point\w*|mention\w*|"
    r"accus\w*|prais\w*|blast\w*|slam\w*|criticiz\w*|charg\w*|complain\w*|joke\w*|quip\w*|"
    r"interview|speech|remarks|email\w*|post\w*|press)\b|^[:\u2014-]$",
    re.IGNORECASE,
)
_DOUBLE_QUOTES = "\"\u201c\u201d"
_IGNORED_IN_STRICT = frozenset(" \t\r\n.,;:!?-\u2014\u2013" + "\"'\u201c\u201d\u2018\u2019`\u00ab\u00bb")
_NAME_WORD = re.compile(r"[A-Z][\w'\u2019-]+")
_POSSESSIVE = re.compile(r"(?:['\u2019]s|['\u2019])$")
_NOT_NAMES = frozenset(
    "the a an he she it they we i you his her their its this that these those mr mrs ms dr sen rep gov president "
    "secretary".split()
)

Ranges = tuple[tuple[int, int], ...]


def _chars(ranges: Iterable[tuple[int, int]]) -> frozenset[int]:
    return frozenset(i for start, end in ranges for i in range(start, end))


def _joined(text: str, ranges: Ranges) -> str:
    return " ".join(text[a:b] for a, b in ranges)


@frozen
class GoldItem:
    content: Ranges
    source: Ranges
    speech: bool
    direct: bool
    chars: frozenset[int] = field(eq=False, repr=False)

    def in_subset(self, subset: str) -> bool:
        return subset == "all" or (self.speech if subset == "speech" else self.direct)


@frozen
class Predicted:
    content: Ranges
    source: Ranges
    who: str
    quoted: bool
    chars: frozenset[int] = field(eq=False, repr=False)


def gold_items(document: GoldDocument) -> list[GoldItem]:
    items = []
    for attribution in document.attributions:
        if not attribution.content:
            continue
        speech = bool(attribution.cue) and bool(SPEECH.search(_joined(document.text, attribution.cue)))
        direct = speech and any(q in _joined(document.text, attribution.content) for q in _DOUBLE_QUOTES)
        items.append(GoldItem(attribution.content, attribution.source, speech, direct, _chars(attribution.content)))
    return items


def predicted_items(briefing: Briefing) -> list[Predicted]:
    names = {p.id: p.name for p in briefing.participants}
    items = []
    for statement in briefing.statements:
        content = tuple((s.start, s.end) for s in statement.content)
        source = ((statement.source.start, statement.source.end),) if statement.source else ()
        who = names.get(statement.speaker or "") or (statement.source.text if statement.source else "")
        quoted = any(q in briefing.text[a:b] for a, b in content for q in _DOUBLE_QUOTES)
        items.append(Predicted(content, source, who, quoted, _chars(content)))
    return items


def _strict_form(text: str, chars: frozenset[int]) -> str:
    return "".join(text[i] for i in sorted(chars) if text[i] not in _IGNORED_IN_STRICT)


def name_word(word: str) -> str:
    """A word compared as a name: lower case, a possessive ending dropped ("Reuters'" -> reuters)."""
    lower = word.lower()
    return _POSSESSIVE.sub("", lower) or lower


def _name_words(text: str, ranges: Ranges) -> list[str]:
    """The capitalised words of a gold source that name someone ("Donald Trump" -> donald, trump)."""
    return [name_word(w) for w in _NAME_WORD.findall(_joined(text, ranges)) if w.lower() not in _NOT_NAMES]


def _who_words(who: str) -> set[str]:
    return {name_word(w.strip(".,;:()\"")) for w in who.split()}


@frozen
class Matched:
    """One article: its gold items, predictions and the (gold, prediction) index pairs."""

    name: str
    text: str
    gold: tuple[GoldItem, ...]
    predicted: tuple[Predicted, ...]
    links: tuple[tuple[int, int], ...]


def match(name: str, text: str, gold: list[GoldItem], predicted: list[Predicted]) -> Matched:
    pairs = sorted(
        (
            (len(g.chars & p.chars), i, j)
            for i, g in enumerate(gold)
            for j, p in enumerate(predicted)
            if g.chars & p.chars
        ),
        reverse=True,
    )
    used_gold: set[int] = set()
    used_predicted: set[int] = set()
    links = []
    for overlap, i, j in pairs:
        if i in used_gold or j in used_predicted or overlap < 0.3 * len(gold[i].chars):
            continue
        used_gold.add(i)
        used_predicted.add(j)
        links.append((i, j))
    return Matched(name, text, tuple(gold), tuple(predicted), tuple(links))


@frozen
class Row:
    """The scores of one subset."""

    subset: str
    gold: int
    predicted: int
    loose: tuple[float, float, float]
    strict: tuple[float, float, float]
    speaker: float
    named_speaker: float
    end_to_end: float


def score(matched: Iterable[Matched], subset: str) -> Row:
    loose = strict = gold_total = false_alarms = 0
    speaker_ok = speaker_total = end_to_end = with_source = named_ok = named_total = 0
    for article in matched:
        inside = [g.in_subset(subset) for g in article.gold]
        gold_total += sum(inside)
        with_source += sum(1 for k, g in enumerate(article.gold) if inside[k] and g.source)
        paired = {j for _i, j in article.links}
        false_alarms += sum(
            1 for j, p in enumerate(article.predicted) if j not in paired and (subset != "direct" or p.quoted)
        )
        for i, j in article.links:
            if not inside[i]:
                continue
            g, p = article.gold[i], article.predicted[j]
            loose += 1
            strict += _strict_form(article.text, g.chars) == _strict_form(article.text, p.chars)
            if g.source:
                speaker_total += 1
                right = bool(_chars(g.source) & _chars(p.source))
                speaker_ok += right
                end_to_end += right
                names = _name_words(article.text, g.source)
                if names:
                    named_total += 1
                    named_ok += not _who_words(p.who).isdisjoint(names)

    def prf(true_positives: int) -> tuple[float, float, float]:
        precision = true_positives / (loose + false_alarms) if loose + false_alarms else 0.0
        recall = true_positives / gold_total if gold_total else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return round(precision, 3), round(recall, 3), round(f1, 3)

    def ratio(a: int, b: int) -> float:
        return round(a / b, 3) if b else 0.0

    return Row(
        subset, gold_total, loose + false_alarms, prf(loose), prf(strict),
        ratio(speaker_ok, speaker_total), ratio(named_ok, named_total), ratio(end_to_end, with_source),
    )


@frozen
class Report:
    articles: int
    missing: int
    bad_offsets: int
    rows: tuple[Row, ...]
    matched: tuple[Matched, ...] = field(repr=False)

    def row(self, subset: str) -> Row:
        return next(r for r in self.rows if r.subset == subset)


def evaluate(
    gold: Iterable[GoldDocument], briefings: Iterable[Briefing], subsets: Iterable[str] = SUBSETS
) -> Report:
    """Score ``briefings`` against ``gold``; a briefing belongs to the gold document whose name is
    the stem of its ``source.path`` (or, without a path, its id)."""
    by_name = {}
    for briefing in briefings:
        key = Path(briefing.source.path).stem if briefing.source.path else briefing.id
        by_name[key] = briefing
    matched = []
    missing = bad_offsets = 0
    documents = list(gold)
    for document in documents:
        briefing = by_name.get(document.name)
        missing += briefing is None
        if briefing is not None:
            bad_offsets += sum(
                document.text[c.start : c.end] != c.text for s in briefing.statements for c in s.content
            )
        predicted = predicted_items(briefing) if briefing is not None else []
        matched.append(match(document.name, document.text, gold_items(document), predicted))
    return Report(len(documents), missing, bad_offsets, tuple(score(matched, s) for s in subsets), tuple(matched))


def format_report(report: Report) -> str:
    """The scores as a table, laid out like the reference scorer's."""
    lines = [
        f"articles {report.articles}  without prediction {report.missing}  "
        f"spans whose text disagrees with their offsets {report.bad_offsets}",
        f"{'subset':8} {'gold':>5} {'pred':>5}  loose P/R/F1          strict P/R/F1         speaker  named  e2e-R",
    ]
    for r in report.rows:
        lines.append(
            f"{r.subset:8} {r.gold:5} {r.predicted:5}  {str(r.loose):21} {str(r.strict):21} "
            f"{r.speaker:.3f}    {r.named_speaker:.3f}  {r.end_to_end:.3f}"
        )
    return "\n".join(lines)


def errors(report: Report, subset: str) -> Iterator[str]:
    """Lines describing misses, false alarms and wrong speakers in ``subset``, for error analysis."""
    def show(text: str, ranges: Ranges) -> str:
        return " … ".join(" ".join(text[a:b].split()) for a, b in ranges)

    for article in report.matched:
        paired = dict(article.links)
        by_prediction = {j: i for i, j in article.links}
        for i, g in enumerate(article.gold):
            if not g.in_subset(subset):
                continue
            if i not in paired:
                yield f"{article.name}\tMISS\t{show(article.text, g.source) or '-'}\t{show(article.text, g.content)}"
            elif g.source and not _chars(g.source) & _chars(article.predicted[paired[i]].source):
                p = article.predicted[paired[i]]
                yield (f"{article.name}\tSPEAKER\tgold {show(article.text, g.source)!r} predicted "
                       f"{show(article.text, p.source) or '-'!r} ({p.who or '-'})\t{show(article.text, g.content)}")
        for j, p in enumerate(article.predicted):
            if j not in by_prediction and (subset != "direct" or p.quoted):
                yield f"{article.name}\tFALSE\t{p.who or '-'}\t{show(article.text, p.content)}"

