"""Titles around a name: before it ("DHS Secretary John Kelly", "Mexico's Foreign Minister Luis
Videgaray", "Republican vice-presidential nominee Gov. Mike Pence") and in an appositive after it
("Luis Videgaray, Mexico's foreign minister,", "Mara Quinn, chief counsel for the Republican
National Committee,"), split into the title itself and the organisation, country and party that
qualify it."""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs
from attrs import frozen

from .countries import country, region_country
from .lexicon import lexicon
from .names import is_acronym
from .parties import party_of_tokens

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span as SpacySpan, Token

__all__ = ["Title", "description_title", "organization_after", "title_after", "title_apposed", "title_before"]

_JOINERS = {"of", "the", "and", "&", "for", "on"}
_PREPOSITIONS = {"of", "for", "at", "to", "on", "in", "with", "from"}
_DETERMINERS = {"the", "a", "an"}
_RELATIVES = {"who", "whose", "whom", "which", "that", "where", "when"}
_POSSESSIVE = {"'s", "’s", "'", "’"}
_QUALIFIER_LABELS = {"ORG", "GPE", "NORP", "PERSON"}
_ORG_LABELS = {"ORG", "FAC", "WORK_OF_ART", "PRODUCT"}
# Nouns that relate a person to another or say nothing of a role ("her opponent", "a voter"): no title.
_KIN = {"wife", "husband", "daughter", "son", "mother", "father", "brother", "sister", "widow", "widower", "child",
        "grandson", "granddaughter", "niece", "nephew", "cousin", "friend", "girlfriend", "boyfriend", "fiancee", "fiance",
        "opponent", "rival", "ally", "supporter", "critic", "successor", "predecessor", "colleague", "counterpart",
        "man", "woman", "person", "resident", "native", "voter", "citizen", "mom", "dad", "year", "time"}
# Titles of people elected by a state or province, and the preposition that joins it: "the senator
# from Ohio", "the Governor of Ohio".
_REGIONAL = {"Senator": "from", "Representative": "from", "Congressman": "from", "Congresswoman": "from", "Premier": "of",
             "Delegate": "from", "Governor": "of", "Lieutenant Governor": "of", "Attorney General": "of"}
# Words that mark a title as no longer held: "former Gov. Ed Rendell", "ex-Senator", "the late".
_PAST = {"former", "ex", "ex-", "then", "then-", "late", "retired", "onetime", "one-time"}
# Words that mark a title as not held yet: "the would-be senator".
_UNHELD = {"potential", "prospective", "possible", "future", "would-be", "hopeful", "aspiring"}
# What opens a speaker's own introduction: "I'm Jane Roe with ...", "This is John Doe from ...".
_INTRODUCTIONS = ({"i", "'m"}, {"i", "’m"}, {"i", "am"}, {"this", "is"}, {"name", "is"})


@frozen
class Title:
    """A title as found: ``title`` (abbreviations spelt out, normalised when known), the
    ``organization``, ``affiliation`` (country) and ``party`` its qualifiers name, and the tokens
    it spans."""

    title: str | None
    organization: str | None
    affiliation: str | None
    party: str | None
    start: int
    end: int
    region: str | None = attrs.field(default=None, kw_only=True)  # a state or province: "Ohio"

    @property
    def past(self) -> bool:
        """Whether the title is one no longer held ("Former President")."""
        first = (self.title or "").split()[:1]
        return bool(first) and first[0].lower() in _PAST

    def full_title(self) -> str | None:
        """The title with the state or province it is held for: "Senator from Ohio"."""
        if not (self.title and self.region) or self.region in self.title:
            return self.title
        joiner = next((p for head, p in _REGIONAL.items() if self.title.endswith(head)), None)
        return f"{self.title} {joiner} {self.region}" if joiner else self.title

    def filled_from(self, other: Title | None) -> Title:
        """This title, with what it lacks taken from ``other`` (a title found nearby)."""
        if other is None:
            return self
        return attrs.evolve(
            self,
            title=self.title or other.title,
            organization=self.organization or other.organization,
            affiliation=self.affiliation or other.affiliation,
            party=self.party or other.party,
            start=min(self.start, other.start),
            region=self.region or other.region,
        )


