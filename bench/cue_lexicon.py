"""The reporting verbs of PolNeAR train's speech cues, against the cue lexicon (``data/cues.json``).

    python bench/cue_lexicon.py [GOLD_DIR] [--min N]

The cue lexicon's verbs began as the lemmas of the verbs in PolNeAR train's speech cues (those with
a communication word, as ``polnear_score.py`` defines speech), seen at least twice, completed by
hand with other communication verbs. This prints that harvest again so the lexicon can be checked
against the data after a change: each cue verb lemma seen at least N times (default 2) with its
count, marked ``+`` when the lexicon has it and ``-`` when not, then the lexicon verbs never seen
as a speech cue in GOLD_DIR (default ../shared/corpus/polnear/train; use train or dev only).
Lemmas come from the project's spaCy pipeline, tagger and lemmatizer only.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

from briefing.formats.brat import read_gold
from briefing.nlp import load_pipeline
from briefing.statements.cues import cue_lexicon

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = ROOT.parent / "shared" / "corpus" / "polnear" / "train"

#: What makes a cue a speech cue: a communication word (the shared scorer's definition, in brief).
SPEECH = re.compile(
    r"\b(say|said|tell|told|add|note|write|wrote|ask|announce|according|tweet|argu|claim|respond|repl|stat|explain|"
    r"insist|warn|emphasi|stress|declar|remark|comment|assert|acknowledg|admit|den(y|ies|ied)|call|urg|predict|"
    r"suggest|report|describ|vow|promis|pledg|reiterat|recall|conced|confirm|echo|express|point|mention|accus|"
    r"prais|blast|slam|criticiz|charg|complain|joke|quip)",
    re.IGNORECASE,
)


def cue_verbs(gold_dir: Path) -> Counter[str]:
    """Lemma counts of the verbs inside the speech cues of every document of ``gold_dir``."""
    nlp = load_pipeline()
    counts: Counter[str] = Counter()
    documents = list(read_gold(gold_dir))
    with nlp.select_pipes(disable=[name for name in ("parser", "ner") if name in nlp.pipe_names]):
        for document, doc in zip(documents, nlp.pipe((d.text for d in documents), batch_size=16)):
            verbs = {token.idx: token.lemma_.lower() for token in doc if token.pos_ == "VERB" and token.is_alpha}
            for attribution in document.attributions:
                if SPEECH.search(" ".join(document.text[a:b] for a, b in attribution.cue)):
                    counts.update({verbs[i] for a, b in attribution.cue for i in range(a, b) if i in verbs})
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("gold_dir", nargs="?", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--min", type=int, default=2, dest="least")
    args = parser.parse_args()
    least, gold_dir = args.least, args.gold_dir
    counts = cue_verbs(gold_dir)
    lexicon = cue_lexicon().verbs
    print(f"speech cue verbs seen at least {least} times in {gold_dir} (+ in data/cues.json, - not):")
    for lemma, count in counts.most_common():
        if count >= least:
            print(f"  {'+' if lemma in lexicon else '-'} {lemma:20} {count}")
    unseen = sorted(lexicon - set(counts))
    print(f"lexicon verbs never seen in a speech cue there ({len(unseen)}): {', '.join(unseen)}")


if __name__ == "__main__":
    main()
