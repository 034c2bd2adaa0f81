"""CPU seconds of finding the noun chunks and their roots of the PolNeAR dev parses, by spaCy's
iterator (``doc.noun_chunks`` and ``Span.root``) and off the token columns
(:func:`briefing.doc_tables.english_noun_chunk_roots`), in turn, the same chunks checked.

    python bench/noun_chunks.py [REPEAT]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from briefing import Pipeline, PluginManager
from briefing.doc_tables import english_noun_chunk_roots

TEXTS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "polnear" / "dev" / "text"


def spacys(doc) -> list[tuple[int, int, int]]:
    return [(chunk.start, chunk.end, chunk.root.i) for chunk in doc.noun_chunks]


def main() -> None:
    repeat = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    texts = [p.read_text(encoding="utf-8") for p in sorted(TEXTS.glob("*.txt"))]
    docs = list(Pipeline(plugins=PluginManager(autoload=False)).pipe(texts))
    assert all(spacys(doc) == english_noun_chunk_roots(doc) for doc in docs)
    for _ in range(repeat):
        for name, find in (("spaCy's iterator", spacys), ("columns", english_noun_chunk_roots)):
            start = time.process_time()
            for doc in docs:
                find(doc)
            print(f"{name:16} {time.process_time() - start:.3f} s CPU for {len(docs)} docs")


if __name__ == "__main__":
    main()
