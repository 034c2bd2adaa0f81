"""Reported speech inside a transcript's turns (:mod:`briefing.statements.transcripts`), and the
links between a transcript's questions, answers and the statements reported in them; and whole
transcripts extracted: a turn's speaker is the person the text names, quotes go to who said them."""

import re
import subprocess
import sys

import attrs
import pytest

from briefing.convert import dumps
from briefing.model import Participant, Section, Span, Statement
from briefing.questions import asks
from briefing.statements.as_clauses import as_reports
from briefing.statements.transcripts import _nearer_cue, _tightened, within_turns
from conftest import TRANSCRIPT, need_corpus

BRIEFING = """Press Briefing on the River Bridge

THE GOVERNOR: Good afternoon. Yesterday I spoke with the mayor of Eastford. I said to her, "We will send the repair crews tomorrow."

Q Governor, Senator Hollis wrote to your office last week about the bridge. He said the repair plan ignored the northern towns. What is your answer?

THE GOVERNOR: The senator is mistaken. Dr. Patel said this morning that the water is safe to drink.

Q Thank you.

Q Dr. Patel, you said on Monday that the tests would take a week. Is that still true?

DR. PATEL: It is. Commissioner Ortiz told me that the labs are working day and night. As the mayor said this morning: The ferries are free. We will add more boats on Friday.
"""


def test_reported_speech_questions_and_answers_of_a_briefing(pipeline):
    briefing = pipeline.extract(BRIEFING)
    turns = [s for s in briefing.statements if s.id.startswith("t")]
    assert [(s.act, s.speaker, s.addressee, s.reply_to) for s in turns] == [
        ("statement", "the-governor", None, None),
        ("question", "reporters", "the-governor", None),  # put to the next speaker
        ("answer", "the-governor", None, "t2"),
        ("statement", "reporters", None, None),  # "Thank you." asks nothing
        ("question", "reporters", "patel", None),  # "Dr. Patel, …"
        ("answer", "patel", None, "t5"),
    ]
    reported = [(s.source.text, s.speaker, s.reported_by, s.text) for s in briefing.statements if s.id.startswith("s")]
    assert reported == [
        ("I", "the-governor", "t1", '"We will send the repair crews tomorrow."'),  # the speaker's own earlier words
        ("He", "hollis", "t2", "the repair plan ignored the northern towns"),  # named earlier in the question
        ("Dr. Patel", "patel", "t3", "that the water is safe to drink"),
        ("you", "patel", "t5", "that the tests would take a week"),  # the one the question is put to
        ("Commissioner Ortiz", "ortiz", "t6", "that the labs are working day and night"),
        ("the mayor", None, "t6", "The ferries are free"),  # after a colon: one sentence, not the rest of the turn
    ]


STORM = ("Briefing on the Storm\n\n"
         "THE MAYOR: Good morning. Ms. Lind called me at dawn, and she said the shelters were full. I will call "
         "Governor Ames this afternoon.\n\n"
         "Q Will the shelters stay open?\n\n"
         "THE MAYOR: Yes. She said that the shelters would stay open all week.\n\n"
         "Q You said on Monday that the roads were clear. Is that still true? Nurses told us that the clinics have "
         "no staff.\n")


def test_pronouns_groups_and_you_across_turns(pipeline):
    briefing = pipeline.extract(STORM)
    reported = [(s.source.text, s.speaker, s.reported_by) for s in briefing.statements if s.id.startswith("s")]
    assert reported == [
        ("she", "lind", "t1"),
        ("She", "lind", "t3"),  # the subject of the report two turns before, not Ames, named after it
        ("You", "the-mayor", "t4"),  # no one named, no answer follows: the official who last spoke
        ("Nurses", "nurses", "t4"),  # an unnamed group
    ]
    assert briefing.participant("nurses").kind == "group"


TEXT = ("PRESIDENT LEE: Governor Ames called. I would say he is right. I thank the crews.\n\n"
        "Q Mr. Vice President, Governor Ames wrote today. He said the plan ignored us. And you said it was safe?\n\n"
        "VICE PRESIDENT RUIZ: I said it was safe.\n")


def _span(phrase: str, after: int = 0) -> Span:
    """The first whole-word ``phrase`` in ``TEXT`` at or after ``after``."""
    match = re.compile(rf"(?<!\w){re.escape(phrase)}(?!\w)").search(TEXT, after)
    return Span.of(TEXT, *match.span())


def _sections() -> list[Section]:
    sections = []
    for match in re.finditer(r"^(PRESIDENT LEE|Q|VICE PRESIDENT RUIZ):? (.*)$", TEXT, re.MULTILINE):
        sections += [Section(kind="label", span=Span.of(TEXT, *match.span(1))),
                     Section(kind="turn", span=Span.of(TEXT, *match.span(2)))]
    return sections


