"""End to end on the reference article (read from ../shared/corpus, never copied here)."""

import json
import subprocess
import sys

import jsonschema

from briefing.convert import schema


def by_name(briefing):
    return {p.name: p for p in briefing.participants}


def said(briefing, name):
    """The statements of a participant: (kind, cue, first words of the content)."""
    pid = by_name(briefing)[name].id
    return [(s.kind, s.cue.text if s.cue else None, s.content[0].text[:30]) for s in briefing.statements_by(pid)]


def test_the_five_officials_are_participants(seed):
    people = by_name(seed)
    assert {
        name: (people[name].title, people[name].organization, people[name].affiliation)
        for name in ("John Kelly", "Rex Tillerson", "Luis Videgaray", "Miguel Angel Osorio Chong", "Peña Nieto")
    } == {
        "John Kelly": ("Secretary of Homeland Security", "DHS", "United States"),
        "Rex Tillerson": ("Secretary of State", "State Department", "United States"),
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
    mentions = {p.name: [m.text for m in p.mentions] for p in seed.participants}
    assert "Chong" in mentions["Miguel Angel Osorio Chong"]
    assert "Mexico's Secretary of the Interior" in mentions["Miguel Angel Osorio Chong"]
    assert {"The Mexican official", "the Foreign Minister", "Videgaray"} <= set(mentions["Luis Videgaray"])


def test_metadata(seed):
    assert seed.source.title == "Tillerson and Kelly Visit Mexico, Discuss Migration"
    assert seed.source.authors == ("Kausha Luna",)
    assert seed.source.published == "2017-02-23"
    assert (seed.event.kind, seed.event.date, seed.event.location) == ("press_briefing", "2017-02-23", "Mexico")


def test_videgaray_statements(seed):
    assert said(seed, "Luis Videgaray") == [
        ("indirect", "emphasized", "the need for continued dialogu"),
        ("mixed", "described", 'a "complex" and "not easy" pro'),
        ("mixed", "expressed", "several concerns to his U.S. c"),
        ("indirect", "recognized", "that Mexico is no longer just "),
        ("indirect", "explained", "the officials agreed that the "),
        ("indirect", "remarked", "that a long journey lies ahead"),
    ]


def test_tillerson_statements(seed):
    assert said(seed, "Rex Tillerson") == [
        ("indirect", "emphasized", "the need for law and order at "),
        ("mixed", "recognized", "the existing cooperation betwe"),
    ]


def test_osorio_chong_statements_include_the_mixed_one(seed):
    assert said(seed, "Miguel Angel Osorio Chong") == [
        ("indirect", "echoed", "the need for dialogue between "),
        ("mixed", "expressed", 'a concern over "mass deportati'),
        ("mixed", "said", "Mexico ''insists on the necess"),
    ]
    mixed = seed.statements_by("miguel-angel-osorio-chong")[-1]
    assert mixed.content[0].text == "Mexico ''insists on the necessity'' to maintain ordered repatriation"
    assert mixed.source.text == "Secretary Chong"


def test_kelly_statements_include_the_block_quote(seed):
    assert said(seed, "John Kelly") == [
        ("indirect", "reiterated", "the need for safe, lawful, and"),
        ("indirect", "warned", "the dangers of illegal migrati"),
        ("indirect", "emphasized", "other border security concerns"),
        ("direct", ":", "Let me very, very clear. There"),
        ("mixed", "added", 'that there will be "no use of '),
    ]
    block = seed.statements_by("john-kelly")[3]
    assert block.content[0].text.endswith("in close coordination with the government of Mexico.")


def test_no_statement_comes_from_the_scare_quote(seed):
    scare = seed.text.index("other than Mexican")
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
    said = {s.id: s.content[0].text for s in seed.statements}
    deportations = stances(seed, "deportations")
    assert {name: stance for name, (stance, _ids, _words) in deportations.items()} == {
        "Miguel Angel Osorio Chong": "concern", "John Kelly": "oppose",
    }
    assert [said[i] for i in deportations["Miguel Angel Osorio Chong"][1]] == [
        'a concern over "mass deportations\'\' and return of OTMs to Mexico'
    ]
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
        ("immigration enforcement", (("Mexico", "oppose"), ("Trump", "support"))),
    ]
    assert {"dialogue and cooperation between the governments", "development of Central America"} <= {
        v.issue.label for v in agreed
    }


def test_statements_are_linked_to_issues(seed):
    concern = next(s for s in seed.statements if s.content[0].text.startswith("a concern over"))
    assert concern.issues == ("cap-9", "cap-9-deportations", "cap-9-return-of-non-mexican-migrants-otms")


def test_cli_prints_valid_briefing_json(seed_path):
    result = subprocess.run([sys.executable, "-m", "briefing", "extract", str(seed_path), "-f", "json"],
                            capture_output=True, text=True, check=True)
    data = json.loads(result.stdout)
    jsonschema.validate(data, schema())
    assert data["schema"] == "briefing/1"
    speakers = {p["name"] for p in data["participants"] if p["role"] == "speaker"}
    assert speakers == {"John Kelly", "Rex Tillerson", "Luis Videgaray", "Miguel Angel Osorio Chong"}
