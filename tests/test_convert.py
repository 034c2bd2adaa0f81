import json

import attrs
import jsonschema
import pytest
from hypothesis import given

from briefing import model
from briefing.convert import SCHEMA, SchemaError, dumps, from_dict, loads, make_converter, schema, to_dict
from briefing.testing.strategies import briefings


@given(briefings())
def test_round_trip_gives_an_equal_briefing(briefing):
    assert loads(dumps(briefing)) == briefing
    assert from_dict(to_dict(briefing)) == briefing


@given(briefings())
def test_exported_json_validates_against_the_shipped_schema(briefing):
    jsonschema.validate(json.loads(dumps(briefing)), schema())


def test_json_layout(seed):
    data = to_dict(seed)
    assert list(data)[:3] == ["schema", "id", "text"]
    assert data["schema"] == SCHEMA == "briefing/1"
    statement = data["statements"][0]
    assert isinstance(statement["content"], list)
    assert set(statement["content"][0]) == {"start", "end", "text"}


def _schema_properties(name: str) -> set[str]:
    definitions = schema()["$defs"]
    return set(definitions[name]["properties"])


@pytest.mark.parametrize(
    ("cls", "definition"),
    [
        (model.Span, "span"), (model.Source, "source"), (model.Event, "event"), (model.Section, "section"),
        (model.Participant, "participant"), (model.Statement, "statement"), (model.Position, "position"),
        (model.Issue, "issue"), (model.Provenance, "provenance"),
    ],
)
def test_schema_names_exactly_the_model_fields(cls, definition):
    assert _schema_properties(definition) == {f.name for f in attrs.fields(cls)}


def test_schema_top_level_matches_briefing():
    assert set(schema()["properties"]) == {"schema"} | {f.name for f in attrs.fields(model.Briefing)}


def test_org_types_of_the_schema_are_the_model_s():
    assert schema()["$defs"]["participant"]["properties"]["org_type"]["enum"] == [None, *model.ORG_TYPES]


def test_briefings_written_before_org_type_and_members_still_load():
    data = to_dict(model.Briefing(id="x", text="", participants=(model.Participant(id="p1", name="Acme"),)))
    del data["participants"][0]["org_type"], data["participants"][0]["members"]
    jsonschema.validate(data, schema())
    participant = from_dict(data).participants[0]
    assert participant.org_type is None and participant.members == ()


def test_group_members_and_org_type_round_trip():
    group = model.Participant(id="g", name="the senators", kind="group", members=("a", "b"))
    paper = model.Participant(id="t", name="The Daily Ledger", kind="organization", org_type="media")
    briefing = model.Briefing(id="x", text="", participants=(group, paper))
    data = to_dict(briefing)
    assert data["participants"][0]["members"] == ["a", "b"]
    assert data["participants"][1]["org_type"] == "media"
    jsonschema.validate(json.loads(dumps(briefing)), schema())
    assert loads(dumps(briefing)) == briefing


def test_question_answer_and_reported_speech_links_round_trip():
    text = "Q Will it pass? A: She said it would."
    span = lambda start, end: model.Span.of(text, start, end)  # noqa: E731
    people = (model.Participant(id="reporters", name="Reporters", kind="group"), model.Participant(id="ann", name="Ann"))
    statements = (
        model.Statement(id="t1", kind="direct", content=[span(2, 15)], speaker="reporters", act="question",
                        addressee="ann"),
        model.Statement(id="t2", kind="direct", content=[span(19, 37)], speaker="ann", act="answer", reply_to="t1"),
        model.Statement(id="s1", kind="indirect", content=[span(28, 36)], reported_by="t2"),
    )
    briefing = model.Briefing(id="x", text=text, participants=people, statements=statements)
    data = json.loads(dumps(briefing))
    assert [(s["reply_to"], s["addressee"], s["reported_by"]) for s in data["statements"]] == [
        (None, "ann", None), ("t1", None, None), (None, None, "t2")]
    jsonschema.validate(data, schema())
    assert loads(dumps(briefing)) == briefing


def test_briefings_written_before_turn_links_still_load():
    data = to_dict(model.Briefing(id="x", text="a", statements=(
        model.Statement(id="s1", kind="direct", content=[model.Span.of("a", 0, 1)]),)))
    for key in ("reply_to", "addressee", "reported_by"):
        del data["statements"][0][key]
    jsonschema.validate(data, schema())
    statement = from_dict(data).statements[0]
    assert (statement.reply_to, statement.addressee, statement.reported_by) == (None, None, None)


def test_turn_links_to_missing_ids_are_broken_references():
    span = model.Span.of("a", 0, 1)
    briefing = model.Briefing(id="x", text="a", statements=(
        model.Statement(id="s1", kind="direct", content=[span], reply_to="q9", addressee="nobody", reported_by="t9"),))
    assert sorted(briefing.broken_references()) == [
        "statement s1 addressee 'nobody' names no participant",
        "statement s1 reply_to 'q9' names no statement",
        "statement s1 reported_by 't9' names no statement",
    ]


def test_unknown_org_type_is_refused():
    with pytest.raises(ValueError, match="org_type"):
        model.Participant(id="t", name="X", kind="organization", org_type="bakery")


def test_wrong_schema_version_is_refused():
    with pytest.raises(SchemaError, match="expected schema 'briefing/1', found 'briefing/0'"):
        from_dict({"schema": "briefing/0", "id": "x", "text": ""})


def test_errors_name_the_bad_field():
    data = {"schema": SCHEMA, "id": "x", "text": "abc", "statements": [{"id": "s", "kind": "shouted", "content": []}]}
    with pytest.raises(SchemaError, match="kind"):
        from_dict(data)


def test_unknown_keys_are_refused_not_dropped():
    with pytest.raises(SchemaError, match="speeker"):
        from_dict({"schema": SCHEMA, "id": "x", "text": "", "statements": [
            {"id": "s", "kind": "direct", "content": [{"start": 0, "end": 0, "text": ""}], "speeker": "p"}
        ]})


def test_offsets_that_disagree_with_the_text_are_refused():
    with pytest.raises(SchemaError, match="does not match"):
        from_dict({"schema": SCHEMA, "id": "x", "text": "abc", "sections": [
            {"kind": "headline", "span": {"start": 0, "end": 2, "text": "zz"}}
        ]})


def test_not_json():
    with pytest.raises(SchemaError, match="not JSON"):
        loads("{nope")


def test_converters_are_private():
    assert make_converter() is not make_converter()


def test_attribution_round_trips_and_older_briefings_load_as_speech():
    text = "The board expects that rates will fall."
    statement = model.Statement(id="s1", kind="indirect", content=[model.Span.of(text, 18, 38)],
                                cue=model.Span.of(text, 10, 17), attribution="belief")
    briefing = model.Briefing(id="x", text=text, statements=(statement,))
    data = json.loads(dumps(briefing))
    assert data["statements"][0]["attribution"] == "belief"
    jsonschema.validate(data, schema())
    assert loads(dumps(briefing)) == briefing
    del data["statements"][0]["attribution"]
    jsonschema.validate(data, schema())
    assert from_dict(data).statements[0].attribution == "speech"
    assert schema()["$defs"]["statement"]["properties"]["attribution"]["enum"] == list(model.ATTRIBUTIONS)


def test_unknown_attribution_is_refused():
    with pytest.raises(ValueError, match="attribution"):
        model.Statement(id="s1", kind="direct", content=[model.Span.of("a", 0, 1)], attribution="rumour")
