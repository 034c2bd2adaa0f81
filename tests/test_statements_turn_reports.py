"""Reports inside turns without a "that" clause (:mod:`briefing.statements.turn_reports`): a
directive's infinitive, a call's, the sentence after a colon, and who was heard from."""

import re

from briefing.model import Participant, Section, Span, Statement
from briefing.statements.turn_reports import turn_reports

TEXT = ("SECRETARY ROW: The Governor has asked us to reopen the bridge by Friday. We challenged the builders to "
        "finish the ramps in a week. The Governor's call to conserve water is working. We had calls from the "
        "mayors to open the bridge. The Governor has made it clear: No town will be left without water. We are hearing from mayors: They need more pumps.\n\n"
        "Q You've heard from Dr. Patel that the tests are slow. I would ask them to hurry. We did not ask them to "
        "stop. To echo what the mayor said, the ferries stay free. To see what he said, read the notes. "
        "The crews went to the site: the road was closed. What the inspectors told us was that the piers are "
        "sound. The tolls stayed low because the Governor insisted that they stay low. You said, a week ago, that the "
        "bridge would open.\n")


def _sections():
    sections = []
    for match in re.finditer(r"^(SECRETARY ROW|Q):? (.*)$", TEXT, re.MULTILINE):
        sections += [Section(kind="label", span=Span.of(TEXT, *match.span(1))),
                     Section(kind="turn", span=Span.of(TEXT, *match.span(2)))]
    return sections


def _patel():
    start = TEXT.index("Dr. Patel")
    return Participant(id="patel", name="Sam Patel", mentions=[Span.of(TEXT, start, start + len("Dr. Patel"))])


def test_reports_without_a_that_clause_inside_turns(nlp):
    found = turn_reports(nlp(TEXT), [_patel()], _sections())
    assert [(s.source.text, s.cue.text, s.text, s.speaker) for s in found] == [
        ("The Governor", "asked", "to reopen the bridge by Friday", None),  # a directive: its infinitive
        ("We", "challenged", "to finish the ramps in a week", None),
        ("The Governor", "call", "to conserve water", None),  # a call to …
        ("the mayors", "calls", "to open the bridge", None),  # calls from someone to …
        ("The Governor", "made", "No town will be left without water", None),  # "made it clear:"
        ("mayors", "hearing", "They need more pumps", None),  # heard from: the mayors speak
        ("Dr. Patel", "heard", "the tests are slow", "patel"),
        ("the mayor", "said", "the ferries stay free", None),  # restated; "to see what he said" is no restating
        ("the inspectors", "told", "the piers are sound", None),  # a cleft
        ("the Governor", "insisted", "they stay low", None),  # a "that" clause the extractor passed over
        ("You", "said", "the bridge would open", None),  # the parse hangs "said" on the clause
    ]  # hedged ("would ask"), negated ("did not ask") and a colon after no speech report nothing


def test_cues_other_statements_have_are_left_to_them(nlp):
    doc = nlp(TEXT)
    start = TEXT.index("asked")
    taken = Statement(id="s1", kind="indirect", content=[Span.of(TEXT, start + 9, start + 39)],
                      cue=Span.of(TEXT, start, start + len("asked")))
    found = turn_reports(doc, [_patel()], _sections(), [taken])
    assert "asked" not in [s.cue.text for s in found] and len(found) == 10


def test_nothing_outside_turns(nlp):
    assert turn_reports(nlp(TEXT), [_patel()], []) == []


def test_a_report_inside_another_report_s_clause(nlp):
    text = ("SECRETARY ROW: People are saying that they — nurses are telling us they lack masks. "
            "We know that the nurses lack masks.\n")
    sections = [Section(kind="label", span=Span.of(text, 0, 13)),
                Section(kind="turn", span=Span.of(text, 15, len(text) - 1))]
    found = turn_reports(nlp(text), [], sections)
    # the subject nearest the cue after a restart; "know" is no report of anyone's
    assert [(s.source.text, s.cue.text, s.text) for s in found if s.cue.text != "saying"] == [
        ("nurses", "telling", "they lack masks")]


def test_what_someone_did_by_saying_it(nlp):
    text = ("SECRETARY ROW: And one thing that, with the mayor's help, the Board has done is said, “How do we keep "
            "the schools open? We can do it.” Then we left. The first thing the crews did was tell us that the "
            "road is shut.\n")
    sections = [Section(kind="label", span=Span.of(text, 0, 13)),
                Section(kind="turn", span=Span.of(text, 15, len(text) - 1))]
    found = turn_reports(nlp(text), [], sections)
    # the whole quotation after the cue; a "that" clause when there is one
    assert [(s.source.text, s.cue.text, s.text) for s in found] == [
        ("the Board", "said", "How do we keep the schools open? We can do it"), ("the crews", "tell", "the road is shut")]
