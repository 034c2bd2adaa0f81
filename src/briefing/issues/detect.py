"""Issues in a briefing: where the taxonomy's terms occur, the finer issues the text names under a
topic, the statements that raise them, and each participant's stance with its evidence.

A mention belongs to the most specific issue whose terms cover it (the longest match; a finer issue
before its topic). A topic's mention that no finer issue claims gives a finer issue named by the
noun phrase around it ("immigration enforcement") when that phrase is raised in a statement or comes
back. Stances come from statements (:func:`.stance.judge`, from the mention up to the cue) and from
the narrative around them, when a participant holds an opinion there ("Chile's opposition to ...",
"These two points are an objection to ..."). A stance reported as agreed ("the ministers agreed
that ...") is held by every speaker.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

import attrs
from attrs import frozen

from ..model import Briefing, Issue, Position, Span, Statement
from .stance import Judgement, judge, walk
from .taxonomy import Taxonomy, Topic

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["Opinion", "find_issues"]

_MIN_MENTIONS = 2
_STAND_HOLDERS = {"poss", "compound", "nmod", "nsubj", "amod"}
_BACK_REFERENCES = {"point", "points", "remark", "remarks", "comment", "comments", "statement", "statements",
                    "concern", "concerns", "objection", "objections", "words", "argument", "arguments"}
_ANAPHORS = {"latter", "these", "those", "this", "his", "her", "their", "such"}
_STANCE_ORDER = ("oppose", "concern", "support", "neutral")
# Subjects of an agreement that mean the parties to the talks: "the officials agreed", "both sides agree".
_THE_PARTIES = {"official", "minister", "leader", "side", "country", "delegation", "government", "nation",
                "counterpart", "president", "secretary", "negotiator", "participant", "both", "we"}


@frozen
class Hit:
    start: int
    end: int
    topic: Topic


@frozen
class Opinion:
    """One stance of one participant toward one mention of an issue, with what grounds it."""

    participant: str
    stance: str
    statements: tuple[str, ...] = ()
    evidence: tuple[Span, ...] = ()


def _hits(text: str, taxonomy: Taxonomy, skip: Sequence[Span]) -> list[Hit]:
    """Every mention of a topic or finer issue, overlaps resolved to the longest, then the finer."""
    found = []
    for order, topic in enumerate(taxonomy.topics):
        for start, end in topic.find(text):
            if not any(s.start <= start < s.end for s in skip):
                found.append((-(end - start), topic.parent is None, order, Hit(start, end, topic)))
    kept: list[Hit] = []
    for *_, hit in sorted(found, key=lambda f: f[:3]):
        if not any(k.start < hit.end and hit.start < k.end for k in kept):
            kept.append(hit)
    return sorted(kept, key=lambda h: h.start)


def _phrase(doc: Doc, hit: Hit) -> tuple[str, str] | None:
    """The noun phrase a topic's mention is part of, as a finer issue: ``(key, label)``, e.g.
    "immigration enforcement" for "immigration", "mass migration" for "migration"; ``None`` when
    the phrase is the term alone."""
    span = doc.char_span(hit.start, hit.end, alignment_mode="expand")
    if span is None:
        return None
    root = span.root
    first, last = span.start, span.end - 1
    if root.dep_ == "compound" and root.head.pos_ in {"NOUN", "PROPN"} and root.head.i > last:
        last = root.head.i
    while first > 0 and doc[first - 1].dep_ == "compound" and doc[first - 1].head.i in range(first, last + 1):
        first -= 1
    tokens = doc[first : last + 1]
    if len(tokens) == len(span) or not all(t.pos_ in {"NOUN", "PROPN", "ADJ"} for t in tokens):
        return None
    label = tokens.text if any(t.pos_ == "PROPN" for t in tokens) else tokens.text.lower()
    key = re.sub(r"[^a-z0-9]+", "-", " ".join(t.lemma_.lower() for t in tokens)).strip("-")
    return f"{hit.topic.key}-{key}", label


def _containing(statements: Sequence[Statement], at: int) -> list[tuple[Statement, Span]]:
    return [(s, span) for s in statements for span in s.content if span.start <= at < span.end]


def _tokens(doc: Doc, span: Span | None) -> list[Token]:
    found = doc.char_span(span.start, span.end, alignment_mode="expand") if span is not None else None
    return list(found) if found is not None else []


def _evidence(text: str, tokens: Sequence[Token]) -> tuple[Span, ...]:
    return tuple(Span.of(text, t.idx, t.idx + len(t)) for t in sorted(tokens, key=lambda t: t.i))


def _agreeing(verb: Token, mentions: dict[int, str], speakers: list[str]) -> list[str]:
    """Who agrees: the participants the subject of the agreeing verb names ("Ortega and Lopes
    agreed"), or every speaker when it names the parties to the talks ("the officials", "both
    sides", "we")."""
    subject = next(c for c in verb.children if c.dep_ == "nsubj")
    named = list(dict.fromkeys(mentions[t.idx] for t in subject.subtree if t.idx in mentions))
    if named:
        return named
    return speakers if subject.lemma_.lower() in _THE_PARTIES else []


def _from_statements(doc: Doc, briefing: Briefing, hit: Hit, mentions: dict[int, str]) -> list[Opinion]:
    """The stance of each statement that raises the mention, for its speaker (for each member when
    the speaker is a group of named people), and for those it reports agreeing."""
    text = briefing.text
    speakers = sorted({s.speaker for s in briefing.statements if s.speaker})
    term = doc.char_span(hit.start, hit.end, alignment_mode="expand")
    opinions = []
    for statement, _content in _containing(briefing.statements, hit.start):
        if term is None:
            continue
        # the content, its interruptions ("The fees, she insisted, are modest") and the way to the cue
        edges = [statement.content[0].start, statement.content[-1].end, *([statement.cue.start, statement.cue.end] if statement.cue else [])]
        within = (min(edges), max(edges))
        found: Judgement = judge(list(term), within=within, cue=_tokens(doc, statement.cue))
        evidence = _evidence(text, found.evidence)
        agreed = None
        if found.agreed is not None and found.stance != "neutral":  # "The ministers agreed that ..."
            agreed = _evidence(text, [found.agreed, *found.evidence])
        group = briefing.participant(statement.speaker)
        if group is not None and group.members:
            holders = list(group.members)
            opinions += [Opinion(member, found.stance, (statement.id,), agreed or evidence) for member in holders]
        else:
            holders = [statement.speaker] if statement.speaker else []
            opinions += [Opinion(holder, found.stance, (statement.id,), evidence) for holder in holders]
        if agreed is not None:
            groups = {p.id for p in briefing.participants if p.members}
            opinions += [Opinion(other, found.stance, (statement.id,), agreed)
                         for other in _agreeing(found.agreed, mentions, speakers) if other not in {*holders, *groups}]
    return opinions


def _holders(node: Token, came_from: Token | None, mentions: dict[int, str], briefing: Briefing) -> list[tuple[str, tuple[str, ...]]]:
    """Who holds the opinion a stance word expresses: the participant that owns it ("Mexico's
    opposition", "the proposed U.S. action"), is its subject, or, for "the latter points are an
    objection", the speaker of the statement before."""
    found = []
    candidates = [c for c in node.children if c.dep_ in _STAND_HOLDERS and (came_from is None or c.i != came_from.i)]
    if node.lemma_ == "be" and came_from is not None and came_from.dep_ == "attr":
        candidates = [c for c in node.children if c.dep_ == "nsubj"]
    for candidate in candidates:
        owner = next((mentions[t.idx] for t in candidate.subtree if t.idx in mentions), None)
        if owner is not None and (candidate.dep_ != "amod" or candidate.ent_type_ in {"NORP", "GPE"}):
            found.append((owner, ()))
        elif candidate.lower_ in _BACK_REFERENCES and any(t.lower_ in _ANAPHORS for t in candidate.subtree):
            earlier = [s for s in briefing.statements if s.content[-1].end <= candidate.idx and s.speaker]
            if earlier:
                found.append((earlier[-1].speaker, (earlier[-1].id,)))
    return found


def _from_narrative(doc: Doc, briefing: Briefing, hit: Hit, mentions: dict[int, str]) -> list[Opinion]:
    """Opinions the text reports outside statements, held by a participant it names there."""
    term = doc.char_span(hit.start, hit.end, alignment_mode="expand")
    if term is None:
        return []
    opinions, came_from = [], None
    for step in walk(list(term)):
        if step.judgement.stance != "neutral" and step.node not in term:
            for holder, statements in _holders(step.node, came_from, mentions, briefing):
                evidence = _evidence(briefing.text, step.judgement.evidence)
                opinions.append(Opinion(holder, step.judgement.stance, statements, evidence))
        came_from = step.node
    return opinions


def _positions(opinions: Sequence[Opinion]) -> list[Position]:
    """One position per participant: the stance they take most often (neutral only when they take
    no other), with the statements and evidence behind it."""
    by_participant: dict[str, list[Opinion]] = {}
    for opinion in opinions:
        by_participant.setdefault(opinion.participant, []).append(opinion)
    positions = []
    for participant, held in by_participant.items():
        counts = Counter(o.stance for o in held if o.stance != "neutral") or Counter(o.stance for o in held)
        stance = min(counts, key=lambda s: (-counts[s], _STANCE_ORDER.index(s)))
        chosen = [o for o in held if o.stance == stance]
        statements = tuple(dict.fromkeys(s for o in chosen for s in o.statements))
        evidence = tuple(sorted({span for o in chosen for span in o.evidence}))
        positions.append(Position(participant=participant, stance=stance, statements=statements, evidence=evidence))
    return positions


@attrs.define
class _Found:
    """An issue while it is gathered: what it is, its mentions, opinions, and the statements raising it."""

    key: str
    label: str
    topic: Topic  # the taxonomy entry it is, or, for a phrase, falls under
    spans: list[Span] = attrs.field(factory=list)
    opinions: list[Opinion] = attrs.field(factory=list)
    raised: list[str] = attrs.field(factory=list)

    def absorb(self, other: _Found) -> None:
        self.spans += other.spans
        self.opinions += other.opinions
        self.raised += [s for s in other.raised if s not in self.raised]

    @property
    def parent(self) -> str | None:
        return self.topic.parent if self.key == self.topic.key else self.topic.key

    def worth_keeping(self) -> bool:
        return bool(self.raised) or any(o.stance != "neutral" for o in self.opinions) or len(self.spans) >= _MIN_MENTIONS


def find_issues(briefing: Briefing, doc: Doc, taxonomy: Taxonomy, skip: Sequence[Span] = ()) -> Briefing:
    """The briefing with its issues: taxonomy topics and finer issues that statements or opinions
    raise or that the text names at least twice; statements linked to them; positions."""
    text = briefing.text
    mentions = {m.start: p.id for p in briefing.participants if p.role != "author" for m in p.mentions}
    found: dict[str, _Found] = {}
    phrases: dict[str, _Found] = {}
    for hit in _hits(text, taxonomy, skip):
        phrase = _phrase(doc, hit) if hit.topic.parent is None else None
        if phrase is not None:
            entry = phrases.setdefault(phrase[0], _Found(phrase[0], phrase[1], hit.topic))
        else:
            entry = found.setdefault(hit.topic.key, _Found(hit.topic.key, hit.topic.label, hit.topic))
        entry.spans.append(Span.of(text, hit.start, hit.end))
        if _containing(briefing.statements, hit.start):
            opinions = _from_statements(doc, briefing, hit, mentions)
            entry.raised.extend(s for o in opinions for s in o.statements if s not in entry.raised)
        else:
            opinions = _from_narrative(doc, briefing, hit, mentions)
        entry.opinions.extend(opinions)
    for phrase in phrases.values():
        # a phrase the text comes back to is a finer issue; one named once in passing stays with its topic
        key = phrase.key if phrase.worth_keeping() else phrase.topic.key
        if key not in found:
            found[key] = _Found(key, phrase.label if key == phrase.key else phrase.topic.label, phrase.topic)
        found[key].absorb(phrase)
    topics = {topic.key: topic for topic in taxonomy.topics}
    kept = {key: entry for key, entry in found.items() if entry.worth_keeping()}
    for entry in list(kept.values()):
        if entry.parent and entry.parent not in kept:
            parent = topics[entry.parent]
            kept[parent.key] = found.get(parent.key) or _Found(parent.key, parent.label, parent)
    order = {topic.key: number for number, topic in enumerate(taxonomy.topics)}

    def rank(entry: _Found) -> tuple:
        first = min((s.start for s in entry.spans), default=0)
        return order[entry.parent or entry.key], entry.parent is not None, order.get(entry.key, len(order)), first

    issues = [
        Issue(id=e.key, label=e.label, code=e.topic.code, parent=e.parent, mentions=sorted(e.spans),
              positions=_positions(e.opinions))
        for e in sorted(kept.values(), key=rank)
    ]
    links: dict[str, set[str]] = {}
    for entry in kept.values():
        for statement_id in entry.raised:
            links.setdefault(statement_id, set()).update({entry.key, *([entry.parent] if entry.parent else [])})
    statements = [
        attrs.evolve(s, issues=(*s.issues, *sorted(links.get(s.id, set()) - set(s.issues)))) for s in briefing.statements
    ]
    return attrs.evolve(briefing, issues=(*briefing.issues, *issues), statements=statements)
