"""What the trained statement tagger's paragraph skip leaves out, against PolNeAR gold.

    python bench/paragraph_skip.py [SPLIT_DIR]

``linking.tag_spans`` asks ``token_features`` for the paragraphs that can report speech only
(``reporting_only``: a cue of the lexicon, "according to", a rule frame's cue or a quotation mark);
the CRF tags each paragraph alone, so the others cost nothing and change nothing else. For every
document of SPLIT_DIR (default PolNeAR dev) this runs participants and statements, and counts the
paragraphs and tokens skipped, the skipped paragraphs holding a colon, and the gold attributions
whose cue and content lie wholly in skipped paragraphs: all of them, and the scorer's speech subset
(``../shared/eval/polnear_score.py``: the cue holds a communication word).
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from briefing import Pipeline, PluginManager
from briefing.formats.brat import read_gold

SHARED = Path(__file__).resolve().parents[2] / "shared"


def main() -> None:
    from briefing.statements import linking

    sys.path.insert(0, str(SHARED / "eval"))
    from polnear_score import SPEECH

    split = Path(sys.argv[1]) if len(sys.argv) > 1 else SHARED / "corpus" / "polnear" / "dev"
    seen: dict[str, list] = {}
    features = linking.token_features

    def both(doc, quotes, view, *, reporting_only=False, parse=None):
        seen["every"] = features(doc, quotes, view, parse=parse)
        seen["kept"] = features(doc, quotes, view, reporting_only=reporting_only, parse=parse)
        return seen["kept"]

    linking.token_features = both
    pipeline = Pipeline(plugins=PluginManager(), metadata="none", issues="none")
    counts: Counter = Counter()
    for gold in read_gold(split):
        pipeline.extract(gold.text)
        kept = {p.start for p in seen["kept"]}
        skipped = [p for p in seen["every"] if p.start not in kept]
        counts.update(paragraphs=len(seen["every"]), tokens=sum(len(p.tokens) for p in seen["every"]),
                      skipped=len(skipped), skipped_tokens=sum(len(p.tokens) for p in skipped),
                      skipped_with_colon=sum(any(t.text == ":" for t in p.tokens) for p in skipped))
        for attribution in gold.attributions:
            cue = " ".join(gold.text[a:b] for a, b in attribution.cue)
            speech = bool(attribution.content and cue and SPEECH.search(cue))
            ranges = attribution.cue + attribution.content
            inside = bool(ranges) and all(any(p.start <= a < p.end for p in skipped) for a, _ in ranges)
            counts.update(gold=1, gold_skipped=inside, speech=speech, speech_skipped=speech and inside)
    print(f"paragraphs {counts['paragraphs']}, skipped {counts['skipped']} "
          f"({counts['skipped_with_colon']} of them with a colon)")
    print(f"tokens {counts['tokens']}, skipped {counts['skipped_tokens']}")
    print(f"gold attributions {counts['gold']}, wholly in skipped paragraphs {counts['gold_skipped']}")
    print(f"speech attributions {counts['speech']}, wholly in skipped paragraphs {counts['speech_skipped']}")


if __name__ == "__main__":
    main()
