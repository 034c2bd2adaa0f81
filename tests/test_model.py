import attrs
import pytest
from hypothesis import given

from briefing.model import Briefing, Participant, Span, Statement
from briefing.testing.strategies import briefings


def test_span_of_takes_text_at_offsets():
    span = Span.of("Kelly said no.", 0, 5)
    assert span == Span(start=0, end=5, text="Kelly")
    assert len(span) == 5


@pytest.mark.parametrize(
    ("start", "end", "text", "message"),
    [
        (3, 1, "", "ends before it starts"),
        (-1, 2, "abc", ">= 0"),
        (0, 3, "ab", "2 characters but its offsets cover 3"),
    ],
)
def test_span_rejects_inconsistent_offsets(start, end, text, message):
    with pytest.raises(ValueError, match=message):
        Span(start=start, end=end, text=text)


def test_span_of_rejects_offsets_outside_text():
    with pytest.raises(ValueError, match="outside a text of 3 characters"):
        Span.of("abc", 1, 4)


def test_briefing_checks_every_span_against_its_text():
    text = "Kelly said no."
    wrong = Span(start=0, end=5, text="Kelli")
    with pytest.raises(ValueError, match=r"participant p1 mention: span 0..5 'Kelli' does not match"):
        Briefing(id="b", text=text, participants=[Participant(id="p1", name="Kelly", mentions=[wrong])])


def test_briefing_rejects_span_past_the_end():
    with pytest.raises(ValueError, match="does not match"):
        Briefing(id="b", text="short", statements=[
            Statement(id="s1", kind="direct", content=[Span(start=3, end=9, text="rt and")])
        ])


def test_duplicate_ids_are_refused():
    with pytest.raises(ValueError, match="two participants share the id 'p'"):
        Briefing(id="b", text="", participants=[Participant(id="p", name="A"), Participant(id="p", name="B")])


def test_statement_needs_content_and_sane_confidence():
    span = Span.of("yes", 0, 3)
    with pytest.raises(ValueError, match="at least one content span"):
        Statement(id="s", kind="direct", content=[])
    with pytest.raises(ValueError, match="between 0 and 1"):
        Statement(id="s", kind="direct", content=[span], confidence=1.5)
    with pytest.raises(ValueError, match="'kind' must be in"):
        Statement(id="s", kind="quoted", content=[span])


def test_model_is_frozen_and_keyword_only():
    span = Span.of("yes", 0, 3)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        span.start = 1
    with pytest.raises(TypeError):
        Span(0, 3, "yes")


def test_sequences_become_tuples():
    participant = Participant(id="p", name="A", mentions=[Span.of("A", 0, 1)])
    assert participant.mentions == (Span.of("A", 0, 1),)


def test_lookups():
    text = "Kelly said no."
    b = Briefing(
        id="b", text=text,
        participants=[Participant(id="kelly", name="John Kelly")],
        statements=[Statement(id="s1", kind="indirect", content=[Span.of(text, 11, 13)], speaker="kelly")],
    )
    assert b.participant("kelly").name == "John Kelly"
    assert b.participant("nobody") is None
    assert [s.id for s in b.statements_by("kelly")] == ["s1"]
    assert b.statements[0].text == "no"


@given(briefings())
def test_every_span_of_a_generated_briefing_matches_its_text(briefing):
    for _where, span in briefing.spans():
        assert briefing.text[span.start : span.end] == span.text
        assert 0 <= span.start <= span.end <= len(briefing.text)
