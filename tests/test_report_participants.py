"""How the reports describe and order participants (briefing.report.participants)."""

from briefing import Briefing, Participant, Span, Statement
from briefing.report.participants import by_role, describe


def test_describe_leaves_out_what_is_unknown():
    full = Participant(id="a", name="Ana Ruiz", title="Minister", organization="Ministry of Ports",
                       affiliation="Chile", party="Socialist")
    assert describe(full) == "Ana Ruiz, Minister (Ministry of Ports) — Chile, Socialist"
    assert describe(Participant(id="b", name="Port Board", kind="organization", organization="Harbour Trust")) == (
        "Port Board, Harbour Trust")
    assert describe(Participant(id="c", name="Bo")) == "Bo"


def test_speakers_come_first_then_those_with_more_statements_then_by_name():
    text = "Cy said yes. Al said no. Cy said maybe."
    said = [("s1", "cy", "yes"), ("s2", "al", "no"), ("s3", "cy", "maybe")]
    briefing = Briefing(
        id="b", text=text,
        participants=[Participant(id="zed", name="Zed", role="mentioned"), Participant(id="cy", name="Cy", role="speaker"),
                      Participant(id="al", name="Al", role="speaker"), Participant(id="bea", name="Bea", role="author")],
        statements=[Statement(id=i, kind="indirect", content=[Span.of(text, text.index(w), text.index(w) + len(w))],
                              speaker=who) for i, who, w in said],
    )
    assert [p.id for p in by_role(briefing)] == ["cy", "al", "zed", "bea"]
