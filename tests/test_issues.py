"""Issues: taxonomy terms, finer issues from the text, stances read off the parse with their
evidence, agreement, opinions in the narrative, and the agreement/contention view. The texts are
written for these tests."""

import json
import re
from importlib import resources

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing import Briefing, Pipeline
from briefing.errors import BriefingError
from briefing.issues.stance import framed, judge
from briefing.issues.taxonomy import Topic, Words, _patterns, load_taxonomy
from briefing.model import Participant, Position
from briefing.report.markdown import markdown_report
from briefing.report.sides import contention
from briefing.testing.strategies import prose

BILATERAL = """Peru and Chile Talk Copper, Clash on Tariffs

By Marta Ruiz on June 9, 2022

LIMA — Peru's Foreign Minister Luis Ortega and Chile's Trade Minister Ana Lopes held a joint press conference on \
Thursday after a day of talks.

Ortega said Peru rejects the new tariffs on copper. He also expressed a concern over the deportations of Peruvian \
workers. Lopes said Chile needs the tariffs, and she warned against the dangers of illegal migration.

The ministers agreed that both countries should support the development of Central America. Lopes stressed the need \
for steady dialogue, and Ortega called for more dialogue between the two capitals. Chile's opposition to the \
new visa rules was clear.
"""


def judged(nlp, text, term, cue=None):
    doc = nlp(text)
    at = text.index(term)
    tokens = list(doc.char_span(at, at + len(term), alignment_mode="expand"))
    cue_tokens = list(doc.char_span(text.index(cue), text.index(cue) + len(cue))) if cue else []
    found = judge(tokens, cue=cue_tokens)
    return found.stance, [t.text for t in found.evidence], found.agreed is not None


@pytest.mark.parametrize(
    ("text", "term", "cue", "expected"),
    [
        ("The governor said there will be no new taxes.", "taxes", "said", ("oppose", ["no"], False)),
        # a problem named as a threat is a concern, and acting against it stays one
        ("She warned against the dangers of offshore drilling.", "offshore drilling", "warned",
         ("concern", ["warned", "against", "dangers"], False)),
        ("He spoke about the threat from the flu.", "flu", None, ("concern", ["threat"], False)),
        ("The mayor stressed the importance of stopping terrorists.", "terrorists", "stressed",
         ("concern", ["stopping"], False)),
        ("He expressed a concern over the refugee quota.", "refugee quota", "expressed",
         ("concern", ["expressed", "concern"], False)),
        ("They stressed the need for dialogue.", "dialogue", "stressed", ("support", ["need"], False)),
        ("The senator did not reject the plan to cut taxes.", "taxes", None, ("oppose", ["not", "reject", "cut"], False)),
        ("The chief recognized the existing cooperation on trade.", "cooperation", "recognized",
         ("support", ["recognized"], False)),
        # negation and contrast read through: "not replace" keeps it, and it "remains" the rule
        ("The new advice does not replace the curfew, which remains the cornerstone.", "curfew", None,
         ("support", ["not", "replace"], False)),
        ("The new advice does not replace the curfew.", "curfew", None, ("support", ["not", "replace"], False)),
        ("Ms. Hale said the levy stays.", "levy", "said", ("support", ["stays"], False)),
        # "not" turns only a stance below it: saying nothing of the plan is no stance on it
        ("The clerk did not say when the plan starts.", "plan", None, ("neutral", [], False)),
        ("The school board said the video should be released.", "video", "said", ("support", ["should"], False)),
        ("The officials agreed that both countries should support the fisheries plan.", "fisheries", "agreed",
         ("support", ["should", "support", "plan"], True)),
        ("Police said the suspect crossed the border on Monday.", "border", "said", ("neutral", [], False)),
        # a cue counts for the act it commits to
        ("The council vowed to impose new levies.", "levies", "vowed", ("support", ["vowed"], False)),
        ("She refused to sign the bill.", "bill", "refused", ("oppose", ["refused", "sign"], False)),
        # a problem raised is a concern, with no stance word around it
        ("The mayor said violence in the suburbs rose this year.", "violence", "said", ("concern", ["violence"], False)),
        # a fronted "without" states a condition: it argues for the action
        ("Without new investment in ports, trade will stall, the minister said.", "ports", "said",
         ("support", ["investment"], False)),
        ("Police should release the video without delay.", "delay", None, ("oppose", ["without"], False)),
        # an act named by what it is about is no stand on that
        ("The premier said praise from abroad would not change her policy toward Norway.", "Norway", "said",
         ("neutral", [], False)),
        ("He called for a review of the fees.", "fees", "called", ("neutral", [], False)),
        ("The envoy said the plan for the port is good.", "port", "said", ("neutral", [], False)),
        # a relative clause's stance is its subject's, not the speaker's
        ("She said the result is a group that wants to close the border.", "border", "said", ("neutral", [], False)),
        # a person named as holding an attitude holds it, not the speaker who reports it
        ("Kelly said Hale wants a wall on the border.", "wall", "said", ("neutral", [], False)),
        ("Kelly said he wants a wall.", "wall", "said", ("support", ["wants"], False)),
        ("They set a goal of cleaner rivers.", "rivers", None, ("support", ["goal"], False)),
        # a passive without its agent says what is done, not who is for it
        ("The spokesman said an audit is planned for next year.", "audit", "said", ("neutral", [], False)),
        ("The spokesman said the audit is backed by farmers.", "audit", "said", ("support", ["backed"], False)),
        ("The senator said the unfairness of the rule is plain.", "rule", "said", ("oppose", ["unfairness"], False)),
    ],
)
def test_stance_of_a_mention(nlp, text, term, cue, expected):
    assert judged(nlp, text, term, cue) == expected


