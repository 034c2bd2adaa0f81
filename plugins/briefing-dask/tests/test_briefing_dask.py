import os
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

import briefing_dask
from briefing import Failure
from briefing_dask.engine import _results
from briefing_dask.worker import PipelineOnWorker, process_batch
from dask_fixtures import client, pipeline  # noqa: F401 (fixtures)

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"

TEXTS = [
    "The Fisheries Minister said on Tuesday that the quota would stay.",
    '"We will not sign it," Foreign Minister Ana Ruiz told reporters in Lima.',
    "No statement was made.",
    "The spokesman warned against new fees, according to officials.",
    "Senator Hale said the bill was dead. She did not say why.",
]


def test_the_cluster_gives_the_local_briefings_in_input_order_and_names_a_failure(pipeline, client, tmp_path):
    missing = tmp_path / "missing.txt"
    inputs = [*TEXTS[:3], missing, *TEXTS[3:]]
    failures, local_failures = [], []
    remote = list(pipeline.extract_many(inputs, engine="dask", scheduler=client, on_error=failures.append))
    local = list(pipeline.extract_many(inputs, on_error=local_failures.append))
    assert [b.text for b in remote] == TEXTS
    assert remote == local
    assert [str(f) for f in failures] == [str(f) for f in local_failures]
    assert failures[0].input == str(missing)


def test_each_worker_builds_the_pipeline_once_from_its_settings(pipeline, client):
    plugin = PipelineOnWorker(pipeline.settings)

    def pipelines():
        return client.run(lambda dask_worker: id(dask_worker.plugins[plugin.name].pipeline))

    list(pipeline.extract_many(TEXTS, engine="dask", scheduler=client))
    first = pipelines()
    list(pipeline.extract_many(TEXTS, engine="dask", scheduler=client))
    assert len(first) == 2 and pipelines() == first
    settings = client.run(lambda dask_worker: dask_worker.plugins[plugin.name].pipeline.settings)
    assert all(s == pipeline.settings for s in settings.values())


def test_the_stream_is_read_a_bounded_number_of_batches_ahead(pipeline, client):
    pulled = 0

    def stream():
        nonlocal pulled
        for number in range(200):
            pulled += 1
            yield f"Minister number {number} said the talks would go on."

    ahead = []
    for done, _ in enumerate(pipeline.extract_many(stream(), engine="dask", scheduler=client), 1):
        ahead.append(pulled - done)
    in_flight = briefing_dask.engine.BATCHES_PER_THREAD * 2
    assert max(ahead) <= (in_flight + 1) * pipeline.batch_size
    assert pulled == 200


def test_a_batch_whose_task_fails_is_run_again_a_document_at_a_time(pipeline, client):
    batch = list(pipeline.read(TEXTS[:3]))
    future = client.submit(process_batch, "no-such-plugin", batch, pure=False)
    results = list(_results(client, "no-such-plugin", batch, future))
    assert [type(r) for r in results] == [Failure] * 3
    assert [r.input for r in results] == [b.id for b in batch]
    assert all(isinstance(r.error, briefing_dask.WorkerLostError) and "KeyError" in str(r.error) for r in results)


def test_the_command_line_runs_on_a_local_cluster_and_reports_a_bad_input(tmp_path):
    inputs = sorted(str(p) for p in EXAMPLES.glob("*.txt"))[:2]
    out, expected = tmp_path / "dask.jsonl", tmp_path / "local.jsonl"
    run = subprocess.run([sys.executable, "-m", "briefing", "extract", *inputs, str(tmp_path / "gone.txt"),
                          "-f", "jsonl", "-o", str(out), "--engine", "dask", "--jobs", "1"],
                         capture_output=True, text=True)
    assert run.returncode == 1
    assert [line for line in run.stderr.splitlines() if "gone.txt" in line] == [
        f"briefing: {tmp_path / 'gone.txt'}: No such file or directory"]
    subprocess.run([sys.executable, "-m", "briefing", "extract", *inputs, "-f", "jsonl", "-o", str(expected)], check=True)
    assert out.read_text() == expected.read_text()


def test_the_local_cluster_leaves_memory_trimming_to_glibc_and_runs_no_profiler():
    from distributed import Client

    with briefing_dask.local_cluster(1) as cluster, Client(cluster) as own:
        environ = list(own.run(lambda: dict(os.environ)).values())
        callbacks = list(own.run(lambda dask_worker: sorted(dask_worker.periodic_callbacks)).values())
    assert len(environ) == 1
    assert "MALLOC_TRIM_THRESHOLD_" not in environ[0] and environ[0]["OMP_NUM_THREADS"] == "1"
    assert "heartbeat" in callbacks[0] and "profile" not in callbacks[0]


def test_workers_running_with_memory_trimming_set_are_warned_of(pipeline, client, monkeypatch):
    monkeypatch.setenv("MALLOC_TRIM_THRESHOLD_", "65536")  # the fixture's workers share this process
    with pytest.warns(briefing_dask.SlowWorkersWarning, match="MALLOC_TRIM_THRESHOLD_=65536"):
        briefings = list(pipeline.extract_many(TEXTS[:2], engine="dask", scheduler=client))
    assert [b.text for b in briefings] == TEXTS[:2]
    monkeypatch.delenv("MALLOC_TRIM_THRESHOLD_")
    with warnings.catch_warnings():
        warnings.simplefilter("error", briefing_dask.SlowWorkersWarning)
        assert len(list(pipeline.extract_many(TEXTS[:2], engine="dask", scheduler=client))) == 2