def _people(sections: list[Section]) -> list[Participant]:
    labels = [s.span for s in sections if s.kind == "label"]
    return [
        Participant(id="lee", name="Lee", title="President", role="speaker", mentions=[labels[0]]),
        Participant(id="ruiz", name="Ruiz", title="Vice President", role="speaker", mentions=[labels[2]]),
        Participant(id="reporters", name="Reporters", kind="group", role="speaker", mentions=[labels[1]]),
        Participant(id="ames", name="Ames", title="Governor",
                    mentions=[_span("Governor Ames"), _span("Governor Ames", TEXT.index("Q "))]),
    ]


def _statement(source: str, cue: str, content: str, speaker: str | None, after: int = 0) -> Statement:
    """Source, cue and content, each the first after the one before."""
    source_span = _span(source, after)
    cue_span = _span(cue, source_span.end)
    return Statement(id="x", kind="indirect", source=source_span, cue=cue_span,
                     content=[_span(content, cue_span.end)], speaker=speaker)


def _fitted(*statements: Statement) -> list[tuple[str, str | None]]:
    sections = _sections()
    kept, _added = within_turns(statements, [], _people(sections), sections)
    return [(s.text, s.speaker) for s in kept]


def test_he_in_a_question_is_the_person_it_named_not_the_one_the_resolver_chose():
    assert _fitted(_statement("He", "said", "the plan ignored us", "lee")) == [("the plan ignored us", "ames")]


def test_you_in_a_question_is_the_one_it_addresses_and_i_is_the_turn_s_speaker():
    assert _fitted(_statement("you", "said", "it was safe", None), _statement("I", "said", "it was safe", None, TEXT.index("RUIZ:"))) == [
        ("it was safe", "ruiz"), ("it was safe", "ruiz")]


def test_own_words_now_and_function_words_are_no_statements():
    hedged = _statement("I", "would say", "he is right", "lee")
    performed = _statement("I", "thank", "the crews", "lee")
    cut = Statement(id="x", kind="indirect", source=_span("He"), cue=_span("said"), content=[_span("And you")],
                    speaker="ames")
    thing = _statement("Governor Ames", "called", "the crews", "ames")  # two words, not quoted: no speech
    assert _fitted(hedged, performed, cut, thing) == []


def test_quoted_words_after_a_first_person_cue_are_a_report_unless_still_to_come():
    text = ('PRESIDENT LEE: I would say, "Go home early." So we say, "Save water." '
            'I will say, "Stay calm."\n')
    sections = [Section(kind="label", span=Span.of(text, 0, 13)),
                Section(kind="turn", span=Span.of(text, 15, len(text) - 1))]
    people = [Participant(id="lee", name="Lee", title="President", role="speaker", mentions=[sections[0].span])]

    def quoted(source: str, cue: str, quote: str) -> Statement:
        at = text.index(f"{source} {cue}")
        return Statement(id="x", kind="direct", source=Span.of(text, at, at + len(source)),
                         cue=Span.of(text, at + len(source) + 1, at + len(source) + 1 + len(cue)),
                         content=[Span.of(text, text.index(quote), text.index(quote) + len(quote))], speaker=None)

    statements = [quoted("I", "would say", '"Go home early."'), quoted("we", "say", '"Save water."'),
                  quoted("I", "will say", '"Stay calm."')]
    kept, _added = within_turns(statements, [], people, sections)
    assert [(s.text, s.speaker) for s in kept] == [('"Go home early."', "lee"), ('"Save water."', "lee")]


def test_a_source_joined_to_the_label_is_cut_to_the_turn():
    joined = Span.of(TEXT, _span("Q").start, _span("Mr. Vice President").end)
    statement = Statement(id="x", kind="indirect", source=joined, cue=_span("said"),
                          content=[_span("the plan ignored us")], speaker=None)
    sections = _sections()
    [kept], _added = within_turns([statement], [], _people(sections), sections)
    assert kept.source.text == "Mr. Vice President" and kept.speaker == "ruiz"


TRANSCRIPTS = ("white_house_briefing_March-19-2020", "white_house_briefing_March-21-2020")


