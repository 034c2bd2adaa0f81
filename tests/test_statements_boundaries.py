"""Content boundaries of linked statements (``briefing.statements.boundaries``): each test gives
the tagger's groups by hand over a parse of our own sentences, so that it names one rule."""

import pytest

from briefing.statements.boundaries import trim_boundaries
from briefing.statements.frames import Frame
from briefing.statements.linking import Linked
from briefing.statements.tagger import TaggedSpan


def tagged(doc, role, text, piece, after=0):
    start = text.index(piece, after)
    tokens = doc.char_span(start, start + len(piece), alignment_mode="expand")
    return TaggedSpan(role, start, start + len(piece), tokens.start, tokens.end - 1, 0.9)


def group(doc, text, cue, contents, source=None):
    return Linked(tagged(doc, "CUE", text, cue), [tagged(doc, "CONTENT", text, c) for c in contents],
                  tagged(doc, "SOURCE", text, source) if source else None)


def contents(text, groups):
    return [[text[c.start : c.end] for c in sorted(g.contents, key=lambda c: c.start)] for g in groups]


def test_a_connective_opening_the_sentence_is_not_reported(nlp):
    text = "The mayor met the crews. But the port will stay shut, she said. In addition, the fees will rise, she added."
    doc = nlp(text)
    groups = [group(doc, text, "said", ["But the port will stay shut"], "she"),
              group(doc, text, "added", ["In addition, the fees will rise"], "she")]
    assert contents(text, trim_boundaries(doc, groups, [])) == [["the port will stay shut"], ["the fees will rise"]]


def test_a_conjunction_inside_the_sentence_stays(nlp):
    text = "She said the port would close but the crews would stay."
    doc = nlp(text)
    groups = [group(doc, text, "said", ["the port would close but the crews would stay"], "She")]
    assert contents(text, trim_boundaries(doc, groups, [])) == [["the port would close but the crews would stay"]]


def test_narration_after_a_trailing_attribution_is_not_quoted_speech(nlp):
    text = ('"We will rebuild the pier before winter," Roe said at a meeting on Tuesday, referring to the storm. '
            '"Nobody will lose a job," she said.')
    doc = nlp(text)
    first = group(doc, text, "said", ['"We will rebuild the pier before winter,"',
                                      "at a meeting on Tuesday, referring to the storm"], "Roe")
    assert contents(text, trim_boundaries(doc, [first], [])) == [['"We will rebuild the pier before winter,"']]


def test_a_quotation_after_a_trailing_attribution_stays(nlp):
    text = '"We will rebuild the pier," Roe said, "and nobody will lose a job."'
    doc = nlp(text)
    both = group(doc, text, "said", ['"We will rebuild the pier,"', '"and nobody will lose a job."'], "Roe")
    assert contents(text, trim_boundaries(doc, [both], [])) == [
        ['"We will rebuild the pier,"', '"and nobody will lose a job."']]


def test_a_content_takes_a_clause_coordinated_with_it(nlp):
    text = "The council noted the harbour had flooded twice, but the insurers refused to pay."
    doc = nlp(text)
    groups = [group(doc, text, "noted", ["the harbour had flooded twice"], "The council")]
    assert contents(text, trim_boundaries(doc, groups, [])) == [
        ["the harbour had flooded twice, but the insurers refused to pay"]]


def test_a_coordinated_cue_is_not_taken_into_the_content(nlp):
    text = "The council noted the harbour had flooded twice and said the insurers would pay."
    doc = nlp(text)
    groups = [group(doc, text, "noted", ["the harbour had flooded twice"], "The council")]
    assert contents(text, trim_boundaries(doc, groups, [])) == [["the harbour had flooded twice"]]


def test_a_participle_clause_of_the_cue_is_not_reported(nlp):
    text = "Roe promised that the pier would be rebuilt, forcing the council to find the money."
    doc = nlp(text)
    groups = [group(doc, text, "promised", ["that the pier would be rebuilt, forcing the council to find the money"],
                    "Roe")]
    assert contents(text, trim_boundaries(doc, groups, [])) == [["that the pier would be rebuilt"]]


def test_a_participle_clause_inside_the_content_stays(nlp):
    text = "The mayor said the fees would rise, drawing angry replies from the fleet owners."
    doc = nlp(text)
    groups = [group(doc, text, "said", ["the fees would rise, drawing angry replies from the fleet owners"], "The mayor")]
    assert contents(text, trim_boundaries(doc, groups, [])) == [
        ["the fees would rise, drawing angry replies from the fleet owners"]]


def test_a_quotation_opening_a_later_paragraph_is_a_statement_of_its_own(nlp):
    text = ('Roe spoke to the crews on Friday. "We will rebuild the pier," she said.\n\n'
            '"Nobody here will lose a job over the storm."')
    doc = nlp(text)
    both = group(doc, text, "said", ['"We will rebuild the pier,"', '"Nobody here will lose a job over the storm."'],
                 "she")
    found = trim_boundaries(doc, [both], [])
    assert contents(text, found) == [['"We will rebuild the pier,"'], ['"Nobody here will lose a job over the storm."']]
    assert found[0].cue == found[1].cue and found[0].source == found[1].source


def test_a_later_paragraph_with_a_cue_of_its_own_is_left_joined(nlp):
    text = ('Roe spoke to the crews on Friday. "We will rebuild the pier," she said.\n\n'
            '"Nobody here will lose a job," the foreman said.')
    doc = nlp(text)
    both = group(doc, text, "said", ['"We will rebuild the pier,"', '"Nobody here will lose a job,"'], "she")
    foreman = text.rindex("said")
    frames = [Frame(cue=(foreman, foreman + 4), head=doc.char_span(foreman, foreman + 4).root.i)]
    assert contents(text, trim_boundaries(doc, [both], frames)) == [
        ['"We will rebuild the pier,"', '"Nobody here will lose a job,"']]
