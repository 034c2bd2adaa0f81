"""The fixtures the briefing-dask test modules share, imported by each: a pipeline, and a
LocalCluster of two workers with a client on it, started once a module. (Not a ``conftest.py``: the
core's tests import theirs as ``conftest``, and a second one would take its place.)"""

import pytest
from distributed import Client, LocalCluster

import briefing_dask
from briefing import Pipeline, PluginManager


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline(plugins=PluginManager(autoload=False, plugins=[briefing_dask]), issues="none")


@pytest.fixture(scope="module")
def client():
    # Threads, not processes: the same two workers, started in a second instead of several, and
    # sharing this process, so that a test can make a document raise inside one.
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        yield client
