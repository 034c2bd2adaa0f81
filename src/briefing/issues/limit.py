"""Which finer issues a briefing lists: those named twice or taken a stand on, at most
:data:`MAX_FINER_ISSUES`, the most mentioned.

A reader of a long transcript lists the subjects speakers come back to, not each taxonomy entry
named once ("police" in one answer of a briefing on health). A finer issue left out counts for its
major topic, with its mentions, positions and statements. The built-in issues extractor
applies the limit to a text, and a text extracted in windows (:mod:`briefing.windows`) has it applied
again to the union of its windows' issues.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from ..model import Briefing, Issue, Position

__all__ = ["MAX_FINER_ISSUES", "joined_positions", "limit_finer_issues"]

MAX_FINER_ISSUES = 10  # twice a reader's list of five; the day's issues take at most eight places


def joined_positions(positions: Iterable[Position]) -> tuple[Position, ...]:
    """Positions on one issue gathered from several places: one per participant and stance, in the
    order first taken, ``neutral`` only for a participant taking no other stance."""
    by_key: dict[tuple[str, str], Position] = {}
    for p in positions:
        old = by_key.get((p.participant, p.stance))
        by_key[(p.participant, p.stance)] = p if old is None else attrs.evolve(
            old, statements=tuple(dict.fromkeys((*old.statements, *p.statements))),
            evidence=sorted({*old.evidence, *p.evidence}))
    taking = {participant for participant, stance in by_key if stance != "neutral"}
    return tuple(p for (participant, stance), p in by_key.items() if stance != "neutral" or participant not in taking)


def _finer(issue: Issue) -> bool:
    return issue.parent is not None or issue.code is None


def limit_finer_issues(briefing: Briefing, limit: int | None = None) -> Briefing:
    """``briefing`` with at most ``limit`` finer issues (default :data:`MAX_FINER_ISSUES`): the most
    mentioned, and on a tie the first mentioned, of those named twice or taken a stand on (one
    named once in passing is a mention of its topic). Each one left out is folded into its major
    topic (mentions, positions, and the statements linked to it); one under no topic is dropped,
    and its statements are no longer linked to it."""
    limit = MAX_FINER_ISSUES if limit is None else limit
    finer = [i for i in briefing.issues if _finer(i)]
    passing = [i for i in finer if len(i.mentions) < 2 and all(p.stance == "neutral" for p in i.positions)]
    passed = {i.id for i in passing}
    ranked = sorted((i for i in finer if i.id not in passed),
                    key=lambda i: (-len(i.mentions), min((m.start for m in i.mentions), default=0)))
    left = [*passing, *ranked[limit:]]
    if not left:
        return briefing
    by_id = {i.id: i for i in briefing.issues}
    left_out, into = {i.id for i in left}, {}
    for issue in left:
        top = issue
        while top.parent is not None and top.parent in by_id:
            top = by_id[top.parent]
        if top is not issue and top.parent is None:  # else no topic to fold it into
            into[issue.id] = top.id
            kept = by_id[top.id]
            by_id[top.id] = attrs.evolve(kept, mentions=sorted({*kept.mentions, *issue.mentions}),
                                         positions=joined_positions((*kept.positions, *issue.positions)))
    issues = [by_id[i.id] for i in briefing.issues if i.id not in left_out]
    statements = [
        attrs.evolve(s, issues=tuple(dict.fromkeys(into.get(i, i) for i in s.issues if i in into or i not in left_out)))
        if left_out.intersection(s.issues) else s
        for s in briefing.statements
    ]
    return attrs.evolve(briefing, issues=issues, statements=statements)
