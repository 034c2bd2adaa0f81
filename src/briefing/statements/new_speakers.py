"""Participants that the turn rules add for speakers no participant stands for ("nurses", "Acme"):
one per name, an existing participant of the same name reused, each new one with the mentions that
named it."""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from ..model import Participant, ParticipantKind, Span
from ..participants.names import slug, unique_id

__all__ = ["NewSpeakers"]


class NewSpeakers:
    """The participants known by name, and those added."""

    def __init__(self, participants: Sequence[Participant]) -> None:
        self.by_name = {p.name.lower(): p.id for p in participants}
        self.used = {p.id for p in participants}
        self.added: dict[str, Participant] = {}

    def named(self, name: str, kind: ParticipantKind, mention: Span) -> str:
        """The id of the participant called ``name``, added as a speaker of ``kind`` when there is
        none; a participant added here keeps ``mention``."""
        pid = self.by_name.get(name.lower())
        if pid is None:
            pid = self.by_name[name.lower()] = unique_id(slug(name), self.used)
            self.added[pid] = Participant(id=pid, name=name, kind=kind, role="speaker")
        if pid in self.added:
            found = self.added[pid]
            self.added[pid] = attrs.evolve(found, mentions=sorted({*found.mentions, mention}))
        return pid
