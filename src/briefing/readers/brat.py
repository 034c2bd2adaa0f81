"""BRAT standoff read back into a briefing: each ``Attribution`` event of an ``.ann`` file becomes a
statement of its text, and each speaker the ``brat`` exporter noted becomes a participant."""

from __future__ import annotations

from pathlib import Path

from ..brat import Ranges, parse_ann
from ..errors import InputError
from ..files import decode
from ..plugin.interfaces import Input
from ..model import Briefing, Participant, Source, Span, Statement
from ..participants.names import slug

__all__ = ["find_text", "read_brat"]

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
