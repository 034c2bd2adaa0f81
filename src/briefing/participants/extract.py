"""People and organisations in a parsed text, merged across their mentions into participants with
title, organisation and affiliation.

Mentions come from the entity recogniser, from surnames it missed, and from descriptions by title
("the Foreign Minister", "The Mexican official"), each resolved to the person it can only be, or
else to the most recent compatible one.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from attrs import define, field

from ..model import Participant, Span
from .countries import country
from .lexicon import lexicon
from .names import clean_name, fold, is_part_of, slug
from .titles import Title, description_title, title_after, title_before

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span as SpacySpan

__all__ = ["Cluster", "find_participants"]

_MEETING_LEMMAS = {"meet", "join", "visit", "host", "welcome", "accompany", "greet", "receive", "hold", "attend"}
_GENERIC_HEADS = {"official", "officials", "leader", "spokesman", "spokeswoman", "spokesperson"}


@define
class Cluster:
    """The mentions of one participant while they are being gathered."""

    kind: str
    words: list[str]
    name: str
    mentions: list[tuple[int, int]] = field(factory=list)
    titles: list[tuple[int, Title]] = field(factory=list)  # (priority, title): lower is better
    affiliation: str | None = None
    role: str = "mentioned"

    def add(self, start: int, end: int) -> None:
        if (start, end) not in self.mentions:
            self.mentions.append((start, end))

    def best_title(self) -> Title | None:
        ranked = sorted(self.titles, key=lambda pt: (pt[0], -len(pt[1].title or "")))
        return ranked[0][1] if ranked else None

    def last_before(self, offset: int) -> int:
        return max((start for start, _ in self.mentions if start < offset), default=-1)


def _outside(span: SpacySpan, skip: Iterable[Span]) -> bool:
    return not any(s.start < span.end_char and span.start_char < s.end for s in skip)


def _person_mentions(doc: Doc, skip: list[Span]) -> list[tuple[SpacySpan, list[str]]]:
    found = []
    for ent in doc.ents:
        if ent.label_ == "PERSON" and _outside(ent, skip):
            cleaned = clean_name(ent)
            if cleaned is not None:
                found.append(cleaned)
    return found + _titled_names(doc, skip)


def _titled_names(doc: Doc, skip: list[Span]) -> list[tuple[SpacySpan, list[str]]]:
    """Names the recogniser missed right after a title: "Foreign Minister Anders Lunde"."""
    lex = lexicon()
    found = []
    for token in doc:
        if not (token.text[:1].isupper() and lex.is_title_head(token.text)):
            continue
        end = token.i + 1
        while (
            end < len(doc) and end - token.i <= 4 and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper()
            and doc[end].ent_type_ not in {"PERSON", "ORG", "GPE", "NORP", "DATE"} and not lex.is_title_word(doc[end].text)
        ):
            end += 1
        if end > token.i + 1 and (end >= len(doc) or doc[end].ent_type_ != "PERSON"):
            span = doc[token.i + 1 : end]
            if _outside(span, skip):
                found.append((span, []))
    return found


def _choose(candidates: list[Cluster], offset: int) -> Cluster:
    """Of several clusters a mention fits, the one mentioned last before it, else the first."""
    before = [c for c in candidates if c.last_before(offset) >= 0]
    if before:
        return max(before, key=lambda c: c.last_before(offset))
    return min(candidates, key=lambda c: min(s for s, _ in c.mentions))


def _cluster_people(mentions: list[tuple[SpacySpan, list[str]]]) -> list[Cluster]:
    clusters: list[Cluster] = []
    ordered = sorted(mentions, key=lambda m: (-len(m[0]), m[0].start))
    for name, honorifics in ordered:
        words = [t.text for t in name]
        fits = [c for c in clusters if is_part_of(words, c.words)]
        if fits:
            cluster = _choose(fits, name.start_char)
        else:
            cluster = Cluster("person", words, name.text)
            clusters.append(cluster)
        cluster.add(name.start_char, name.end_char)
        for title in (title_before(name), title_after(name)):
            if title is not None:
                priority = 0 if len(words) == len(cluster.words) else 2
                cluster.titles.append((priority if title.start < name.start else priority + 1, title))
        if honorifics:
            expanded = lexicon().expand(" ".join(honorifics))
            cluster.titles.append((5, Title(expanded, None, None, name.start, name.start)))
    return clusters


def _add_missed_surnames(doc: Doc, clusters: list[Cluster], skip: list[Span]) -> None:
    """Surnames the recogniser missed or mislabelled ("Videgaray also recognized ...")."""
    people = [c for c in clusters if c.kind == "person"]
    taken = {start for c in people for start, _ in c.mentions}
    covered = [(s, e) for c in people for s, e in c.mentions]
    for token in doc:
        if not token.text[:1].isupper() or token.idx in taken or token.pos_ not in {"PROPN", "NOUN", "ADJ", "X"}:
            continue
        if any(s <= token.idx < e for s, e in covered):
            continue
        if not _outside(doc[token.i : token.i + 1], skip):
            continue
        key = fold(token.text)
        fits = [c for c in people if len(c.words) > 1 and fold(c.words[-1]) == key]
        if fits:
            _choose(fits, token.idx).add(token.idx, token.idx + len(token))


def _descriptions(doc: Doc, clusters: list[Cluster], skip: list[Span]) -> None:
    """Mentions by title alone: "the Foreign Minister", "Mexico's Secretary of the Interior"."""
    people = [c for c in clusters if c.kind == "person"]
    covered = [(s, e) for c in people for s, e in c.mentions]
    covered += [(doc[t.start].idx, doc[t.end - 1].idx + 1) for c in people for _, t in c.titles if t.end > t.start]
    for chunk in doc.noun_chunks:
        root = chunk.root
        if root.tag_ not in {"NN", "NNP"} or any(t.ent_type_ == "PERSON" for t in chunk):
            continue
        if any(s < chunk.end_char and chunk.start_char < e for s, e in covered) or not _outside(chunk, skip):
            continue
        if not (lexicon().is_title_head(root.text) or root.lower_ in _GENERIC_HEADS):
            continue
        end = root.i + 1
        for child in root.rights:
            if child.lower_ == "of" and any(t.text[:1].isupper() for t in child.subtree if t.i > child.i):
                end = child.right_edge.i + 1
        tokens = list(doc[chunk.start : end])
        described = description_title(tokens)
        if described is None:
            continue
        generic = root.lower_ in _GENERIC_HEADS
        fits = [c for c in people if _compatible(c, described, generic)]
        before = [c for c in fits if c.last_before(chunk.start_char) >= 0]
        if not before:
            continue
        cluster = _choose(before, chunk.start_char)
        cluster.add(chunk.start_char, tokens[-1].idx + len(tokens[-1]))
        if described.affiliation and not cluster.affiliation:
            cluster.affiliation = described.affiliation
        if not generic:
            cluster.titles.append((4, described))


def _compatible(cluster: Cluster, described: Title, generic: bool) -> bool:
    title = cluster.best_title()
    affiliation = cluster.affiliation or (title.affiliation if title else None)
    if described.affiliation and affiliation and described.affiliation != affiliation:
        return False
    if generic:
        return title is not None or affiliation is not None
    if title is None or not title.title or not described.title:
        return False
    mine = {fold(w) for w in title.title.split()}
    theirs = {fold(w) for w in described.title.split()} - {"of", "the"}
    return theirs <= mine


def _plural_affiliations(doc: Doc, clusters: list[Cluster]) -> None:
    """"the U.S. officials" after a sentence naming people gives those people that affiliation."""
    sentences = list(doc.sents)
    for index, sent in enumerate(sentences[1:], start=1):
        for token in sent:
            if token.tag_ != "NNS" or token.lower_ not in {"officials", "leaders", "delegation", "counterparts", "ministers", "secretaries"}:
                continue
            place = next((country(t.text) for t in token.lefts if t.ent_type_ in {"GPE", "NORP"} or t.text == "U.S."), None)
            if place is None:
                continue
            previous = sentences[index - 1]
            for cluster in clusters:
                if cluster.kind == "person" and cluster.affiliation is None and any(
                    previous.start_char <= s < previous.end_char for s, _ in cluster.mentions
                ):
                    title = cluster.best_title()
                    if not (title and title.affiliation):
                        cluster.affiliation = place


def _coordinated_affiliations(doc: Doc, clusters: list[Cluster]) -> None:
    """"Mexico's Foreign Minister X and Secretary of the Interior Y": Y shares X's country."""
    by_start = {s: c for c in clusters for s, _ in c.mentions}
    for cluster in clusters:
        if cluster.affiliation or cluster.kind != "person":
            continue
        for priority, title in cluster.titles:
            if title.affiliation or title.start < 2:
                continue
            joiner = doc[title.start - 1]
            if joiner.lower_ != "and":
                continue
            for other in clusters:
                if other is cluster:
                    continue
                for s, e in other.mentions:
                    if e == joiner.idx - 1 or e == joiner.idx:
                        other_title = other.best_title()
                        if other_title and other_title.affiliation:
                            cluster.affiliation = other_title.affiliation
    del by_start


