"""Statements as BRAT standoff in PolNeAR's style: text-bound ``Source``, ``Cue`` and ``Content``
spans and an ``Attribution`` trigger (``Attribution-no-source`` without a source) tied by an event,
so annotators can correct them in brat and ``briefing evaluate`` can score against them.

brat spans may not cross a line end, so a span over several lines is written as fragments. A
statement's speaker is noted on its source (``#N AnnotatorNotes Tk speaker: NAME``), which the
``brat`` reader reads back.
"""

from __future__ import annotations

from ..brat import SPEAKER_NOTE
from ..model import Briefing, Span

__all__ = ["fragments", "to_ann"]

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
