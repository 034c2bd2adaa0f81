"""What several extractors read off a parsed text, computed once and kept on the ``Doc``: each
token's text, each token's depth in its sentence's tree, and the noun chunks.

spaCy builds a new ``Token`` object at every ``for token in doc`` and ``doc[i]``, and walks the
tree anew at every ``token.ancestors`` and ``doc.noun_chunks``; over a text's thousand tokens, in
each of several stages, that was the largest single cost of extraction (docs/speed.md). These
tables are plain lists read from the doc's arrays, so a scan can test the words first and build a
``Token`` only for the few it keeps. They are kept in ``doc._.briefing_tables`` (plain lists and
tuples, so the doc still serializes), and describe the doc as parsed: change its tokens or parse
and they are stale.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .nlp import register_extensions

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

__all__ = ["capitalised", "depths", "english_noun_chunk_roots", "head_indices", "lexeme_ids", "noun_chunk_bounds",
           "noun_chunk_roots", "noun_chunks", "sentence_starts", "token_attributes", "token_texts", "tree_depths"]

# Where spaCy keeps ``doc._.briefing_tables`` in ``doc.user_data`` (its key for a doc extension).
_TABLES_KEY = ("._.", "briefing_tables", None, None)


def _tables(doc: Doc) -> dict:
    """The doc's tables: read straight from ``doc.user_data`` once made (every ``doc._`` lookup
    builds an accessor object, and a walk up the tree asks at every step), else made."""
    tables = doc.user_data.get(_TABLES_KEY)
    if tables is not None:
        return tables
    try:
        tables = doc._.briefing_tables
    except AttributeError:  # the extension is not registered yet
        register_extensions()
        tables = doc._.briefing_tables
    if tables is None:
        tables = doc._.briefing_tables = {}
    return tables


def token_texts(doc: Doc) -> list[str]:
    """Each token's text, in order (``[t.text for t in doc]`` without building the tokens)."""
    tables = _tables(doc)
    if "texts" not in tables:
        from spacy.attrs import ORTH

        strings = doc.vocab.strings
        tables["texts"] = [strings[orth] for orth in doc.to_array(ORTH).tolist()]
    return tables["texts"]


def head_indices(doc: Doc) -> list[int]:
    """The index of every token's head (a root is its own), read as one array."""
    from spacy.attrs import HEAD

    return [i + offset for i, offset in enumerate(doc.to_array(HEAD).astype("int64").tolist())]


def tree_depths(heads: list[int]) -> list[int]:
    """Each token's number of ancestors, given each token's head index (a root its own): each chain
    is walked once, and a token's depth is built on its head's."""
    found: list[int | None] = [None] * len(heads)
    for start in range(len(heads)):
        node, path = start, []
        while found[node] is None and heads[node] != node and len(path) < len(heads):
            path.append(node)
            node = heads[node]
        depth = found[node] = found[node] or 0  # a root, or a token already measured
        for below in reversed(path):
            depth += 1
            found[below] = depth
    return found


def depths(doc: Doc) -> list[int]:
    """Each token's number of ancestors (``len(list(token.ancestors))``): 0 for a sentence's root."""
    tables = _tables(doc)
    if "depths" not in tables:
        tables["depths"] = tree_depths(head_indices(doc))
    return tables["depths"]


def noun_chunks(doc: Doc) -> list[Span]:
    """``list(doc.noun_chunks)``, found once."""
    return [doc[start:end] for start, end, _ in noun_chunk_roots(doc)]


def token_attributes(doc: Doc) -> dict[str, list]:
    """Each token's character offset (``idx``), lowercase form (``lower``), part of speech (``pos``),
    fine tag (``tag``), dependency label (``dep``), entity type (``ent_type``, ``""`` outside an
    entity) and lemma (``lemma``), as one list per attribute read from one array."""
    tables = _tables(doc)
    if "columns" not in tables:
        from spacy.attrs import DEP, ENT_TYPE, IDX, LEMMA, LOWER, POS, TAG

        names = ("idx", "lower", "pos", "tag", "dep", "ent_type", "lemma")
        rows = [[]] * len(names)
        if len(doc):
            rows = doc.to_array([IDX, LOWER, POS, TAG, DEP, ENT_TYPE, LEMMA]).T.tolist()
        strings = doc.vocab.strings
        named = {name: [strings[h] for h in row] for name, row in zip(names[1:], rows[1:])}
        tables["columns"] = {"idx": rows[0], **named}
    return tables["columns"]


def sentence_starts(doc: Doc) -> list[int]:
    """The index of the first token of each token's sentence (``token.sent.start``)."""
    tables = _tables(doc)
    if "sentence_starts" not in tables:
        found, start = [], 0
        for i, flag in enumerate(doc.to_array("SENT_START").tolist() if len(doc) else []):
            start = i if flag == 1 or i == 0 else start
            found.append(start)
        tables["sentence_starts"] = found
    return tables["sentence_starts"]


