import pytest
from hypothesis import given

from briefing.statements.quotes import find_quotes
from briefing.testing.strategies import texts


def inner(text):
    return [(text[q.inner_start : q.inner_end], q.closed) for q in find_quotes(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He said "yes" and "no."', [("yes", True), ("no.", True)]),
        ("“Curly,” she said.", [("Curly,", True)]),
        ("``Old style,'' he said.", [("Old style,", True)]),
        ("He said ''insists on it'' firmly.", [("insists on it", True)]),
        ('A "mismatched pair\'\' here.', [("mismatched pair", True)]),
        ("«Bonjour», dit-il.", [("Bonjour", True)]),
        ("Er sagte „ja“ dazu.", [("ja", True)]),
        ("Trump 'absolutely right' on this", [("absolutely right", True)]),
        ("It’s Clinton’s ‘big’ day", [("big", True)]),
        ("the voters' choice and '90s music", []),
        ("“Outer ‘inner’ still outer,” he said.", [("Outer ‘inner’ still outer,", True)]),
    ],
)
def test_marks(text, expected):
    assert inner(text) == expected


def test_unbalanced_mark_stops_at_its_paragraph():
    text = 'He said "this never closes.\n\nNext paragraph, not quoted. "Real quote," she said.'
    assert inner(text) == [("this never closes.", False), ("Real quote,", True)]


def test_quote_across_paragraphs():
    text = "“First paragraph of the quote.\n\n“Second paragraph,” he said."
    [quote] = find_quotes(text)
    assert text[quote.start : quote.end] == text[: text.index(" he said")]


@given(texts)
def test_never_raises_and_stays_inside(text):
    for quote in find_quotes(text):
        assert 0 <= quote.start <= quote.inner_start <= quote.inner_end <= quote.end <= len(text)


def test_a_transcript_turn_quoted_in_an_article_is_a_quotation_of_its_own():
    # each paragraph reopens the quotation with a speaker label and none closes it: one quotation per
    # turn, of the words after the label, not one quotation across the turns
    text = ('The interview went as follows:\n\n"HOST: Will the mayor close the pool this summer?\n\n'
            '"REED: Not while I hold this office.\n\n"And the council agrees with me."')
    assert inner(text) == [("Will the mayor close the pool this summer?", False),
                           ("Not while I hold this office.\n\n\"And the council agrees with me.", True)]
