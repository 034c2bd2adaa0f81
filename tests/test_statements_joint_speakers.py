"""Speakers named together inside turns (:mod:`briefing.statements.joint_speakers`)."""

from briefing.model import Participant, Span, Statement
from briefing.statements.joint_speakers import joint_speakers

TEXT = ("Dr. Lee and I told the mayors that the roads are open. One thing the Governor and I promised was to "
        "keep the schools open. Dr. Lee told them that the water is safe. We said that the bridge will hold.")


def _mention(phrase: str, after: int = 0) -> Span:
    start = TEXT.index(phrase, after)
    return Span.of(TEXT, start, start + len(phrase))


def _said(source: Span, content: str) -> Statement:
    return Statement(id="s", kind="indirect", content=[_mention(content)], source=source,
                     cue=Span.of(TEXT, source.end + 1, source.end + 5), speaker="ruiz", reported_by="t1")


def test_the_turn_s_speaker_named_with_others_speaks_as_a_group_of_them_all(nlp):
    doc = nlp(TEXT)
    lee = Participant(id="lee", name="Ann Lee", mentions=[_mention("Dr. Lee"), _mention("Dr. Lee", 20)])
    governor = Participant(id="governor", name="Jo Park", title="Governor", mentions=[_mention("Governor")])
    ruiz = Participant(id="ruiz", name="Mae Ruiz", role="speaker")
    statements = [
        _said(_mention("Dr. Lee and I"), "that the roads are open"),
        _said(_mention("I", TEXT.index("Governor")), "to keep the schools open"),  # only "I" found: widened
        _said(_mention("Dr. Lee", 20), "that the water is safe"),  # no "I": left alone
        _said(_mention("We"), "that the bridge will hold"),
    ]
    found, added = joint_speakers(statements, doc, [lee, governor, ruiz], {"t1": "ruiz"})
    assert [(s.source.text, s.speaker) for s in found] == [
        ("Dr. Lee and I", "ann-lee-and-mae-ruiz"), ("the Governor and I", "jo-park-and-mae-ruiz"),
        ("Dr. Lee", "ruiz"), ("We", "ruiz"),
    ]
    assert [(p.name, p.kind, p.members) for p in added] == [
        ("Ann Lee and Mae Ruiz", "group", ("lee", "ruiz")), ("Jo Park and Mae Ruiz", "group", ("governor", "ruiz")),
    ]


def test_a_group_of_the_same_members_is_reused(nlp):
    doc = nlp(TEXT)
    lee = Participant(id="lee", name="Ann Lee", mentions=[_mention("Dr. Lee")])
    both = Participant(id="both", name="Lee and Ruiz", kind="group", members=("ruiz", "lee"))
    found, added = joint_speakers([_said(_mention("Dr. Lee and I"), "that the roads are open")], doc,
                                  [lee, both], {"t1": "ruiz"})
    assert [s.speaker for s in found] == ["both"] and added == []


THEY = ("Ann Lee has been generous. Jo Park has been very generous too. I mean, they say that we are quick. "
        "The crews were late. They said that the road is shut.")


def test_they_after_sentences_about_two_people_is_both_of_them(nlp):
    doc = nlp(THEY)

    def said(occurrence: int) -> Statement:
        start = [i for i in range(len(THEY)) if THEY.lower().startswith("they ", i)][occurrence]
        end = THEY.index(".", start)
        return Statement(id="s", kind="indirect", content=[Span.of(THEY, start + 10, end)],
                         source=Span.of(THEY, start, start + 4), cue=Span.of(THEY, start + 5, start + 9),
                         speaker=None, reported_by="t1")

    lee = Participant(id="lee", name="Ann Lee", mentions=[Span.of(THEY, 0, 7)])
    park = Participant(id="park", name="Jo Park", mentions=[Span.of(THEY, 27, 34)])
    found, added = joint_speakers([said(0), said(1)], doc, [lee, park], {"t1": "ruiz"})
    # the two sentences before the second "they" name no one
    assert [s.speaker for s in found] == ["ann-lee-and-jo-park", None]
    assert [p.members for p in added] == [("lee", "park")]


def test_a_reporter_s_plural_you_is_the_officials_who_have_spoken(nlp):
    text = "You guys said that the roads are open. You said that the roads are open. You guys said so too."
    doc = nlp(text)

    def said(start: int, source: str) -> Statement:
        return Statement(id="s", kind="indirect", content=[Span.of(text, start + len(source) + 6, start + 37)],
                         source=Span.of(text, start, start + len(source)), cue=Span.of(text, 0, 0),
                         speaker="lee", reported_by="t2")

    officials = [(-20, "lee"), (-10, "ruiz"), (-5, "lee"), (60, "kim")]  # Kim speaks after the question
    people = [Participant(id=pid, name=pid.title(), role="speaker") for pid in ("lee", "ruiz", "kim")]
    statements = [said(0, "You guys"), said(39, "You")]
    found, added = joint_speakers(statements, doc, people, {"t2": "reporters"}, officials)
    assert [s.speaker for s in found] == ["lee-and-ruiz", "lee"]  # a single "you" is left to the addressee
    assert [p.members for p in added] == [("lee", "ruiz")]
    from_official, _ = joint_speakers(statements, doc, people, {"t2": "ruiz"}, officials)
    assert [s.speaker for s in from_official] == ["lee", "lee"]  # an official's "you guys" is not the podium