def _is_qualifier(token: Token) -> bool:
    text = token.text
    return (
        token.ent_type_ in _QUALIFIER_LABELS
        or text in _POSSESSIVE
        or (text.isupper() and len(text.strip(".")) >= 2)
        or text == "U.S."
        or (text[:1].isupper() and lexicon().organization(text) is not None)  # "Fed Chair"
    )


def _titlecase(words: list[str]) -> str:
    cased = [w if w.isupper() or w in _JOINERS or w.endswith(".") or w == "-" else w[:1].upper() + w[1:] for w in words]
    return " ".join(cased).replace(" - ", "-")


def _text(tokens: list[Token]) -> str:
    """The text the tokens cover, as written ("Obama's", "Jean-Marc")."""
    return tokens[0].doc[tokens[0].i : tokens[-1].i + 1].text if tokens else ""


def _campaign(tokens: list[Token]) -> str | None:
    """"Clinton campaign", "Hillary Clinton's campaign": the campaign of the person named."""
    for k, token in enumerate(tokens[:-1]):
        following = tokens[k + 1]
        if following.text in _POSSESSIVE and k + 2 < len(tokens):
            following = tokens[k + 2]
        if token.ent_type_ == "PERSON" and following.lower_ in {"campaign", "campaigns"}:
            return f"{token.text} campaign"
    return None


def _complements(tokens: list[Token]) -> list[tuple[str, list[Token]]]:
    """The prepositional phrases after a title's head: ``[(preposition, tokens), ...]``; a
    preposition inside a named entity ("Institute for Policy Integrity") does not start one."""
    found: list[tuple[str, list[Token]]] = []
    for token in tokens:
        if token.lower_ in _PREPOSITIONS and token.ent_iob_ != "I":
            found.append((token.lower_, []))
        elif found:
            found[-1][1].append(token)
    return [(prep, words) for prep, words in found if any(t.lower_ not in _DETERMINERS for t in words)]


def _read_complements(tokens: list[Token], title_words: list[str]) -> tuple[str | None, str | None, str | None]:
    """Organisation, country and state named after the head ("for the Republican National
    Committee", "of France", "from Ohio"); other "of" phrases ("of the Interior", "of State")
    extend ``title_words``."""
    lex = lexicon()
    organization = affiliation = region = None
    for number, (prep, written) in enumerate(_complements(tokens)):
        words = [t for t in written if t.lower_ not in _DETERMINERS]
        while len(words) > 1 and words[0].text.islower() and words[1].text[:1].isupper():
            words = words[1:]  # "the centrist Tax Policy Center"
        entity = bool(words) and words[0].ent_type_ in _ORG_LABELS
        if entity:  # "of the Senate Armed Services Committee for a decade": the committee
            words = words[: next((k for k in range(1, len(words)) if words[k].ent_iob_ != "I"), len(words))]
        known = None if entity else next(
            (size for size in range(min(4, len(words)), 0, -1) if lex.organization(_text(words[:size]))), None
        )
        if known:  # "of the DNC during the 2000 election", the recogniser missing the DNC: the DNC
            words = words[:known]
        text = _text(words)
        place = country(text) if all(t.ent_type_ in {"GPE", ""} for t in words) else None
        acronym = entity and words[0].text.isupper()  # "of the VOA": an organisation, not a department
        named = acronym or (any(t.ent_type_ in _ORG_LABELS for t in words) and (prep != "of" or len(words) > 1)) or (
            prep in {"for", "at", "with"} and words[0].text[:1].isupper()
        )
        department = prep == "of" and not (known or acronym) and (
            len(words) == 1 or lex.organization_of_title(_titlecase([*title_words, prep, *(t.text for t in words)]))
        )
        state = region_country(text) if prep in {"of", "from"} and all(t.ent_type_ == "GPE" for t in words) else None
        if place:
            affiliation = affiliation or place
        elif state:
            affiliation, region = affiliation or state, region or text
        elif _campaign(words) or (not department and (named or lex.organization(text))):
            organization = organization or _campaign(words) or text
        elif number == 0 and prep == "of":
            title_words += [prep, *(t.text for t in written)]
    return organization, affiliation, region


