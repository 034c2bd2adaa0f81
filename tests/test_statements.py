from hypothesis import HealthCheck, given, settings

from briefing import Briefing
from briefing.statements.rules import extract_statements
from strategies import prose


def statements(pipeline, text):
    briefing = pipeline.extract(text)
    names = {p.id: p.name for p in briefing.participants}
    return [(names.get(s.speaker), s.kind, s.source.text if s.source else None, s.cue.text if s.cue else None,
             [c.text for c in s.content]) for s in briefing.statements]


def test_said_that(pipeline):
    assert statements(pipeline, "Senator Ada Moreno said that the bill would pass.") == [
        ("Ada Moreno", "indirect", "Senator Ada Moreno", "said", ["that the bill would pass"])
    ]


def test_interrupted_quote_is_one_statement_in_two_pieces(pipeline):
    text = "“We will win this,” Governor Ben Ortiz told reporters. “Nobody doubts it.”"
    assert statements(pipeline, text) == [
        ("Ben Ortiz", "direct", "Governor Ben Ortiz", "told", ["“We will win this,”", "“Nobody doubts it.”"])
    ]


def test_according_to(pipeline):
    assert statements(pipeline, "The budget is balanced, according to Mayor Lena Park.") == [
        ("Lena Park", "indirect", "Mayor Lena Park", "according to", ["The budget is balanced"])
    ]


def test_pronoun_resolves_to_the_last_person_outside_quotes(pipeline):
    text = "Minister Omar Haddad arrived on Monday. He said the border would stay open."
    [(speaker, kind, source, cue, content)] = statements(pipeline, text)
    assert (speaker, source, cue) == ("Omar Haddad", "He", "said")


def test_the_subject_of_the_cue_is_the_source_not_the_object(pipeline):
    text = "'Yes, I back the plan,' Vera Lind tells the Daily Ledger."
    [(speaker, kind, source, cue, content)] = statements(pipeline, text)
    assert (speaker, source, cue, kind) == ("Vera Lind", "Vera Lind", "tells", "direct")


def test_cues_inside_quotes_are_not_statements(pipeline):
    text = "“He said he would come,” Mayor Tom Reyes said."
    assert [s[3] for s in statements(pipeline, text)] == ["said"]
    assert statements(pipeline, text)[0][0] == "Tom Reyes"


def test_scare_quotes_are_not_statements(pipeline):
    assert statements(pipeline, 'The so-called "reform" was passed on Monday.') == []


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(prose)
def test_never_raises_and_spans_are_valid(nlp, text):
    doc = nlp(text)
    found, added = extract_statements(doc, [])
    briefing = Briefing(id="x", text=text, statements=found, participants=added)  # validates every span
    for statement in briefing.statements:
        for span in statement.content:
            assert text[span.start : span.end] == span.text and span.text.strip()
