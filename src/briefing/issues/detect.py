"""Issues in a briefing: where the taxonomy's terms occur, the day's issues (phrases speakers come
back to, :mod:`.salience`), the statements that raise them, and each participant's stances with
their evidence.

A mention belongs to the most specific issue whose terms cover it (the longest match; a finer issue
before its topic), or to the day's phrase it is part of ("mass deportations"). Stances come from
statements (:func:`.stance.judge`, from the mention, framed as the speaker frames it, up to the
cue), and from the narrative only where it characterises the statement before ("These two points
are an objection to ..."): a position needs a statement. A stance reported as agreed ("Ortega and
Lopes agreed that ...") is held by those the agreement names. A stand on a phrase nobody comes back
to counts for the topic the statement is about.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, NamedTuple

import attrs
from attrs import frozen

from ..doc_tables import noun_chunk_bounds, noun_chunk_roots, sentence_starts, token_attributes
from ..model import Briefing, Issue, Position, Span, Statement
from .limit import limit_finer_issues
from .phrases import Phrase, phrase_at, stem
from .salience import MIN_IDF, background, salient
from .stance import Judgement, framed, judge, stance_lexicon, walk
from .taxonomy import Taxonomy, Topic, Words
from .words import DocWords, Word

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["Opinion", "find_issues"]

_MIN_MENTIONS = 2
_STAND_HOLDERS = {"poss", "compound", "nmod", "nsubj", "amod"}
_BACK_REFERENCES = {"point", "points", "remark", "remarks", "comment", "comments", "statement", "statements",
                    "concern", "concerns", "objection", "objections", "words", "argument", "arguments"}
_ANAPHORS = {"latter", "these", "those", "this", "his", "her", "their", "such"}
# Names, places, numbers and dates are who and when, not what is argued about.
_NOT_ISSUES = {"PERSON", "NORP", "DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY", "LOC"}


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
    words = Words.of(text)
    for order, topic in enumerate(taxonomy.topics):
        for start, end in topic.find(text, words):
            if not any(s.start <= start < s.end for s in skip):
                found.append((-(end - start), topic.parent is None, order, Hit(start, end, topic)))
    kept: list[Hit] = []
    for *_, hit in sorted(found, key=lambda f: f[:3]):
        if not any(k.start < hit.end and hit.start < k.end for k in kept):
            kept.append(hit)
    return sorted(kept, key=lambda h: h.start)


def _containing(statements: Sequence[Statement], at: int) -> list[tuple[Statement, Span]]:
    return [(s, span) for s in statements for span in s.content if span.start <= at < span.end]


def _words_in(doc: Doc, words: Sequence[Word], start: int, end: int) -> list[Word] | None:
    """The words from character ``start`` to ``end`` (those partly inside too), ``None`` where no
    token is."""
    found = doc.char_span(start, end, alignment_mode="expand")
    return list(words[found.start : found.end]) if found is not None else None


def _evidence(text: str, tokens: Sequence[Word]) -> tuple[Span, ...]:
    return tuple(Span.of(text, t.idx, t.idx + len(t)) for t in sorted(tokens, key=lambda t: t.i))


def _agreeing(verb: Word, mentions: dict[int, str]) -> list[str]:
    """Who agrees: only the participants the subject of the agreeing verb names ("Ortega and Lopes
    agreed"); "the officials agreed" names no one, and gives the stance to no one but the speaker."""
    subject = next(c for c in verb.children if c.dep_ == "nsubj")
    return list(dict.fromkeys(mentions[t.idx] for t in subject.subtree if t.idx in mentions))


class _Holders(NamedTuple):
    """Who holds what each statement says (by statement id), and the statements that ask rather
    than say (:func:`_statement_holders`)."""

    of: dict[str, tuple[str, ...]]
    asking: frozenset[str]


def _statement_holders(briefing: Briefing) -> _Holders:
    """Who holds what each statement says: its speaker, or each member of a group of named people
    speaking together ("Ortiz and Lunde said", "the two senators said"). The group asking a
    transcript's questions is the press pool: one of them speaks each time, never all, so the
    reporters it names hold nothing of what the pool says; and each of its turns asks, the premise
    before a question ("Your office cut the program in May.") as much as the question."""
    pools = {s.speaker for s in briefing.statements if s.act == "question"}
    groups = {p.id: p.members for p in briefing.participants if p.members and p.id not in pools}
    return _Holders({s.id: groups.get(s.speaker) or ((s.speaker,) if s.speaker else ()) for s in briefing.statements},
                    frozenset(s.id for s in briefing.statements if s.act == "question" or s.speaker in pools))


def _opinions(doc: Doc, briefing: Briefing, statement: Statement, term: Sequence[Word], mentions: dict[int, str],
              holders_of: _Holders) -> list[Opinion]:
    """The stance a statement takes toward the mention ``term``, for those who hold what it says
    (``holders_of``, :func:`_statement_holders`), and for those it reports agreeing. A question (a
    reporter's turn in a transcript) asks and takes no stand ("Should the ban stop at the border?")."""
    text = briefing.text
    # the content, its interruptions ("The fees, she insisted, are modest") and the way to the cue
    edges = [statement.content[0].start, statement.content[-1].end, *([statement.cue.start, statement.cue.end] if statement.cue else [])]
    cue = (_words_in(doc, term[0].words, statement.cue.start, statement.cue.end) if statement.cue else None) or []
    framing = framed(term)
    found = Judgement("neutral") if statement.id in holders_of.asking else judge(framing, within=(min(edges), max(edges)), cue=cue)
    # a stand on the issue as framed shows the act framing it ("vowed to repeal the tax": for repealing it)
    acts = [w for w in framing if w not in term and w.pos_ == "VERB"] if found.stance != "neutral" else []
    evidence = _evidence(text, [*found.evidence, *(w for w in acts if w not in found.evidence)])
    holders = holders_of.of[statement.id]
    opinions = [Opinion(holder, found.stance, (statement.id,), evidence) for holder in holders]
    if found.agreed is not None and found.stance != "neutral":  # "Ortega and Lopes agreed that ..."
        agreed = _evidence(text, [found.agreed, *found.evidence])
        opinions += [Opinion(other, found.stance, (statement.id,), agreed)
                     for other in _agreeing(found.agreed, mentions) if other not in holders]
    return opinions


def _from_statements(doc: Doc, words: Sequence[Word], briefing: Briefing, start: int, end: int,
                     mentions: dict[int, str], holders_of: _Holders) -> list[Opinion]:
    """The stance of each statement that raises the mention from ``start`` to ``end``."""
    term = _words_in(doc, words, start, end)
    if not term:
        return []
    return [o for statement, _ in _containing(briefing.statements, start)
            for o in _opinions(doc, briefing, statement, term, mentions, holders_of)]


def _holders(node: Word, came_from: Word | None, mentions: dict[int, str], briefing: Briefing) -> list[tuple[str, tuple[str, ...]]]:
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


def _from_narrative(doc: Doc, words: Sequence[Word], briefing: Briefing, hit: Hit, mentions: dict[int, str]) -> list[Opinion]:
    """Opinions the text reports outside statements, held by a participant it names there."""
    term = _words_in(doc, words, hit.start, hit.end)
    if not term:
        return []
    opinions, came_from = [], None
    for step in walk(term):
        if step.judgement.stance != "neutral" and step.node not in term:
            for holder, statements in _holders(step.node, came_from, mentions, briefing):
                evidence = _evidence(briefing.text, step.judgement.evidence)
                opinions.append(Opinion(holder, step.judgement.stance, statements, evidence))
        came_from = step.node
    return opinions


def _positions(opinions: Sequence[Opinion]) -> list[Position]:
    """Each participant's positions: one per stance they take, with the statements and evidence
    behind it, in the order they first take it; ``neutral`` only when they take no other. A stance
    with no words or no statement to show for it is not a position."""
    by_participant: dict[str, dict[str, list[Opinion]]] = {}
    for opinion in opinions:
        if opinion.stance != "neutral" and not (opinion.evidence and opinion.statements):
            continue
        by_participant.setdefault(opinion.participant, {}).setdefault(opinion.stance, []).append(opinion)
    positions = []
    for participant, held in by_participant.items():
        taken = {stance: chosen for stance, chosen in held.items() if stance != "neutral"} or held
        for stance, chosen in taken.items():
            statements = tuple(dict.fromkeys(s for o in chosen for s in o.statements))
            evidence = tuple(sorted({span for o in chosen for span in o.evidence}))
            positions.append(Position(participant=participant, stance=stance, statements=statements, evidence=evidence))
    return positions


@attrs.define
class _Found:
    """An issue while it is gathered: what it is, its mentions, opinions, and the statements raising it."""

    key: str
    label: str
    topic: Topic | None  # the taxonomy entry it is, or, for a phrase, falls under
    spans: list[Span] = attrs.field(factory=list)
    opinions: list[Opinion] = attrs.field(factory=list)
    raised: list[str] = attrs.field(factory=list)

    def add(self, span: Span, opinions: Sequence[Opinion], statements: Sequence[str] = ()) -> None:
        """A mention, the opinions on it, and the statements raising it (those of the opinions, and
        ``statements``: a statement whose speaker is not known raises it too)."""
        self.spans.append(span)
        self.opinions.extend(opinions)
        self.raised.extend(s for s in (*statements, *(s for o in opinions for s in o.statements)) if s not in self.raised)

    @property
    def parent(self) -> str | None:
        if self.topic is None:
            return None
        return (self.topic.parent or self.topic.key) if self.key != self.topic.key else self.topic.parent

    def worth_keeping(self) -> bool:
        return bool(self.raised) or any(o.stance != "neutral" for o in self.opinions) or len(self.spans) >= _MIN_MENTIONS


@frozen
class _Raised:
    """A phrase a statement raises, the taxonomy entry it falls under (``None`` if none), and the
    opinions the statement gives on it."""

    phrase: Phrase
    statement: Statement
    under: Topic | None
    opinions: tuple[Opinion, ...]
    at_term: bool = False  # around a taxonomy term, whose mention carries the opinions
    common: bool = False  # its head is too common a word to be the day's issue ("the bill")
    named: Topic | None = None  # the topic its sentence names, if any

    @property
    def topic(self) -> Topic | None:
        """Where the phrase counts when its group's topic is chosen: where it falls under, else the
        topic its sentence names."""
        return self.under or self.named


def _named_most(hits: Sequence[Hit]) -> str | None:
    """The key of the topic the briefing names most (its terms and its finer issues' terms)."""
    overall = Counter(hit.topic.parent or hit.topic.key for hit in hits)
    return overall.most_common(1)[0][0] if overall else None


class _Topics(NamedTuple):
    """The topic each statement is about, and the topic it names most within each of its sentences
    (by statement id and the sentence's first token), where it names any there."""

    of_statement: dict[str, Topic]
    of_sentence: dict[tuple[str, int], Topic]

    def at(self, statement: Statement, sentence: int) -> Topic | None:
        """What a stand in this sentence of the statement is about: the topic the sentence names, else
        the statement's (in a transcript's long turn, one sentence on trade is about trade)."""
        return self.of_sentence.get((statement.id, sentence)) or self.of_statement.get(statement.id)


def _statement_topics(briefing: Briefing, doc: Doc, hits: Sequence[Hit], taxonomy: Taxonomy,
                      classified: Mapping[str, str]) -> _Topics:
    """The topic each statement is about: the topic it names most, else the one the briefing names
    most (a statement that names no topic is about what the briefing is about), else, in a text
    whose words name no topic, the one the topic classifier gives it (``classified``: statement id
    to topic key); and the topic each of its sentences names most. On PolNeAR dev the briefing's
    named topic places stands better than each statement's classified one (docs/issues.md)."""
    top = {t.key: t for t in taxonomy.topics if t.parent is None}
    offsets, starts = token_attributes(doc)["idx"], sentence_starts(doc)
    by_sentence: dict[tuple[str, int], Counter[str]] = {}
    for hit in hits:
        at = bisect_right(offsets, hit.start) - 1
        for statement, _ in _containing(briefing.statements, hit.start):
            key = (statement.id, starts[at] if at >= 0 else 0)
            by_sentence.setdefault(key, Counter())[hit.topic.parent or hit.topic.key] += 1
    named: dict[str, Counter[str]] = {}
    for (sid, _), counts in by_sentence.items():
        named.setdefault(sid, Counter()).update(counts)
    dominant = top.get(_named_most(hits) or "")
    topics = {s.id: top[named[s.id].most_common(1)[0][0]] if s.id in named else dominant or top.get(classified.get(s.id, ""))
              for s in briefing.statements}
    sentences = {key: top[counts.most_common(1)[0][0]] for key, counts in by_sentence.items()}
    return _Topics({sid: topic for sid, topic in topics.items() if topic is not None}, sentences)


class _Chunk(NamedTuple):
    """A noun chunk: its words, its root (spaCy's ``chunk.root``) and its character bounds."""

    words: list[Word]
    root: Word
    start_char: int
    end_char: int


def _chunks_by_statement(doc: Doc, words: Sequence[Word], briefing: Briefing) -> list[tuple[Statement, list[_Chunk]]]:
    """The noun chunks inside each statement's content, one pass over the document's chunks; a chunk
    after a statement nested in another (reported inside a transcript's turn) is the outer one's."""
    starts = sorted((span.start, span.end, n) for n, s in enumerate(briefing.statements) for span in s.content)
    found: dict[int, list[_Chunk]] = {}
    keys = [start for start, _end, _n in starts]
    outer, open_ = [], []  # the span each span lies in (a statement reported inside a turn: the turn), or -1
    for number, (start, _end, _n) in enumerate(starts):
        while open_ and starts[open_[-1]][1] <= start:
            open_.pop()
        outer.append(open_[-1] if open_ else -1)
        open_.append(number)
    for (first, end, start_char, end_char), (*_, root) in zip(noun_chunk_bounds(doc), noun_chunk_roots(doc), strict=True):
        at = bisect_right(keys, start_char) - 1
        while at >= 0 and end_char > starts[at][1]:  # past a nested statement: the one around it
            at = outer[at]
        if at >= 0:
            found.setdefault(starts[at][2], []).append(_Chunk(list(words[first:end]), words[root], start_char, end_char))
    return [(briefing.statements[n], chunks) for n, chunks in sorted(found.items())]


def _issue_like(chunk: _Chunk, statement: Statement, opinions: Sequence[Opinion]) -> bool:
    """Whether a stand on the phrase is a stand on a policy matter: it names something done or
    decided (a plan, a veto), is acted on ("cut taxes"), or words other than the reporting verb
    judge it; "praised the hosts" is about people, not an issue."""
    lex = stance_lexicon()
    cue = (statement.cue.start, statement.cue.end) if statement.cue else (0, 0)
    judged = any(not cue[0] <= e.start < cue[1] for o in opinions for e in o.evidence)
    return lex.is_act(chunk.root) or len(framed(chunk.words)) > len(chunk.words) or judged


def _raised(doc: Doc, briefing: Briefing, chunks_by_statement: Sequence[tuple[Statement, list[_Chunk]]], hits: Sequence[Hit],
            topics: _Topics, mentions: dict[int, str], holders_of: _Holders,
            skip: Sequence[Span]) -> list[_Raised]:
    """The noun phrases each statement raises, outside the taxonomy's own terms and names, with the
    statement's stance on each, placed under the topic its sentence names, else the statement's."""
    lex, common_words = stance_lexicon(), background()
    taken = bytearray(len(briefing.text) + 1)  # characters of taxonomy terms and headings
    for start, end in [(hit.start, hit.end) for hit in hits] + [(m.start, m.end) for m in skip]:
        taken[start:end] = b"\x01" * (end - start)
    people = {p.id for p in briefing.participants if p.kind == "person"}
    # the countries taking part: those that the people who speak or attend speak for
    taking_part = {p.affiliation for p in briefing.participants
                   if p.kind == "person" and p.role in {"speaker", "attendee"}} - {None}
    sides = [p for p in briefing.participants if p.kind != "person" and p.affiliation in taking_part]
    side_words = {word for p in sides for word in p.name.lower().split()}
    side_words |= {"".join(word[0] for word in p.name.lower().split()) for p in sides}  # "U.S."
    side_ids = {p.id for p in sides}
    starts = sentence_starts(doc)
    raised = []
    for statement, chunks in chunks_by_statement:
        for chunk in chunks:
            root = chunk.root
            side = root.ent_type_ == "GPE" and (root.lower_.replace(".", "") in side_words
                                                or any(mentions.get(t.idx) in side_ids for t in chunk.words))
            act = lex.is_act(root)
            # a person's name is no issue (an organization may be)
            if root.ent_type_ in _NOT_ISSUES or mentions.get(root.idx) in people or side \
                    or (lex.kind(root) is not None and not act):
                continue  # who, when, and stance words ("the need", "the dangers") are no issues; acts ("the veto") are
            if any(taken[chunk.start_char : chunk.end_char]):
                continue  # a taxonomy term or a heading is read as such
            phrase = phrase_at(chunk.words)
            common = phrase is not None and common_words.idf([phrase.head]) < MIN_IDF  # "people", "things": no issue
            # but a stand on an act ("the bill", "moved the voters") is one on the statement's topic
            if phrase is not None and (not common or act or len(framed(chunk.words)) > len(chunk.words)):
                opinions = tuple(_opinions(doc, briefing, statement, chunk.words, mentions, holders_of))
                under = topics.at(statement, starts[root.i]) if _issue_like(chunk, statement, opinions) else None
                raised.append(_Raised(phrase, statement, under, opinions, common=common,
                                      named=topics.of_sentence.get((statement.id, starts[root.i]))))
    return raised


def find_issues(briefing: Briefing, doc: Doc, taxonomy: Taxonomy, skip: Sequence[Span] = (),
                classified: Mapping[str, str] | None = None) -> Briefing:
    """The briefing with its issues: taxonomy topics and finer issues that statements raise or that
    the text names at least twice, the phrases speakers come back to (:func:`.salience.salient`),
    statements linked to them, and positions. ``classified`` gives statements' topics (id to
    topic key) from the topic classifier, for statements that name none."""
    text = briefing.text
    mentions = {m.start: p.id for p in briefing.participants if p.role != "author" for m in p.mentions}
    holders_of = _statement_holders(briefing)
    hits, words = _hits(text, taxonomy, skip), DocWords(doc)
    topics = _statement_topics(briefing, doc, hits, taxonomy, classified or {})
    found: dict[str, _Found] = {}
    raised: list[_Raised] = []
    at_hit: list[tuple[Hit, Phrase | None, list[Opinion]]] = []
    # the briefing's own subject: the terms of the topic it names most, said alone ("the virus" in a
    # briefing on health), which name that topic more than an issue of the day
    subject, named_most = set(), _named_most(hits)
    for hit in hits:
        span = doc.char_span(hit.start, hit.end, alignment_mode="expand")
        term = words[span.start : span.end] if span is not None else []
        phrase = phrase_at(term)
        alone = phrase is not None and phrase.stems == frozenset(stem(t.lemma_) for t in term if t.pos_ in {"NOUN", "PROPN", "ADJ"})
        if alone and hit.topic.key == named_most:
            subject.add(phrase.head)
        if alone and hit.topic.parent is not None:
            phrase = None  # a finer issue's own term, not inside a longer phrase ("mass deportations")
        # a term inside a phrase is judged as the phrase ("no loss from the tax increase" is no stand on
        # taxes), unless the phrase is an act on it ("her tax plan" is a stand for the tax)
        whole = phrase is not None and span is not None and not stance_lexicon().is_act(words[span.root.i].head)
        start, end = (phrase.start, phrase.end) if whole else (hit.start, hit.end)
        opinions = _from_statements(doc, words, briefing, start, end, mentions, holders_of) if _containing(briefing.statements, hit.start) \
            else _from_narrative(doc, words, briefing, hit, mentions)
        for statement, _ in _containing(briefing.statements, hit.start) if phrase is not None else ():
            raised.append(_Raised(phrase, statement, hit.topic, (), at_term=True))
        at_hit.append((hit, phrase, opinions))
    chunks_by_statement = _chunks_by_statement(doc, words, briefing)
    raised += _raised(doc, briefing, chunks_by_statement, hits, topics, mentions, holders_of, skip)
    groups = salient([(r.phrase, r.statement.id, r.statement.speaker) for r in raised if not r.common],
                     topics={stem(t.label) for t in taxonomy.topics}, subject=subject)
    by_phrase: dict[int, _Found] = {}
    for group in groups:
        members = {id(p) for p in group.phrases}
        under = Counter(r.topic.key for r in raised if r.topic is not None and id(r.phrase) in members)
        topic = next((t for t in taxonomy.topics if under and t.key == under.most_common(1)[0][0]), None)
        key = f"{(topic.parent or topic.key) if topic else 'issue'}-{group.first.key}"
        entry = found.setdefault(key, _Found(key, group.label, topic))
        by_phrase.update(dict.fromkeys(members, entry))

    def salient_entry(phrase: Phrase | None) -> _Found | None:
        return by_phrase.get(id(phrase))

    for hit, phrase, opinions in at_hit:
        # a term inside a phrase that is the day's news counts for that phrase, as framed
        entry = salient_entry(phrase) or found.setdefault(hit.topic.key, _Found(hit.topic.key, hit.topic.label, hit.topic))
        entry.add(Span.of(text, hit.start, hit.end), opinions, [s.id for s, _ in _containing(briefing.statements, hit.start)])
    for r in (r for r in raised if not r.at_term):
        entry = salient_entry(r.phrase)
        if entry is None and r.under is not None and any(o.stance != "neutral" for o in r.opinions):
            # a stand on a phrase nobody comes back to counts for the topic the statement is about
            entry = found.setdefault(r.under.key, _Found(r.under.key, r.under.label, r.under))
        if entry is not None:
            entry.add(Span.of(text, r.phrase.start, r.phrase.end), r.opinions, [r.statement.id])
    naming = {statement.id for statement, chunks in chunks_by_statement if any(_names_a_subject(c, mentions) for c in chunks)}
    _on_topics(doc, words, briefing, found, {**topics.of_statement, **_keyed(taxonomy, classified or {})}, naming)
    words.unlink()
    return limit_finer_issues(_with_issues(briefing, found, taxonomy))


def _keyed(taxonomy: Taxonomy, keys: Mapping[str, str]) -> dict[str, Topic]:
    """The taxonomy's topics for statement ids mapped to topic keys."""
    by_key = {t.key: t for t in taxonomy.topics}
    return {sid: by_key[key] for sid, key in keys.items() if key in by_key}


def _intended(doc: Doc, words: Sequence[Word], statement: Statement) -> Judgement | None:
    """The stance of the act a statement reports its speaker intends, the infinitive its cue
    governs ("promised to focus the benefits on families", "wants to junk the exemptions",
    "refused to sign"), when that act is what it reports."""
    if statement.cue is None:
        return None
    cue = _words_in(doc, words, statement.cue.start, statement.cue.end)
    start, end = statement.content[0].start, statement.content[-1].end
    act = next((c for t in cue or () for c in t.children
                if c.dep_ == "xcomp" and c.pos_ == "VERB" and start <= c.idx < end), None)
    return judge([act], within=(min(start, statement.cue.start), max(end, statement.cue.end)), cue=cue,
                 acting=True) if act is not None else None


def _on_topics(doc: Doc, words: Sequence[Word], briefing: Briefing, found: dict[str, _Found],
               topics: Mapping[str, Topic], naming: set[str]) -> None:
    """A speaker whose statement takes no position on anything it raises holds, on the topic it is
    about (its classified topic, else the one it or the briefing names), the stance of the act it
    says the speaker intends (:func:`_intended`), else none: saying that a forecast was lowered is
    speaking on the economy without a stand on it. A statement that names no subject at all
    (``naming`` holds those that do, :func:`_names_a_subject`) speaks on no topic unless it states
    an intent: "Thank you all, we will take a few questions tomorrow" is no word on the topic the
    classifier read off the rest of the briefing."""
    judged = {s for entry in found.values() for o in entry.opinions for s in o.statements}
    for statement in briefing.statements:
        topic = topics.get(statement.id)
        if statement.speaker is None or statement.id in judged or topic is None:
            continue
        intended = _intended(doc, words, statement)
        if intended is None and statement.id not in naming:
            continue
        intended = intended or Judgement("neutral")
        entry = found.setdefault(topic.key, _Found(topic.key, topic.label, topic))
        entry.opinions.append(Opinion(statement.speaker, intended.stance, (statement.id,),
                                      _evidence(briefing.text, intended.evidence)))
        entry.raised.append(statement.id)


def _names_a_subject(chunk: _Chunk, mentions: Mapping[int, str]) -> bool:
    """Whether a noun chunk names something spoken about: not a pronoun, a participant, a person,
    a time, an amount, nor a generic word ("you", "Mike", "tomorrow", "two weeks", "a few
    questions")."""
    root = chunk.root
    return root.pos_ in {"NOUN", "PROPN"} and root.ent_type_ not in _NOT_ISSUES and root.idx not in mentions \
        and phrase_at(chunk.words) is not None


def _with_issues(briefing: Briefing, found: dict[str, _Found], taxonomy: Taxonomy) -> Briefing:
    """The briefing with the issues worth keeping, each with its topic, most salient first within
    the taxonomy's order, and each statement linked to the issues it raises."""
    topics = {topic.key: topic for topic in taxonomy.topics}
    kept = {key: entry for key, entry in found.items() if entry.worth_keeping()}
    for entry in list(kept.values()):
        parent = entry.parent
        while parent and parent not in kept:
            topic = topics[parent]
            kept[parent] = found.get(parent) or _Found(parent, topic.label, topic)
            parent = kept[parent].parent
    order = {topic.key: number for number, topic in enumerate(taxonomy.topics)}

    def rank(entry: _Found) -> tuple:
        first = min((s.start for s in entry.spans), default=0)
        top = entry.parent or entry.key
        return order.get(top, len(order)), entry.parent is not None, order.get(entry.key, len(order)), first

    issues = [
        Issue(id=e.key, label=e.label, code=e.topic.code if e.topic else None, parent=e.parent,
              mentions=sorted(set(e.spans)), positions=_positions(e.opinions))
        for e in sorted(kept.values(), key=rank)
    ]
    links: dict[str, set[str]] = {}
    for entry in kept.values():
        for statement_id in entry.raised:
            links.setdefault(statement_id, set()).update({entry.key, *([entry.parent] if entry.parent else [])})
    statements = [  # a statement linked to no new issue is kept as it is (a copy costs)
        attrs.evolve(s, issues=(*s.issues, *added)) if (added := sorted(links.get(s.id, set()) - set(s.issues))) else s
        for s in briefing.statements
    ]
    return attrs.evolve(briefing, issues=(*briefing.issues, *issues), statements=statements)
