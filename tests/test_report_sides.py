"""Sides and where they clash (:mod:`briefing.report.sides`): parties in domestic politics, countries
between states, and no clash without a side, without support, or on a topic."""

from briefing import Briefing
from briefing.model import Issue, Participant, Position
from briefing.report.sides import contention, sides_by, stance_matrix


def test_domestic_sides_are_parties_and_neutral_takes_no_side():
    people = [
        Participant(id="a", name="Ada", party="Democratic", affiliation="United States"),
        Participant(id="b", name="Bo", party="Republican", affiliation="United States"),
        Participant(id="c", name="Cy", party="Republican"),
    ]
    issues = [
        Issue(id="tax", label="taxes", positions=[Position(participant="a", stance="oppose"),
                                                   Position(participant="b", stance="support")]),
        Issue(id="roads", label="roads", positions=[Position(participant="a", stance="neutral"),
                                                     Position(participant="c", stance="support")]),
        Issue(id="parks", label="parks", positions=[Position(participant="a", stance="support"),
                                                     Position(participant="c", stance="support")]),
    ]
    briefing = Briefing(id="x", text="", participants=people, issues=issues)
    assert sides_by(briefing) == "party"
    contested, agreed = contention(briefing)
    assert [(v.issue.id, v.taken) for v in contested] == [("tax", (("Democratic", "oppose"), ("Republican", "support")))]
    assert [(v.issue.id, v.taken) for v in agreed] == [("parks", (("Democratic", "support"), ("Republican", "support")))]


def test_no_side_no_clash_without_support_and_no_clash_on_a_topic():
    people = [
        Participant(id="a", name="Ada", affiliation="Chile"),
        Participant(id="b", name="Bo", affiliation="Peru"),
        Participant(id="r", name="Reporters"),  # a group without a country or party
    ]
    issues = [
        Issue(id="t", label="Trade", code="x:1", positions=[Position(participant="a", stance="support"),
                                                             Position(participant="b", stance="oppose")]),
        Issue(id="t-duty", label="duties", code="x:1", parent="t",
              positions=[Position(participant="a", stance="oppose"), Position(participant="b", stance="concern"),
                         Position(participant="r", stance="support")]),
    ]
    contested, agreed = contention(Briefing(id="x", text="", participants=people, issues=issues))
    assert contested == ()  # the topic is no issue; oppose beside concern is no clash; the Reporters no side
    assert agreed == ()


def test_the_stance_matrix_keeps_every_stance_of_a_participant():
    """A participant for one thing under a topic and against another holds both, in order."""
    issues = [Issue(id="farm", label="Agriculture", positions=[Position(participant="a", stance="oppose"),
                                                                Position(participant="a", stance="concern"),
                                                                Position(participant="b", stance="support")])]
    briefing = Briefing(id="x", text="", participants=[Participant(id="a", name="Ada"), Participant(id="b", name="Bo")],
                        issues=issues)
    assert stance_matrix(briefing) == {"farm": {"a": ("oppose", "concern"), "b": ("support",)}}