def _roles(doc: Doc, clusters: list[Cluster]) -> None:
    """Who met, joined or visited whom: those people took part (``attendee``)."""
    for token in doc:
        if token.lemma_ not in _MEETING_LEMMAS or token.pos_ not in {"VERB", "NOUN"}:
            continue
        span = doc[token.left_edge.i : token.right_edge.i + 1] if token.pos_ == "NOUN" else None
        args = [c for c in token.children if c.dep_ in {"nsubj", "dobj", "prep", "conj", "nsubjpass"}]
        spans = [doc[a.left_edge.i : a.right_edge.i + 1] for a in args]
        if span is not None:
            spans.append(span)
        for cluster in clusters:
            if cluster.kind == "person" and any(
                sp.start_char <= s < sp.end_char for sp in spans for s, _ in cluster.mentions
            ):
                cluster.role = "attendee"


def _organizations(doc: Doc, clusters: list[Cluster], skip: list[Span]) -> None:
    """Organisations the lexicon knows (DHS, the White House) when named outside a title."""
    lex = lexicon()
    inside_titles = [
        (doc[t.start].idx, doc[t.end - 1].idx + len(doc[t.end - 1])) for c in clusters for _, t in c.titles if t.end > t.start
    ]
    by_key: dict[str, Cluster] = {}
    for ent in doc.ents:
        if ent.label_ != "ORG" or not _outside(ent, skip):
            continue
        if any(s <= ent.start_char < e for s, e in inside_titles):
            continue
        known = lex.organization(ent.text)
        if known is None:
            continue
        key, record = known
        cluster = by_key.get(key)
        if cluster is None:
            cluster = Cluster("organization", [key], key)
            cluster.affiliation = country(record["country"]) if record.get("country") else None
            by_key[key] = cluster
            clusters.append(cluster)
        start = ent.start_char + (4 if ent.text.lower().startswith("the ") else 0)
        cluster.add(start, ent.end_char)


