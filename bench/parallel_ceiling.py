"""How much faster two processes are than one on this machine, and how ``--jobs 2`` spends its time.

    python bench/parallel_ceiling.py [--copies C] [--only python,spacy,jobs]

The ``--jobs 2`` budget (a speed-up of 1.7) cannot be met on a machine whose two cores do not give
two processes 1.7 times the work of one. This prints, in wall-clock seconds, on the same texts as
``bench/speed.py`` (PolNeAR dev plus the seed article, ``--copies`` times, default 3: 255 documents):

- ``python``: a pure-Python CPU-bound loop, once in one process and once in each of two processes
  at the same time, the fastest of three runs each; the speed-up is twice the first time over the
  second (the machine's ceiling for work that shares nothing);
- ``spacy``: raw spaCy, ``nlp.pipe(texts, batch_size=8, n_process=1)`` against ``n_process=2``
  (spaCy's own multiprocessing, its start-up included);
- ``jobs``: ``extract_many`` with every stage in one process and with ``n_process=2`` (the engine
  of ``--jobs 2``; the parent is warmed up on 16 texts first and forks the workers anew, as a run of
  the command does); for the parallel run it also prints, per worker
  process, how many batches it took, its busy seconds, and when it finished its last batch, so
  that the last batch's tail (one worker idle while the other ends) is seen.

It prints ``uptime``'s load first: other jobs on the two cores lower every speed-up.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from speed import DEFAULT_TEXTS, texts  # the texts of bench/speed.py

LOOP = 60_000_000


def spin(count: int = LOOP) -> int:
    """A pure-Python CPU-bound loop (no memory traffic to speak of)."""
    total = 0
    for i in range(count):
        total += i & 7
    return total


def timed(work) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def python_ceiling(repeat: int = 3) -> None:
    one = min(timed(spin) for _ in range(repeat))
    context = multiprocessing.get_context("fork")

    def two() -> None:
        workers = [context.Process(target=spin) for _ in range(2)]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()

    both = min(timed(two) for _ in range(repeat))
    print(f"python loop (fastest of {repeat}): one process {one:.2f} s, two processes (twice the work) {both:.2f} s: "
          f"speed-up {2 * one / both:.2f}")


def spacy_ceiling(corpus: list[str]) -> None:
    from briefing.nlp import load_pipeline

    nlp = load_pipeline()
    list(nlp.pipe(corpus[:16], batch_size=8))  # warm up
    one = timed(lambda: [None for _ in nlp.pipe(corpus, batch_size=8, n_process=1)])
    two = timed(lambda: [None for _ in nlp.pipe(corpus, batch_size=8, n_process=2)])
    print(f"spaCy nlp.pipe over {len(corpus)} texts: n_process=1 {one:.2f} s, n_process=2 {two:.2f} s: "
          f"speed-up {one / two:.2f}")


_LOG: list = []  # the log folder and the engine's own worker function (set by jobs_balance before the fork)


def _logged(batch):
    """The engine's worker function, timed: each worker process appends each batch's start and end
    (``time.perf_counter``, the same clock in every process) and size to a file named by its id."""
    log, process = _LOG
    start = time.perf_counter()
    results = process(batch)
    with open(log / str(os.getpid()), "a") as out:
        out.write(f"{start} {time.perf_counter()} {len(batch)}\n")
    return results


def jobs_balance(corpus: list[str]) -> None:
    """``extract_many`` in one process and on two workers, with each worker's batches logged."""
    from briefing import Pipeline, PluginManager, parallel

    pipeline = Pipeline(plugins=PluginManager(autoload=False))  # the model is loaded before the fork
    log = Path(tempfile.mkdtemp(prefix="parallel-ceiling-"))

    def run(jobs: int, texts: list[str] = corpus) -> float:
        return timed(lambda: [None for _ in pipeline.extract_many(texts, n_process=jobs)])

    run(1, corpus[:16])  # warm up the parent: lexicons and models load at first use
    one = run(1)
    process = parallel._process
    _LOG[:] = [log, process]
    parallel._process = _logged  # the workers are forked after this, and look the name up in the module
    try:
        began = time.perf_counter()
        two = run(2)
    finally:
        parallel._process = process
    print(f"extract_many, every stage, {len(corpus)} texts: one process {one:.2f} s, n_process=2 {two:.2f} s: "
          f"speed-up {one / two:.2f}")
    for path in sorted(log.iterdir()):
        rows = [tuple(map(float, line.split())) for line in path.read_text().splitlines()]
        busy = sum(end - start for start, end, _ in rows)
        print(f"  worker {path.name}: {len(rows)} batches, {int(sum(n for *_, n in rows))} texts, busy {busy:.2f} s, "
              f"first batch began at {min(s for s, _, _ in rows) - began:.2f} s, "
              f"last ended at {max(e for _, e, _ in rows) - began:.2f} s")
        path.unlink()
    log.rmdir()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--copies", type=int, default=3)
    parser.add_argument("--only", default="python,spacy,jobs")
    args = parser.parse_args()
    chosen = args.only.split(",")
    print("load average (1, 5, 15 min):", " ".join(f"{x:.2f}" for x in os.getloadavg()), f"on {os.cpu_count()} CPUs")
    corpus = texts(DEFAULT_TEXTS, None, args.copies)
    if "python" in chosen:
        python_ceiling()
    if "spacy" in chosen:
        spacy_ceiling(corpus)
    if "jobs" in chosen:
        jobs_balance(corpus)


if __name__ == "__main__":
    main()
