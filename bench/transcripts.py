"""Participants of the shared White House transcripts: for each labelled speaker, how many other
participants name them too (duplicates: a participant whose name ends in the speaker's label
surname, or is the title they hold here, "Mr. President"), and the person participants whose
names no person could bear (stage directions, digits, common words, see
``briefing.participants.noise``; counted by form, so a hand check is still needed).

Run from the project root::

    python bench/transcripts.py [briefings folder]
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from briefing import Pipeline
from briefing.participants.names import fold
from briefing.participants.noise import common_words, is_common_word, not_a_name

_ADDRESS = re.compile(r"^(?:(?:the|this|mr\.?|madam)\s+)+", re.I)


def measure(briefing) -> tuple[list[str], list[str]]:
    labels = {s.span for s in briefing.sections if s.kind == "label"}
    speakers = [p for p in briefing.participants if labels & set(p.mentions) and p.kind == "person"]
    surnames = {fold(m.text.split()[-1]) for p in speakers for m in p.mentions if m in labels}
    titles = {p.title.lower() for p in speakers if p.title}
    duplicates, noise = [], []
    lowercase = common_words(briefing.text)
    for p in briefing.participants:
        if p in speakers or not p.name.split():
            continue
        if fold(p.name.split()[-1]) in surnames or _ADDRESS.sub("", p.name).lower() in titles:
            duplicates.append(p.name)
        words = p.name.split()
        if p.kind == "person" and any(not_a_name(briefing.text, m.start, m.end) or (
                len(words) == 1 and is_common_word(words[0], lowercase)) for m in p.mentions):
            noise.append(p.name)
    return duplicates, noise


def main() -> None:
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/corpus/briefings")
    pipeline = Pipeline(statements="none", issues="none")
    total = [0, 0]
    for briefing in pipeline.process(pipeline.read(sorted(folder.glob("*.html")))):
        duplicates, noise = measure(briefing)
        total[0] += len(duplicates)
        total[1] += len(noise)
        print(f"{Path(briefing.source.path).name}: duplicates {len(duplicates)} {duplicates}; noise {len(noise)} {noise}")
        print(f"  event {briefing.event.kind}, {briefing.event.date}, {briefing.event.location}")
    print(f"total: duplicates {total[0]}, non-people by form {total[1]}")


if __name__ == "__main__":
    main()
