"""BRAT standoff annotations of attributions, as PolNeAR has them: text-bound ``Source``, ``Cue``
and ``Content`` spans tied together by ``Attribution`` events, in PolNeAR's layout
(``text/NAME.txt`` beside ``attributions/NAME_ANNOTATOR.ann``) or brat's (``NAME.txt`` beside
``NAME.ann``)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from attrs import frozen

from .errors import InputError

__all__ = ["Attribution", "GoldDocument", "parse_ann", "read_gold"]

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
