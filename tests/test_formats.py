"""Every built-in format at once: each exporter registered, describing itself, and rendering the
seed article and generated briefings into output that reads back (JSON, CSV rows, HTML, BRAT
standoff, Label Studio tasks); and every reader refusing bad bytes with an input error only."""

import json
import warnings

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing import Briefing, Input
from briefing.errors import BriefingError, InputWarning
from briefing.formats.brat import fragments, parse_ann, to_ann
from briefing.formats.csv import STATEMENT_COLUMNS, safe_cell
from briefing.report.html import segments
from briefing.testing.strategies import briefings
from conftest import HTML_PAGE, csv_rows, export, parse_page


EXPORTERS = ["brat", "csv", "csv-participants", "html", "json", "jsonl", "label-studio", "markdown"]


generated = settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])  # exporters keep no state


def test_every_exporter_is_registered(plugins):
    assert set(EXPORTERS) <= set(plugins.names("exporter"))


def check_html(briefing, page):
    parsed = parse_page(page)
    assert "".join(parsed.text) == briefing.text
    assert parsed.scripts == 0
    marked = [s for s in segments(briefing) if s.statement is not None]
    assert [h["data-statement"] for h in parsed.highlights] == [s.statement.id for s in marked]
    assert [("cue" in h["class"].split(), "source" in h["class"].split()) for h in parsed.highlights] == [
        (s.cue, s.source) for s in marked
    ]


def check_csv(plugins, briefing):
    rows = csv_rows(export(plugins, "csv", briefing))
    assert [tuple(r) for r in rows[:1]] in ([], [STATEMENT_COLUMNS])
    assert [(r["statement"], r["content"], r["act"]) for r in rows] == [
        (s.id, safe_cell(s.text), s.act) for s in briefing.statements
    ]
    assert [r["offsets"] for r in rows] == [";".join(f"{c.start}-{c.end}" for c in s.content) for s in briefing.statements]
    people = csv_rows(export(plugins, "csv-participants", briefing))
    assert [(r["participant"], r["name"]) for r in people] == [(p.id, safe_cell(p.name)) for p in briefing.participants]


def check_brat(briefing):
    annotations = parse_ann(to_ann(briefing))
    kept = [s for s in briefing.statements if fragments(s.content, briefing.text)]
    assert len(annotations) == len(kept)
    for attribution, statement in zip(annotations, kept, strict=True):
        assert attribution.content == tuple(fragments(statement.content, briefing.text))
        assert attribution.cue == tuple(fragments([statement.cue], briefing.text) if statement.cue else ())
        assert attribution.source == tuple(fragments([statement.source], briefing.text) if statement.source else ())
        who = briefing.participant(statement.speaker)
        expected = " ".join(who.name.split()) if who and attribution.source else None
        assert attribution.speaker == (expected or None)


def check_label_studio(plugins, briefing):
    [task] = json.loads(export(plugins, "label-studio", briefing))
    assert task["data"]["text"] == briefing.text and task["data"]["briefing"] == briefing.id
    regions = [r for r in task["predictions"][0]["result"] if r["type"] == "labels"]
    for region in regions:
        value = region["value"]
        assert briefing.text[value["start"]:value["end"]] == value["text"]
    ids = {r["id"] for r in regions}
    relations = [r for r in task["predictions"][0]["result"] if r["type"] == "relation"]
    assert all(r["from_id"] in ids and r["to_id"] in ids for r in relations)
    contents = sum(1 for s in briefing.statements for c in s.content if c.end > c.start)
    assert sum(r["value"]["labels"] == ["Content"] for r in regions) == contents


@generated
@given(briefings())
def test_generated_briefings_parse_back_from_every_format(plugins, briefing):
    from briefing import loads

    assert loads(export(plugins, "json", briefing)) == briefing
    assert loads(export(plugins, "jsonl", briefing)) == briefing
    check_csv(plugins, briefing)
    check_html(briefing, export(plugins, "html", briefing))
    check_brat(briefing)
    check_label_studio(plugins, briefing)
    assert export(plugins, "markdown", briefing).startswith(f"# {briefing.source.title or briefing.id}")


def test_the_seed_article_in_every_format(plugins, seed):
    check_csv(plugins, seed)
    check_html(seed, export(plugins, "html", seed))
    check_brat(seed)
    check_label_studio(plugins, seed)
    rows = csv_rows(export(plugins, "csv", seed))
    videgaray = [r for r in rows if r["speaker"] == "Luis Videgaray"]
    assert videgaray and {(r["title"], r["affiliation"]) for r in videgaray} == {("Foreign Minister", "Mexico")}
    people = {r["name"]: r for r in csv_rows(export(plugins, "csv-participants", seed))}
    assert people["John Kelly"]["title"].startswith("Secretary") and people["Kausha Luna"]["role"] == "author"


@pytest.mark.parametrize("name", EXPORTERS)
def test_exporters_describe_themselves(plugins, name):
    exporter = plugins.exporter(name).obj
    assert exporter.description and exporter.suffix.startswith(".") and isinstance(exporter.many, bool)


#: Bytes a reader may meet: random, or mangled pieces of every format it reads.
_FORMAT_PIECES = [HTML_PAGE, b'{"id": "a", "text": "Kelly said no."}\n', b"T1\tSource 0 5\tKelly\n", b"THE PRESIDENT:  Thank you.\n",
                  b"Q    Mr. President?\n", b"\xff\xfe", b"\xef\xbb\xbf", b"\x00", b"<", b"\n", b'"', b"\xe2\x80\x9c"]


fuzz_bytes = st.one_of(
    st.binary(max_size=600),
    st.lists(st.one_of(st.sampled_from(_FORMAT_PIECES), st.binary(max_size=20)), max_size=12).map(b"".join),
)


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(data=fuzz_bytes, suffix=st.sampled_from([".txt", ".html", ".jsonl", ".ann", ""]))
def test_readers_refuse_bad_bytes_with_an_input_error_only(plugins, data, suffix):
    """Every reader, on any bytes under any name: briefings, or a BriefingError naming the input,
    never another exception (a fuzz harness; ``HYPOTHESIS_PROFILE=fuzz`` runs it longer, see
    docs/formats.md)."""
    for entry in plugins.entries("reader"):
        input = Input.from_bytes(data, name=f"fuzz{suffix}")
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", InputWarning)
                entry.obj.detect(input, input.head())
                for result in entry.obj.read(input):
                    assert isinstance(result, (Briefing, BriefingError))
        except BriefingError as error:
            assert str(error).startswith("fuzz")
