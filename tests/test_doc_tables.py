"""The tables kept on a parsed Doc agree with what spaCy's own objects say, and survive serialization."""

from hypothesis import given, settings
from spacy.tokens import Doc

from briefing.doc_tables import (
    capitalised, depths, english_noun_chunk_roots, lexeme_ids, noun_chunk_bounds, noun_chunk_roots, noun_chunks,
    sentence_starts, token_attributes, token_texts,
)
from briefing.testing.strategies import dependency_trees

TEXT = (
    "The Foreign Minister of Norway, Anders Lunde, met his Canadian counterpart on Tuesday. "
    "\"We cannot manage what we do not measure,\" he told reporters in Ottawa after the talks.\n\n"
    "Officials from both countries said the new fees would fund coast guard patrols."
)


def test_token_texts_are_the_tokens_texts(nlp):
    doc = nlp(TEXT)
    assert token_texts(doc) == [t.text for t in doc]


def test_depths_count_each_tokens_ancestors(nlp):
    doc = nlp(TEXT)
    assert depths(doc) == [len(list(t.ancestors)) for t in doc]
    assert {depths(doc)[s.root.i] for s in doc.sents} == {0}


def test_noun_chunks_are_spacys(nlp):
    doc = nlp(TEXT)
    assert [(c.start, c.end) for c in noun_chunks(doc)] == [(c.start, c.end) for c in doc.noun_chunks]
    assert [c.text for c in noun_chunks(doc)] == [c.text for c in doc.noun_chunks]


def test_token_columns_are_the_tokens_attributes(nlp):
    doc = nlp(TEXT)
    columns = token_attributes(doc)
    for name, attribute in [("idx", "idx"), ("lower", "lower_"), ("pos", "pos_"), ("tag", "tag_"), ("dep", "dep_"),
                            ("ent_type", "ent_type_"), ("lemma", "lemma_")]:
        assert columns[name] == [getattr(t, attribute) for t in doc], name
    assert token_attributes(nlp("")) == {name: [] for name in columns}


def test_sentence_starts_and_capitals(nlp):
    doc = nlp(TEXT)
    assert sentence_starts(doc) == [t.sent.start for t in doc]
    assert len(set(sentence_starts(doc))) == len(list(doc.sents)) > 1
    assert capitalised(doc) == [t.i for t in doc if t.text[:1].isupper()]


def test_noun_chunk_roots_are_spacys(nlp):
    doc = nlp(TEXT)
    assert noun_chunk_roots(doc) == [(c.start, c.end, c.root.i) for c in doc.noun_chunks]
    other = nlp(TEXT)
    noun_chunk_roots(other)
    assert [(c.start, c.end) for c in noun_chunks(other)] == [(c.start, c.end) for c in doc.noun_chunks]


@settings(max_examples=300, deadline=None)
@given(tree=dependency_trees())
def test_noun_chunks_read_off_the_columns_are_spacys_on_any_tree(nlp, tree):
    doc = Doc(nlp.vocab, **tree)
    assert english_noun_chunk_roots(doc) == [(c.start, c.end, c.root.i) for c in doc.noun_chunks]


def test_noun_chunks_off_the_columns_only_where_spacys_english_rules_apply(nlp):
    assert english_noun_chunk_roots(nlp(TEXT)) == [(c.start, c.end, c.root.i) for c in nlp(TEXT).noun_chunks]
    assert english_noun_chunk_roots(nlp("")) == []
    assert english_noun_chunk_roots(Doc(nlp.vocab, words=["no", "parse"])) is None
    hooked = nlp(TEXT)
    hooked.user_span_hooks["root"] = lambda span: span[0]
    assert english_noun_chunk_roots(hooked) is None
    assert noun_chunk_roots(hooked) == [(c.start, c.end, c.start) for c in hooked.noun_chunks]


def test_tables_are_read_back_once_made(nlp):
    doc = nlp(TEXT)
    assert depths(doc) == [len(list(t.ancestors)) for t in doc]  # made when not yet kept
    assert depths(doc) is depths(doc) is doc._.briefing_tables["depths"]


def test_chunk_bounds_are_spacys(nlp):
    doc = nlp(TEXT)
    assert noun_chunk_bounds(doc) == [(c.start, c.end, c.start_char, c.end_char) for c in doc.noun_chunks]


def test_tables_are_kept_once_and_the_doc_still_serializes(nlp):
    doc = nlp(TEXT)
    assert token_texts(doc) is token_texts(doc)
    assert token_attributes(doc) is token_attributes(doc)
    depths(doc), noun_chunks(doc), noun_chunk_roots(doc), sentence_starts(doc), capitalised(doc)
    copy = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert copy._.briefing_tables["texts"] == [t.text for t in doc]


def test_lexeme_ids_are_the_tokens_ids(nlp):
    doc = nlp(TEXT)
    assert lexeme_ids(doc) == {"lower": [t.lower for t in doc], "lemma": [t.lemma for t in doc]}
    assert lexeme_ids(nlp("")) == {"lower": [], "lemma": []}
