from pathlib import Path

import pytest

from briefing import Briefing, Failure, Pipeline, extract_many
from briefing.errors import InputError
from briefing.pipeline import as_input


def test_text_and_path_inputs(pipeline, example_path):
    from_path = pipeline.extract(example_path)
    assert from_path.id == "arctic_fisheries_briefing"
    assert from_path.source.path == str(example_path)
    from_text = pipeline.extract(example_path.read_text(encoding="utf-8"))
    assert from_text.id.startswith("text-") and from_text.source.path is None
    assert from_text.text == from_path.text
    assert [s.content for s in from_text.statements] == [s.content for s in from_path.statements]


def test_a_short_string_naming_a_file_is_read_as_that_file(pipeline, example_path):
    assert as_input(str(example_path)).path == example_path
    assert as_input("Kelly said no.").data == b"Kelly said no."


def test_provenance_names_every_stage(pipeline):
    briefing = pipeline.extract("Kelly said the talks went well.")
    assert [(p.stage, p.name, p.plugin) for p in briefing.provenance] == [
        ("reader", "text", "briefing.builtin.text_reader"),
        ("metadata", "rules", "briefing.builtin.rules_metadata"),
        ("participants", "rules", "briefing.builtin.rules_participants"),
        ("statements", "rules", "briefing.builtin.rules_statements"),
        ("issues", "rules", "briefing.builtin.rules_issues"),
    ]


def test_none_skips_a_stage(nlp, plugins):
    briefing = Pipeline(nlp=nlp, plugins=plugins, statements="none", issues="none").extract("Kelly said no.")
    assert briefing.statements == () and briefing.issues == ()
    assert [p.stage for p in briefing.provenance] == ["reader", "metadata", "participants"]


def test_batch_goes_on_past_a_bad_input(pipeline, example_path, tmp_path):
    binary = tmp_path / "image.png"
    binary.write_bytes(b"\x89PNG\x00\x00\x00")
    results = list(pipeline.run([example_path, tmp_path / "missing.txt", binary, "Kelly said no."]))
    assert [type(r) for r in results] == [Briefing, Failure, Failure, Briefing]
    assert str(results[1].error) == f"{tmp_path / 'missing.txt'}: No such file or directory"
    assert str(results[2].error) == f"{binary}: looks like a binary file, not text"


def test_extract_many_streams_and_reports(nlp, plugins, example_path, tmp_path):
    failures = []
    inputs = [example_path, tmp_path / "nope.txt", example_path]
    out = list(extract_many(inputs, on_error=failures.append, nlp=nlp, plugins=plugins))
    assert len(out) == 2 and len(failures) == 1
    with pytest.raises(InputError, match="nope.txt: No such file"):
        list(extract_many(inputs, nlp=nlp, plugins=plugins))


def test_doc_carries_the_briefing(pipeline):
    doc = pipeline.nlp("Kelly said no.")
    briefing = pipeline.extract_from_doc(Briefing(id="x", text=doc.text), doc)
    assert doc._.briefing is briefing


def test_roles_follow_statements(pipeline, example_path):
    briefing = pipeline.extract(example_path)
    roles = {p.name: p.role for p in briefing.participants}
    assert roles["Claire Dubois"] == roles["Anders Lunde"] == "speaker"
    assert roles["Maren Solberg"] == "author"
    speakers = {s.speaker for s in briefing.statements}
    assert all((p.role == "speaker") == (p.id in speakers) for p in briefing.participants)


def test_too_long_text_is_a_clear_failure(nlp, plugins):
    pipeline = Pipeline(nlp=nlp, plugins=plugins)
    limit = nlp.max_length
    nlp.max_length = 50
    try:
        [result] = list(pipeline.run(["x " * 40]))
    finally:
        nlp.max_length = limit
    assert isinstance(result, Failure)
    assert "more than the spaCy pipeline's max_length of 50" in str(result.error)
