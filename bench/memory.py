"""Peak memory over a long stream: does it stay flat however many documents go through?

    python bench/memory.py [TEXT_DIR] [--documents N] [--chars C] [--jobs J] [--engine NAME]

Streams N documents (default 10,000), made by cycling the texts of TEXT_DIR (default PolNeAR dev,
../shared/corpus/polnear/dev/text), through ``Pipeline.extract_many`` with every default stage,
keeping no briefing, and prints the peak resident memory of this process after 100, 1,000, 2,000,
5,000 and N documents, each as a ratio to the peak after 1,000 (a line as each is reached). With ``--jobs`` above 1 the work
runs in worker processes and the figures are this process's only. ``--chars C`` keeps the head of
each text, cut between paragraphs before C characters, for a run that must finish sooner: memory
over a stream depends on how many documents pass, not on how long each is.
"""

from __future__ import annotations

import argparse
import resource
import time
from itertools import cycle, islice
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_TEXTS = ROOT.parent / "shared" / "corpus" / "polnear" / "dev" / "text"
CHECKPOINTS = (100, 1_000, 2_000, 5_000)


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("texts", nargs="?", type=Path, default=DEFAULT_TEXTS)
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--chars", type=int, default=None)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--engine", default="local")
    args = parser.parse_args()
    from briefing import Pipeline, PluginManager
    from briefing.nlp import cut_points

    corpus = [p.read_text(encoding="utf-8") for p in sorted(args.texts.glob("*.txt"))]
    if args.chars:
        corpus = [text[: (cut_points(text, args.chars) or [len(text)])[0]] for text in corpus]
    pipeline = Pipeline(plugins=PluginManager(autoload=args.engine != "local"))
    stream = islice(cycle(corpus), args.documents)  # a generator: nothing holds the whole stream
    marks = sorted({*(c for c in CHECKPOINTS if c < args.documents), args.documents})
    words = sum(len(text.split()) for text in corpus) / len(corpus)
    print(f"{args.documents} documents cycling the {len(corpus)} texts of {args.texts} ({words:.0f} words on "
          f"average), jobs {args.jobs}, engine {args.engine}")
    print(f"{'documents':>10} {'peak MB':>8} {'x at 1,000':>11} {'seconds':>8}", flush=True)
    at_1000, start = None, time.perf_counter()
    results = pipeline.extract_many(stream, n_process=args.jobs, engine=args.engine)
    for done, _ in enumerate(results, 1):
        if done in marks:
            peak = peak_mb()
            at_1000 = peak if done == 1_000 else at_1000
            ratio = f"{peak / at_1000:11.3f}" if at_1000 else f"{'':11}"
            print(f"{done:>10,} {peak:8.0f} {ratio} {time.perf_counter() - start:8.0f}", flush=True)


if __name__ == "__main__":
    main()
