"""Derived views of a briefing: each side's stance per issue, and where the sides agree or clash.

A *side* is what a participant speaks for: its affiliation (a country), else its party, else the
participant itself. Views are computed from the briefing and never stored in it.
"""

from __future__ import annotations

from collections import Counter

from attrs import frozen

from .model import Briefing, Issue, Participant

__all__ = ["IssueSides", "contention", "side_of", "stance_matrix"]


def side_of(participant: Participant) -> str:
    return participant.affiliation or participant.party or participant.name


@frozen
class IssueSides:
    """The stance of each side on one issue (the most frequent stance among its participants;
    ``concern`` and ``oppose`` outrank ``neutral`` on a tie)."""

    issue: Issue
    stances: tuple[tuple[str, str], ...]

    @property
    def contested(self) -> bool:
        return len(self.stances) > 1 and len({stance for _side, stance in self.stances}) > 1

    @property
    def agreed(self) -> bool:
        return len(self.stances) > 1 and len({stance for _side, stance in self.stances}) == 1


_TIE_ORDER = {"oppose": 0, "concern": 1, "support": 2, "neutral": 3}


def _sides(briefing: Briefing, issue: Issue) -> IssueSides:
    by_side: dict[str, Counter[str]] = {}
    for position in issue.positions:
        participant = briefing.participant(position.participant)
        side = side_of(participant) if participant else position.participant
        by_side.setdefault(side, Counter())[position.stance] += 1
    stances = tuple(
        (side, min(counts, key=lambda stance: (-counts[stance], _TIE_ORDER[stance])))
        for side, counts in sorted(by_side.items())
    )
    return IssueSides(issue, stances)


def contention(briefing: Briefing) -> tuple[tuple[IssueSides, ...], tuple[IssueSides, ...]]:
    """The issues on which the sides take different stances, and those on which they agree."""
    views = [_sides(briefing, issue) for issue in briefing.issues]
    return tuple(v for v in views if v.contested), tuple(v for v in views if v.agreed)


def stance_matrix(briefing: Briefing) -> dict[str, dict[str, str]]:
    """``{issue id: {participant id: stance}}`` for every position held."""
    return {
        issue.id: {position.participant: position.stance for position in issue.positions}
        for issue in briefing.issues
        if issue.positions
    }
