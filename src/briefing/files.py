"""Files in and out: decoding bytes into text, finding inputs, and writing outputs atomically."""

from __future__ import annotations

import codecs
import glob
import hashlib
import os
import re
import tempfile
import warnings
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from .errors import InputError, InputWarning

__all__ = ["atomic_writer", "decode", "expand_paths", "safe_stem"]


_BOMS = (  # longest first: the UTF-32 little-endian mark begins with the UTF-16 one
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# What Western text in Windows-1252 holds beyond ASCII: Latin letters and typographic punctuation.
_WESTERN = re.compile(r"[\u00a0-\u017f\u2010-\u2026\u2030\u2039\u203a\u20ac\u2122\u0192\u02c6\u02dc]")
_MOSTLY_ASCII = 0.2  # Western prose in cp1252 has few non-ASCII letters; Cyrillic or Greek misread has many


def decode(data: bytes, where: str) -> str:
    """The text in ``data``, and why it is trusted.

    A byte-order mark decides (UTF-8, UTF-16, UTF-32). Else UTF-8 is tried strictly; then
    Windows-1252, the encoding of most non-UTF-8 Western news (a superset of Latin-1's printable
    characters), when every non-ASCII character it gives is a Latin letter or typographic
    punctuation and they are few; else the encoding charset-normalizer finds, with an
    :class:`InputWarning` naming it, since that is a guess. Line ends are normalised as Python's
    text mode does (``\\r\\n`` and ``\\r`` become ``\\n``), so offsets agree with
    ``Path.read_text()``. Binary data is an :class:`InputError`.
    """
    return _decode(data, where).replace("\r\n", "\n").replace("\r", "\n")


def _decode(data: bytes, where: str) -> str:
    for mark, encoding in _BOMS:
        if data.startswith(mark):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                raise InputError(where, f"starts with a {encoding} byte-order mark but is not {encoding}") from None
    if b"\x00" in data[:8192]:
        raise InputError(where, "is not text (it holds NUL bytes, as binary files do)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:
        western = None
    if western is not None:
        beyond_ascii = [c for c in western if ord(c) > 127]
        letters = sum(c.isalpha() for c in western) or 1
        accented = sum(c.isalpha() for c in beyond_ascii)
        if all(_WESTERN.match(c) for c in beyond_ascii) and accented / letters < _MOSTLY_ASCII:
            return western
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError(where, "is not text in any encoding that could be detected")
    warnings.warn(InputWarning(where, f"is not UTF-8; decoded as {best.encoding}, a guess (convert it to UTF-8 to be sure)"),
                  stacklevel=3)
    return str(best)


def expand_paths(arguments: Iterable[str], suffixes: Iterable[str] = ()) -> Iterator[str]:
    """Each argument as given, except that a directory becomes the files in it (recursively, sorted;
    with ``suffixes`` only files ending so) and a glob pattern the paths it matches.

    An argument matching nothing, or a directory holding no file to read, is passed through, so
    that reading it reports the problem.
    """
    wanted = tuple(suffixes)
    for argument in arguments:
        if argument != "-" and os.path.isdir(argument):
            found = [
                str(path) for path in sorted(Path(argument).rglob("*"))
                if path.is_file() and not path.name.startswith(".") and (not wanted or path.name.endswith(wanted))
            ]
            yield from found or (argument,)
        elif glob.has_magic(argument):
            matches = sorted(glob.glob(argument, recursive=True))
            yield from (match for match in matches if os.path.isfile(match)) if matches else (argument,)
        else:
            yield argument


_UNSAFE_IN_NAMES = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|]+')
_MAX_STEM = 120


def safe_stem(name: str) -> str:
    """``name`` made into one file name that stays inside its directory: no separators, control
    characters or characters Windows refuses, no leading dot (``..``), at most 120 characters (a
    digest of the whole keeps long names apart). Used for output files named after input ids."""
    stem = _UNSAFE_IN_NAMES.sub("_", name).lstrip(". ").rstrip(". ") or "briefing"
    if len(stem) > _MAX_STEM:
        stem = f"{stem[: _MAX_STEM - 13]}-{hashlib.sha1(name.encode('utf-8', 'surrogatepass')).hexdigest()[:12]}"
    return stem


@contextmanager
def atomic_writer(path: str | Path, *, binary: bool = False) -> Iterator[TextIO]:
    """Write a text file (with ``binary``, a byte stream) all at once: to a temporary file beside
    it, renamed into place only when the block ends without error, so a reader never sees half an
    output."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding="utf-8", newline="") as stream:
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