@pytest.mark.corpus
def test_the_shared_scorer_on_the_hand_annotated_transcripts(pipeline, tmp_path):
    """The reference measures of ``turns_score.py`` on its two hand-annotated transcripts; the
    thresholds are the levels reached (docs/statements.md), so a regression fails."""
    corpus = need_corpus()
    scorer = corpus.parent / "eval" / "turns_score.py"
    if not scorer.is_file():
        pytest.skip("the reference scorer is not available")
    files = []
    for stem in TRANSCRIPTS:
        files.append(tmp_path / f"{stem}.json")
        files[-1].write_text(dumps(pipeline.extract(corpus / "briefings" / f"{stem}.html")), encoding="utf-8")
    out = subprocess.run([sys.executable, str(scorer), str(scorer.parent / "reported_speech_dev.json"), *map(str, files)],
                         capture_output=True, text=True, check=True).stdout
    found, gold, right, named, linked, questions = map(int, re.findall(r"\d+", out))
    assert found / gold >= 0.92
    assert right / named >= 0.85
    assert questions > 100 and linked == questions


AS_TEXT = ("SECRETARY ROW: As Dr. Patel said, the water is safe. The pumps are running, as I mentioned.\n\n"
           "Q And, as we speak, are the crews out?\n")


def test_as_clauses_report_the_clause_they_hang_on(nlp):
    doc = nlp(AS_TEXT)
    sections = []
    for match in re.finditer(r"^(SECRETARY ROW|Q):? (.*)$", AS_TEXT, re.MULTILINE):
        sections += [Section(kind="label", span=Span.of(AS_TEXT, *match.span(1))),
                     Section(kind="turn", span=Span.of(AS_TEXT, *match.span(2)))]
    start = AS_TEXT.index("Dr. Patel")
    patel = Participant(id="patel", name="Sam Patel", mentions=[Span.of(AS_TEXT, start, start + len("Dr. Patel"))])
    found = as_reports(doc, [patel], sections)
    assert [(s.source.text, s.cue.text, s.text, s.speaker) for s in found] == [
        ("Dr. Patel", "said", "the water is safe", "patel"),
        ("I", "mentioned", "The pumps are running", None),  # the turn fitting makes "I" the speaker
    ]  # "as we speak" tells the time


MID_TEXT = ("SECRETARY ROW: The stock of pumps has been, as I said, much enlarged. The drug is approved, as "
            "the doctor said, for the treatment of fevers. We are grateful to the crews — as the mayor said, the "
            "crews have come forward with their own boats. We are pumping the water, as the mayor said, but the rain "
            "goes on.\n")


def _one_turn(text: str) -> list[Section]:
    """The label and turn of a text that is one "SECRETARY ROW:" turn."""
    match = re.match(r"(SECRETARY ROW): (.*)$", text)
    return [Section(kind="label", span=Span.of(text, *match.span(1))),
            Section(kind="turn", span=Span.of(text, *match.span(2)))]


def test_an_as_clause_inside_a_clause_reports_the_words_on_both_sides(nlp):
    found = as_reports(nlp(MID_TEXT), [], _one_turn(MID_TEXT))
    assert [(s.source.text, [piece.text for piece in s.content]) for s in found] == [
        ("I", ["The stock of pumps has been", "much enlarged"]),  # the parse hangs "as" on "enlarged"
        ("the doctor", ["The drug is approved", "for the treatment of fevers"]),  # not the cue's
        ("the mayor", ["the crews have come forward with their own boats"]),  # the clause starts after the dash
        ("the mayor", ["We are pumping the water"]),  # "but …" is a clause of its own
    ]


THAT_TEXT = ("SECRETARY ROW: We will make it clear to the mayors, as we made it clear to the nurses on Monday, "
             "that the beds are ready. People should know, as our engineers have explained, that the bridge will "
             "take a year to mend.\n")


def test_a_that_clause_after_an_as_clause_is_what_it_reports(nlp):
    found = as_reports(nlp(THAT_TEXT), [], _one_turn(THAT_TEXT))
    assert [(s.source.text, s.cue.text, s.text) for s in found] == [
        ("we", "made", "the beds are ready"),  # a speech phrase, whatever the parse hangs "that" on
        ("our engineers", "explained", "the bridge will take a year to mend"),
    ]


def test_a_saying_in_an_as_clause_is_a_report():
    text = "PRESIDENT LEE: The rain, as we say, was a gift. I say the rain was a gift. Crews will do as we say now.\n"
    sections = [Section(kind="label", span=Span.of(text, 0, 13)),
                Section(kind="turn", span=Span.of(text, 15, len(text) - 1))]
    people = [Participant(id="lee", name="Lee", title="President", role="speaker", mentions=[sections[0].span])]

    def said(source: str, content: str, after: int = 0) -> Statement:
        at = text.index(f"{source} say", after)
        start = text.index(content)
        return Statement(id="x", kind="indirect", source=Span.of(text, at, at + len(source)),
                         cue=Span.of(text, at + len(source) + 1, at + len(source) + 4),
                         content=[Span.of(text, start, start + len(content))], speaker=None)

    kept, _added = within_turns([said("we", "was a gift"), said("I", "the rain was a gift"),
                                 said("we", "Crews will do", text.index("Crews"))], [], people, sections)
    # "I say …" is said now, "do as we say" is an order
    assert [(s.text, s.speaker) for s in kept] == [("was a gift", "lee")]


