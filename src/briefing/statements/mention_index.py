"""Which participant a mention at a character offset belongs to: a lookup the turn rules make for the
words of a parse ("the head of *the Board*", "*Dr. Lee* and I")."""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from ..model import Participant

__all__ = ["MentionIndex"]

#: No mention is longer, in characters: how far back a mention holding a word may start.
_LONGEST_MENTION = 100


class MentionIndex:
    """The participants' mentions in text order."""

    def __init__(self, participants: Sequence[Participant]) -> None:
        self.found = sorted((m.start, m.end, p.kind, p.id) for p in participants for m in p.mentions)
        self.starts = [start for start, _end, _kind, _pid in self.found]

    def at(self, offset: int, kind: str) -> str | None:
        """The participant of ``kind`` with a mention holding character ``offset``, or ``None``."""
        index = bisect.bisect_right(self.starts, offset) - 1
        while index >= 0 and self.found[index][0] > offset - _LONGEST_MENTION:
            start, end, found_kind, pid = self.found[index]
            if start <= offset < end and found_kind == kind:
                return pid
            index -= 1
        return None
