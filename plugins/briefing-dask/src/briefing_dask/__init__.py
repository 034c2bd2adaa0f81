"""briefing plugin: the ``dask`` engine, which runs parsing and extraction on a Dask cluster. Dask
itself is imported only when the engine runs, so that loading the plugin costs nothing."""

from __future__ import annotations

from briefing import hookimpl

from .engine import DaskEngine, WorkerLostError

__all__ = ["DaskEngine", "WorkerLostError"]


@hookimpl
def briefing_register(registry):
    registry.add_engine(DaskEngine())
