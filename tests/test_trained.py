"""The ``trained`` statements extractor: shipped weights, extraction, properties, evaluation."""

from importlib import resources

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing import Pipeline
from briefing.formats.brat import Attribution
from briefing.cli import main
from briefing.statements.features import FeatureTable, Paragraph
from briefing.statements.linking import extract_statements
from briefing.statements.tagger import MODEL_RESOURCE, StatementTagger, gold_labels, spans_of
from conftest import need_corpus
from briefing.testing.strategies import prose

TEXT = (
    "Harbour Pact Talks Stall\n\n"
    "Fisheries Minister Claire Dubois said on Tuesday that the quota talks would resume in May. "
    "“We are not walking away,” she told reporters in Halifax. “Nobody here wants a trade war.”\n\n"
    'The so-called "grey zone" was not discussed, according to Foreign Minister Anders Lunde.\n'
)


@pytest.fixture(scope="module")
def tagger():
    return StatementTagger()


@pytest.fixture
def trained(nlp, plugins):
    return Pipeline(nlp=nlp, plugins=plugins, statements="trained", issues="none")


def summary(briefing):
    names = {p.id: p.name for p in briefing.participants}
    return [(names.get(s.speaker), s.kind, s.source.text if s.source else None, s.cue.text if s.cue else None,
             [c.text for c in s.content]) for s in briefing.statements]


def test_the_weights_ship_in_the_package_and_are_small():
    model = resources.files("briefing").joinpath(MODEL_RESOURCE)
    assert model.is_file()
    assert len(model.read_bytes()) < 30_000_000


def test_weights_load_lazily_once(nlp, tagger):
    assert tagger._model is None
    extract_statements(nlp("Kelly said no."), [], [], tagger)
    loaded = tagger._model
    assert loaded is not None and {"B-CONTENT", "I-CONTENT", "B-CUE", "B-SOURCE", "O"} <= set(loaded.labels)
    extract_statements(nlp("Tillerson said yes."), [], [], tagger)
    assert tagger._model is loaded


def test_reported_direct_and_interrupted_speech(trained):
    assert summary(trained.extract(TEXT)) == [
        ("Claire Dubois", "indirect", "Fisheries Minister Claire Dubois", "said",
         ["that the quota talks would resume in May"]),
        ("Claire Dubois", "direct", "she", "told",
         ["“We are not walking away,”", "“Nobody here wants a trade war.”"]),
        ("Anders Lunde", "mixed", "Foreign Minister Anders Lunde", "according to",
         ['The so-called "grey zone" was not discussed']),
    ]


def test_confidence_comes_from_the_model(trained):
    for statement in trained.extract(TEXT).statements:
        assert 0.0 < statement.confidence <= 1.0


def test_scare_quotes_are_not_statements(trained):
    assert trained.extract('The so-called "reform" was passed on Monday.').statements == ()


def test_gold_labels_mark_each_piece_of_a_discontinuous_content(nlp):
    text = "“We will win,” Ortiz said. “Nobody doubts it.”"
    doc = nlp(text)
    content = ((0, 14), (text.index("“Nobody"), len(text)))
    cue = ((text.index("said"), text.index("said") + 4),)
    source = ((text.index("Ortiz"), text.index("Ortiz") + 5),)
    labels = gold_labels(list(doc), [Attribution(content=content, cue=cue, source=source)])
    assert [t.text for t in doc] == ["“", "We", "will", "win", ",", "”", "Ortiz", "said", ".",
                                     "“", "Nobody", "doubts", "it", ".", "”"]
    assert labels == ["B-CONTENT"] + ["I-CONTENT"] * 5 + ["B-SOURCE", "B-CUE", "O", "B-CONTENT"] + ["I-CONTENT"] * 5
    spans = spans_of(Paragraph(doc, list(range(len(doc))), FeatureTable([], [(0, len(doc))]), 0), labels, [1.0] * len(doc))
    assert [(s.role, text[s.start : s.end]) for s in spans] == [
        ("CONTENT", "“We will win,”"), ("SOURCE", "Ortiz"), ("CUE", "said"), ("CONTENT", "“Nobody doubts it.”")]


@settings(max_examples=40,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(prose)
def test_never_raises_and_spans_are_valid(nlp, tagger, text):
    found, added = extract_statements(nlp(text), [], [], tagger)
    for statement in found:
        spans = [*statement.content, *(s for s in (statement.cue, statement.source) if s is not None)]
        for span in spans:
            assert 0 <= span.start <= span.end <= len(text)
            assert text[span.start : span.end] == span.text
        assert statement.content and all(len(c) for c in statement.content)
        assert 0.0 <= statement.confidence <= 1.0
    known = {p.id for p in added}
    assert all(s.speaker is None or s.speaker in known for s in found)


@pytest.mark.corpus
def test_evaluate_scores_the_trained_extractor(capsys):
    dev = need_corpus() / "polnear" / "dev"
    assert main(["evaluate", str(dev), "--statements", "trained", "--limit", "5", "--no-plugins"]) == 0
    out = capsys.readouterr().out
    assert "articles 5  without prediction 0" in out
    speech = next(line for line in out.splitlines() if line.startswith("speech"))
    loose_f1 = float(speech.split(")")[0].split(",")[-1])
    assert loose_f1 > 0.6


@pytest.mark.corpus
def test_the_seed_article_speakers_and_no_scare_quote(nlp, plugins, seed_path):
    seed = Pipeline(nlp=nlp, plugins=plugins, statements="trained", issues="none").extract(seed_path)
    names = {p.id: p.name for p in seed.participants}
    found = {(names.get(s.speaker), s.kind, s.cue.text if s.cue else None, s.content[0].start, s.content[-1].end)
             for s in seed.statements}
    # Offsets into the article (its words are not copied here); test_seed.py has the same statements.
    assert {
        ("Luis Videgaray", "indirect", "emphasized", 849, 880),
        ("Luis Videgaray", "mixed", "expressed", 982, 1242),
        ("Rex Tillerson", "indirect", "emphasized", 2121, 2294),
        ("Miguel Angel Osorio Chong", "mixed", "said", 2759, 2827),
        ("John Kelly", "direct", ":", 3233, 3728),
        ("John Kelly", "mixed", "added", 3748, 3803),
    } <= found
    scare = 1328  # the scare-quoted term
    assert not any(c.start <= scare < c.end for s in seed.statements for c in s.content)


@given(st.lists(st.integers(0, 40), min_size=1, max_size=40), st.randoms(use_true_random=False))
def test_governs_counts_the_tokens_below_the_cue_as_a_walk_up_from_each_does(parents, random):
    from briefing.statements.linking import _governs

    # a random tree: token k's head is an earlier token (in a shuffled order), the first a root
    order = list(range(len(parents)))
    random.shuffle(order)
    heads = [0] * len(order)
    for place, token in enumerate(order):
        heads[token] = token if place == 0 else order[parents[place] % place]

    def above(ancestor, i):
        while heads[i] != i:
            i = heads[i]
            if i == ancestor:
                return True
        return False

    for cue in range(len(heads)):
        for first in range(len(heads)):
            tokens = list(range(first, min(first + 6, len(heads))))
            assert _governs(heads, cue, tokens) == (sum(above(cue, i) for i in tokens) * 2 > len(tokens))
