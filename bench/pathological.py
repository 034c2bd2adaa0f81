"""Time on pathological quoting, as it grows: does briefing stay linear in its input?

    python bench/pathological.py [--sizes 250,500,1000,2000]

Three shapes, each built at every size (a unit is one short sentence):

- ``unbalanced``: every sentence opens a quotation mark that never closes;
- ``nested``: quotes within quotes, alternating double and single marks, as deep as the size;
- ``one-quote``: a whole article inside one quotation.

For each it prints the characters, the seconds of spaCy's own parse and of the whole extraction
(every stage), and the extraction's seconds per 1,000 characters, which stays flat when the run is
linear. The test suite checks only that such inputs finish (tests/test_statements.py).
"""

from __future__ import annotations

import argparse
import time

from briefing import Input, Pipeline


def unbalanced(n: int) -> str:
    return " ".join(f'Kelly said "the count is {i}.' for i in range(n))


def nested(n: int) -> str:
    opening = "".join('"he said \u2018' if i % 2 == 0 else "\u201cshe said " for i in range(n))
    return "Kelly said " + opening + "no" + "\u201d " * n + "."


def one_quote(n: int) -> str:
    return 'Kelly said: "' + " ".join(f"The talks went well in round {i}." for i in range(n)) + '"'


SHAPES = {"unbalanced": unbalanced, "nested": nested, "one-quote": one_quote}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="250,500,1000,2000")
    args = parser.parse_args()
    pipeline = Pipeline()
    print(f"{'shape':11} {'units':>6} {'chars':>7} {'spaCy s':>8} {'briefing s':>10} {'s/1k chars':>10}")
    for name, build in SHAPES.items():
        for size in map(int, args.sizes.split(",")):
            text = build(size)
            start = time.perf_counter()
            pipeline.nlp(text)
            parsed = time.perf_counter() - start
            start = time.perf_counter()
            pipeline.extract(Input.from_text(text))
            took = time.perf_counter() - start
            print(f"{name:11} {size:6} {len(text):7} {parsed:8.2f} {took:10.2f} {1000 * took / len(text):10.3f}")


if __name__ == "__main__":
    main()
