"""Engine ``dask``: parsing and extraction on a Dask cluster. Reading stays in this process; the
briefings go to the workers in batches (``Pipeline.batch_size`` documents), a bounded number in
flight, and come back in input order, so memory stays flat however long the stream."""

from __future__ import annotations

import logging
import warnings
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import ExitStack, contextmanager
from itertools import islice
from typing import Any

from briefing import Briefing, BriefingError, Failure, Pipeline

#: Batches in flight for each worker thread: enough that no worker waits for the next one.
BATCHES_PER_THREAD = 2
#: Dask settings for the workers of :func:`local_cluster` (docs/scale.md). Distributed's nannies start
#: their workers with ``MALLOC_TRIM_THRESHOLD_=65536``, which turns off glibc's adaptive thresholds:
#: every array above 128 KB is then mapped afresh and unmapped when freed, and briefing's tasks took
#: 13% more CPU time; unset, glibc keeps its defaults. Distributed's statistical profiler keeps a
#: second's snapshot of the task's stacks for the last 1,000 seconds, which grew a worker by about
#: 5.5 MB every 30 s of briefing's deep stacks; off, the worker stays flat. Workers you start
#: yourself take the same settings from their Dask configuration.
WORKER_CONFIG = {"distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
                 "distributed.worker.profile.enabled": False}


class WorkerLostError(BriefingError):
    """A document whose task failed on the cluster outside briefing's own error handling (its
    worker died, or the task raised), even when run alone."""


class SlowWorkersWarning(UserWarning):
    """The cluster's workers run with a setting known to slow briefing down (distributed's
    ``MALLOC_TRIM_THRESHOLD_``, :data:`WORKER_CONFIG`); the run goes on."""


class DaskEngine:
    name = "dask"
    description = "a Dask cluster: --scheduler ADDRESS, or a LocalCluster of --jobs worker processes (briefing-dask)"

    def process(self, pipeline: Pipeline, items: Iterable[Briefing | Failure], *, n_process: int = 1,
                scheduler: Any = None) -> Iterator[Briefing | Failure]:
        """The results of ``pipeline`` on the cluster at ``scheduler`` (an address such as
        ``tcp://host:8786``, a cluster object such as a ``LocalCluster`` or dask-jobqueue's
        ``SLURMCluster``, or a ``distributed.Client``); with none, on a ``LocalCluster`` of
        ``n_process`` single-threaded worker processes started for this run."""
        from .worker import PipelineOnWorker

        with _client(scheduler, n_process) as client:
            plugin = PipelineOnWorker(pipeline.settings)
            client.register_plugin(plugin, name=plugin.name)
            pending: deque = deque()
            stream = iter(items)
            while batch := list(islice(stream, pipeline.batch_size)):
                pending.append((batch, _submit(client, plugin.name, batch)))
                # Asked at each batch: a cluster may grow or shrink during the run (cluster.adapt()).
                if len(pending) >= max(2, BATCHES_PER_THREAD * sum(client.nthreads().values())):
                    yield from _results(client, plugin.name, *pending.popleft())
            while pending:
                yield from _results(client, plugin.name, *pending.popleft())


@contextmanager
def _client(scheduler: Any, n_process: int) -> Iterator[Any]:
    """A client on ``scheduler`` (or on a :func:`local_cluster` of ``n_process`` workers for the
    block), after a warning if its workers run with memory trimming set (:data:`WORKER_CONFIG`)."""
    from distributed import Client

    from .worker import trim_threshold

    with ExitStack() as stack:
        if isinstance(scheduler, Client):
            client = scheduler
        elif scheduler is not None:
            client = stack.enter_context(Client(scheduler))
        else:
            client = stack.enter_context(Client(stack.enter_context(local_cluster(n_process))))
        trimmed = sorted({value for value in client.run(trim_threshold).values() if value is not None})
        if trimmed:
            warnings.warn(f"the Dask workers run with MALLOC_TRIM_THRESHOLD_={', '.join(trimmed)}, which costs "
                          "briefing's tasks about 13% more CPU time: unset it where they start (their environment, "
                          "or distributed.nanny.pre-spawn-environ in their Dask configuration; see docs/scale.md)",
                          SlowWorkersWarning, stacklevel=1)
        yield client


def local_cluster(n_workers: int) -> Any:
    """A ``distributed.LocalCluster`` of ``n_workers`` single-threaded worker processes, as the
    engine starts when given no scheduler: one spaCy pipeline a process, quiet, no dashboard,
    glibc's own memory trimming and no profiler (:data:`WORKER_CONFIG`)."""
    import dask
    from distributed import LocalCluster

    with dask.config.set(WORKER_CONFIG):  # read by the nannies as they start the workers
        return LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True, dashboard_address=None,
                            silence_logs=logging.ERROR)


def _submit(client: Any, plugin_name: str, batch: list) -> Any:
    from .worker import process_batch

    return client.submit(process_batch, plugin_name, batch, pure=False)


def _results(client: Any, plugin_name: str, batch: list, future: Any) -> Iterator[Briefing | Failure]:
    """The results of one batch's task. When the task itself failed (a worker died on one
    document), each document is run again alone, so that only the one that fails is reported."""
    try:
        results = future.result()
    except Exception as error:
        if len(batch) == 1:
            item = batch[0]
            yield lost(item.input if isinstance(item, Failure) else item.source.path or item.id, error)
            return
        for item in batch:
            yield from _results(client, plugin_name, [item], _submit(client, plugin_name, [item]))
        return
    yield from results


def lost(label: str, error: BaseException) -> Failure:
    """The failure of the input named ``label`` whose task raised ``error`` even when run alone."""
    return Failure(label, WorkerLostError(f"{label}: failed on the Dask cluster: {type(error).__name__}: {error}"))
