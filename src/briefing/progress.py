"""Progress of a batch: a rich progress bar on stderr (documents, documents and words a second, and
the time left when the count is known), or a function called with each result."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

from rich.console import Console
from rich.progress import BarColumn, Progress, ProgressColumn, Task, TextColumn, TimeElapsedColumn, TimeRemainingColumn
from rich.text import Text

__all__ = ["tracked"]

T = TypeVar("T")


class _Rates(ProgressColumn):
    """Documents and words a second, from the task's own counts."""

    def render(self, task: Task) -> Text:
        seconds = task.elapsed or 0.0
        if not seconds:
            return Text("")
        words = task.fields.get("words", 0)
        return Text(f"{task.completed / seconds:.1f} docs/s  {words / seconds:,.0f} words/s", style="progress.data.speed")


def tracked(results: Iterator[T], progress: bool | Callable[[T], Any], total: int | None = None) -> Iterator[T]:
    """``results`` as they come, shown: ``True`` draws a bar on stderr (``total`` inputs, when
    known, gives the time left), a function is called with each result, ``False`` does nothing."""
    if progress is False:
        yield from results
    elif progress is True:
        yield from _bar(results, total)
    else:
        for result in results:
            progress(result)
            yield result


def _bar(results: Iterator[T], total: int | None) -> Iterator[T]:
    columns = [TextColumn("[progress.description]{task.description}"), BarColumn(),
               TextColumn("{task.completed} docs"), _Rates(), TimeElapsedColumn()]
    if total is not None:
        columns.append(TimeRemainingColumn())
    words = 0
    with Progress(*columns, console=Console(file=sys.stderr), redirect_stdout=False) as bar:
        task = bar.add_task("extracting", total=total, words=0)
        for result in results:
            text = getattr(result, "text", "")
            words += len(text.split())
            bar.advance(task)
            if total is not None and bar.tasks[0].completed > total:  # a JSONL input holds many documents
                bar.update(task, total=None)
            bar.update(task, words=words)
            yield result
