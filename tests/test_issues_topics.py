"""Topics from the classifier in the ``rules`` issues extractor: statements linked to the topic they
are classified under, a transcript's turns of thanks under none, the document's own topic, the
salience order, and the ``lexicon`` extractor that keeps the terms alone. The texts are written for these tests."""

import pytest

from briefing import Pipeline
from briefing.issues import topics
from briefing.issues.classifier import load_classifier
from briefing.issues.plugin import RulesIssues
from briefing.issues.topics import _ordered
from briefing.model import Issue

ELECTION = "Senate candidates trade barbs in final debate before the primary."

CLINICS = """Hospitals Warn of Flu Vaccine Shortage

The state's hospital association said on Monday that flu vaccine supplies would run short this winter. "We have \
asked doctors to save doses for elderly patients," said Ann Pell, the association's president. She said clinics had \
already turned patients away. "Nurses are working double shifts," Pell added.
"""


@pytest.fixture(scope="module")
def extractors(nlp):
    from briefing import PluginManager

    plugins = PluginManager(autoload=False)
    return Pipeline(nlp=nlp, plugins=plugins), Pipeline(nlp=nlp, plugins=plugins, issues="lexicon")


def test_the_first_topic_of_a_one_line_text_is_its_classified_topic(extractors):
    rules, lexicon = extractors
    briefing = rules.extract(ELECTION)
    assert [(i.id, i.label, i.code) for i in briefing.issues][:1] == [("cap-20", "Government Operations", "cap:20")]
    assert lexicon.extract(ELECTION).issues == ()  # no term of the taxonomy names it


def test_statements_are_linked_to_their_classified_topic_first(extractors):
    rules, _lexicon = extractors
    classified = rules.extract(CLINICS)
    assert [s.issues[:1] for s in classified.statements] == [("cap-3",)] * 4
    assert classified.issues[0].code == "cap:3"


def test_the_lexicon_extractor_is_chosen_by_name(extractors):
    _rules, lexicon = extractors
    briefing = lexicon.extract(CLINICS)
    assert [(p.stage, p.name) for p in briefing.provenance if p.stage == "issues"] == [("issues", "lexicon")]
    assert all(issue.mentions for issue in briefing.issues)


def test_topics_are_ordered_by_salience_with_their_finer_issues_after_them():
    issues = [Issue(id="cap-1", label="Macroeconomics", code="cap:1"),
              Issue(id="cap-1-tax-cuts", label="tax cuts", code="cap:1", parent="cap-1"),
              Issue(id="cap-3", label="Health", code="cap:3"),
              Issue(id="cap-6", label="Education", code="cap:6"),
              Issue(id="cap-3-vaccines", label="vaccines", code="cap:3", parent="cap-3")]
    ordered = _ordered(issues, {"cap-1": 0.5, "cap-3": 2.0, "cap-6": 0.5})
    assert [i.id for i in ordered] == ["cap-3", "cap-3-vaccines", "cap-1", "cap-1-tax-cuts", "cap-6"]


def test_a_statement_whose_terms_name_a_topic_counts_wholly_for_it():
    # the classifier leans to Government Operations on each statement; the second names health terms
    classified = topics.Classified({}, (), {"cap-20": 0.4, "cap-3": 0.3},
                                   {"s1": {"cap-20": 0.5, "cap-3": 0.3}, "s2": {"cap-20": 0.5, "cap-3": 0.3}})
    assert classified.salience() == pytest.approx({"cap-20": 1.4, "cap-3": 0.9})
    assert classified.salience({"s2": "cap-3"}) == pytest.approx({"cap-20": 0.9, "cap-3": 1.6})


def test_a_statements_named_topic_is_the_one_its_terms_name_most():
    from briefing.model import Briefing, Span, Statement

    text = "Hale said the clinics and the hospitals need vaccine doses, not a new agency."
    content = Span.of(text, text.index("the clinics"), len(text) - 1)

    def at(word):
        return Span.of(text, text.index(word), text.index(word) + len(word))

    briefing = Briefing(id="x", text=text, statements=[Statement(id="s1", kind="indirect", content=[content])], issues=[
        Issue(id="cap-3", label="Health", code="cap:3", mentions=[at("clinics")]),
        Issue(id="cap-3-vaccines", label="vaccine doses", code="cap:3", parent="cap-3", mentions=[at("vaccine doses")]),
        Issue(id="cap-20", label="Government Operations", code="cap:20", mentions=[at("agency")]),
        Issue(id="issue-hale", label="Hale", mentions=[at("Hale")]),  # no code, outside the content
    ])
    assert topics._named_topics(briefing) == {"s1": "cap-3"}


COUNCIL = """Council meets on Monday

The town council met on Monday evening. Members sat for three hours.

"Hospitals must get more vaccine doses," said Ann Pell, a nurse. "Clinics turn patients away every week," Pell added. \
"The flu season is the worst in a decade," said Tom Reyes, a doctor.
"""


def test_the_document_topic_is_read_from_its_statements_too(nlp, monkeypatch):
    """A headline and lead that name no policy leave the document's topic to what its people say."""
    from briefing import PluginManager

    doc = Pipeline(nlp=nlp, plugins=PluginManager(autoload=False), issues="none").extract_doc(COUNCIL)
    taxonomy, classifier = RulesIssues()._taxonomy(), load_classifier()
    assert topics.classify(doc._.briefing, doc, taxonomy, classifier).document[:1] == ("cap-3",)
    monkeypatch.setattr(topics, "BODY_WEIGHT", 0.0)
    assert "cap-3" not in topics.classify(doc._.briefing, doc, taxonomy, classifier).document[:1]


OUTBREAK = """THE GOVERNOR: Thank you. Before we start, our trade mission returns from Chile today with two new \
export deals for the port. Tariffs on our lumber will fall.

Now to the outbreak. Our hospitals have 400 free beds, and every clinic in the state can now test patients for the \
flu. We have asked doctors and nurses to keep masks on at work, and the health department will open three vaccine \
sites on Monday.

Q Governor, are the hospitals running short of nurses?

THE GOVERNOR: Some are. We will bring retired nurses back, and the vaccine sites will take volunteers.
"""


def test_a_transcripts_lead_is_its_opening_remarks(nlp, monkeypatch):
    """A briefing's first sentences are often an aside; its opening turn sets out what it is about."""
    from briefing import PluginManager

    doc = Pipeline(nlp=nlp, plugins=PluginManager(autoload=False), issues="none").extract_doc(OUTBREAK)
    monkeypatch.setattr(topics, "BODY_WEIGHT", 0.0)  # the lead alone
    classified = topics.classify(doc._.briefing, doc, RulesIssues()._taxonomy(), load_classifier())
    assert classified.document[:1] == ("cap-3",)  # not Foreign Trade, from the trade mission


THANKS = """THE GOVERNOR: Good morning. Our hospitals have 400 free beds, and every clinic in the state can now test \
patients for the flu. The health department will open three vaccine sites on Monday.

Q Thank you, Governor.

THE GOVERNOR: Thank you. Maria?

Q Will the schools stay open next week?
"""


def test_a_transcripts_turns_of_thanks_are_about_no_topic(extractors):
    """"Thank you. Maria?" is about nothing, not about what the rest of the briefing is about."""
    rules, _lexicon = extractors
    said = {s.text: s.issues for s in rules.extract(THANKS).statements}
    assert said["Thank you, Governor."] == said["Thank you. Maria?"] == ()
    assert "cap-6" in said["Will the schools stay open next week?"]
    assert "cap-3" in said[next(text for text in said if text.startswith("Good morning."))]
