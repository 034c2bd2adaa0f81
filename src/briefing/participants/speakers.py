"""The participants of a speaker-labelled transcript fitted to its labelled speakers: one
participant a speaker, named as fully as the text names them.

The talk names the speakers in many ways: by surname and full name ("Tony Fauci"), by first name
("Anthony"), by the title they hold here ("Mr. President"), and by address: the name at the end
of a turn ("Mike, you want to add something?", "Go ahead, Jon.") calls on the next speaker, the
name in a closing thanks at its start ("Thank you, Mike.") the one before. A named reporter
called on is a member of the Reporters group. What no one could be (stage directions, words with
digits, common words) is dropped; see :mod:`.noise`.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

import attrs

from ..model import Briefing, Participant, Span
from ..nlp import doc_text
from .countries import country
from .lexicon import lexicon
from .names import fold, slug, unique_id
from .noise import common_words, is_common_word, not_a_name

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span as SpacySpan

__all__ = ["fit_to_speakers", "own_turns", "same_given_name", "stated_organization"]

_ADDRESS = re.compile(r"^(?:(?:the|this|mr\.?|mrs\.?|ms\.?|madam|dr\.?)\s+)+", re.IGNORECASE)
_AFTER_ADDRESS = ",?.!"
_QUALIFIED = re.compile(r"\s+(?:of|from)\s+(?:the\s+)?([A-Z][\w.]*(?:\s+[A-Z][\w.]*)*)")
_STATED = re.compile(r"\bI(?:['’]m| am)(?:\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*\s*,[^.?!]*?)?\s+(?:with|from|at|of)\s+(?:the\s+)?$")


@cache
def _nicknames() -> dict[str, frozenset[str]]:
    data = json.loads(resources.files("briefing").joinpath("data/nicknames.json").read_text("utf-8"))
    return {fold(short): frozenset(fold(n) for n in names) for short, names in data.items() if not short.startswith("_")}


def same_given_name(first: str, second: str) -> bool:
    """Whether two given names can be one person's: the same, or a short form of the other or of
    the same name ("Tony" and "Anthony", "Bob" and "Rob")."""
    a, b = fold(first), fold(second)
    nick = _nicknames()
    return a == b or b in nick.get(a, ()) or a in nick.get(b, ()) or bool(nick.get(a, frozenset()) & nick.get(b, frozenset()))


def courtesy(title: str | None) -> bool:
    """A courtesy form ("Mr.", "Dr."), which says how to address a person, not what they do."""
    return bool(title) and (title in lexicon().courtesy_titles or title.rstrip(".") == "Dr")


@attrs.define
class _Turns:
    """The turns in order: where each content starts and ends, and its speaker's id."""

    starts: list[int]
    spans: list[Span]
    speakers: list[str | None]

    def index(self, offset: int) -> int | None:
        at = bisect_right(self.starts, offset) - 1
        return at if at >= 0 and self.spans[at].start <= offset < self.spans[at].end else None


def _turns(briefing: Briefing, participants: Sequence[Participant]) -> _Turns:
    by_mention = {m: p.id for p in participants for m in p.mentions}
    spans, speakers, label = [], [], None
    for section in sorted(briefing.sections, key=lambda s: s.span):
        if section.kind == "label":
            label = section.span
        elif section.kind == "turn":
            spans.append(section.span)
            speakers.append(by_mention.get(label) if label is not None else None)
            label = None
    return _Turns([s.start for s in spans], spans, speakers)


def own_turns(briefing: Briefing, participants: Sequence[Participant]) -> dict[str, list[Span]]:
    """The spans of each labelled speaker's turns, by participant id."""
    turns = _turns(briefing, participants)
    found: dict[str, list[Span]] = {}
    for span, pid in zip(turns.spans, turns.speakers):
        if pid is not None:
            found.setdefault(pid, []).append(span)
    return found


def _addressed(doc: Doc, turns: _Turns, mention: Span) -> str | None:
    """The id of the speaker a name calls on, when it is said in address: set off by punctuation
    at the end of a turn (the next speaker) or in a thanks opening it (the one before)."""
    at = turns.index(mention.start)
    if at is None:
        return None
    turn, text = turns.spans[at], doc_text(doc)
    before = text[turn.start : mention.start].rstrip()
    lex = lexicon()
    while before and (before.split()[-1] in lex.honorifics or lex.is_title_word(before.split()[-1])):
        before = before[: -len(before.split()[-1])].rstrip()  # "Thank you, Dr. Hahn."
    after = text[mention.end : turn.end].lstrip()
    if not (before == "" or before[-1] in ",.?!") or not (after == "" or after[0] in _AFTER_ADDRESS):
        return None
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or _in_list(span):
        return None
    sentence = span.sent
    first = sentence.start_char <= turn.start
    to_end = doc.char_span(sentence.start_char, turn.end, alignment_mode="contract")
    left = [s for s in to_end.sents if not s.text.startswith("(")] if to_end is not None else []  # "(Laughter.)"
    second = doc.char_span(turn.start, sentence.start_char, alignment_mode="contract")
    opening = first or (second is not None and len(list(second.sents)) <= 1)
    if opening and "thank" in sentence.text.lower() and at > 0:
        target = turns.speakers[at - 1]
    elif to_end is not None and len(left) <= 2 and at + 1 < len(turns.spans):
        target = turns.speakers[at + 1]
    else:
        return None
    return target if target != turns.speakers[at] else None


