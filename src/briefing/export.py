"""Writing briefings in a named format, from Python and for the command line: the exporter is
called through the plugin guard, a one-briefing format refuses a second briefing, files are written
atomically with any companions the exporter asks for beside them."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TextIO

from .errors import BriefingError, InputError, PluginError
from .files import atomic_writer
from .model import Briefing
from .plugin.manager import PluginManager
from .plugin.registry import Registered

__all__ = ["TooManyBriefingsError", "export", "feed", "single", "write_file"]


class TooManyBriefingsError(BriefingError):
    """A format that holds one briefing was given several."""

    def __init__(self, format: str) -> None:
        super().__init__(
            f"format {format!r} holds one briefing but was given several; "
            f"use a format for many (such as jsonl), or one file per briefing"
        )


def export(
    briefings: Briefing | Iterable[Briefing],
    format: str,
    destination: str | os.PathLike[str] | TextIO | None = None,
    *,
    plugins: PluginManager | None = None,
) -> None:
    """Write ``briefings`` in ``format`` (any name ``briefing formats`` lists) to ``destination``:
    a path (written atomically, with any files the format puts beside it), an open text stream, or
    ``None`` for standard output. ``briefing.export(b, "csv", "out.csv")``."""
    entry = (plugins or PluginManager()).exporter(format)
    items = [briefings] if isinstance(briefings, Briefing) else briefings
    if destination is None or hasattr(destination, "write"):
        feed(entry, single(items, entry), destination or sys.stdout)  # type: ignore[arg-type]
    else:
        write_file(entry, single(items, entry), Path(destination))  # type: ignore[arg-type]


def single(briefings: Iterable[Briefing], entry: Registered) -> Iterator[Briefing]:
    """The briefings, refusing a second one when the format holds only one."""
    for number, briefing in enumerate(briefings):
        if number and not entry.obj.many:
            raise TooManyBriefingsError(entry.name)
        yield briefing


def feed(entry: Registered, briefings: Iterable[Briefing], stream: TextIO) -> Briefing | None:
    """Give the briefings to the exporter, guarded, and return the first. An exporter failing is
    an :class:`InputError` naming the input it was writing, and the plugin."""
    first: list[Briefing] = []
    current: list[Briefing] = []

    def watched() -> Iterator[Briefing]:
        for briefing in briefings:
            first[:] = first or [briefing]
            current[:] = [briefing]
            yield briefing

    try:
        entry.call(lambda: entry.obj.write(watched(), stream))
    except PluginError as error:
        if not current:
            raise
        raise InputError(current[0].source.path or current[0].id, str(error)) from error
    return first[0] if first else None


def write_file(entry: Registered, briefings: Iterable[Briefing], path: Path) -> None:
    """Write the output, and any files the exporter puts beside it (``companions``), atomically.
    A companion never overwrites the input it came from with something else."""
    with atomic_writer(path) as stream:
        first = feed(entry, briefings, stream)
    companions = getattr(entry.obj, "companions", None)
    if companions is None or first is None:
        return
    for suffix, text in entry.call(lambda: companions(first)).items():
        target = path.with_suffix(suffix)
        source = first.source.path
        if source and source != "-" and target.exists() and target.resolve() == Path(source).resolve():
            if target.read_bytes() == text.encode("utf-8"):
                continue
            raise InputError(source, f"writing {target.name} beside the output would overwrite this input; use another -o directory")
        with atomic_writer(target) as stream:
            stream.write(text)
