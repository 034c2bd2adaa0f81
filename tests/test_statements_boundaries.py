"""Content boundaries of linked statements (``briefing.statements.boundaries``): each test gives
the tagger's groups by hand over a parse of our own sentences, so that it names one rule."""

import pytest

from briefing.statements.boundaries import trim_boundaries
from briefing.statements.frames import Frame, QuoteIndex
from briefing.statements.linking import Linked
from briefing.statements.quotes import find_quotes
from briefing.statements.tagger import TaggedSpan


def tagged(doc, role, text, piece, after=0):
    start = text.index(piece, after)
    tokens = doc.char_span(start, start + len(piece), alignment_mode="expand")
    return TaggedSpan(role, start, start + len(piece), tokens.start, tokens.end - 1, 0.9)


def group(doc, text, cue, contents, source=None):
    return Linked(tagged(doc, "CUE", text, cue), [tagged(doc, "CONTENT", text, c) for c in contents],
                  tagged(doc, "SOURCE", text, source) if source else None)


def trim(doc, groups, frames=()):
    return trim_boundaries(doc, groups, frames, QuoteIndex(find_quotes(doc.text)))


def contents(text, groups):
    return [[text[c.start : c.end] for c in sorted(g.contents, key=lambda c: c.start)] for g in groups]


def test_a_connective_opening_the_sentence_is_not_reported(nlp):
    text = "The mayor met the crews. But the port will stay shut, she said. In addition, the fees will rise, she added."
    doc = nlp(text)
    groups = [group(doc, text, "said", ["But the port will stay shut"], "she"),
              group(doc, text, "added", ["In addition, the fees will rise"], "she")]
    assert contents(text, trim(doc, groups)) == [["the port will stay shut"], ["the fees will rise"]]


# One statement each: the text, its cue and source, the tagger's content pieces, the pieces after.
CASES = {
    "a conjunction inside the sentence stays": (
        "She said the port would close but the crews would stay.", "said", "She",
        ["the port would close but the crews would stay"], ["the port would close but the crews would stay"]),
    "narration after a trailing attribution is not quoted speech": (
        '"We will rebuild the pier before winter," Roe said at a meeting on Tuesday, referring to the storm.',
        "said", "Roe", ['"We will rebuild the pier before winter,"', "at a meeting on Tuesday, referring to the storm"],
        ['"We will rebuild the pier before winter,"']),
    "a quotation after a trailing attribution stays": (
        '"We will rebuild the pier," Roe said, "and nobody will lose a job."', "said", "Roe",
        ['"We will rebuild the pier,"', '"and nobody will lose a job."'],
        ['"We will rebuild the pier,"', '"and nobody will lose a job."']),
    "a clause coordinated with the content is taken": (
        "The council noted the harbour had flooded twice, but the insurers refused to pay.", "noted", "The council",
        ["the harbour had flooded twice"], ["the harbour had flooded twice, but the insurers refused to pay"]),
    "a coordinated cue is not taken into the content": (
        "The council noted the harbour had flooded twice and said the insurers would pay.", "noted", "The council",
        ["the harbour had flooded twice"], ["the harbour had flooded twice"]),
    "a participle clause of the cue is not reported": (
        "Roe promised that the pier would be rebuilt, forcing the council to find the money.", "promised", "Roe",
        ["that the pier would be rebuilt, forcing the council to find the money"], ["that the pier would be rebuilt"]),
    "the words before a cue that a colon and a quotation follow are not reported": (
        'The fees will probably rise again next year, Senator Ada Moreno said: "The port needs the money."',
        "said", "Senator Ada Moreno", ["The fees will probably rise again next year", '"The port needs the money."'],
        ['"The port needs the money."']),
    "without a colon, a parenthetical cue reports both sides": (
        'The fees, Senator Ada Moreno said, "will rise again next year."',
        "said", "Senator Ada Moreno", ["The fees", '"will rise again next year."'],
        ["The fees", '"will rise again next year."']),
    "a participle clause inside the content stays": (
        "The mayor said the fees would rise, drawing angry replies from the fleet owners.", "said", "The mayor",
        ["the fees would rise, drawing angry replies from the fleet owners"],
        ["the fees would rise, drawing angry replies from the fleet owners"]),
    "a cue in a concessive clause does not report the main clause": (
        "The mayor did not give a figure for the repairs, though she said new fees would cover them.", "said", "she",
        ["The mayor did not give a figure for the repairs", "new fees would cover them"], ["new fees would cover them"]),
    "a connective without a comma is not reported": (
        "The mayor met the crews. However the port will stay shut, she noted.", "noted", "she",
        ["However the port will stay shut"], ["the port will stay shut"]),
    "however before an adjective stays": (
        "The mayor met the crews. However high the fees rise, the port will stay open, she noted.", "noted", "she",
        ["However high the fees rise, the port will stay open"], ["However high the fees rise, the port will stay open"]),
    "a piece holding the statement's own source is not reported": (
        "Moreno thanked the crews, and the repairs will be done by spring, she said.", "said", "Moreno",
        ["Moreno thanked the crews", "the repairs will be done by spring"], ["the repairs will be done by spring"]),
    "a cue after as reports the main clause": (
        "The repairs will cost more than planned, as she said new fees would cover them.", "said", "she",
        ["The repairs will cost more than planned", "new fees would cover them"],
        ["The repairs will cost more than planned", "new fees would cover them"]),
}


