"""Merging the participants an extractor finds into those a reader gave
(:mod:`briefing.participants.merge`)."""


def test_speakers_merge_only_with_whom_they_clearly_are():
    from briefing import Participant
    from briefing.participants.merge import merge_participants

    given = [Participant(id="pence", name="Pence", title="Vice President", role="speaker"),
             Participant(id="fauci", name="Fauci", title="Dr.", role="speaker"),
             Participant(id="trump", name="The President", title="President", role="speaker"),
             Participant(id="smith", name="Smith", title="Mr.", role="speaker")]
    found = [Participant(id="karen-pence", name="Karen Pence"),
             Participant(id="mike-pence", name="Mike Pence", title="Vice President"),
             Participant(id="anthony-fauci", name="Anthony Fauci", title="Director"),
             Participant(id="fauci", name="Fauci"),
             Participant(id="donald-trump", name="Donald Trump", title="President"),
             Participant(id="smith", name="Jane Smith", title="Senator"),
             Participant(id="john-smith", name="John Smith", title="Governor")]
    merged = merge_participants(given, found)
    assert [(p.id, p.name, p.title) for p in merged] == [
        ("pence", "Mike Pence", "Vice President"),     # Karen Pence is someone else: the title tells
        ("fauci", "Anthony Fauci", "Director"),        # a real title outranks the label's honorific
        ("trump", "Donald Trump", "President"),        # known by title alone: the one who holds it
        ("smith", "Smith", "Mr."),                     # two Smiths found, neither clearly him
        ("karen-pence", "Karen Pence", None),
        ("smith-2", "Jane Smith", "Senator"),          # the id clash is resolved, not dropped
        ("john-smith", "John Smith", "Governor"),
    ]

