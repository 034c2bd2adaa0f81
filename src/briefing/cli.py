"""The ``briefing`` command: ``extract``, ``evaluate``, ``evaluate-issues``, ``plugins`` and ``formats``.

Exit codes: 0 success, 1 some input failed (the rest were still processed), 2 usage error.
Errors are one line on stderr; tracebacks are for bugs only.
"""

from __future__ import annotations

import json
import os
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Optional

import attrs
import typer

from .errors import (
    BriefingError,
    DuplicateNameError,
    InputError,
    InputWarning,
    ModelNotFoundError,
    PluginWarning,
    UnknownNameError,
)
from .export import TooManyBriefingsError, feed, single, write_file
from .files import atomic_writer, expand_paths, safe_stem
from .model import Briefing
from .pipeline import DEFAULT_EXTRACTORS
from .plugin.registry import Registered

__all__ = ["app", "main"]

app = typer.Typer(
    name="briefing",
    help="Who took part in a press briefing, who said what, and what was at issue.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class UsageError(BriefingError):
    """The command line asks for something impossible."""


def _say(message: str) -> None:
    print(f"briefing: {message}", file=sys.stderr, flush=True)


def _plugins(no_plugins: bool, block: list[str]):
    from .plugin.manager import PluginManager

    return PluginManager(autoload=False if no_plugins else None, block=block)


NoPlugins = Annotated[bool, typer.Option("--no-plugins", help="Load only the built-in plugins (also BRIEFING_DISABLE_PLUGIN_AUTOLOAD=1).")]
Block = Annotated[list[str], typer.Option("--block", metavar="PLUGIN", help="Do not load this plugin (repeatable).")]


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(metavar="PATH...", help="Files, directories or globs; '-' reads stdin.")],
    format: Annotated[str, typer.Option("-f", "--format", help="Output format (see `briefing formats`).")] = "json",
    output: Annotated[Optional[str], typer.Option("-o", "--output", help="Output file, or directory (ending in / or existing) for one file per input (default: stdout).")] = None,
    reader: Annotated[Optional[str], typer.Option(help="Reader name (default: detected per input).")] = None,
    metadata: Annotated[str, typer.Option(help="Metadata extractor name, or 'none'.")] = DEFAULT_EXTRACTORS["metadata"],
    participants: Annotated[str, typer.Option(help="Participants extractor name, or 'none'.")] = DEFAULT_EXTRACTORS["participants"],
    statements: Annotated[str, typer.Option(help="Statements extractor name (rules, trained, ...), or 'none'.")] = DEFAULT_EXTRACTORS["statements"],
    issues: Annotated[str, typer.Option(help="Issues extractor name, or 'none'.")] = DEFAULT_EXTRACTORS["issues"],
    taxonomy: Annotated[str, typer.Option(help="Issue taxonomy name.")] = "cap",
    model: Annotated[Optional[str], typer.Option(help="spaCy pipeline (default: $BRIEFING_SPACY_MODEL, else the best installed English one).")] = None,
    errors: Annotated[Optional[Path], typer.Option("--errors", metavar="FILE", help="Also write each failed input as a JSON line {input, error} to FILE.")] = None,
    on_error: Annotated[str, typer.Option("--on-error", help="skip: report a bad input and go on (exit 1 at the end); fail: stop at the first.")] = "skip",
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Worker processes for parsing and extraction (output stays in input order).")] = 1,
    engine: Annotated[str, typer.Option(help="Where extraction runs: local, or an engine a plugin adds (dask); see `briefing formats`.")] = "local",
    scheduler: Annotated[Optional[str], typer.Option(metavar="ADDRESS", help="Where the engine finds its workers (dask: tcp://host:8786); default: workers started on this machine (--jobs of them).")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar (it shows only when stderr is a terminal).")] = False,
    resume: Annotated[bool, typer.Option("--resume", help="Skip inputs whose briefing is already in the -o JSONL file (kept, and added to) or -o DIRECTORY/.")] = False,
    no_plugins: NoPlugins = False,
    block: Block = [],  # noqa: B006 - typer needs a list default
) -> None:
    """Extract participants, statements and issues from texts about press briefings."""
    from .pipeline import Failure, Pipeline
    from .progress import tracked

    plugins = _plugins(no_plugins, block)
    entry = plugins.exporter(format)
    exporter = entry.obj
    inputs = [name if name == "-" else Path(name) for name in expand_paths(paths)]
    per_file = output is not None and (os.path.isdir(output) or output.endswith(("/", os.sep)))
    if not exporter.many and not per_file and len(inputs) > 1:
        raise UsageError(f"format {format!r} holds one briefing and {len(inputs)} inputs were given; use -f jsonl, or -o DIRECTORY/")
    if output is not None and not per_file and any(isinstance(i, Path) and _same_file(i, Path(output)) for i in inputs):
        raise UsageError(f"-o {output} is one of the inputs; it would be overwritten")
    if scheduler is not None and engine == "local":
        raise UsageError("--scheduler needs an --engine that runs on a cluster, such as --engine dask (briefing-dask)")
    engine_entry = plugins.engine(engine)
    if on_error not in ("skip", "fail"):
        raise UsageError(f"unknown --on-error {on_error!r}; known: fail, skip")
    appendable = output is not None and not per_file and getattr(exporter, "appendable", False)
    if resume and not (per_file or appendable):
        raise UsageError("--resume needs -o FILE in a format written a briefing a line (jsonl), or -o DIRECTORY/")
    done = _done_ids(output, per_file, exporter) if resume else set()
    pipeline = Pipeline(
        model=model, reader=reader, metadata=metadata, participants=participants, statements=statements,
        issues=issues, plugins=plugins, options={"taxonomy": taxonomy},
    )
    failures = 0
    error_log = errors.open("w", encoding="utf-8") if errors is not None else None

    def results() -> Iterator[Briefing]:
        nonlocal failures
        key = safe_stem if per_file else str
        fresh = (r for r in pipeline.read(inputs) if not (isinstance(r, Briefing) and key(r.id) in done))
        show = not quiet and sys.stderr.isatty()
        work = pipeline.process(fresh, n_process=jobs, engine=engine_entry.name, scheduler=scheduler)
        for result in tracked(work, show, len(inputs)):
            if isinstance(result, Failure):
                failures += 1
                _say(str(result))
                if error_log is not None:
                    error_log.write(json.dumps({"input": result.input, "error": str(result.error)}) + "\n")
                    error_log.flush()
                if on_error == "fail":
                    return
            else:
                yield result

    try:
        unwritten = _export(entry, results(), output, per_file, appendable, resume)
    finally:
        if error_log is not None:
            error_log.close()
    raise typer.Exit(1 if failures or unwritten else 0)


