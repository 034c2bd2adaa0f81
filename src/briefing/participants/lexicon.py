"""The title and organisation lexicon (``data/titles.json``), loaded once per process."""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources

from attrs import field, frozen

__all__ = ["Lexicon", "lexicon"]


@frozen
class Lexicon:
    title_heads: frozenset[str]
    title_phrases: frozenset[str]  # the titles of several words: "Surgeon General", "Press Secretary"
    title_modifiers: frozenset[str]
    honorifics: frozenset[str]
    abbreviations: dict[str, str]
    organization_titles: dict[tuple[str, str], str]
    organizations: dict[str, dict]
    organization_aliases: dict[str, str]
    courtesy_titles: frozenset[str]
    government_titles: frozenset[str]
    party_words: dict[str, str]
    party_codes: dict[str, str]
    party_countries: dict[str, str]  # party name → ISO code of its country
    country_offices: dict[str, dict[str, list[str]]]  # office → "only" or "absent" → ISO codes
    # each title :meth:`expand` was asked for, with its answer: the same few titles come back often
    _expanded: dict[str, str] = field(factory=dict, eq=False, repr=False, alias="_expanded")

    def is_title_word(self, word: str) -> bool:
        """``word`` heads or modifies a title (case-insensitive for lowercase titles in appositives)."""
        return (
            word in self.title_heads
            or word in self.title_modifiers
            or word.title() in self.title_heads
            or word.title() in self.title_modifiers
        )

    def is_title_head(self, word: str) -> bool:
        return word in self.title_heads or word.title() in self.title_heads

    def organization(self, text: str) -> tuple[str, dict] | None:
        """The known organisation ``text`` names (short name and record), if any."""
        key = self.organization_aliases.get(re.sub(r"^the\s+", "", text.strip(), flags=re.I).lower())
        return (key, self.organizations[key]) if key else None

    def organization_of_title(self, title: str) -> tuple[str, dict] | None:
        """The organisation a title belongs to by itself ("Secretary of State": State Department)."""
        for key, record in self.organizations.items():
            if title in record.get("titles", ()):
                return key, record
        return None

    def is_government_title(self, title: str) -> bool:
        """Whether ``title`` is an office of a government ("Senator", "Foreign Minister", "Former
        President"): its last one or two words name one."""
        words = title.split()
        return any(" ".join(words[-size:]) in self.government_titles for size in (1, 2))

    def party(self, word: str) -> str | None:
        """The party a capitalised word names ("Republicans", "GOP", "Democrat"); news capitalises
        party names, so "democratic" is not one."""
        return self.party_words.get(word) or (self.party_words.get(word.title()) if word.isupper() and len(word) > 3 else None)

    def organization_within(self, text: str) -> tuple[str, dict] | None:
        """The known organisation named by ``text`` or by the longest part of it that names one
        ("Republican National Committee Research" → RNC)."""
        words = text.split()
        for size in range(len(words), 0, -1):
            for start in range(len(words) - size + 1):
                known = self.organization(" ".join(words[start : start + size]))
                if known:
                    return known
        return None

    def expand(self, title: str) -> str:
        """The title with abbreviations spelt out ("Sen." → "Senator")."""
        known = self._expanded.get(title)
        if known is not None:
            return known
        written = title
        for short, long in sorted(self.abbreviations.items(), key=lambda kv: -len(kv[0])):
            title = re.sub(rf"(?<!\w){re.escape(short)}(?!\w)", long, title)
        if len(self._expanded) >= 1 << 14:  # bounded, for a process reading text after text
            self._expanded.clear()
        self._expanded[written] = title
        return title


@cache
def lexicon() -> Lexicon:
    data = json.loads(resources.files("briefing").joinpath("data/titles.json").read_text("utf-8"))
    aliases = {}
    for key, record in data["organizations"].items():
        for alias in (key, record["name"], *record.get("aliases", ())):
            aliases[alias.lower()] = key
    heads, modifiers = set(), set(data["title_modifiers"])
    for title in data["title_heads"]:
        *before, last = title.split()
        heads.add(last)
        modifiers.update(before)
    party_words, party_codes = {}, {}
    party_countries = {party["name"]: party["country"] for party in data["parties"] if party.get("country")}
    for party in data["parties"]:
        for word in party["words"]:
            party_words[word] = party["name"]
        for code in party["codes"]:
            party_codes[code] = party["name"]
    return Lexicon(
        title_heads=frozenset(heads),
        title_phrases=frozenset(t.lower() for t in data["title_heads"] if " " in t),
        title_modifiers=frozenset(modifiers),
        honorifics=frozenset(data["honorifics"]),
        abbreviations=data["abbreviations"],
        organization_titles={(e["organization"].lower(), e["title"].lower()): e["normal"] for e in data["organization_titles"]},
        organizations=data["organizations"],
        organization_aliases=aliases,
        courtesy_titles=frozenset(data["courtesy_titles"]),
        government_titles=frozenset(data["government_titles"]),
        party_words=party_words,
        party_codes=party_codes,
        party_countries=party_countries,
        country_offices={office: rule for office, rule in data["country_offices"].items() if office != "_comment"},
    )
