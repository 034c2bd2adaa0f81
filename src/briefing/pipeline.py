"""From inputs to briefings: read, parse once with spaCy, run the chosen extractor of each stage.

:func:`extract` does one text; :func:`extract_many` streams many through ``nlp.pipe``; a
:class:`Pipeline` keeps the loaded spaCy pipeline and plugins for repeated use.
"""

from __future__ import annotations

import glob
import itertools
import os
import re
import sys
import warnings
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

import attrs
from attrs import frozen

from .entity_decoder import EntityDecoder
from .errors import BriefingError, InputError, InputWarning, PluginError, UnknownNameError
from .model import Briefing, Provenance
from .nlp import doc_text, load_pipeline, model_name, needed_components, parse_long, resolve_model
from .plugin.interfaces import STAGES, Input
from .plugin.manager import PluginManager
from .plugin.registry import Registered
from .token_columns import TokenColumns
from .windows import extract_in_windows

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["DEFAULT_EXTRACTORS", "Failure", "Pipeline", "PipelineSettings", "as_input", "extract", "extract_many"]

#: The extractor each stage uses unless another is chosen; ``"none"`` skips a stage. For statements,
#: ``trained`` (the CRF, with the rules taking over the constructions it mishandles) scores best on
#: news in general (PolNeAR) and gets every statement of the reference briefing report right;
#: ``rules`` explains each statement by a rule; see docs/statements.md.
DEFAULT_EXTRACTORS = {**{stage: "rules" for stage in STAGES}, "statements": "trained"}
SKIP = "none"

InputLike = str | os.PathLike[str] | Input
# One word ending in a file suffix, or holding a slash with no spaces: "a.txt", "data/x", "~/notes.html".
_LOOKS_LIKE_A_PATH = re.compile(r"[^\s]*(?:/[^\s]*|\.[A-Za-z][A-Za-z0-9]{0,5})")


@frozen
class Failure:
    """An input (or one record of it) that could not be turned into a briefing."""

    input: str
    error: BriefingError

    def __str__(self) -> str:
        """The error, led by the input's name unless it names it already."""
        message = str(self.error)
        return message if message.startswith(f"{self.input}:") else f"{self.input}: {message}"


@frozen
class PipelineSettings:
    """What a :class:`Pipeline` was built from: enough to build the same pipeline elsewhere, such as
    on a cluster's worker, without shipping the loaded spaCy pipeline (:meth:`build`). ``model`` is
    ``None`` for a spaCy pipeline built in memory, which only the default model can stand for;
    ``plugins`` are the plugin manager's arguments (``PluginManager.settings``)."""

    model: str | None
    reader: str | None
    extractors: dict[str, str]
    options: dict[str, Any]
    batch_size: int
    chunk_chars: int
    plugins: dict[str, Any]

    def build(self) -> Pipeline:
        return Pipeline(model=self.model, reader=self.reader, **self.extractors, options=self.options,
                        batch_size=self.batch_size, chunk_chars=self.chunk_chars,
                        plugins=PluginManager(**self.plugins))


def as_input(item: InputLike) -> Input:
    """An :class:`Input` for a path, ``"-"`` (standard input), or a text.

    A ``pathlib.Path`` is always a file. A ``str`` is the text itself, unless it is a single
    short line naming an existing file or directory, or one that looks like a path (no spaces, a
    file suffix or a slash): that names a missing file, an :class:`InputError`. To be explicit,
    pass a ``Path`` for a file and :meth:`Input.from_text` for a text.
    """
    if isinstance(item, Input):
        return item
    if isinstance(item, os.PathLike):
        return Input.from_path(os.fspath(item))
    if item == "-":
        return Input.from_bytes(sys.stdin.buffer.read(), name="-")
    if len(item) < 4096 and "\n" not in item:
        if os.path.exists(item):
            return Input.from_path(item)
        if _LOOKS_LIKE_A_PATH.fullmatch(item.strip()):
            raise InputError(item, "no such file (to read this string as the text itself, pass Input.from_text(...))")
    return Input.from_text(item)


