"""Unnamed groups as speakers inside a transcript's turns: "nurses tell us …", "mayors keep
saying …", "your old advisers said …", "leaders in both towns who say …", "the party leadership
wants …". Spoken
briefings credit such groups often; the source names no one the resolver could find, so each becomes
a ``group`` participant named by its noun ("nurses", "old advisers"), one per name, rather
than a statement without a speaker. A news report's unnamed groups ("several experts cautioned …")
speak as the group its words describe."""

from __future__ import annotations

from collections.abc import Sequence

import attrs
from spacy.tokens import Doc, Token

from ..model import Participant, Span, Statement
from ..participants.lexicon import lexicon
from ..participants.org_types import noun_types
from .new_speakers import NewSpeakers

__all__ = ["group_speakers"]

#: Words before a group's noun that are not part of its name.
_NOT_NAME = {"the", "a", "an", "some", "many", "most", "all", "several", "these", "those", "both", "few", "more",
             "our", "your", "my", "their", "his", "her", "its", "other", "certain", "lots", "lot", "of"}
#: Words before a described group's noun that are not part of its description.
_ARTICLES = {"the", "a", "an", "these", "those", "of"}
#: Tags of a plural noun ("nurses"; an entity among them is a name, not an unnamed group).
_PLURAL = {"NNS", "NNPS"}
#: Singular nouns for a group of people ("the leadership", "the press").
_COLLECTIVE = {"leadership", "press", "media", "public", "opposition", "staff"}
#: Tags of a relative pronoun that may stand for one ("… who say").
_RELATIVE = {"WP", "WDT"}
#: Plural nouns that stand in for a noun named before: "the ones that …", "others".
_STAND_INS = {"ones", "others", "things"}
#: Pronouns for a group named before them ("the innovators … some of them tell us").
_PLURAL_PRONOUNS = {"they", "them"}
#: Dependencies of a plural noun that measures or dates, no group ("worked long hours").
_MEASURES = {"npadvmod", "tmod"}
#: Endings of plural nouns for people by what they do, hold or study ("lawmakers", "analysts",
#: "physicians", "claimants", "residents", "investigators").
_PEOPLE_ENDINGS = ("ists", "ers", "ians", "ants", "ents", "ors")
#: Plural nouns for people or bodies that no title, party or kind of organisation names.
_PEOPLE = {"people", "men", "women", "persons", "children", "citizens", "critics", "sources", "countries",
           "nations", "allies", "families", "colleagues", "crowds", "police", "advocates"}


def group_speakers(statements: Sequence[Statement], doc: Doc, participants: Sequence[Participant], *,
                   described: bool = False) -> tuple[list[Statement], list[Participant]]:
    """The ``statements`` with each one reported inside a turn (``reported_by``), or with
    ``described`` each one (a news report's "several experts cautioned …", :func:`_described_group`),
    whose source is an unresolved plural common noun given a group participant of that name, and the
    participants added for them (an existing participant of the same name is reused)."""
    speakers = NewSpeakers(participants)
    out = []
    for statement in statements:
        unresolved = statement.speaker is None and (described or statement.reported_by)
        name = None
        if unresolved:
            name = _described_group(doc, statement.source) if described else _group_name(doc, statement.source)
        if name is not None:
            statement = attrs.evolve(statement, speaker=speakers.named(name, "group", statement.source))
        out.append(statement)
    return out, list(speakers.added.values())


def _group_name(doc: Doc, source: Span | None) -> str | None:
    """The name of the group a source names, from its head noun and the words before it that are not
    articles, quantifiers or possessives ("all our road engineers" → "road engineers"), or ``None``
    when its head is no plural common noun or noun for a group ("the party leadership")."""
    span = doc.char_span(source.start, source.end, alignment_mode="expand") if source is not None else None
    if span is None:
        return None
    root = _antecedent(span.root)
    if (root.tag_ not in _PLURAL and root.lower_ not in _COLLECTIVE) or root.ent_type_ or root.lower_ in _STAND_INS:
        return None
    words = [t for t in root.subtree if t.i <= root.i]
    cut = [t for t in words if t.lower_ in _NOT_NAME or t.tag_ in {"CD", "PRP$"}
           or (t.is_punct and t.tag_ != "HYPH")]  # a hyphen joins a name's words: "left-wing groups"
    start = max((t.i + 1 for t in cut), default=words[0].i)
    return doc[start : root.i + 1].text if start <= root.i else None


def _described_group(doc: Doc, source: Span | None) -> str | None:
    """The group a news report's source describes, named by its words from the first that is no
    article or possessive to its head noun ("Several experts", "Other leaders", "companies"), or
    ``None`` when the source names someone ("analysts at the Tax Office" are the office's), is a
    pronoun (its antecedent is the resolver's), or has no plural common noun for its head."""
    span = doc.char_span(source.start, source.end, alignment_mode="expand") if source is not None else None
    if span is None or any(t.pos_ == "PROPN" or t.ent_type_ for t in span):
        return None
    root = span.root
    if root.tag_ not in _PLURAL or root.pos_ != "NOUN" or root.lower_ in _STAND_INS or not _people(root):
        return None
    words = [t for t in root.subtree if t.i <= root.i]
    cut = [t for t in words if t.lower_ in _ARTICLES or t.tag_ in {"PRP$", "WP$"} or (t.is_punct and t.tag_ != "HYPH")]
    start = max((t.i + 1 for t in cut), default=words[0].i)
    return doc[start : root.i + 1].text if start <= root.i else None


def _people(noun: Token) -> bool:
    """Whether a plural noun can denote people or organisations, so that it may speak: a title
    ("officials"), a party's word, a kind of organisation ("companies"), a noun for people, or a
    plural with an ending for people ("economists"); "federal statistics" or "many cases" cannot."""
    word = noun.lower_
    return (word in _PEOPLE or word.endswith(_PEOPLE_ENDINGS) or lexicon().is_title_head(noun.lemma_)
            or bool(lexicon().party(noun.text) or noun_types(noun.lemma_)))


def _antecedent(token: Token) -> Token:
    """The noun a relative pronoun stands for, the head of the phrase the clause follows ("leaders
    in both towns who say": "leaders"); the noun a plural pronoun stands for (:func:`_plural_antecedent`),
    also in a partitive ("some of them"); else the token."""
    partitive = [p for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                 if p.dep_ == "pobj" and p.lower_ in _PLURAL_PRONOUNS]
    if partitive or token.lower_ in _PLURAL_PRONOUNS:
        return _plural_antecedent(partitive[0] if partitive else token) or token
    if token.tag_ not in _RELATIVE or token.head.dep_ != "relcl":
        return token
    noun = token.head.head
    while noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ in {"NOUN", "PROPN"}:
        noun = noun.head.head
    return noun


def _plural_antecedent(pronoun: Token) -> Token | None:
    """The plural common noun a "they" or "them" stands for within its sentence: a subject before
    it ("nurses in the wards have worked all night, and they say …"), else the last plural noun
    before it ("the thing about these engineers is some of them tell us …"); ``None`` without one."""
    before = [t for t in pronoun.sent if t.i < pronoun.i and t.tag_ in _PLURAL and t.dep_ not in _MEASURES
              and t.lower_ not in _STAND_INS]
    subjects = [t for t in before if t.dep_ in {"nsubj", "nsubjpass"}]
    return (subjects or before or [None])[-1]
