"""The trained tagger's features: which paragraphs ``token_features`` skips with ``reporting_only``."""

from briefing.statements.features import RuleView, token_features
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
