"""Speaker resolution: from the mention that names a statement's source ("Kelly", "he", "the
Foreign Minister", "the newspaper") to the participant it refers to.

In order: the participant mention holding the source's head word; a relative pronoun's antecedent;
a pronoun's antecedent, ranked over the last sentences by gender, recency, grammatical role and the
previous speaker (``they`` may be a group of people named together); a description
(:mod:`.descriptions`); a name matched against the participants' names, else a mention the source
holds. A named source nobody matches becomes a new participant. Each answer carries a confidence,
lower the more it rests on guessing.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections.abc import Callable
from typing import TYPE_CHECKING

from ..doc_tables import token_attributes, token_texts
from ..intervals import Intervals
from ..model import Participant, Span
from ..nlp import doc_text
from ..participants.gender import name_gender, participant_gender, pronoun_gender
from ..participants.names import clean_name, is_part_of, slug, unique_id
from ..participants.noise import CALENDAR_WORDS, not_a_name
from .descriptions import DOCUMENTS, describe
from .discourse import Discourse
from .frames import QuoteIndex

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

__all__ = ["Resolver"]

#: Heads whose "of <place>" names the place itself: "the city of Phoenix", "the government of Peru".
_PLACE_NOUNS = {"city", "state", "country", "nation", "government", "town", "county", "province", "region"}

_PERSONAL = {"he", "she", "him", "her", "his", "hers"}
_PLURAL = {"they", "them", "their"}
_NEUTER = {"it", "its"}
_FIRST_PERSON = {"i", "we", "me", "us"}
_WINDOW = 4  # sentences a pronoun looks back
_ROLE_WEIGHT = {"main": 2.0, "subject": 1.2, "possessive": 0.2, "other": 0.0}
_SPEAKER_WEIGHT = 2.0  # the speaker of the statement before: "…," he said.
_INTRODUCED_WEIGHT = 1.0  # a person first named in the sentence before a quote is likely its speaker
_RELATIVE = {"who", "which", "that", "whom"}
_SUBJECT_PRONOUNS = {"he", "she"}  # the pronouns a chain is made of


class Resolver:
    """Resolves source mentions in one document; remembers the participants it had to add."""

    def __init__(
        self, doc: Doc, participants: list[Participant], quotes: QuoteIndex, quoted: list[tuple[int, int]] = (),
        discourse: Discourse | None = None,
    ) -> None:
        """``discourse``: the doc's :class:`~.discourse.Discourse` when the caller has one already
        (the mentions' roles it keeps are then worked out once for every resolution of the doc)."""
        self.doc = doc
        self.text = doc_text(doc)
        self.quotes = quotes
        self.quoted = [(q.start, q.end) for q in quotes.quotes] + list(quoted)
        # (start + 1, end) holds an offset where (start, end) holds it strictly, as _quoted asks
        self._strictly_quoted = Intervals((start + 1, end) for start, end in self.quoted)
        self._closing = sorted((q.end, q.start) for q in quotes.quotes)
        self.participants = list(participants)
        self.added: list[Participant] = []
        self.discourse = discourse if discourse is not None else Discourse(doc)
        self.speakers: list[tuple[int, str]] = []  # (source offset, participant) of each statement so far
        self._resolving = False
        self._pronouns: list[tuple[int, int, str]] | None = None  # the narrative's subject pronouns, for chains
        self._cursor = 0
        self._chain: list[tuple[int, int, str, str | None]] = []
        self._ents: tuple[SpacySpan, ...] | None = None
        self._index()

    def entities_in(self, span: SpacySpan) -> list[SpacySpan]:
        """``span.ents``, from the doc's entities read once (``Span.ents`` builds every entity of
        the doc anew at each call): those from the first starting in ``span`` on, while they end in it."""
        if self._ents is None:
            self._ents = self.doc.ents
            self._ent_starts = [ent.start for ent in self._ents]
        found = []
        for ent in self._ents[bisect_left(self._ent_starts, span.start):]:
            if ent.end > span.end:
                break
            found.append(ent)
        return found

    def _index(self) -> None:
        self.by_id = {p.id: p for p in self.participants}
        known, text = getattr(self, "genders", {}), self.text
        self.genders = {p.id: known[p.id] if p.id in known else participant_gender(p, text) for p in self.participants}
        self.mentions = sorted(
            (m.start, m.end, p.id) for p in self.participants for m in p.mentions if p.role != "author"
        )
        self.starts = [m[0] for m in self.mentions]
        self._longest = max((e - s for s, e, _ in self.mentions), default=0)
        self.first = {}
        for start, _, pid in reversed(self.mentions):
            self.first[pid] = start

    def add(self, participant: Participant) -> str:
        """Add a participant resolution found (a named source nobody matched, a group)."""
        self.participants.append(participant)
        self.added.append(participant)
        self._index()
        return participant.id

    # -- the answer -------------------------------------------------------------------------

    def resolve(self, source: tuple[int, int], head: int | None, cue: int | None = None) -> tuple[str | None, float]:
        """The participant id the source mention refers to, and how sure that is."""
        start, end = source
        token = self.doc[head] if head is not None else self.doc.char_span(start, end, alignment_mode="expand").root
        overlapping = [
            (s <= token.idx < e, min(e, end) - max(s, start), s, pid)
            for s, e, pid in self.mentions[bisect_left(self.starts, start - self._longest) : bisect_left(self.starts, end)]
            if start < e
        ]
        if overlapping and max(overlapping)[0]:
            # The mention holding the source's head word ("Clinton campaign manager Robby Mook" is Mook).
            return max(overlapping)[3], 1.0
        apposed = next((found for child in token.rights if child.dep_ == "appos" and start <= child.idx < end
                        and (found := self._person_at(child.idx)) is not None), None)
        if apposed is not None:
            return apposed, 1.0  # "Acme's chief executive, Ana Ruiz,": the person, not the possessor
        lower = token.lower_
        if lower in _RELATIVE:
            antecedent = relative_antecedent(token)
            if antecedent is not None:
                found, sure = self.resolve(antecedent, None)
                return found, min(sure, 0.9)
        if lower in _PERSONAL:
            gender = pronoun_gender(lower)
            return self._cataphor(token, gender) or self.antecedent(start, {"person"}, gender)
        if lower in _PLURAL:
            return self.antecedent(start, {"organization", "group"}, plural=True)
        if lower in _NEUTER:
            document = self._document_before(token)
            if document is not None and not self._resolving:
                # "The ad uses footage … It also mentions …": the document, which speaks for its issuer
                found, confidence = self.resolve((document.left_edge.idx, document.idx + len(document)), document.i)
                if found is not None:
                    return found, min(confidence, 0.5)
            found, confidence = self.antecedent(start, {"organization"})
            return found, min(confidence, 0.6)
        if lower in _FIRST_PERSON and not self.quotes.inside(start):
            authors = [p for p in self.participants if p.role == "author"]
            return (authors[0].id, 0.6) if len(authors) == 1 else (None, 0.3)
        if (token.pos_ == "NOUN" or lower in {"each", "both"}) and not overlapping and not self._resolving:
            self._resolving = True  # a description's possessor or issuer is resolved once, not described again
            try:
                described = describe(self, token, start)
            finally:
                self._resolving = False
            if described is not None and described[0] is not None:
                return described
        named = self._by_name(start, end, token) if token.pos_ == "PROPN" or not overlapping else None
        if named is not None:
            return named  # "Acme Stores, an Ohio-based retailer": Acme Stores, not Ohio
        if overlapping:
            # A source whose head is no mention but holds one ("a spokesman for the Clinton
            # campaign"): the one covering most of it.
            return max(overlapping)[3], 0.8
        return None, 0.5

    def antecedent(
        self, offset: int, kinds: set[str], gender: str | None = None, plural: bool = False
    ) -> tuple[str | None, float]:
        """The participant a pronoun at ``offset`` most likely refers to: of the compatible ones
        mentioned in the last few sentences, the best placed by recency, grammatical role
        (a main-clause subject above an object or a possessor), and whether it is the speaker of
        the statement before; the margin over the runner-up gives the confidence."""
        ranked = self._ranked(offset, kinds, gender, plural, _WINDOW)
        if not ranked:
            # Nobody fits close by: the one who fits in the paragraphs before, less surely.
            ranked = self._ranked(offset, kinds, gender, plural, 3 * _WINDOW)
            return (ranked[0][1], 0.5) if ranked else (None, 0.3)
        best = ranked[0]
        margin = best[0] - ranked[1][0] if len(ranked) > 1 else 3.0
        confidence = 0.9 if margin >= 2 else 0.8 if margin >= 1 else 0.6
        if gender and self.genders.get(best[1]) is None:
            confidence = min(confidence, 0.7)
        return best[1], confidence

    def _ranked(
        self, offset: int, kinds: set[str], gender: str | None, plural: bool, window: int
    ) -> list[tuple[float, str]]:
        place = self.discourse
        anchor = self._attributed(offset)
        sentence, paragraph = place.sentence(anchor), place.paragraph(offset)
        inside = self.quotes.inside(offset)
        said = next(((at, pid) for at, pid in reversed(self.speakers) if at < offset), None)
        last_speaker = said[1] if said and sentence - place.sentence(said[0]) <= _WINDOW else None
        scores: dict[str, float] = {}
        counts: dict[str, int] = {}
        for index in range(bisect_left(self.starts, offset) - 1, -1, -1):
            s, e, pid = self.mentions[index]
            distance = max(0, sentence - place.sentence(s))
            if distance > window:
                break
            participant = self.by_id[pid]
            if e > offset:
                continue
            quoted = self._quoted(s) and self.quotes.inside(s) is not inside
            if (said is not None and s > said[0] and pid != last_speaker and not quoted
                    and participant.kind == "person" and place.role(s, e) == "main"):
                # another person the subject since the last statement, whether or not they fit
                # the pronoun ("Roe said. But Mrs. Doe will …. He noted"): the topic moved on
                last_speaker = None
            maybe_body = plural and self._maybe_body(participant)
            if participant.kind not in kinds and not maybe_body:
                continue
            if gender and self.genders.get(pid) not in (None, gender):
                continue
            if quoted:
                continue  # a name inside someone's quote is rarely what the narrative's "he" means
            score = -distance - 0.5 * min(paragraph - place.paragraph(s), 2) + _ROLE_WEIGHT[place.role(s, e)]
            if gender and self.genders.get(pid) is None:
                score -= 0.3
            if maybe_body:
                score -= 0.5
            counts[pid] = counts.get(pid, 0) + 1
            scores[pid] = max(scores.get(pid, -99.0), score)
        if gender:
            since = place.sentence_starts[max(0, sentence - window)]
            for s, e, pid in self._chained(since, offset, gender):
                distance = max(0, sentence - place.sentence(s))
                if distance > window or self.by_id[pid].kind not in kinds:
                    continue
                score = -distance - 0.5 * min(paragraph - place.paragraph(s), 2) + _ROLE_WEIGHT[place.role(s, e)]
                counts[pid] = counts.get(pid, 0) + 1
                scores[pid] = max(scores.get(pid, -99.0), score)
        if plural:
            for group, score in self._coordinations(offset, sentence):
                scores[group] = score
        # someone first named in the sentence before a quote (after the last statement's) is
        # likely its speaker: "“…,” Roe said. It worries Ann Poe, a nurse. “…,” she said."
        introduced = {pid for pid in scores if anchor != offset and pid in self.first
                      and place.sentence(self.first[pid]) == sentence - 1
                      and (said is None or place.sentence(said[0]) < sentence - 1)}
        if introduced:
            last_speaker = None
        for pid in scores:
            scores[pid] += 0.2 * min(counts.get(pid, 0), 3)
            if pid in introduced:
                scores[pid] += _INTRODUCED_WEIGHT
            if pid == last_speaker:
                scores[pid] += _SPEAKER_WEIGHT if sentence - place.sentence(said[0]) <= 1 else _SPEAKER_WEIGHT / 2
        return sorted(((score, pid) for pid, score in scores.items()), reverse=True)

    def _cataphor(self, token: Token, gender: str | None) -> tuple[str, float] | None:
        """A pronoun in a clause fronted before the main clause's subject means that subject when
        it fits: "When he wrote the book, Mr. Roe said …"."""
        root = token.sent.root
        subject = next((c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i > token.i), None)
        if subject is None or not any(a.dep_ == "advcl" and a.i < subject.i for a in token.ancestors):
            return None
        found = self._person_at(subject.idx)
        if found is None or self.genders.get(found) not in (None, gender):
            return None
        return found, 0.7

    def _document_before(self, token: Token) -> Token | None:
        """The document that is the main subject of the sentence before ``token``'s ("The report
        says …. It also finds …"), if any."""
        sentences = self.discourse.sentence_starts
        index = self.discourse.sentence(token.idx)
        if index < 1:
            return None
        before = self.doc.char_span(sentences[index - 1], sentences[index], alignment_mode="contract")
        root = before.root if before is not None and len(before) else None
        subject = next((c for c in root.children if c.dep_ == "nsubj"), None) if root is not None else None
        return subject if subject is not None and subject.lemma_.lower() in DOCUMENTS else None

    def _attributed(self, offset: int) -> int:
        """Where the quote a pronoun right after it attributes opens ("“… . …,” he said": the
        quote's first sentence), so that a long quote does not push its speaker out of reach;
        else ``offset`` itself."""
        index = bisect_right(self._closing, (offset, offset)) - 1
        if index >= 0:
            end, start = self._closing[index]
            if not self.text[end:offset].strip(" ,\u2014-"):
                return start
        return offset

    def _chained(self, since: int, offset: int, gender: str) -> list[tuple[int, int, str]]:
        """The narrative's subject pronouns of ``gender`` from ``since`` to ``offset`` that are no
        statement's source ("But he expended his points …"), each resolved once, in text order,
        so that a chain of pronouns keeps its referent in reach: (start, end, participant)."""
        if self._pronouns is None:
            # found through the doc's columns: a Token is never made
            columns, texts = token_attributes(self.doc), token_texts(self.doc)
            lowers, deps, offsets = columns["lower"], columns["dep"], columns["idx"]
            self._pronouns = [(offsets[i], offsets[i] + len(texts[i]), lowers[i]) for i, lower in enumerate(lowers)
                              if lower in _SUBJECT_PRONOUNS and deps[i] in {"nsubj", "nsubjpass"}
                              and not self._quoted(offsets[i])]
        while self._cursor < len(self._pronouns) and self._pronouns[self._cursor][0] < offset:
            start, end, lower = self._pronouns[self._cursor]
            self._cursor += 1  # first, so that resolving it looks only at the pronouns before it
            if not self._is_source(start):
                ranked = self._ranked(start, {"person"}, pronoun_gender(lower), False, _WINDOW)
                if ranked:
                    self._chain.append((start, end, ranked[0][1], pronoun_gender(lower)))
        window = self._chain[bisect_left(self._chain, (since,)) : bisect_left(self._chain, (offset,))]
        return [(s, e, pid) for s, e, pid, g in window if g == gender and not self._is_source(s)]

    def _is_source(self, offset: int) -> bool:
        """Whether a mention starts at ``offset`` (a resolved source counts as one)."""
        index = bisect_left(self.starts, offset)
        return index < len(self.starts) and self.starts[index] == offset

    def _maybe_body(self, participant: Participant) -> bool:
        """A "person" known by one word that is no given name, with no title or gender: as likely
        an organisation the recogniser took for a person ("Politifact ruled … they wrote")."""
        return (participant.kind == "person" and len(participant.name.split()) == 1 and not participant.title
                and self.genders.get(participant.id) is None and not name_gender([participant.name]))

    def nearest(self, offset: int, fits: Callable[[Participant], bool], window: int | None = 3 * _WINDOW) -> str | None:
        """The participant that ``fits`` mentioned last before ``offset``, within ``window``
        sentences (anywhere before with ``None``)."""
        found = self.all_nearest(offset, fits, window)
        return found[0] if found else None

    def all_nearest(
        self, offset: int, fits: Callable[[Participant], bool], window: int | None = 3 * _WINDOW
    ) -> list[str]:
        """The participants that ``fits``, the one mentioned last before ``offset`` first."""
        sentence = self.discourse.sentence(offset)
        found: list[str] = []
        for index in range(bisect_left(self.starts, offset) - 1, -1, -1):
            s, _, pid = self.mentions[index]
            if window is not None and sentence - self.discourse.sentence(s) > window:
                break
            if pid not in found and fits(self.by_id[pid]):
                found.append(pid)
        return found

    def at(self, offset: int) -> str | None:
        """The participant with a mention covering ``offset``."""
        index = bisect_right(self.starts, offset) - 1
        while index >= 0 and self.mentions[index][0] > offset - 200:
            s, e, pid = self.mentions[index]
            if s <= offset < e:
                return pid
            index -= 1
        return None

    def group_before(self, offset: int) -> str | None:
        """The group of the people named together as a subject last before ``offset``."""
        found = self._coordinations(offset, self.discourse.sentence(offset))
        return max(found, key=lambda f: f[1])[0] if found else None

    def _coordinations(self, offset: int, sentence: int) -> list[tuple[str, float]]:
        """People named together as one subject ("Roe and Doe wrote", "Critics, like Roe and Doe,
        say") in the last sentences: each a group participant whose members are those people, made
        when first needed."""
        found = []
        place = self.discourse
        for index in range(bisect_left(self.starts, offset) - 1, -1, -1):
            s, e, pid = self.mentions[index]
            distance = sentence - place.sentence(s)
            if distance > 2:
                break
            head = place.head(s, e)
            if head is None or self.by_id[pid].kind != "person" or not _in_subject(head):
                continue
            members = [pid]
            for conj in head.conjuncts:
                other = self._person_at(conj.idx)
                if other is not None and other not in members:
                    members.append(other)
            if len(members) > 1:
                found.append((self.group(members, head), 2.0 - distance))
        return found

    def _person_at(self, offset: int) -> str | None:
        found = self.at(offset)
        return found if found is not None and self.by_id[found].kind == "person" else None

    def group(self, members: list[str], head: Token | None) -> str:
        """The group participant of exactly these members, made if there is none yet; its mention is
        the coordination headed by ``head`` when there is one."""
        for participant in self.participants:
            if participant.kind == "group" and set(participant.members) == set(members):
                return participant.id
        name = " and ".join(self.by_id[m].name for m in members)
        mentions = ()
        if head is not None:
            tokens = [head, *head.conjuncts]
            mentions = (Span.from_span(self.doc[min(t.left_edge.i for t in tokens) : max(t.i for t in tokens) + 1]),)
        group = Participant(
            id=unique_id(slug(name), set(self.by_id)), name=name, kind="group", role="speaker",
            mentions=mentions, members=tuple(members),
        )
        return self.add(group)

    def remember(self, source: tuple[int, int], participant: str | None) -> None:
        """Count a resolved source ("he") as a mention of its participant for later pronouns, and
        its participant as the speaker of the statement at ``source``."""
        if participant is None:
            return
        insort(self.speakers, (source[0], participant))
        if not self._is_source(source[0]):
            at = bisect_left(self.mentions, (source[0], source[1], participant))
            self.mentions.insert(at, (source[0], source[1], participant))
            self.starts.insert(at, source[0])
            self._longest = max(self._longest, source[1] - source[0])

    def _quoted(self, offset: int) -> bool:
        """Whether ``offset`` lies strictly inside a quotation or block quote (past its first mark)."""
        return self._strictly_quoted.contains(offset)

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
        ents = [e for e in self.entities_in(span) if e.label_ in rank]
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
        if kind == "person" and not_a_name(self.text, mention.start, mention.end):
            return None  # "the Hill", "Section 8": no one to add
        name = mention.text
        participant = Participant(id=unique_id(slug(name), set(self.by_id)), name=name, kind=kind, role="speaker", mentions=(mention,))
        return self.add(participant), 0.7

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


def _in_subject(token: Token) -> bool:
    """Whether ``token`` is a subject or inside one ("Critics of the plan, like Roe, say")."""
    while token.dep_ in {"pobj", "prep", "appos", "compound", "flat"} and token.head.i != token.i:
        token = token.head
    return token.dep_ in {"nsubj", "nsubjpass"}


def relative_antecedent(token: Token) -> tuple[int, int] | None:
    """The span a relative pronoun refers to: the noun its clause modifies ("the agency, which
    said": agency; for "who", the people a place or body belongs to), past an appositive to the
    name it describes ("Jo Roe, an aide who said": Jo Roe) and without the rest of a list ("Ann,
    Bob and Cy, who said": Cy); with no parse, the noun phrase right before it."""
    if token.head.dep_ == "relcl":
        noun = token.head.head
        if noun.dep_ == "appos":
            noun = noun.head
        if (token.lower_ == "who" and noun.ent_type_ in {"GPE", "LOC", "FAC", "ORG"} and noun.head.dep_ == "prep"
                and noun.head.head.pos_ in {"NOUN", "PROPN"}):
            # "who" means people: "Democrats on Capitol Hill, who", "the head of the Sierra Club, who"
            noun = noun.head.head
        noun = max((t for t in (noun, *noun.conjuncts) if t.i < token.i), key=lambda t: t.i, default=noun)
    else:
        before = [t for t in token.doc[max(0, token.i - 3) : token.i] if t.pos_ in {"NOUN", "PROPN"}]
        if not before:
            return None
        noun = before[-1]
    left = [c for c in noun.lefts if c.dep_ in {"compound", "flat", "amod", "det", "poss", "nmod"}]
    first = min((c.left_edge.i for c in left), default=noun.i)
    return token.doc[first].idx, noun.idx + len(noun)
