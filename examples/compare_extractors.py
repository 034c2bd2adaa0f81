"""Compare two statement extractors on an annotated corpus, from Python: the same scores
``briefing evaluate`` prints (PolNeAR's definitions), side by side, and the first misses of each.

    python examples/compare_extractors.py [GOLD_DIR] [EXTRACTOR ...]
        (default: examples/annotated, a small corpus annotated for this example; rules and trained)

GOLD_DIR is BRAT standoff in the PolNeAR layout: text/NAME.txt and attributions/NAME_ANNOTATOR.ann.
"""

from __future__ import annotations

import sys
from pathlib import Path

import briefing
from briefing.formats.brat import read_gold
from briefing.evaluate import errors, evaluate

HERE = Path(__file__).resolve().parent


def main(gold_dir: Path, extractors: list[str]) -> None:
    documents = list(read_gold(gold_dir))
    nlp = briefing.Pipeline(statements="none").nlp  # load spaCy once, share it
    reports = {}
    for name in extractors:
        pipeline = briefing.Pipeline(nlp=nlp, statements=name, issues="none")
        reports[name] = evaluate(documents, pipeline.extract_many([d.path for d in documents], on_error=print))
    print(f"{len(documents)} documents; speech subset")
    print(f"{'measure':22}" + "".join(f"{name:>10}" for name in extractors))
    for label, value in (("loose F1", lambda r: r.loose[2]), ("strict F1", lambda r: r.strict[2]),
                         ("speaker accuracy", lambda r: r.speaker), ("named speaker", lambda r: r.named_speaker)):
        print(f"{label:22}" + "".join(f"{value(reports[n].row('speech')):10.3f}" for n in extractors))
    for name in extractors:
        misses = list(errors(reports[name], "speech"))[:3]
        print(f"\n{name}: {len(list(errors(reports[name], 'speech')))} errors" + "".join(f"\n  {m}" for m in misses))


if __name__ == "__main__":
    args = sys.argv[1:]
    main(Path(args[0]) if args else HERE / "annotated", args[1:] or ["rules", "trained"])
