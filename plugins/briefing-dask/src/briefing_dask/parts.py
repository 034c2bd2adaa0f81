"""A corpus extracted disk to disk on a Dask cluster, into numbered part files.

:func:`extract_to_parts` takes files (a glob, a directory or a list of paths) or a ``dask.bag`` of
texts and records, and has each part made by one worker task: read there with the core's readers,
extracted with the worker's pipeline, written as the core's ``jsonl`` (``part-00000.jsonl`` …, one
briefing a line in input order, with an error record ``{"input", "error"}`` in the place of each
document that failed), and optionally as Parquet with one row a statement. Each file is written to
a temporary name and renamed when whole, so a part that exists is complete: a rerun into the same
directory makes only the missing parts (and removes what a killed run left of them).
``_parts.json`` records which inputs each part holds, so a rerun with other inputs or another
partitioning is refused instead of mixed in.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from attrs import frozen

from briefing import (
    Briefing,
    BriefingError,
    Failure,
    Input,
    Pipeline,
    PipelineSettings,
    PluginManager,
    atomic_writer,
    expand_paths,
    export,
    loads,
)
from briefing.errors import InputError

from .engine import _client, lost

__all__ = ["MANIFEST", "Part", "PartsMismatchError", "extract_to_parts", "read_parts"]

#: The manifest beside the parts: how the inputs were cut into parts (an underscore keeps Parquet
#: readers, which skip such names, from taking it for data).
MANIFEST = "_parts.json"
#: The folder of the Parquet parts, so that ``pandas.read_parquet(DIR / "statements")`` reads them all.
STATEMENTS = "statements"
DEFAULT_PARTITION_SIZE = 100


class PartsMismatchError(BriefingError):
    """The output directory holds parts of other inputs, of another partitioning or of another
    pipeline: resuming there would mix two runs."""


@frozen
class Part:
    """One part of a run: its number, its JSONL file, and whether this run wrote it (``False``
    when it was complete already and was skipped). ``briefings`` and ``failures`` count its lines
    when this run wrote it."""

    number: int
    path: Path
    written: bool
    briefings: int | None = None
    failures: int | None = None


def part_stem(number: int) -> str:
    return f"part-{number:05d}"


def extract_to_parts(
    source: str | os.PathLike[str] | Iterable[str | os.PathLike[str]] | Any,
    out_dir: str | os.PathLike[str],
    *,
    pipeline: Pipeline | PipelineSettings | None = None,
    partition_size: int | None = None,
    scheduler: Any = None,
    n_process: int = 1,
    parquet: bool = False,
    on_part: Callable[[Part], Any] | None = None,
) -> list[Part]:
    """Extract ``source`` into ``out_dir/part-NNNNN.jsonl`` on a Dask cluster; the parts, in order.

    ``source`` is a glob, a directory or a path, a list of them (expanded as the command line does:
    each glob and directory sorted), cut into parts of ``partition_size`` inputs (default 100; a
    JSONL file is one input however many records it holds); or a ``dask.bag`` of texts (``str``)
    and records (``dict`` with ``"text"``, as a JSONL corpus line), one part a partition of the
    bag. ``pipeline`` is what to run (a :class:`~briefing.Pipeline` or its settings; default
    ``Pipeline()``); only its settings go to the workers. ``scheduler`` and ``n_process`` are as
    for the ``dask`` engine: a cluster's address, cluster object or ``Client``, else a
    ``LocalCluster`` of ``n_process`` workers for this run. With ``parquet=True`` each part also
    gets ``out_dir/statements/part-NNNNN.parquet``, one row a statement (needs
    ``briefing-dask[parquet]``). ``on_part`` is called with each part as it is done.

    Parts already complete are skipped. On a cluster the workers write the parts, so ``out_dir``
    (and the files to read) must be on a file system they share.
    """
    if parquet:
        _require_pyarrow()
    if pipeline is None:
        pipeline = Pipeline()
    settings = pipeline.settings if isinstance(pipeline, Pipeline) else pipeline
    out = Path(out_dir)
    is_bag = _is_bag(source)
    if is_bag and partition_size is not None:
        raise TypeError("a bag's partitions are its parts: repartition the bag instead of giving partition_size")
    if is_bag:
        work: list[Any] = source.to_delayed()
        manifest: dict[str, Any] = {"source": "bag", "parts": len(work)}
    else:
        size = DEFAULT_PARTITION_SIZE if partition_size is None else partition_size
        if size < 1:
            raise ValueError(f"partition_size must be at least 1, got {size}")
        inputs = [Path(p) for p in expand_paths(_arguments(source))]
        work = [inputs[start:start + size] for start in range(0, len(inputs), size)]
        manifest = {"source": "files", "partition_size": size, "parts": [[str(p) for p in part] for part in work]}
    manifest = {"schema": "briefing-parts/1", "pipeline": _described(settings), **manifest}
    _claim(out, manifest)
    parts = {number: Part(number, _jsonl(out, number), written=False)
             for number in range(len(work)) if _complete(out, number, parquet)}
    for part in parts.values() if on_part is not None else ():
        on_part(part)
    todo = [number for number in range(len(work)) if number not in parts]
    for number in todo:
        _clear_leftovers(out, number)
    if not todo:
        return [parts[number] for number in sorted(parts)]
    from dask import delayed
    from distributed import as_completed

    from .worker import PipelineOnWorker

    with _client(scheduler, n_process) as client:
        plugin = PipelineOnWorker(settings)
        client.register_plugin(plugin, name=plugin.name)
        if is_bag:
            tasks = client.compute([delayed(_write_part, pure=False)(plugin.name, out, number, work[number], parquet)
                                    for number in todo])
        else:
            tasks = [client.submit(_write_part, plugin.name, out, number, work[number], parquet, pure=False)
                     for number in todo]
        numbers = {task.key: number for task, number in zip(tasks, todo, strict=True)}
        for task in as_completed(tasks):
            number = numbers[task.key]
            try:
                briefings, failures = task.result()
                # Let go of a finished part at once: a worker lost later must not make it again.
                task.release()
            except Exception:
                plugins = PluginManager(**settings.plugins)
                briefings, failures = _rescue(client, plugin.name, plugins, out, number, work[number], parquet)
            parts[number] = Part(number, _jsonl(out, number), written=True, briefings=briefings, failures=failures)
            if on_part is not None:
                on_part(parts[number])
    return [parts[number] for number in sorted(parts)]


def read_parts(out_dir: str | os.PathLike[str]) -> Iterator[Briefing | Failure]:
    """What :func:`extract_to_parts` wrote in ``out_dir``, part after part: each briefing, and a
    :class:`~briefing.Failure` for each error record."""
    # By length first: part-100000 comes after part-99999, once five digits are not enough.
    for path in sorted(Path(out_dir).glob("part-*.jsonl"), key=lambda path: (len(path.name), path.name)):
        with path.open(encoding="utf-8") as stream:
            for line in stream:
                record = json.loads(line)
                if "schema" in record:
                    yield loads(line)
                else:
                    yield Failure(record["input"], BriefingError(record["error"]))


# -- in this process ------------------------------------------------------------------------------

def _is_bag(source: Any) -> bool:
    from dask.bag import Bag

    return isinstance(source, Bag)


def _arguments(source: Any) -> list[str]:
    if isinstance(source, str | os.PathLike):
        return [os.fspath(source)]
    return [os.fspath(item) for item in source]


def _jsonl(out: Path, number: int) -> Path:
    return out / f"{part_stem(number)}.jsonl"


def _parquet(out: Path, number: int) -> Path:
    return out / STATEMENTS / f"{part_stem(number)}.parquet"


def _complete(out: Path, number: int, parquet: bool) -> bool:
    """Whether a part is there whole: its files are renamed into place only when written, the
    JSONL last, so that it stands for the part."""
    return _jsonl(out, number).is_file() and (not parquet or _parquet(out, number).is_file())


def _clear_leftovers(out: Path, number: int) -> None:
    """Remove the temporary files a killed run left of a part it never finished (a worker that
    dies mid-write cannot clean up after itself), before the part is made again."""
    stem = part_stem(number)
    for folder in (out, out / STATEMENTS):
        for leftover in folder.glob(f".{stem}.*.tmp"):
            leftover.unlink(missing_ok=True)


def _described(settings: PipelineSettings) -> dict[str, Any]:
    """The settings that decide what the briefings hold, as plain data for the manifest."""
    return json.loads(json.dumps({"model": settings.model, "reader": settings.reader, "extractors": settings.extractors,
                                  "options": settings.options}, default=str))


def _claim(out: Path, manifest: dict[str, Any]) -> None:
    """Write the manifest of this run, or check that the one there is the same."""
    path = out / MANIFEST
    if path.is_file():
        found = json.loads(path.read_text(encoding="utf-8"))
        if found != manifest:
            changed = sorted(key for key in manifest.keys() | found.keys() if manifest.get(key) != found.get(key))
            raise PartsMismatchError(f"{out} holds parts of another run ({', '.join(changed)} differ in {MANIFEST}); "
                                     "give a new directory, or empty this one")
        return
    if out.is_dir() and any(out.glob("part-*.jsonl")):
        raise PartsMismatchError(f"{out} holds parts but no {MANIFEST}; give a new directory, or empty this one")
    with atomic_writer(path) as stream:
        json.dump(manifest, stream, indent=1)
        stream.write("\n")


def _rescue(client: Any, plugin_name: str, plugins: PluginManager, out: Path, number: int, work: Any,
            parquet: bool) -> tuple[int, int]:
    """Write a part whose task failed (a worker died, or the bag's partition could not be made)
    from its documents run one task each, so that only a document that fails alone is an error
    record, and the part is never lost."""
    stem = part_stem(number)
    try:
        elements = list(work) if isinstance(work, list) else list(client.compute(work).result())
    except Exception as error:
        return _write(plugins, [lost(stem, error)], out, number, parquet)
    tasks = [client.submit(_results, plugin_name, stem, [(position, element)], pure=False)
             for position, element in enumerate(elements, 1)]

    def results() -> Iterator[Briefing | Failure]:
        for (position, element), task in zip(enumerate(elements, 1), tasks, strict=True):
            try:
                yield from task.result()
            except Exception as error:
                yield lost(str(element) if isinstance(element, os.PathLike) else f"{stem}.jsonl:{position}", error)

    return _write(plugins, results(), out, number, parquet)


# -- on a worker ----------------------------------------------------------------------------------

def _write_part(plugin_name: str, out: Path, number: int, elements: Iterable[Any], parquet: bool) -> tuple[int, int]:
    """The task that makes one part on a worker; the numbers of briefings and failures it holds. A
    document that raises outside briefing's own error handling fails the task, and :func:`_rescue`
    makes the part instead."""
    from .worker import pipeline_here

    with pipeline_here(plugin_name) as pipeline:
        results = pipeline.process_here(_read(pipeline, part_stem(number), enumerate(elements, 1)))
        return _write(pipeline.plugins, results, out, number, parquet)


def _results(plugin_name: str, stem: str, numbered: list[tuple[int, Any]]) -> list[Briefing | Failure]:
    """The task that extracts a few elements of a part, for :func:`_rescue`."""
    from .worker import pipeline_here

    with pipeline_here(plugin_name) as pipeline:
        return list(pipeline.process_here(_read(pipeline, stem, numbered)))


def _read(pipeline: Pipeline, stem: str, numbered: Iterable[tuple[int, Any]]) -> Iterator[Briefing | Failure]:
    """Each element read by the core's readers: a path as a file, a ``str`` as a text, a ``dict``
    as a JSONL record. A record is given to the reader as line ``position`` of ``part-00003.jsonl``,
    the part it goes to, where its result is that line too: its id is ``part-00003-7`` when it has
    none, its errors are at ``part-00003.jsonl:7``."""
    for position, element in numbered:
        where = f"{stem}.jsonl:{position}"
        if isinstance(element, os.PathLike | Input):
            yield from pipeline.read([element])
        elif isinstance(element, str):
            yield from pipeline.read([Input.from_text(element)])
        elif isinstance(element, dict):
            try:
                line = json.dumps(element)
            except (TypeError, ValueError) as error:
                yield Failure(where, InputError(where, f"is not a JSON record ({error})"))
                continue
            lines = b"\n" * (position - 1) + line.encode("utf-8")
            yield from pipeline.read([Input.from_bytes(lines, name=f"{stem}.jsonl")])
        else:
            yield Failure(where, InputError(where, f"is a {type(element).__name__}; a bag holds texts (str) and records (dict)"))


def _write(plugins: PluginManager, results: Iterable[Briefing | Failure], out: Path, number: int,
           parquet: bool) -> tuple[int, int]:
    """Write a part: each briefing through the ``jsonl`` exporter, an error record for each
    failure, the Parquet statements first (when asked) and the JSONL last, each renamed into place
    when whole. The numbers of briefings and failures written."""
    briefings = failures = 0
    rows: list[dict[str, Any]] = []
    with atomic_writer(_jsonl(out, number)) as stream:
        for result in results:
            if isinstance(result, Briefing):
                try:
                    export(result, "jsonl", stream, plugins=plugins)
                except InputError as error:
                    result = Failure(result.source.path or result.id, error)
                else:
                    briefings += 1
                    rows.extend(statement_rows(result))
            if isinstance(result, Failure):
                failures += 1
                stream.write(json.dumps({"input": result.input, "error": str(result.error)}) + "\n")
        if parquet:
            _write_statements(rows, _parquet(out, number))
    return briefings, failures


def _require_pyarrow() -> None:
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        raise ImportError("parquet=True needs pyarrow: pip install 'briefing-dask[parquet]'") from None


#: The Parquet columns: one row a statement, typed (a missing speaker or cue is null, not "").
STATEMENT_COLUMNS = (
    ("briefing", "string"), ("path", "string"), ("statement", "string"), ("kind", "string"), ("act", "string"),
    ("speaker", "string"), ("speaker_id", "string"), ("title", "string"), ("organization", "string"),
    ("affiliation", "string"), ("party", "string"), ("cue", "string"), ("source", "string"), ("content", "string"),
    ("issues", "list<string>"), ("start", "int64"), ("end", "int64"), ("confidence", "float64"),
)


def statement_rows(briefing: Briefing) -> Iterator[dict[str, Any]]:
    """The Parquet rows of a briefing's statements: who said it (name and what the participant is),
    how, what (the content's spans joined by `` … ``, from the first start to the last end), and the
    labels of the issues it bears on."""
    labels = {issue.id: issue.label for issue in briefing.issues}
    for statement in briefing.statements:
        who = briefing.participant(statement.speaker)
        yield {
            "briefing": briefing.id, "path": briefing.source.path, "statement": statement.id,
            "kind": statement.kind, "act": statement.act, "speaker": who.name if who else None,
            "speaker_id": statement.speaker, "title": who.title if who else None,
            "organization": who.organization if who else None, "affiliation": who.affiliation if who else None,
            "party": who.party if who else None, "cue": statement.cue.text if statement.cue else None,
            "source": statement.source.text if statement.source else None, "content": statement.text,
            "issues": [labels.get(i, i) for i in statement.issues], "start": statement.content[0].start,
            "end": statement.content[-1].end, "confidence": statement.confidence,
        }


def _write_statements(rows: list[dict[str, Any]], path: Path) -> None:
    """Write the rows as Parquet, with the types of :data:`STATEMENT_COLUMNS` even when there are none."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {"string": pa.string(), "list<string>": pa.list_(pa.string()), "int64": pa.int64(), "float64": pa.float64()}
    schema = pa.schema([(name, types[kind]) for name, kind in STATEMENT_COLUMNS])
    table = pa.Table.from_pylist(rows, schema=schema)
    with atomic_writer(path, binary=True) as stream:
        pq.write_table(table, stream)
