"""Attributions of belief, intention and finding (:mod:`briefing.statements.attitudes`), through both
statement extractors, on texts written for these tests."""

import json
from importlib import resources

import pytest

from briefing.statements.attitudes import attitude_lexicon, object_lexicon
from briefing.statements.cues import cue_lexicon

TEXT = (
    "Council member Ada Ruiz believes the parking fees fund the lifeguards. "
    "The harbor board wants to scrap the fees next spring. "
    "A survey by the port authority shows that most visitors would pay more for cleaner beaches. "
    "The union refused to sign the new contract."
)


def _attitudes(briefing):
    return [(s.attribution, s.source.text, s.cue.text, s.text) for s in briefing.statements if s.attribution != "speech"]


@pytest.fixture(params=["trained", "rules"])
def extract(request, nlp, plugins):
    from briefing import Pipeline

    return Pipeline(nlp=nlp, plugins=plugins, statements=request.param).extract


def test_each_attribution_type_is_found_with_its_source_cue_and_clause(extract):
    briefing = extract(TEXT)
    assert _attitudes(briefing) == [
        ("belief", "Council member Ada Ruiz", "believes", "the parking fees fund the lifeguards"),
        ("intention", "The harbor board", "wants", "to scrap the fees next spring"),
        ("finding", "A survey by the port authority", "shows",
         "that most visitors would pay more for cleaner beaches"),
        ("intention", "The union", "refused", "to sign the new contract"),
    ]
    ruiz = next(s for s in briefing.statements if s.cue.text == "believes")
    assert briefing.participant(ruiz.speaker).name == "Ada Ruiz"
    assert [s.id for s in briefing.statements] == [f"s{n}" for n in range(1, len(briefing.statements) + 1)]


def test_speech_wins_over_an_attitude_inside_or_overlapping_it(extract):
    text = ("Ada Ruiz said the board wants to scrap the fees. "
            "“We believe the fees fund the lifeguards,” Ruiz said.")
    briefing = extract(text)
    assert _attitudes(briefing) == []
    assert [s.cue.text for s in briefing.statements] == ["said", "said"]


def test_conditions_questions_passives_and_listeners_hold_no_attitude(extract):
    text = ("If the board wants to scrap the fees, it needs a vote. Does the mayor intend to run again? "
            "The fees are expected to rise. You want to see the beach at dawn.")
    assert _attitudes(extract(text)) == []


def test_no_attitude_is_made_inside_a_transcript_turn(pipeline):
    text = """Press Briefing on the Harbor Fees

THE MAYOR: Good afternoon. I think the fees fund the lifeguards, and we want to keep them for the summer.

Q The harbor board wants to scrap the fees. What is your answer, Mayor?

THE MAYOR: I believe the board is mistaken about the costs.
"""
    briefing = pipeline.extract(text)
    turns = [s for s in briefing.statements if s.id.startswith("t")]
    assert len(turns) == 3
    # "I think", "we want" are the turn's own words; the board's wish is the reporter's account
    assert _attitudes(briefing) == []
    assert _attitudes(pipeline.extract("The harbor board wants to scrap the fees.")) == [
        ("intention", "The harbor board", "wants", "to scrap the fees")]


def test_a_stance_verb_with_a_noun_phrase_object_attributes_the_object(extract):
    text = ("The harbor board condemned the sudden closure of the ferry pier. "
            "Local anglers oppose the new catch limits. "
            "The fishing cooperative wants lower mooring fees. "
            "The anglers want it. The board backed them.")
    assert _attitudes(extract(text)) == [
        ("belief", "Local anglers", "oppose", "the new catch limits"),
        ("intention", "The fishing cooperative", "wants", "lower mooring fees"),
    ]
    condemned = next(s for s in extract(text).statements if s.cue.text == "condemned")
    assert (condemned.attribution, condemned.source.text, condemned.text) == (
        "speech", "The harbor board", "the sudden closure of the ferry pier")


def test_a_verb_of_challenge_or_seeking_takes_a_stand_only_on_an_act(extract):
    text = ("The fishing cooperative is challenging the new catch rules. "
            "Ada Ruiz challenged the incumbent in the spring. "
            "The harbor board seeks a ban on night trawling. The mayor seeks a second term.")
    assert _attitudes(extract(text)) == [
        ("belief", "The fishing cooperative", "challenging", "the new catch rules"),
        ("intention", "The harbor board", "seeks", "a ban on night trawling"),
    ]


def test_a_clause_after_a_noun_object_is_not_the_verbs_content(extract):
    # the parse hangs the aside in brackets on "want"; the object is what they want
    text = ("Farmers want rules that lower the levy in the first year (they want lower fees and say that such fees "
            "would help the harvest).")
    assert ("intention", "Farmers", "want", "rules that lower the levy in the first year") in _attitudes(extract(text))


def test_a_clause_whose_subject_the_parse_took_for_the_object_begins_at_it(extract):
    # the parse reads "the apology" as what Ruiz feels, and "was rather late" as a clause with no
    # subject of its own: the clause is the whole of it
    text = "Council member Ada Ruiz feels the apology to the fishermen was rather late."
    assert _attitudes(extract(text)) == [
        ("belief", "Council member Ada Ruiz", "feels", "the apology to the fishermen was rather late")]


def test_the_lexicon_holds_no_speech_verb_and_names_each_kind():
    data = json.loads(resources.files("briefing").joinpath("data/attitudes.json").read_text("utf-8"))
    assert "_comment" in data
    assert set(attitude_lexicon().values()) == {"belief", "intention", "finding"}
    assert not set(attitude_lexicon()) & cue_lexicon().verbs
    assert set(object_lexicon().values()) == {"speech", "belief", "intention"}


def test_regular_forms_cover_what_the_model_lemmatises_to_another_word():
    from briefing.statements.attitudes import regular_forms

    assert regular_forms("hope") == {"hope", "hopes", "hoped", "hoping"}
    assert regular_forms("plan") == {"plan", "plans", "planned", "planning"}
    assert regular_forms("worry") == {"worry", "worries", "worried", "worrying"}
    assert regular_forms("wish") == {"wish", "wishes", "wished", "wishing"}


def test_a_report_of_speech_around_or_inside_the_clause_is_what_counts(nlp):
    from briefing.statements.attitudes import _reports_speech

    def judged(text):
        doc = nlp(text)
        verb = next(t for t in doc if t.lemma_ == "refuse")
        clause = next(c for c in verb.children if c.dep_ == "xcomp")
        return _reports_speech(verb, clause)

    assert judged("They doubted the claim that the guards refused to open the gate.")
    assert judged("The guards refused to explain why the gate was shut.")
    assert not judged("The guards refused to open the gate.")
