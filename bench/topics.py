"""Topic classification of CAP-coded headlines: the classifier's recipe fitted on train in this run,
the taxonomy's terms alone, and a TF-IDF + linear SVM baseline trained in this run, each scored on
the same dev headlines; then why the shipped weights are fitted on train and dev together: the same
recipe fitted on train without its last year, and on as many years but newer ones, and on more,
each scored on train's last year and on dev.

    python bench/topics.py [DATA_DIR]

DATA_DIR (default ../shared/corpus/cap_nyt) holds train.csv and dev.csv. Labels are CAP major topics
and ``none`` (see ``briefing.issues.train_topics.cap_label``). The lexicon's answer is its most
mentioned topic (the first in the taxonomy on a tie), ``none`` when no term occurs. The shipped
weights (``briefing/data/topics-cap``) have seen dev, so they are not scored on it. Needs the
``train`` extra (scikit-learn); about a minute.
"""

from __future__ import annotations

import csv
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


def years(path: Path) -> list[int]:
    """The year of each row of a CAP-coded CSV (its ``date`` is M/D/YY)."""
    with open(path, encoding="utf-8", newline="") as handle:
        short = [int(row["date"].rsplit("/", 1)[-1]) for row in csv.DictReader(handle)]
    return [y + (1900 if y > 50 else 2000) for y in short]


def main(data: Path) -> None:
    from importlib import resources

    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.svm import LinearSVC

    from briefing.issues.taxonomy import load_taxonomy
    from briefing.issues.train_topics import fit, read_headlines, score

    texts, labels = read_headlines(data / "train.csv")
    dev_texts, dev_labels = read_headlines(data / "dev.csv")
    vectorizer = TfidfVectorizer()
    baseline = LinearSVC(random_state=0).fit(vectorizer.fit_transform(texts), labels)
    taxonomy = load_taxonomy(resources.files("briefing").joinpath("data/taxonomy-cap.json"))
    rows = {
        "classifier (the shipped recipe, fitted on train here)": fit(texts, labels).predict(dev_texts),
        "lexicon (taxonomy-cap.json, top topic)": [lexicon_topic(taxonomy, t) for t in dev_texts],
        "TF-IDF + LinearSVC baseline": list(baseline.predict(vectorizer.transform(dev_texts))),
    }
    print(f"CAP-coded headlines: train {len(texts)}, dev {len(dev_texts)}, {len(set(labels))} labels\n")
    print("| model | dev accuracy | dev macro-F1 |\n| --- | --- | --- |")
    for name, predicted in rows.items():
        accuracy, macro_f1 = score(dev_labels, predicted)
        print(f"| {name} | {accuracy:.3f} | {macro_f1:.3f} |")

    year = years(data / "train.csv")
    newest = max(year)
    later = [(t, label) for t, label, y in zip(texts, labels, year, strict=True) if y == newest]
    first = min(year)
    print(f"\nNewer headlines: the recipe fitted on years of train before its last, scored on {newest} and on dev\n")
    print(f"| fitted on | {newest} accuracy | dev accuracy |\n| --- | --- | --- |")
    for start, last in ((first, newest - 2), (first + 1, newest - 1), (first, newest - 1)):
        chosen = [(t, label) for t, label, y in zip(texts, labels, year, strict=True) if start <= y <= last]
        model = fit([t for t, _ in chosen], [label for _, label in chosen])
        after = score([label for _, label in later], model.predict([t for t, _ in later]))[0]
        print(f"| {start}–{last} ({len(chosen)} headlines) | {after:.3f} | {score(dev_labels, model.predict(dev_texts))[0]:.3f} |")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_DATA)
