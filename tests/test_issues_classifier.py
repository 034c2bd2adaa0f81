"""The topic classifier: hashed features, the shipped weights, prediction for all texts at once,
and saving and loading. The example texts are written for these tests."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.errors import BriefingError
from briefing.issues.classifier import NO_TOPIC, TopicClassifier, load_classifier
from briefing.issues.features import CHARS, WORDS, count, weigh
from briefing.testing.strategies import texts


@pytest.fixture(scope="module")
def classifier():
    return load_classifier()


def test_features_are_words_pairs_and_character_grams():
    counts = count(["tax cuts", "tax tax"])
    first = slice(counts.indptr[0], counts.indptr[1])
    # "tax", "cuts", "tax cuts" and the 3- to 5-grams of " tax " and " cuts "
    assert (counts.blocks[first] == WORDS).sum() == 3
    assert (counts.blocks[first] == CHARS).sum() == 3 + 2 + 1 + 4 + 3 + 2
    second = slice(counts.indptr[1], counts.indptr[2])
    words = counts.blocks[second] == WORDS
    assert sorted(counts.counts[second][words]) == [1, 2]  # "tax tax" once, "tax" twice


def test_stop_words_are_no_features():
    """They say how a text is put, not what about: a spoken turn full of them reads as its other words do."""
    counts = count(["Well, we want our taxes cut, and I told them so", "want taxes cut, told"])
    rows = [set(counts.buckets[counts.indptr[n]:counts.indptr[n + 1]].tolist()) for n in range(2)]
    assert rows[0] == rows[1]


@given(st.lists(texts, min_size=1, max_size=4))
@settings(max_examples=30)
def test_each_block_of_each_row_is_scaled_to_unit_length(batch):
    counts = count(batch)
    values = weigh(counts, np.ones(len(counts.buckets)))
    for row in range(len(batch)):
        for block in (WORDS, CHARS):
            mine = values[(counts.rows == row) & (counts.blocks == block)]
            assert len(mine) == 0 or np.isclose(np.sum(mine**2), 1.0, atol=1e-5)


@given(st.lists(st.sampled_from(["tax cuts", "", "the fleet sails", "tax cuts", "!!"]), min_size=1, max_size=6))
@settings(max_examples=30)
def test_each_text_counts_as_it_does_alone(batch):
    """Counting texts together (one sort of every text's features, a repeated text reused) gives
    each text the row it gets counted alone."""
    together = count(batch)
    for row, text in enumerate(batch):
        alone, mine = count([text]), slice(together.indptr[row], together.indptr[row + 1])
        assert together.buckets[mine].tolist() == alone.buckets.tolist()
        assert together.counts[mine].tolist() == alone.counts.tolist()
        assert together.blocks[mine].tolist() == alone.blocks.tolist()


def test_scores_are_the_weighted_sums_of_the_known_features(classifier):
    """Each score is the bias plus the sum, over the features the classifier knows, of value times
    weight; the unknown ones are left out."""
    batch = ["Congress votes to cut income taxes", "zzqx wvvk", "Hospitals brace for a flu season"]
    counts = count(batch)
    at = np.searchsorted(classifier.buckets, counts.buckets).clip(0, len(classifier.buckets) - 1)
    known = classifier.buckets[at] == counts.buckets
    values = weigh(counts, np.where(known, classifier.idf[at], 0.0))
    for row, scores in enumerate(classifier.scores(batch)):
        mine = np.flatnonzero(known & (counts.rows == row))
        expected = classifier.bias + (values[mine, None] * classifier.weights[at[mine]].astype(np.float64)).sum(axis=0)
        assert np.allclose(scores, expected)


def test_the_shipped_classifier_has_every_cap_major_topic_and_none(classifier):
    assert NO_TOPIC in classifier.labels
    assert {f"cap:{n}" for n in (1, 3, 6, 9, 12, 16, 19, 20, 23)} <= set(classifier.labels)
    assert classifier.weights.shape == (len(classifier.buckets), len(classifier.labels))
    assert np.all(np.diff(classifier.buckets) > 0)


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("Congress votes to cut income taxes and shrink the deficit", "cap:1"),
        ("Hospitals brace for a shortage of flu vaccine", "cap:3"),
        ("School boards weigh longer days for pupils", "cap:6"),
        ("Pentagon orders more fighter jets for the Air Force", "cap:16"),
        ("Senate candidates trade barbs in final debate before the primary", "cap:20"),
        ("The Yankees beat the Red Sox in extra innings", NO_TOPIC),
    ],
)
def test_a_headline_gets_its_topic(classifier, text, topic):
    assert classifier.predict([text]) == [topic]


def test_all_texts_at_once_score_as_each_alone(classifier):
    batch = ["Hospitals brace for a shortage of flu vaccine", "", "The Yankees beat the Red Sox"]
    together = classifier.probabilities(batch)
    alone = np.vstack([classifier.probabilities([t]) for t in batch])
    assert np.allclose(together, alone)
    assert np.allclose(together.sum(axis=1), 1.0)
    assert classifier.predict([]) == []


def test_saved_weights_load_back(tmp_path):
    made = TopicClassifier(("cap:1", "cap:3", NO_TOPIC), np.array([5, 9]), np.array([1.0, 2.0]),
                           np.array([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]]), np.zeros(3), 2.0, {"data": "made up"})
    made.save(tmp_path / "toy")
    loaded = load_classifier(tmp_path / "toy")
    assert (loaded.labels, loaded.temperature, loaded.about) == (made.labels, 2.0, {"data": "made up"})
    assert np.array_equal(loaded.buckets, made.buckets) and np.allclose(loaded.weights, made.weights)


def test_unreadable_weights_name_the_file(tmp_path):
    (tmp_path / "broken.json").write_text('{"labels": ["a"]}', encoding="utf-8")
    with pytest.raises(BriefingError, match="broken"):
        load_classifier(tmp_path / "broken")


def test_softening_flattens_the_probabilities_and_keeps_their_order(classifier):
    text = ["Hospitals must get more vaccine doses for the flu season"]
    sure, soft = classifier.probabilities(text)[0], classifier.probabilities(text, 0.4)[0]
    assert soft.max() < sure.max()
    assert list(np.argsort(-soft)) == list(np.argsort(-sure))
    assert soft.sum() == pytest.approx(1.0)
