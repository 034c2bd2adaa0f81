"""Speaker-labelled transcripts: the turns of an official briefing transcript ("THE PRESIDENT:",
"DR. FAUCI:", "Q"), who speaks each, and which turns are questions and answers.

No NLP: labels are found by their shape at the start of a line. :func:`add_turns` gives a briefing
one ``label`` and one ``turn`` section, and one ``direct`` statement, per turn, with a participant
per speaker; the extractors run on top of that.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence

import attrs
from attrs import frozen

from .metadata.head import read_head
from .model import Briefing, Participant, Section, Span, Statement
from .participants.lexicon import lexicon
from .participants.names import is_part_of, slug, unique_id
from .participants.speakers import courtesy
from .questions import addressee, asks

__all__ = ["REPORTERS", "Turn", "add_turns", "find_turns", "is_transcript", "parse_label"]

#: The participant that asks the questions labelled ``Q``.
REPORTERS = Participant(id="reporters", name="Reporters", kind="group", role="speaker")

_LABEL = re.compile(
    r"^[ \t]*(?:(?P<q>Q)(?:[ \t]*[:.])?(?=\s)|(?P<label>(?:[A-Z][A-Z.'’-]*[ \t]+){0,5}[A-Z][A-Z.'’-]+):(?=\s))",
    re.MULTILINE,
)
#: Lines that close a transcript: "END", "# # #", a time stamp such as "4:15 P.M. EDT".
_CLOSING = re.compile(
    r"^[ \t]*(?:END|#[ #]*#|\d{1,2}:\d{2}[ \t]*[AP]\.?M\.?(?:[ \t]+[A-Z]{2,4})?)[ \t]*$", re.MULTILINE
)
#: All-capital openings that are not speakers.
_NOT_SPEAKERS = {"NOTE", "UPDATE", "CORRECTION", "EDITOR'S NOTE", "EDITOR’S NOTE", "END", "CAPTION", "PHOTO", "VIDEO",
                 "WATCH", "READ MORE", "RELATED", "SOURCE", "SOURCES", "TRANSCRIPT", "SUBJECT", "TOPICS", "TAGS"}
_HONORIFIC_GENDER = {"Mr.": "m", "Mr": "m", "Mrs.": "f", "Mrs": "f", "Ms.": "f", "Ms": "f", "Miss": "f"}


@frozen
class Turn:
    """One turn: the ``label`` naming the speaker (``Q`` for a reporter) and what they said."""

    label: Span
    content: Span

    @property
    def question(self) -> bool:
        return self.label.text == "Q"


def find_turns(text: str) -> list[Turn]:
    """The labelled turns of ``text``, in order. A turn runs to the next label, or to a closing line
    ("END", a time stamp); text before the first label is not a turn."""
    labels = []
    for match in _LABEL.finditer(text):
        group = "q" if match.group("q") else "label"
        if group == "label" and match.group("label") in _NOT_SPEAKERS:
            continue
        labels.append((Span.of(text, match.start(group), match.end(group)), match.end()))
    closings = [m.start() for m in _CLOSING.finditer(text)]
    turns = []
    for number, (label, after) in enumerate(labels):
        end = labels[number + 1][0].start if number + 1 < len(labels) else len(text)
        end = min([end, *(c for c in closings if c >= after)])
        start = after
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            turns.append(Turn(label, Span.of(text, start, end)))
    return turns


def is_transcript(text: str) -> bool:
    """Whether ``text`` reads as a speaker-labelled transcript: three turns or more, by two
    speakers or more."""
    turns = find_turns(text)
    return len(turns) >= 3 and len({t.label.text for t in turns}) >= 2


def parse_label(label: str) -> tuple[str | None, list[str]]:
    """The title a label gives (spelt as in the lexicon: "Secretary", "Acting Secretary", "Dr.") and
    the words of the name after it, as written: "SECRETARY ESPER" → ("Secretary", ["ESPER"]);
    "THE PRESIDENT" → ("President", [])."""
    lex = lexicon()
    words = label.split()
    if words and words[0] == "THE":
        words = words[1:]
    titled = 0
    while titled < len(words):
        word = words[titled]
        cased = word[:1] + word[1:].lower()
        if not (lex.is_title_word(cased) or cased in lex.honorifics or cased in lex.abbreviations):
            break
        titled += 1
    if titled == len(words) and words and not lex.is_title_head(words[-1][:1] + words[-1][1:].lower()):
        titled = 0
    title_words = [w[:1] + w[1:].lower() for w in words[:titled]]
    title = lex.expand(" ".join(title_words)) if title_words else None
    return title, words[titled:]


def _cased(word: str, text: str) -> str:
    """A name word from an all-capital label, spelt as the text spells it elsewhere ("MCENANY" →
    "McEnany"), else capitalised."""
    for match in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", text, re.IGNORECASE):
        if not match.group().isupper():
            return match.group()
    return word[:1] + word[1:].lower()


def _name_from_title(title: str, places: Sequence[str], own: Sequence[Span] = ()) -> str | None:
    """The name written after ``title`` in one of ``places`` ("Remarks by President Trump" gives
    "Trump" for "President"), unless a title word stands before it ("Vice President Pence") or the
    holder says it in one of their ``own`` turns (offsets in the last place, the text): "I spoke
    with President Xi" names another president, wherever it is said."""
    lex = lexicon()
    pattern = re.compile(rf"(?:^|(?<=\s))(?:(\S+)\s+)?{re.escape(title)}\s+((?:[A-Z][\w'’-]+\s?){{1,3}})")

    def named(place: str) -> Iterator[tuple[int, str]]:
        for match in pattern.finditer(place or ""):
            before = match.group(1)
            words = [w for w in match.group(2).split() if not lex.is_title_word(w)]
            if words and not (before and (lex.is_title_word(before) or before.rstrip(".") in {"Mr", "Madam"})):
                yield match.start(), " ".join(words)

    others = {name for at, name in named(places[-1]) if any(span.start <= at < span.end for span in own)}
    return next((name for place in places for _, name in named(place) if name not in others), None)


