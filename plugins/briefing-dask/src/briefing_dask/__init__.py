"""briefing plugin: the ``dask`` engine, which runs parsing and extraction on a Dask cluster, and
:func:`extract_to_parts`, which extracts a corpus there disk to disk into part files. Dask itself is
imported only when one of them runs, so that loading the plugin costs nothing."""

from __future__ import annotations

from briefing import hookimpl

from .engine import DaskEngine, SlowWorkersWarning, WorkerLostError, local_cluster
from .parts import Part, PartsMismatchError, extract_to_parts, read_parts

__all__ = ["DaskEngine", "Part", "PartsMismatchError", "SlowWorkersWarning", "WorkerLostError", "extract_to_parts",
           "local_cluster", "read_parts"]


@hookimpl
def briefing_register(registry):
    registry.add_engine(DaskEngine())
