"""The cycle collector's share of extraction: its passes and their time, by generation.

    python bench/gc_time.py [N_TEXTS] [REPEAT]

It parses the first N_TEXTS (default 84) PolNeAR dev articles once, extracts them once to warm up,
then REPEAT times (default 2) with every stage, and prints for each run the CPU seconds of the
extraction and, from a ``gc.callbacks`` hook, how many collections of each generation ran and how
long they took. The collector runs when enough container objects have been made, and a full pass
walks every object of the process, so its time is part of what a stage's objects cost without
showing in a profile under the stage's own functions. To compare with another checkout, run it with
``PYTHONPATH=OTHER/src``.
"""

from __future__ import annotations

import gc
import time

from cpu_ratio import arguments

from briefing import Pipeline, PluginManager
from briefing.model import Briefing


def main() -> None:
    texts, repeat = arguments(84, 2)
    pipeline = Pipeline(plugins=PluginManager(autoload=False))
    docs = list(pipeline.pipe(texts, batch_size=8))
    for text, doc in zip(texts, docs):  # warm up: loads lexicons, models and lazily built tables
        pipeline.extract_from_doc(Briefing(id="warm-up", text=text), doc)
    passes, seconds, started = [0, 0, 0], [0.0, 0.0, 0.0], [0.0]

    def hook(phase: str, info: dict) -> None:
        if phase == "start":
            started[0] = time.process_time()
        else:
            passes[info["generation"]] += 1
            seconds[info["generation"]] += time.process_time() - started[0]

    gc.callbacks.append(hook)
    print(f"{len(texts)} texts, every stage")
    for run in range(repeat):
        passes[:], seconds[:] = [0, 0, 0], [0.0, 0.0, 0.0]
        start = time.process_time()
        for text, doc in zip(texts, docs):
            pipeline.extract_from_doc(Briefing(id="x", text=text), doc)
        total = time.process_time() - start
        by_generation = ", ".join(f"gen {g}: {n} in {s:.3f} s" for g, (n, s) in enumerate(zip(passes, seconds)))
        print(f"run {run + 1}: extraction {total:.2f} s CPU, collector {sum(seconds):.3f} s ({by_generation})")
    gc.callbacks.remove(hook)


if __name__ == "__main__":
    main()
