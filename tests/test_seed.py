"""End to end on the reference article, read from ../shared/corpus. Its words are not copied here:
statements and mentions are asserted by their character offsets into it."""

import json
import subprocess
import sys

import jsonschema

from briefing.convert import schema


def by_name(briefing):
    return {p.name: p for p in briefing.participants}


def said(briefing, name):
    """The statements of a participant: (kind, cue, offsets of each content piece)."""
    pid = by_name(briefing)[name].id
    return [(s.kind, s.cue.text if s.cue else None, [(c.start, c.end) for c in s.content])
            for s in briefing.statements_by(pid)]


def content(briefing, statement_id):
    statement = next(s for s in briefing.statements if s.id == statement_id)
    return [(c.start, c.end) for c in statement.content]


def test_the_five_officials_are_participants(seed):
    people = by_name(seed)
    assert {
        name: (people[name].title, people[name].organization, people[name].affiliation)
        for name in ("John Kelly", "Rex Tillerson", "Luis Videgaray", "Miguel Angel Osorio Chong", "Peña Nieto")
    } == {
        "John Kelly": ("Secretary of Homeland Security", "Department of Homeland Security", "United States"),
        "Rex Tillerson": ("Secretary of State", "Department of State", "United States"),
        "Luis Videgaray": ("Foreign Minister", None, "Mexico"),
        "Miguel Angel Osorio Chong": ("Secretary of the Interior", None, "Mexico"),
        "Peña Nieto": ("President", None, "Mexico"),
    }
    assert {p.role for p in seed.participants if p.name in {"John Kelly", "Rex Tillerson", "Luis Videgaray",
                                                             "Miguel Angel Osorio Chong"}} == {"speaker"}
    assert people["Peña Nieto"].role == "attendee"
    assert people["Trump"].role == "mentioned"
    assert people["Kausha Luna"].role == "author"


def test_each_person_appears_once_and_acting_organisations_are_participants(seed):
    assert sorted((p.name, p.kind, p.role) for p in seed.participants) == [
        ("Department of Homeland Security", "organization", "mentioned"),
        ("John Kelly", "person", "speaker"),
        ("Kausha Luna", "person", "author"),
        ("Luis Videgaray", "person", "speaker"),
        ("Mexico", "organization", "mentioned"),
        ("Miguel Angel Osorio Chong", "person", "speaker"),
        ("Peña Nieto", "person", "attendee"),
        ("Rex Tillerson", "person", "speaker"),
        ("Trump", "person", "mentioned"),
        ("United States", "organization", "mentioned"),
    ]
    assert all(p.party is None for p in seed.participants)


def test_mentions_merge_partial_names_and_descriptions(seed):
    mentions = {p.name: [(m.start, m.end) for m in p.mentions] for p in seed.participants}
    # "Secretary Chong" and "Mexico's Secretary of the Interior" are Osorio Chong; a surname, "The
    # Mexican official" and "the Foreign Minister" are Videgaray.
    assert mentions["Miguel Angel Osorio Chong"] == [(624, 649), (2539, 2573), (2748, 2753)]
    assert mentions["Luis Videgaray"] == [(579, 593), (690, 699), (817, 837), (1428, 1437), (1959, 1979)]


def test_metadata(seed):
    assert seed.source.title == seed.text[:51]  # the headline line, whole
    assert seed.source.authors == ("Kausha Luna",)
    assert seed.source.published == "2017-02-23"
    assert (seed.event.kind, seed.event.date, seed.event.location) == ("press_briefing", "2017-02-23", "Mexico")


def test_videgaray_statements(seed):
    assert said(seed, "Luis Videgaray") == [
        ("indirect", "emphasized", [(849, 880)]),
        ("mixed", "described", [(904, 938)]),
        ("mixed", "expressed", [(982, 1242)]),
        ("indirect", "recognized", [(1454, 1532)]),
        ("indirect", "explained", [(1557, 1762)]),
        ("indirect", "remarked", [(1989, 2080)]),
    ]
    assert [s.source.text for s in seed.statements_by("luis-videgaray")] == [
        "The Mexican official", "he", "he", "Videgaray", "he", "the Foreign Minister"]


def test_tillerson_statements(seed):
    assert said(seed, "Rex Tillerson") == [
        ("indirect", "emphasized", [(2121, 2294)]),
        ("mixed", "recognized", [(2327, 2536)]),
    ]


def test_osorio_chong_statements_include_the_mixed_one(seed):
    assert said(seed, "Miguel Angel Osorio Chong") == [
        ("indirect", "echoed", [(2586, 2631)]),
        ("mixed", "expressed", [(2651, 2715)]),
        ("mixed", "said", [(2759, 2827)]),  # reported speech around a partial quote: one statement
    ]
    mixed = seed.statements_by("miguel-angel-osorio-chong")[-1]
    assert (mixed.source.start, mixed.source.end) == (2738, 2753)


def test_kelly_statements_include_the_block_quote(seed):
    assert said(seed, "John Kelly") == [
        ("indirect", "reiterated", [(2915, 2963)]),
        ("indirect", "warned", [(2997, 3029)]),
        ("indirect", "emphasized", [(3045, 3120)]),
        ("direct", ":", [(3233, 3728)]),  # the block quote: the whole paragraph after the colon
        ("mixed", "added", [(3748, 3803)]),
    ]
    block_start, block_end = 3233, 3728
    assert seed.text[block_start - 2 : block_start] == "\n\n" and seed.text[block_end] == "\n"


