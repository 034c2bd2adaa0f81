"""One person, one participant: merging the participants an extractor finds into those a reader
gave already (a transcript's "DR. FAUCI" and the "Anthony Fauci" of the text)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import attrs

from ..model import Participant, Span
from .lexicon import lexicon
from .names import is_part_of

__all__ = ["merge_participants", "same_person"]


def _title_only(participant: Participant) -> bool:
    """A participant known by title alone ("The President", from a transcript label)."""
    return bool(participant.title) and participant.name == f"The {participant.title}"


def _is_title(title: str | None) -> bool:
    """A title worth more than an honorific: ending in a title head ("Fisheries Minister"), not an
    honorific itself ("Dr."), every word a capitalised word ("Q Dr." is not)."""
    lex = lexicon()
    words = (title or "").split()
    return (bool(words) and title not in lex.honorifics and lex.is_title_head(words[-1])
            and all(len(w.strip(".")) > 1 and w[:1].isupper() for w in words))


def same_person(given: Participant, found: Participant) -> bool:
    """Whether ``found`` can be ``given``: one's name is part of the other's ("Fauci", "Anthony
    Fauci") with no conflicting title, or ``given`` is known by a title ``found`` holds."""
    if given.kind != found.kind or "author" in (given.role, found.role):
        return False
    if _title_only(given):
        return found.title == given.title
    mine, theirs = given.name.split(), found.name.split()
    if not (is_part_of(mine, theirs) or is_part_of(theirs, mine)):
        return False
    honorifics = lexicon().honorifics
    titles = {t for t in (given.title, found.title) if t and t not in honorifics}
    return len(titles) <= 1


def _merged(given: Participant, found: Participant) -> Participant:
    """``given`` (its id kept) with what ``found`` adds: the fuller name, a real title where the
    given one is an honorific ("Dr."), the organisation, affiliation, party and mentions."""
    honorifics = lexicon().honorifics
    name = found.name if len(found.name.split()) > len(given.name.split()) or _title_only(given) else given.name
    title = given.title
    if not title or (title in honorifics and _is_title(found.title)):
        title = found.title
    return attrs.evolve(
        given,
        name=name,
        title=title,
        organization=given.organization or found.organization,
        affiliation=given.affiliation or found.affiliation,
        party=given.party or found.party,
        role=given.role if given.role != "mentioned" else found.role,
        mentions=sorted({*given.mentions, *found.mentions}),
    )


def _one_person(candidates: Sequence[Participant]) -> bool:
    """Whether the candidates can all be one person ("Fauci", "Anthony Fauci"; not "Mike Pence" and
    "Karen Pence")."""
    names = [c.name.split() for c in candidates]
    return all(is_part_of(a, b) or is_part_of(b, a) for a in names for b in names)


def _candidates(given: Participant, found: Sequence[Participant], own: Sequence[Span]) -> list[Participant]:
    """The found participants ``given`` is, when that is clear: those that are the same person as
    it, if they can all be one person; else those among them holding its title, if those can. One
    known by title alone is no one named in its ``own`` turns ("THE PRESIDENT: I spoke with
    President Xi")."""
    candidates = [f for f in found if same_person(given, f)]
    if own and _title_only(given):
        candidates = [f for f in candidates if not any(t.start <= m.start < t.end for m in f.mentions for t in own)]
    if _one_person(candidates):
        return candidates
    titled = [f for f in candidates if given.title and f.title == given.title]
    return titled if _one_person(titled) else []


def merge_participants(given: Sequence[Participant], found: Sequence[Participant],
                       turns: Mapping[str, Sequence[Span]] | None = None) -> list[Participant]:
    """``given`` followed by the ``found`` participants that are nobody given. A found participant
    that is clearly one given participant (see :func:`same_person`; not when a given "Pence" could
    be a found "Mike Pence" or "Karen Pence") is merged into it, keeping the given id (statements
    may point at it). A found id that clashes with a given one gets a suffix. ``turns`` holds the
    spans of each given speaker's own turns, in a transcript."""
    merged = {p.id: p for p in given}
    claims = {p.id: [id(f) for f in _candidates(p, found, (turns or {}).get(p.id, ()))] for p in given}
    used = set(merged)
    added = []
    for participant in found:
        matches = [pid for pid, ids in claims.items() if id(participant) in ids]
        if len(matches) == 1:
            merged[matches[0]] = _merged(merged[matches[0]], participant)
            continue
        pid, number = participant.id, 2
        while pid in used:
            pid, number = f"{participant.id}-{number}", number + 1
        used.add(pid)
        added.append(attrs.evolve(participant, id=pid))
    return [*merged.values(), *added]