def noun_chunk_roots(doc: Doc) -> list[tuple[int, int, int]]:
    """Each noun chunk as ``(start, end, root)`` token indices (``chunk.root.i``), found once."""
    tables = _tables(doc)
    if "noun_chunk_roots" not in tables:
        found = english_noun_chunk_roots(doc)
        if found is None:
            found = [(chunk.start, chunk.end, chunk.root.i) for chunk in doc.noun_chunks]
        tables["noun_chunk_roots"] = found
    return tables["noun_chunk_roots"]


def capitalised(doc: Doc) -> list[int]:
    """The indices of the tokens whose first character is a capital letter, in order."""
    tables = _tables(doc)
    if "capitalised" not in tables:
        tables["capitalised"] = [i for i, word in enumerate(token_texts(doc)) if word[:1].isupper()]
    return tables["capitalised"]


def noun_chunk_bounds(doc: Doc) -> list[tuple[int, int, int, int]]:
    """Each noun chunk's first and end token and first and end character, without building spans."""
    starts, texts = token_attributes(doc)["idx"], token_texts(doc)
    return [(start, end, starts[start], starts[end - 1] + len(texts[end - 1])) for start, end, _ in noun_chunk_roots(doc)]


def lexeme_ids(doc: Doc) -> dict[str, list[int]]:
    """Each token's lowercase form (``lower``) and lemma (``lemma``) as their ids in the doc's
    string store (``token.lower``, ``token.lemma``), the keys of per-word caches."""
    tables = _tables(doc)
    if "lexeme_ids" not in tables:
        from spacy.attrs import LEMMA, LOWER

        rows = doc.to_array([LOWER, LEMMA]).T.tolist() if len(doc) else [[], []]
        tables["lexeme_ids"] = {"lower": rows[0], "lemma": rows[1]}
    return tables["lexeme_ids"]


#: The dependency labels of a noun chunk's last word in spaCy's English noun chunk iterator.
_NP_LABELS = ("oprd", "nsubj", "dobj", "nsubjpass", "pcomp", "pobj", "dative", "appos", "attr", "ROOT")


def english_noun_chunk_roots(doc: Doc) -> list[tuple[int, int, int]] | None:
    """What :func:`noun_chunk_roots` finds, read off the part-of-speech, label and head columns:
    the rules of spaCy's English noun chunk iterator (``spacy.lang.en.syntax_iterators``) and of
    ``Span.root``, with a ``Token`` built only for the left edge of a chunk's last word (spaCy
    keeps left edges in no column). spaCy's iterator builds a ``Token`` for every word and a
    ``Span`` and its root for every chunk. ``None`` when the doc is not English, not parsed, or
    has its own ``root`` hook: then spaCy's iterator is the one that applies."""
    from spacy.attrs import DEP, POS
    from spacy.lang.en.syntax_iterators import noun_chunks as english
    from spacy.symbols import NOUN, PRON, PROPN

    if doc.vocab.get_noun_chunks is not english or "root" in doc.user_span_hooks or not doc.has_annotation("DEP"):
        return None
    strings = doc.vocab.strings
    np_deps = {strings.add(label) for label in _NP_LABELS}
    conj = strings.add("conj")
    strings.add("NP")  # the label spaCy's iterator adds, so the string store ends the same
    if not len(doc):
        return []
    poses, deps = doc.to_array([POS, DEP]).T.tolist()
    heads = head_indices(doc)
    nouns = {NOUN, PROPN, PRON}
    found, prev_end = [], -1
    for i, (pos, dep) in enumerate(zip(poses, deps)):
        if pos not in nouns:
            continue
        if dep not in np_deps:
            if dep != conj:
                continue
            head = heads[i]
            while deps[head] == conj and heads[head] < head:
                head = heads[head]
            if deps[head] not in np_deps:
                continue
        start = doc[i].left_edge.i
        if start <= prev_end:  # no chunk inside another
            continue
        prev_end = i
        found.append((start, i + 1, _span_root(heads, start, i + 1)))
    return found


def _span_root(heads: list[int], start: int, end: int) -> int:
    """``Span.root``'s index for tokens ``start`` to ``end``: a sentence root among them, else the
    first of those whose head is outside with the fewest steps up to the root."""
    for i in range(start, end):
        if heads[i] == i:
            return i
    best, root = len(heads), start
    for i in range(start, end):
        if start <= heads[i] < end:
            continue
        node, steps = i, 0
        while heads[node] != node and steps < len(heads):
            node, steps = heads[node], steps + 1
        if steps < best:
            best, root = steps, i
    return root