@pytest.mark.parametrize("name", list(CASES))
def test_one_statement(nlp, name):
    text, cue, source, pieces, expected = CASES[name]
    doc = nlp(text)
    assert contents(text, trim(doc, [group(doc, text, cue, pieces, source)])) == [expected]


def test_a_quotation_opening_a_later_paragraph_is_a_statement_of_its_own(nlp):
    text = ('Roe spoke to the crews on Friday. "We will rebuild the pier," she said.\n\n'
            '"Nobody here will lose a job over the storm."')
    doc = nlp(text)
    both = group(doc, text, "said", ['"We will rebuild the pier,"', '"Nobody here will lose a job over the storm."'],
                 "she")
    found = trim(doc, [both])
    assert contents(text, found) == [['"We will rebuild the pier,"'], ['"Nobody here will lose a job over the storm."']]
    assert found[0].cue == found[1].cue and found[0].source == found[1].source


def test_a_later_paragraph_with_a_cue_of_its_own_is_left_joined(nlp):
    text = ('Roe spoke to the crews on Friday. "We will rebuild the pier," she said.\n\n'
            '"Nobody here will lose a job," the foreman said.')
    doc = nlp(text)
    both = group(doc, text, "said", ['"We will rebuild the pier,"', '"Nobody here will lose a job,"'], "she")
    foreman = text.rindex("said")
    frames = [Frame(cue=(foreman, foreman + 4), head=doc.char_span(foreman, foreman + 4).root.i)]
    assert contents(text, trim(doc, [both], frames)) == [
        ['"We will rebuild the pier,"', '"Nobody here will lose a job,"']]


def test_a_quotation_left_open_over_a_paragraph_break_stays_one_statement(nlp):
    text = ('Roe spoke to the crews on Friday. "We will rebuild the pier before the winter storms.\n\n'
            '"Nobody here will lose a job over it," she said.')
    doc = nlp(text)
    both = group(doc, text, "said", ['"We will rebuild the pier before the winter storms.',
                                     '"Nobody here will lose a job over it,"'], "she")
    assert len(trim(doc, [both])) == 1


def test_a_cue_participle_opening_the_sentence_is_a_statement_of_its_own(nlp):
    from briefing.statements.frames import find_frames

    text = "Claiming the fees were too high, the mayor told reporters that the board had lost its way."
    doc = nlp(text)
    frames = find_frames(doc, QuoteIndex(find_quotes(text)))
    groups = trim(doc, [group(doc, text, "told", ["the fees were too high", "that the board had lost its way"],
                              "the mayor")], frames)
    assert contents(text, groups) == [["that the board had lost its way"], ["the fees were too high"]]
    assert [text[g.cue.start : g.cue.end] for g in groups] == ["told", "Claiming"]
    assert {text[g.source.start : g.source.end] for g in groups} == {"the mayor"}
