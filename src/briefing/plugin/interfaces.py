"""What a reader, an extractor and an exporter look like to the pipeline, and what a reader reads
(:class:`Input`).

Plugins register objects that satisfy these protocols; nothing needs to inherit from them. Two
helpers build the common cases: :func:`detect_by_name` and :class:`RenderedExporter`.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, Protocol, TextIO, runtime_checkable

from attrs import field, frozen

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..model import Briefing
    from ..pipeline import Failure, Pipeline

__all__ = ["STAGES", "Engine", "Exporter", "Extractor", "Input", "Reader", "RenderedExporter", "detect_by_name"]

#: The extraction stages, in the order the pipeline runs them.
STAGES = ("metadata", "participants", "statements", "issues")


@frozen
class Input:
    """One thing to read: a file, or bytes already in hand (standard input, a string).

    ``name`` is what error messages and ``Source.path`` show: the path, ``-`` for stdin, or
    ``None`` for a text given directly.
    """

    name: str | None
    path: Path | None = None
    data: bytes | None = field(default=None, repr=False)
    text: str | None = field(default=None, repr=False)

    @classmethod
    def from_path(cls, path: str | Path) -> Input:
        return cls(str(path), path=Path(path))

    @classmethod
    def from_bytes(cls, data: bytes, name: str | None = None) -> Input:
        return cls(name, data=data)

    @classmethod
    def from_text(cls, text: str, name: str | None = None) -> Input:
        """A text given directly (never taken for a path, never sniffed for an encoding)."""
        return cls(name, data=text.encode("utf-8", "surrogatepass"), text=text)

    @property
    def label(self) -> str:
        """How to name this input in a message."""
        return self.name or "<text>"

    def briefing_id(self, text: str) -> str:
        """The id of the briefing read from this input: the file's stem, or for stdin and strings
        ``text-`` and a digest of the text, stable across runs."""
        if self.path is not None and self.name != "-":
            return self.path.stem
        return "text-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]

    def open(self) -> BinaryIO:
        if self.data is not None:
            return io.BytesIO(self.data)
        assert self.path is not None
        return self.path.open("rb")

    def read_text(self) -> str:
        """The whole input as text: as given, or decoded (:func:`briefing.files.decode`, which
        warns when it has to guess the encoding and refuses binary data)."""
        if self.text is not None:
            return self.text
        from ..files import decode

        with self.open() as stream:
            return decode(stream.read(), self.label)

    def head(self, size: int = 8192) -> bytes:
        """The first ``size`` bytes, for sniffing the format."""
        with self.open() as stream:
            return stream.read(size)


@runtime_checkable
class Reader(Protocol):
    """Turns an input into briefings that hold at least ``id``, ``text`` and ``source``.

    A reader may fill more: a transcript reader adds the speaker-labelled turns as sections,
    participants and statements, and the extractors add to them.
    """

    name: str
    description: str

    def detect(self, input: Input, head: bytes) -> float:
        """How sure the reader is that it should read this input, from 0 (no) to 1 (certainly),
        judged from the file name and its first bytes."""

    def read(self, input: Input) -> Iterator[Briefing]:
        """The briefings in the input (one for most formats, one a line for JSONL)."""


@runtime_checkable
class Extractor(Protocol):
    """Fills one stage of a briefing from the parsed text.

    ``extract`` receives the briefing as the earlier stages left it and the spaCy ``Doc`` of its
    text (parsed once, shared by every stage), and returns the briefing with its own part added,
    normally through ``attrs.evolve``. An extractor may also set ``needs``, the names of the spaCy
    components whose annotations it reads (``("parser", "ner")``): the pipeline then runs only the
    components the chosen extractors need (:func:`briefing.nlp.needed_components`). Without
    ``needs`` an extractor is given every component.
    """

    stage: str
    name: str
    description: str

    def extract(self, briefing: Briefing, doc: Doc) -> Briefing: ...


@runtime_checkable
class Exporter(Protocol):
    """Writes briefings in one format.

    ``many`` says whether one output can hold several briefings (JSONL, CSV); when it cannot, the
    CLI writes one file per input, named after the input with ``suffix``. An exporter may also set
    ``appendable = True`` when it writes a briefing a line and flushes after each, so that a file
    cut after any line is valid: the CLI then writes it in place, keeps what a stopped run finished,
    and can ``--resume``.
    """

    name: str
    description: str
    suffix: str
    many: bool

    def write(self, briefings: Iterable[Briefing], stream: TextIO) -> None: ...


@runtime_checkable
class Engine(Protocol):
    """Where parsing and extraction run: in this process, in worker processes, on a cluster.

    ``process`` receives the pipeline and the stream read from the inputs (briefings holding text
    and source, and :class:`~briefing.pipeline.Failure` for inputs that could not be read), and
    yields one result for each, in input order: the processed briefing, or a failure naming the
    input. It keeps a bounded number of items in hand however long the stream. Workers run
    ``pipeline.process_here(batch)`` on a pipeline of their own, inherited by ``fork`` or rebuilt
    from ``pipeline.settings``, never a pickled spaCy pipeline. ``n_process`` is the number of
    workers asked for and ``scheduler`` where to find them (an engine-specific address, ``None``
    for this machine); both are keywords, and new ones may be added.
    """

    name: str
    description: str

    def process(
        self, pipeline: Pipeline, items: Iterable[Briefing | Failure], *, n_process: int, scheduler: Any
    ) -> Iterator[Briefing | Failure]: ...


def detect_by_name(
    input: Input, head: bytes, suffixes: tuple[str, ...], looks_like: Callable[[bytes], bool] | None = None,
    sniffed: float = 0.0,
) -> float:
    """A reader's usual ``detect``: 0.9 when the input's name ends with one of ``suffixes`` (in any
    case); else ``sniffed`` when ``looks_like(head)`` finds the format's shape in the first bytes
    (for standard input and files named otherwise); else 0."""
    if input.name and input.name.lower().endswith(suffixes):
        return 0.9
    return sniffed if looks_like is not None and looks_like(head) else 0.0


@frozen
class RenderedExporter:
    """An exporter made of a function that renders one briefing as text: ``write`` writes
    ``render(briefing)`` for each. It holds one briefing an output (``many = False``), so the CLI
    writes one file per input."""

    name: str
    description: str
    suffix: str
    render: Callable[[Briefing], str] = field(repr=False)
    many = False

    def write(self, briefings: Iterable[Briefing], stream: TextIO) -> None:
        for briefing in briefings:
            stream.write(self.render(briefing))