def _qualified(title: str | None, organization: str | None, affiliation: str | None, party: str | None,
               span: tuple[int, int], region: str | None = None) -> Title:
    """The title with the country and party its organisation implies, normalised for it."""
    lex = lexicon()
    if organization:
        normal = lex.organization_titles.get((organization.lower(), (title or "").lower()))
        known = lex.organization_within(organization)
        holder = lex.organization_of_title(normal) if normal and known is None else None
        holder = holder or (_department(organization) if known is None else None)
        if holder and affiliation in (None, country(holder[1].get("country") or "")):
            # a department by its short form ("Defense Secretary", "Veterans Affairs Secretary") or
            # its initials: the department, and the title it names for the head
            organization, known = holder[0], holder
        if known and not normal:  # "HUD Secretary": the head's title the lexicon gives the department
            normal = next((t for t in known[1].get("titles", ()) if t.startswith(f"{title} of ")), None)
        title = normal or title
        if known:
            affiliation = affiliation or (country(known[1]["country"]) if known[1].get("country") else None)
            party = party or known[1].get("party")
        party = party or next((lex.party(w) for w in organization.split() if lex.party(w)), None)
    return Title(title, organization, affiliation, party, *span, region=region)


def _department(written: str) -> tuple[str, dict] | None:
    """The government department the lexicon knows that ``written`` names by its short form
    ("Health and Human Services" for the Department of Health and Human Services) or by the
    initials of that form ("VA" for Veterans Affairs)."""
    lex = lexicon()
    for key, record in lex.organizations.items():
        if not record.get("titles") or not record["name"].startswith("Department of "):
            continue
        short = record["name"].removeprefix("Department of ").removeprefix("the ")
        if written.lower() == short.lower() or is_acronym(written, short):
            return key, record
    return None


def _head_noun(tokens: list[Token]) -> int | None:
    """The head of an appositive that names a role the lexicon lacks ("a physicist who ..."): its
    last singular common noun before any preposition, unless it names kin."""
    found = None
    for k, token in enumerate(tokens):
        if token.lower_ in _PREPOSITIONS:
            break
        possessor = k + 1 < len(tokens) and tokens[k + 1].text in _POSSESSIVE
        if token.tag_ == "NN" and token.lower_ not in _KIN and not possessor:
            found = k
    return found


def _parse(tokens: list[Token], *, any_head: bool = False) -> Title | None:
    """Read ``[qualifiers] [modifiers] HEAD [of Complement] [for|at Organisation]`` from tokens in
    text order.

    The head is the last title head ("Minister", "Secretary") before any complement; the words before
    it that belong to no entity are modifiers ("Foreign", "Fisheries"), and from the first entity,
    possessive or acronym leftwards they are qualifiers naming the country ("Mexico's", "Canadian"),
    the organisation ("DHS", "Environment Canada") or a campaign ("Clinton campaign manager"). Party
    words ("Republican", "GOP") anywhere outside an organisation's name give the party. With
    ``any_head``, a role noun the lexicon lacks may head the title (see :func:`_head_noun`); without
    a head, a possessive organisation ("NBC's") or a party is all there is."""
    lex = lexicon()
    if not tokens:
        return None
    span = (tokens[0].i, tokens[-1].i + 1)
    party, tokens = party_of_tokens(tokens)
    heads = [k for k, t in enumerate(tokens) if lex.is_title_head(t.text) and t.text not in _JOINERS]
    if not heads and any_head:
        heads = [k for k in (_head_noun(tokens),) if k is not None]
    if not heads:
        owner = [t for t in tokens if t.text[:1].isupper() and t.ent_type_ not in {"PERSON", "GPE", "NORP"}]
        organization = _text(owner) if owner and tokens[-1].text in _POSSESSIVE else None
        return _qualified(None, organization, None, party, span) if party or organization else None
    stop = next((k for k in range(heads[0] + 1, len(tokens)) if tokens[k].lower_ in _PREPOSITIONS), len(tokens))
    head = max(k for k in heads if k < stop)
    start = head
    while start > 0:
        token = tokens[start - 1]
        if _is_qualifier(token) and f"{token.lower_} {tokens[start].lower_}" not in lex.title_phrases:
            break  # "DHS Secretary"; but "Surgeon General" is one title, whatever the recogniser says
        if token.text == "-" and start > 1 and lex.is_title_word(tokens[start - 2].text):
            start -= 1
        elif token.text[:1].isupper() or lex.is_title_word(token.text):
            start -= 1
        else:
            break
    first_title = start
    while start > 0 and (_is_qualifier(tokens[start - 1]) or tokens[start - 1].text[:1].isupper()):
        start -= 1
    qualifiers = [t for t in tokens[start:first_title] if t.text not in _POSSESSIVE]
    words = [t.text for t in tokens[first_title : head + 1]]
    organization, affiliation, region = _read_complements(tokens[head + 1 :], words)
    places = [t for t in qualifiers if t.ent_type_ in {"GPE", "NORP"} or country(t.text)]
    if places:
        named = " ".join(t.text for t in places)
        state = None if country(named) or country(places[0].text) else region_country(named)
        region = region or (named if state else None)  # "Ohio Gov. John Kasich"
        affiliation = country(named) or country(places[0].text) or state or affiliation
    campaign = _campaign(tokens[start : head + 1])
    others = [t for t in qualifiers if (t not in places or t.ent_type_ == "ORG") and t.ent_type_ != "PERSON"]
    if campaign:
        organization = campaign
    elif others:
        organization = _text([t for t in qualifiers if t.ent_type_ != "PERSON"])
    title = lex.expand(_titlecase(words))
    if title in lex.courtesy_titles:
        title = None
    if organization is None and not qualifiers and title:
        holder = lex.organization_of_title(title)
        if holder:
            organization, record = holder
            affiliation = affiliation or (country(record["country"]) if record.get("country") else None)
    return _qualified(title, organization, affiliation, party, span, region)


