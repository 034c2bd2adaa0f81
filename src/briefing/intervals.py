"""Stretches of text asked about many times (is this offset in a mention? does this chunk overlap
one? is this piece inside a quotation?), answered in logarithmic time instead of by a scan of them
all, which made such loops quadratic in the length of a text."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from itertools import accumulate

__all__ = ["Intervals", "merged"]


class Intervals:
    """Half-open character ranges ``(start, end)``, possibly overlapping or nested. Built once:
    their starts in order, and for each, the furthest end of the ranges starting there or before."""

    def __init__(self, ranges: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(ranges)
        self.starts = [s for s, _ in ordered]
        self.reach = list(accumulate((e for _, e in ordered), max))

    def _furthest(self, before: int) -> int | None:
        """The furthest end of the ranges among the first ``before`` in order of start."""
        return self.reach[before - 1] if before > 0 else None

    def contains(self, offset: int) -> bool:
        """Whether a range holds ``offset``."""
        end = self._furthest(bisect_right(self.starts, offset))
        return end is not None and end > offset

    def covers(self, start: int, end: int) -> bool:
        """Whether one range holds all of ``start``..``end``."""
        furthest = self._furthest(bisect_right(self.starts, start))
        return furthest is not None and furthest >= end

    def overlaps(self, start: int, end: int) -> bool:
        """Whether a range shares a character with ``start``..``end``."""
        furthest = self._furthest(bisect_left(self.starts, end))
        return furthest is not None and furthest > start


def merged(pieces: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Ranges in order, overlapping ones joined."""
    joined: list[tuple[int, int]] = []
    for start, end in sorted(pieces):
        if joined and start < joined[-1][1]:
            joined[-1] = (joined[-1][0], max(end, joined[-1][1]))
        else:
            joined.append((start, end))
    return joined
