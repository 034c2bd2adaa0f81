"""A briefing's topics from the topic classifier, added to those its taxonomy's terms found.

- Each statement is classified as read in its sentences (content, cue and source), its probabilities
  averaged with the document's (``DOCUMENT_WEIGHT``), so that "the rules must change" in an article on
  an election is read as being about the election. Its best topic, and the runner-up when that is at
  least ``RUNNER_UP`` times as likely, are linked to the statement first; ``none`` stops the list
  (a statement most likely about no policy topic gets none from the classifier). A transcript's
  turn of only thanks, a greeting or a name ("Thank you, Mr. President.", "Jon?":
  :func:`..questions.courtesy`) is not read: it is about no topic, not the one the rest of the
  briefing is about.
- The document's probabilities are those of its headline and lead (the first ``LEAD_SENTENCES``
  sentences of the body; a transcript's first turn) averaged with the mean of its statements'
  (``BODY_WEIGHT``): what the article reports people saying is part of its theme. Its best topic
  is a topic of the briefing even when no statement raises it.
- The classifier's probabilities were set on headlines; a sentence with its context has more words
  and comes out surer than a headline would, so its scores are softened (``SOFTENING``) before the
  softmax, and a document topic or a runner-up that is close keeps a say.
- Topics are ordered most salient first: a topic's salience is the document's probability for it
  plus, for each statement, its probability, or 1 when the taxonomy's terms in the statement name
  the topic (most): where the classifier, trained on headlines, reads spoken turns about "the
  federal response" as Government Operations, a briefing whose speakers name health terms again
  and again is about Health. A finer issue follows its topic.

Only topics the taxonomy has (the same ``code``) are added; the terms' mentions stay the evidence.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

import attrs
import numpy as np
from attrs import frozen

from ..model import Briefing, Issue, Span, Statement
from ..questions import courtesy
from .classifier import NO_TOPIC, TopicClassifier
from .taxonomy import Taxonomy

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["BODY_WEIGHT", "DOCUMENT_WEIGHT", "LEAD_SENTENCES", "RUNNER_UP", "SOFTENING", "Classified", "add_topics", "classify"]

DOCUMENT_WEIGHT = 3.0
BODY_WEIGHT = 1.0
LEAD_SENTENCES = 2
RUNNER_UP = 0.6
SOFTENING = 0.4


def _sentence_text(text: str, starts: Sequence[int], ends: Sequence[int], spans: Sequence[Span]) -> str:
    """The text of the sentences the spans touch, from the first to the last."""
    first = max(bisect.bisect_right(starts, min(s.start for s in spans)) - 1, 0)
    last = max(bisect.bisect_left(ends, max(s.end for s in spans)), first)
    return text[starts[first] : ends[min(last, len(ends) - 1)]]


def _document_text(briefing: Briefing, doc: Doc, skip: Sequence[Span]) -> str:
    """The headline and the lead: the first sentences outside bylines, datelines and the like; in a
    transcript, its first turn, the opening remarks that set out what the briefing is about (its
    first sentences are greetings and asides: "Just before we begin ...")."""
    headline = [s.text for s in briefing.section_spans("headline")]
    turns = briefing.section_spans("turn")
    if turns:
        return "\n".join([*headline, turns[0].text])
    lead: list[str] = []
    for sentence in doc.sents:
        if len(lead) == LEAD_SENTENCES:
            break
        if not any(k.start <= sentence.start_char < k.end for k in skip) and sentence.text.strip():
            lead.append(sentence.text)
    return "\n".join([*headline, *lead])


def _statement_texts(briefing: Briefing, doc: Doc, statements: Sequence[Statement]) -> list[str]:
    sentences = list(doc.sents)
    starts = [s.start_char for s in sentences]
    ends = [s.end_char for s in sentences]
    texts = []
    for statement in statements:
        spans = [*statement.content, *([statement.cue] if statement.cue else []), *([statement.source] if statement.source else [])]
        texts.append(_sentence_text(briefing.text, starts, ends, spans) if sentences else statement.text)
    return texts


def _courtesy_turn(statement: Statement, turns: set[tuple[int, int]]) -> bool:
    """Whether a statement is a whole turn of a transcript (``turns``: their bounds) that only
    thanks, greets or gives the floor ("Thank you, Mr. President.", "Jon?"): it is about nothing,
    whatever the briefing is about."""
    return any((c.start, c.end) in turns for c in statement.content) and courtesy(statement.text)


def _ordered(issues: Sequence[Issue], salience: dict[str, float]) -> list[Issue]:
    """Topics by salience (in their given order on a tie), each followed by its finer issues."""
    topics = [i for i in issues if i.parent is None]
    ranked = sorted(range(len(topics)), key=lambda n: (-salience.get(topics[n].id, 0.0), n))
    ordered = [topics[n] for n in ranked]
    placed = {i.id for i in ordered}
    result = []
    for topic in ordered:
        result += [topic, *(i for i in issues if i.parent == topic.id)]
    return result + [i for i in issues if i.parent is not None and i.parent not in placed]


@frozen
class Classified:
    """What the classifier read: each statement's topics (keys, best first; none for a statement
    most likely about no policy topic), the document's, the document's probability of each topic,
    and each statement's."""

    statements: dict[str, tuple[str, ...]]
    document: tuple[str, ...]
    document_shares: dict[str, float]
    statement_shares: dict[str, dict[str, float]]

    def best(self) -> dict[str, str]:
        """Each statement's best topic (key), for statements that have one."""
        return {sid: keys[0] for sid, keys in self.statements.items() if keys}

    def salience(self, named: Mapping[str, str] | None = None) -> dict[str, float]:
        """Each topic's salience: the document's probability of it plus each statement's, where a
        statement whose terms name a topic (``named``: statement id to topic key) counts wholly
        for that topic."""
        salience, named = dict(self.document_shares), named or {}
        for sid, shares in self.statement_shares.items():
            if sid in named:
                salience[named[sid]] = salience.get(named[sid], 0.0) + 1.0
                continue
            for key, share in shares.items():
                salience[key] += share
        return salience