def find_participants(doc: Doc, *, skip: Iterable[Span] = (), authors: Iterable[tuple[str, Span]] = ()) -> list[Participant]:
    """The participants of a parsed text. ``skip`` holds spans not to read as body (headline,
    byline); ``authors`` the byline's names with their spans."""
    skip = list(skip)
    clusters = _cluster_people(_person_mentions(doc, skip))
    _add_missed_surnames(doc, clusters, skip)
    for cluster in clusters:
        title = cluster.best_title()
        cluster.affiliation = cluster.affiliation or (title.affiliation if title else None)
    _coordinated_affiliations(doc, clusters)
    _plural_affiliations(doc, clusters)
    _descriptions(doc, clusters, skip)
    _roles(doc, clusters)
    _organizations(doc, clusters, skip)
    text = doc.text
    participants: list[Participant] = []
    used: set[str] = set()
    for name, span in authors:
        participants.append(Participant(id=_unique(slug(name), used), name=name, role="author", mentions=(span,)))
    for cluster in sorted(clusters, key=lambda c: min(s for s, _ in c.mentions)):
        title = cluster.best_title()
        organization = title.organization if title else None
        affiliation = cluster.affiliation
        if organization and not affiliation:
            known = lexicon().organization(organization)
            affiliation = country(known[1]["country"]) if known and known[1].get("country") else None
        participants.append(
            Participant(
                id=_unique(slug(cluster.name), used),
                name=cluster.name,
                kind=cluster.kind,
                title=title.title if title and cluster.kind == "person" else None,
                organization=organization,
                affiliation=affiliation,
                role=cluster.role,
                mentions=tuple(Span.of(text, s, e) for s, e in sorted(cluster.mentions)),
            )
        )
    return participants


def _unique(base: str, used: set[str]) -> str:
    candidate, number = base, 2
    while candidate in used:
        candidate, number = f"{base}-{number}", number + 1
    used.add(candidate)
    return candidate
