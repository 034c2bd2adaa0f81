"""Engine ``local``: extraction on this machine, in this process or in ``n_process`` forked worker
processes. Each worker holds the whole pipeline (spaCy and the plugins,
loaded once in the parent and inherited by ``fork``, never pickled); briefings go out in batches and
come back in input order, with a bounded number of batches in flight, so memory stays flat however
long the stream. Before the fork the parent extracts one short text of its own
(:data:`WARM_UP_TEXT`), so that the lexicons, models and libraries the extractors load at their
first use are loaded once, in the parent, and shared by the workers instead of loaded by each."""

from __future__ import annotations

import multiprocessing
import threading
import warnings
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import TYPE_CHECKING

from .model import Briefing
from .plugin import hookimpl

if TYPE_CHECKING:
    from .pipeline import Failure, Pipeline

__all__ = ["WARM_UP_TEXT", "LocalEngine", "process_in_parallel", "warm_up"]

#: The pipeline of a worker process (set in each worker when it starts; unused in the parent).
_WORKER_PIPELINE: Pipeline | None = None
_BATCHES_IN_FLIGHT_PER_PROCESS = 4

#: A made-up report that reaches the extractors' lazily loaded parts: a dated news conference, a
#: titled speaker, a reported and a quoted statement, an issue with a stance.
WARM_UP_TEXT = (
    "WASHINGTON - At a news conference on Tuesday, March 3, 2015, Senator Ann Example said the new tax "
    'plan would hurt working families. "We will vote against this bill," she told reporters.\n'
)


def _start(pipeline: Pipeline) -> None:
    global _WORKER_PIPELINE
    _WORKER_PIPELINE = pipeline


def _process(batch: list[Briefing | Failure]) -> list[Briefing | Failure]:
    assert _WORKER_PIPELINE is not None
    return list(_WORKER_PIPELINE.process_here(batch))


def process_in_parallel(
    pipeline: Pipeline, items: Iterable[Briefing | Failure], n_process: int, batch_size: int
) -> Iterator[Briefing | Failure]:
    """``pipeline.process_here(items)`` on ``n_process`` worker processes, in order. Where processes
    cannot be forked (Windows), it warns and runs in this process."""
    if "fork" not in multiprocessing.get_all_start_methods():
        warnings.warn("parallel extraction needs the 'fork' start method; running in one process", stacklevel=3)
        yield from pipeline.process_here(items)
        return
    warm_up(pipeline)
    slots = threading.BoundedSemaphore(n_process * _BATCHES_IN_FLIGHT_PER_PROCESS)
    stream = iter(items)

    def batches() -> Iterator[list[Briefing | Failure]]:
        while batch := list(islice(stream, batch_size)):
            slots.acquire()  # the pool's feeder waits here: no more than the slots are read ahead
            yield batch

    with multiprocessing.get_context("fork").Pool(n_process, initializer=_start, initargs=(pipeline,)) as pool:
        for results in pool.imap(_process, batches()):
            slots.release()
            yield from results


def warm_up(pipeline: Pipeline) -> None:
    """Extract :data:`WARM_UP_TEXT` in this process, for what the extractors load at first use
    (a pipeline already warm spends a few milliseconds)."""
    for _ in pipeline.process_here([Briefing(id="warm-up", text=WARM_UP_TEXT)]):
        pass


class LocalEngine:
    name = "local"
    description = "this machine: this process, or --jobs N forked worker processes"

    def process(self, pipeline, items, *, n_process=1, scheduler=None):
        if scheduler is not None:
            raise ValueError(f"the local engine runs on this machine and takes no scheduler (got {scheduler!r})")
        if n_process > 1:
            return process_in_parallel(pipeline, items, n_process, pipeline.batch_size)
        return pipeline.process_here(items)


@hookimpl
def briefing_register(registry):
    registry.add_engine(LocalEngine())
