"""The numpy CRF against python-crfsuite on the paragraphs the default extractor tags.

    python bench/crf_check.py [N_TEXTS]

Extracts the first N_TEXTS (default 40) PolNeAR dev articles with participants and the default
statements extractor, and for every paragraph its tagger tags, tags the same paragraph's feature
strings with python-crfsuite (the shipped weights, the ``test`` or ``train`` extra). It prints how
many paragraphs got other labels and the largest difference of a marginal (of the folded
probabilities and speech shares that the extractor reads).
"""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path

from briefing import Pipeline, PluginManager
from briefing.statements.tagger import MODEL_RESOURCE, StatementTagger

TEXTS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "polnear" / "dev" / "text"


def reference_tag(tagger, paragraph) -> tuple[list[str], list[float], list[float]]:
    """python-crfsuite's answer, folded as :meth:`StatementTagger.tag` folds its own."""
    known = set(tagger.labels())
    labels, probabilities, speech = [], [], []
    for k, label in enumerate(tagger.tag(paragraph.features)):
        kind, _, name = label.partition("-")
        if kind == "O":
            labels.append("O")
            probabilities.append(tagger.marginal("O", k))
            speech.append(0.0)
            continue
        role = name.removeprefix("X")
        said = tagger.marginal(f"{kind}-{role}", k) if f"{kind}-{role}" in known else 0.0
        other = tagger.marginal(f"{kind}-X{role}", k) if f"{kind}-X{role}" in known else 0.0
        labels.append(f"{kind}-{role}")
        probabilities.append(said + other)
        speech.append(said / (said + other) if said + other else 0.0)
    return labels, probabilities, speech


def main() -> None:
    import pycrfsuite

    count = int(sys.argv[1]) if len(sys.argv) > 1 else 40
    model = resources.files("briefing").joinpath(MODEL_RESOURCE).read_bytes()
    reference = pycrfsuite.Tagger()
    reference.open_inmemory(model)
    compared = differing = 0
    largest = 0.0
    own = StatementTagger.tag

    def tag(self, paragraph):
        nonlocal compared, differing, largest
        found = own(self, paragraph)
        expected = reference_tag(reference, paragraph)
        compared += 1
        differing += found[0] != expected[0]
        for mine, theirs in zip(found[1] + found[2], expected[1] + expected[2], strict=True):
            largest = max(largest, abs(mine - theirs))
        return found

    StatementTagger.tag = tag
    pipeline = Pipeline(plugins=PluginManager(autoload=False), metadata="none", issues="none")
    for path in sorted(TEXTS.glob("*.txt"))[:count]:
        pipeline.extract(path.read_text(encoding="utf-8"))
    print(f"{count} texts, {compared} tagged paragraphs: {differing} with other labels than python-crfsuite's; "
          f"largest difference of a probability or speech share {largest:.2g}")


if __name__ == "__main__":
    main()
