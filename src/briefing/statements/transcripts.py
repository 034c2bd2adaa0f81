"""Statements inside a transcript's turns. A reader gave each turn as a statement of its speaker;
what an extractor finds inside a turn is kept when the speaker reports speech: someone else's ("Dr.
Birx said …", "as the Vice President said, …") or their own earlier words ("I said to him, …"),
never the turn's own words again. Each such statement names its turn in ``reported_by``."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

import attrs
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from ..model import Briefing, Participant, Section, Span, Statement
from ..questions import addressee
from .as_clauses import as_reports
from .bodies import body_speakers, led_bodies
from .joint_speakers import joint_speakers
from .named_sources import organization_speakers
from .turn_reports import turn_reports
from .unnamed_groups import group_speakers
from .written_sources import writing_speakers

__all__ = ["reported_in_turns", "turn_speakers", "within_turns"]

#: Sources that are the turn's speaker (or the side they speak for), and the one they talk to.
_SPEAKER = {"i", "me", "my", "myself", "we", "us", "our", "ourselves"}
_LISTENER = {"you", "your", "yourself", "yourselves", "guys", "all"}
#: Modals and future markers: "I would say", "I'm going to ask" are no reports.
_MODALS = {"would", "may", "might", "could", "can", "will", "shall", "should", "must", "’d", "'d", "’ll", "'ll",
           "going", "gonna"}
#: Future markers: "I'm going to say, “…”" announces words still to come, quoted or not.
_FUTURE = {"will", "shall", "’ll", "'ll", "going", "gonna"}
#: Past forms of speech verbs that do not end in "-ed".
_IRREGULAR_PAST = {"said", "told", "wrote", "written", "spoke", "spoken", "made", "put", "sent", "heard", "meant",
                   "gave", "given", "taught", "swore", "sworn", "read", "laid", "set", "forecast", "bid"}
_THIRD_PERSON = {"he", "she", "him", "her", "his"}
#: Verbs of a saying ("as we say, …") and the marks that set one off.
_SAYING = {"say", "tell", "put"}
_SET_OFF = {",", "—", "–", ":"}
_FEWEST_WORDS = 2
#: How many turns back a "he" or "she" in a turn looks for the person it means: the question before
#: an answer, and the speaker's own turn before that.
_TURNS_BACK = 2
_ADDRESS = re.compile(r"^(?:the|mr\.?|madam|mrs\.?|ms\.?)\s+", re.IGNORECASE)


def turn_speakers(participants: Sequence[Participant], sections: Sequence[Section]) -> list[tuple[Span, str | None]]:
    """Each ``turn`` section with the participant its ``label`` (the section just before it) is a
    mention of, or ``None``."""
    by_mention = {m: p.id for p in participants for m in p.mentions}
    found, label = [], None
    for section in sorted(sections, key=lambda s: s.span):
        if section.kind == "label":
            label = section.span
        elif section.kind == "turn":
            found.append((section.span, by_mention.get(label) if label is not None else None))
            label = None
    return found


def _spans(statement: Statement) -> list[Span]:
    return [*statement.content, *(s for s in (statement.cue, statement.source) if s is not None)]


def _words(text: str) -> list[str]:
    return re.findall(r"[\w’']+", text.lower())


def _says_something(statement: Statement) -> bool:
    """Whether the content holds a word other than pronouns and function words ("I", "to" and
    "And we will keep" are cut-off clauses), and, unless quoted, more than two words ("outlined
    this Monday", "write a story": an object, not what was said)."""
    words = [w for piece in statement.content for w in _words(piece.text)]
    return any(w not in STOP_WORDS for w in words) and (statement.kind == "direct" or len(words) > _FEWEST_WORDS)


def _speaking_now(statement: Statement, turn: Span) -> bool:
    """Whether a first-person cue is the speaker's own words now rather than a report of earlier
    speech: hedged or future ("I would say …", "if I may add …", "I'm going to ask …") or performed
    in the present ("I thank …", "we urge …"). A report has a past or a going-on form from the source
    to the cue ("I said", "we've announced", "I wanted to stress", "I'm saying", "I keep telling"),
    or quotes the words it reports whatever the tense, unless they are still to come: a habit ("I
    would say, “…”") or a saying ("so we say, “…”") gives words the speaker has used before, as does
    a saying in an "as" clause ("as we say, …", :func:`_as_saying`)."""
    source, cue = statement.source, statement.cue
    if source is None or cue is None or cue.start < source.end:
        return False
    words = _words(turn.text[source.end - turn.start : cue.end - turn.start].replace("’", " ’").replace("'", " '"))
    if statement.kind == "direct":
        return bool(set(words) & _FUTURE)
    if set(words) & _MODALS:
        return True
    if _as_saying(statement, turn):
        return False
    return not any(w.endswith(("ed", "ing")) or w in _IRREGULAR_PAST for w in words)


def _as_saying(statement: Statement, turn: Span) -> bool:
    """Whether a first-person cue is a saying set off in an "as" clause ("as we say, …", "as I
    always say, …"): words said before, where "as we continue, …" tells the time and "do as
    we say" is an order."""
    source, cue = statement.source, statement.cue
    before = _words(turn.text[: source.start - turn.start])[-1:]
    after = turn.text[cue.end - turn.start :].lstrip()[:1]
    return before == ["as"] and after in _SET_OFF and bool(set(_words(cue.text)[-1:]) & _SAYING)


class _Mentions:
    """Where each person is named, in text order, to find the last one named before a point."""

    def __init__(self, participants: Sequence[Participant], labels: Sequence[Span]) -> None:
        label_starts = {label.start for label in labels}
        found = sorted((m.start, p.id) for p in participants if p.kind == "person"
                       for m in p.mentions if m.start not in label_starts)
        self.starts = [start for start, _pid in found]
        self.ids = [pid for _start, pid in found]

    def last(self, start: int, end: int, besides: set[str | None]) -> str | None:
        """The last person named in ``[start, end)`` who is not one of ``besides``."""
        index = bisect.bisect_left(self.starts, end) - 1
        while index >= 0 and self.starts[index] >= start:
            if self.ids[index] not in besides:
                return self.ids[index]
            index -= 1
        return None


def within_turns(
    statements: Sequence[Statement],
    added: Sequence[Participant],
    participants: Sequence[Participant],
    sections: Sequence[Section],
) -> tuple[list[Statement], list[Participant]]:
    """The ``statements`` an extractor found and the participants they ``added``, fitted to a
    transcript's turns (unchanged when there are none).

    A statement touching a turn is dropped when it has no source (the turn's own words), when it
    strays out of the turn into a label or another turn, or when its content is only pronouns and
    function words. Its speaker follows the source: "I", "we" are the turn's speaker; "you" in a
    reporter's question is the one it is put to (:func:`.questions.addressee`); "he", "she" in a
    question is the person last named in it ("Governor Lee wrote … He said …"), as is a pronoun the
    resolver gave to the turn's own speaker. A source naming a speaker by title ("the Vice
    President", "Mr. President"), or resolved to a participant added under such a name, is that
    speaker; participants left without a statement are dropped from ``added``. Statements are
    numbered ``s1``, … again.
    """
    turns = turn_speakers(participants, sections)
    if not turns:
        return list(statements), list(added)
    labels = [s.span for s in sections if s.kind == "label"]
    speakers = {pid for _span, pid in turns if pid is not None}
    by_title: dict[str, list[str]] = {}
    for p in participants:
        if p.id in speakers and p.title:
            by_title.setdefault(p.title.lower(), []).append(p.id)

    def titled(name: str) -> str | None:
        holders = by_title.get(_ADDRESS.sub("", name).lower(), [])
        return holders[0] if len(holders) == 1 else None

    people = [p for p in participants if p.id in speakers and p.kind == "person"]
    questioners = {p.id for p in participants if p.id in speakers and p.kind == "group"}  # "Q": the reporters
    mentions = _Mentions(participants, labels)
    persons = {p.id for p in participants if p.kind == "person"}
    alias = {p.id: titled(p.name) for p in added if titled(p.name)}
    kept = []
    for statement in statements:
        statement = _source_off_labels(statement, labels)
        speaker = (titled(statement.source.text) if statement.source else None) or alias.get(statement.speaker or "")
        if speaker is not None:
            statement = attrs.evolve(statement, speaker=speaker)
        spans = _spans(statement)
        if any(label.overlaps(span) for label in labels for span in spans):
            continue
        touched = [number for number, (turn, _who) in enumerate(turns) if any(turn.overlaps(s) for s in spans)]
        if touched:
            number = touched[0]
            turn, who = turns[number]
            if (len(touched) > 1 or not all(turn.contains(span) for span in spans) or statement.source is None
                    or not _says_something(statement)):
                continue
            source = statement.source
            words = set(_words(source.text))
            asking = who in questioners
            if words <= _SPEAKER:
                if _speaking_now(statement, turn):
                    continue
                speaker = who
            elif words <= _LISTENER:
                following = turns[number + 1][1] if number + 1 < len(turns) else None
                speaker = (addressee(turn.text, people, None if following in questioners else following)
                           or _last_official(turns, number, questioners) if asking else None)
            elif len(words) == 1 and words & _THIRD_PERSON and (asking or statement.speaker in {who, None}):
                earlier = turns[max(number - _TURNS_BACK, 0)][0].start  # a report in the speaker's turn before the question
                speaker = (mentions.last(turn.start, source.start, {who})
                           or _last_reporter(kept, earlier, persons - {who})
                           or mentions.last(earlier, source.start, {who})
                           or (None if statement.speaker == who else statement.speaker))
            else:  # a third party: not the turn's speaker, unless named by title ("the President")
                speaker = statement.speaker if statement.speaker != who or titled(source.text) else None
            statement = attrs.evolve(statement, speaker=speaker)
        kept.append(statement)
    used = {s.speaker for s in kept}
    numbered = [attrs.evolve(s, id=f"s{number}") for number, s in enumerate(kept, 1)]
    return numbered, [p for p in added if p.id in used]


def _last_reporter(kept: Sequence[Statement], since: int, persons: set[str]) -> str | None:
    """The speaker of the last statement ``kept`` whose source is at ``since`` or after, is no "I" or
    "you", and is one of ``persons``: a "he said" in a turn that names no one goes on with the
    subject of the report before it ("Lee called, and he said …; I'll call Kim." and in a later turn
    "But he made the offer, and he said …" is Lee)."""
    return next((s.speaker for s in reversed(kept) if s.source is not None and s.source.start >= since
                 and s.speaker in persons and not set(_words(s.source.text)) <= _SPEAKER | _LISTENER), None)


def _last_official(turns: Sequence[tuple[Span, str | None]], number: int, questioners: set[str]) -> str | None:
    """The speaker of the last turn before turn ``number`` that no reporter spoke: the official a
    reporter's "you" means when the question names no one and no labelled answer follows."""
    return next((who for _span, who in reversed(turns[:number]) if who is not None and who not in questioners), None)


def _source_off_labels(statement: Statement, labels: Sequence[Span]) -> Statement:
    """The statement with a source that runs on from a speaker label into its turn ("Q Dr. Lee" in
    "Q Dr. Lee said …", as the parse may join them) cut to the words after the label."""
    source = statement.source
    label = next((label for label in labels if source is not None and label.overlaps(source)), None)
    if label is None or source.end <= label.end:
        return statement
    rest = source.text[label.end - source.start:]
    start = source.end - len(rest.lstrip())
    return attrs.evolve(statement, source=Span(start=start, end=source.end, text=source.text[start - source.start:]))


def _colon_cut(statement: Statement, doc: Doc, text: str) -> Statement:
    """A report that a colon introduces inside a turn ("as she said: …", "he made it clear: …") is
    its first sentence, not the rest of the turn; a quotation keeps its own end."""
    cue = statement.cue
    if cue is None or len(statement.content) != 1:
        return statement
    piece = statement.content[0]
    if cue.end > piece.start or ":" not in text[cue.end : piece.start] or not piece.text[:1].isalnum():
        return statement
    span = doc.char_span(piece.start, piece.end, alignment_mode="expand")
    if span is None:
        return statement
    end = min(next(iter(span.sents)).end_char, piece.end)
    while end > piece.start and not text[end - 1].isalnum():
        end -= 1
    return attrs.evolve(statement, content=[Span.of(text, piece.start, end)]) if end > piece.start else statement


def _tightened(statements: Sequence[Statement], reports: Sequence[Statement]) -> tuple[list[Statement], list[Statement]]:
    """The ``statements``, each whose cue one of the ``reports`` has too given that report's content
    when it holds it and runs on past it ("asked us to close the park. And then we …" is "to close
    the park") or is only words before the cue, the report's after it ("to repeat what she said, …"
    is not what she said), and the ``reports`` whose cue no statement has."""
    by_cue = {r.cue.start: r for r in reports if r.cue is not None}
    out, used = [], set()
    for statement in statements:
        report = by_cue.get(statement.cue.start) if statement.cue is not None else None
        if report is not None:
            used.add(report.cue.start)
            piece, whole = report.content[0], statement.content[0]
            runs_on = whole.contains(piece) and _has_word(whole.text[piece.end - whole.start:])
            before = whole.end <= statement.cue.start < piece.start
            if len(statement.content) == len(report.content) == 1 and (runs_on or before):
                statement = attrs.evolve(statement, content=[piece])
        out.append(statement)
    return out, [r for r in reports if r.cue.start not in used]


def _nearer_cue(statements: Sequence[Statement],
                reports: Sequence[Statement]) -> tuple[list[Statement], list[Statement]]:
    """The ``statements``, each whose content opens with the content of one of the ``reports`` whose
    cue lies between its own cue and its content given that report's source, cue and speaker (a
    clause is what its nearest cue reports: "I wanted to ask because he wrote that …" is his), and
    the ``reports`` no statement took so."""
    by_start = {r.content[0].start: r for r in reports if r.cue is not None and r.source is not None}
    out, used = [], set()
    for statement in statements:
        cue, first = statement.cue, statement.content[0]
        match = re.match(r"\W*(?:that\s+)?", first.text, re.IGNORECASE)
        report = by_start.get(first.start + match.end()) if cue is not None else None
        if report is not None and cue.end <= report.cue.start and report.cue.end <= first.start:
            used.add(id(report))
            statement = attrs.evolve(statement, source=report.source, cue=report.cue, speaker=report.speaker)
        out.append(statement)
    return out, [r for r in reports if id(r) not in used]


def _has_word(text: str) -> bool:
    return any(c.isalnum() for c in text)


def _inside_any(statement: Statement, reports: Sequence[Statement]) -> bool:
    """Whether the statement's cue lies inside one of the ``reports``' content: a naming or an
    aside within what another reports ("asked us to test what is known as …"), outermost only."""
    cue = statement.cue
    return cue is not None and any(piece.contains(cue) for report in reports for piece in report.content)


def reported_in_turns(briefing: Briefing, statements: Sequence[Statement], doc: Doc,
                      added: Sequence[Participant] = ()) -> tuple[list[Statement], list[Participant]]:
    """The ``statements`` an extractor found in ``briefing`` (fitted by :func:`within_turns`) and
    the participants it ``added`` for them, with a report after a colon cut to its sentence, the
    reports in "as" clauses (:func:`.as_clauses.as_reports`) and in forms without a "that" clause
    (:func:`.turn_reports.turn_reports`) it missed (its own cut to theirs when it ran on past them),
    each whose spans lie in one turn with ``reported_by`` naming the statement the transcript reader
    made of that turn, and groups as their speakers: people named with the turn's speaker ("the
    President and I said …", :func:`.joint_speakers.joint_speakers`) and unnamed ones ("nurses tell
    us …", :func:`.unnamed_groups.group_speakers`), organisations no participant stands for
    (:func:`.named_sources.organization_speakers`), and for a piece of writing, who put it out
    (:func:`.written_sources.writing_speakers`). Unchanged for other texts."""
    turns = {s.span for s in briefing.sections if s.kind == "turn"}
    if not turns:
        return list(statements), list(added)
    statements = [_colon_cut(s, doc, briefing.text) for s in statements]
    statements, extra = _tightened(statements, as_reports(doc, briefing.participants, briefing.sections))
    directed = turn_reports(doc, briefing.participants, briefing.sections, extra)
    statements, directed = _tightened(statements, directed)
    statements, directed = _nearer_cue(statements, directed)
    statements = [s for s in statements if not _inside_any(s, directed)]
    extra += directed
    if extra:
        merged = sorted([*statements, *extra], key=lambda s: s.content[0].start)
        statements, _added = within_turns(merged, [], briefing.participants, briefing.sections)
    whole = sorted((s.content[0], s.id) for s in briefing.statements if len(s.content) == 1 and s.content[0] in turns)
    starts = [span.start for span, _id in whole]
    linked = []
    for statement in statements:
        index = bisect.bisect_right(starts, statement.content[0].start) - 1
        if index >= 0 and all(whole[index][0].contains(span) for span in _spans(statement)):
            statement = attrs.evolve(statement, reported_by=whole[index][1])
        linked.append(statement)
    spoken = turn_speakers(briefing.participants, briefing.sections)
    linked = writing_speakers(linked, doc, briefing.participants)
    linked = body_speakers(linked, led_bodies(doc, briefing.participants, spoken))
    linked, groups = group_speakers(linked, doc, [*briefing.participants, *added])
    turn_speaker = {s.id: s.speaker for s in briefing.statements}
    people = {p.id for p in briefing.participants if p.kind == "person"}
    officials = [(span.start, who) for span, who in spoken if who in people]
    linked, joint = joint_speakers(linked, doc, [*briefing.participants, *added, *groups], turn_speaker, officials)
    linked, organizations = organization_speakers(linked, doc, [*briefing.participants, *added, *groups, *joint])
    return linked, [*added, *groups, *joint, *organizations]
