"""How the reports name and order participants."""

from __future__ import annotations

from ..model import Briefing, Participant

__all__ = ["by_role", "describe"]

_ROLE_ORDER = {"speaker": 0, "attendee": 1, "mentioned": 2, "author": 3}


def describe(participant: Participant) -> str:
    """``Name, Title (Organization) — Affiliation, Party``, leaving out what is unknown."""
    parts = [participant.name]
    if participant.title:
        parts.append(participant.title + (f" ({participant.organization})" if participant.organization else ""))
    elif participant.organization:
        parts.append(participant.organization)
    side = ", ".join(filter(None, (participant.affiliation, participant.party)))
    return ", ".join(parts) + (f" — {side}" if side else "")


def by_role(briefing: Briefing) -> list[Participant]:
    """The participants, speakers first, then attendees, the mentioned and authors; within each
    role, those with more statements first, then by name."""
    return sorted(briefing.participants,
                  key=lambda p: (_ROLE_ORDER[p.role], -len(briefing.statements_by(p.id)), p.name))