def _export(entry: Registered, briefings: Iterator[Briefing], output: str | None, per_file: bool, appendable: bool,
            resume: bool) -> int:
    """Write the briefings where ``-o`` says; the number of outputs that could not be written."""
    exporter = entry.obj
    failures = 0
    if output is None:
        if hasattr(exporter, "companions"):
            _say(f"note: format {entry.name!r} also writes files beside its output; give -o to get them")
        feed(entry, single(briefings, entry), sys.stdout)
        sys.stdout.flush()
    elif per_file:
        taken: set[str] = set()
        for briefing in briefings:
            try:
                write_file(entry, [briefing], Path(output) / f"{_free_stem(briefing, taken)}{exporter.suffix}")
            except InputError as error:
                failures += 1
                _say(str(error))
    elif appendable:
        # A briefing a line, flushed as each is done: a run stopped halfway keeps every finished one.
        Path(output).parent.mkdir(parents=True, exist_ok=True)
        with open(output, "a" if resume else "w", encoding="utf-8", newline="") as stream:
            feed(entry, briefings, stream)
    else:
        write_file(entry, single(briefings, entry), Path(output))
    return failures


def _done_ids(output: str, per_file: bool, exporter) -> set[str]:
    """For ``--resume``: the briefings already written, by id (by file stem in a directory). A JSONL file's unfinished last line
    (a run killed while writing it) is cut off, so that appending goes on from a whole line."""
    if per_file:
        folder = Path(output)
        return {p.name[: -len(exporter.suffix)] for p in folder.glob(f"*{exporter.suffix}")} if folder.is_dir() else set()
    path = Path(output)
    if not path.is_file():
        return set()
    data = path.read_bytes()
    whole = data[: data.rfind(b"\n") + 1]
    if len(whole) != len(data):
        with open(path, "r+b") as stream:
            stream.truncate(len(whole))
    ids = set()
    for number, line in enumerate(whole.decode("utf-8").splitlines(), 1):
        try:
            ids.add(json.loads(line)["id"])
        except (ValueError, KeyError, TypeError):
            raise InputError(f"{output}:{number}", "is not a briefing line; --resume needs the JSONL this command wrote") from None
    return ids


def _same_file(a: Path, b: Path) -> bool:
    return a.exists() and b.exists() and os.path.samefile(a, b)


