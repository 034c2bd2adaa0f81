"""Files in and out: decoding bytes into text, finding inputs, and writing outputs atomically."""

from __future__ import annotations

import glob
import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from .errors import InputError

__all__ = ["atomic_writer", "decode", "expand_paths"]


def decode(data: bytes, where: str) -> str:
    """The text in ``data``: UTF-8 when it is, else the encoding charset-normalizer finds.

    Line ends are normalised as Python's text mode does (``\\r\\n`` and ``\\r`` become ``\\n``), so
    offsets agree with ``Path.read_text()``. Binary data is an :class:`InputError`.
    """
    if b"\x00" in data[:8192]:
        raise InputError(where, "looks like a binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        matches = from_bytes(data)
        best = matches.best()
        if best is None:
            raise InputError(where, "is not text in any encoding that could be detected") from None
        # Single-byte encodings often tie; among equals prefer the one Western news is written in.
        tied = [m for m in matches if m.chaos == best.chaos and m.coherence == best.coherence]
        text = str(next((m for m in tied if m.encoding == "cp1252"), best))
    return text.replace("\r\n", "\n").replace("\r", "\n")


def expand_paths(arguments: Iterable[str], suffixes: Iterable[str] = ()) -> Iterator[str]:
    """Each argument as given, except that a directory becomes the files in it (recursively, sorted;
    with ``suffixes`` only files ending so) and a glob pattern the paths it matches.

    An argument matching nothing is passed through, so that reading it reports the problem.
    """
    wanted = tuple(suffixes)
    for argument in arguments:
        if argument != "-" and os.path.isdir(argument):
            for path in sorted(Path(argument).rglob("*")):
                if path.is_file() and not path.name.startswith(".") and (not wanted or path.name.endswith(wanted)):
                    yield str(path)
        elif glob.has_magic(argument):
            matches = sorted(glob.glob(argument, recursive=True))
            yield from (match for match in matches if os.path.isfile(match)) if matches else (argument,)
        else:
            yield argument


@contextmanager
def atomic_writer(path: str | Path) -> Iterator[TextIO]:
    """Write a text file all at once: to a temporary file beside it, renamed into place only when
    the block ends without error, so a reader never sees half an output."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as stream:
            yield stream
        os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, target)
    except BaseException:
        os.unlink(temporary)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
