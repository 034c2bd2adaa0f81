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
    assert {label: found.get(label) for label in (
        "Immigration", "deportations", "return of non-Mexican migrants (OTMs)", "border security", "illegal migration",
        "Civil Rights", "human rights", "Law and Crime", "drugs and transnational crime",
        "dialogue and cooperation between the governments", "unilateral decisions", "development of Central America",
    )} == {
        "Immigration": ("cap:9", None), "deportations": ("cap:9", "cap-9"),
        "return of non-Mexican migrants (OTMs)": ("cap:9", "cap-9"), "border security": ("cap:9", "cap-9"),
        "illegal migration": ("cap:9", "cap-9"), "Civil Rights": ("cap:2", None), "human rights": ("cap:2", "cap-2"),
        "Law and Crime": ("cap:12", None), "drugs and transnational crime": ("cap:12", "cap-12"),
        "dialogue and cooperation between the governments": ("cap:19", "cap-19"),
        "unilateral decisions": ("cap:19", "cap-19"), "development of Central America": ("cap:19", "cap-19"),
    }


def test_stances_and_their_evidence(seed):
    deportations = stances(seed, "deportations")
    assert {name: stance for name, (stance, _ids, _words) in deportations.items()} == {
        "Miguel Angel Osorio Chong": "concern", "John Kelly": "oppose",
    }
    assert [content(seed, i) for i in deportations["Miguel Angel Osorio Chong"][1]] == [[(2651, 2715)]]
    assert deportations["John Kelly"][2] == ["no"]
    assert stances(seed, "illegal migration") == {
        "Rex Tillerson": ("oppose", ("s8",), ["curtail"]),
        "John Kelly": ("oppose", ("s13",), ["against", "dangers"]),
    }
    assert stances(seed, "human rights")["Luis Videgaray"][0] == "concern"
    assert stances(seed, "unilateral decisions") == {"Luis Videgaray": ("oppose", ("s3",), ["impossibility"])}
    assert stances(seed, "drugs and transnational crime")["Rex Tillerson"] == ("oppose", ("s7",), ["stopping"])
    assert stances(seed, "border security")["Rex Tillerson"][0] == "support"


def test_the_reported_agreement_is_held_by_both_sides(seed):
    development = stances(seed, "development of Central America")
    assert {name: stance for name, (stance, _ids, _words) in development.items()} == {
        "Luis Videgaray": "support", "John Kelly": "support", "Miguel Angel Osorio Chong": "support",
        "Rex Tillerson": "support",
    }
    assert development["John Kelly"] == ("support", ("s5",), ["agreed", "responsibility"])


def test_an_objection_in_the_narrative_answers_the_statement_before_it(seed):
    otm = stances(seed, "return of non-Mexican migrants (OTMs)")
    assert otm["Luis Videgaray"] == ("oppose", ("s3",), ["objection", "action"])
    assert otm["United States"] == ("support", (), ["action"])


def test_contention_and_agreement(seed):
    from briefing.views import contention

    contested, agreed = contention(seed)
    assert [(v.issue.label, v.taken) for v in contested] == [
        ("deportations", (("Mexico", "concern"), ("United States", "oppose"))),
        ("return of non-Mexican migrants (OTMs)", (("Mexico", "oppose"), ("United States", "support"))),
        ("immigration enforcement", (("Mexico", "oppose"), ("United States", "support"))),
    ]
    assert {"dialogue and cooperation between the governments", "development of Central America"} <= {
        v.issue.label for v in agreed
    }


def test_statements_are_linked_to_issues(seed):
    concern = next(s for s in seed.statements if s.content[0].start == 2651)
    assert concern.issues == ("cap-9", "cap-9-deportations", "cap-9-return-of-non-mexican-migrants-otms")


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