@frozen
class _Speaker:
    labels: tuple[str, ...]
    title: str | None
    name: str


def _speakers(turns: Sequence[Turn], text: str, places: Sequence[str]) -> list[_Speaker]:
    """One speaker per person, however many ways their label is written: a label whose name is part
    of another's, with no conflicting title, is the same person ("ADMIRAL GIROIR" and the misspelt
    "ADMIRAR GIROIR")."""
    counts = Counter(t.label.text for t in turns if not t.question)
    groups: list[tuple[str | None, list[str], list[str]]] = []  # title, name words, labels
    for label, _count in counts.most_common():
        title, words = parse_label(label)
        for group in groups:
            other_title, other_words, labels = group
            same_name = bool(words) and bool(other_words) and (
                is_part_of(words, other_words) or is_part_of(other_words, words)
            )
            titles_agree = title is None or other_title is None or title == other_title
            if same_name and titles_agree and not _differ_in_gender(title, other_title):
                labels.append(label)
                break
        else:
            groups.append((title, words, [label]))
    speakers = []
    for title, words, labels in groups:
        if words:
            name = " ".join(_cased(w, text) for w in words)
        else:
            own = [t.content for t in turns if t.label.text in labels]
            name = (_name_from_title(title, places, own) or f"The {title}") if title else labels[0].title()
        speakers.append(_Speaker(tuple(labels), title, name))
    return speakers


def _differ_in_gender(first: str | None, second: str | None) -> bool:
    a, b = _HONORIFIC_GENDER.get(first or ""), _HONORIFIC_GENDER.get(second or "")
    return a is not None and b is not None and a != b



def add_turns(briefing: Briefing, turns: Sequence[Turn] | None = None) -> Briefing:
    """The briefing with its transcript's turns: a ``label`` and a ``turn`` section for each, a
    participant for each speaker (the label spans its mentions; ``Q`` is the group "Reporters"),
    and a ``direct`` statement whose source is the label. A ``Q`` turn is a ``question`` (unless it
    asks nothing: "Thank you.", see :func:`.questions.asks`) put to its ``addressee``; the
    official's turn after it an ``answer`` that ``reply_to`` names it; any other turn a ``statement``. The lines before the first turn that
    state the title, place and date ("Briefing Room", "May 5, 2021") become ``headline`` and
    ``dateline`` sections, the title and the event (see :func:`.metadata.head.read_head`), where
    the reader left them empty."""
    text = briefing.text
    turns = find_turns(text) if turns is None else turns
    if not turns:
        return briefing
    places = [briefing.source.title or "", text]
    used = {p.id for p in briefing.participants}
    by_label: dict[str, str] = {}
    participants = []
    for speaker in _speakers(turns, text, places):
        pid = unique_id(slug(speaker.name), used)
        for label in speaker.labels:
            by_label[label] = pid
        mentions = [t.label for t in turns if t.label.text in speaker.labels]
        title = None if courtesy(speaker.title) else speaker.title  # "DR. FAUCI": "Dr." is how to address him
        participants.append(Participant(id=pid, name=speaker.name, kind="person", title=title,
                                        role="speaker", mentions=mentions))
    if any(t.question for t in turns):
        reporters = attrs.evolve(REPORTERS, id=unique_id(REPORTERS.id, used),
                                 mentions=[t.label for t in turns if t.question])
        participants.append(reporters)
        by_label["Q"] = reporters.id
    head = read_head(text, turns[0].label.start, briefing.source.title)
    found = head.event(briefing.source.published)
    event = attrs.evolve(briefing.event, kind=briefing.event.kind or found.kind, date=briefing.event.date or found.date,
                         location=briefing.event.location or found.location)
    sections = list(head.sections)
    statements = []
    taken = {s.id for s in briefing.statements}
    speakers = [p for p in participants if p.kind == "person"]
    question = None  # the id of the question the next official's turn answers
    for number, turn in enumerate(turns):
        sections += [Section(kind="label", span=turn.label), Section(kind="turn", span=turn.content)]
        asked = turn.question and asks(turn.content.text)
        following = turns[number + 1] if number + 1 < len(turns) else None
        to = (addressee(turn.content.text, speakers, None if following is None or following.question
                        else by_label[following.label.text]) if asked else None)
        act = "question" if asked else "answer" if question and not turn.question else "statement"
        statement = Statement(
            id=unique_id(f"t{number + 1}", taken), kind="direct", content=[turn.content],
            speaker=by_label[turn.label.text], source=turn.label, act=act,
            reply_to=question if act == "answer" else None, addressee=to,
        )
        statements.append(statement)
        question = statement.id if asked else None
    return attrs.evolve(
        briefing,
        sections=sorted([*briefing.sections, *sections], key=lambda s: s.span),
        participants=[*briefing.participants, *participants],
        statements=[*briefing.statements, *statements],
        event=event,
        source=attrs.evolve(briefing.source, title=briefing.source.title or head.title),
    )