def _label(item: InputLike) -> str:
    """How to name an input in a message when it could not even be made an :class:`Input`."""
    if isinstance(item, Input):
        return item.label
    if isinstance(item, os.PathLike):
        return os.fspath(item)
    return item if len(item) < 80 else "<text>"


class Pipeline:
    """A loaded spaCy pipeline with one chosen reader (or automatic detection), one extractor per
    stage, and the plugin manager they come from. Build it once; run it on as many texts as you like.

    ``metadata``, ``participants``, ``statements`` and ``issues`` name the extractor of each stage
    (``"none"`` skips the stage); ``reader`` names a reader, or ``None`` to detect it per input;
    ``model`` names the spaCy pipeline (see :func:`briefing.nlp.resolve_model`); ``options`` are
    settings extractors may read, such as ``{"taxonomy": "cap"}``. A text longer than
    ``chunk_chars`` is extracted in overlapping windows of at most that many characters, cut
    between paragraphs (:mod:`briefing.windows`), so no text is too long for spaCy, memory is
    bounded by the window, and offsets stay whole-text.
    Only the spaCy components the chosen extractors need run (:attr:`components`).
    """

    def __init__(
        self,
        *,
        model: str | None = None,
        reader: str | None = None,
        metadata: str = DEFAULT_EXTRACTORS["metadata"],
        participants: str = DEFAULT_EXTRACTORS["participants"],
        statements: str = DEFAULT_EXTRACTORS["statements"],
        issues: str = DEFAULT_EXTRACTORS["issues"],
        plugins: PluginManager | None = None,
        nlp: Language | None = None,
        options: dict[str, Any] | None = None,
        batch_size: int = 8,
        chunk_chars: int = 100_000,
    ) -> None:
        self.plugins = plugins if plugins is not None else PluginManager()
        self.options = dict(options or {})
        self.reader = self.plugins.reader(reader) if reader else None
        chosen = dict(zip(STAGES, (metadata, participants, statements, issues), strict=True))
        entries = [self.plugins.extractor(stage, name) for stage, name in chosen.items() if name != SKIP]
        self.extractors: tuple[Registered, ...] = tuple(self._prepared(entry) for entry in entries)
        self.nlp = nlp if nlp is not None else load_pipeline(model)
        self.batch_size = batch_size
        self.chunk_chars = chunk_chars
        #: The spaCy components run on each text: those the chosen extractors declare they need.
        self.components = needed_components(self.nlp, (getattr(e.obj, "needs", None) for e in self.extractors))
        #: spaCy's attribute ruler and lemmatizer run on token columns, same result, when they can be
        #: (:mod:`briefing.token_columns`); ``None`` when spaCy's own run.
        self.columns = TokenColumns.of(self.nlp, self.components)
        #: spaCy's entity recognizer decoded in numpy, same result, when it can be
        #: (:mod:`briefing.entity_decoder`); ``None`` when spaCy's own runs.
        self.entities = EntityDecoder.of(self.nlp, self.components)
        standing_in = (*(self.columns.names if self.columns is not None else ()),
                       *(self.entities.names if self.entities is not None else ()))
        self._disabled = [name for name in self.nlp.pipe_names if name not in self.components or name in standing_in]
        self.settings = PipelineSettings(
            model=(resolve_model(model) if nlp is None else model or model_name(nlp)), reader=reader,
            extractors=dict(chosen), options=self.options,
            batch_size=batch_size, chunk_chars=chunk_chars, plugins=self.plugins.settings,
        )

    def extractor(self, stage: str, name: str) -> Registered:
        """The extractor registered for ``stage`` under ``name``, ready to run with this pipeline:
        the public way for a plugin to wrap or reuse another (``entry.call(lambda:
        entry.obj.extract(briefing, doc))``). Unknown stages or names list the known ones."""
        if stage not in STAGES:
            raise UnknownNameError("stage", stage, STAGES)
        return self._prepared(self.plugins.extractor(stage, name))

    def _prepared(self, entry: Registered) -> Registered:
        """The entry with its extractor bound to this pipeline, for extractors that ask to be
        (an optional ``prepare(pipeline)`` method returning the extractor to use)."""
        prepare = getattr(entry.obj, "prepare", None)
        if prepare is None:
            return entry
        return attrs.evolve(entry, obj=entry.call(lambda: prepare(self)))

    # -- reading ----------------------------------------------------------------------------

    def choose_reader(self, input: Input) -> Registered:
        """The reader for this input: the one chosen by name, or the most confident one."""
        if self.reader is not None:
            return self.reader
        head = input.head()
        scored = []
        for entry in self.plugins.entries("reader"):
            score = entry.call(lambda: float(entry.obj.detect(input, head)))
            if score > 0:
                scored.append((-score, entry.name, entry))
        if not scored:
            raise InputError(input.label, f"no reader recognises it (readers: {', '.join(self.plugins.names('reader'))})")
        return min(scored, key=lambda item: item[:2])[2]

    def read(self, inputs: Iterable[InputLike]) -> Iterator[Briefing | Failure]:
        """The briefings in ``inputs``, text and source only, in order; a :class:`Failure` for
        each input or record that could not be read."""
        for item in inputs:
            try:
                input = as_input(item)
                if input.path is not None and input.path.is_dir():
                    empty = not any(p.is_file() for p in input.path.rglob("*"))
                    raise InputError(input.label, "is a directory with no files to read" if empty
                                     else "is a directory (give the files, or a glob)")
                if input.path is not None and glob.has_magic(input.label) and not input.path.exists():
                    raise InputError(input.label, "matches no file")
                reader = self.choose_reader(input)
                stamp = Provenance(stage="reader", name=reader.name, plugin=reader.plugin, version=reader.version)
                for result in reader.stream(lambda: reader.obj.read(input)):
                    if isinstance(result, BriefingError):
                        yield Failure(input.label, result)
                    else:
                        yield attrs.evolve(result, provenance=(*result.provenance, stamp))
            except BriefingError as error:
                yield Failure(getattr(error, "where", None) or _label(item), error)
            except OSError as error:
                yield Failure(_label(item), InputError(_label(item), error.strerror or str(error)))

    # -- extracting -------------------------------------------------------------------------

    def process(
        self, items: Iterable[Briefing | Failure], *, n_process: int = 1, engine: str = "local", scheduler: Any = None
    ) -> Iterator[Briefing | Failure]:
        """Parse each briefing's text once and run the extractors, results in order; failures pass
        through. ``engine`` names where this runs (``briefing formats`` lists the engines): the
        built-in ``local`` runs in this process or, with ``n_process`` above 1, in that many worker
        processes (:mod:`briefing.parallel`); a plugin's engine may take a ``scheduler``."""
        entry = self.plugins.engine(engine)
        return entry.stream(lambda: entry.obj.process(self, items, n_process=n_process, scheduler=scheduler))

    def process_here(self, items: Iterable[Briefing | Failure]) -> Iterator[Briefing | Failure]:
        """:meth:`process` in this process, batched through ``nlp.pipe``: what every engine's
        workers run."""

        def texts() -> Iterator[tuple[str, Briefing | Failure]]:
            for item in items:
                if isinstance(item, Briefing) and not item.text.strip():
                    warnings.warn(InputWarning(item.source.path or item.id, "holds no text; its briefing is empty"),
                                  stacklevel=2)
                long = isinstance(item, Briefing) and len(item.text) > self.chunk_chars
                yield (item.text if isinstance(item, Briefing) and not long else "", item)

        for doc, item in self.pipe(texts(), as_tuples=True):
            if isinstance(item, Failure):
                yield item
                continue
            try:
                if len(item.text) > self.chunk_chars:
                    yield self.extract_long(item)
                else:
                    yield self.extract_from_doc(item, doc)
            except BriefingError as error:
                yield Failure(item.source.path or item.id, error)

    def pipe(self, texts: Iterable[Any], *, as_tuples: bool = False, batch_size: int | None = None) -> Iterator[Any]:
        """``nlp.pipe`` running the spaCy components the extractors need (:attr:`components`), with
        the entity recognizer decoded in numpy (:attr:`entities`) and the attribute ruler and
        lemmatizer on token columns (:attr:`columns`) when they stand in: the Docs are the ones
        spaCy would make."""
        size = batch_size or self.batch_size
        docs = self.nlp.pipe(texts, as_tuples=as_tuples, batch_size=size, disable=self._disabled)
        if self.entities is not None:
            docs = self._with_entities(docs, as_tuples, size)
        columns = self.columns
        if columns is None:
            yield from docs
        elif as_tuples:
            for doc, context in docs:
                yield columns(doc), context
        else:
            for doc in docs:
                yield columns(doc)

    def _with_entities(self, docs: Iterator[Any], as_tuples: bool, size: int) -> Iterator[Any]:
        """``docs`` (or ``(doc, context)`` pairs) with their entities set, a batch at a time."""
        while batch := list(itertools.islice(docs, size)):
            self.entities([item[0] for item in batch] if as_tuples else batch)
            yield from batch

    def parse(self, text: str) -> Doc:
        """The spaCy ``Doc`` of one text, in pieces when it is longer than ``chunk_chars``."""
        if len(text) > self.chunk_chars:
            return parse_long(self.pipe, text, self.chunk_chars)
        return next(self.pipe([text]))

    def extract_long(self, briefing: Briefing) -> Briefing:
        """The briefing of a text longer than ``chunk_chars``, extracted in windows of at most that
        many characters (:mod:`briefing.windows`): memory is bounded by the window, not the text."""

        def extract(view: Briefing, doc: Doc, first: bool) -> Briefing:
            return self.extract_from_doc(view, doc, head=first)

        return settle_roles(extract_in_windows(self.pipe, briefing, self.chunk_chars, extract))

    def extract_from_doc(self, briefing: Briefing, doc: Doc, *, head: bool = True) -> Briefing:
        """Run every chosen extractor on a briefing whose text ``doc`` has parsed, and attach the
        result to the doc as ``doc._.briefing``. With ``head=False`` (a window of a long text past
        its first) the metadata stage, which reads a text's head, is skipped."""
        if doc_text(doc) != briefing.text:
            raise ValueError("the Doc was parsed from another text than the briefing's")
        stamps = []
        for entry in self.extractors:
            if not head and entry.obj.stage == "metadata":
                continue
            result = entry.call(lambda e=entry, b=briefing: e.obj.extract(b, doc))
            if not isinstance(result, Briefing) or result.text != briefing.text:
                raise PluginError(
                    entry.plugin, entry.kind, entry.name,
                    TypeError("extract() must return the briefing it was given, with its part added"),
                )
            broken = next(result.broken_references(), None)
            if broken is not None:
                raise PluginError(entry.plugin, entry.kind, entry.name, ValueError(broken))
            briefing = result
            stamps.append(Provenance(stage=entry.obj.stage, name=entry.name, plugin=entry.plugin, version=entry.version))
        briefing = attrs.evolve(briefing, provenance=(*briefing.provenance, *stamps))
        briefing = settle_roles(briefing)
        doc._.briefing = briefing
        return briefing

    def run(
        self, inputs: Iterable[InputLike], *, n_process: int = 1, engine: str = "local", scheduler: Any = None
    ) -> Iterator[Briefing | Failure]:
        """Read, parse and extract every input, streaming and in order; failures are yielded, not
        raised. Parsing and extraction run on ``engine`` with ``n_process`` workers (see
        :meth:`process`); reading stays in this process."""
        return self.process(self.read(inputs), n_process=n_process, engine=engine, scheduler=scheduler)

    def extract(self, text_or_path: InputLike) -> Briefing:
        """The briefing of one text or file; raises the error if it cannot be made."""
        return _only(self.run([text_or_path]), text_or_path)

    def extract_doc(self, text_or_path: InputLike) -> Doc:
        """The spaCy ``Doc`` of one text or file with its briefing attached: ``doc._.briefing``,
        and span groups ``briefing_statements``, ``briefing_participants`` and ``briefing_issues``
        (see :mod:`briefing.doc_spans`). Raises the error if the briefing cannot be made."""
        from .doc_spans import add_spans

        briefing = _only(self.read([text_or_path]), text_or_path)
        doc = self.parse(briefing.text)
        return add_spans(doc, self.extract_from_doc(briefing, doc))

    def extract_many(
        self,
        inputs: Iterable[InputLike],
        *,
        on_error: Callable[[Failure], Any] | None = None,
        n_process: int = 1,
        progress: bool | Callable[[Briefing | Failure], Any] = False,
        engine: str = "local",
        scheduler: Any = None,
    ) -> Iterator[Briefing]:
        """The briefings of many inputs, streaming, in input order. A failure is passed to
        ``on_error`` and the batch goes on; with no ``on_error`` it is raised. ``n_process`` runs
        the work in that many processes; ``progress=True`` shows a progress bar on stderr, and a
        function is called with each result (briefing or failure) as it comes. ``engine`` and
        ``scheduler`` say where the work runs (:meth:`process`): ``engine="dask"`` with the
        ``briefing-dask`` plugin runs it on a Dask cluster."""
        from .progress import tracked

        total = len(inputs) if isinstance(inputs, (list, tuple)) else None
        run = self.run(inputs, n_process=n_process, engine=engine, scheduler=scheduler)
        for result in tracked(run, progress, total):
            if isinstance(result, Failure):
                if on_error is None:
                    raise result.error
                on_error(result)
            else:
                yield result


