"""CPU seconds of spaCy's parse and of extraction on the same parsed texts, in one process.

    python bench/cpu_ratio.py [N_TEXTS] [REPEAT]

On a shared, loaded machine wall-clock ratios (``bench/speed.py``) swing by tens of percent;
CPU seconds of one process swing less. It parses the first N_TEXTS (default 30) PolNeAR dev
articles with ``nlp.pipe``, REPEAT times (default 2), then runs extraction on those parses for every
stage and for participants and statements alone, REPEAT times each, and prints the fastest run of
each with the ratio ``1 + extraction / spaCy``, the same ratio ``bench/speed.py`` prints.
To compare with another checkout, run it with ``PYTHONPATH=OTHER/src``.
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
    repeat = int(sys.argv[2]) if len(sys.argv) > 2 else 2
    texts = [p.read_text(encoding="utf-8") for p in sorted(TEXTS.glob("*.txt"))[:count]]
    plugins = PluginManager(autoload=False)
    every = Pipeline(plugins=plugins)
    configs = {"every stage": every,
               "participants+statements": Pipeline(plugins=plugins, nlp=every.nlp, metadata="none", issues="none")}
    runs = []
    for _ in range(repeat):
        start = time.process_time()
        docs = list(every.nlp.pipe(texts, batch_size=8))
        runs.append(time.process_time() - start)
    spacy = min(runs)
    print(f"spaCy nlp.pipe: {spacy:.2f} s CPU (runs {', '.join(f'{r:.2f}' for r in runs)})")
    for name, pipeline in configs.items():
        pipeline.extract_from_doc(Briefing(id="warm-up", text=texts[0]), docs[0])  # loads lexicons and models
        runs = []
        for _ in range(repeat):
            start = time.process_time()
            for text, doc in zip(texts, docs):
                pipeline.extract_from_doc(Briefing(id="x", text=text), doc)
            runs.append(time.process_time() - start)
        print(f"{name}: extraction {min(runs):.2f} s CPU (runs {', '.join(f'{r:.2f}' for r in runs)}), "
              f"{1 + min(runs) / spacy:.3f}x spaCy")


if __name__ == "__main__":
    main()
