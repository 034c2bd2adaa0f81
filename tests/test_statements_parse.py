"""The parse read as arrays (``briefing.statements.parse``): the same answers as spaCy's own
objects and walks up the tree, on an example text of our own."""

import pytest

from briefing.statements.parse import Parse, top_down

TEXT = (
    "The minister said on Tuesday that the new quotas, which fishers called “a disaster”, would stay.\n\n"
    "“We will not back down,” she told reporters in Oslo. Her deputy, Lars Berg, believes the talks can resume "
    "and wants to meet the fleet's owners.\n"
    "According to the agency, catches fell by 12 percent."
)


@pytest.fixture(scope="module")
def doc(nlp):
    return nlp(TEXT)


@pytest.fixture(scope="module")
def parse(doc):
    return Parse.of(doc)


def test_the_columns_are_the_tokens_attributes(doc, parse):
    for t in doc:
        assert (parse.text[t.i], parse.idx[t.i], parse.lower[t.i], parse.lemma[t.i]) == (
            t.text, t.idx, t.lower_, t.lemma_.lower())
        assert (parse.pos[t.i], parse.tag[t.i], parse.dep[t.i], parse.head[t.i], parse.space[t.i]) == (
            t.pos_, t.tag_, t.dep_, t.head.i, t.is_space)
        assert parse.ent[t.i] == (t.ent_iob_ + t.ent_type_ if t.ent_type else "O")
        assert (parse.sent_start[t.i], parse.sent_end[t.i]) == (t.sent.start, t.sent.end)
    assert any(e != "O" for e in parse.ent)


def test_paragraphs_are_the_non_space_tokens_between_line_breaks(doc, parse):
    groups = parse.paragraphs()
    assert len(groups) == 3 == len([p for p in TEXT.split("\n") if p])
    assert [doc[g[0]].text for g in groups] == ["The", "“", "According"]
    assert all(not doc[i].is_space for g in groups for i in g)


def test_each_token_comes_after_its_head(doc, parse):
    order = top_down(parse.head)
    assert sorted(order) == list(range(len(doc)))
    position = {i: k for k, i in enumerate(order)}
    assert all(position[t.head.i] < position[t.i] for t in doc if t.head.i != t.i)


def _up(parse, i):
    while parse.head[i] != i:
        i = parse.head[i]
        yield i


def test_the_walks_match_a_walk_up_from_each_token(doc, parse):
    """Each walk is built from the head's answer; a step-by-step walk from the token gives the same."""
    cues = {t.i for t in doc if t.lemma_ in {"say", "tell", "call", "believe", "accord"}}
    heads = {i: "clause" for i in cues}
    assert cues
    paths, governors, verbs = parse.cue_paths(heads), parse.governors(cues), parse.verbs_above()
    for t in doc:
        child, path = t.i, None
        for depth in range(12):
            if parse.head[child] in heads:
                path = (parse.dep[child], depth)
                break
            child = parse.head[child]
        assert paths[t.i] == path
        assert governors[t.i] == next((a for d, a in enumerate(_up(parse, t.i)) if a in cues and d <= 11), None)
        child, verb = t.i, None
        for a in _up(parse, t.i):
            if parse.pos[a] in {"VERB", "AUX"} and parse.dep[child] in {"ccomp", "xcomp", "dobj", "prep", "advcl"}:
                verb = a
                break
            child = a
        assert verbs[t.i] == verb
    assert any(p is not None for p in paths) and any(v is not None for v in verbs)


def test_tokens_at_are_the_tokens_char_span_expands_to(doc, parse):
    """Every character range of the text, empty, in a token's trailing space or past the end, gives
    the tokens ``doc.char_span(..., alignment_mode="expand")`` gives (or ``None`` with it)."""
    size = len(TEXT)
    for start in range(-1, size + 2):
        for end in range(start, min(start + 12, size + 2)):
            span = doc.char_span(start, end, alignment_mode="expand") if start >= 0 else None
            expected = None if span is None else (span.start, span.end)
            assert parse.tokens_at(start, end) == expected, (start, end)


def test_the_order_is_top_down_from_the_kept_depths(parse):
    assert parse.order == top_down(parse.head)
