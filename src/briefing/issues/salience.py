"""Which phrases are the day's news: those that speakers come back to, several of them, and that
are distinctive against a background of other news (document frequencies of lemmas in PolNeAR
train, ``data/background-df.json``), with variants merged ("tests", "testing", "test kits") and
the list capped to what a reader keeps.

A phrase's score is ``mentions x speakers x idf``: raised three times by two speakers it
outweighs one raised five times by one, and a phrase every news text uses ("people", "health")
scores little whatever its count. A long turn that comes back to a subject raises it as often as
several statements do.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from functools import cache
from importlib import resources

import attrs

from .phrases import Phrase, stem

__all__ = ["MIN_IDF", "Background", "Group", "background", "salient"]

MAX_ISSUES = 8
_MIN_MENTIONS = 2
_MIN_SCORE = 8.0
_MIN_PREFIX = 3  # "Fed" for "Federal", not "F"
MIN_IDF = 2.0  # the head of a kept phrase is in at most about one background article in seven


@attrs.frozen
class Background:
    documents: int
    df: dict[str, int]

    def idf(self, stems: Iterable[str]) -> float:
        """How distinctive a phrase is: the idf of its most distinctive word."""
        return max((math.log(self.documents / (1 + self.df.get(s, 0))) for s in stems), default=0.0)


@cache
def background() -> Background:
    """Document frequencies of stems in the background texts (the file lists lemmas; of lemmas
    sharing a stem, the most frequent counts)."""
    data = json.loads(resources.files("briefing").joinpath("data/background-df.json").read_text("utf-8"))
    df: dict[str, int] = {}
    for lemma, count in data["df"].items():
        key = stem(lemma)
        df[key] = max(df.get(key, 0), count)
    return Background(data["documents"], df)


@attrs.define
class Group:
    """A phrase and its variants: the phrases, statements and speakers raising them."""

    first: Phrase
    phrases: list[Phrase] = attrs.field(factory=list)
    statements: set[str] = attrs.field(factory=set)
    speakers: set[str] = attrs.field(factory=set)

    @property
    def label(self) -> str:
        """Its most said form; for a name said in full and in a short form too, both, as a reader
        writes them: "Federal Reserve (Fed)", "United Kingdom (UK)"."""
        labels = [p.label for p in self.phrases]

        def said(label: str) -> tuple[int, int]:
            return labels.count(label), -len(label)

        shorts: dict[str, set[str]] = {}
        for name in {p.label: p for p in self.phrases if _name(p)}.values():
            keys = _short_forms(name)[0]
            found = {p.label for p in self.phrases if not p.modifiers and p.stems in keys}
            if found:
                shorts[name.label] = found
        if shorts:
            name = max(shorts, key=said)
            return f"{name} ({max(shorts[name], key=said)})"
        return max(labels, key=said)

    def score(self, words: Background) -> float:
        idf = words.idf([self.first.head])
        if idf < MIN_IDF:
            return 0.0
        return len(self.phrases) * len(self.speakers or {None}) * words.idf(self.first.stems)


def _subsets(words: Sequence[str]) -> list[frozenset[str]]:
    """The non-empty sets of distinct ``words`` (a phrase has a handful of modifiers)."""
    distinct = sorted(set(words))[:6]
    return [frozenset(w for bit, w in enumerate(distinct) if mask >> bit & 1) for mask in range(1, 1 << len(distinct))]


def _short_forms(phrase: Phrase) -> tuple[list[frozenset[str]], frozenset[str] | None]:
    """The ways a name of several words is said in one word: its initials ("Federal Emergency
    Management Agency": "FEMA") and the first letters of its first word ("Federal Reserve": "the
    Fed"); and its head, which stands for it only when written as a name too ("Strategic National
    Stockpile": "the Stockpile", but "Sonic Healthcare" is no "healthcare"). Only a name, every
    word capitalized, has them: "mass deportations" is not "deportations", nor "CDC guidelines"
    "guidelines"."""
    if not _name(phrase):
        return [], None
    words = (*phrase.modifiers, phrase.head)
    first = words[0]
    return ([frozenset({"".join(w[0] for w in words)}), *(frozenset({first[:n]}) for n in range(_MIN_PREFIX, len(first) - 1))],
            frozenset({phrase.head}))


def _clippings(raised: Sequence[tuple[Phrase, str | None, str | None]]) -> dict[str, str]:
    """Heads said in a clipped form too ("labs" for "laboratories"), each clipped form to its full
    one: a head that begins another more than twice its length, when a same modifier frames both
    somewhere in the text ("commercial labs", "commercial laboratories"); a shared beginning alone
    would make "man" a "management"."""
    framed: dict[str, set[str]] = {}
    for phrase, _statement, _speaker in raised:
        framed.setdefault(phrase.head, set()).update(phrase.modifiers)
    return {head[:n]: head for head in framed for n in range(_MIN_PREFIX, (len(head) + 1) // 2)
            if framed.get(head[:n], set()) & framed[head]}


def _capitalized(phrase: Phrase) -> bool:
    return phrase.label[:1].isupper()


def _name(phrase: Phrase) -> bool:
    """Whether a phrase of several words is a name: every word capitalized."""
    return bool(phrase.modifiers) and all(word[:1].isupper() for word in phrase.label.split())


def salient(raised: Sequence[tuple[Phrase, str | None, str | None]], words: Background | None = None,
            topics: Iterable[str] = (), subject: Iterable[str] = ()) -> list[Group]:
    """The groups of phrases worth listing as issues, most salient first, from every phrase raised
    in a statement (``(phrase, statement id, speaker id)``). A group takes the variants of its
    first phrase: the same stems ("tests", "testing"), a phrase whose modifiers are its words
    ("test kits" for "testing"), unless its head alone is raised more than they are ("grocery
    stores" with "the stores", not "groceries"), a name and its short forms (:func:`_short_forms`, also
    framing another word: "the Fed rate"), but not a name and the words it contains unless they are
    written as a name too ("Acme Mobile" with "Acme", not "the Clean Water Act" with "water"),
    a word said alone and its clipped form (:func:`_clippings`: "labs", "laboratories"), or a
    framing said once whose head is raised alone ("the federal stockpile" once, "the stockpile"
    often). A
    narrower framing that speakers come back to ("mass deportations" twice) is not one. A phrase
    that is one of the ``topics`` (stems of the topics' names: "health" under Health) is no finer
    issue. The ``subject`` (stems of the words naming what the whole briefing is about:
    "virus" in a briefing on health) said alone comes last: it is listed as its topic already, and
    gives its place to the day's other issues when there are more than a reader keeps."""
    words = words or background()
    groups: list[Group] = []
    counts: dict[frozenset[str], int] = {}
    for phrase, _statement, _speaker in raised:
        counts[phrase.stems] = counts.get(phrase.stems, 0) + 1
    # the most frequent variant first, so that rarer ones join it
    by_stems: dict[frozenset[str], int] = {}  # a group by its first phrase's stems, to its place in ``groups``
    by_short: dict[frozenset[str], int] = {}  # a name's group by its initials and first letters
    by_name_head: dict[frozenset[str], int] = {}  # a name's group by its head
    capitalized: set[frozenset[str]] = set()  # the stems of phrases written as names ("the Stockpile")
    clipped = _clippings(raised)
    full_forms, by_full_form = set(clipped.values()), {}  # a clipped word's full form to its group
    for phrase, statement, speaker in sorted(raised, key=lambda r: (-counts[r[0].stems], len(r[0].stems), r[0].start)):
        # the groups that take it: its own stems, stems among its modifiers (a few subsets), a name it
        # is a short form of, or a short form of it already raised
        shorts, head = _short_forms(phrase)
        # a name is a framing of its words only when they are written as a name too: "Acme Mobile" is
        # Acme's, but "the Clean Water Act" is not water
        within = [key for key in _subsets(phrase.modifiers) if key in by_stems and (head is None or key in capitalized)]
        places = [by_stems[key] for key in (phrase.stems, *within, *shorts) if key in by_stems]
        if head in by_stems and head in capitalized:
            places.append(by_stems[head])
        if not phrase.modifiers and phrase.stems in by_short:
            places.append(by_short[phrase.stems])
        if head is None:  # a short form framing another word, as a name does ("the Fed rate", "FEMA teams")
            places += [by_short[frozenset({stem(w)})] for w in phrase.label.split()[:-1]
                       if w[:1].isupper() and frozenset({stem(w)}) in by_short]
        if not phrase.modifiers and phrase.stems in by_name_head and _capitalized(phrase):
            places.append(by_name_head[phrase.stems])
        full = clipped.get(phrase.head, phrase.head) if not phrase.modifiers else None
        if full in by_full_form:
            places.append(by_full_form[full])
        bare = frozenset({phrase.head})
        if head is None and phrase.modifiers and counts[phrase.stems] == 1 and counts.get(bare, 0) >= _MIN_MENTIONS \
                and bare in by_stems:
            places.append(by_stems[bare])  # a framing said once, of a head said alone again and again (a name is none)
        if within and phrase.stems not in by_stems and bare in by_stems \
                and counts[bare] > max(counts[key] for key in within):
            places = [by_stems[bare]]  # a compound joins the more raised of its modifier and head ("grocery stores")
        if places:
            place = min(places)
        else:
            place = len(groups)
            by_stems[phrase.stems] = place
            groups.append(Group(phrase))
        for key in shorts:
            by_short.setdefault(key, place)
        if head is not None:
            by_name_head.setdefault(head, place)
        if full in full_forms:
            by_full_form.setdefault(full, place)
            by_stems.setdefault(phrase.stems, place)  # so that its framings said once join it too
        if _capitalized(phrase):
            capitalized.add(phrase.stems)
        group = groups[place]
        group.phrases.append(phrase)
        if statement is not None:
            group.statements.add(statement)
        if speaker is not None:
            group.speakers.add(speaker)
    broad = set(topics)
    kept = [g for g in groups if len(g.phrases) >= _MIN_MENTIONS and g.statements and g.score(words) >= _MIN_SCORE
            and not (len(g.first.stems) == 1 and g.first.head in broad)]
    own = set(subject)
    kept.sort(key=lambda g: (len(g.first.stems) == 1 and g.first.head in own, -g.score(words)))
    return kept[:MAX_ISSUES]
