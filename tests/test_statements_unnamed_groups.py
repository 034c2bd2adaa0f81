"""Unnamed groups as speakers inside turns (:mod:`briefing.statements.unnamed_groups`)."""

from briefing.model import Participant, Span, Statement
from briefing.statements.unnamed_groups import group_speakers

TEXT = ("Doctors keep telling us that beds are short. All our road engineers tell us that the risk is low. "
        "There are leaders in both towns who say that the bill is too big. The ones that called said it was "
        "late. Americans say that they are ready. Nurses said that the wards were full. The nurses said it again.")


def _said(doc, phrase, source, *, reported=True, speaker=None):
    """A statement of the sentence holding ``phrase``, with ``source`` (a word of it) as its source."""
    start = TEXT.index(phrase) + phrase.index(source)
    cue = next(t for t in doc if t.idx > start and t.lemma_ in {"tell", "say"})
    end = cue.idx + len(cue)
    return Statement(id="s", kind="indirect", content=[Span.of(TEXT, end + 1, end + 6)],
                     source=Span.of(TEXT, start, start + len(source)), cue=Span.of(TEXT, cue.idx, end),
                     speaker=speaker, reported_by="t1" if reported else None)


def test_plural_nouns_reported_in_turns_speak_as_groups(nlp):
    doc = nlp(TEXT)
    engineers = Participant(id="engineers-1", name="road engineers", kind="group")
    statements = [_said(doc, "Doctors", "Doctors"), _said(doc, "All our road engineers", "All our road engineers"),
                  _said(doc, "who say", "who"), _said(doc, "The ones that called", "The ones that called"),
                  _said(doc, "Americans", "Americans"), _said(doc, "Nurses said that", "Nurses"),
                  _said(doc, "nurses said it", "nurses")]
    found, added = group_speakers(statements, doc, [engineers])
    assert [s.speaker for s in found] == ["doctors", "engineers-1", "leaders", None, None, "nurses", "nurses"]
    assert [(p.name, p.kind, len(p.mentions)) for p in added] == [
        ("Doctors", "group", 1), ("leaders", "group", 1),  # "who": the noun its clause follows
        ("Nurses", "group", 2),  # one participant per name, an existing one reused ("road engineers")
    ]  # "the ones" stands in for another noun; "Americans" is a name, the participants stage's


def test_only_unresolved_sources_reported_in_turns(nlp):
    doc = nlp(TEXT)
    statements = [_said(doc, "Doctors", "Doctors", reported=False), _said(doc, "Nurses said that", "Nurses", speaker="lee")]
    found, added = group_speakers(statements, doc, [])
    assert [s.speaker for s in found] == [None, "lee"] and added == []


PLURAL = ("The best thing about the young engineers of the city is some of them tell us that the bridge can wait. "
          "Big left-wing lobby groups, even on this street, have joined the critics and they say that the tax is "
          "unfair. The mayor worked long hours and they said it was fine.")


def test_a_plural_pronoun_speaks_for_the_group_named_before_it_in_its_sentence(nlp):
    doc = nlp(PLURAL)

    def said(phrase, source):
        start = PLURAL.index(phrase) + phrase.index(source)
        cue = next(t for t in doc if t.idx > start and t.lemma_ in {"tell", "say"})
        end = cue.idx + len(cue)
        return Statement(id="s", kind="indirect", content=[Span.of(PLURAL, end + 1, end + 9)],
                         source=Span.of(PLURAL, start, start + len(source)), cue=Span.of(PLURAL, cue.idx, end),
                         speaker=None, reported_by="t1")

    statements = [said("some of them tell", "some of them"), said("they say", "they"), said("they said", "they")]
    found, added = group_speakers(statements, doc, [])
    # a partitive: the last plural noun before it; "they": the plural subject before it, not "critics";
    # a measure ("long hours") is no group
    assert [s.speaker for s in found] == ["young-engineers", "big-left-wing-lobby-groups", None]
    assert [p.name for p in added] == ["young engineers", "Big left-wing lobby groups"]