def _in_list(span: SpacySpan) -> bool:
    """Whether a name stands in a list of names ("Lee, Roe, or Diaz"), not in address."""
    doc = span.doc
    before = span.start >= 2 and doc[span.start - 1].text == "," and doc[span.start - 2].pos_ == "PROPN"
    after = span.end + 1 < len(doc) and doc[span.end].text == "," and (
        doc[span.end + 1].pos_ == "PROPN" or doc[span.end + 1].lower_ in {"and", "or"})
    return before or after


def stated_organization(doc: Doc, turn: Span) -> str | None:
    """The organisation a speaker says they are with ("I'm Jane Roe, chief executive of Acme",
    "I am with Acme"): an organisation the recogniser names right after such an opening."""
    span = doc.char_span(turn.start, turn.end, alignment_mode="contract")
    for ent in span.ents if span is not None else ():
        if ent.label_ == "ORG" and _STATED.search(doc_text(doc)[ent.sent.start_char : ent.start_char]):
            return ent.text.removeprefix("the ").removeprefix("The ")
    return None


@attrs.define
class _Speaker:
    participant: Participant
    surname: str | None
    given: Counter = attrs.field(factory=Counter)  # given names the text pairs with the surname, or calls them by

    def first_name(self) -> str | None:
        return self.given.most_common(1)[0][0] if self.given else None

    def fits(self, words: list[str]) -> bool:
        """Whether a name (as words) can be this speaker's: their surname, their given name, or both."""
        if self.surname is None or not words:
            return False
        first = self.first_name()
        if fold(words[-1]) == fold(self.surname):
            return len(words) == 1 or first is None or same_given_name(words[0], first)
        return len(words) == 1 and first is not None and same_given_name(words[0], first)


def _speakers(participants: Sequence[Participant], ids: set[str]) -> dict[str, _Speaker]:
    found = {}
    for p in participants:
        if p.id in ids and p.kind == "person":
            words = p.name.split()
            surname = None if p.name == f"The {p.title}" else words[-1]
            found[p.id] = _Speaker(p, surname)
    return found


def _only_address(name: str) -> bool:
    """A name made of courtesy forms and title words alone ("Madam", "Mr. Secretary")."""
    lex = lexicon()
    return all(w in lex.honorifics or lex.is_title_word(w) or _ADDRESS.fullmatch(w + " ") for w in name.split())


def _holders(text: str, speakers: dict[str, _Speaker]) -> list[str]:
    bare = _ADDRESS.sub("", text).strip().lower()
    return [pid for pid, s in speakers.items() if s.participant.title and s.participant.title.lower() == bare]


def _title_holder(text: str, speakers: dict[str, _Speaker]) -> str | None:
    """The speaker holding the title a mention names ("Mr. President", "the Vice President")."""
    holders = _holders(text, speakers)
    return holders[0] if len(holders) == 1 else None


def _held(name: str, speakers: dict[str, _Speaker]) -> bool:
    """Whether a participant's name is a title speakers hold here ("the Secretary" with two
    secretaries speaking): one of them, not someone new."""
    return bool(_holders(name, speakers))


def _bare(words: list[str]) -> list[str]:
    """A name's words without the titles and courtesy forms before it ("Admiral Giroir")."""
    lex = lexicon()
    start = 0
    while start < len(words) - 1 and (words[start] in lex.honorifics or lex.is_title_word(words[start])):
        start += 1
    return words[start:]


def _of_elsewhere(text: str, mention: Span, national: str | None) -> bool:
    """Whether a title is qualified by another country ("the President of Peru", "the Prime
    Minister from Japan"): that country's holder, not the speaker holding the title here."""
    qualified = _QUALIFIED.match(text, mention.end)
    place = country(qualified.group(1)) if qualified else None
    return place is not None and place != national