def test_a_statement_at_a_form_s_cue_takes_its_content_when_it_ran_on_or_lay_before_the_cue():
    text = "To echo what Lee said, the ferries are free. Kim asked us to wait. And then we left."

    def at(phrase: str) -> Span:
        return Span.of(text, text.index(phrase), text.index(phrase) + len(phrase))

    def said(cue: str, content: str) -> Statement:
        return Statement(id="x", kind="indirect", source=at("Lee"), cue=at(cue), content=[at(content)])

    statements = [said("said", "To echo"), said("asked", "to wait. And then we left")]
    kept, left = _tightened(statements, [said("said", "the ferries are free"), said("asked", "to wait"),
                                         said("left", "we")])
    assert [s.text for s in kept] == ["the ferries are free", "to wait"]
    assert [r.cue.text for r in left] == ["left"]


def test_a_clause_is_what_its_nearest_cue_reports():
    text = "I wanted to ask because, this morning, he wrote that the dams will hold for a month."

    def at(phrase: str) -> Span:
        return Span.of(text, text.index(phrase), text.index(phrase) + len(phrase))

    outer = Statement(id="x", kind="indirect", source=at("I"), cue=at("ask"), speaker="lee",
                      content=[at("that the dams will hold for a month")])
    wrote = Statement(id="y", kind="indirect", source=at("he"), cue=at("wrote"), speaker="ames",
                      content=[at("the dams will hold")])
    kept, left = _nearer_cue([outer], [wrote])
    assert [(s.source.text, s.cue.text, s.speaker, s.text) for s in kept] == [
        ("he", "wrote", "ames", "that the dams will hold for a month")]
    assert left == []
    part = attrs.evolve(wrote, content=[at("hold for a month")])
    assert _nearer_cue([outer], [part]) == ([outer], [part])  # a report of a part, not of the clause it opens


def test_speakers_merge_with_the_people_the_text_names_and_quotes_go_to_who_said_them(pipeline):
    briefing = pipeline.extract(TRANSCRIPT)
    vasquez = briefing.participant("vasquez")
    assert (vasquez.name, vasquez.title, vasquez.role) == ("Lena Vasquez", None, "speaker")  # "Dr." is a courtesy form
    assert [p.name for p in briefing.participants].count("Lena Vasquez") == 1
    inner = [s for s in briefing.statements if s.id.startswith("s")]
    assert [(s.source.text, s.cue.text, s.content[0].text) for s in inner] == [
        ("Admiral Brandt", "told", 'that "the coast guard will double its patrols until the end of the month."'),
        ("The shipping association", "said", 'that the new checks are "a tax on honest crews."'),
    ]
    assert briefing.participant(inner[0].speaker).name == "Brandt"
    assert len(briefing.statements) == 9  # seven turns, two reported inside them; "I would say" is the turn's own


def test_the_done_when_briefing(pipeline):
    """The issue's check: one statement per labelled turn, the right speakers, questions marked."""
    path = need_corpus() / "briefings" / "white_house_briefing_March-16-2020.html"
    briefing = pipeline.extract(path)
    turns = [s for s in briefing.statements if s.id.startswith("t")]
    assert len(turns) == 213
    speakers = {(p.name, p.title) for p in briefing.participants if briefing.statements_by(p.id)}
    assert {("Trump", "President"), ("Fauci", None), ("Pence", "Vice President"), ("Azar", "Secretary"),
            ("Giroir", "Admiral"), ("Reporters", None)} <= speakers
    assert ("Birx", "Ambassador") in speakers  # the label says DR. BIRX; the text calls her Ambassador Birx
    assert {s.act for s in turns if s.source.text == "Q" and asks(s.content[0].text)} == {"question"}
    assert all(s.act == "statement" for s in turns if s.source.text == "Q" and not asks(s.content[0].text))
    first_answer = next(s for s in turns if s.act == "answer")
    assert (briefing.participant(first_answer.speaker).name, first_answer.content[0].text[:22]) == ("Trump", "My favorite question; ")
    vice = next(s for s in briefing.statements if s.source.text == "the Vice President")
    assert vice.speaker == "pence" and vice.id.startswith("s")