def test_no_statement_comes_from_the_scare_quote(seed):
    scare = 1328  # the scare-quoted term, a description of migrants
    assert not any(c.start <= scare < c.end for s in seed.statements for c in s.content)
    assert all(s.speaker is not None for s in seed.statements)


def stances(briefing, label):
    """{participant name: (stance, statement ids, evidence words)} on the issue with this label."""
    issue = next(i for i in briefing.issues if i.label == label)
    names = {p.id: p.name for p in briefing.participants}
    return {names[p.participant]: (p.stance, p.statements, [e.text for e in p.evidence]) for p in issue.positions}


def test_issues_under_cap_topics(seed):
    found = {i.label: (i.code, i.parent) for i in seed.issues}
    assert {label: found.get(label) for label in ("Immigration", "deportations", "mass deportations", "Law and Crime")} == {
        "Immigration": ("cap:9", None), "deportations": ("cap:9", "cap-9"),
        "mass deportations": ("cap:9", "cap-9"),  # raised by both sides: the day's issue, as framed
        "Law and Crime": ("cap:12", None),
    }


def test_no_mass_deportations_opposes_mass_deportations_only(seed):
    mass = stances(seed, "mass deportations")
    assert {name: stance for name, (stance, _ids, _words) in mass.items()} == {
        "Miguel Angel Osorio Chong": "concern", "John Kelly": "oppose",
    }
    assert mass["John Kelly"][2] == ["no"]
    assert [content(seed, i) for i in mass["Miguel Angel Osorio Chong"][1]] == [[(2651, 2715)]]
    assert stances(seed, "deportations")["John Kelly"][0] == "neutral"  # deportations under the law


def test_a_reported_agreement_is_only_the_speakers(seed):
    reporter = "luis-videgaray"  # reports what the officials agreed
    for issue in seed.issues:
        for position in issue.positions:
            if "agreed" in [e.text for e in position.evidence]:
                assert position.participant == reporter, (issue.label, position)


def test_problems_are_concerns_not_opposition_to_their_topic(seed):
    crime = stances(seed, "Law and Crime")
    assert crime["Rex Tillerson"][0] != "oppose"
    assert stances(seed, "drugs")["Rex Tillerson"] == ("concern", ("s7",), ["stopping"])
    assert stances(seed, "illegal migration")["John Kelly"] == ("concern", ("s13",), ["warned", "against", "dangers"])


def test_no_use_of_the_military_is_no_stand_against_its_topics(seed):
    # s16 rules out one use of the armed forces: against that use, not against its topics
    taken = [(i.label, p.stance) for i in seed.issues if i.parent is None for p in i.positions
             if p.participant == "john-kelly" and "s16" in p.statements]
    assert taken and all(stance == "neutral" for _label, stance in taken), taken


def test_border_security_concerns_are_no_concern_about_the_border(seed):
    border = [p for i in seed.issues if i.id.startswith("cap-9-border") for p in i.positions]
    assert border and all(p.stance != "concern" for p in border if p.participant == "john-kelly")


def test_every_position_shown_has_statements_and_evidence(seed):
    for issue in seed.issues:
        for position in issue.positions:
            assert position.statements, (issue.label, position)
            assert position.stance == "neutral" or position.evidence, (issue.label, position)
    assert all(p.participant != "united-states" for issue in seed.issues for p in issue.positions)


def test_contention_only_on_finer_issues_between_countries(seed):
    from briefing.report.sides import contention

    contested, agreed = contention(seed)
    labels = [v.issue.label for v in (*contested, *agreed)]
    assert "deportations" not in labels and "mass deportations" not in labels  # oppose beside concern
    assert all(v.issue.parent is not None for v in (*contested, *agreed))
    assert all(side in {"Mexico", "United States"} for v in contested for side, _stance in v.taken)


def test_statements_are_linked_to_issues(seed):
    concern = next(s for s in seed.statements if s.content[0].start == 2651)
    # Immigration first, the finer issue as framed; a bilateral concern may have International Affairs too
    assert concern.issues[0] == "cap-9"
    assert set(concern.issues) - {"cap-19"} == {"cap-9", "cap-9-mass-deportat"}


def test_cli_prints_valid_briefing_json(seed_path):
    result = subprocess.run([sys.executable, "-m", "briefing", "extract", str(seed_path), "-f", "json"],
                            capture_output=True, text=True, check=True)
    data = json.loads(result.stdout)
    jsonschema.validate(data, schema())
    assert data["schema"] == "briefing/1"
    speakers = {p["name"] for p in data["participants"] if p["role"] == "speaker"}
    assert speakers == {"John Kelly", "Rex Tillerson", "Luis Videgaray", "Miguel Angel Osorio Chong"}


def test_every_official_has_a_country_and_the_president_is_of_the_united_states(seed):
    people = [p for p in seed.participants if p.kind == "person" and p.role != "author"]
    assert all(p.affiliation for p in people if p.title)
    assert by_name(seed)["Trump"].affiliation == "United States"


def test_an_organisation_and_its_acronym_are_one_participant(seed):
    from briefing.participants.names import is_acronym

    kelly = by_name(seed)["John Kelly"]
    organizations = [p for p in seed.participants if p.kind == "organization"]
    department = next(p for p in organizations if p.name == kelly.organization)
    assert not [p for p in organizations if is_acronym(p.name, department.name) or is_acronym(department.name, p.name)]
    # the department's acronym where Kelly names it in his own words is its mention
    assert any(m.text.isupper() and len(m.text) == 3 for m in department.mentions)
