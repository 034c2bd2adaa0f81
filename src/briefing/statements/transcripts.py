"""Statements inside a transcript's turns. A reader gave each turn as a statement of its speaker;
what the rules find inside a turn is kept only when the speaker reports someone else ("Dr. Birx
said …", "as the Vice President said, …"), never the speaker's own words again."""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from ..model import Participant, Section, Span, Statement

__all__ = ["turn_speakers", "within_turns"]

#: Sources that are the turn's speaker or the one they answer, not a third party.
_SPEAKER_OR_LISTENER = {"i", "we", "me", "us", "my", "our", "myself", "ourselves", "you", "your", "yourself"}
_ADDRESS = re.compile(r"^(?:the|mr\.?|madam|mrs\.?|ms\.?)\s+", re.IGNORECASE)


def turn_speakers(participants: Sequence[Participant], sections: Sequence[Section]) -> list[tuple[Span, str | None]]:
    """Each ``turn`` section with the participant its ``label`` (the section just before it) is a
    mention of, or ``None``."""
    by_mention = {m: p.id for p in participants for m in p.mentions}
    found, label = [], None
    for section in sorted(sections, key=lambda s: s.span):
        if section.kind == "label":
            label = section.span
        elif section.kind == "turn":
            found.append((section.span, by_mention.get(label) if label is not None else None))
            label = None
    return found


def _spans(statement: Statement) -> list[Span]:
    return [*statement.content, *(s for s in (statement.cue, statement.source) if s is not None)]


def within_turns(
    statements: Sequence[Statement],
    added: Sequence[Participant],
    participants: Sequence[Participant],
    sections: Sequence[Section],
) -> tuple[list[Statement], list[Participant]]:
    """The ``statements`` the rules found and the participants they ``added``, fitted to a
    transcript's turns (unchanged when there are none).

    A statement touching a turn is dropped when it is the speaker's own (no source, a source with a
    first- or second-person word, "I", "my administration", or one resolved to the turn's speaker) or strays out of the turn into a
    label or another turn. A
    source naming a speaker by title ("the Vice President", "Mr. President"), or resolved to a
    participant added under such a name, is that speaker; participants left without a statement
    are dropped from ``added``. Statements are numbered ``s1``, … again.
    """
    turns = turn_speakers(participants, sections)
    if not turns:
        return list(statements), list(added)
    labels = [s.span for s in sections if s.kind == "label"]
    speakers = {pid for _span, pid in turns if pid is not None}
    by_title: dict[str, list[str]] = {}
    for p in participants:
        if p.id in speakers and p.title:
            by_title.setdefault(p.title.lower(), []).append(p.id)
    def titled(name: str) -> str | None:
        holders = by_title.get(_ADDRESS.sub("", name).lower(), [])
        return holders[0] if len(holders) == 1 else None

    alias = {p.id: titled(p.name) for p in added if titled(p.name)}
    kept = []
    for statement in statements:
        speaker = (titled(statement.source.text) if statement.source else None) or alias.get(statement.speaker or "")
        if speaker is not None:
            statement = attrs.evolve(statement, speaker=speaker)
        spans = _spans(statement)
        if any(label.overlaps(span) for label in labels for span in spans):
            continue
        touched = [(turn, who) for turn, who in turns if any(turn.overlaps(span) for span in spans)]
        if touched:
            (turn, who), source = touched[0], statement.source
            if (len(touched) > 1 or not all(turn.contains(span) for span in spans) or source is None
                    or set(re.findall(r"[\w’']+", source.text.lower())) & _SPEAKER_OR_LISTENER
                    or statement.speaker == who):
                continue
        kept.append(statement)
    used = {s.speaker for s in kept}
    numbered = [attrs.evolve(s, id=f"s{number}") for number, s in enumerate(kept, 1)]
    return numbered, [p for p in added if p.id in used]
