"""The day's issues of the shared White House transcripts: each transcript's first topics and finer
issues and, for the three with issues listed by hand (``tests/data/transcript_issues.json``), which
listed issues are found; for a missed one, the best candidate group that shares a word with it, its
rank and its score beside the score of the last group kept, so that a change to the scoring shows
how far it moved.

Run from the project root (the default extractors, about a minute)::

    python bench/salience.py [briefings folder]

A listed issue is found as ``tests/test_salience.py`` finds it: a finer issue's label shares a word
stem with it. The candidate groups are those :func:`briefing.issues.salience.salient` ranks, read by
calling it again on the phrases the extraction gave it, uncapped.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from unittest import mock

from briefing import Pipeline
from briefing.issues import detect, salience
from briefing.issues.phrases import stem

ROOT = Path(__file__).resolve().parents[1]
_SMALL = {"the", "and", "for", "of", "to", "a", "an"}


def stems(label: str) -> set[str]:
    return {stem(w) for w in re.findall(r"[a-z]+", label.lower()) if w not in _SMALL and len(w) > 2}


def main() -> None:
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT.parent / "shared" / "corpus" / "briefings")
    listed = json.loads((ROOT / "tests" / "data" / "transcript_issues.json").read_text(encoding="utf-8"))
    pipeline = Pipeline()
    found_all = listed_all = 0
    for path in sorted(folder.glob("*.html")):
        with mock.patch.object(detect, "salient", wraps=salience.salient) as spy:
            briefing = pipeline.extract(path)
        finer = [i for i in briefing.issues if i.parent is not None or i.code is None]
        topics = [f"{i.label} ({len(i.mentions)})" for i in briefing.issues if i.parent is None and i.code is not None]
        print(f"{path.stem}: topics, most salient first (term mentions): {topics[:4]}")
        print(f"  {len(finer)} finer issues: {[i.label for i in finer]}")
        if path.stem not in listed:
            continue
        args, kwargs = spy.call_args
        with mock.patch.object(salience, "MAX_ISSUES", None):
            ranked = salience.salient(*args, **kwargs)
        words = salience.background()
        cut = min((g.score(words) for g in ranked[: salience.MAX_ISSUES]), default=0.0)
        for label in listed[path.stem]:
            wanted = stems(label)
            hit = next((i.label for i in finer if wanted & stems(i.label)), None)
            listed_all += 1
            if hit is not None:
                found_all += 1
                print(f"  found  {label!r}: {hit!r}")
                continue
            rank, group = next(((n, g) for n, g in enumerate(ranked, 1) if wanted & stems(g.label)), (None, None))
            where = (f"best candidate {group.label!r}, rank {rank}, score {group.score(words):.1f} "
                     f"({len(group.phrases)} mentions, {len(group.speakers)} speakers, "
                     f"{sorted({p.label for p in group.phrases})})" if group else "no candidate group")
            print(f"  missed {label!r}: {where}; the last kept scores {cut:.1f}")
    print(f"listed issues found: {found_all}/{listed_all}")


if __name__ == "__main__":
    main()
