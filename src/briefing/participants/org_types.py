"""The kind of body an organisation is (``Participant.org_type``): media, company, government, party,
campaign, court, … so that "the newspaper" or "the bank" can refer back to it.

Read, in order, from well-known bodies (``data/org_types.json`` ``known``, and the lexicon's
organisations by their full names), from the text ("Acme, an Ohio-based retailer,", "the network
RTV"), from the titles of its people (an editor works for the media) and from the words of its name
("… Bank", "… Times", "… Party")."""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

import attrs

from ..model import Participant
from .countries import country
from .lexicon import lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["ends_like_organization", "name_type", "noun_types", "with_org_types"]

# Where several kinds' words fit a name, the more telling wins: "Teachers Union Fund" is a union.
_PRIORITY = ("campaign", "party", "court", "police", "union", "international", "media", "education",
             "legislature", "military", "government", "company", "ngo")


@cache
def _data() -> dict:
    return json.loads(resources.files("briefing").joinpath("data/org_types.json").read_text("utf-8"))


@cache
def _nouns() -> dict[str, frozenset[str]]:
    found: dict[str, set[str]] = {}
    for kind, record in _data()["types"].items():
        for noun in record["nouns"]:
            found.setdefault(noun, set()).add(kind)
    return {noun: frozenset(kinds) for noun, kinds in found.items()}


@cache
def _known() -> dict[str, str]:
    known = {name.lower(): kind for name, kind in _data()["known"].items()}
    for key, record in lexicon().organizations.items():
        kind = known.get(key.lower()) or _by_words(record["name"])
        for alias in (key, record["name"], *record.get("aliases", ())):
            if kind:
                known.setdefault(alias.lower(), kind)
    return known


def noun_types(noun: str) -> frozenset[str]:
    """The kinds of organisation a common noun can refer to ("network": media)."""
    return _nouns().get(noun.lower(), frozenset())


def name_type(name: str) -> str | None:
    """The kind of organisation a name shows: a well-known body, else a telling word of it."""
    bare = re.sub(r"^the\s+", "", name.strip(), flags=re.I)
    return _known().get(bare.lower()) or _by_words(bare)


@cache
def _patterns() -> tuple[tuple[str, re.Pattern[str], re.Pattern[str]], ...]:
    """Per kind in order of priority, one expression for any of its name words (a whole word, not
    part of a hyphenated one) and one for any of its titles' words (lowercase), compiled once."""
    types = _data()["types"]

    def any_of(words: list[str]) -> str:
        return "|".join(re.escape(word) for word in words) or "(?!)"

    return tuple(
        (kind, re.compile(rf"(?<![\w-])(?:{any_of(types[kind]['name_words'])})(?![\w-])"),
         re.compile(rf"\b(?:{any_of([t.lower() for t in types[kind]['titles']])})\b"))
        for kind in _PRIORITY
    )


#: Kinds whose name words are no one's surname ("Post", "Star" and "House" are).
_NOT_SURNAMES = ("company", "government", "ngo", "education", "union", "court", "military", "police")


def ends_like_organization(word: str) -> bool:
    """Whether a name ending in ``word`` is an organisation's by that word ("Acme Foods", "Lund
    Institute"): a word of the names of the kinds of body whose words are no surnames."""
    return any(words.fullmatch(word) for kind, words, _ in _patterns() if kind in _NOT_SURNAMES)


def _by_words(name: str) -> str | None:
    return next((kind for kind, words, _ in _patterns() if words.search(name)), None)


def _title_type(title: str) -> str | None:
    title = title.lower()
    return next((kind for kind, _, titles in _patterns() if titles.search(title)), None)


def _described(doc: Doc, participant: Participant) -> str | None:
    """A kind the text gives the organisation: an appositive ("Acme, a retailer,") or a noun
    before its name ("the Ohio-based retailer Acme", "the network RTV")."""
    for mention in participant.mentions:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        root = span.root
        nouns = [c for c in root.children if c.dep_ == "appos" or (c.dep_ == "compound" and c.i < span.start)]
        if root.dep_ == "appos":
            nouns.append(root.head)
        # a noun right before the name ("the network RTV"), not one ending the clause before ("…
        # according to the union. Acme filed") or with the name the subject of a clause on it ("a
        # network Acme owns")
        in_clause = root.dep_ in {"nsubj", "nsubjpass"} and root.head.dep_ == "relcl"
        nouns += [t for t in doc[max(0, span.start - 2) : span.start]
                  if t.pos_ == "NOUN" and not any(x.is_punct or x.is_space for x in doc[t.i + 1 : span.start])
                  and not (in_clause and root.head.head.i == t.i)]
        for noun in nouns:
            kinds = noun_types(noun.lemma_)
            if len(kinds) == 1:
                return next(iter(kinds))
    return None


def with_org_types(doc: Doc, participants: list[Participant]) -> list[Participant]:
    """``participants`` with ``org_type`` set on every organisation whose kind can be told."""
    staff: dict[str, str] = {}
    for p in participants:
        if p.kind == "person" and p.organization and p.title:
            kind = _title_type(p.title)
            if kind:
                staff.setdefault(p.organization.lower(), kind)
    typed = []
    for p in participants:
        if p.kind == "organization" and p.org_type is None:
            kind = (
                _known().get(re.sub(r"^the\s+", "", p.name, flags=re.I).lower())
                or _described(doc, p)
                or staff.get(p.name.lower())
                or _by_words(p.name)
                or ("government" if country(p.name) else None)  # a country that acts is its government
            )
            p = attrs.evolve(p, org_type=kind) if kind else p
        typed.append(p)
    return typed
