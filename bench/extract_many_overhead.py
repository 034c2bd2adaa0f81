"""What ``Pipeline.extract_many`` adds over ``nlp.pipe`` and ``extract_from_doc``, in one process.

    python bench/extract_many_overhead.py [N_TEXTS] [ROUNDS]

Times, in turn and ROUNDS times (default 3) over the first N_TEXTS (default 30) PolNeAR dev
articles, after one warm-up ``extract_many``: ``nlp.pipe`` alone (all components, and with the
components the extractors do not need disabled), ``list(pipeline.extract_many(texts))`` (reading,
the engine, the progress wrapper, the registry's guarded streams) and ``nlp.pipe`` followed by
``extract_from_doc`` on each parse. Prints the fastest round's wall-clock and CPU seconds of each,
and every round's.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from briefing import Pipeline, PluginManager
from briefing.model import Briefing

TEXTS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "polnear" / "dev" / "text"


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    texts = [p.read_text(encoding="utf-8") for p in sorted(TEXTS.glob("*.txt"))[:count]]
    pipeline = Pipeline(plugins=PluginManager(autoload=False))

    def pipe_extract() -> None:
        for text, doc in zip(texts, pipeline.nlp.pipe(texts, batch_size=8)):
            pipeline.extract_from_doc(Briefing(id="x", text=text), doc)

    runs = {
        "nlp.pipe": lambda: list(pipeline.nlp.pipe(texts, batch_size=8)),
        "nlp.pipe, unneeded off": lambda: list(pipeline.nlp.pipe(texts, batch_size=8, disable=pipeline._disabled)),
        "extract_many": lambda: list(pipeline.extract_many(texts)),
        "pipe + extract_from_doc": pipe_extract,
    }
    list(pipeline.extract_many(texts))  # warm up: models, lexicons, tables
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in runs}
    for _ in range(rounds):
        for name, run in runs.items():
            wall, cpu = time.perf_counter(), time.process_time()
            run()
            times[name].append((time.perf_counter() - wall, time.process_time() - cpu))
    for name, found in times.items():
        every = ", ".join(f"{w:.2f}/{c:.2f}" for w, c in found)
        wall, cpu = min(w for w, _ in found), min(c for _, c in found)
        print(f"{name:24} wall {wall:6.2f} s  CPU {cpu:6.2f} s  (wall/CPU: {every})")


if __name__ == "__main__":
    main()