def _only(results: Iterable[Briefing | Failure], text_or_path: InputLike) -> Briefing:
    """The one briefing of an input that should hold one; raises its failure, or an error when it
    holds several documents."""
    results = list(results)
    if len(results) != 1:
        raise InputError(as_input(text_or_path).label, f"holds {len(results)} documents; use extract_many")
    if isinstance(results[0], Failure):
        raise results[0].error
    return results[0]


def settle_roles(briefing: Briefing) -> Briefing:
    """Make ``role`` agree with the statements: whoever has a statement is a ``speaker``; a
    ``speaker`` left without one becomes an ``attendee``."""
    speakers = {s.speaker for s in briefing.statements}
    participants = []
    for p in briefing.participants:
        if p.id in speakers and p.role != "speaker":
            p = attrs.evolve(p, role="speaker")
        elif p.id not in speakers and p.role == "speaker":
            p = attrs.evolve(p, role="attendee")
        participants.append(p)
    return attrs.evolve(briefing, participants=participants)


def extract(text_or_path: InputLike, **choices: Any) -> Briefing:
    """Extract one briefing from a text or a file. ``choices`` are :class:`Pipeline`'s arguments.

    Each call loads the spaCy pipeline; for many texts use :func:`extract_many` or a
    :class:`Pipeline`.
    """
    return Pipeline(**choices).extract(text_or_path)


def extract_many(
    inputs: Iterable[InputLike],
    *,
    on_error: Callable[[Failure], Any] | None = None,
    n_process: int = 1,
    progress: bool | Callable[[Briefing | Failure], Any] = False,
    engine: str = "local",
    scheduler: Any = None,
    **choices: Any,
) -> Iterator[Briefing]:
    """Extract briefings from many texts or files, streaming them through ``nlp.pipe`` (see
    :meth:`Pipeline.extract_many`)."""
    return Pipeline(**choices).extract_many(inputs, on_error=on_error, n_process=n_process, progress=progress,
                                            engine=engine, scheduler=scheduler)