def _with_title_words(text: str, mention: Span) -> str:
    """The mention with the title words written just before it ("Vice" before "President")."""
    lex, start = lexicon(), mention.start
    while match := re.search(r"(\S+)\s+$", text[max(0, start - 40) : start]):
        if not lex.is_title_word(match.group(1)):
            break
        start -= len(text[max(0, start - 40) : start]) - match.start()
    return text[start : mention.end]


def _fullest(mentions: Sequence[Span], speaker: _Speaker, given: Participant, labels: set[Span]) -> str:
    """The speaker's fullest name among their mentions: most words, then most often, then first."""
    names = [" ".join(m.text.split()) for m in mentions if m not in labels and len(m.text.split()) > 1]
    names = [n for n in names if speaker.fits(n.split())]
    if not names:
        return given.name if speaker.fits(given.name.split()) or not speaker.surname else speaker.surname
    counts = Counter(names)
    return max(counts, key=lambda n: (len(n.split()), counts[n], -names.index(n)))


def _name_word(word: str, lowercase: frozenset[str]) -> bool:
    """A word that can be a given name: no title ("Doctor"), no common word."""
    lex = lexicon()
    return not (lex.is_title_word(word) or word in lex.honorifics or is_common_word(word, lowercase))


def _called(doc: Doc, turns: _Turns, speakers: dict[str, _Speaker], reporters: str | None,
            mentions: Sequence[Span], people: set[Span]) -> dict[Span, str]:
    """The speaker each name said in address calls on. A speaker's surname calls on that speaker
    only ("Dr. Lee, a question" asked of another); a reporter called by a name the speakers use
    for one of their own ("Mike, go ahead", and a reporter cuts in) is that speaker."""
    lex, called = lexicon(), {}
    for mention in mentions:
        target = _addressed(doc, turns, mention)
        if target is None or (target == reporters and mention not in people):
            continue
        words = mention.text.split()
        fitting = {pid for pid, s in speakers.items() if s.fits(words)}
        before = doc_text(doc)[: mention.start].split()[-1:]
        titled = bool(before) and (before[0] in lex.honorifics or lex.is_title_word(before[0]))  # "Dr. Lee": a surname
        if target in fitting or (not fitting and not titled):
            called[mention] = target
    by_name: dict[str, set[str]] = {}
    for mention, target in called.items():
        if target in speakers and len(mention.text.split()) == 1:
            by_name.setdefault(fold(mention.text), set()).add(target)
    for mention, target in called.items():
        holders = by_name.get(fold(mention.text), set())
        if target == reporters and len(holders) == 1:
            called[mention] = next(iter(holders))
    return called


def _learn_given_names(speakers: dict[str, _Speaker], called: dict[Span, str], mentions: Sequence[Span],
                       lowercase: frozenset[str]) -> None:
    """The given names of the speakers: those they are called by, and those written before their
    surname."""
    surnames = {fold(s.surname) for s in speakers.values() if s.surname}
    for mention, target in called.items():
        words = mention.text.split()
        speaker = speakers.get(target)
        if speaker and len(words) == 1 and _name_word(words[0], lowercase) and fold(words[0]) not in surnames:
            speaker.given[words[0]] += 2
    for mention in mentions:
        words = mention.text.split()
        for speaker in speakers.values():
            if len(words) > 1 and speaker.surname and fold(words[-1]) == fold(speaker.surname) \
                    and _name_word(words[0], lowercase):
                speaker.given[words[0]] += 1


def _noise(text: str, mention: Span, lowercase: frozenset[str]) -> bool:
    words = mention.text.split()
    return not_a_name(text, mention.start, mention.end) or (len(words) == 1 and is_common_word(words[0], lowercase))


