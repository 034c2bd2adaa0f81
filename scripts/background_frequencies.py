"""Build ``src/briefing/data/background-df.json``: in how many PolNeAR train articles each lemma
occurs, the background against which a briefing's subjects are told from words every news text
uses ("people", "thing", "health").

Usage: python scripts/background_frequencies.py [../shared/corpus/polnear/train/text]
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from briefing.nlp import load_pipeline

_MIN_DOCUMENTS = 3  # rarer lemmas are left out: missing means rare
_KEPT = {"NOUN", "PROPN", "VERB", "ADJ"}


def main(folder: str = "../shared/corpus/polnear/train/text") -> None:
    paths = sorted(Path(folder).glob("*.txt"))
    nlp = load_pipeline()
    frequencies: Counter[str] = Counter()
    with nlp.select_pipes(disable=[p for p in nlp.pipe_names if p not in {"tok2vec", "tagger", "attribute_ruler", "lemmatizer"}]):
        for doc in nlp.pipe((p.read_text(encoding="utf-8") for p in paths), batch_size=32):
            frequencies.update({t.lemma_.lower() for t in doc if t.pos_ in _KEPT and t.is_alpha})
    out = Path(__file__).resolve().parents[1] / "src/briefing/data/background-df.json"
    data = {
        "_comment": "Document frequencies of lemmas in the 840 PolNeAR train articles (US political news, 2016), "
                    f"lemmas in at least {_MIN_DOCUMENTS} articles; made by scripts/background_frequencies.py.",
        "documents": len(paths),
        "df": {w: n for w, n in sorted(frequencies.items()) if n >= _MIN_DOCUMENTS},
    }
    out.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(*sys.argv[1:])
