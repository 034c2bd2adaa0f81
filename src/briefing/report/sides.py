"""Derived views of a briefing: each side's stance per issue, and where the sides agree or clash.

A *side* is what a participant speaks for. In a briefing between countries it is the country
(``affiliation``); in domestic politics, where everyone shares one country or none is given, it is
the ``party``; failing both, the participant itself. Views are computed from the briefing and never
stored in it.
"""

from __future__ import annotations

from collections import Counter

from attrs import frozen

from ..model import Briefing, Issue, Participant

__all__ = ["IssueSides", "contention", "side_of", "sides_by", "stance_matrix"]


def sides_by(briefing: Briefing) -> str:
    """What sides are in this briefing: ``"affiliation"`` when the participants holding positions
    speak for two countries or more, else ``"party"`` when they belong to two parties or more, else
    ``"affiliation"``."""
    holders = {pos.participant for issue in briefing.issues for pos in issue.positions}
    people = [p for p in briefing.participants if p.id in holders]
    if len({p.affiliation for p in people if p.affiliation}) < 2 and len({p.party for p in people if p.party}) >= 2:
        return "party"
    return "affiliation"


def side_of(participant: Participant, by: str = "affiliation") -> str | None:
    """The side a participant speaks for: its country (``by="affiliation"``) or its party
    (``by="party"``), the other when that one is unknown, else none (the Reporters, a crowd)."""
    first, second = (participant.party, participant.affiliation) if by == "party" else (participant.affiliation, participant.party)
    return first or second


@frozen
class IssueSides:
    """The stance of each side on one issue: the most frequent stance among its participants, a
    ``neutral`` one only when it has no other (``oppose``, then ``concern``, win a tie). A side
    taking only neutral positions takes no side."""

    issue: Issue
    stances: tuple[tuple[str, str], ...]

    @property
    def taken(self) -> tuple[tuple[str, str], ...]:
        return tuple((side, stance) for side, stance in self.stances if stance != "neutral")

    @property
    def contested(self) -> bool:
        """Sides for and sides against (opposing it or worried about it): oppose beside concern is
        no clash."""
        stances = {stance for _side, stance in self.taken}
        return len(self.taken) > 1 and "support" in stances and bool(stances & {"oppose", "concern"})

    @property
    def agreed(self) -> bool:
        return len(self.taken) > 1 and len({stance for _side, stance in self.taken}) == 1


_TIE_ORDER = {"oppose": 0, "concern": 1, "support": 2, "neutral": 3}


def _sides(briefing: Briefing, issue: Issue, by: str) -> IssueSides:
    by_side: dict[str, Counter[str]] = {}
    for position in issue.positions:
        participant = briefing.participant(position.participant)
        side = side_of(participant, by) if participant else None
        if side is not None:
            by_side.setdefault(side, Counter())[position.stance] += 1
    stances = []
    for side, counts in sorted(by_side.items()):
        taken = Counter({s: n for s, n in counts.items() if s != "neutral"}) or counts
        stances.append((side, min(taken, key=lambda stance: (-taken[stance], _TIE_ORDER[stance]))))
    return IssueSides(issue, tuple(stances))


def _finer(briefing: Briefing, issue: Issue) -> bool:
    """Whether the issue is a finer one, not a broad topic (a topic has finer issues under it, or a
    code and no parent)."""
    return issue.parent is not None or (issue.code is None and not any(i.parent == issue.id for i in briefing.issues))


def contention(briefing: Briefing) -> tuple[tuple[IssueSides, ...], tuple[IssueSides, ...]]:
    """The finer issues on which sides (countries or parties) take opposed stances, and those on
    which they agree. A broad topic is no issue to clash on: being for one tax and against another
    is no stance on Macroeconomics."""
    by = sides_by(briefing)
    views = [_sides(briefing, issue, by) for issue in briefing.issues if _finer(briefing, issue)]
    return tuple(v for v in views if v.contested), tuple(v for v in views if v.agreed)


def stance_matrix(briefing: Briefing) -> dict[str, dict[str, tuple[str, ...]]]:
    """``{issue id: {participant id: stances}}`` for every position held, each participant's stances
    in the order of their positions: one for one thing under a topic and against another holds both."""
    matrix: dict[str, dict[str, tuple[str, ...]]] = {}
    for issue in briefing.issues:
        for position in issue.positions:
            row = matrix.setdefault(issue.id, {})
            row[position.participant] = (*row.get(position.participant, ()), position.stance)
    return matrix
