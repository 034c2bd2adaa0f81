"""Training the topic classifier: the label mapping of the NYT project's codes, reading a coded
CSV, and fitting on a tiny set of headlines written for this test (never the real data)."""

import pytest

from briefing.issues.classifier import load_classifier
from briefing.issues.train_topics import cap_label, fit, read_headlines

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


def test_a_tiny_training_set_gives_a_working_classifier(tmp_path):
    path = tmp_path / "train.csv"
    path.write_text("id,date,majortopic,title\n" + "".join(f'{n},1/1/99,{code},"{title}"\n' for n, (title, code) in enumerate(ROWS)),
                    encoding="utf-8")
    texts, labels = read_headlines(path)
    assert labels[:3] == ["cap:1"] * 3 and labels[-1] == "none"
    classifier = fit(texts, labels, min_df=1)
    assert set(classifier.labels) == {"cap:1", "cap:3", "none"}
    assert classifier.predict(texts) == labels
    classifier.save(tmp_path / "toy")
    assert load_classifier(tmp_path / "toy").predict(["doctors and patients at the clinic"]) == ["cap:3"]