@pytest.mark.parametrize(
    ("text", "term", "expected"),
    [
        ("The mayor wants to cut taxes.", "taxes", ("support", ["wants"])),  # toward cutting taxes
        ("The mayor said the video should be released.", "video", ("support", ["should"])),
        ("The mayor said she rejects the plan.", "plan", ("oppose", ["rejects"])),  # a stance cue is no action
        ("The envoy condemned the reckless launches.", "launches", ("oppose", ["condemned", "reckless"])),  # an act called harmful
        ("The mayor said the decision of closing the port was a mistake.", "port", ("oppose", ["mistake"])),
    ],
)
def test_stance_toward_the_issue_as_framed(nlp, text, term, expected):
    doc = nlp(text)
    at = text.index(term)
    found = judge(framed(list(doc.char_span(at, at + len(term), alignment_mode="expand"))))
    assert (found.stance, [t.text for t in found.evidence]) == expected


def test_a_coordinated_verb_does_not_govern_its_sibling(nlp):
    text = "She backed efforts to curb smuggling by securing the coast and supporting the fishermen."
    assert judged(nlp, text, "fishermen")[0] == "support"
    assert judged(nlp, text, "smuggling")[0] == "concern"  # a problem acted against


@pytest.fixture(scope="module")
def bilateral(nlp):
    from briefing import PluginManager

    return Pipeline(nlp=nlp, plugins=PluginManager(autoload=False), issues="lexicon").extract(BILATERAL)


def positions(briefing, label):
    issue = next(i for i in briefing.issues if i.label == label)
    names = {p.id: p.name for p in briefing.participants}
    return {names[p.participant]: (p.stance, [e.text for e in p.evidence]) for p in issue.positions}


def test_issues_sit_under_their_topic_with_codes(bilateral):
    assert [(i.label, i.code, i.parent) for i in bilateral.issues] == [
        ("Labor", "cap:5", None),
        ("Immigration", "cap:9", None),
        ("deportations", "cap:9", "cap-9"),
        ("illegal migration", "cap:9", "cap-9"),
        ("Foreign Trade", "cap:18", None),
        ("tariffs", "cap:18", "cap-18"),  # both speakers argue about it: the day's issue
    ]


