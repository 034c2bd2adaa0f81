"""Time and memory of one very long text: is memory bounded by the window, and time linear?

    python bench/long_text.py [--mb 20] [--chunk-chars 100000] [--every 60]
    python bench/long_text.py --scaling 10000,25000,50000,100000

Extracts (every stage) one generated news-like text of ``--mb`` megabytes
(:func:`briefing.testing.long_text.long_text`: paragraphs of narrative and of quotes, some over
two paragraphs), which the pipeline cuts into windows of at most ``--chunk-chars`` characters.
Every ``--every`` seconds it prints the elapsed time, the characters of the windows extracted so far
(windows overlap, so they add up to more than the text), and the resident memory now and at its
peak, so a flat column shows memory does not grow with the text; at the end the total seconds, seconds per
megabyte, peak memory, and how many of the text's direct quotes were found whole.

With ``--scaling``, it instead extracts one generated text of each size whole (one window) and
prints the CPU seconds of spaCy's parse and of the extraction, and their ratio: how a window's cost
grows with its length.
"""

from __future__ import annotations

import argparse
import threading
import time

from briefing import Input, Pipeline, PluginManager
from briefing.testing.long_text import long_text


def memory_mb() -> tuple[float, float]:
    """Resident memory now and at its peak, in MB (Linux)."""
    fields = {}
    with open("/proc/self/status") as status:
        for line in status:
            key, _, value = line.partition(":")
            fields[key] = value
    return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024


def scaling(pipeline: Pipeline, sizes: list[int]) -> None:
    """CPU seconds of spaCy and of extraction on one text of each size, parsed whole."""
    from briefing.model import Briefing

    print(f"{'characters':>10} {'spaCy s':>8} {'extract s':>9} {'ratio':>6}")
    for size in sizes:
        text, _ = long_text(size)
        start = time.process_time()
        doc = pipeline.nlp(text)
        parsed = time.process_time() - start
        start = time.process_time()
        pipeline.extract_from_doc(Briefing(id="scaling", text=text), doc)
        took = time.process_time() - start
        print(f"{size:10} {parsed:8.2f} {took:9.2f} {took / parsed:6.2f}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=20)
    parser.add_argument("--chunk-chars", type=int, default=100_000)
    parser.add_argument("--every", type=float, default=60)
    parser.add_argument("--scaling", help="comma-separated sizes in characters")
    args = parser.parse_args()
    pipeline = Pipeline(plugins=PluginManager(autoload=False), chunk_chars=args.chunk_chars)
    if args.scaling:
        scaling(pipeline, [int(size) for size in args.scaling.split(",")])
        return
    text, quotes = long_text(int(args.mb * 1_000_000))
    print(f"{len(text):,} characters, {len(quotes):,} direct quotes; before extraction: "
          f"{memory_mb()[0]:.0f} MB resident", flush=True)
    start, done, extracted = time.perf_counter(), threading.Event(), [0]
    extract_window = pipeline.extract_from_doc

    def counted(window, doc, **options):
        result = extract_window(window, doc, **options)
        extracted[0] += len(window.text)
        return result

    pipeline.extract_from_doc = counted  # count the characters of the windows extracted so far

    def report() -> None:
        while not done.wait(args.every):
            now, peak = memory_mb()
            print(f"{time.perf_counter() - start:8.0f} s  {extracted[0] / 1e6:6.2f} MB of windows done  "
                  f"{now:6.0f} MB now  {peak:6.0f} MB peak", flush=True)

    threading.Thread(target=report, daemon=True).start()
    briefing = pipeline.extract(Input.from_text(text))
    seconds = time.perf_counter() - start
    done.set()
    found = {(s.content[0].start, s.content[-1].end) for s in briefing.statements if s.kind == "direct"}
    whole = sum((q.start, q.end) in found for q in quotes)
    print(f"done: {seconds:.0f} s, {seconds / (len(text) / 1e6):.1f} s/MB, peak {memory_mb()[1]:.0f} MB; "
          f"{len(briefing.statements):,} statements, {whole:,}/{len(quotes):,} direct quotes found whole")


if __name__ == "__main__":
    main()
