"""Which finer issues a briefing lists (:mod:`briefing.issues.limit`): those named twice or taken a
stand on, the most mentioned, the others folded into their major topic; and positions joined by
participant and stance."""

from __future__ import annotations

import attrs

from briefing.issues import limit
from briefing.issues.limit import joined_positions, limit_finer_issues
from briefing.model import Briefing, Issue, Participant, Position, Span, Statement

TEXT = "Tariffs, tariffs and tariffs; quotas twice, quotas; one port; a mill."


def _at(word: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(word, start + 1)
    return Span.of(TEXT, start, start + len(word))


def _briefing() -> Briefing:
    said = Statement(id="s1", kind="direct", content=[Span.of(TEXT, 0, len(TEXT))], speaker="ana",
                     issues=("cap-18", "cap-18-tariff", "cap-18-quota", "cap-10", "cap-10-port", "issue-mill"))
    issues = [
        Issue(id="cap-18", label="Foreign Trade", code="cap:18", positions=[Position(participant="ana", stance="neutral")]),
        Issue(id="cap-18-tariff", label="tariffs", code="cap:18", parent="cap-18",
              mentions=[_at("Tariffs"), _at("tariffs"), _at("tariffs", 1)]),
        Issue(id="cap-18-quota", label="quotas", code="cap:18", parent="cap-18", mentions=[_at("quotas"), _at("quotas", 1)],
              positions=[Position(participant="ana", stance="oppose", statements=["s1"], evidence=[_at("quotas")])]),
        Issue(id="cap-10", label="Transportation", code="cap:10"),
        Issue(id="cap-10-port", label="port", code="cap:10", parent="cap-10", mentions=[_at("port")]),
        Issue(id="issue-mill", label="mill", code=None, mentions=[_at("mill")]),
    ]
    return Briefing(id="x", text=TEXT, statements=[said], issues=issues,
                    participants=[Participant(id="ana", name="Ana", role="speaker")])


def test_the_most_mentioned_are_kept_and_the_others_fold_into_their_topic():
    briefing = limit_finer_issues(_briefing(), 2)
    assert [i.id for i in briefing.issues] == ["cap-18", "cap-18-tariff", "cap-18-quota", "cap-10"]
    transportation = briefing.issues[-1]
    assert [m.text for m in transportation.mentions] == ["port"]  # the port's mention counts for its topic
    # the mill has no topic to count for; the statement is linked to what is left
    assert briefing.statements[0].issues == ("cap-18", "cap-18-tariff", "cap-18-quota", "cap-10")
    assert list(briefing.broken_references()) == []


def test_a_stance_on_an_issue_left_out_is_one_on_its_topic():
    briefing = limit_finer_issues(_briefing(), 1)
    trade = next(i for i in briefing.issues if i.id == "cap-18")
    # Ana's opposition to quotas is now on Foreign Trade, where her neutral position gives way to it
    assert trade.positions == (Position(participant="ana", stance="oppose", statements=["s1"], evidence=[_at("quotas")]),)
    assert [m.text for m in trade.mentions] == ["quotas", "quotas"]


def test_one_named_once_in_passing_is_a_mention_of_its_topic_and_one_taken_a_stand_on_is_kept():
    briefing = limit_finer_issues(_briefing())  # the ten places are not all taken
    assert [i.id for i in briefing.issues] == ["cap-18", "cap-18-tariff", "cap-18-quota", "cap-10"]
    stand = Position(participant="ana", stance="support", statements=["s1"], evidence=[_at("port")])
    port = attrs.evolve(_briefing().issues[4], positions=[stand])
    taken = attrs.evolve(_briefing(), issues=[*_briefing().issues[:4], port, *_briefing().issues[5:]])
    assert "cap-10-port" in {i.id for i in limit_finer_issues(taken).issues}


def test_the_limit_is_ten_by_default(monkeypatch):
    assert limit.MAX_FINER_ISSUES == 10
    monkeypatch.setattr(limit, "MAX_FINER_ISSUES", 1)
    assert [i.id for i in limit_finer_issues(_briefing()).issues] == ["cap-18", "cap-18-tariff", "cap-10"]


def test_positions_join_by_participant_and_stance():
    evidence = Span(start=0, end=2, text="no")
    joined = joined_positions([
        Position(participant="a", stance="oppose", statements=["s1"], evidence=[evidence]),
        Position(participant="a", stance="neutral"),
        Position(participant="b", stance="neutral"),
        Position(participant="a", stance="oppose", statements=["s4", "s1"], evidence=[evidence]),
    ])
    assert joined == (
        Position(participant="a", stance="oppose", statements=["s1", "s4"], evidence=[evidence]),
        Position(participant="b", stance="neutral"),
    )
