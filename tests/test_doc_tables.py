"""The tables kept on a parsed Doc agree with what spaCy's own objects say, and survive serialization."""

from spacy.tokens import Doc

from briefing.doc_tables import depths, depths_of, noun_chunk_bounds, noun_chunks, token_starts, token_texts

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


def test_depths_of_reads_the_kept_depths(nlp):
    doc = nlp(TEXT)
    assert depths_of(doc) == [len(list(t.ancestors)) for t in doc]  # made when not yet kept
    assert depths_of(doc) is depths(doc)


def test_token_starts_and_chunk_bounds_are_spacys(nlp):
    doc = nlp(TEXT)
    assert token_starts(doc) == [t.idx for t in doc]
    assert noun_chunk_bounds(doc) == [(c.start, c.end, c.start_char, c.end_char) for c in doc.noun_chunks]


def test_tables_are_kept_once_and_the_doc_still_serializes(nlp):
    doc = nlp(TEXT)
    assert token_texts(doc) is token_texts(doc)
    depths(doc), noun_chunks(doc)
    copy = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert copy._.briefing_tables["texts"] == [t.text for t in doc]