def test_a_noun_for_a_group_speaks_as_one(nlp):
    text = "The party leadership says that the vote is on. The plan says that the vote is on."
    doc = nlp(text)

    def said(source: str) -> Statement:
        start = text.index(source)
        cue = text.index("says", start)
        return Statement(id="s", kind="indirect", content=[Span.of(text, cue + 10, cue + 18)],
                         source=Span.of(text, start, start + len(source)), cue=Span.of(text, cue, cue + 4),
                         speaker=None, reported_by="t1")

    found, added = group_speakers([said("The party leadership"), said("The plan")], doc, [])
    assert [s.speaker for s in found] == ["party-leadership", None]  # a plan is no group of people
    assert [p.name for p in added] == ["party leadership"]


NEWS = ("Several experts cautioned that the levy might change. Analysts at the Harbor Office said it would pass. "
        "Other mayors, however, say that the levy is too high. They said the vote was close.")


def test_a_news_report_describes_its_unnamed_groups(nlp):
    """Outside transcripts, a plural common noun the source describes speaks as that group, named by its
    words after any article; a source that names someone, or a pronoun, is left to the resolver."""
    doc = nlp(NEWS)

    def said(source: str, reported: bool = False) -> Statement:
        start = NEWS.index(source)
        cue = next(t for t in doc if t.idx > start and t.lemma_ in {"say", "caution"})
        end = cue.idx + len(cue)
        return Statement(id="s", kind="indirect", content=[Span.of(NEWS, end + 1, end + 9)],
                         source=Span.of(NEWS, start, start + len(source)), cue=Span.of(NEWS, cue.idx, end),
                         speaker=None, reported_by="t1" if reported else None)

    statements = [said("Several experts"), said("Analysts at the Harbor Office"), said("Other mayors"), said("They")]
    found, added = group_speakers(statements, doc, [], described=True)
    assert [s.speaker for s in found] == ["several-experts", None, "other-mayors", None]
    assert [p.name for p in added] == ["Several experts", "Other mayors"]
    found, added = group_speakers(statements, doc, [])  # in a transcript, only what a turn reports
    assert [s.speaker for s in found] == [None, None, None, None] and added == []


def test_the_statements_stage_gives_a_news_reports_unnamed_groups_a_speaker(pipeline):
    briefing = pipeline.extract("The council met. Several economists warned that the new levy would hurt exporters.")
    speakers = {p.id: (p.name, p.kind) for p in briefing.participants}
    assert [speakers.get(s.speaker) for s in briefing.statements] == [("Several economists", "group")]


GROUPS = ("Recent surveys show that the levy is popular. Local shopkeepers said it was fair. "
          "Many complaints said the levy was late. Some unions say that the levy is too high.")


def test_a_news_reports_group_speaks_only_when_its_noun_can_denote_people(nlp):
    """A described group speaks when its noun can stand for people or an organisation (an ending for
    people, a kind of organisation); "surveys" or "complaints" are no speakers."""
    doc = nlp(GROUPS)

    def said(source: str) -> Statement:
        start = GROUPS.index(source)
        cue = next(t for t in doc if t.idx > start and t.lemma_ in {"say", "show"})
        end = cue.idx + len(cue)
        return Statement(id="s", kind="indirect", content=[Span.of(GROUPS, end + 1, end + 9)],
                         source=Span.of(GROUPS, start, start + len(source)), cue=Span.of(GROUPS, cue.idx, end),
                         speaker=None)

    found, added = group_speakers([said(s) for s in ("Recent surveys", "Local shopkeepers", "Many complaints",
                                                      "Some unions")], doc, [], described=True)
    assert [p.name for p in added] == ["Local shopkeepers", "Some unions"]
    assert [s.speaker is None for s in found] == [True, False, True, False]
