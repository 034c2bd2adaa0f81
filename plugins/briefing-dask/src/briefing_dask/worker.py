"""What runs on a Dask worker: the pipeline, built there once from its settings, and the task that
processes one batch with it."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from dask.base import tokenize
from distributed import WorkerPlugin, get_worker

from briefing import Pipeline, PipelineSettings


class PipelineOnWorker(WorkerPlugin):
    """Builds the pipeline on each worker when it joins (spaCy and the plugins loaded once there,
    from ``settings``; nothing loaded is ever pickled). Its name is a digest of the settings, and it
    is ``idempotent``: registering the same settings again on a long-lived cluster keeps the
    pipelines the workers already hold."""

    idempotent = True

    def __init__(self, settings: PipelineSettings) -> None:
        self.settings = settings
        self.name = f"briefing-pipeline-{tokenize(settings)}"

    def setup(self, worker) -> None:
        self.pipeline = self.settings.build()
        # A worker with several threads runs tasks side by side; one spaCy pipeline serves them in turn.
        self.lock = threading.Lock()


@contextmanager
def pipeline_here(plugin_name: str) -> Iterator[Pipeline]:
    """The pipeline of the worker this task runs on, held for this task alone while the block runs."""
    plugin = get_worker().plugins[plugin_name]
    with plugin.lock:
        yield plugin.pipeline


def process_batch(plugin_name: str, batch: list) -> list:
    """``pipeline.process_here(batch)`` with the pipeline of the worker this task runs on."""
    with pipeline_here(plugin_name) as pipeline:
        return list(pipeline.process_here(batch))


def trim_threshold() -> str | None:
    """The worker's ``MALLOC_TRIM_THRESHOLD_``, if set (see ``engine.WORKER_CONFIG``)."""
    return os.environ.get("MALLOC_TRIM_THRESHOLD_")
