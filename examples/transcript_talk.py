"""A transcript: who spoke how much (words and share of the talk), and which questions each
official answered.

    python examples/transcript_talk.py [PATH]   (default: the harbour safety transcript)
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import briefing

HERE = Path(__file__).resolve().parent


def words(statement: briefing.Statement) -> int:
    return sum(len(span.text.split()) for span in statement.content)


def main(path: Path) -> None:
    result = briefing.extract(path)
    turns = [s for s in result.statements if s.act in {"statement", "question", "answer"} and s.source
             and any(section.kind == "label" and section.span == s.source for section in result.sections)]
    spoken = Counter()
    for turn in turns:
        spoken[turn.speaker] += words(turn)
    total = sum(spoken.values()) or 1
    print("Who spoke how much")
    for speaker, count in spoken.most_common():
        who = result.participant(speaker)
        print(f"  {who.name if who else '?':28} {count:6} words  {100 * count / total:5.1f}%")
    print("\nQuestions and who answered them")
    for before, after in zip(turns, turns[1:]):
        if before.act == "question" and after.act == "answer":
            who = result.participant(after.speaker)
            question = " ".join(before.content[0].text.split())
            print(f"  {who.name if who else '?'} answered: {question[:90]}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "harbour_safety_briefing_transcript.txt")