def fit_to_speakers(briefing: Briefing, participants: Sequence[Participant], doc: Doc) -> list[Participant]:
    """``participants`` (the reader's speakers first, then those the extractor found) fitted to the
    transcript's speakers; unchanged when ``briefing`` has no turns."""
    turns = _turns(briefing, participants)
    if not turns.spans:
        return list(participants)
    text = doc_text(doc)
    ids = {pid for pid in turns.speakers if pid}
    reporters = next((p.id for p in participants if p.id in ids and p.kind == "group"), None)
    speakers = _speakers(participants, ids)
    labels = set(briefing.section_spans("label"))
    lowercase = common_words(text)
    people = {m for p in participants if p.kind == "person" for m in p.mentions if m not in labels}
    _learn_given_names(speakers, {}, sorted(people), lowercase)
    called = _called(doc, turns, speakers, reporters, [m for p in participants for m in p.mentions if m not in labels],
                     people)
    _learn_given_names(speakers, called, (), lowercase)

    national = _publisher_country(briefing)
    gathered: dict[str, list[Span]] = {pid: [] for pid in ids}
    named_reporters: dict[str, list[Span]] = {m.text: [] for m, target in called.items() if target == reporters}
    kept: list[Participant] = []
    for p in participants:
        rest = []
        for mention in p.mentions:
            if mention in labels:
                gathered[p.id].append(mention)
                continue
            if any(label.overlaps(mention) for label in labels):
                continue
            words = mention.text.split()
            holder = None if _of_elsewhere(text, mention, national) else _title_holder(_with_title_words(text, mention), speakers)
            target = holder or called.get(mention)
            if target is None and p.id in ids:
                target = p.id
            elif target is None and p.kind != "group":  # a person, or one the recogniser took for an organisation
                fits = [pid for pid, s in speakers.items() if s.fits(_bare(words))]
                target = fits[0] if len(fits) == 1 else reporters if not fits and mention.text in named_reporters else None
            if target is not None and target == reporters:
                named_reporters.setdefault(" ".join(words), []).append(mention)
            elif target is not None:
                gathered[target].append(mention)
            elif p.kind != "person" or not _noise(text, mention, lowercase):
                rest.append(mention)
        title_only = p.kind == "person" and (_only_address(p.name) or _held(p.name, speakers))
        if p.id not in ids and rest and not title_only:
            kept.append(attrs.evolve(p, mentions=sorted(rest)))

    # A speaker's mentions naming someone else ("Karen Pence" beside "Mike Pence") are that person.
    fitted, used = [], {p.id for p in participants if p.id in ids} | {p.id for p in kept}
    for given in (p for p in participants if p.id in ids):
        speaker = speakers.get(given.id)
        mine, others = [], {}
        for mention in sorted(set(gathered[given.id])):
            words = mention.text.split()
            if (speaker and mention not in labels and len(_bare(words)) > 1 and not speaker.fits(_bare(words))
                    and words[0][:1].isupper() and not _held(mention.text, speakers)):
                others.setdefault(" ".join(words), []).append(mention)
            else:
                mine.append(mention)
        fitted.append(_with_details(doc, turns, given, speaker, mine, labels, national))
        kept += [Participant(id=unique_id(slug(name), used), name=name, mentions=found) for name, found in others.items()]
    members = [Participant(id=unique_id(slug(name), used), name=name, role="speaker", mentions=sorted(found))
               for name, found in named_reporters.items() if found]
    fitted = [attrs.evolve(p, members=(*p.members, *(m.id for m in members))) if p.id == reporters else p for p in fitted]
    return [*fitted, *members, *_one_per_given_name(kept)]


def _one_per_given_name(participants: list[Participant]) -> list[Participant]:
    """People the talk calls by one given name in two forms ("Tony", later "Anthony") as one, under
    the longer form: a transcript's speakers call each other by given names, and two forms of one
    name in one talk are one colleague far more often than two."""
    merged: list[Participant] = []
    for p in participants:
        words = p.name.split()
        into = next((i for i, q in enumerate(merged) if p.kind == q.kind == "person" and len(words) == 1
                     and len(q.name.split()) == 1 and same_given_name(words[0], q.name)), None)
        if into is None:
            merged.append(p)
            continue
        q = merged[into]
        merged[into] = attrs.evolve(q, name=max(q.name, p.name, key=len), mentions=sorted({*q.mentions, *p.mentions}))
    return merged


def _publisher_country(briefing: Briefing) -> str | None:
    """The country of a national government body that published the transcript ("The White
    House"), whose officials speak for it."""
    known = lexicon().organization(briefing.source.publisher or "")
    return country(known[1]["country"]) if known and known[1].get("country") else None


def _with_details(doc: Doc, turns: _Turns, given: Participant, speaker: _Speaker | None, mentions: list[Span],
                  labels: set[Span], national: str | None) -> Participant:
    """A speaker with their mentions, fullest name, a title that is no courtesy form, the
    organisation they say they are with, and the country of a government that publishes."""
    if speaker is None:
        return attrs.evolve(given, mentions=mentions)
    own = [turns.spans[i] for i, pid in enumerate(turns.speakers) if pid == given.id]
    # People say who they are with when they first speak; later turns are not read for it.
    stated = next((o for o in (stated_organization(doc, turn) for turn in own[:3]) if o), None)
    organization = given.organization or stated
    known = lexicon().organization(organization) if organization else None
    affiliation = given.affiliation or (country(known[1]["country"]) if known and known[1].get("country") else None)
    if affiliation is None and stated is None:
        affiliation = national
    return attrs.evolve(
        given,
        name=_fullest(mentions, speaker, given, labels),
        title=None if courtesy(given.title) else given.title,
        organization=organization,
        affiliation=affiliation,
        mentions=mentions,
    )
