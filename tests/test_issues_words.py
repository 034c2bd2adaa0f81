"""The words the stance and phrase walks read agree with spaCy's tokens, attribute by attribute and
link by link, and are made a sentence at a time."""

import sys

from spacy.tokens import Doc

from briefing.doc_tables import _tables, sentence_starts
from briefing.issues.words import DocWords, Word, as_words

TEXT = (
    "The minister, who had rejected the levy, said on Monday that the new fees would not fund patrols. "
    "Farmers in the north protested loudly.\n\n"
    "\"We will never accept it,\" their leader told reporters."
)
ATTRIBUTES = ("i", "idx", "text", "lower_", "lower", "lemma_", "lemma", "pos_", "tag_", "dep_", "ent_type_")


def _index(words) -> list[int]:
    return [w.i for w in words]


def test_words_have_the_tokens_attributes_and_links(nlp):
    doc = nlp(TEXT)
    words = DocWords(doc)
    assert len(words) == len(doc)
    for token in doc:
        word = words[token.i]
        assert [getattr(word, name) for name in ATTRIBUTES] == [getattr(token, name) for name in ATTRIBUTES]
        assert len(word) == len(token) and word.depth == len(list(token.ancestors)) and word.doc is doc
        assert word.head is words[token.head.i]
        assert _index(word.children) == [c.i for c in token.children]
        assert _index(word.lefts) == [c.i for c in token.lefts]
        assert _index(word.rights) == [c.i for c in token.rights]
        assert _index(word.subtree) == [c.i for c in token.subtree]
    assert words[3].nbor(1) is words[4] and words[4].nbor(-1) is words[3]


def test_words_are_made_once_a_sentence_at_a_time(nlp):
    doc = nlp(TEXT)
    words = DocWords(doc)
    second = list(doc.sents)[1]
    first = words[second.start + 1]
    assert words[second.start + 1] is first  # one word per token, kept
    made = [i for i, word in enumerate(words._made) if word is not None]
    assert made == list(range(second.start, second.end))
    assert _index(words[second.start : second.end]) == list(range(second.start, second.end))
    assert _index(words[0:3]) == [0, 1, 2]  # a slice over a sentence not made yet
    assert _index(words[-2:]) == [len(doc) - 2, len(doc) - 1]


def test_a_head_outside_its_sentence_makes_the_doc_one_unit(nlp):
    # sentence starts that cut a tree (as a sentencizer run after the parser may): "Then snow" hangs
    # from "fell" but is told to start a sentence
    doc = Doc(nlp.vocab, words=["Rain", "fell", ".", "Then", "snow"], heads=[1, 1, 1, 1, 3],
              deps=["nsubj", "ROOT", "punct", "advmod", "dep"])
    _tables(doc)["sentence_starts"] = [0, 0, 0, 3, 3]
    assert sentence_starts(doc) == [0, 0, 0, 3, 3]
    words = DocWords(doc)
    assert _index(words[1].children) == [t.i for t in doc[1].children] == [0, 2, 3]
    assert words[4].head is words[3] and words[3].head is words[1]


def test_as_words_turns_tokens_into_the_docs_words(nlp):
    doc = nlp(TEXT)
    words = DocWords(doc)
    assert as_words(doc[2:5], words) == words[2:5]
    made = as_words(doc[2:5])
    assert all(isinstance(w, Word) for w in made) and _index(made) == [2, 3, 4]
    assert as_words(made) == made and as_words([]) == []


def test_unlinked_words_hold_no_references_to_one_another(nlp):
    doc = nlp(TEXT)
    words = DocWords(doc)
    word = words[1]  # "minister": it has a head and children, so it is in cycles of references
    assert word.children and sys.getrefcount(word) > 2
    words.unlink()
    assert word.head is None and word.children is None and word.words is None
    assert sys.getrefcount(word) == 2  # the local name and the call's argument: freed once dropped
