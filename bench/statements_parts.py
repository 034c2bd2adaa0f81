"""Where the default statements extractor (``trained``) spends its CPU time, part by part.

    python bench/statements_parts.py [N_TEXTS] [REPEAT]

It parses the first N_TEXTS (default 30) PolNeAR dev articles once, runs the participants stage on
them, then runs the statements stage alone REPEAT times (default 3), with ``time.process_time()``
around the calls of each part (the functions ``linking.extract_statements`` calls). It prints the
fastest run of the whole stage and each part's CPU seconds per run. The parts nest: ``tag_spans``
holds ``find_frames``, ``rule_statements``, ``rule_view``, ``token_features``, the CRF (``tag``)
and ``spans_of``; ``tag`` holds the numpy CRF's ``scores`` (looking the features' values up and
summing their weights) and ``decode`` (Viterbi and the marginals), where the checkout has them. To
compare with another checkout, run it with ``PYTHONPATH=OTHER/src``.
"""

from __future__ import annotations

import functools
import sys
import time
from collections import Counter
from pathlib import Path

from briefing import Pipeline, PluginManager
from briefing.model import Briefing

TEXTS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "polnear" / "dev" / "text"
PARTS = ("tag_spans", "find_frames", "rule_statements", "rule_view", "token_features", "spans_of", "link",
         "take_over", "resolve_speaker", "within_turns")


def timed(owner, name: str, spent: Counter) -> None:
    """Replace ``owner.name`` by the same function adding its CPU seconds to ``spent[name]``."""
    function = getattr(owner, name)

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        start = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            spent[name] += time.process_time() - start

    setattr(owner, name, wrapper)


def main() -> None:
    from briefing.statements import linking
    from briefing.statements.plugin import TrainedStatements
    from briefing.statements.tagger import StatementTagger

    count = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    repeat = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    texts = [p.read_text(encoding="utf-8") for p in sorted(TEXTS.glob("*.txt"))[:count]]
    plugins = PluginManager(autoload=False)
    participants = Pipeline(plugins=plugins, metadata="none", issues="none", statements="none")
    docs = list(participants.nlp.pipe(texts, batch_size=8))
    briefings = [participants.extract_from_doc(Briefing(id=f"t{k}", text=t), d)
                 for k, (t, d) in enumerate(zip(texts, docs))]
    statements = TrainedStatements()
    statements.extract(briefings[0], docs[0])  # loads the lexicons and the CRF
    spent: Counter = Counter()
    for name in PARTS:
        timed(linking, name, spent)
    timed(StatementTagger, "tag", spent)
    try:
        from briefing.statements.crf import CrfModel
    except ImportError:  # a checkout that tags with python-crfsuite
        pass
    else:
        timed(CrfModel, "scores", spent)
        timed(CrfModel, "decode", spent)
    runs = []
    for _ in range(repeat):
        start = time.process_time()
        for briefing, doc in zip(briefings, docs):
            statements.extract(briefing, doc)
        runs.append(time.process_time() - start)
    print(f"statements (trained) on {count} texts: {min(runs):.3f} s CPU, fastest of "
          f"{', '.join(f'{r:.3f}' for r in runs)}")
    for name, seconds in spent.most_common():
        print(f"  {name:16s} {seconds / repeat:.3f} s per run")


if __name__ == "__main__":
    main()