def title_before(name: SpacySpan) -> Title | None:
    """The title written right before ``name`` in the same sentence, if any. Stacked titles
    ("Republican vice-presidential nominee Gov. Mike Pence") give the nearest one, qualified by
    what the farther one says (the party)."""
    lex = lexicon()
    doc, sent_start = name.doc, name.sent.start
    tokens: list[Token] = []
    any_head = False
    for i in range(name.start - 1, sent_start - 1, -1):
        token, text = doc[i], doc[i].text
        capitalised = text[:1].isupper()
        if lex.is_title_word(text) and (capitalised or text.endswith(".") or tokens or lex.is_title_head(text)):
            tokens.insert(0, token)
        elif not tokens and token.tag_ == "NN" and text.islower() and i + 1 == name.start and (
            token.dep_ in {"compound", "nmod", "amod"} and name.start <= token.head.i < name.end
        ):
            tokens.insert(0, token)  # a role the lexicon lacks: "neurosurgeon Ben Carson", "GOP rival Ted Cruz"
            any_head = True
        elif text in _JOINERS and any(t.text[:1].isupper() for t in tokens[:3]):
            tokens.insert(0, token)
        elif text == "-" and tokens and not token.whitespace_ and i > sent_start and not doc[i - 1].whitespace_:
            tokens.insert(0, token)  # "vice-presidential"
        elif token.ent_type_ == "PERSON" and tokens and (
            tokens[0].lower_ == "campaign" or tokens[0].text in _POSSESSIVE or tokens[0].ent_iob_ == "I"
        ):
            tokens.insert(0, token)  # "Clinton campaign manager", "Hillary Clinton's spokesman"
        elif _is_qualifier(token) and token.ent_type_ != "PERSON":
            tokens.insert(0, token)
        elif capitalised and token.pos_ == "PROPN" and i > sent_start and doc[i - 1].lower_ in _JOINERS:
            tokens.insert(0, token)
        elif capitalised and len(text) > 1 and tokens and token.pos_ in {"PROPN", "NOUN", "ADJ"} and (
            token.ent_type_ != "PERSON"
        ) and (lex.is_title_word(tokens[0].text) or tokens[0].text[:1].isupper()) and not token.is_sent_start:
            # a modifier the lexicon lacks: "Fisheries Minister"; not a transcript's "Q" before a title
            tokens.insert(0, token)
        else:
            break
    while tokens and (tokens[0].text in _JOINERS or tokens[0].text == "-"):
        tokens.pop(0)
    if not tokens:
        return None
    split = max((k for k, t in enumerate(tokens) if k > 0 and t.text in lex.honorifics and lex.is_title_head(t.text)),
                default=0)
    nearest = _parse(tokens[split:], any_head=any_head and not split)
    farther = (_parse(tokens[:split], any_head=any_head) or _place(tokens[:split])) if split else None
    if nearest is None:
        return farther
    if nearest.title and not nearest.past and any(t.lower_ in _PAST for t in tokens[:split]):
        nearest = attrs.evolve(nearest, title=f"Former {nearest.title}")  # "former Gov. Ed Rendell"
    return nearest.filled_from(attrs.evolve(farther, title=None, organization=None) if farther else None)