def classify(briefing: Briefing, doc: Doc, taxonomy: Taxonomy, classifier: TopicClassifier,
             skip: Sequence[Span] = ()) -> Classified:
    """The classifier's topics of the statements and of the document (see the module)."""
    keys = {t.code: t for t in taxonomy.topics if t.parent is None and t.code}
    usable = np.array([label in keys for label in classifier.labels])
    if not usable.any():
        return Classified({}, (), {}, {})
    turns = {(t.start, t.end) for t in briefing.section_spans("turn")}
    read = [s for s in briefing.statements if not _courtesy_turn(s, turns)]
    statements = _statement_texts(briefing, doc, read)
    probabilities = classifier.probabilities([_document_text(briefing, doc, skip), *statements], SOFTENING)
    document, each = probabilities[0], probabilities[1:]
    if len(each):
        document = (document + BODY_WEIGHT * each.mean(axis=0)) / (1 + BODY_WEIGHT)
    each = (each + DOCUMENT_WEIGHT * document) / (1 + DOCUMENT_WEIGHT)
    none = classifier.labels.index(NO_TOPIC) if NO_TOPIC in classifier.labels else -1

    def topics_of(row: np.ndarray) -> tuple[str, ...]:
        """The best topic, and the runner-up when it is nearly as likely; ``none`` ends the list."""
        ranked = np.argsort(-row, kind="stable")[:2]
        chosen = [ranked[0], *(j for j in ranked[1:] if row[j] >= RUNNER_UP * row[ranked[0]])]
        found = []
        for j in chosen:
            if j == none:
                break
            if usable[j]:
                found.append(keys[classifier.labels[j]].key)
        return tuple(found)

    columns = [(j, keys[label].key) for j, label in enumerate(classifier.labels) if usable[j]]
    return Classified({s.id: topics_of(row) for s, row in zip(read, each, strict=True)},
                      topics_of(document), {key: float(document[j]) for j, key in columns},
                      {s.id: {key: float(row[j]) for j, key in columns} for s, row in zip(read, each, strict=True)})


def add_topics(briefing: Briefing, classified: Classified, taxonomy: Taxonomy) -> Briefing:
    """The briefing with the classified topics added to its issues, statements linked to their
    topics first, and topics ordered by salience (see the module)."""
    if not classified.document_shares:
        return briefing
    chosen = list(classified.document)
    linked: list[Statement] = []
    for statement in briefing.statements:
        found = classified.statements.get(statement.id, ())
        chosen += found
        if found:
            statement = attrs.evolve(statement, issues=(*found, *(i for i in statement.issues if i not in found)))
        linked.append(statement)
    issues = list(briefing.issues)
    have = {i.id for i in issues}
    by_key = {t.key: t for t in taxonomy.topics if t.parent is None}
    issues += [Issue(id=key, label=by_key[key].label, code=by_key[key].code)
               for key in dict.fromkeys(chosen) if key not in have]
    return attrs.evolve(briefing, issues=_ordered(issues, classified.salience(_named_topics(briefing))), statements=linked)


def _named_topics(briefing: Briefing) -> dict[str, str]:
    """Each statement's topic as the taxonomy's terms name it: the topic (a finer issue's parent)
    of the coded issues with most mentions in its content, for statements that hold any."""
    spans = sorted((c.start, c.end, s.id) for s in briefing.statements for c in s.content)
    starts = [start for start, _end, _sid in spans]
    counts: dict[str, Counter[str]] = {}
    for issue in briefing.issues:
        if issue.code is None:
            continue
        for mention in issue.mentions:
            at = bisect.bisect_right(starts, mention.start) - 1
            if at >= 0 and mention.end <= spans[at][1]:
                counts.setdefault(spans[at][2], Counter())[issue.parent or issue.id] += 1
    return {sid: found.most_common(1)[0][0] for sid, found in counts.items()}

