"""The trained tagger's features: which paragraphs ``token_features`` skips with ``reporting_only``,
and the nearest cue head of each token's sentence."""

import random

from briefing.statements.features import RuleView, _nearest_heads, token_features
from briefing.statements.parse import Parse
from briefing.statements.quotes import find_quotes

PARAGRAPHS = [
    "The council met on Tuesday in the old hall.",  # nothing that reports speech
    "The mayor insisted the roads would be repaired.",  # a cue verb of the lexicon
    "Rents will rise next year, according to the housing board.",  # "according to"
    "The plan drew “strong support” among residents.",  # a quotation mark
    "Her remark surprised the room.",  # a cue noun of the lexicon
    "Snow fell across the valley overnight.",  # nothing
    "The committee weighed the bids until late.",  # nothing, but a rule frame's cue (below)
]


def features_of(nlp, view=None, **options):
    text = "\n".join(PARAGRAPHS)
    doc = nlp(text)
    view = view if view is not None else RuleView()
    return text, {p.start: p.features for p in token_features(doc, find_quotes(text), view, **options)}


def starts(text, numbers):
    return [text.index(PARAGRAPHS[n]) for n in numbers]


def test_reporting_only_keeps_every_paragraph_with_a_cue_or_quote(nlp):
    text, kept = features_of(nlp, reporting_only=True)
    assert sorted(kept) == starts(text, [1, 2, 3, 4])


def test_a_rule_frames_cue_keeps_its_paragraph(nlp):
    text = "\n".join(PARAGRAPHS)
    doc = nlp(text)
    weighed = next(t.i for t in doc if t.text == "weighed")
    _, kept = features_of(nlp, RuleView(frame_cue={weighed}), reporting_only=True)
    assert sorted(kept) == starts(text, [1, 2, 3, 4, 6])


def test_skipping_leaves_the_kept_paragraphs_features_unchanged(nlp):
    """The CRF tags each paragraph alone, so equal features mean equal labels and marginals."""
    _, every = features_of(nlp)
    text, kept = features_of(nlp, reporting_only=True)
    assert len(every) == len(PARAGRAPHS)
    assert kept and all(kept[start] == every[start] for start in kept)


def test_the_nearest_cue_head_is_the_closest_in_the_sentence_the_first_listed_on_a_tie(nlp):
    doc = nlp("The mayor said the roads, the bridges and the tunnels would be repaired soon. "
              "Her deputy agreed and added that the council told the press nothing.")
    parse = Parse.of(doc)
    rows = [i for i in range(len(doc)) if not parse.space[i]]
    chooser = random.Random(7)
    for _ in range(60):
        heads = chooser.sample(rows, chooser.randint(0, 6))
        expected = []
        for i in rows:
            near = [h for h in heads if parse.sent_start[i] <= h < parse.sent_end[i]]
            expected.append(min(near, key=lambda h: abs(h - i)) if near else None)
        assert _nearest_heads(parse, rows, heads) == expected