def _place(tokens: list[Token]) -> Title | None:
    """The country or state that words before a title name ("Ohio" in "Ohio Gov. John Kasich")."""
    places = [t for t in tokens if t.ent_type_ in {"GPE", "NORP"}]
    if not places:
        return None
    named = _text(places)
    found = country(named)
    state = None if found else region_country(named)
    if not (found or state):
        return None
    return Title(None, None, found or state, None, tokens[0].i, tokens[-1].i + 1, region=named if state else None)


def _appositive(doc: Doc, at: int) -> tuple[list[Token], bool]:
    """The tokens of the appositive opening at token ``at`` (after a comma), and whether it closes
    as an appositive does: at a comma, a parenthesis, a relative pronoun or the sentence end, not at
    a verb it would be the subject of."""
    tokens: list[Token] = []
    for token in doc[at : min(len(doc), at + 25)]:
        if token.is_sent_start and tokens:
            return tokens, True
        if token.is_punct and token.text not in _POSSESSIVE and token.text not in {"-", "&"}:
            return tokens, True
        if token.lower_ in _RELATIVES and tokens:
            return tokens, True
        if token.pos_ in {"VERB", "AUX"} and token.tag_ not in {"VBN", "VBG", "JJ"}:
            return tokens, False
        tokens.append(token)
    return tokens, False


def title_after(name: SpacySpan) -> Title | None:
    """The title in an appositive right after ``name``: "NAME, Mexico's foreign minister, ...",
    "NAME, a Democrat whose office ...", "NAME, 44, a home-care aide from Nashua, ...", "NAME, who
    was Rubio's campaign pollster, ...", "NAME, of the Sierra Club, ...", "NAME of Ohio, the panel's
    ranking Democrat, ..." (the state, which :func:`organization_after` reads, skipped)."""
    doc = name.doc
    at = name.end
    if at + 2 < len(doc) and doc[at].lower_ in {"of", "from"} and doc[at + 1].ent_type_ == "GPE":
        at += 2
        while at < len(doc) and doc[at].ent_iob_ == "I":
            at += 1
    if at >= len(doc) - 1 or doc[at].text != ",":
        return None
    at += 1
    if doc[at].like_num and at + 2 < len(doc) and doc[at + 1].text == ",":
        at += 2  # an age: "NAME, 44, ..."
    words = [t.lower_ for t in doc[at : at + 3]]
    past = False
    if words[:1] == ["who"] and len(words) > 1 and words[1] in {"is", "was"}:
        at += 2  # "NAME, who was Rubio's campaign pollster" (news tells in the past: a title held then and now)
    elif words[:1] == ["who"] and len(words) > 2 and words[1] in {"serves", "served", "works", "worked"} and words[2] == "as":
        at += 3
        past = words[1] in {"served", "worked"}  # "NAME, who served as chairman of ...": no longer
    elif words[:1] == ["now"]:
        at += 1  # "NAME, now a consultant, ...": the title held now
    tokens, closed = _appositive(doc, at)
    if not closed:
        return None
    determined = bool(tokens) and (tokens[0].lower_ in _DETERMINERS or tokens[0].tag_ == "PRP$")
    while tokens and (tokens[0].lower_ in _DETERMINERS or tokens[0].tag_ == "PRP$"):
        tokens.pop(0)
    if tokens and tokens[0].lower_ == "of" and any(t.ent_type_ in _ORG_LABELS for t in tokens):
        organization = _text([t for t in tokens[1:] if t.lower_ not in _DETERMINERS])
        return _qualified(None, organization, None, None, (tokens[0].i, tokens[-1].i + 1))  # "NAME, of the Sierra Club"
    if not tokens or tokens[0].pos_ in {"ADP", "PRON", "SCONJ", "CCONJ"} or (tokens[0].like_num and len(tokens) == 1):
        return None
    people = 0
    while people < len(tokens) and tokens[people].ent_type_ == "PERSON":
        people += 1
    if people and (people == len(tokens) or tokens[people].lower_ in {"and", "or"}):
        return None  # a list of names: "Kelly, Tillerson and ..."
    lex = lexicon()
    lead = next((k for k, t in enumerate(tokens) if not lex.is_title_word(t.text)), len(tokens))
    if 0 < lead < len(tokens) and tokens[lead].ent_type_ == "PERSON" and lex.is_title_head(tokens[lead - 1].text):
        return None  # another titled person in a list: "Speaker Roe, Leader Doe, ..."
    if len(tokens) > 1 and tokens[1].lower_ == "of" and tokens[0].lower_ in {"one", "some", "both", "all", "many"}:
        return None
    # a role the lexicon lacks only in a noun phrase that reads as one: "a physicist", "Twitter's
    # chief", not "Mike, thing is ..."
    found = _parse(tokens, any_head=determined or any(t.text in _POSSESSIVE for t in tokens))
    if past and found is not None and found.title and not found.past:
        found = attrs.evolve(found, title=f"Former {found.title}")  # "NAME, who served as chairman of ..."
    return found


