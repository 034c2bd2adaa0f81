"""Speed and memory of briefing against the raw spaCy pipeline and a peer, in the same run.

    python bench/speed.py [TEXT_DIR] [--limit N] [--repeat R] [--copies C] [--rounds K] [--only A,B] [--memory]

Each configuration runs in its own process (so peak memory is its own) over the same texts
(default: PolNeAR dev, ../shared/corpus/polnear/dev/text, plus the seed article, all repeated C
times, default 1; the scale issue's run is ``--copies 3``), once to warm up and then R times
(default 3). With K rounds (default 1), every configuration runs once per round, in turn, so that
a change of load on a shared machine falls on all of them alike. It prints the fastest run's
seconds, documents per second, peak resident memory, and the ratio of each to the raw spaCy
pipeline (with several rounds, also the spread of each configuration's ratio over the rounds):

- ``spacy``: ``nlp.pipe`` alone, the pipeline as spaCy runs it;
- ``parse``: briefing's parse alone (``Pipeline.pipe``: the same Docs, with the attribute ruler and
  lemmatizer on token columns, :mod:`briefing.token_columns`, and the entity recognizer decoded in
  numpy, :mod:`briefing.entity_decoder`), the floor every briefing configuration pays;
- ``briefing``: the default extractors (metadata, participants, statements, issues);
- ``briefing-jobs2``: the same on two worker processes (``--jobs 2``; its peak memory is the
  parent's only), forked from a parent that has extracted the texts once in its own process, so
  that they start with the caches warm, as the other configurations are timed warm;
- ``dask-local2``: the same on the ``dask`` engine (plugins/briefing-dask) with the ``LocalCluster``
  it starts itself (``briefing_dask.local_cluster``: two single-threaded worker processes, glibc's
  own memory trimming, no profiler), started once before the timed runs as a cluster would be
  (its peak memory is the parent's only), when briefing-dask is installed;
- ``statements``: participants and statements only (what quote attribution needs), with the
  default statements extractor (``trained``);
- ``rules``: the same with the rule-based statements extractor;
- ``textacy``: ``nlp.pipe`` plus textacy's ``direct_quotations``, when textacy is installed.

With ``--memory`` it then streams 10,000 documents through ``bench/memory.py --chars 600`` (the
same texts cut to their heads, in a process of its own) and prints its peak memory after 1,000 and
after 10,000 documents, so that one run prints every figure of the scale issue.

Machines here are shared: compare ratios within one run, not seconds across runs. Each stage
alone, in CPU seconds of one process, is what ``bench/cpu_ratio.py`` prints.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_TEXTS = ROOT.parent / "shared" / "corpus" / "polnear" / "dev" / "text"
SEED = ROOT.parent / "shared" / "corpus" / "seed"
CONFIGS = ("spacy", "parse", "briefing", "briefing-jobs2", "dask-local2", "statements", "rules", "textacy")


def texts(directory: Path, limit: int | None, copies: int = 1) -> list[str]:
    """The first ``limit`` texts of ``directory``, with the seed article when it is there, the whole
    list repeated ``copies`` times (so that the last batches of a parallel run are a small part)."""
    paths = sorted(directory.glob("*.txt"))[:limit] + sorted(SEED.glob("*.txt"))
    return [p.read_text(encoding="utf-8") for p in paths] * copies


def run_one(config: str, directory: Path, limit: int | None, repeat: int, copies: int = 1) -> dict:
    from briefing import Pipeline, PluginManager
    from briefing.nlp import load_pipeline

    corpus = texts(directory, limit, copies)
    nlp = load_pipeline()
    if config == "spacy":
        def work():
            for _ in nlp.pipe(corpus, batch_size=8):
                pass
    elif config == "parse":
        parser = Pipeline(nlp=nlp, plugins=PluginManager(autoload=False))

        def work():
            for _ in parser.pipe(corpus, batch_size=8):
                pass
    elif config == "dask-local2":
        try:
            import briefing_dask
            from distributed import Client
        except ImportError:
            return {"config": config, "skipped": "briefing-dask is not installed (pip install -e plugins/briefing-dask)"}
        pipeline = Pipeline(nlp=nlp, plugins=PluginManager(autoload=False, plugins=[briefing_dask]))
        client = Client(briefing_dask.local_cluster(2))  # as the engine starts one

        def work():
            for _ in pipeline.extract_many(corpus, engine="dask", scheduler=client):
                pass
    elif config in {"briefing", "briefing-jobs2", "statements", "rules"}:
        from cpu_ratio import STAGE_SETS, STAGES  # the same stage sets as bench/cpu_ratio.py

        plugins = PluginManager(autoload=False)
        kept = STAGES if config.startswith("briefing") else STAGE_SETS["participants+statements"]
        stages = {stage: "none" for stage in STAGES if stage not in kept}
        jobs = 2 if config == "briefing-jobs2" else 1
        if config == "rules":
            stages["statements"] = "rules"
        pipeline = Pipeline(nlp=nlp, plugins=plugins, **stages)

        def work():
            for _ in pipeline.extract_many(corpus, n_process=jobs):
                pass
    elif config == "textacy":
        try:
            from textacy.extract.triples import direct_quotations
        except ImportError:
            return {"config": config, "skipped": "textacy is not installed (pip install textacy)"}

        def work():
            for doc in nlp.pipe(corpus, batch_size=8):
                try:
                    list(direct_quotations(doc))
                except ValueError:
                    pass  # textacy refuses texts with an odd number of quotation marks
    else:
        raise SystemExit(f"unknown configuration {config!r}; known: {', '.join(CONFIGS)}")
    work()  # warm up: first calls load lexicons and models, and fill the caches of words seen
    if config == "briefing-jobs2":
        # the workers of a timed run are forked anew and inherit only the parent's caches: warm the
        # parent on the same texts, as every other configuration is warm (dask's workers persist)
        for _ in pipeline.extract_many(corpus):
            pass
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        timings.append(time.perf_counter() - start)
    seconds = min(timings)  # the least disturbed run: other work on a shared machine only adds time
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"config": config, "docs": len(corpus), "seconds": seconds, "peak_mb": peak}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("texts", nargs="?", type=Path, default=DEFAULT_TEXTS)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--copies", type=int, default=1, help="repeat the texts this many times (the scale issue: 3)")
    parser.add_argument("--rounds", type=int, default=1, help="run every configuration once per round, in turn")
    parser.add_argument("--only", help="comma-separated configurations to run (spacy always runs)")
    parser.add_argument("--memory", action="store_true", help="then stream 10,000 short documents (bench/memory.py)")
    parser.add_argument("--one", choices=CONFIGS, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.texts, args.limit, args.repeat, args.copies)))
        return
    chosen = CONFIGS if not args.only else ("spacy", *(c for c in CONFIGS if c in args.only.split(",") and c != "spacy"))
    rounds: list[dict[str, dict]] = []
    for _ in range(args.rounds):
        round_ = {}
        for config in chosen:
            command = [sys.executable, __file__, str(args.texts), "--one", config, "--repeat", str(args.repeat),
                       "--copies", str(args.copies)]
            if args.limit:
                command += ["--limit", str(args.limit)]
            round_[config] = json.loads(subprocess.run(command, capture_output=True, text=True, check=True).stdout)
        rounds.append(round_)
    results = [min((r[config] for r in rounds), key=lambda r: r.get("seconds", 0)) for config in chosen]
    base = results[0]
    print(f"{base['docs']} documents from {args.texts}, {args.rounds} round(s)")
    print(f"{'configuration':14} {'seconds':>8} {'docs/s':>7} {'x spaCy time':>13} {'peak MB':>8} {'x spaCy memory':>15}"
          + ("  x spaCy time per round" if args.rounds > 1 else ""))
    for r in results:
        if "skipped" in r:
            print(f"{r['config']:14} skipped: {r['skipped']}")
            continue
        per_round = " ".join(f"{one[r['config']]['seconds'] / one['spacy']['seconds']:.2f}" for one in rounds)
        print(f"{r['config']:14} {r['seconds']:8.2f} {r['docs'] / r['seconds']:7.1f} {r['seconds'] / base['seconds']:13.2f} "
              f"{r['peak_mb']:8.0f} {r['peak_mb'] / base['peak_mb']:15.2f}" + (f"  {per_round}" if args.rounds > 1 else ""))
    timed = {r["config"]: r["seconds"] for r in results if "skipped" not in r}
    if {"briefing", "briefing-jobs2"} <= timed.keys():
        print(f"--jobs 2 speed-up over one process: {timed['briefing'] / timed['briefing-jobs2']:.2f}")
    if {"dask-local2", "briefing-jobs2"} <= timed.keys():
        print(f"dask LocalCluster (2 workers) time / --jobs 2 time: {timed['dask-local2'] / timed['briefing-jobs2']:.2f}")
    if args.memory:
        memory = [sys.executable, str(Path(__file__).with_name("memory.py")), str(args.texts), "--chars", "600"]
        print(subprocess.run(memory, capture_output=True, text=True, check=True).stdout, end="")


if __name__ == "__main__":
    main()
