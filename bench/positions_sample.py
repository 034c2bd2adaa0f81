"""A random sample of the non-neutral positions in extracted briefings, to read by hand: for each,
the briefing, the issue, the participant, the stance, and its evidence words, each in the text
around it. This is how the spot checks of transcript stances in the closing notes were
drawn (12 positions, seeds 12 and 16).

    briefing extract ../shared/corpus/briefings -f jsonl -o /tmp/transcripts.jsonl --quiet
    python bench/positions_sample.py /tmp/transcripts.jsonl [--n 12] [--seed 16]
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path


def positions(path: Path) -> list[dict]:
    """Every non-neutral position of the briefings of a ``briefing/1`` JSONL file, in file order."""
    found = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        briefing = json.loads(line)
        names = {p["id"]: p["name"] for p in briefing["participants"]}
        text = briefing["text"]
        for issue in briefing["issues"]:
            for position in issue["positions"]:
                if position["stance"] != "neutral":
                    found.append({
                        "briefing": Path(briefing["source"].get("path") or briefing["id"]).stem, "issue": issue["label"],
                        "participant": names.get(position["participant"], position["participant"]),
                        "stance": position["stance"], "evidence": [e["text"] for e in position["evidence"]],
                        "around": [" ".join(text[max(e["start"] - 100, 0):e["end"] + 60].split()) for e in position["evidence"]],
                    })
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("jsonl", type=Path, help="briefing extract ... -f jsonl output")
    parser.add_argument("--n", type=int, default=12, help="how many positions (default 12)")
    parser.add_argument("--seed", type=int, default=16, help="the random seed (default 16)")
    args = parser.parse_args()
    found = positions(args.jsonl)
    random.seed(args.seed)
    print(f"{len(found)} non-neutral positions; {min(args.n, len(found))} drawn with seed {args.seed}\n")
    for position in random.sample(found, min(args.n, len(found))):
        print(f"{position['briefing']} | {position['issue']} | {position['participant']}: {position['stance']} "
              f"({', '.join(position['evidence'][:8])})")
        for text in dict.fromkeys(position["around"][:3]):
            print(f"    … {text} …")
        print()


if __name__ == "__main__":
    main()
