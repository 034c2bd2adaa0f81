"""Descriptions as sources, resolved to the participant they describe: "the newspaper" (an
organisation of that kind named before), "her campaign" (the owner's campaign), "the report" and "the
researchers" (its issuer), "the data" (the body that spoke just before), "the state" (the state named
just before), "the former governor" (the person whose title fits), "the woman" (the nearest woman),
"both senators" (a group of the people meant). Each rule answers with a confidence, lower for the
looser ones; ``None`` when no rule applies."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..model import Participant, Span
from ..participants.countries import country, region_country
from ..participants.gender import word_gender
from ..participants.lexicon import lexicon
from ..participants.names import slug, unique_id
from ..participants.org_types import name_type, noun_types

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from .resolve import Resolver

__all__ = ["DOCUMENTS", "describe"]

# People who act for someone: "his aides said" means his campaign (or him).
_STAFF = {"aide", "surrogate", "operative", "staff", "adviser", "advisor", "spokesman", "spokeswoman",
          "spokesperson", "team", "camp", "ally", "official"}
# Bodies someone heads: "his administration" is "<Name> administration".
_OWNED = {"campaign", "administration", "government", "office"}
# Things that speak for their issuer: "the report says", "according to the poll".
DOCUMENTS = {"report", "study", "poll", "survey", "ad", "advertisement", "clip", "video", "spot", "commercial",
              "statement", "filing", "letter", "memo", "ruling", "decision", "lawsuit", "complaint", "book",
              "memoir", "account", "analysis", "release", "piece", "article", "editorial", "column", "brief",
              "submission", "document", "paper", "post", "tweet", "finding", "findings", "data", "slide", "website",
              "site", "page", "message", "email", "note", "order", "opinion", "verdict", "forecast", "plan",
              "feature", "story", "profile", "investigation", "op-ed"}
_KINDRED = ({"ad", "advertisement", "clip", "video", "spot", "commercial"}, {"report", "study", "analysis", "finding",
            "findings", "paper", "survey"}, {"poll", "survey"}, {"book", "memoir", "account"}, {"ruling", "decision",
            "opinion", "verdict", "order"}, {"statement", "release"}, {"piece", "article", "feature", "story", "profile",
            "column", "editorial", "op-ed", "investigation"})
# Those who wrote a document, who speak for its issuer: "the researchers found".
_AUTHORS = {"author", "researcher", "pollster"}
# Numbers someone gave: "the data", "the figures" are those of the body that spoke just before
# ("datum": the parser's lemma of "data").
_DATA = {"datum", "data", "figure", "number", "statistic"}
_PLURAL_WORDS = {"both", "two", "each", "three"}
_DEFINITE = {"the", "this", "that"}
# Nouns that mean a place named just before, each with how to tell a place of its kind ("in Ohio,
# the state said": Ohio; "the country" is a country, "the state" a state or province).
_PLACES = {"state": region_country, "country": country, "nation": country}
_BARE = {"police"}  # organisation nouns used without an article: "police said"
# Documents that only a kind of body issues: "the ruling" is a court's.
_ISSUED_BY = {"ruling": "court", "verdict": "court", "opinion": "court", "order": "court", "decision": "court"}
# Nouns by which someone's possessive means another person: "his attorney", "her ex".
_RELATIONS = {"attorney", "lawyer", "counsel", "doctor", "physician", "ex", "ex-wife", "ex-husband", "partner",
              "friend", "colleague", "boss", "rival", "opponent", "successor", "predecessor", "client", "employer",
              "assistant", "deputy", "running", "mate", "child", "parent", "family", "relative", "neighbor",
              "neighbour", "supporter", "critic", "biographer", "agent", "publicist", "representative"}
# Role nouns and the titles that hold them: "the judge" may be titled Justice.
_ROLE_SYNONYMS = {"judge": {"justice"}, "justice": {"judge"}, "attorney": {"lawyer", "counsel"},
                  "lawyer": {"attorney", "counsel"}, "nominee": {"candidate"}, "candidate": {"nominee"},
                  "lawmaker": {"senator", "representative", "congressman", "congresswoman", "legislator"},
                  "legislator": {"senator", "representative", "congressman", "congresswoman", "lawmaker"},
                  "chief": {"chairman", "chairwoman", "director", "head"}}


def describe(resolver: Resolver, token: Token, start: int) -> tuple[str | None, float] | None:
    """The participant the description headed by ``token`` at ``start`` refers to, or ``None``
    when no rule fits."""
    lemma = token.lemma_.lower()
    possessor = next((c for c in token.children if c.dep_ == "poss"), None)
    if possessor is not None:
        return _possessed(resolver, token, possessor)
    modifiers = {c.lower_ for c in token.children if c.dep_ in {"compound", "nmod", "amod"}}
    if lemma in _STAFF and modifiers & {"campaign", "administration", "party"}:
        # "campaign aides", "administration officials": the body of that name mentioned last.
        bodies = modifiers & {"campaign", "administration", "party"}
        found = resolver.nearest(start, lambda p: p.kind == "organization" and bool(bodies & set(p.name.lower().split())))
        found = found or next(filter(None, (_named_body(resolver, start, b) for b in sorted(bodies))), None)
        return (found, 0.6) if found else None
    counted = {c.lower_ for c in token.children} & _PLURAL_WORDS or lemma in _PLURAL_WORDS
    if counted or (token.tag_ == "NNS" and lexicon().is_title_head(lemma)):
        group = _plural(resolver, token, start)
        if group is not None:
            return group
    if lemma in DOCUMENTS or lemma in _AUTHORS:
        issuer = _issuer(resolver, token, start)
        if issuer is None and lemma in _ISSUED_BY:
            issuer = resolver.nearest(start, lambda p: p.org_type == _ISSUED_BY[lemma], window=None)
            issuer = issuer or _unnamed_issuer(resolver, start, _ISSUED_BY[lemma])
        if issuer is not None:
            return issuer, 0.5
    definite = _definite(token)
    if lemma in _DATA and definite:
        # "The Center said that …. According to the data, …": the body that spoke just before
        issuer = _last_body_speaking(resolver, start)
        if issuer is not None:
            return issuer, 0.4
    if lemma in _PLACES and definite and token.tag_ == "NN":
        found = _place(resolver, token, lemma, start)
        if found is not None:
            return found
    if (noun_types(lemma) or lemma in _OWNED) and (token.tag_ == "NN" and definite or lemma in _BARE):
        found = _organization(resolver, token, lemma, start)
        if found is not None:
            return found
    return None if token.tag_ == "NNS" else _person(resolver, token, start)  # "lawmakers" is not one of them


def _possessed(resolver: Resolver, token: Token, possessor: Token) -> tuple[str | None, float] | None:
    """"her campaign", "the senator's office", "his aides", "her statement"."""
    owner, sure = resolver.resolve((possessor.left_edge.idx, possessor.idx + len(possessor)), possessor.i)
    if owner is None:
        return None
    person = resolver.by_id[owner]
    lemma = token.lemma_.lower()
    if person.kind != "person":
        return (owner, min(sure, 0.7)) if lemma in DOCUMENTS or lemma in _STAFF or noun_types(lemma) else None
    if lemma in _OWNED or lemma in _STAFF:
        body = _body(resolver, person, "campaign" if lemma in _STAFF else lemma,
                     token.doc[possessor.i : token.i + 1] if lemma in _OWNED else None)
        return (body, min(sure, 0.7)) if body else (owner, min(sure, 0.6))
    if lemma in DOCUMENTS:
        return owner, min(sure, 0.7)
    if lemma in _RELATIONS or word_gender(lemma) or lexicon().is_title_head(lemma):
        return _person(resolver, token, token.idx)  # "his attorney": the person whose title says so
    return owner, min(sure, 0.6)  # "his best response", "her view": the owner's own words


def _body(resolver: Resolver, person: Participant, noun: str, span: SpacySpan | None) -> str | None:
    """The "<Surname> campaign" or "<Surname> administration" participant of ``person``; made
    (mentioned at ``span``) when there is none and a span is given."""
    surname = person.name.split()[-1]
    name = f"{surname} {noun}"
    for p in resolver.participants:
        if p.kind == "organization" and p.name.lower() == name.lower():
            return p.id
    if span is None:
        return None
    return _new_body(resolver, name, span, "campaign" if noun == "campaign" else "government")


def _new_body(
    resolver: Resolver, name: str, span: SpacySpan, org_type: str | None, affiliation: str | None = None
) -> str:
    """A new organisation participant, speaking, mentioned at ``span``: a body the text refers to
    but never names ("his campaign", "the Saudi government", "police")."""
    made = Participant(
        id=unique_id(slug(name), set(resolver.by_id)), name=name, kind="organization", role="speaker",
        affiliation=affiliation, mentions=(Span.from_span(span),), org_type=org_type,
    )
    return resolver.add(made)


def _named_body(resolver: Resolver, start: int, noun: str) -> str | None:
    """For "administration officials": the body named before as "the <Name> administration"."""
    first = resolver.discourse.sentence_starts[max(0, resolver.discourse.sentence(start) - 12)]
    for earlier in reversed(resolver.doc.char_span(first, start, alignment_mode="contract") or []):
        if earlier.lower_ == noun:
            for name in (c for c in earlier.children if c.dep_ in {"compound", "poss"} and c.pos_ == "PROPN"):
                owner = resolver.at(name.idx)
                if owner is not None and resolver.by_id[owner].kind == "person":
                    return _body(resolver, resolver.by_id[owner], noun, earlier.doc[name.i : earlier.i + 1])
    return None


def _issuer(resolver: Resolver, token: Token, start: int) -> str | None:
    """Who issued the document a source names: the name on an earlier mention of it ("a Brand
    poll", "the agency's report", "a report by the Institute", "the Council issued a statement")."""
    lemma = token.lemma_.lower()
    # "the researchers": the authors of the document named last, of whatever kind
    kin = DOCUMENTS if lemma in _AUTHORS else {lemma}.union(*(k for k in _KINDRED if lemma in k))
    doc = token.doc
    if token.dep_ == "pobj" and token.head.lower_ == "in" and token.head.head.pos_ == "VERB":
        # "In a statement, the Council said": the subject of the verb the document is in
        subject = next((c for c in token.head.head.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            found, _ = resolver.resolve((subject.left_edge.idx, subject.idx + len(subject)), subject.i)
            if found is not None:
                return found
    # "the report", "this finding" refer back to it however long ago it was named; "a report", the last ones
    definite = _definite(token)
    discourse = resolver.discourse
    first = 0 if definite else discourse.sentence_starts[max(0, discourse.sentence(start) - 12)]
    for earlier in reversed(doc.char_span(first, start, alignment_mode="contract") or []):
        found = _named_issuer(resolver, earlier, kin)
        if found is not None:
            return found
    if not any(c.dep_ in {"det", "nummod"} and c.lower_ in {"a", "an", "one", "another"} for c in token.children):
        return None
    # "A new poll shows …. The latest Brand poll finds …": a document introduced, then named
    sentence, starts = discourse.sentence(start), discourse.sentence_starts
    last = starts[sentence + 4] if sentence + 4 < len(starts) else len(resolver.text)
    later = doc.char_span(token.idx + len(token), last, alignment_mode="contract") or []
    return next(filter(None, (_named_issuer(resolver, t, kin) for t in later)), None)


def _definite(token: Token) -> bool:
    """Whether a noun has a definite determiner ("the report", "this finding")."""
    return any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in token.children)


def _named_issuer(resolver: Resolver, mention: Token, kin: set[str]) -> str | None:
    """The issuer named on ``mention`` if it is a document of the ``kin`` kinds: "a Brand poll",
    "a report by X", "X issued a statement", "the authors of the report, which include X"."""
    if mention.lemma_.lower() not in kin:
        return None
    # a place before it says what it is about, not who issued it: "a Nevada poll", "the US jobs report"
    names = [c for c in mention.children if c.dep_ in {"poss", "compound", "nmod"} and c.pos_ == "PROPN"
             and not (c.dep_ != "poss" and c.ent_type_ in {"GPE", "LOC"})]
    names += [g for c in mention.children if c.dep_ == "prep" and c.lower_ in {"by", "from"} for g in c.children
              if g.dep_ == "pobj"]
    if mention.dep_ == "pobj" and mention.head.lower_ == "of" and mention.head.head.lemma_.lower() in _AUTHORS:
        # "the authors of the report, which include the Institute": whom the clause names
        names += [o for c in mention.head.head.children if c.dep_ == "relcl" for o in c.children
                  if o.dep_ in {"dobj", "attr"}]
    if mention.dep_ in {"dobj", "pobj"} and mention.head.pos_ == "VERB":
        names += [c for c in mention.head.children if c.dep_ == "nsubj"]
    for name in names:
        # any word of the name ("Reuters" of "a Reuters/Ipsos poll")
        found = resolver.at(name.idx) or next(filter(None, (resolver.at(t.idx) for t in name.subtree)), None)
        if found is not None:
            return found
        if name.pos_ == "PROPN" and name.ent_type_ in {"ORG", "PERSON", "GPE", "NORP"}:
            found, _ = resolver.resolve((name.left_edge.idx, name.idx + len(name)), name.i)
            return found
    return None


def _last_body_speaking(resolver: Resolver, start: int) -> str | None:
    """The organisation that is the speaker of the statement last before ``start``, if its source
    is in the same sentence or the one before."""
    said = next(((at, pid) for at, pid in reversed(resolver.speakers) if at < start), None)
    if said is None or resolver.discourse.sentence(start) - resolver.discourse.sentence(said[0]) > 1:
        return None
    return said[1] if resolver.by_id[said[1]].kind == "organization" else None


def _unnamed_issuer(resolver: Resolver, start: int, kind: str) -> str | None:
    """For "the ruling" with no court among the participants: the last body of that kind the
    text names in the sentences before ("the Court of Appeals … the ruling")."""
    first = resolver.discourse.sentence_starts[max(0, resolver.discourse.sentence(start) - 12)]
    span = resolver.doc.char_span(first, start, alignment_mode="contract")
    ents = [e for e in (span.ents if span is not None else ()) if e.label_ == "ORG" and name_type(e.text) == kind]
    if not ents:
        return None
    found, _ = resolver.resolve((ents[-1].start_char, ents[-1].end_char), ents[-1].root.i)
    return found


def _organization(resolver: Resolver, token: Token, lemma: str, start: int) -> tuple[str | None, float] | None:
    """"the campaign" (the campaign of the person the text is about), "the fund" (an organisation
    with Fund in its name), "the newspaper" (the media named last)."""
    for modifier in token.children:
        # "the Saudi government", "the Mexican embassy": the country as an organisation, made
        # for a government no one named ("members of the Saudi government, which denied …")
        place = country(modifier.text) if modifier.dep_ in {"amod", "compound", "nmod"} else None
        found = place and resolver.nearest(start, lambda p, place=place: p.kind == "organization" and p.name == place,
                                           window=None)
        if found:
            return found, 0.7
        if place and lemma in {"government", "regime", "administration"}:
            span = token.doc[min(modifier.i, token.i) : token.i + 1]
            return _new_body(resolver, place, span, "government", place), 0.7
    if lemma == "campaign":
        # the campaign of the person the passage is about, however long ago it was named
        owner, _ = resolver.antecedent(start, {"person"})
        if owner is not None:
            found = _body(resolver, resolver.by_id[owner], "campaign", token.doc[token.left_edge.i : token.i + 1])
            if found:
                return found, 0.7
    kinds = noun_types(lemma) or {"government"}
    words = {lemma} | {c.lower_ for c in token.children if c.dep_ == "compound"}
    def named(p: Participant) -> bool:
        return p.kind == "organization" and lemma in p.name.lower().split()
    def typed(p: Participant) -> bool:
        return p.kind == "organization" and p.org_type in kinds
    def all_named(p: Participant) -> bool:
        return p.kind == "organization" and words <= set(p.name.lower().split())
    found = len(words) > 1 and resolver.nearest(start, all_named, window=None)
    if found:
        return found, 0.8  # "the budget office": the Budget Office however long ago
    # one with the noun in its name, then one of the kind, in the last paragraphs before anywhere
    # before: "the network" is the channel named lately, not a Network named pages back
    for anywhere in (False, True):
        for fits, sure in ((named, 0.8), (typed, 0.7)):
            found = resolver.nearest(start, fits, window=None) if anywhere else resolver.nearest(start, fits)
            if found:
                return found, sure
    if lemma in _BARE:
        # "police said", no force named: the local force, one participant for all its mentions
        found = next((p.id for p in resolver.participants if p.kind == "organization" and p.name.lower() == lemma),
                     None)
        kind = min(noun_types(lemma), default=None)
        return found or _new_body(resolver, lemma, token.doc[token.i : token.i + 1], kind), 0.5
    found = resolver.nearest(start, lambda p: p.kind == "organization" and p.org_type is None)
    if found:
        return found, 0.4
    return _unlisted_organization(resolver, start, lemma, kinds)


def _unlisted_organization(
    resolver: Resolver, start: int, noun: str, kinds: frozenset[str]
) -> tuple[str | None, float] | None:
    """An organisation named in the sentences before that no participant holds ("in the Acme
    scandal … the bank said"): the nearest one with the noun in its name, else whose name fits
    the kind, else the nearest."""
    doc = resolver.doc
    first = resolver.discourse.sentence_starts[max(0, resolver.discourse.sentence(start) - 3)]
    span = doc.char_span(first, start, alignment_mode="contract")
    ents = [e for e in (span.ents if span is not None else ()) if e.label_ == "ORG"]
    if not ents:
        return None
    fitting = [e for e in ents if noun in e.text.lower().split()]  # "the commission": the Commission on …
    fitting = fitting or [e for e in ents if name_type(e.text) in kinds] or ([ents[-1]] if len(kinds) > 1 else [])
    if not fitting:
        fitting = [e for e in ents if name_type(e.text) is None]
    if not fitting:
        return None
    found, _ = resolver.resolve((fitting[-1].start_char, fitting[-1].end_char), fitting[-1].root.i)
    return found, 0.4


def _person(resolver: Resolver, token: Token, start: int) -> tuple[str | None, float] | None:
    """"the former governor", "the Republican nominee": the nearest person whose title has the
    noun and whose party fits; "the woman": the nearest woman."""
    lemma = token.lemma_.lower()
    if any(c.dep_ == "det" and c.lower_ in {"a", "an", "another"} for c in token.children):
        return None  # "a spokesman said": someone not named before
    gender = word_gender(_last_part(token))
    if gender:
        found, sure = resolver.antecedent(start, {"person"}, gender)
        return (found, min(sure, 0.6)) if found else None
    parties = {lexicon().party(c.text) for c in token.children} - {None}
    names = {lemma, *_ROLE_SYNONYMS.get(lemma, ())}
    def fits(p: Participant) -> bool:
        return p.kind == "person" and bool(names & _role_words(p.title)) and (not parties or p.party in parties)
    found = resolver.nearest(start, fits)
    return (found, 0.6) if found else None


def _last_part(token: Token) -> str:
    """The last part of the hyphenated word ``token`` begins ("ex-wife": wife), else the token, in
    lower case: the parser splits such a word and heads it by its first part."""
    doc, end = token.doc, token.i
    while end + 2 < len(doc) and not doc[end].whitespace_ and doc[end + 1].text == "-" and not doc[end + 1].whitespace_:
        end += 2
    return doc[end].lower_


def _role_words(title: str | None) -> set[str]:
    """The words of a title that name the role, not what it is the role of: "Secretary of State"
    is a secretary, no state; "Governor of Ohio" a governor."""
    return set(re.split(r"\s+(?:of|for)\s+", (title or "").lower())[0].split())


def _place(resolver: Resolver, token: Token, lemma: str, start: int) -> tuple[str | None, float] | None:
    """"the state", "the country": the place of that kind the text names last in this sentence or
    the one before ("the election in Ohio, when the state said"), its government made a
    participant when none is."""
    discourse = resolver.discourse
    first = discourse.sentence_starts[max(0, discourse.sentence(start) - 1)]
    span = resolver.doc.char_span(first, start, alignment_mode="contract")
    places = [e for e in (resolver.entities_in(span) if span is not None else ()) if e.label_ == "GPE"]
    place = next((e for e in reversed(places) if _PLACES[lemma](e.text)), None)
    if place is None:
        return None
    name = " ".join(t.text for t in place if t.lower_ != "the")
    affiliation = _PLACES[lemma](place.text)
    def same(p: Participant) -> bool:  # a country by any of its names ("U.S.", "United States")
        return p.kind == "organization" and (p.name == name or lemma != "state" and country(p.name) == affiliation)
    found = resolver.nearest(start, same, window=None)
    return found or _new_body(resolver, name, place, "government", affiliation), 0.6


def _plural(resolver: Resolver, token: Token, start: int) -> tuple[str | None, float] | None:
    """"both senators", "the two officials", "they each": the group of the people named together
    before; "senators" (or any of these) the people whose title has the noun."""
    lemma = token.lemma_.lower()
    counted = {c.lower_ for c in token.children} & _PLURAL_WORDS or lemma in _PLURAL_WORDS
    # "both officials" are the people named together; a bare plural ("Lawmakers said") only
    # people whose titles have the noun
    group = resolver.group_before(start) if counted else None
    if group is not None:
        return group, 0.6
    people = resolver.all_nearest(start, lambda p: p.kind == "person" and lemma in _role_words(p.title))
    if len(people) >= 2:
        return resolver.group(people[:2] if {c.lower_ for c in token.children} & {"both", "two"} else people, None), 0.5
    return None
