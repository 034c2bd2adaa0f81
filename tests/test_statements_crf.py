"""The CRF in numpy (``statements/crf.py``): the weights read from CRFsuite's file, and labels and
marginals as python-crfsuite's own tagger gives them, on a small model trained here and on the
shipped one."""

from importlib import resources

import numpy as np
import pytest

from briefing.statements.crf import CrfModel
from briefing.statements.features import COLUMNS, RuleView, token_features
from briefing.statements.quotes import find_quotes
from briefing.statements.tagger import MODEL_RESOURCE

pycrfsuite = pytest.importorskip("pycrfsuite")

#: Made-up sequences: ``word=`` and ``shape`` columns, with labels that depend on the word before.
SEQUENCES = [
    (["said", "she", "it", "rains"], ["B-CUE", "B-SOURCE", "B-CONTENT", "I-CONTENT"]),
    (["it", "rains", "she", "said"], ["B-CONTENT", "I-CONTENT", "B-SOURCE", "B-CUE"]),
    (["nothing", "here"], ["O", "O"]),
    (["she", "said", "nothing"], ["B-SOURCE", "B-CUE", "B-CONTENT"]),
]
NAMES = ("word=", "caps")


def columns_of(words: list[str]) -> list[list[str | None]]:
    return [list(words), ["" if w[0].isupper() else None for w in words]]


def strings_of(words: list[str]) -> list[list[str]]:
    return [[NAMES[0] + w] + (["caps"] if w[0].isupper() else []) for w in words]


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    path = tmp_path_factory.mktemp("crf") / "small.crfsuite"
    trainer = pycrfsuite.Trainer(verbose=False)
    trainer.set_params({"c1": 0.01, "c2": 0.01, "max_iterations": 50, "feature.possible_transitions": True})
    for words, labels in SEQUENCES:
        trainer.append(strings_of(words), labels)
    trainer.train(str(path))
    reference = pycrfsuite.Tagger()
    reference.open(str(path))
    return CrfModel.read(path.read_bytes()), reference


def assert_same_tagging(model: CrfModel, reference, names, columns, bounds, strings):
    labels, marginals = model.decode(model.scores(names, columns), bounds)
    for start, end in bounds:
        expected = reference.tag(strings[start:end])
        assert [model.labels[y] for y in labels[start:end]] == expected
        for k in range(end - start):
            for y, label in enumerate(model.labels):
                assert marginals[start + k, y] == pytest.approx(reference.marginal(label, k), abs=1e-12)


def test_the_weights_are_crfsuites_to_the_printed_decimals(small):
    model, reference = small
    info = reference.info()
    rows = {value: row for value, row in model.tables["word="].items()}
    assert info.state_features
    for (attribute, label), weight in info.state_features.items():
        name, _, value = attribute.partition("=")
        row = rows[value] if name == "word" else model.tables["caps"][""]
        assert model.state[row, model.labels.index(label)] == pytest.approx(weight, abs=1e-6)
    for (before, after), weight in info.transitions.items():
        assert model.transition[model.labels.index(before), model.labels.index(after)] == pytest.approx(weight, abs=1e-6)


def test_unknown_values_and_no_value_score_nothing(small):
    model, _ = small
    scores = model.scores(NAMES, [["unheard-of", None], [None, None]])
    assert np.array_equal(scores, np.zeros((2, len(model.labels))))


def test_sequences_of_different_lengths_tag_as_python_crfsuite_tags_each(small):
    model, reference = small
    sentences = [["she", "said", "it", "rains"], ["Nothing"], ["it", "rains", "she", "said", "said", "nothing"],
                 ["She", "said"]]
    columns, bounds, strings, row = [[], []], [], [], 0
    for words in sentences:
        for column, values in zip(columns, columns_of(words)):
            column += values
        strings += strings_of(words)
        bounds.append((row, row + len(words)))
        row += len(words)
    assert_same_tagging(model, reference, NAMES, columns, bounds, strings)


def test_the_shipped_weights_tag_as_python_crfsuite_does(nlp):
    text = ("The minister said on Monday that the talks would resume.\n"
            "“We are not leaving,” she told reporters. “Nobody wants that.”\n"
            "Short.\n"
            "Prices rose, according to the bureau, while analysts warned of a slowdown in spring.")
    doc = nlp(text)
    paragraphs = token_features(doc, find_quotes(text), RuleView())
    table = paragraphs[0].table
    data = resources.files("briefing").joinpath(MODEL_RESOURCE).read_bytes()
    reference = pycrfsuite.Tagger()
    reference.open_inmemory(data)
    strings = [features for p in paragraphs for features in p.features]
    assert len(paragraphs) == 4 and len({end - start for start, end in table.bounds}) == 3
    assert_same_tagging(CrfModel.read(data), reference, COLUMNS, table.columns, table.bounds, strings)


def test_a_file_of_another_kind_is_refused():
    with pytest.raises(ValueError, match="CRFsuite"):
        CrfModel.read(b"PK\x03\x04" + bytes(60))


def test_a_column_of_one_value_adds_that_values_weights_to_every_row(small):
    model, _ = small
    said = model.state[model.tables["word="]["said"]]
    scores = model.scores(NAMES, [["said"] * 3, [None] * 3])
    assert said.any() and np.array_equal(scores, np.tile(said, (3, 1)))
    mixed = model.scores(NAMES, [["said", "she", "said"], [None] * 3])
    assert np.array_equal(mixed[[0, 2]], scores[[0, 2]])
    assert not np.array_equal(mixed[1], scores[1])
