"""Who said what: extract one briefing and print its statements grouped by speaker, each speaker
with their title and the side they speak for.

    python examples/who_said_what.py [PATH]      (default: the Arctic fisheries example)
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

import briefing

HERE = Path(__file__).resolve().parent


def main(path: Path) -> None:
    result = briefing.extract(path)
    by_speaker = defaultdict(list)
    for statement in result.statements:
        by_speaker[statement.speaker].append(statement)
    for speaker_id, statements in by_speaker.items():
        who = result.participant(speaker_id)
        heading = "(speaker unknown)" if who is None else ", ".join(
            part for part in (who.name, who.title, who.affiliation or who.party) if part)
        print(heading)
        for statement in statements:
            cue = f" [{statement.cue.text}]" if statement.cue else ""
            text = " … ".join(" ".join(span.text.split()) for span in statement.content)
            print(f"  - {statement.kind}{cue}: {text}")
        print()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "arctic_fisheries_briefing.txt")
