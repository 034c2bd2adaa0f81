"""The BRAT standoff format of attributions, read and written: text-bound ``Source``, ``Cue`` and
``Content`` spans tied together by ``Attribution`` events, as PolNeAR has them, in PolNeAR's layout
(``text/NAME.txt`` beside ``attributions/NAME_ANNOTATOR.ann``) or brat's (``NAME.txt`` beside
``NAME.ann``).

- :func:`parse_ann` and :func:`read_gold` read annotations as gold for ``briefing evaluate`` and
  training;
- the reader ``brat`` reads an ``.ann`` file back into a briefing, one statement per
  ``Attribution`` event, each speaker the exporter noted a participant;
- the exporter ``brat`` writes the statements in PolNeAR's style (``Attribution-no-source`` without
  a source), for correcting in brat and scoring. brat spans may not cross a line end, so a span over
  several lines is written as fragments. A statement's speaker is noted on its source
  (``#N AnnotatorNotes Tk speaker: NAME``), which the reader reads back.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from attrs import frozen

from ..errors import InputError
from ..files import decode
from ..model import Briefing, Participant, Source, Span, Statement
from ..participants.names import slug
from ..plugin import Input, RenderedExporter, detect_by_name, hookimpl

__all__ = ["Attribution", "BratExporter", "BratReader", "GoldDocument", "find_text", "fragments", "parse_ann",
           "read_brat", "read_gold", "to_ann"]

_TEXT_BOUND = re.compile(r"^(T\d+)\t(\S+) ([\d ;]+)\t")
_EVENT = re.compile(r"^(E\d+)\t(.*)$")
_NOTE = re.compile(r"^#\d+\tAnnotatorNotes (T\d+)\t(.*)$")
#: How an ``AnnotatorNotes`` line on a Source names the participant it is (as briefing writes it).
SPEAKER_NOTE = "speaker: "

Ranges = tuple[tuple[int, int], ...]


@frozen
class Attribution:
    """One annotated attribution: character ranges of its content, cue and source (each possibly
    discontinuous, possibly empty)."""

    content: Ranges
    cue: Ranges = ()
    source: Ranges = ()
    speaker: str | None = None


@frozen
class GoldDocument:
    name: str
    text: str
    attributions: tuple[Attribution, ...]
    path: Path


def _ranges(field: str) -> Ranges:
    return tuple((int(a), int(b)) for a, b in (part.split() for part in field.split(";")))


def parse_ann(text: str, where: str = "<ann>") -> list[Attribution]:
    """The attributions in the text of an ``.ann`` file, in event order. Roles named ``Content2``
    and so on are joined to ``Content``; events without content are kept with empty content. A
    note ``speaker: NAME`` on the source names the speaker."""
    spans: dict[str, Ranges] = {}
    events: list[dict[str, str]] = []
    notes: dict[str, str] = {}
    for number, line in enumerate(text.splitlines(), 1):
        note = _NOTE.match(line)
        if note and note.group(2).startswith(SPEAKER_NOTE):
            notes[note.group(1)] = note.group(2)[len(SPEAKER_NOTE):].strip()
            continue
        match = _TEXT_BOUND.match(line)
        if match:
            try:
                spans[match.group(1)] = _ranges(match.group(3))
            except ValueError:
                raise InputError(where, f"line {number}: bad offsets {match.group(3)!r}") from None
            continue
        match = _EVENT.match(line)
        if match:
            # One target per role name (Content, Content2, ...): a repeated name keeps the last.
            events.append(dict(argument.partition(":")[::2] for argument in match.group(2).split()))
    found = []
    for roles in events:
        def gather(prefix: str) -> Ranges:
            return tuple(r for role, target in roles.items() if role.startswith(prefix) for r in spans.get(target, ()))

        speaker = next((notes[t] for role, t in roles.items() if role.startswith("Source") and t in notes), None)
        found.append(Attribution(content=gather("Content"), cue=gather("Cue"), source=gather("Source"), speaker=speaker))
    return found


def read_gold(directory: str | Path) -> Iterator[GoldDocument]:
    """The documents of a gold directory, sorted by name; for each, the first annotator's file in
    sorted order. The directory has PolNeAR's layout (``text/NAME.txt``,
    ``attributions/NAME_ANNOTATOR.ann``) or brat's (``NAME.txt`` beside ``NAME.ann``, as the
    ``brat`` exporter writes). A document whose text is missing is an :class:`InputError`."""
    directory = Path(directory)
    annotations: dict[str, list[Path]] = {}
    flat = not (directory / "attributions").is_dir()
    for ann in sorted(directory.glob("*.ann") if flat else (directory / "attributions").glob("*.ann")):
        stem = ann.stem.rsplit("_", 1)[0] if "_" in ann.stem and not flat else ann.stem
        annotations.setdefault(stem, []).append(ann)
    if not annotations:
        raise InputError(str(directory), "holds no .ann files (expected PolNeAR's layout, text/ and attributions/, "
                                         "or brat's, NAME.txt beside NAME.ann)")
    for name in sorted(annotations):
        text_path = directory / f"{name}.txt" if flat else directory / "text" / f"{name}.txt"
        if not text_path.is_file():
            raise InputError(str(text_path), "missing: every annotation file needs its text")
        text = text_path.read_text(encoding="utf-8")
        first = annotations[name][0]
        yield GoldDocument(name, text, tuple(parse_ann(first.read_text(encoding="utf-8"), str(first))), text_path)


# -- reading a briefing ------------------------------------------------------------------------

_QUOTES = "\"“”«»„"


def find_text(ann: Path) -> Path | None:
    """The text an ``.ann`` file annotates: ``NAME.txt`` beside it, or in PolNeAR's layout
    ``../text/NAME.txt`` for ``attributions/NAME_ANNOTATOR.ann``."""
    beside = ann.with_suffix(".txt")
    if beside.is_file():
        return beside
    polnear = ann.parent.parent / "text" / f"{ann.stem.rsplit('_', 1)[0]}.txt"
    return polnear if polnear.is_file() else None


def _kind(content: list[Span]) -> str:
    """``direct`` when the content is one quotation, ``mixed`` when it holds one, else ``indirect``."""
    text = " ".join(span.text.strip() for span in content)
    if len(text) > 1 and text[0] in _QUOTES and text[-1] in _QUOTES + ".,!?" and sum(c in _QUOTES for c in text) == 2:
        return "direct"
    return "mixed" if any(c in _QUOTES for c in text) else "indirect"


def read_brat(input: Input) -> Briefing:
    """The briefing of an ``.ann`` file and the text it annotates."""
    if input.path is None or input.name == "-":
        raise InputError(input.label, "the brat reader needs the .ann file itself, to find the .txt beside it")
    text_path = find_text(input.path)
    if text_path is None:
        beside = input.path.with_suffix(".txt").name
        raise InputError(input.label, f"no text found for it (looked for {beside} beside it)")
    text = decode(text_path.read_bytes(), str(text_path))
    annotations = parse_ann(decode(input.path.read_bytes(), input.label), input.label)

    def spans(ranges: Ranges) -> list[Span]:
        if any(not 0 <= a <= b <= len(text) for a, b in ranges):
            raise InputError(input.label, f"offsets {ranges} fall outside the {len(text)} characters of "
                                          f"{text_path.name}")
        return [Span.of(text, a, b) for a, b in ranges]

    def hull(ranges: Ranges) -> Span | None:
        return Span.of(text, min(a for a, _ in ranges), max(b for _, b in ranges)) if spans(ranges) else None

    participants: dict[str, Participant] = {}
    statements = []
    for attribution in annotations:
        content = [s for s in spans(attribution.content) if s.text.strip()]
        if not content:
            continue
        source = hull(attribution.source)
        speaker = None
        if attribution.speaker:
            speaker = slug(attribution.speaker)
            known = participants.get(speaker)
            mentions = (*(known.mentions if known else ()), *((source,) if source else ()))
            participants[speaker] = Participant(id=speaker, name=attribution.speaker, role="speaker",
                                                mentions=sorted(set(mentions)))
        statements.append(Statement(
            id=f"b{len(statements) + 1}", kind=_kind(content), content=content, speaker=speaker,
            cue=hull(attribution.cue), source=source,
        ))
    return Briefing(
        id=input.path.stem, text=text, source=Source(path=str(text_path)),
        participants=list(participants.values()), statements=statements,
    )

class BratReader:
    name = "brat"
    description = "BRAT standoff: NAME.ann with NAME.txt beside it (or PolNeAR's text/ and attributions/)"

    def detect(self, input: Input, head: bytes) -> float:
        return detect_by_name(input, head, (".ann",))

    def read(self, input: Input) -> Iterator[Briefing]:
        yield read_brat(input)


# -- writing a briefing ------------------------------------------------------------------------

#: Characters other than "\n" that Python's ``splitlines`` breaks on: spaces in a surface text.
_LINE_BREAKS = {ord(c): " " for c in "\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"}


def fragments(spans: tuple[Span, ...] | list[Span], text: str) -> list[tuple[int, int]]:
    """The spans cut at line ends and trimmed of space, empty pieces left out."""
    pieces = []
    for span in spans:
        start = span.start
        for line in text[span.start : span.end].split("\n"):
            a, b = start, start + len(line)
            while a < b and text[a].isspace():
                a += 1
            while b > a and text[b - 1].isspace():
                b -= 1
            if b > a:
                pieces.append((a, b))
            start += len(line) + 1
    return pieces


def to_ann(briefing: Briefing) -> str:
    """The ``.ann`` text of the briefing's statements (those with some non-blank content)."""
    text = briefing.text
    lines: list[str] = []
    counters = {"T": 0, "E": 0, "#": 0}

    def add(kind: str, body: str) -> str:
        counters[kind] += 1
        key = f"{kind}{counters[kind]}"
        lines.append(f"{key}\t{body}")
        return key

    def bound(label: str, pieces: list[tuple[int, int]]) -> str:
        offsets = ";".join(f"{a} {b}" for a, b in pieces)
        surface = " ".join(text[a:b] for a, b in pieces).translate(_LINE_BREAKS)
        return add("T", f"{label} {offsets}\t{surface}")

    for statement in briefing.statements:
        content = fragments(statement.content, text)
        if not content:
            continue
        cue = fragments([statement.cue], text) if statement.cue else []
        source = fragments([statement.source], text) if statement.source else []
        roles = [("Content", bound("Content", content))]
        if cue:
            roles.append(("Cue", bound("Cue", cue)))
        if source:
            roles.append(("Source", bound("Source", source)))
            speaker = briefing.participant(statement.speaker)
            if speaker is not None:
                counters["#"] += 1
                name = " ".join(speaker.name.split())
                lines.append(f"#{counters['#']}\tAnnotatorNotes {roles[-1][1]}\t{SPEAKER_NOTE}{name}")
        label = "Attribution" if source else "Attribution-no-source"
        trigger = bound(label, cue or source or content[:1])
        add("E", " ".join([f"{label}:{trigger}", *(f"{role}:{key}" for role, key in roles)]))
    return "".join(line + "\n" for line in lines)


class BratExporter(RenderedExporter):
    """The ``.ann`` of each briefing, with the text its offsets index into beside it."""

    def companions(self, briefing: Briefing) -> dict[str, str]:
        """The files written beside the ``.ann``: the text its offsets index into."""
        return {".txt": briefing.text}


@hookimpl
def briefing_register(registry):
    registry.add_reader(BratReader())
    registry.add_exporter(BratExporter(
        "brat", "BRAT standoff: NAME.ann (Source, Cue, Content, Attribution) and NAME.txt beside it", ".ann", to_ann))