def test_stances_carry_their_evidence(bilateral):
    assert positions(bilateral, "tariffs") == {"Luis Ortega": ("oppose", ["rejects"]), "Ana Lopes": ("support", ["needs"])}
    assert positions(bilateral, "deportations") == {"Luis Ortega": ("concern", ["expressed", "concern"])}
    assert positions(bilateral, "illegal migration") == {"Ana Lopes": ("concern", ["warned", "against", "dangers"])}


def test_an_agreement_gives_its_stance_only_to_those_it_names(bilateral):
    # "The ministers agreed ..." names no one: nobody is given the stance
    assert not any(p.statements == () or "agreed" in [e.text for e in p.evidence]
                   for issue in bilateral.issues for p in issue.positions)


def test_a_position_without_a_statement_is_not_shown(bilateral):
    # "Chile's opposition to the new visa rules" is the narrative's word, not Chile's statement
    assert all(p.participant != "chile" for issue in bilateral.issues for p in issue.positions)


def test_statements_are_linked_to_their_issues_and_topics(bilateral):
    by_text = {s.content[0].text: s.issues for s in bilateral.statements}
    assert by_text["Peru rejects the new tariffs on copper"] == ("cap-18", "cap-18-tariff")
    assert by_text["a concern over the deportations of Peruvian workers"] == ("cap-5", "cap-9", "cap-9-deportations")


def test_finer_issues_past_the_cap_count_for_their_topic(nlp, monkeypatch):
    from briefing import PluginManager
    from briefing.issues import limit

    monkeypatch.setattr(limit, "MAX_FINER_ISSUES", 2)
    briefing = Pipeline(nlp=nlp, plugins=PluginManager(autoload=False), issues="lexicon").extract(BILATERAL)
    # the most mentioned first ("tariffs", three times), then the first raised of those named once
    assert [i.label for i in briefing.issues if i.parent] == ["deportations", "tariffs"]
    # the one left out gives its mention, stance and statement to its topic
    assert positions(briefing, "Immigration") == {"Ana Lopes": ("concern", ["warned", "against", "dangers"])}
    immigration = next(i for i in briefing.issues if i.label == "Immigration")
    assert "illegal migration" in [m.text for m in immigration.mentions]
    warned = next(s for s in briefing.statements if "illegal migration" in s.content[0].text)
    assert "cap-9" in warned.issues and not any("migration" in i for i in warned.issues)


def test_contention_only_between_sides_on_a_finer_issue(bilateral):
    contested, agreed = contention(bilateral)
    # Foreign Trade holds the same two stances, but a broad topic is no issue to clash on
    assert [(v.issue.label, v.taken) for v in contested] == [("tariffs", (("Chile", "support"), ("Peru", "oppose")))]
    assert agreed == ()


def test_markdown_shows_roles_stances_evidence_and_contention(bilateral):
    report = markdown_report(bilateral)
    assert "| Luis Ortega | speaker | person | Foreign Minister |  | Peru |  | 3 |" in report
    assert "| Marta Ruiz | author | person |" in report
    assert "| ↳ illegal migration | cap:9 | 1 | concern |  |" in report
    assert "  - Ana Lopes (Chile): **concern** — “the dangers of illegal migration” (*warned*, *against*, *dangers*)" in report
    assert "### Where the sides differ\n\n- **tariffs**: Chile support; Peru oppose\n" in report


def test_taxonomy_terms_overlap_and_exclusions(tmp_path):
    path = tmp_path / "mine.json"
    path.write_text(json.dumps({"name": "mine", "topics": [
        {"code": "x:1", "label": "Trade", "terms": ["import*"], "exclude": ["important*", "importance"]},
        {"code": "x:2", "label": "Defense", "terms": ["military"],
         "issues": [{"label": "military use", "terms": ["use of military", "military in policing"]}]},
    ]}))
    taxonomy = load_taxonomy(path)
    trade, defense, use = taxonomy.topics
    assert trade.find("Imports matter; importance is important, imported goods too.") == [(0, 7), (41, 49)]
    assert use.find("no use of military in policing") == [(3, 18), (10, 30)]
    assert (use.key, use.parent, use.code) == ("x-2-military-use", "x-2", "x:2")


