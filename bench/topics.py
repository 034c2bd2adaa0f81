"""Topic classification of CAP-coded headlines: the shipped classifier, the taxonomy's terms alone, and
a TF-IDF + linear SVM baseline trained in this run, each scored on the same dev headlines.

    python bench/topics.py [DATA_DIR]

DATA_DIR (default ../shared/corpus/cap_nyt) holds train.csv and dev.csv. Labels are CAP major topics
and ``none`` (see ``briefing.issues.train_topics.cap_label``). The lexicon's answer is its most
mentioned topic (the first in the taxonomy on a tie), ``none`` when no term occurs. Needs the
``train`` extra (scikit-learn) for the baseline and the scores.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "corpus" / "cap_nyt"


def lexicon_topic(taxonomy, text: str) -> str:
    """The taxonomy's top topic for a text: the code with most term matches (a finer issue's count
    for its topic), ``none`` without any."""
    order = list(dict.fromkeys(topic.code for topic in taxonomy.topics if topic.code))
    totals = Counter()
    for topic in taxonomy.topics:
        if topic.code:
            totals[topic.code] += len(topic.find(text))
    best = max(order, key=lambda code: (totals[code], -order.index(code)))
    return best if totals[best] else "none"


def main(data: Path) -> None:
    from importlib import resources

    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.svm import LinearSVC

    from briefing.issues.classifier import load_classifier
    from briefing.issues.taxonomy import load_taxonomy
    from briefing.issues.train_topics import read_headlines, score

    texts, labels = read_headlines(data / "train.csv")
    dev_texts, dev_labels = read_headlines(data / "dev.csv")
    vectorizer = TfidfVectorizer()
    baseline = LinearSVC(random_state=0).fit(vectorizer.fit_transform(texts), labels)
    taxonomy = load_taxonomy(resources.files("briefing").joinpath("data/taxonomy-cap.json"))
    rows = {
        "classifier (briefing/data/topics-cap)": load_classifier().predict(dev_texts),
        "lexicon (taxonomy-cap.json, top topic)": [lexicon_topic(taxonomy, t) for t in dev_texts],
        "TF-IDF + LinearSVC baseline": list(baseline.predict(vectorizer.transform(dev_texts))),
    }
    print(f"CAP-coded headlines: train {len(texts)}, dev {len(dev_texts)}, {len(set(labels))} labels\n")
    print("| model | dev accuracy | dev macro-F1 |\n| --- | --- | --- |")
    for name, predicted in rows.items():
        accuracy, macro_f1 = score(dev_labels, predicted)
        print(f"| {name} | {accuracy:.3f} | {macro_f1:.3f} |")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_DATA)
