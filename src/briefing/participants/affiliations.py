"""The country a participant speaks for when no country word beside its name says so, from what
the text implies:

- an organisation's country passes to the people who speak for it ("DHS Secretary" → the United
  States; "a spokeswoman for the Mexican Embassy" → Mexico);
- a party's country to its members ("Democrat Jane Roe" → the United States);
- an official whose title names no country ("President Roe", "the senator") holds an office of the
  text's *home country*: the one its known organisations and parties belong to, when one clearly
  does. A text about a national government's briefing, or about two countries' officials where
  only the foreign ones are named with their country, has one; a text with no such clues has none;
- an official speaking at a briefing a national government body holds (a White House transcript)
  speaks for that country;
- but at such a briefing, of an office a country has one holder of (President, Prime Minister),
  only one person takes its country that way: "President Xi", beside the host's President, is
  another country's (news, which calls past holders "President" too, keeps the rule before);
- and no one takes a country that lacks their office: a Prime Minister is not the United States'.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import attrs

from ..model import Participant
from .countries import country_name, leading_country
from .lexicon import lexicon

__all__ = ["complete_affiliations", "home_country"]

#: Offices a country has one holder of at a time.
_SOLE_OFFICES = {"President", "Vice President", "Prime Minister", "Chancellor", "King", "Queen", "Emperor"}


def _known_country(name: str | None) -> str | None:
    """The country of an organisation the lexicon knows by ``name`` or a part of it."""
    known = lexicon().organization_within(name) if name else None
    return country_name(known[1]["country"]) if known and known[1].get("country") else None


def _party_country(party: str | None) -> str | None:
    code = lexicon().party_countries.get(party) if party else None
    return country_name(code) if code else None


def home_country(participants: Sequence[Participant]) -> str | None:
    """The country the text's known organisations and parties belong to: each participant counts
    once, for its party or for the organisation the lexicon knows it as or it works for; the
    country counted most, if at least twice as often as any other."""
    counts: Counter = Counter()
    for participant in participants:
        known = _known_country(participant.name if participant.kind == "organization" else participant.organization)
        found = known or _party_country(participant.party)
        if found:
            counts[found] += 1
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]):
        return None
    return ranked[0][0]


def complete_affiliations(participants: Sequence[Participant], host: str | None = None) -> list[Participant]:
    """``participants`` with the countries the text implies (see the module docstring) where they
    have none. ``host`` names who holds the event or publishes the text ("The White House")."""
    lex = lexicon()
    organizations: dict[str, str] = {}

    def implied(participant: Participant) -> str | None:
        own = participant.name if participant.kind == "organization" else participant.organization
        return (
            (organizations.get(own.lower()) if own else None)
            or _known_country(own)
            or (leading_country(own) if own else None)
            or _party_country(participant.party)
        )

    completed = list(participants)
    for kinds in ({"organization"}, {"person", "group"}):  # organisations first: their people follow them
        completed = [p if p.affiliation or p.kind not in kinds else _with_affiliation(p, implied(p)) for p in completed]
        organizations = {p.name.lower(): p.affiliation for p in completed if p.kind == "organization" and p.affiliation}
    hosting = _known_country(host)
    home = hosting or home_country(completed)
    if home is None:
        return completed

    holders = _sole_holders(completed, home) if hosting else {}  # news calls past holders "President" too

    def official(person: Participant) -> bool:
        if person.kind != "person" or person.affiliation or not person.title:
            return False
        if holders.get(person.title, person.id) != person.id or _lacks(home, person.title):
            return False  # "President Xi" beside the home country's President; a US "Prime Minister"
        at_briefing = hosting is not None and person.role == "speaker"
        return at_briefing or (lex.is_government_title(person.title) and not person.organization)

    return [attrs.evolve(p, affiliation=home) if official(p) else p for p in completed]


def _lacks(country: str, office: str) -> bool:
    """Whether ``country`` has no such office (the United States no Prime Minister), as the
    lexicon's ``country_offices`` say."""
    rule = lexicon().country_offices.get(office, {})
    if "only" in rule:
        return country not in {country_name(code) for code in rule["only"]}
    return country in {country_name(code) for code in rule.get("absent", ())}


def _with_affiliation(participant: Participant, affiliation: str | None) -> Participant:
    """The participant with that affiliation: itself when there is none to give (no copy made)."""
    return participant if affiliation == participant.affiliation else attrs.evolve(participant, affiliation=affiliation)


def _sole_holders(participants: Sequence[Participant], home: str) -> dict[str, str]:
    """For each office one person holds in a country at a time (President, Prime Minister, …), the
    id of the home country's holder among ``participants``: the one the text gives that country,
    else the one of no country it names most. A second holder is another country's."""
    holders: dict[str, tuple[bool, int, str]] = {}
    for person in participants:
        if person.kind != "person" or person.title not in _SOLE_OFFICES or person.affiliation not in (None, home):
            continue
        rank = (person.affiliation == home, len(person.mentions), person.id)
        holders[person.title] = max(holders.get(person.title, rank), rank)
    return {title: rank[2] for title, rank in holders.items()}
