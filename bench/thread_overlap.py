"""Whether extraction could run beside spaCy's parse in a second thread of the same process.

    python bench/thread_overlap.py [N_TEXTS] [ROUNDS]

Over the first N_TEXTS (default 30) PolNeAR dev articles it times, in wall-clock seconds and ROUNDS
times (default 3, the fastest kept): briefing's parse alone (``Pipeline.pipe``), every stage's
extraction alone on parses made beforehand, and both at once, the parse in a second thread while
the first extracts. Both at once can only beat the sum of the two if spaCy releases the GIL for a
good part of its parse; if it does not, the two threads take turns and the overlap gains nothing.
"""

from __future__ import annotations

import threading
import time

from cpu_ratio import arguments

from briefing import Pipeline, PluginManager
from briefing.model import Briefing


def main() -> None:
    texts, rounds = arguments(30, 3)
    pipeline = Pipeline(plugins=PluginManager(autoload=False))
    docs = list(pipeline.pipe(texts, batch_size=8))

    def parse() -> None:
        for _ in pipeline.pipe(texts, batch_size=8):
            pass

    def extract() -> None:
        for text, doc in zip(texts, docs, strict=True):
            pipeline.extract_from_doc(Briefing(id="x", text=text), doc)

    def both() -> None:
        thread = threading.Thread(target=parse)
        thread.start()
        extract()
        thread.join()

    extract()  # warm up: lexicons, models and each doc's tables
    for name, work in (("parse alone", parse), ("extraction alone", extract), ("both, in two threads", both)):
        timings = []
        for _ in range(rounds):
            start = time.perf_counter()
            work()
            timings.append(time.perf_counter() - start)
        print(f"{name:22} {min(timings):6.2f} s  (runs: {', '.join(f'{t:.2f}' for t in timings)})")


if __name__ == "__main__":
    main()
