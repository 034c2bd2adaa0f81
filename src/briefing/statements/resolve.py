"""Speaker resolution: from the mention that names a statement's source ("Kelly", "he", "the
Foreign Minister", "the newspaper") to the participant it refers to.

In order: a participant mention the source overlaps; a relative pronoun's antecedent; a personal
pronoun's most recent compatible antecedent outside quotes (the subject of the nearest sentence
that has one); a name matched against the participants' names; an organisation noun to the most
recent organisation. A named source nobody matches becomes a new participant. Each answer carries a
confidence, lower the more it rests on guessing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import Participant, Span
from ..participants.names import clean_name, is_part_of, slug, unique_id
from ..participants.noise import CALENDAR_WORDS
from .frames import QuoteIndex

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["Resolver"]

#: Heads whose "of <place>" names the place itself: "the city of Phoenix", "the government of Peru".
_PLACE_NOUNS = {"city", "state", "country", "nation", "government", "town", "county", "province", "region"}

_PERSONAL = {"he", "she", "him", "her", "his", "hers"}
_PLURAL = {"they", "them", "their"}
_NEUTER = {"it", "its"}
_FIRST_PERSON = {"i", "we", "me", "us"}
_RELATIVE = {"who", "which", "that", "whom"}
_ORG_NOUNS = {"newspaper", "paper", "network", "campaign", "company", "agency", "department", "ministry", "committee",
              "group", "organization", "organisation", "government", "administration", "office", "station", "magazine",
              "outlet", "site", "website", "publication", "party", "board", "council", "commission", "firm", "bank",
              "court", "union", "team", "spokesman", "spokeswoman", "spokesperson"}


class Resolver:
    """Resolves source mentions in one document; remembers the participants it had to add."""

    def __init__(
        self, doc: Doc, participants: list[Participant], quotes: QuoteIndex, quoted: list[tuple[int, int]] = ()
    ) -> None:
        self.doc = doc
        self.quotes = quotes
        self.quoted = [(q.start, q.end) for q in quotes.quotes] + list(quoted)
        self.participants = list(participants)
        self.added: list[Participant] = []
        self._index()

    def _index(self) -> None:
        self.by_id = {p.id: p for p in self.participants}
        self.mentions = sorted(
            (m.start, m.end, p.id) for p in self.participants for m in p.mentions if p.role != "author"
        )

    # -- the answer -------------------------------------------------------------------------

    def resolve(self, source: tuple[int, int], head: int | None, cue: int | None = None) -> tuple[str | None, float]:
        """The participant id the source mention refers to, and how sure that is."""
        start, end = source
        token = self.doc[head] if head is not None else self.doc.char_span(start, end, alignment_mode="expand").root
        overlapping = [
            (s <= token.idx < e, min(e, end) - max(s, start), s, pid) for s, e, pid in self.mentions if s < end and start < e
        ]
        if overlapping:
            # The mention holding the source's head word ("Clinton campaign manager Robby Mook" is
            # Mook), else the one covering most of it.
            return max(overlapping)[3], 1.0
        lower = token.lower_
        if lower in _RELATIVE and token.head.dep_ == "relcl":
            antecedent = token.head.head
            return self.resolve((antecedent.left_edge.idx, antecedent.idx + len(antecedent)), antecedent.i)
        if lower in _PERSONAL:
            return self._antecedent(start, kinds={"person"})
        if lower in _PLURAL:
            found, confidence = self._antecedent(start, kinds={"organization", "group"})
            return found, min(confidence, 0.5)
        if lower in _NEUTER:
            found, confidence = self._antecedent(start, kinds={"organization"})
            return found, min(confidence, 0.5)
        if lower in _FIRST_PERSON and not self.quotes.inside(start):
            authors = [p for p in self.participants if p.role == "author"]
            return (authors[0].id, 0.6) if len(authors) == 1 else (None, 0.3)
        named = self._by_name(start, end, token)
        if named is not None:
            return named
        if token.lemma_.lower() in _ORG_NOUNS and token.tag_ in {"NN", "NNP"}:
            found, confidence = self._antecedent(start, kinds={"organization"})
            return found, min(confidence, 0.5)
        return None, 0.5

    def _antecedent(self, offset: int, kinds: set[str]) -> tuple[str | None, float]:
        """The participant of the nearest sentence (going back) mentioning one of ``kinds`` outside
        quotes: its subject if it has one there, else its last mention."""
        doc = self.doc
        here = doc.char_span(offset, offset + 1, alignment_mode="expand")
        if here is None:
            return None, 0.3
        sentences = [
            s for s in doc.sents
            if s.start_char <= offset and not any(a <= s.start_char and s.end_char <= b + 1 for a, b in self.quoted)
        ]
        for distance, sentence in enumerate(reversed(sentences[-4:])):
            limit = offset if distance == 0 else sentence.end_char
            found = []
            for s, e, pid in self.mentions:
                if sentence.start_char <= s < limit and self.by_id[pid].kind in kinds and not self._quoted(s):
                    span = doc.char_span(s, e, alignment_mode="expand")
                    subject = span is not None and span.root.dep_ in {"nsubj", "nsubjpass", "poss"}
                    found.append((subject, s, pid))
            if found:
                subjects = [f for f in found if f[0]]
                chosen = (subjects or found)[-1][2]
                return chosen, 0.8 if distance == 0 else 0.7 if distance == 1 else 0.5
        return None, 0.3

    def remember(self, source: tuple[int, int], participant: str | None) -> None:
        """Count a resolved source ("he") as a mention of its participant for later pronouns."""
        if participant is not None and not any(s == source[0] for s, _, _ in self.mentions):
            self.mentions = sorted([*self.mentions, (source[0], source[1], participant)])

    def _quoted(self, offset: int) -> bool:
        return any(a < offset < b for a, b in self.quoted)

    def _by_name(self, start: int, end: int, token: Token) -> tuple[str | None, float] | None:
        """A source that names someone: matched to a participant by name, or added as one."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return None
        # A date ("released Friday") names no one; nor does a country qualifying a description
        # ("the U.S. senator"), which the description stands for.
        names = [t for t in span if t.pos_ == "PROPN" and t.text[:1].isupper()
                 and t.ent_type_ not in {"DATE", "TIME"} and t.lower_ not in CALENDAR_WORDS]
        if not names:
            return None
        rank = {"PERSON": 1, "ORG": 2, "NORP": 3, "FAC": 3, "GPE": 4}
        ents = [e for e in span.ents if e.label_ in rank]
        ent = min(ents, key=lambda e: (not (e.start <= token.i < e.end), rank[e.label_], e.start), default=None)
        if (ent is not None and ent.label_ in {"GPE", "NORP"} and not ent.start <= token.i < ent.end
                and token.pos_ == "NOUN" and token.lemma_ not in _PLACE_NOUNS):
            return None  # "the U.S. senator" is no country; "the city of Phoenix" (a place noun) is Phoenix
        if ent is not None and ent.label_ == "PERSON" and clean_name(ent) is not None:
            core = list(clean_name(ent)[0])
        elif ent is not None:
            core = [t for t in ent if not (t.i == ent.start and t.lower_ == "the")]
        else:
            core = self._name_core(token if token.pos_ == "PROPN" else names[0]) or names
        words = [t.text for t in core]
        people = [p for p in self.participants if p.kind != "group" and p.role != "author"]
        if ent is None or ent.label_ == "PERSON":
            people.sort(key=lambda p: p.kind != "person")  # a person's name: people before organisations
        fits = [p for p in people if is_part_of(words, p.name.split())]
        if fits:
            first_kind = [p for p in fits if p.kind == fits[0].kind]
            return max(first_kind, key=lambda p: max((m.start for m in p.mentions if m.start < start), default=-1)).id, 0.8
        kind = "organization" if ent is not None and ent.label_ in {"ORG", "NORP", "GPE", "FAC"} else "person"
        mention = Span.from_span(self.doc[core[0].i : core[-1].i + 1])
        name = mention.text
        participant = Participant(id=unique_id(slug(name), set(self.by_id)), name=name, kind=kind, role="speaker", mentions=(mention,))
        self.participants.append(participant)
        self.added.append(participant)
        self._index()
        return participant.id, 0.7

    def _name_core(self, token: Token) -> list[Token] | None:
        """The proper-noun phrase around the source's head: "Breitbart News", "Brent Bozell III"."""
        if token.pos_ != "PROPN":
            return None
        doc = token.doc
        start = end = token.i
        def named(t):
            return t.pos_ == "PROPN" or (t.dep_ == "compound" and t.text[:1].isupper())
        while start > 0 and token.i - start < 6 and named(doc[start - 1]):
            start -= 1
        # "Department of Energy", "Bank of the West": a name carried on by "of (the) Name".
        while end + 2 < len(doc) and doc[end + 1].lower_ == "of" and doc[end + 1].head.i <= end:
            after = end + 3 if doc[end + 2].lower_ == "the" else end + 2
            if after >= len(doc) or not named(doc[after]):
                break
            end = after
            while end + 1 < len(doc) and named(doc[end + 1]) and doc[end + 1].head.i in range(start, end + 2):
                end += 1
        return list(doc[start : end + 1])
