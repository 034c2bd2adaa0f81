"""Training the topic classifier: the label mapping of the NYT project's codes, reading a coded
CSV, fitting on a tiny set of headlines written for this test (never the real data), and the weights
written fitted on train and dev."""

import pytest

from briefing.issues.classifier import load_classifier
from briefing.issues.train_topics import cap_label, fit, main, read_headlines

pytest.importorskip("sklearn", reason="training needs the 'train' extra (scikit-learn)")

ROWS = [
    ("Budget deal trims deficit and taxes", "1"), ("Inflation worries lift interest rates", "1"),
    ("Tax cut plan clears the House", "1"), ("Clinic waits grow as doctors quit", "3"),
    ("Flu vaccine runs short at hospitals", "3"), ("Insurers raise premiums for patients", "3"),
    ("Rain floods the valley again", "26"), ("Team wins the title in overtime", "29"),
    ("Storm knocks out power downtown", "26"),
]


@pytest.mark.parametrize(
    ("code", "label"),
    [("1", "cap:1"), ("20", "cap:20"), ("24", "cap:20"), ("23", "cap:23"), ("11", "none"), ("26", "none"),
     ("29", "none"), ("99", "none")],
)
def test_the_nyt_codes_map_to_cap_topics_or_none(code, label):
    assert cap_label(code) == label


def _write(path, rows):
    """A coded CSV of ``(title, code)`` rows, in the data's columns."""
    path.write_text("id,date,majortopic,title\n" + "".join(f'{n},1/1/99,{code},"{title}"\n' for n, (title, code) in enumerate(rows)),
                    encoding="utf-8")


def test_a_tiny_training_set_gives_a_working_classifier(tmp_path):
    path = tmp_path / "train.csv"
    _write(path, ROWS)
    texts, labels = read_headlines(path)
    assert labels[:3] == ["cap:1"] * 3 and labels[-1] == "none"
    classifier = fit(texts, labels, min_df=1)
    assert set(classifier.labels) == {"cap:1", "cap:3", "none"}
    assert classifier.predict(texts) == labels
    classifier.save(tmp_path / "toy")
    assert load_classifier(tmp_path / "toy").predict(["doctors and patients at the clinic"]) == ["cap:3"]


DEV = [("Drought dries the reservoirs", "7"), ("Reservoirs low after the drought", "7"),
       ("Hospitals short of flu vaccine", "3"), ("Tax cut deal trims the deficit", "1")]


@pytest.mark.parametrize(("flags", "fitted_on", "knows_dev_only_topic"),
                         [((), "train and dev", True), (("--train-only",), "train", False)])
def test_the_weights_written_are_fitted_on_train_and_dev_unless_asked(tmp_path, flags, fitted_on, knows_dev_only_topic):
    """The model is measured fitted on train alone; the one written has seen dev too (the newest
    headlines), so it knows a topic only dev has."""
    _write(tmp_path / "train.csv", ROWS)
    _write(tmp_path / "dev.csv", DEV)
    main([str(tmp_path), "-o", str(tmp_path / "model"), *flags])
    written = load_classifier(tmp_path / "model")
    assert written.about["fitted on"] == fitted_on
    assert ("cap:7" in written.labels) is knows_dev_only_topic
