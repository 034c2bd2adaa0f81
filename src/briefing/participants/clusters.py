"""A participant while its mentions are being gathered: the :class:`Cluster` every finder in this
package adds to, and the helpers they share."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING

from attrs import define, field

from ..model import Span
from .gender import courtesy_gender, name_gender
from .titles import Title

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan

__all__ = ["Cluster", "choose", "choose_named", "courtesy_fits", "outside"]


@define
class Cluster:
    """The mentions of one participant while they are being gathered."""

    kind: str
    words: list[str]
    name: str
    mentions: list[tuple[int, int]] = field(factory=list)
    titles: list[tuple[int, Title]] = field(factory=list)  # (priority, title): lower is better
    affiliation: str | None = None
    parties: list[str] = field(factory=list)  # every party the text gives, once per statement of it
    role: str = "mentioned"
    owner: Cluster | None = None  # the person whose campaign this organisation is

    def add(self, start: int, end: int) -> None:
        if (start, end) not in self.mentions:
            self.mentions.append((start, end))

    def best_title(self) -> Title | None:
        """The best-placed title held now (a former one only when there is no other), in its most
        specific form, with organisation and country taken from the next titles when it lacks them."""
        ranked = [t for _, t in sorted(self.titles, key=lambda pt: (pt[1].title is None, pt[1].past, pt[0],
                                                                       -len(pt[1].title or "")))]
        past = [set(t.title.lower().split()) - {"former"} for t in ranked if t.past]
        # "General" from "Gen." is the same office as "Former General" (retired): not a current one
        ranked = [t for t in ranked if t.past or not t.title or not any(set(t.title.lower().split()) <= p for p in past)]
        if not ranked:
            return None
        best = ranked[0]
        if best.title and not best.past:
            # the most specific form of the same title: "Secretary of Homeland Security" over "Secretary"
            words = set(best.title.lower().split())
            fuller = [t for t in ranked if t.title and not t.past and words < set(t.title.lower().split())]
            if fuller:
                best = max(fuller, key=lambda t: len(t.title.split())).filled_from(best)
        for other in ranked[1:]:
            if other.title in (None, best.title) or best.title is None:
                best = best.filled_from(other)
        return best

    def party(self) -> str | None:
        """The party the text gives most often (the first given on a tie)."""
        parties = self.parties + [t.party for _, t in self.titles if t.party]
        if self.owner is not None:
            parties += [self.owner.party()] if self.owner.party() else []
        counts = Counter(parties)
        return max(counts, key=lambda p: (counts[p], -parties.index(p))) if counts else None

    def last_before(self, offset: int) -> int:
        return max((start for start, _ in self.mentions if start < offset), default=-1)


def outside(span: SpacySpan, skip: Iterable[Span]) -> bool:
    """Whether ``span`` lies outside every span of ``skip`` (the headline, the byline)."""
    return not any(s.start < span.end_char and span.start_char < s.end for s in skip)


def choose(candidates: list[Cluster], offset: int) -> Cluster:
    """Of several clusters a mention fits, the one mentioned last before it, else the first."""
    before = [c for c in candidates if c.last_before(offset) >= 0]
    if before:
        return max(before, key=lambda c: c.last_before(offset))
    return min(candidates, key=lambda c: min(s for s, _ in c.mentions))


def choose_named(candidates: list[Cluster], offset: int, before: list[str] = ()) -> Cluster:
    """Of several people a short name fits ("Cruz" with Ted and Heidi Cruz named), the one the
    text named first: news introduces the principal first and calls a relative or namesake
    introduced later by the given name. The words ``before`` the name decide first: a given name
    the recogniser left out ("Ivanka" before "Trump") picks its person, a courtesy form's gender
    ("Mrs. Clinton") drops the people of the other gender."""
    given = [c for c in candidates if before and len(c.words) > 1 and c.words[0] == before[-1]]
    if len(given) == 1:
        return given[0]
    candidates = courtesy_fits(candidates, before) or candidates
    return min(candidates, key=lambda c: min(start for start, _ in c.mentions))


def courtesy_fits(candidates: list[Cluster], before: Iterable[str]) -> list[Cluster]:
    """The people a short name fits that a courtesy form among the words ``before`` it leaves:
    "Mr. O'Neill" is none of the women named O'Neill (a relative, another person)."""
    gender = courtesy_gender(list(before))
    return candidates if gender is None else [c for c in candidates if name_gender(c.words) in (None, gender)]
