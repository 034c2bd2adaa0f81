"""Precision of the statements one extraction adds over another, per attribution and cue: how many
loosely match a PolNeAR gold attribution (the content overlap ``polnear_score.py`` counts as a
match). Used to keep a verb class of ``data/attitudes.json`` only where most of its statements are
real attributions.

    python bench/new_statements.py ../shared/corpus/polnear/train NEW.jsonl BASE.jsonl [-v]
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"


def _by_article(path: str) -> dict[str, dict]:
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return {Path(b["source"]["path"]).stem: b for b in map(json.loads, filter(str.strip, lines))}


def main() -> None:
    sys.path.insert(0, str(SHARED / "eval"))
    import polnear_score as ps

    split, new_path, base_path = sys.argv[1:4]
    gold = ps.load_gold(split)
    new, base = _by_article(new_path), _by_article(base_path)
    matched, made = Counter(), Counter()
    for stem, briefing in new.items():
        if stem not in gold:
            continue
        text, items = gold[stem]
        gold_chars = [ps.chars(item["content"]) for item in items]
        before = {(s["content"][0]["start"], s["content"][0]["end"]) for s in base[stem]["statements"]}
        for statement in briefing["statements"]:
            if (statement["content"][0]["start"], statement["content"][0]["end"]) in before:
                continue
            content = ps.chars(ps.pred_spans(statement["content"]))
            ok = any(len(g & content) >= 0.3 * len(g) for g in gold_chars if g & content)
            key = (statement["attribution"], statement["cue"]["text"].lower() if statement.get("cue") else "")
            made[key] += 1
            matched[key] += ok
            if "-v" in sys.argv and not ok:
                print("  unmatched", key[1], "|", statement["content"][0]["text"][:80])
    for kind in sorted({k for k, _ in made}):
        print(kind, sum(n for (k, _), n in matched.items() if k == kind), "/", sum(n for (k, _), n in made.items() if k == kind))
        for (k, cue), n in sorted(made.items()):
            if k == kind:
                print(f"  {cue}: {matched[k, cue]}/{n}")


if __name__ == "__main__":
    main()