def title_apposed(name: SpacySpan) -> Title | None:
    """The title of a noun phrase ``name`` stands in apposition to, right before it: "Acme's chief
    executive, NAME, said", "the city's mayor, NAME.", "the Secretary of Transportation, NAME," (the
    name closing as an appositive does)."""
    doc = name.doc
    head = name.root.head
    # The title ends right before the comma: at its head, or after the head's "of" phrase of
    # capitalised words ("the Secretary of Transportation, NAME"; not "the head of the agency").
    end = name.start - 1
    of = next((c for c in head.rights if c.dep_ == "prep" and c.lower_ == "of" and c.i == head.i + 1
               and c.right_edge.i == end - 1 and all(t.text[:1].isupper() for t in doc[c.i + 1 : end] if t.pos_ != "DET")),
              None)
    if (name.root.dep_ != "appos" or name.start < 2 or (head.i != end - 1 and of is None)
            or doc[end].text != "," or head.pos_ not in {"NOUN", "PROPN"} or not lexicon().is_title_head(head.text)):
        return None
    if name.end < len(doc) and not (doc[name.end].is_punct or doc[name.end].lower_ in _RELATIVES):
        return None
    tokens = [t for t in doc[head.left_edge.i : end] if t.pos_ != "DET" and t.tag_ != "PRP$"]
    if any(t.lower_ in _UNHELD for t in tokens):
        return None  # "our potential senator, NAME": not a title held
    return _parse(tokens)


def organization_after(name: SpacySpan) -> Title | None:
    """The organisation, country or state a phrase right after ``name`` gives: "Jane Roe of the
    Sierra Club", "Sen. John Doe of Ohio", "Ann Lee from Ontario", and in a speaker's own
    introduction "I'm Jane Roe with Acme Corp" (only there do "with", "from" and "at" name where
    someone works: "Kelly met Jane Roe with the press" does not)."""
    doc = name.doc
    at = name.end
    if at + 1 >= len(doc) or doc[at].lower_ not in {"of", "from", "with", "at"}:
        return None
    prep = doc[at].lower_
    introduced = name.start >= 2 and {t.lower_ for t in doc[name.start - 2 : name.start]} in _INTRODUCTIONS
    first = at + 1 + (doc[at + 1].lower_ == "the")
    if first >= len(doc):
        return None
    label, end = doc[first].ent_type_, first + 1
    if label:
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
    elif introduced:
        while end < len(doc) and doc[end - 1].pos_ == "PROPN" and doc[end].pos_ == "PROPN":
            end += 1
    words = doc[first:end]
    span = (at, end)
    if label == "GPE" and prep in {"of", "from"}:
        place = country(words.text)
        state = None if place else region_country(words.text)
        if place or state:
            return Title(None, None, place or state, None, *span, region=words.text if state else None)
        return None
    if label in _ORG_LABELS or (introduced and not label and words[0].pos_ == "PROPN"):
        if prep == "of" or introduced:
            return _qualified(None, words.text, None, None, span)
    return None


def description_title(tokens: list[Token]) -> Title | None:
    """The title a description of someone carries ("the Foreign Minister", "The Mexican official",
    "the Republican nominee", "Mexico's Secretary of the Interior"), or ``None`` if the tokens do not
    describe by title."""
    while tokens and tokens[0].lower_ in _DETERMINERS:
        tokens = tokens[1:]
    return _parse(tokens) if tokens else None
