"""Titles around a name: before it ("DHS Secretary John Kelly", "Mexico's Foreign Minister Luis
Videgaray") and in an appositive after it ("Luis Videgaray, Mexico's foreign minister,"), split into
the title itself, the organisation and the country that qualify it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from attrs import frozen

from .countries import country
from .lexicon import lexicon

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan, Token

__all__ = ["Title", "description_title", "title_after", "title_before"]

_JOINERS = {"of", "the", "and", "&", "for", "on"}
_POSSESSIVE = {"'s", "’s", "'", "’"}
_QUALIFIER_LABELS = {"ORG", "GPE", "NORP"}


@frozen
class Title:
    """A title as found: ``title`` (abbreviations spelt out, normalised when known), the
    ``organization`` and ``affiliation`` its qualifiers name, and the tokens it spans."""

    title: str | None
    organization: str | None
    affiliation: str | None
    start: int
    end: int


def _is_qualifier(token: Token) -> bool:
    text = token.text
    return (
        token.ent_type_ in _QUALIFIER_LABELS
        or text in _POSSESSIVE
        or (text.isupper() and len(text.strip(".")) >= 2)
        or text == "U.S."
    )


def _titlecase(words: list[str]) -> str:
    return " ".join(w if w.isupper() or w in _JOINERS or w.endswith(".") else w[:1].upper() + w[1:] for w in words)


def _parse(tokens: list[Token]) -> Title | None:
    """Read ``[qualifiers] [modifiers] HEAD [of Complement]`` from tokens in text order.

    The head is the first title head ("Minister", "Secretary"); the words before it that belong to
    no entity are modifiers ("Foreign", "Fisheries"), and from the first entity, possessive or
    acronym leftwards they are qualifiers naming the country ("Mexico's", "Canadian") or the
    organisation ("DHS", "Environment Canada")."""
    lex = lexicon()
    head = next((k for k, t in enumerate(tokens) if lex.is_title_head(t.text) and t.text not in _JOINERS), None)
    if head is None:
        return None
    start = head
    while start > 0:
        token = tokens[start - 1]
        if _is_qualifier(token) or not (token.text[:1].isupper() or lex.is_title_word(token.text)):
            break
        start -= 1
    first_title = start
    while start > 0 and (_is_qualifier(tokens[start - 1]) or tokens[start - 1].text[:1].isupper()):
        start -= 1
    qualifiers = [t for t in tokens[start:first_title] if t.text not in _POSSESSIVE]
    words = [t.text for t in tokens[first_title:]]
    while words and words[-1] in _JOINERS:
        words.pop()
    organization = affiliation = None
    places = [t for t in qualifiers if t.ent_type_ in {"GPE", "NORP"} or country(t.text)]
    if places:
        affiliation = country(" ".join(t.text for t in places)) or country(places[0].text)
    others = [t for t in qualifiers if t not in places or t.ent_type_ == "ORG"]
    if others or (places and any(t.ent_type_ == "ORG" for t in qualifiers)):
        organization = " ".join(t.text for t in qualifiers)
    title = lex.expand(_titlecase(words))
    if not qualifiers:
        holder = lex.organization_of_title(title)
        if holder:
            organization, record = holder
            affiliation = country(record["country"]) if record.get("country") else None
    elif organization:
        normal = lex.organization_titles.get((organization.lower(), title.lower()))
        if normal:
            title = normal
        known = lex.organization(organization)
        if known and known[1].get("country"):
            affiliation = affiliation or country(known[1]["country"])
    return Title(title, organization, affiliation, tokens[start].i, tokens[-1].i + 1)


def title_before(name: SpacySpan) -> Title | None:
    """The title written right before ``name`` in the same sentence, if any."""
    lex = lexicon()
    doc, sent_start = name.doc, name.sent.start
    tokens: list[Token] = []
    for i in range(name.start - 1, sent_start - 1, -1):
        token, text = doc[i], doc[i].text
        capitalised = text[:1].isupper()
        if lex.is_title_word(text) and (capitalised or text.endswith(".") or tokens or lex.is_title_head(text)):
            tokens.insert(0, token)
        elif text in _JOINERS and any(t.text[:1].isupper() for t in tokens[:3]):
            tokens.insert(0, token)
        elif _is_qualifier(token):
            tokens.insert(0, token)
        elif capitalised and token.pos_ == "PROPN" and i > sent_start and doc[i - 1].lower_ in _JOINERS:
            tokens.insert(0, token)
        elif capitalised and tokens and token.pos_ in {"PROPN", "NOUN", "ADJ"} and token.ent_type_ != "PERSON" and (
            lex.is_title_word(tokens[0].text) or tokens[0].text[:1].isupper()
        ) and not token.is_sent_start:
            tokens.insert(0, token)  # a modifier the lexicon lacks: "Fisheries Minister"
        else:
            break
    while tokens and tokens[0].text in _JOINERS:
        tokens.pop(0)
    return _parse(tokens) if tokens else None


def title_after(name: SpacySpan) -> Title | None:
    """The title in an appositive right after ``name``: "NAME, Mexico's foreign minister, ..."."""
    doc = name.doc
    if name.end >= len(doc) - 1 or doc[name.end].text != ",":
        return None
    tokens = []
    for token in doc[name.end + 1 : min(len(doc), name.end + 12)]:
        if token.is_punct and token.text not in _POSSESSIVE and token.text != ".":
            break
        if token.pos_ in {"VERB", "AUX"} or token.ent_type_ == "PERSON":
            return None
        tokens.append(token)
    while tokens and tokens[0].lower_ in {"the", "a", "an"}:
        tokens.pop(0)
    if not tokens or not lexicon().is_title_head(tokens[-1].text.rstrip(".")):
        return None
    return _parse(tokens)


def description_title(tokens: list[Token]) -> Title | None:
    """The title a description of someone carries ("the Foreign Minister", "The Mexican official",
    "Mexico's Secretary of the Interior"), or ``None`` if the tokens do not describe by title."""
    while tokens and tokens[0].lower_ in {"the", "a", "an"}:
        tokens = tokens[1:]
    return _parse(tokens) if tokens else None