def _free_stem(briefing: Briefing, taken: set[str]) -> str:
    """The name of a briefing's output file in a run writing one file per input: its id made safe
    (:func:`.files.safe_stem`), or, when an earlier input of the run had the same name (``a/x.txt``
    and ``b/x.txt``), that name with ``-2``, ``-3``…, said on stderr. Case is ignored, as some file
    systems do."""
    base = safe_stem(briefing.id)
    stem, number = base, 2
    while stem.casefold() in taken:
        stem, number = f"{base}-{number}", number + 1
    if stem != base:
        _say(f"{briefing.source.path or briefing.id}: another input is also named {base!r}; writing it as {stem!r}")
    taken.add(stem.casefold())
    return stem


def _scored_run(pipeline, paths: list[str], save: Path | None) -> list[Briefing]:
    """The briefings of the texts to score (failures reported and left out), also written as
    JSONL to ``save`` for other scorers."""
    from .convert import dumps
    from .pipeline import Failure

    briefings = []
    for result in pipeline.run(paths):
        if isinstance(result, Failure):
            _say(str(result))
        else:
            briefings.append(result)
    if save is not None:
        with atomic_writer(save) as stream:
            stream.writelines(dumps(b) + "\n" for b in briefings)
    return briefings


@app.command()
def evaluate(
    gold_dir: Annotated[Path, typer.Argument(metavar="GOLD_DIR", help="BRAT gold in the PolNeAR layout: text/*.txt and attributions/*.ann.")],
    statements: Annotated[str, typer.Option(help="Statements extractor to score.")] = DEFAULT_EXTRACTORS["statements"],
    participants: Annotated[str, typer.Option(help="Participants extractor it relies on.")] = DEFAULT_EXTRACTORS["participants"],
    subset: Annotated[list[str], typer.Option(help="Subset(s) to report: all, speech, direct (repeatable; default all three).")] = [],  # noqa: B006
    show_errors: Annotated[bool, typer.Option("--errors", help="List misses, false alarms and wrong speakers (tab-separated) after the table.")] = False,
    limit: Annotated[Optional[int], typer.Option(help="Score only the first N documents.")] = None,
    save: Annotated[Optional[Path], typer.Option(help="Also write the predictions as JSONL (for other scorers).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    model: Annotated[Optional[str], typer.Option(help="spaCy pipeline.")] = None,
    no_plugins: NoPlugins = False,
    block: Block = [],  # noqa: B006
) -> None:
    """Score a statements extractor against annotated attributions (precision, recall, F1,
    speaker accuracy), with the definitions of PolNeAR's reference scorer."""
    from .formats.brat import read_gold
    from .evaluate import SUBSETS, errors, evaluate as score, format_report
    from .pipeline import Pipeline

    subsets = subset or list(SUBSETS)
    unknown = [s for s in subsets if s not in SUBSETS]
    if unknown:
        raise UsageError(f"unknown subset {unknown[0]!r}; known: {', '.join(SUBSETS)}")
    documents = list(read_gold(gold_dir))[:limit]
    pipeline = Pipeline(model=model, reader="text", participants=participants, statements=statements, issues="none",
                        plugins=_plugins(no_plugins, block))
    briefings = _scored_run(pipeline, [d.path for d in documents], save)
    report = score(documents, briefings, subsets)
    if as_json:
        typer.echo(json.dumps({"articles": report.articles, "missing": report.missing,
                               "bad_offsets": report.bad_offsets, "rows": [attrs.asdict(r) for r in report.rows]}))
    else:
        typer.echo(format_report(report))
    if show_errors:
        for name in subsets:
            for line in errors(report, name):
                typer.echo(f"{name}\t{line}")


@app.command("evaluate-issues")
def evaluate_issues(
    gold: Annotated[Path, typer.Argument(metavar="GOLD.json", help="Hand-coded statements: article, content offsets, topic, issue words, stance.")],
    paths: Annotated[list[str], typer.Argument(metavar="PATH...", help="The articles' texts (files, directories or globs), named as in the gold.")],
    issues: Annotated[str, typer.Option(help="Issues extractor to score.")] = DEFAULT_EXTRACTORS["issues"],
    taxonomy: Annotated[str, typer.Option(help="Taxonomy it uses.")] = "cap",
    show_errors: Annotated[bool, typer.Option("--errors", help="List every wrong topic and stance before the scores.")] = False,
    save: Annotated[Optional[Path], typer.Option(help="Also write the predictions as JSONL (for other scorers).")] = None,
    model: Annotated[Optional[str], typer.Option(help="spaCy pipeline.")] = None,
    no_plugins: NoPlugins = False,
    block: Block = [],  # noqa: B006
) -> None:
    """Score statements' topics and stances against hand-coded gold, with the definitions of the
    shared reference scorer (issues_score.py): see docs/issues.md."""
    from .issues.evaluate import format_scores, read_stance_gold, score_issues
    from .pipeline import Pipeline

    coded = read_stance_gold(gold)
    pipeline = Pipeline(model=model, reader="text", issues=issues, options={"taxonomy": taxonomy},
                        plugins=_plugins(no_plugins, block))
    briefings = _scored_run(pipeline, list(expand_paths(paths)), save)
    scores = score_issues(coded, briefings)
    if show_errors:
        for line in scores.errors:
            typer.echo(line)
    typer.echo(format_scores(scores))


@app.command()
def plugins(
    no_plugins: NoPlugins = False,
    block: Block = [],  # noqa: B006
    explain: Annotated[bool, typer.Option("--explain", help="Also say which spaCy components each extractor needs, and which run for the default extractors.")] = False,
    model: Annotated[Optional[str], typer.Option(help="spaCy pipeline that --explain reads.")] = None,
) -> None:
    """List every plugin, where it came from, and the names it registers; broken plugins last,
    with why they were skipped."""
    manager = _plugins(no_plugins, block)
    for info in manager.plugins():
        version = f" {info.version}" if info.version else ""
        typer.echo(f"{info.name}  ({info.origin}{version})")
        for part in info.parts:
            needs = getattr(part.obj, "needs", None) if part.kind.endswith("extractor") else False
            shown = "" if not explain or needs is False else f"  (needs {', '.join(needs) if needs is not None else 'every spaCy component'})"
            typer.echo(f"    {part.kind} {part.name}{shown}")
    for name, (origin, reason) in sorted(manager.broken.items()):
        typer.echo(f"{name}  ({origin}) BROKEN, skipped: {reason}")
    if explain:
        from .nlp import load_pipeline, needed_components, resolve_model

        nlp = load_pipeline(model)
        chosen = [manager.extractor(stage, name) for stage, name in DEFAULT_EXTRACTORS.items()]
        components = needed_components(nlp, (getattr(entry.obj, "needs", None) for entry in chosen))
        typer.echo(f"spaCy pipeline {resolve_model(model)}: {', '.join(nlp.pipe_names)}")
        typer.echo(f"run for the default extractors: {', '.join(components)} "
                   "(with --STAGE none, only what the remaining extractors need)")


@app.command()
def formats(no_plugins: NoPlugins = False, block: Block = []) -> None:  # noqa: B006
    """List the output formats (exporters) and the input readers."""
    manager = _plugins(no_plugins, block)
    typer.echo("formats (briefing extract -f NAME):")
    width = max([14, *(len(e.name) for e in manager.entries())])
    for entry in manager.entries("exporter"):
        many = "many per file" if entry.obj.many else "one per file"
        typer.echo(f"  {entry.name:<{width}} {entry.obj.suffix:<8} {many:<14} {entry.obj.description}  [{entry.plugin}]")
    typer.echo("readers (briefing extract --reader NAME; detected when not given):")
    for entry in manager.entries("reader"):
        typer.echo(f"  {entry.name:<{width}} {entry.obj.description}  [{entry.plugin}]")
    typer.echo("engines (briefing extract --engine NAME; local when not given):")
    for entry in manager.entries("engine"):
        typer.echo(f"  {entry.name:<{width}} {entry.obj.description}  [{entry.plugin}]")


def _say_warning(message, category, filename, lineno, file=None, line=None) -> None:  # noqa: ANN001
    """Warnings as one line on stderr, like errors (the warnings module's signature)."""
    ours = issubclass(category, (InputWarning, PluginWarning))
    _say(f"warning: {message}" if ours else f"warning: {category.__name__}: {message}")


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return its exit code."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("always", InputWarning)
            warnings.simplefilter("always", PluginWarning)
            warnings.showwarning = _say_warning
            app(args=argv, prog_name="briefing")
    except SystemExit as stop:
        return stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 1)
    except (UsageError, UnknownNameError, DuplicateNameError, ModelNotFoundError, TooManyBriefingsError) as error:
        _say(f"error: {error}")
        return 2
    except BriefingError as error:
        _say(f"error: {error}")
        return 1
    except KeyboardInterrupt:
        _say("interrupted")
        return 130
    except BrokenPipeError:
        return 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
