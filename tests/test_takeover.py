"""Where the rules' statements take over from the tagger's (``briefing.statements.takeover``): each
example is one the CRF alone gets wrong (its wrong answer is in the comment)."""

import pytest

from briefing import Pipeline, Span, Statement
from briefing.statements.takeover import parenthetical


@pytest.fixture
def trained(nlp, plugins):
    return Pipeline(nlp=nlp, plugins=plugins, statements="trained", issues="none")


def said(pipeline, text):
    briefing = pipeline.extract(text)
    names = {p.id: p.name for p in briefing.participants}
    return [(names.get(s.speaker), s.cue.text if s.cue else None, [c.text for c in s.content])
            for s in briefing.statements]


def test_a_parenthetical_cue_reports_the_clause_around_it(trained):
    text = ("Minister Claire Dubois met the fleet owners on Monday. As such, she explained, the owners agreed "
            "that the fees should rise slowly.")
    # alone: the owners' "agreed" is the cue, and nobody the speaker
    assert said(trained, text) == [
        ("Claire Dubois", "explained", ["the owners agreed that the fees should rise slowly"])
    ]


def test_according_to_is_not_taken_by_the_next_sentences_cue(trained):
    text = ('Budget talks resumed on Friday. According to Senator Ada Moreno, the new plan is "fair to every '
            'region." She expressed hope for a vote by June.')
    # alone: one statement of "expressed hope for" holding both contents
    assert said(trained, text) == [
        ("Ada Moreno", "According to", ['the new plan is "fair to every region."']),
        ("Ada Moreno", "expressed", ["hope for a vote by June"]),
    ]


def test_a_relative_clause_cue_reports_what_follows_it_not_the_pronoun(trained):
    text = ("Governor Sam Hill praised the crews. Dubois met him for the talks on the new port, which he "
            'described as "a gift to the next generation."')
    # alone: the content is "which" and "as “a gift …”"
    assert said(trained, text)[-1] == ("Sam Hill", "described", ['"a gift to the next generation."'])


def test_a_quote_introduced_by_a_colon_gets_the_speaker_the_rules_find(trained):
    text = ("Senator Ada Moreno closed the hearing with a warning:\n\n"
            '"We will not fund a port that nobody can reach in winter, and we will say so in every vote."')
    # alone: the quotation has no cue and no speaker
    [(speaker, cue, content)] = said(trained, text)
    assert cue == ":" and "Moreno" in (speaker or "") and content[0].startswith('"We will not fund')


def test_cues_are_trimmed_to_the_rules_cue(trained):
    text = "Admiral Ruth Brandt warned against cutting the patrols and emphasized the need for two more ships."
    # alone: the first cue is "warned against"
    assert [cue for _speaker, cue, _content in said(trained, text)] == ["warned", "emphasized"]


def test_parenthetical_needs_the_source_and_cue_between_commas():
    text = "The fees, she insisted, are modest. She insisted that the fees are modest."
    inside = Statement(id="s1", kind="indirect", content=[Span.of(text, 0, 8), Span.of(text, 24, 34)],
                       cue=Span.of(text, 14, 22), source=Span.of(text, 10, 13))
    before = Statement(id="s2", kind="indirect", content=[Span.of(text, 49, 71)],
                       cue=Span.of(text, 40, 48), source=Span.of(text, 36, 39))
    assert (inside.cue.text, inside.source.text, before.cue.text) == ("insisted", "she", "insisted")
    assert parenthetical(text, inside)
    assert not parenthetical(text, before)


def test_a_content_running_into_a_coordinated_cue_is_split(trained):
    text = ("Admiral Ruth Brandt said the navy would double its patrols in the north and warned against any cut "
            "to the coast guard's budget.")
    # alone: one statement of "said" holding "… and warned against …"
    assert said(trained, text) == [
        ("Ruth Brandt", "said", ["the navy would double its patrols in the north"]),
        ("Ruth Brandt", "warned", ["any cut to the coast guard's budget"]),
    ]


def test_a_coordinated_cue_deeper_in_the_content_stays_in_it(trained):
    text = "Chief Ana Ruiz said the crews were still searching when the captain radioed and reported the leak."
    # "reported" is coordinated with "radioed", inside what she said, not with what "said" governs
    assert said(trained, text) == [
        ("Ana Ruiz", "said", ["the crews were still searching when the captain radioed and reported the leak"])
    ]
