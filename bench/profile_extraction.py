"""Where extraction spends its time: every stage over the PolNeAR dev parses (parsed once, warmed
up), profiled by cProfile (deterministic) or by pyinstrument (sampling, ``--sampling``; install it
with pip).

    python bench/profile_extraction.py [--sampling] [--passes P] [--top N]

The two mislead in opposite ways. cProfile charges each call its own overhead, so code that makes
many small calls looks dearer than it is: it put spaCy's noun chunk iterator (a ``Token`` per word)
at 0.88 of 13 s, when timed alone it takes 0.065 s of about 5 (``bench/noun_chunks.py``). Sampling
charges the garbage collector's passes to whatever function allocated when one started: it put
``taxonomy.Words.of`` at 0.64 s, when timed alone it takes 0.043 s. Read both, and time a part alone
before working on it.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
from pathlib import Path

from briefing import Pipeline, PluginManager
from briefing.model import Briefing

TEXTS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "polnear" / "dev" / "text"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sampling", action="store_true", help="pyinstrument instead of cProfile")
    parser.add_argument("--passes", type=int, default=1, help="times over the texts (default 1)")
    parser.add_argument("--top", type=int, default=40, help="cProfile's lines, by own time (default 40)")
    args = parser.parse_args()
    texts = [p.read_text(encoding="utf-8") for p in sorted(TEXTS.glob("*.txt"))]
    pipeline = Pipeline(plugins=PluginManager(autoload=False))
    docs = list(pipeline.pipe(texts))

    def extract() -> None:
        for text, doc in zip(texts, docs):
            pipeline.extract_from_doc(Briefing(id="x", text=text), doc)

    extract()  # warm up: lexicons and models load at first use
    if args.sampling:
        from pyinstrument import Profiler

        profiler = Profiler(interval=0.0005)
        profiler.start()
        for _ in range(args.passes):
            extract()
        profiler.stop()
        print(profiler.output_text(unicode=False, color=False))
        return
    profile = cProfile.Profile()
    profile.enable()
    for _ in range(args.passes):
        extract()
    profile.disable()
    pstats.Stats(profile).sort_stats("tottime").print_stats(args.top)


if __name__ == "__main__":
    main()
