"""The typed briefing model: what a text about a press briefing says, as frozen attrs classes.

Every span is a pair of Python ``str`` offsets into :attr:`Briefing.text` plus the text it covers,
and :class:`Briefing` checks on construction that each one agrees with the text. Serialization
lives in :mod:`briefing.convert`; this module imports neither spaCy nor cattrs.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from attrs import field, frozen, validators

__all__ = [
    "ACTS",
    "ATTRIBUTIONS",
    "ORG_TYPES",
    "PARTICIPANT_KINDS",
    "ROLES",
    "SECTION_KINDS",
    "STANCES",
    "STATEMENT_KINDS",
    "Briefing",
    "Event",
    "Issue",
    "Participant",
    "Position",
    "Provenance",
    "Section",
    "Source",
    "Span",
    "Statement",
]

PARTICIPANT_KINDS = ("person", "organization", "group")
#: What kind of body an organisation is; "the newspaper", "the bank", "the court" refer back by it.
ORG_TYPES = (
    "government", "legislature", "court", "police", "military", "party", "campaign", "media", "company",
    "union", "ngo", "international", "education",
)
ROLES = ("speaker", "attendee", "mentioned", "author")
STATEMENT_KINDS = ("direct", "indirect", "mixed")
ACTS = ("statement", "question", "answer")
#: What a statement's cue attributes to its source, after PARC's attribution types (Pareti 2016):
#: ``speech`` (assertion: "said", "told", "according to"), ``belief`` ("thinks", "expects"),
#: ``intention`` (eventuality: "wants", "plans", "refuses") and ``finding`` (fact: "a poll shows").
ATTRIBUTIONS = ("speech", "belief", "intention", "finding")
STANCES = ("support", "oppose", "concern", "neutral")
SECTION_KINDS = ("headline", "byline", "dateline", "tagline", "label", "turn")

ParticipantKind = Literal["person", "organization", "group"]
Role = Literal["speaker", "attendee", "mentioned", "author"]
StatementKind = Literal["direct", "indirect", "mixed"]
Act = Literal["statement", "question", "answer"]
Attribution = Literal["speech", "belief", "intention", "finding"]
Stance = Literal["support", "oppose", "concern", "neutral"]
SectionKind = Literal["headline", "byline", "dateline", "tagline", "label", "turn"]

_optional_str = validators.optional(validators.instance_of(str))


def _tuple_of(cls: type):  # noqa: ANN202
    return validators.deep_iterable(validators.instance_of(cls), validators.instance_of(tuple))


def _non_negative(_instance: object, attribute: object, value: int) -> None:
    if value < 0:
        raise ValueError(f"{attribute.name} must be >= 0, got {value}")  # type: ignore[attr-defined]


def _one_of(options: tuple[str, ...]):  # noqa: ANN202
    return validators.in_(options)


@frozen(kw_only=True, order=True)
class Span:
    """A stretch of the briefing text: ``text == Briefing.text[start:end]``."""

    start: int = field(validator=[validators.instance_of(int), _non_negative])
    end: int = field(validator=validators.instance_of(int))
    text: str = field(validator=validators.instance_of(str))

    def __attrs_post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"span ends before it starts: start={self.start}, end={self.end}")
        if len(self.text) != self.end - self.start:
            raise ValueError(
                f"span text has {len(self.text)} characters but its offsets cover "
                f"{self.end - self.start} ({self.start}..{self.end})"
            )

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        """The span of ``text[start:end]``."""
        if not 0 <= start <= end <= len(text):
            raise ValueError(f"offsets {start}..{end} are outside a text of {len(text)} characters")
        return cls(start=start, end=end, text=text[start:end])

    @classmethod
    def from_span(cls, span: object) -> Span:
        """The span covered by a spaCy ``Span`` or ``Token`` (anything with ``start_char``/``end_char``
        or ``idx``), taken from the text of its ``Doc``."""
        if hasattr(span, "start_char"):
            start, end = span.start_char, span.end_char  # type: ignore[attr-defined]
        else:
            start, end = span.idx, span.idx + len(span)  # type: ignore[attr-defined]
        return cls(start=start, end=end, text=span.text)  # type: ignore[attr-defined]

    def __len__(self) -> int:
        return self.end - self.start

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end


@frozen(kw_only=True)
class Source:
    """Where the text came from, and the article metadata it carries."""

    path: str | None = field(default=None, validator=_optional_str)
    url: str | None = field(default=None, validator=_optional_str)
    title: str | None = field(default=None, validator=_optional_str)
    authors: tuple[str, ...] = field(default=(), converter=tuple, validator=_tuple_of(str))
    published: str | None = field(default=None, validator=_optional_str)
    publisher: str | None = field(default=None, validator=_optional_str)


@frozen(kw_only=True)
class Event:
    """The event the text reports: ``kind`` such as ``press_briefing``, an ISO ``date``, a ``location``."""

    kind: str | None = field(default=None, validator=_optional_str)
    date: str | None = field(default=None, validator=_optional_str)
    location: str | None = field(default=None, validator=_optional_str)


@frozen(kw_only=True)
class Section:
    """A part of the text that is not body prose: the headline, byline, dateline, tag line, or in a
    transcript a speaker ``label`` and the ``turn`` it introduces. Extractors skip or use these."""

    kind: SectionKind = field(validator=_one_of(SECTION_KINDS))
    span: Span = field(validator=validators.instance_of(Span))


@frozen(kw_only=True)
class Participant:
    """A person, organisation or group that took part in the briefing or is mentioned in it.

    ``affiliation`` is the country or side the participant speaks for; ``party`` the political party
    when the text gives it; ``role`` says whether they made statements (``speaker``), took part
    without a reported statement (``attendee``), are only ``mentioned``, or wrote the text (``author``).
    ``org_type`` says what kind of body an organisation is (one of :data:`ORG_TYPES`: ``media`` for
    "the newspaper", ``company`` for "the retailer"); ``members`` lists the ids of the participants a
    group stands for ("the two senators": both of them; a transcript's named reporters in "Reporters").
    """

    id: str = field(validator=validators.instance_of(str))
    name: str = field(validator=validators.instance_of(str))
    kind: ParticipantKind = field(default="person", validator=_one_of(PARTICIPANT_KINDS))
    title: str | None = field(default=None, validator=_optional_str)
    organization: str | None = field(default=None, validator=_optional_str)
    affiliation: str | None = field(default=None, validator=_optional_str)
    party: str | None = field(default=None, validator=_optional_str)
    role: Role = field(default="mentioned", validator=_one_of(ROLES))
    mentions: tuple[Span, ...] = field(default=(), converter=tuple, validator=_tuple_of(Span))
    org_type: str | None = field(default=None, validator=validators.optional(_one_of(ORG_TYPES)))
    members: tuple[str, ...] = field(default=(), converter=tuple, validator=_tuple_of(str))


@frozen(kw_only=True)
class Statement:
    """Something a participant said: ``content`` (one span or several when a quote is interrupted),
    the ``cue`` that reports it, the ``source`` mention that names the speaker here, and ``speaker``,
    the participant id that mention resolves to (``None`` when unknown).

    ``act`` tells a ``question`` (a reporter's question in a transcript) from an ``answer`` to one and
    from any other ``statement``. In a transcript, ``reply_to`` is the id of the question an answer
    answers, ``addressee`` the participant a question is put to ("Mr. President, …", else the one who
    answers), and ``reported_by`` the id of the turn statement whose speaker reports this statement
    ("the governor said …" inside a turn); all three are ``None`` elsewhere.

    ``attribution`` says what the cue attributes (one of :data:`ATTRIBUTIONS`): ``speech`` for
    words said or written, else an attitude the text gives the source without quoting any words: a
    ``belief`` ("experts suspect that …"), an ``intention`` ("the mayor wants to …") or a
    ``finding`` ("the survey shows that …"). The content is then the clause the attitude bears on.
    """

    id: str = field(validator=validators.instance_of(str))
    kind: StatementKind = field(validator=_one_of(STATEMENT_KINDS))
    content: tuple[Span, ...] = field(converter=tuple, validator=_tuple_of(Span))
    speaker: str | None = field(default=None, validator=_optional_str)
    cue: Span | None = field(default=None, validator=validators.optional(validators.instance_of(Span)))
    source: Span | None = field(default=None, validator=validators.optional(validators.instance_of(Span)))
    act: Act = field(default="statement", validator=_one_of(ACTS))
    issues: tuple[str, ...] = field(default=(), converter=tuple, validator=_tuple_of(str))
    confidence: float = field(default=1.0, converter=float)
    reply_to: str | None = field(default=None, validator=_optional_str)
    addressee: str | None = field(default=None, validator=_optional_str)
    reported_by: str | None = field(default=None, validator=_optional_str)
    attribution: Attribution = field(default="speech", validator=_one_of(ATTRIBUTIONS))

    @content.validator
    def _check_content(self, _attribute: object, value: tuple[Span, ...]) -> None:
        if not value:
            raise ValueError("a statement needs at least one content span")

    @confidence.validator
    def _check_confidence(self, _attribute: object, value: float) -> None:
        if not 0.0 <= value <= 1.0:
            raise ValueError(f"confidence must be between 0 and 1, got {value}")

    @property
    def text(self) -> str:
        """The content, its spans joined by `` … ``."""
        return " … ".join(span.text for span in self.content)


@frozen(kw_only=True)
class Position:
    """A participant's ``stance`` on an issue, grounded in the ``statements`` that show it and in
    the ``evidence``: the words that decide the stance ("no", "concern over", "the need for",
    "agreed"), or the sentence that reports it when no statement does."""

    participant: str = field(validator=validators.instance_of(str))
    stance: Stance = field(validator=_one_of(STANCES))
    statements: tuple[str, ...] = field(default=(), converter=tuple, validator=_tuple_of(str))
    evidence: tuple[Span, ...] = field(default=(), converter=tuple, validator=_tuple_of(Span))


@frozen(kw_only=True)
class Issue:
    """A matter discussed: ``code`` places it in a taxonomy (``cap:9``), ``parent`` is the id of the
    broader issue it falls under, ``positions`` hold each participant's stance."""

    id: str = field(validator=validators.instance_of(str))
    label: str = field(validator=validators.instance_of(str))
    code: str | None = field(default=None, validator=_optional_str)
    parent: str | None = field(default=None, validator=_optional_str)
    mentions: tuple[Span, ...] = field(default=(), converter=tuple, validator=_tuple_of(Span))
    positions: tuple[Position, ...] = field(default=(), converter=tuple, validator=_tuple_of(Position))


@frozen(kw_only=True)
class Provenance:
    """Which plugin produced a part of the briefing: ``stage`` (reader, metadata, participants,
    statements, issues), the registered ``name``, the ``plugin`` that registered it and its ``version``."""

    stage: str = field(validator=validators.instance_of(str))
    name: str = field(validator=validators.instance_of(str))
    plugin: str = field(validator=validators.instance_of(str))
    version: str | None = field(default=None, validator=_optional_str)


@frozen(kw_only=True)
class Briefing:
    """Everything extracted from one text. All spans index into ``text``."""

    id: str = field(validator=validators.instance_of(str))
    text: str = field(validator=validators.instance_of(str), repr=False)
    source: Source = field(factory=Source, validator=validators.instance_of(Source))
    event: Event = field(factory=Event, validator=validators.instance_of(Event))
    sections: tuple[Section, ...] = field(default=(), converter=tuple, validator=_tuple_of(Section))
    participants: tuple[Participant, ...] = field(
        default=(), converter=tuple, validator=_tuple_of(Participant)
    )
    statements: tuple[Statement, ...] = field(default=(), converter=tuple, validator=_tuple_of(Statement))
    issues: tuple[Issue, ...] = field(default=(), converter=tuple, validator=_tuple_of(Issue))
    provenance: tuple[Provenance, ...] = field(default=(), converter=tuple, validator=_tuple_of(Provenance))

    def __attrs_post_init__(self) -> None:
        for where, span in self.spans():
            if span.end > len(self.text) or self.text[span.start : span.end] != span.text:
                raise ValueError(
                    f"{where}: span {span.start}..{span.end} {span.text!r} does not match the text "
                    f"there ({self.text[span.start : span.end]!r})"
                )
        for kind, items in (
            ("participant", self.participants),
            ("statement", self.statements),
            ("issue", self.issues),
        ):
            seen: set[str] = set()
            for item in items:
                if item.id in seen:
                    raise ValueError(f"two {kind}s share the id {item.id!r}")
                seen.add(item.id)

    def spans(self) -> Iterator[tuple[str, Span]]:
        """Every span in the briefing, with a short path saying where it sits."""
        for section in self.sections:
            yield f"section {section.kind}", section.span
        for participant in self.participants:
            for span in participant.mentions:
                yield f"participant {participant.id} mention", span
        for statement in self.statements:
            for span in statement.content:
                yield f"statement {statement.id} content", span
            if statement.cue is not None:
                yield f"statement {statement.id} cue", statement.cue
            if statement.source is not None:
                yield f"statement {statement.id} source", statement.source
        for issue in self.issues:
            for span in issue.mentions:
                yield f"issue {issue.id} mention", span
            for position in issue.positions:
                for span in position.evidence:
                    yield f"issue {issue.id} position {position.participant} evidence", span

    def broken_references(self) -> Iterator[str]:
        """Each reference to an id that does not exist: a group's member, a statement's speaker,
        addressee, issue, question replied to or reporting turn, an issue's parent, a position's participant or statement. Extractors must leave none (the pipeline
        checks after each one)."""
        participants = {p.id for p in self.participants}
        statements = {s.id for s in self.statements}
        issues = {i.id for i in self.issues}
        for participant in self.participants:
            yield from (f"participant {participant.id} member {m!r} names no participant"
                        for m in participant.members if m not in participants)
        for statement in self.statements:
            for name, value in (("speaker", statement.speaker), ("addressee", statement.addressee)):
                if value is not None and value not in participants:
                    yield f"statement {statement.id} {name} {value!r} names no participant"
            for name, value in (("reply_to", statement.reply_to), ("reported_by", statement.reported_by)):
                if value is not None and value not in statements:
                    yield f"statement {statement.id} {name} {value!r} names no statement"
            yield from (f"statement {statement.id} issue {i!r} names no issue" for i in statement.issues if i not in issues)
        for issue in self.issues:
            if issue.parent is not None and issue.parent not in issues:
                yield f"issue {issue.id} parent {issue.parent!r} names no issue"
            for position in issue.positions:
                if position.participant not in participants:
                    yield f"issue {issue.id} position participant {position.participant!r} names no participant"
                yield from (f"issue {issue.id} position statement {s!r} names no statement"
                            for s in position.statements if s not in statements)

    def participant(self, participant_id: str | None) -> Participant | None:
        """The participant with this id, or ``None``."""
        for participant in self.participants:
            if participant.id == participant_id:
                return participant
        return None

    def statements_by(self, participant_id: str) -> tuple[Statement, ...]:
        return tuple(s for s in self.statements if s.speaker == participant_id)

    def section_spans(self, *kinds: str) -> tuple[Span, ...]:
        """The spans of the sections of the given kinds (of all sections when none is given)."""
        return tuple(s.span for s in self.sections if not kinds or s.kind in kinds)
