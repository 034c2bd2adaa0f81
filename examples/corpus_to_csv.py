"""A folder or JSONL corpus to one CSV of statements (one row a statement, with its speaker, their
title and side, the cue and the content), with a progress bar on a terminal, on two processes.

    python examples/corpus_to_csv.py [CORPUS] [OUT.csv]   (default: this folder's .txt files, statements.csv)

A bad document is reported on stderr and the others are still written.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import briefing

HERE = Path(__file__).resolve().parent
COLUMNS = ["document", "statement", "kind", "speaker", "title", "side", "cue", "content"]


def rows(result: briefing.Briefing):
    for statement in result.statements:
        who = result.participant(statement.speaker)
        yield {
            "document": result.id,
            "statement": statement.id,
            "kind": statement.kind,
            "speaker": who.name if who else "",
            "title": (who.title or "") if who else "",
            "side": (who.affiliation or who.party or "") if who else "",
            "cue": statement.cue.text if statement.cue else "",
            "content": " … ".join(" ".join(span.text.split()) for span in statement.content),
        }


def main(corpus: Path, out: Path) -> None:
    inputs = sorted(corpus.glob("*.txt")) if corpus.is_dir() else [corpus]
    pipeline = briefing.Pipeline()
    with out.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, COLUMNS)
        writer.writeheader()
        results = pipeline.extract_many(inputs, on_error=lambda failure: print(failure, file=sys.stderr),
                                        n_process=2, progress=sys.stderr.isatty())
        for result in results:
            writer.writerows(rows(result))
    print(f"wrote {out}")


if __name__ == "__main__":
    args = sys.argv[1:]
    main(Path(args[0]) if args else HERE, Path(args[1]) if len(args) > 1 else Path("statements.csv"))
