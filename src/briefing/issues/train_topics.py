"""Train the topic classifier on CAP-coded headlines and write its weights.

    python -m briefing.issues.train_topics ../shared/corpus/cap_nyt [-o src/briefing/data/topics-cap]

The directory holds ``train.csv`` and ``dev.csv`` (columns ``title`` and ``majortopic``). The model is
fitted on train (a linear SVM and complement naive Bayes from scikit-learn, the ``train`` extra, over
:mod:`.features`, summed into one linear model), measured on dev, and dev sets the softmax
temperature (the best label does not depend on it). The weights written are then fitted the same way
on train and dev together: topics drift from year to year, and the newest headlines are the closest
to the texts it will read (``--train-only`` writes the model measured instead). Training is
deterministic: the same files give the same weights.
"""

from __future__ import annotations

import argparse
import csv
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from .classifier import NO_TOPIC, TopicClassifier
from .features import BUCKETS, count, weigh

__all__ = ["cap_label", "fit", "read_headlines", "score"]

# The Boydstun NYT project's own codes beyond CAP's: 24 state and local government administration
# (budgets, public jobs, contracts, local elections) is what CAP codes as government operations; 26
# weather and disasters, 27 fires, 29 sports, 30 deaths, 31 religion and 99 other name no policy topic.
_STATE_AND_LOCAL = "24"
_CAP_MAJOR = {str(n) for n in range(1, 24) if n not in (11, 22)}
_ABOUT = {
    "data": "Boydstun New York Times front-page dataset, CAP major topics (1996-2003 train, 2004 dev), "
            "from poltextLAB's nyt_hybrid_classification_workflow",
    "licence": "MIT (poltextlab, 2022)",
    "labels": "CAP major topics 1-23; NYT code 24 (state and local government) as cap:20; 26-31 and 99 as none",
}


def cap_label(code: str) -> str:
    """The classifier's label for a NYT project code: ``cap:N`` for a CAP major topic (24, state
    and local government, counts as 20, government operations), ``none`` for the rest."""
    code = code.strip()
    if code == _STATE_AND_LOCAL:
        return "cap:20"
    return f"cap:{code}" if code in _CAP_MAJOR else NO_TOPIC


def read_headlines(path: str | Path) -> tuple[list[str], list[str]]:
    """The titles of a CAP-coded CSV and their labels (:func:`cap_label`)."""
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return [row["title"] for row in rows], [cap_label(row["majortopic"]) for row in rows]


def score(gold: Sequence[str], predicted: Sequence[str]) -> tuple[float, float]:
    """Accuracy and macro-F1 (over the labels in either list)."""
    from sklearn.metrics import accuracy_score, f1_score

    return float(accuracy_score(gold, predicted)), float(f1_score(gold, predicted, average="macro", zero_division=0))


def fit(texts: Sequence[str], labels: Sequence[str], *, c: float = 0.4, min_df: int = 2, nb_alpha: float = 0.1,
        nb_weight: float = 0.3) -> TopicClassifier:
    """A classifier fitted on ``texts``: features seen in at least ``min_df`` texts, weighed by
    smoothed idf; the scores of a one-against-the-rest linear SVM (regularisation ``c``) plus
    ``nb_weight`` times those of a complement naive Bayes (smoothing ``nb_alpha``), centred over the
    labels. Both are linear in the features, so their sum is one weight matrix. Naive Bayes adds
    what rare words say about the smaller topics, where the SVM's margin is thin."""
    from scipy.sparse import csr_matrix
    from sklearn.naive_bayes import ComplementNB
    from sklearn.svm import LinearSVC

    counts = count(texts)
    rows = counts.rows
    present = np.unique(rows * BUCKETS + counts.buckets) % BUCKETS
    df = np.bincount(present, minlength=BUCKETS)
    vocabulary = np.flatnonzero(df >= min_df)
    idf = (np.log((1 + len(texts)) / (1 + df[vocabulary])) + 1).astype(np.float32)
    at = np.minimum(np.searchsorted(vocabulary, counts.buckets), len(vocabulary) - 1)
    known = vocabulary[at] == counts.buckets
    values = weigh(counts, np.where(known, idf[at], 0.0))
    matrix = csr_matrix((values[known], (rows[known], at[known])), shape=(len(texts), len(vocabulary)))
    labels = list(labels)
    if len(set(labels)) < 3:
        raise ValueError(f"a topic classifier needs at least three labels, got {sorted(set(labels))}")
    svm = LinearSVC(C=c, random_state=0, max_iter=5000).fit(matrix, labels)
    bayes = ComplementNB(alpha=nb_alpha).fit(matrix, labels)
    log_prob = bayes.feature_log_prob_ - bayes.feature_log_prob_.mean(axis=0)
    weights = svm.coef_ + nb_weight * log_prob
    return TopicClassifier(tuple(svm.classes_), vocabulary.astype(np.int64), idf, weights.T.astype(np.float32),
                           svm.intercept_.astype(np.float64))


def temperature(classifier: TopicClassifier, texts: Sequence[str], labels: Sequence[str]) -> float:
    """The softmax temperature that makes the probabilities of ``labels`` most likely."""
    scores = classifier.scores(texts)
    gold = np.array([classifier.labels.index(label) if label in classifier.labels else -1 for label in labels])
    scores, gold = scores[gold >= 0], gold[gold >= 0]

    def likelihood(t: float) -> float:
        scaled = scores * t
        top = scaled.max(axis=1, keepdims=True)
        log_total = np.log(np.exp(scaled - top).sum(axis=1)) + top[:, 0]
        return float((scaled[np.arange(len(gold)), gold] - log_total).mean())

    return max((0.5 * step for step in range(1, 41)), key=likelihood)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", type=Path, help="directory with train.csv and dev.csv")
    parser.add_argument("-o", "--output", type=Path, default=Path(__file__).parents[1] / "data" / "topics-cap",
                        help="where to write NAME.npz and NAME.json (default: the shipped weights)")
    parser.add_argument("--train-only", action="store_true",
                        help="write the model fitted on train alone (the one measured), not on train and dev")
    args = parser.parse_args(argv)
    texts, labels = read_headlines(args.data / "train.csv")
    dev_texts, dev_labels = read_headlines(args.data / "dev.csv")
    measured = fit(texts, labels)
    accuracy, macro_f1 = score(dev_labels, measured.predict(dev_texts))
    fitted_on = "train" if args.train_only else "train and dev"
    about = {**_ABOUT, "train": len(texts), "dev": len(dev_texts), "fitted on": fitted_on,
             "dev accuracy": round(accuracy, 4), "dev macro-F1": round(macro_f1, 4),
             "measured": "dev scores of the same recipe fitted on train alone"}
    final = measured if args.train_only else fit([*texts, *dev_texts], [*labels, *dev_labels])
    classifier = TopicClassifier(final.labels, final.buckets, final.idf, final.weights, final.bias,
                                 temperature(measured, dev_texts, dev_labels), about)
    classifier.save(args.output)
    print(f"{len(classifier.buckets)} features, {len(classifier.labels)} labels, temperature {classifier.temperature}; "
          f"fitted on train alone: dev accuracy {accuracy:.4f}, macro-F1 {macro_f1:.4f}; "
          f"wrote the model fitted on {fitted_on} to {args.output}.npz and .json")


if __name__ == "__main__":
    main()
