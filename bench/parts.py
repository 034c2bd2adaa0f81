"""Disk to disk on a Dask ``LocalCluster``: ``briefing_dask.extract_to_parts`` over a folder of
texts, then the same call again after one part file is deleted (a resumed run, which should make
that part alone), and the parts compared line by line with a one-process extraction.

    python bench/parts.py [TEXT_DIR] [--workers 2] [--partition-size 10] [--limit N] [--compare LOCAL.jsonl] [--out DIR]

``--compare`` takes the JSONL that ``briefing extract TEXT_DIR -f jsonl -o LOCAL.jsonl`` wrote (with
``--limit``, of the same first N files, and TEXT_DIR written the same way, since each briefing
holds its path); the parts must hold the same lines in the same order. The parts are written to a
temporary directory, or to ``--out`` (a new or empty one), where they are kept.
Seconds include starting the workers' pipelines; machines here are shared, so they are a rough guide.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_TEXTS = ROOT.parent / "shared" / "corpus" / "polnear" / "dev" / "text"


def main() -> None:
    import briefing_dask
    from distributed import Client

    from briefing import Pipeline

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("texts", nargs="?", type=Path, default=DEFAULT_TEXTS)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--partition-size", type=int, default=10)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--compare", type=Path, default=None)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    paths = sorted(args.texts.glob("*.txt"))[: args.limit]
    pipeline = Pipeline()
    with tempfile.TemporaryDirectory() as folder, \
            briefing_dask.local_cluster(args.workers) as cluster, \
            Client(cluster) as client:
        out = args.out or Path(folder)
        runs = []
        for run in ("first", "resumed"):
            start = time.perf_counter()
            parts = briefing_dask.extract_to_parts(paths, out, pipeline=pipeline, partition_size=args.partition_size,
                                                   scheduler=client)
            runs.append((run, time.perf_counter() - start, sum(p.written for p in parts)))
            if run == "first":
                middle = parts[len(parts) // 2].path
                middle.unlink()
        print(f"{len(paths)} documents from {args.texts}, {len(parts)} parts of {args.partition_size}, "
              f"{args.workers} worker processes")
        for run, seconds, written in runs:
            print(f"{run:8} run: {seconds:7.1f} s, {written} parts written")
        lines = [line for p in parts for line in p.path.read_text(encoding="utf-8").splitlines()]
        errors = sum(not line.startswith('{"schema"') for line in lines)
        print(f"{len(lines)} lines, {errors} error records")
        if args.compare is not None:
            same = lines == args.compare.read_text(encoding="utf-8").splitlines()
            print(f"same lines as {args.compare}: {same}")


if __name__ == "__main__":
    main()
