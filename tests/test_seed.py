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


def test_issues_and_contention(seed):
    from briefing.views import contention

    labels = {i.label for i in seed.issues}
    assert {"Immigration", "mass deportations", "human rights", "drugs and transnational crime",
            "development of Central America", "dialogue between the governments"} <= labels
    contested, _agreed = contention(seed)
    assert "mass deportations" in {v.issue.label for v in contested}


def test_cli_prints_valid_briefing_json(seed_path):
    result = subprocess.run([sys.executable, "-m", "briefing", "extract", str(seed_path), "-f", "json"],
                            capture_output=True, text=True, check=True)
    data = json.loads(result.stdout)
    jsonschema.validate(data, schema())
    assert data["schema"] == "briefing/1"
    speakers = {p["name"] for p in data["participants"] if p["role"] == "speaker"}
    assert speakers == {"John Kelly", "Rex Tillerson", "Luis Videgaray", "Miguel Angel Osorio Chong"}
