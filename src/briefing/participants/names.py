"""Person names: cleaning a recognised name of titles and possessives, and deciding whether a short
mention ("Chong", "Secretary Chong") can be the same person as a full name ("Miguel Angel Osorio
Chong")."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from .countries import country
from .lexicon import lexicon

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan

__all__ = ["clean_name", "fold", "is_acronym", "is_part_of", "misspelt", "name_words", "slug", "unique_id",
           "usual_apostrophes"]

_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}
_DROP_LEADING = {"the", "a", "an", "former", "late", "then", "ex", "-", "pro", "anti", "non"}
_POSSESSIVE = {"'s", "’s", "'", "’"}
_INNER_APOSTROPHE = re.compile(r"(?<=\w)['’](?=[A-Z])")  # "O'Neill", "D’Angelo"; not "Roe's"


@lru_cache(maxsize=1 << 16)
def fold(word: str) -> str:
    """A word compared without case, accents and a name's inner apostrophe ("Peña" and "Pena",
    "O'Neill", "O’Neill" and "ONeill" are the same). Kept for the words seen last: the same names
    are folded again and again, for every token and cluster."""
    decomposed = unicodedata.normalize("NFKD", _INNER_APOSTROPHE.sub("", word))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower().strip(".")


def usual_apostrophes(name: str, written: Sequence[str]) -> str:
    """``name`` with its apostrophes in the form the text writes them most often in the words of the
    name among its mentions ``written``: "O'Neill" twice and "James O’Neill" once give "James
    O'Neill", so that the name reads as the text mostly spells it."""
    if "'" not in name and "’" not in name:
        return name
    plain = {w.replace("’", "'") for w in name.split() if "'" in w or "’" in w}
    words = [w for text in written for w in text.split() if w.replace("’", "'") in plain]
    straight = sum("'" in w for w in words)
    curly = len(words) - straight
    if straight == curly:
        return name
    return name.replace("’", "'") if straight > curly else name.replace("'", "’")


def clean_name(span: SpacySpan) -> tuple[SpacySpan, list[str]] | None:
    """The name inside a recognised PERSON span without leading titles, articles, and trailing
    possessives or punctuation, and the title words removed; ``None`` if no name is left."""
    lex = lexicon()
    tokens = list(span)  # each Token built once, read many times below
    first, start, end = span.start, 0, len(tokens)
    removed: list[str] = []
    while start < end and (
        tokens[start].lower_ in _DROP_LEADING
        or tokens[start].text in lex.honorifics
        or (lex.is_title_word(tokens[start].text) and start + 1 < end and tokens[start + 1].text[:1].isupper())
    ):
        if tokens[start].lower_ not in _DROP_LEADING:
            removed.append(tokens[start].text)
        start += 1
    while end > start and (tokens[end - 1].text in _POSSESSIVE or tokens[end - 1].is_space
                           or tokens[end - 1].is_punct and tokens[end - 1].text != "."):
        end -= 1
    for i in range(start, end):
        if tokens[i].is_space:
            end = i
            break
        if "\n" in tokens[i].whitespace_:
            end = i + 1
            break
    kept = tokens[start:end]
    if not kept or not any(t.text[:1].isupper() for t in kept):
        return None
    if all(lex.is_title_word(t.text) or t.lower_ in {"of", "the"} for t in kept):
        return None
    name = span.doc[first + start : first + end]
    if country(name.text) or country(name.text.replace("N.", "North").replace("S.", "South")):
        return None  # "N. Korea" taken for a person
    return name, removed


def name_words(name: Sequence[str]) -> tuple[str, ...]:
    """The words of a name as :func:`is_part_of` compares them: folded (:func:`fold`), dashes left out."""
    return _words(tuple(name))


@lru_cache(maxsize=1 << 14)
def _words(name: tuple[str, ...]) -> tuple[str, ...]:
    """:func:`name_words`, kept for the names seen last, as every mention is compared with every
    person found."""
    return tuple(fold(w) for w in name if w != "-")


def is_part_of(short: Sequence[str], full: Sequence[str]) -> bool:
    """``short``'s words appear in ``full`` in order ("Osorio Chong" in "Miguel Angel Osorio Chong").
    A generational suffix (Jr., III) must agree when the short form has one."""
    s, f = _words(tuple(short)), _words(tuple(full))
    if not s or len(s) > len(f):
        return False
    if any(w in _SUFFIXES for w in s) and not set(s) & set(f) & _SUFFIXES:
        return False
    position = 0
    for word in s:
        try:
            position = f.index(word, position) + 1
        except ValueError:
            return False
    return True


def is_acronym(short: str, full: str) -> bool:
    """Whether ``short`` is the acronym of ``full``: the initials of its words, small joining words
    left out or not ("DHS", "Department of Homeland Security"; "I.R.S.", "Internal Revenue
    Service")."""
    letters = short.replace(".", "")
    if len(letters) < 2 or not letters.isalpha() or not letters.isupper() or " " in short:
        return False
    words = [w for w in re.split(r"[\s-]+", full) if w[:1].isalpha()]
    if len(words) < 2:
        return False
    initials = "".join(w[0] for w in words).upper()
    capitals = "".join(w[0] for w in words if w[:1].isupper()).upper()
    return letters.upper() in {initials, capitals}


def misspelt(word: str, name: str) -> bool:
    """Whether ``word`` is ``name`` with one letter changed, added or dropped ("McLenney",
    "McClenney"): a slip a copy desk lets through. Short names are left alone, where one letter
    makes another name ("Dunn", "Dunne"), and so is a plural ("the Clintons")."""
    a, b = fold(word), fold(name)
    if a == b or a.rstrip("s") == b or b.rstrip("s") == a:
        return False
    if min(len(a), len(b)) < 5 or abs(len(a) - len(b)) > 1 or a[0] != b[0]:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long = sorted((a, b), key=len)
    i = next((i for i, (x, y) in enumerate(zip(short, long)) if x != y), len(short))
    return short[i:] == long[i + 1 :]


def slug(name: str) -> str:
    """An id made from a name: "Miguel Ángel Osorio Chong" → "miguel-angel-osorio-chong"."""
    folded = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-") or "participant"


def unique_id(base: str, used: set[str]) -> str:
    """``base``, or ``base-2``, ``base-3``, … whichever is not in ``used``; recorded as used."""
    candidate, number = base, 2
    while candidate in used:
        candidate, number = f"{base}-{number}", number + 1
    used.add(candidate)
    return candidate
