"""The JSON formats (:mod:`briefing.formats.json`): the reader ``jsonl`` of one document a line,
streamed through the pipeline with bad lines reported."""

import json

from briefing import Input
from conftest import read


def test_jsonl_streams_records_and_reports_bad_lines(pipeline):
    lines = [
        {"id": "a", "text": "Kelly said no.", "title": "T", "published": "2017-02-23", "url": "https://x.org/a"},
        "not json",
        {"text": "Lunde said yes.\r\nAgain.", "authors": ["Maren Solberg"]},
        {"id": 7, "title": "no text"},
        [1, 2],
        {"id": "b", "text": "ok", "title": 3},
    ]
    data = "\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines).encode() + b"\n\n"
    results, name = read(pipeline, Input.from_bytes(data, name="corpus.jsonl"))
    assert name == "jsonl"
    first, bad_json, third, no_text, not_object, bad_title = results
    assert (first.id, first.text, first.source.title, first.source.published, first.source.url, first.source.path) == (
        "a", "Kelly said no.", "T", "2017-02-23", "https://x.org/a", "corpus.jsonl")
    assert (third.id, third.text, third.source.authors) == ("corpus-3", "Lunde said yes.\nAgain.", ("Maren Solberg",))
    assert str(bad_json).startswith("corpus.jsonl:2: is not JSON")
    assert str(no_text) == 'corpus.jsonl:4: a record needs a "text" string'
    assert str(not_object) == "corpus.jsonl:5: a record must be a JSON object, not list"
    assert str(bad_title) == 'corpus.jsonl:6: "title" must be a string'


def test_jsonl_is_sniffed_from_content(pipeline):
    _, name = read(pipeline, Input.from_bytes(b'{"id": 1, "text": "Kelly said no."}\n', name="-"))
    assert name == "jsonl"


def test_jsonl_records_flow_through_the_pipeline_with_failures_reported(pipeline, tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text('{"id": "one", "text": "Kelly said the talks went well."}\n{"id": 2}\n', encoding="utf-8")
    results = list(pipeline.run([corpus]))
    assert results[0].id == "one" and results[0].statements[0].content[0].text == "the talks went well"
    assert str(results[1].error) == f'{corpus}:2: a record needs a "text" string'
