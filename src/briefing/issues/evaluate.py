"""Scoring statements' topics and stances against hand-coded gold, with the definitions of the
shared reference scorer (``issues_score.py``), so that users can measure an issues extractor on
their own coded statements.

Gold is a JSON list of ``{article, content: [[start, end], ...], topic: "cap:N" | null, issue:
words of the content | null, stance: support | oppose | concern | neutral | null}``. A gold
statement is matched to the predicted statement covering most of its content (at least 30%).

- topic: over gold statements with a topic, right when the matched statement's issues (or their
  parents) include that code;
- stance: over gold statements with an issue, right when the matched statement's speaker holds,
  on an issue the statement raises, a position citing it with the gold stance. The issue is the
  one whose mentions overlap the gold issue words, else one whose label shares a word with them,
  else the only one the statement raises.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from attrs import define, field

from ..model import Briefing, Issue, Position, Statement

__all__ = ["IssueScores", "format_scores", "read_stance_gold", "score_issues"]

_STOP = {"the", "a", "an", "of", "for", "to", "and", "on", "in", "its", "their", "his", "her"}
_MIN_OVERLAP = 0.3


@define
class IssueScores:
    topic_right: int = 0
    topic_total: int = 0
    stance_right: int = 0
    stance_total: int = 0
    found: int = 0
    errors: list[str] = field(factory=list)


def read_stance_gold(path: str | Path) -> list[dict]:
    """The gold statements of a JSON file in the format above."""
    return json.loads(Path(path).read_text(encoding="utf-8"))


def _words(text: str | None) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", (text or "").lower()) if w not in _STOP and len(w) > 2}


def _chars(spans: Iterable[tuple[int, int]]) -> set[int]:
    return {i for start, end in spans for i in range(start, end)}


def _matched(briefing: Briefing | None, gold_chars: set[int]) -> Statement | None:
    best, best_overlap = None, 0
    for statement in briefing.statements if briefing else ():
        overlap = len(gold_chars & _chars((c.start, c.end) for c in statement.content))
        if overlap > best_overlap:
            best, best_overlap = statement, overlap
    return best if best_overlap >= _MIN_OVERLAP * len(gold_chars) else None


def _stance_pick(gold: dict, text: str, held: list[tuple[Issue, Position]]) -> list[tuple[Issue, Position]]:
    start = gold["content"][0][0]
    where = text.find(gold["issue"], start) if text else -1
    span = set(range(where, where + len(gold["issue"]))) if where >= 0 else set()
    pick = [x for x in held if span & _chars((m.start, m.end) for m in x[0].mentions)]
    pick = pick or [x for x in held if _words(x[0].label) & _words(gold["issue"])]
    return pick or (held if len({issue.id for issue, _ in held}) == 1 else [])


def score_issues(gold: Sequence[dict], briefings: Sequence[Briefing]) -> IssueScores:
    """Topic and stance scores of ``briefings`` (matched to gold articles by their source's file
    stem) against ``gold``, with the errors in gold order."""
    by_article = {Path(b.source.path).stem: b for b in briefings if b.source.path}
    scores = IssueScores()
    for entry in gold:
        briefing = by_article.get(entry["article"])
        text = briefing.text if briefing else ""
        best = _matched(briefing, _chars(entry["content"]))
        issues = {i.id: i for i in briefing.issues} if briefing else {}
        raised = [issues[i] for i in (best.issues if best else ()) if i in issues]
        if entry.get("topic"):
            scores.topic_total += 1
            codes = {i.code for i in raised} | {issues[i.parent].code for i in raised if i.parent in issues}
            right = entry["topic"] in codes
            scores.topic_right += right
            if not right:
                first = entry["content"][0]
                scores.errors.append(f"topic want {entry['topic']} got {sorted(c for c in codes if c)}: {text[first[0]:first[1]][:90]!r}")
        if entry.get("issue"):
            scores.stance_total += 1
            if best is None:
                scores.errors.append(f"stance: statement not found: {entry['issue']!r}")
                continue
            held = [(i, p) for i in raised for p in i.positions if p.participant == best.speaker and best.id in p.statements]
            pick = _stance_pick(entry, text, held)
            if pick:
                scores.found += 1
                right = pick[0][1].stance == entry["stance"]
                scores.stance_right += right
                if not right:
                    scores.errors.append(f"stance want {entry['stance']} got {pick[0][1].stance} on {pick[0][0].label!r} for {entry['issue']!r}")
            else:
                scores.errors.append(f"stance: no position on {entry['issue']!r} (statement raises {[i.label for i in raised]})")
    return scores


def format_scores(scores: IssueScores) -> str:
    """The one line the reference scorer prints."""
    topic = scores.topic_right / scores.topic_total if scores.topic_total else 0.0
    stance = scores.stance_right / scores.stance_total if scores.stance_total else 0.0
    return (f"topic {scores.topic_right}/{scores.topic_total} = {topic:.3f}; "
            f"stance {scores.stance_right}/{scores.stance_total} = {stance:.3f} (position found {scores.found})")
