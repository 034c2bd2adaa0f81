"""Pieces of writing as sources inside turns (:mod:`briefing.statements.written_sources`)."""

from briefing.model import Participant, Span, Statement
from briefing.statements.written_sources import writing_speakers

TEXT = ("The Tribune ran a story saying that the dam leaks. The Board's report says the dam is sound. "
        "A letter from Ann Lee warned that the road is shut. A story said that the ferry is late.")


def _at(phrase: str) -> Span:
    start = TEXT.index(phrase)
    return Span.of(TEXT, start, start + len(phrase))


def test_a_piece_of_writing_speaks_as_who_put_it_out(nlp):
    participants = [
        Participant(id="tribune", name="Tribune", kind="organization", mentions=[_at("Tribune")]),
        Participant(id="board", name="Board", kind="organization", mentions=[_at("Board")]),
        Participant(id="lee", name="Ann Lee", mentions=[_at("Ann Lee")]),
    ]

    def said(source: str, reported: bool = True) -> Statement:
        return Statement(id="s", kind="indirect", content=[_at("the dam leaks")], source=_at(source),
                         speaker=None, reported_by="t1" if reported else None)

    statements = [said("a story"), said("The Board's report"), said("A letter from Ann Lee"), said("A story"),
                  said("a story", reported=False)]
    found = writing_speakers(statements, nlp(TEXT), participants)
    # the subject that ran it, its possessor, who it is from; no one named, or outside a turn: none
    assert [s.speaker for s in found] == ["tribune", "board", "lee", None, None]
