import spacy

from briefing.nlp import load_pipeline, model_name, needed_components


def test_needed_components_add_what_feeds_them_and_the_shared_encoder_they_listen_to(nlp):
    assert nlp.pipe_names == ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"]
    assert needed_components(nlp, [("parser", "ner")]) == ("tok2vec", "parser", "ner")
    assert needed_components(nlp, [("ner",)]) == ("ner",)
    assert needed_components(nlp, [("lemmatizer",)]) == ("tok2vec", "tagger", "attribute_ruler", "lemmatizer")
    assert needed_components(nlp, [()]) == ()


def test_an_extractor_declaring_nothing_gets_every_component(nlp):
    assert needed_components(nlp, [("ner",), None]) == tuple(nlp.pipe_names)
    assert needed_components(nlp, []) == ()


def test_model_name_loads_the_same_pipeline_again(nlp):
    name = model_name(nlp)
    assert load_pipeline(name).pipe_names == nlp.pipe_names
    assert model_name(spacy.blank("en")) is None


def test_doc_text_is_the_docs_text_joined_from_its_columns_and_kept(nlp):
    from briefing.nlp import doc_text

    for text in ("", "  ", "Ann said:  “Yes.”\n\n\tBob\u00a0left. ", "no trailing space"):
        doc = nlp(text)
        assert doc_text(doc) == doc.text == text
        assert doc_text(doc) is doc_text(doc)
