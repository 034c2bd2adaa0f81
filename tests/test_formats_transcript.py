"""The reader ``transcript`` (:mod:`briefing.formats.transcript`): one statement a labelled turn."""

from briefing import Input
from conftest import TRANSCRIPT, read


def test_a_plain_transcript_gives_one_statement_a_turn(pipeline):
    [briefing], name = read(pipeline, Input.from_path(TRANSCRIPT))
    assert name == "transcript"
    people = {p.id: p for p in briefing.participants}
    assert {(p.name, p.title, p.kind) for p in people.values()} == {
        ("Okafor", "Secretary", "person"), ("Vasquez", None, "person"), ("Hale", "Acting Director", "person"),
        ("Reporters", None, "group"),
    }
    turns = [(s.source.text, s.speaker, s.act, s.kind) for s in briefing.statements]
    assert turns == [
        ("SECRETARY OKAFOR", "okafor", "statement", "direct"), ("DR. VASQUEZ", "vasquez", "statement", "direct"),
        ("Q", "reporters", "question", "direct"), ("SECRETARY OKAFOR", "okafor", "answer", "direct"),
        ("Q", "reporters", "question", "direct"), ("DR. VASQUEZ", "vasquez", "answer", "direct"),
        ("ACTING DIRECTOR HALE", "hale", "statement", "direct"),
    ]
    last = briefing.statements[-1]
    assert last.content[0].text == "If I may add one thing: the ferry schedule is not affected."
    assert [s.kind for s in briefing.sections[:5]] == ["headline", "dateline", "dateline", "label", "turn"]
    assert (briefing.source.title, briefing.event.location) == ("Press Briefing on Harbour Safety", "Port Authority Briefing Room, Halifax")
    assert people["okafor"].mentions == tuple(s.source for s in briefing.statements if s.speaker == "okafor")