def test_a_bad_taxonomy_names_the_file(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('{"topics": [{"label": "no terms"}]}')
    with pytest.raises(BriefingError, match="bad.json: KeyError"):
        load_taxonomy(path)


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(prose)
def test_never_raises_and_spans_are_valid(pipeline, text):
    text += " Kelly said there will be no deportations."
    briefing = pipeline.extract_from_doc(Briefing(id="x", text=text), pipeline.nlp(text))  # validates every span
    ids = {p.id for p in briefing.participants}
    for issue in briefing.issues:
        assert all(position.participant in ids for position in issue.positions)
        assert all(e.text == briefing.text[e.start : e.end] for position in issue.positions for e in position.evidence)


def test_the_readme_example_stances(example_path, pipeline):
    example = pipeline.extract(example_path)
    fees = next(i for i in example.issues if i.label == "fees")
    names = {p.id: p.name for p in example.participants}
    held = {names[p.participant]: (p.stance, [e.text for e in p.evidence]) for p in fees.positions}
    assert held["Claire Dubois"] == ("support", ["stay"])  # "the fees stay"
    assert held["Anders Lunde"] == ("oppose", ["against", "punish"])  # warned against the fees; they would punish
    assert held["Paul Tremblay"] == ("neutral", [])  # a review of the fees being planned is no stand on them
    # every stance a reader would sign, and no other: the fisheries agreement, the fees, the process
    agriculture = next(i for i in example.issues if i.label == "Agriculture")
    assert sorted((names[p.participant], p.stance, [e.text for e in p.evidence]) for p in agriculture.positions) == [
        ("Anders Lunde", "concern", ["expressed", "concern"]),  # over the speed of the decision
        ("Claire Dubois", "support", ["protect"]),  # the agreement would protect cod stocks
    ]  # a review being planned is no stand of Tremblay's; the shippers "who fund our coast guards" are
    # punished, which is no stand on the coast guards (Lunde's opposition is to the fees, above)
    # elsewhere the two ministers are neutral on what their other statements are about (the talks)
    assert sorted((i.label, names[p.participant], p.stance) for i in example.issues
                  if i.label not in {"Agriculture", "fees"} for p in i.positions) == [
        ("International Affairs", "Anders Lunde", "neutral"), ("International Affairs", "Claire Dubois", "neutral"),
    ]
    contested, _agreed = contention(example)
    assert [(v.issue.label, v.taken) for v in contested] == [("fees", (("Canada", "support"), ("Norway", "oppose")))]


def test_a_term_is_found_whatever_the_words_given_to_skip_absent_ones(tmp_path):
    path = tmp_path / "mine.json"
    path.write_text(json.dumps({"name": "mine", "topics": [
        {"code": "x:1", "label": "Migration", "terms": ["deport*", "border security", "visa"]},
    ]}))
    [topic] = load_taxonomy(path).topics
    text = "Deportations rose; border-security funds and visas did not."
    assert topic.find(text, Words.of(text)) == topic.find(text) == [(0, 12), (19, 34)]
    assert topic.find("Nothing here.", Words.of("Nothing here.")) == []


@settings(max_examples=200)
@given(st.lists(st.sampled_from(["Tax", "taxes", "tax-free", "Steuer", "ĪMPORT", "import", "imports", "importance",
                                 "de", "port", "taxi", "sea", "port tax", "É", "x", "-", " ", "  ", ", ", "_tax",
                                 "tax_"]), max_size=14))
def test_terms_found_at_word_starts_are_those_a_scan_finds(words):
    """Trying a term only where its first word starts finds what scanning the whole text does,
    exclusions and non-overlapping matches included."""
    topic = Topic("t", "T", None, _patterns(["tax*", "port tax", "import*", "de port", "port port"]), None,
                  _patterns(["taxi*", "importance"]), ("tax*", "port", "import*", "de", "port"),
                  ("taxi*", "importance"))
    text = " ".join(words)
    assert topic.find(text, Words.of(text)) == topic.find(text)


def test_an_agreement_is_held_by_those_it_names_and_no_one_else(pipeline):
    from briefing.issues.detect import find_issues
    from briefing.model import Statement
    from briefing.model import Span as At

    text = "Ortega said that Lopes and he agreed to protect the fisheries. Ruiz said the talks were long."

    def at(word, start=0):
        begin = text.index(word, start)
        return At.of(text, begin, begin + len(word))

    people = [Participant(id="ortega", name="Ortega", mentions=[at("Ortega")], role="speaker"),
              Participant(id="lopes", name="Lopes", mentions=[at("Lopes")]),
              Participant(id="ruiz", name="Ruiz", mentions=[at("Ruiz")], role="speaker")]
    statements = [
        Statement(id="s1", kind="indirect", content=[at("Lopes and he agreed to protect the fisheries")],
                  speaker="ortega", cue=at("said"), source=at("Ortega")),
        Statement(id="s2", kind="indirect", content=[at("the talks were long")], speaker="ruiz",
                  cue=at("said", 60), source=at("Ruiz")),
    ]
    briefing = find_issues(Briefing(id="x", text=text, participants=people, statements=statements),
                           pipeline.nlp(text), _cap_taxonomy())
    fisheries = next(i for i in briefing.issues if i.label == "fisheries")
    assert {(p.participant, p.stance) for p in fisheries.positions} == {("ortega", "support"), ("lopes", "support")}
    lopes = next(p for p in fisheries.positions if p.participant == "lopes")
    assert lopes.statements == ("s1",) and "agreed" in [e.text for e in lopes.evidence]


def test_the_press_pool_asks_and_is_not_each_reporter(pipeline):
    from briefing.issues.detect import find_issues
    from briefing.model import Span as At
    from briefing.model import Statement

    text = ("Q    Should the council stop the fishing fees? We were told the fishing fees must end. "
            "Ortiz and Lunde said they oppose the fishing fees.")

    def at(words):
        begin = text.index(words)
        return At.of(text, begin, begin + len(words))

    people = [Participant(id="reporters", name="Reporters", kind="group", role="speaker", members=["hale"]),
              Participant(id="hale", name="Hale", role="speaker"),
              Participant(id="ministers", name="Ortiz and Lunde", kind="group", role="speaker",
                          members=["ortiz", "lunde"], mentions=[at("Ortiz and Lunde")]),
              Participant(id="ortiz", name="Ortiz"), Participant(id="lunde", name="Lunde")]
    turn = "Should the council stop the fishing fees? We were told the fishing fees must end."
    statements = [
        Statement(id="t1", kind="direct", act="question", content=[at(turn)], speaker="reporters", source=at("Q")),
        Statement(id="s1", kind="indirect", content=[at("the fishing fees must end")], speaker="reporters",
                  cue=at("told"), source=at("We"), reported_by="t1"),
        Statement(id="s2", kind="indirect", content=[at("they oppose the fishing fees")], speaker="ministers",
                  cue=at("said"), source=at("Ortiz and Lunde")),
    ]
    briefing = find_issues(Briefing(id="x", text=text, participants=people, statements=statements),
                           pipeline.nlp(text), _cap_taxonomy())
    held = {(p.participant, p.stance) for i in briefing.issues for p in i.positions}
    # the question asks, and so does what the pool says it was told (a premise of its question),
    # which is not Hale's by name either; both ministers said it
    assert held == {("reporters", "neutral"), ("ortiz", "oppose"), ("lunde", "oppose")}


def test_a_stand_in_a_long_turn_counts_for_the_topic_its_sentence_names(pipeline):
    from briefing.issues.detect import find_issues
    from briefing.model import Span as At
    from briefing.model import Statement

    text = ("Our schools need teachers, our schools need books, and every school needs a library. "
            "The tariffs on steel remain, and the harbour agreement with the islands must stay.")
    turn = Statement(id="t1", kind="direct", content=[At.of(text, 0, len(text))], speaker="kim")
    briefing = Briefing(id="x", text=text, statements=[turn], participants=[Participant(id="kim", name="Kim", role="speaker")])
    issues = find_issues(briefing, pipeline.nlp(text), _cap_taxonomy()).issues
    evidence = {i.label: {e.text for p in i.positions for e in p.evidence} for i in issues}
    # the turn names Education most, but the harbour agreement is raised where it speaks of trade
    assert "stay" in evidence["Foreign Trade"] and "stay" not in evidence["Education"]


def test_a_days_issue_falls_under_the_topic_most_of_its_sentences_name(pipeline):
    from briefing.issues.detect import find_issues
    from briefing.model import Span as At
    from briefing.model import Statement

    text = ("The hospital asks everyone with symptoms to call a nurse first. "
            "Symptoms of the virus are mild for most patients in the hospital. "
            "Our troops will win this war against the symptoms.")
    sentences = [(m.start(), m.end()) for m in re.finditer(r"[^ .][^.]*\.", text)]
    turns = [Statement(id=f"t{n}", kind="direct", content=[At.of(text, start, end)], speaker=who)
             for n, ((start, end), who) in enumerate(zip(sentences, ["kim", "lee", "kim"], strict=True))]
    people = [Participant(id=who, name=who.title(), role="speaker") for who in ("kim", "lee")]
    briefing = Briefing(id="x", text=text, statements=turns, participants=people)
    issues = find_issues(briefing, pipeline.nlp(text), _cap_taxonomy()).issues
    # only the stand against them is a policy matter, in a sentence on war; the two sentences that
    # only name them speak of health
    assert [(i.label, i.parent) for i in issues if i.label == "symptoms"] == [("symptoms", "cap-3")]


def _cap_taxonomy():
    return load_taxonomy(resources.files("briefing").joinpath("data/taxonomy-cap.json"))


def test_the_built_in_terms_name_the_right_topics():
    topics = {topic.label: topic for topic in _cap_taxonomy().topics if topic.parent is None}
    health, crime = topics["Health"], topics["Law and Crime"]
    assert health.find("Hotels and the hospitality trade reopen.") == []
    assert health.find("Two hospitals were full.") == [(4, 13)]
    assert crime.find("The drugs we need for patients are short.") == []
    assert health.find("Prescription drug prices rose.") != []
    assert crime.find("Police seized illegal drugs.") != []
    civil = topics["Civil Rights"]
    assert [len(civil.find(t)) for t in ("Racial gaps in hiring persist.", "Schools ended segregation.",
                                          "The racist remarks drew fire.", "The race was close.")] == [1, 1, 1, 0]
    # the CAP codebook's energy subtopics: electricity, oil and gas drilling, nuclear and renewable power
    energy = topics["Energy"]
    assert [len(energy.find(t)) for t in ("Offshore drilling resumed.", "The power grid failed.",
                                          "Solar and wind power grew.", "The grid of streets.")] == [1, 1, 2, 0]


def test_a_stand_the_terms_do_not_place_goes_to_the_classified_topic(pipeline):
    from briefing.issues.detect import find_issues
    from briefing.model import Span as At
    from briefing.model import Statement

    text = "Hale said the council should scrap the parking scheme."  # no taxonomy term

    def at(word):
        return At.of(text, text.index(word), text.index(word) + len(word))

    briefing = Briefing(id="x", text=text, participants=[Participant(id="hale", name="Hale", mentions=[at("Hale")], role="speaker")],
                        statements=[Statement(id="s1", kind="indirect", content=[at("the council should scrap the parking scheme")],
                                              speaker="hale", cue=at("said"), source=at("Hale"))])
    taxonomy = _cap_taxonomy()
    doc = pipeline.nlp(text)
    assert find_issues(briefing, doc, taxonomy).issues == ()
    [topic] = find_issues(briefing, doc, taxonomy, classified={"s1": "cap-20"}).issues
    assert topic.code == "cap:20"
    assert Position(participant="hale", stance="oppose", statements=("s1",), evidence=(at("scrap"),)) in topic.positions


def test_a_statement_whose_speaker_is_unknown_is_linked_to_the_terms_it_names(pipeline):
    from briefing.issues.detect import find_issues
    from briefing.model import Span as At
    from briefing.model import Statement

    text = "Fuel taxes will double next year, a report found."

    def at(words):
        return At.of(text, text.index(words), text.index(words) + len(words))

    briefing = Briefing(id="x", text=text, statements=[Statement(id="s1", kind="indirect", content=[at("Fuel taxes will double next year")],
                                                                 cue=at("found"), source=at("a report"))])
    found = find_issues(briefing, pipeline.nlp(text), _cap_taxonomy())
    assert "cap-1" in found.statements[0].issues  # no one holds a stance, but the statement raises taxes
    assert all(not issue.positions for issue in found.issues)


def test_a_turn_keeps_the_phrases_after_a_statement_it_reports(pipeline):
    from briefing.issues.detect import find_issues
    from briefing.model import Span as At
    from briefing.model import Statement

    text = "Ventilators are scarce, and Lee said the shipments are late. We need more ventilators. Ventilators save lives."
    inner = At.of(text, text.index("the shipments"), text.index(". We"))
    turn = Statement(id="t1", kind="direct", content=[At.of(text, 0, len(text))], speaker="kim")
    reported = Statement(id="s1", kind="indirect", content=[inner], speaker="lee")
    people = [Participant(id="kim", name="Kim", role="speaker"), Participant(id="lee", name="Lee", role="speaker")]
    briefing = Briefing(id="x", text=text, statements=[turn, reported], participants=people)
    issues = find_issues(briefing, pipeline.nlp(text), _cap_taxonomy()).issues
    # raised three times by the turn, twice after the statement it reports
    assert [len(i.mentions) for i in issues if i.label == "ventilators"] == [3]


def test_a_country_is_a_side_only_when_its_people_take_part(pipeline):
    from briefing.issues.detect import find_issues
    from briefing.model import Span as At
    from briefing.model import Statement

    text = ("Ruiz said China should share the samples, because China holds what the United States needs. "
            "Diaz said China must act for the United States.")
    first, second = text.index("China should"), text.index("China must")
    said = [At.of(text, first, text.index(". Diaz")), At.of(text, second, len(text) - 1)]

    def mentions(name):
        return [At.of(text, m.start(), m.end()) for m in re.finditer(name, text)]

    people = [Participant(id=name.lower(), name=name, role="speaker", affiliation="United States",
                          mentions=mentions(name)) for name in ("Ruiz", "Diaz")]
    people += [Participant(id=key, name=name, kind="organization", affiliation=name, mentions=mentions(pattern))
               for key, name, pattern in (("china", "China", "China"), ("us", "United States", "the United States"))]
    briefing = Briefing(id="x", text=text, participants=people,
                        statements=[Statement(id=f"s{n}", kind="indirect", content=[span], speaker=who)
                                    for n, (span, who) in enumerate(zip(said, ("ruiz", "diaz"), strict=True))])
    labels = [i.label for i in find_issues(briefing, pipeline.nlp(text), _cap_taxonomy()).issues]
    assert "China" in labels  # talked about, nobody here speaks for it
    assert not any("United States" in label for label in labels)  # the side the speaker speaks for


def _one_statement(pipeline, text, content, classified=None, cue="said"):
    """``text`` with one statement, ``content``, said by Hale (the ``cue`` word), through the issues
    stage alone."""
    from briefing.issues.detect import find_issues
    from briefing.model import Span as At
    from briefing.model import Statement

    def at(word):
        return At.of(text, text.index(word), text.index(word) + len(word))

    briefing = Briefing(id="x", text=text, participants=[Participant(id="hale", name="Hale", mentions=[at("Hale")], role="speaker")],
                        statements=[Statement(id="s1", kind="indirect", content=[at(content)], speaker="hale",
                                              cue=at(cue), source=at("Hale"))])
    return find_issues(briefing, pipeline.nlp(text), _cap_taxonomy(), classified=classified).issues


def _held(issues):
    return {(i.id, p.stance, tuple(e.text for e in p.evidence)) for i in issues for p in i.positions
            if p.participant == "hale" and "s1" in p.statements}


def test_a_statement_with_no_stand_is_neutral_on_its_topic(pipeline):
    text = "Hale said the ministry is lowering its forecast for the year."
    issues = _one_statement(pipeline, text, "the ministry is lowering its forecast for the year", {"s1": "cap-1"})
    assert _held(issues) == {("cap-1", "neutral", ())}


def test_a_statement_that_names_nothing_speaks_on_no_topic(pipeline):
    # pronouns, times and words every text uses: a courtesy, not a word on the classified topic
    text = "Hale said: thank you all, we will take a few questions again tomorrow."
    assert _held(_one_statement(pipeline, text, "thank you all, we will take a few questions again tomorrow",
                                {"s1": "cap-20"})) == set()


def test_a_statement_with_no_stand_holds_the_stance_of_the_act_it_intends(pipeline):
    # the infinitive the cue governs: the cue's stance, and the act's own word through it
    text = "Hale promised to focus its benefits on working families."
    issues = _one_statement(pipeline, text, "to focus its benefits on working families", {"s1": "cap-1"}, cue="promised")
    assert _held(issues) == {("cap-1", "support", ("promised",))}
    text = "Hale vowed to scrap it."
    assert _held(_one_statement(pipeline, text, "to scrap it", {"s1": "cap-1"}, cue="vowed")) == {
        ("cap-1", "oppose", ("scrap",))}
    text = "Hale wants to visit it."
    assert _held(_one_statement(pipeline, text, "to visit it", {"s1": "cap-1"}, cue="wants")) == {("cap-1", "neutral", ())}


def test_a_stand_on_an_act_with_a_common_head_counts_for_the_topic(pipeline):
    # "bill" and "voters" are too common to be the day's issues, but a stand on them is a stand
    text = "Hale said the bill is a bad idea."
    assert _held(_one_statement(pipeline, text, "the bill is a bad idea", {"s1": "cap-20"})) == {("cap-20", "oppose", ("bad",))}
    text = "Hale said the county unlawfully purged voters."
    assert _held(_one_statement(pipeline, text, "the county unlawfully purged voters", {"s1": "cap-20"})) == {
        ("cap-20", "oppose", ("unlawfully", "purged"))}  # the act judged is among the evidence


def test_a_term_inside_a_phrase_is_judged_as_the_phrase(pipeline):
    # "tax" alone would be supported by "increase", then turned by "no"
    text = "Hale said there was no drop in output from the tax increase."
    assert {stance for _, stance, _ in _held(_one_statement(pipeline, text, "there was no drop in output from the tax increase"))} == {"neutral"}


def test_a_stand_on_an_act_shows_the_act_among_its_evidence(pipeline):
    """"Vowed to repeal the tax" supports repealing it: the framing verb is shown with the cue."""
    briefing = pipeline.extract("Governor Tom Hale vowed on Monday to repeal the harbor tax.")
    held = [(p.stance, [e.text for e in p.evidence]) for i in briefing.issues for p in i.positions]
    assert held == [("support", ["vowed", "repeal"])]
