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


def test_a_clause_after_a_fronted_phrase_is_reported_by_its_tagged_cue(trained):
    text = "After the vote, the new quay met every target, Minister Claire Dubois said."
    # alone: the tagger tags "Dubois" and "said" but leaves the clause untagged, and there is no statement
    assert said(trained, text) == [("Claire Dubois", "said", ["After the vote, the new quay met every target"])]


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


def said_text(text, piece):
    start = text.index(piece)
    return Span.of(text, start, start + len(piece))


def test_a_quotation_the_tagger_left_out_joins_its_statement_in_the_same_paragraph(nlp):
    from briefing.statements.linking import Linked
    from briefing.statements.takeover import take_over
    from briefing.statements.tagger import TaggedSpan

    text = ('"Put it down," she says. "Put it down now. He has no gun."\n\n'
            '"Nobody listened," she says.')
    doc = nlp(text)

    def tagged(role, piece):
        span = said_text(text, piece)
        tokens = doc.char_span(span.start, span.end)
        return TaggedSpan(role, span.start, span.end, tokens.start, tokens.end - 1, 0.9)

    first, second = '"Put it down,"', '"Put it down now. He has no gun."'
    cue, source = said_text(text, "says"), said_text(text, "she")
    later = '"Nobody listened,"'
    # the tagger found the first quotation only; the rules' statement of the same cue continues
    # with the second and, across the paragraph break, with a third (another cue's, in truth)
    rules = [Statement(id="s1", kind="direct", cue=cue, source=source,
                       content=[said_text(text, first), said_text(text, second), said_text(text, later)])]
    groups = [Linked(tagged("CUE", "says"), [tagged("CONTENT", first)], tagged("SOURCE", "she"))]
    [group] = take_over(doc, groups, rules)
    assert [text[c.start : c.end] for c in group.contents] == [first, second]


@pytest.mark.parametrize(
    ("sentence", "reported", "taken"),
    [
        # a whole quotation of three words is what a lone cue reports
        ("Raising the fees “makes no sense,”", "“makes no sense,”", True),
        # three words that are no quotation are a fragment of a misread frame, and a quoted name is shorter
        ("Raising the fees makes no sense,", "makes no sense", False),
        ("The harbour master wrote under the name “Old Salt,”", "“Old Salt,”", False),
    ],
)
def test_a_lone_cue_takes_a_short_quotation_but_no_short_fragment(nlp, sentence, reported, taken):
    from briefing.statements.tagger import TaggedSpan
    from briefing.statements.takeover import take_over

    text = f"{sentence} Minister Claire Dubois said."
    doc = nlp(text)
    cue = said_text(text, "said")
    rules = [Statement(id="s1", kind="mixed", cue=cue, source=said_text(text, "Minister Claire Dubois"),
                       content=[said_text(text, reported)])]
    tokens = doc.char_span(cue.start, cue.end)
    # the tagger tagged the cue, surely, and no content
    groups = take_over(doc, [], rules, [TaggedSpan("CUE", cue.start, cue.end, tokens.start, tokens.end - 1, 0.99)])
    assert [text[c.start : c.end] for g in groups for c in g.contents] == ([reported] if taken else [])


def test_a_quotation_taken_over_costs_the_tagged_statement_only_that_piece(trained):
    text = ("The pool closure angered many families.\n\n“It is a slap in the face to every family here,” "
            "Councillor Jane Reed said Friday. “If the pool closes, where do the children go all summer.\n"
            "“I have thought about this for a long time, and we have a plan,” added Councillor Tom Hale, the "
            "deputy leader of the council. “We will fight it in every vote.”\n")
    # the quotation left open after Reed's goes on into the next paragraph (the news convention) and
    # is Hale's; before, taking it over dropped Reed's statement, her first quotation with it
    found = said(trained, text)
    assert [(speaker.split()[-1], cue) for speaker, cue, _content in found] == [("Reed", "said"), ("Hale", "added")]
    assert found[0][2] == ["“It is a slap in the face to every family here,”"]


def test_a_transcript_in_an_article_is_one_statement_per_turn_of_its_label(trained):
    text = ('Councillor Jane Reed spoke to a radio host on Sunday. A partial transcript follows:\n\n'
            '"HOST: Will the council close the public pool this summer, as the budget office has proposed?\n\n'
            '"REED: Not while I hold this office. The pool is the only place the children of this town can swim.\n\n'
            '"HOST: But the budget office says there is no money for the repairs.\n\n'
            '"REED: Then we will find the money somewhere else."')
    # alone: one statement of no one, holding the last turn with its label
    found = said(trained, text)
    assert [(cue, content[0].split()[0]) for _speaker, cue, content in found] == [
        (":", "Will"), (":", "Not"), (":", "But"), (":", "Then")]
    assert [text[: text.index(content[0])].rsplit('"', 1)[-1] for *_x, content in found] == [
        "HOST: ", "REED: ", "HOST: ", "REED: "]


def test_a_label_does_not_take_over_a_paragraph_holding_another_label(trained):
    text = ('Senators Ada Moreno and Tom Hale both reject the harbour plan.\n\nMoreno: "We will not fund a port that '
            'nobody can reach in winter." Hale: "It is a waste of the money we have left."\n\n'
            '"Waste" is a word the board hears often.\n')
    # the rules read only the label opening the paragraph, and give it all the paragraph and the
    # next one's scare quote
    assert [(speaker.split()[-1], content) for speaker, cue, content in said(trained, text) if cue == ":"] == [
        ("Moreno", ['"We will not fund a port that nobody can reach in winter."']),
        ("Hale", ['"It is a waste of the money we have left."']),
    ]
