"""Countries from the words news uses for them: names ("Mexico", "the U.S."), possessives
("Mexico's") and adjectives ("Mexican", "Guatemalan"), and the states and provinces inside them
("Ohio"), resolved with pycountry."""

from __future__ import annotations

import re
from functools import cache

__all__ = ["country", "country_name", "leading_country", "region_country"]

# Forms pycountry does not know: abbreviations, short names, and adjectives that are not a stem
# of the country's name.
_ALIASES = {
    "u.s.": "US", "u.s": "US", "us": "US", "usa": "US", "u.s.a.": "US", "america": "US",
    "united states": "US", "united states of america": "US", "american": "US", "americans": "US",
    "uk": "GB", "u.k.": "GB", "britain": "GB", "great britain": "GB", "british": "GB", "england": "GB",
    "english": "GB", "scotland": "GB", "scottish": "GB", "wales": "GB", "welsh": "GB",
    "french": "FR", "dutch": "NL", "holland": "NL", "spanish": "ES", "swiss": "CH", "greek": "GR",
    "turkish": "TR", "turkey": "TR", "filipino": "PH", "philippine": "PH", "thai": "TH",
    "danish": "DK", "swedish": "SE", "finnish": "FI", "polish": "PL", "irish": "IE", "welsh ": "GB",
    "north korea": "KP", "north korean": "KP", "south korea": "KR", "south korean": "KR",
    "russia": "RU", "russian": "RU", "soviet": "RU", "iran": "IR", "iranian": "IR", "syria": "SY",
    "vietnam": "VN", "vietnamese": "VN", "laos": "LA", "lao": "LA", "czech": "CZ",
    "palestine": "PS", "palestinian": "PS", "palestinians": "PS", "taiwan": "TW", "taiwanese": "TW",
    "congolese": "CD", "ivorian": "CI", "kiwi": "NZ", "saudi": "SA", "emirati": "AE", "uae": "AE",
    "norwegian": "NO", "peruvian": "PE", "icelandic": "IS", "burmese": "MM", "burma": "MM", "cypriot": "CY",
    "malagasy": "MG", "monegasque": "MC", "bolivia": "BO", "venezuela": "VE", "tanzania": "TZ", "moldova": "MD", "mexican": "MX",
}
# Display names shorter than pycountry's names.
_SHORT = {"RU": "Russia", "US": "United States", "GB": "United Kingdom", "TR": "Turkey", "PS": "Palestine"}
# Words that look like a country's adjective but name something else.
_NOT_COUNTRIES = {"republican", "republicans", "democrat", "democrats", "democratic", "european", "latino", "hispanic",
                  "arab", "african", "asian", "muslim", "christian", "jewish", "catholic", "indiana", "georgian"}
_SUFFIXES = ("ians", "ans", "ese", "ian", "an", "is", "i", "n", "s", "")


def country_name(code: str) -> str:
    """The everyday English name of the country with this ISO alpha-2 code."""
    import pycountry

    if code in _SHORT:
        return _SHORT[code]
    found = pycountry.countries.get(alpha_2=code)
    return getattr(found, "common_name", None) or found.name


@cache
def _names() -> tuple[tuple[str, str], ...]:
    import pycountry

    pairs = []
    for entry in pycountry.countries:
        for name in {entry.name, getattr(entry, "common_name", entry.name)}:
            pairs.append((name.lower(), entry.alpha_2))
    return tuple(pairs)


@cache
def country(word: str) -> str | None:
    """The display name of the country ``word`` names, possessive or adjective forms included;
    ``None`` when it names none, or more than one."""
    text = re.sub(r"(?:'s|’s|')$", "", " ".join(word.split())).strip()
    key = text.lower().removeprefix("the ").strip()
    if not key or key in _NOT_COUNTRIES:
        return None
    if key in _ALIASES:
        return country_name(_ALIASES[key])
    if text.isupper() and len(text) in (2, 3):
        # Bare two-letter capitals in news are US states or agencies ("VA", "CA", "IN") far more
        # often than ISO codes; the ones that name countries ("US", "UK") are aliases above.
        import pycountry

        found = pycountry.countries.get(alpha_3=text) if len(text) == 3 else None
        return country_name(found.alpha_2) if found else None
    exact = {code for name, code in _names() if name == key}
    if len(exact) == 1:
        return country_name(exact.pop())
    if not text[:1].isupper() or " " in key:
        return None
    for suffix in _SUFFIXES:
        if suffix and not key.endswith(suffix):
            continue
        stem = key[: len(key) - len(suffix)] if suffix else key
        if len(stem) < 4:
            continue
        codes = {code for name, code in _names() if name.startswith(stem)}
        if len(codes) == 1:
            return country_name(codes.pop())
    return None


@cache
def _regions() -> dict[str, frozenset[str]]:
    """Names of states and provinces (first-level subdivisions), each with the countries that have
    one of that name."""
    import pycountry

    found: dict[str, set[str]] = {}
    for entry in pycountry.subdivisions:
        if entry.parent_code is None and entry.type in {"State", "Province"}:
            found.setdefault(entry.name.lower(), set()).add(entry.country_code)
    return {name: frozenset(codes) for name, codes in found.items()}


@cache
def region_country(words: str) -> str | None:
    """The country whose state or province ``words`` names ("Ohio", "West Virginia's" → United
    States; "Ontario" → Canada); ``None`` when it names none, or states of several countries."""
    key = re.sub(r"(?:'s|’s|')$", "", " ".join(words.split())).strip().lower()
    codes = _regions().get(key, frozenset())
    return country_name(next(iter(codes))) if len(codes) == 1 else None


def leading_country(name: str) -> str | None:
    """The country an organisation's name starts with ("Mexico's Foreign Ministry", "the Russian
    Embassy", "U.S. Chamber of Commerce" → that country), if any."""
    words = [w for w in name.split() if w.lower() != "the"]
    for size in (2, 1):
        if len(words) > size:
            found = country(" ".join(words[:size]))
            if found:
                return found
    return None
