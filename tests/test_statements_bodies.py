"""The bodies a transcript's speakers lead, and their "we" (:mod:`briefing.statements.bodies`)."""

from briefing.model import Participant, Span, Statement
from briefing.statements.bodies import body_speakers, led_bodies

TEXT = ("And our head of the Water Board, who is with us today, Ann Lee, will speak next. Now I will introduce "
        "our Governor, Jo Park, who has led the Storm Council. "
        "Given the role I have as the leader of the Port Authority, I will stay. Tom Ray spoke to the Storm Council.")


def _at(phrase: str, after: int = 0) -> Span:
    start = TEXT.index(phrase, after)
    return Span.of(TEXT, start, start + len(phrase))


def _people() -> list[Participant]:
    return [
        Participant(id="lee", name="Ann Lee", mentions=[_at("Ann Lee")]),
        Participant(id="park", name="Jo Park", mentions=[_at("Governor"), _at("Jo Park")]),
        Participant(id="ray", name="Tom Ray", mentions=[_at("Tom Ray")]),
        Participant(id="kim", name="Kim", role="speaker"),
        Participant(id="board", name="Water Board", kind="organization", mentions=[_at("Water Board")]),
        Participant(id="council", name="Storm Council", kind="organization",
                    mentions=[_at("Storm Council"), _at("Storm Council", TEXT.index("Tom Ray"))]),
        Participant(id="port", name="Port Authority", kind="organization", mentions=[_at("Port Authority")]),
    ]


def test_the_bodies_the_text_says_its_people_lead(nlp):
    doc = nlp(TEXT)
    own = Span.of(TEXT, TEXT.index("Given"), TEXT.index("Tom Ray"))
    bodies = led_bodies(doc, _people(), [(Span.of(TEXT, 0, own.start), "park"), (own, "kim")])
    # an appositive across a relative clause, a relative clause, "as the leader of" in one's own turn;
    # speaking to a body is not leading it
    assert bodies == {"lee": "board", "park": "council", "kim": "port"}


def test_a_leader_s_we_is_their_body_and_their_i_stays_theirs():
    def said(source: str, speaker: str, reported: bool = True) -> Statement:
        return Statement(id="s", kind="indirect", content=[_at("will speak next")], source=_at(source),
                         cue=_at("speak"), speaker=speaker, reported_by="t1" if reported else None)

    statements = [said("us", "lee"), said("I", "kim"), said("us", "ray"), said("us", "lee", reported=False)]
    assert [s.speaker for s in body_speakers(statements, {"lee": "board", "kim": "port"})] == [
        "board", "kim", "ray", "lee"]


def test_a_speaker_reporting_their_body_s_sitting_then_saying_we_speaks_for_it(nlp):
    text = ("The Flood Board met this morning. And today we opened the dams. "
            "The Flood Board met too. The rain stopped.")
    board = Participant(id="board", name="Flood Board", kind="organization",
                        mentions=[Span.of(text, 4, 15), Span.of(text, text.index("Flood Board", 20),
                                                               text.index("Flood Board", 20) + 11)])
    doc = nlp(text)
    second = text.index("The Flood Board met too")
    turns = [(Span.of(text, 0, second), "ann"), (Span.of(text, second, len(text)), "tom")]
    assert led_bodies(doc, [board], turns) == {"ann": "board"}  # no "we" after Tom's
