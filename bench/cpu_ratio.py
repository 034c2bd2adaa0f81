"""CPU seconds of spaCy's parse and of each extraction stage on the same parsed texts, in one process.

    python bench/cpu_ratio.py [N_TEXTS] [REPEAT]

On a shared, loaded machine wall-clock ratios (``bench/speed.py``) swing by tens of percent;
CPU seconds of one process swing less. It parses the first N_TEXTS (default 30) PolNeAR dev
articles with ``nlp.pipe``, REPEAT times (default 2), then runs extraction on those parses with
each set of stages in :data:`STAGE_SETS`, REPEAT times each, and keeps the fastest run of each.

It also times briefing's own parse of the same texts (``Pipeline.pipe``: the same Docs, with the
attribute ruler and lemmatizer run on token columns, :mod:`briefing.token_columns`, and the entity
recognizer decoded in numpy, :mod:`briefing.entity_decoder`). It prints each
stage alone, then every stage and participants with statements, as CPU seconds, as the ratio
``1 + extraction / spaCy``, and as ``(parse + extraction) / spaCy``, what a run costs against
spaCy's own ``nlp.pipe`` (the ratio ``bench/speed.py`` prints in wall-clock time). A stage that
needs others is measured as the increment over them: statements as participants+statements less
participants, issues as every stage less metadata+participants+statements. An increment is the
difference of two noisy fastest runs, so it can come out a little off, even below zero for a
stage that costs nothing.
To compare with another checkout, run it with ``PYTHONPATH=OTHER/src``.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from briefing import Pipeline, PluginManager
from briefing.model import Briefing

TEXTS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "polnear" / "dev" / "text"
STAGES = ("metadata", "participants", "statements", "issues")

#: The stages each timed run keeps (the others are ``"none"``), by name.
STAGE_SETS = {
    "metadata": ("metadata",),
    "participants": ("participants",),
    "participants+statements": ("participants", "statements"),
    "metadata+participants+statements": ("metadata", "participants", "statements"),
    "every stage": STAGES,
}

#: Each printed line: its name and the stage sets it adds (+1) and takes away (-1).
LINES = {
    "metadata alone": {"metadata": 1},
    "participants alone": {"participants": 1},
    "statements (over participants)": {"participants+statements": 1, "participants": -1},
    "issues (over the three others)": {"every stage": 1, "metadata+participants+statements": -1},
    "every stage": {"every stage": 1},
    "participants+statements": {"participants+statements": 1},
}


def arguments(count: int, repeat: int) -> tuple[list[str], int]:
    """The first N_TEXTS dev texts and REPEAT, from the command line (``script.py [N_TEXTS] [REPEAT]``)
    or the defaults given."""
    count = int(sys.argv[1]) if len(sys.argv) > 1 else count
    repeat = int(sys.argv[2]) if len(sys.argv) > 2 else repeat
    return [p.read_text(encoding="utf-8") for p in sorted(TEXTS.glob("*.txt"))[:count]], repeat


def listed(runs: list[float]) -> str:
    return f"runs {', '.join(f'{r:.2f}' for r in runs)}"


def main() -> None:
    texts, repeat = arguments(30, 2)
    plugins = PluginManager(autoload=False)
    every = Pipeline(plugins=plugins)
    runs = []
    for _ in range(repeat):
        start = time.process_time()
        docs = list(every.nlp.pipe(texts, batch_size=8))
        runs.append(time.process_time() - start)
    spacy = min(runs)
    print(f"{len(texts)} texts; spaCy nlp.pipe: {spacy:.2f} s CPU ({listed(runs)})")
    runs = []
    for _ in range(repeat):
        start = time.process_time()
        for _ in every.pipe(texts, batch_size=8):
            pass
        runs.append(time.process_time() - start)
    parse = min(runs)
    print(f"briefing's parse (Pipeline.pipe): {parse:.2f} s CPU ({listed(runs)}), {parse / spacy:.3f} x spaCy")
    seconds = {}
    for name, kept in STAGE_SETS.items():
        pipeline = Pipeline(plugins=plugins, nlp=every.nlp, **{s: "none" for s in STAGES if s not in kept})
        for text, doc in zip(texts, docs):  # warm up: loads lexicons, models and lazily built tables
            pipeline.extract_from_doc(Briefing(id="warm-up", text=text), doc)
        runs = []
        for _ in range(repeat):
            start = time.process_time()
            for text, doc in zip(texts, docs):
                pipeline.extract_from_doc(Briefing(id="x", text=text), doc)
            runs.append(time.process_time() - start)
        seconds[name] = min(runs)
        print(f"  timed {name}: {min(runs):.2f} s CPU ({listed(runs)})")
    print(f"{'stages':32} {'extraction s':>12} {'1 + extraction / spaCy':>23} {'(parse + extraction) / spaCy':>29}")
    for line, terms in LINES.items():
        extraction = sum(sign * seconds[name] for name, sign in terms.items())
        print(f"{line:32} {extraction:12.2f} {1 + extraction / spacy:23.3f} {(parse + extraction) / spacy:29.3f}")


if __name__ == "__main__":
    main()
