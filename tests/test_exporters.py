"""The built-in exporters: every one listed and tested on the seed article and on generated
briefings, and each output read back (JSON, CSV rows, HTML, BRAT standoff)."""

import csv
import io
import json
from html.parser import HTMLParser

import pytest
from hypothesis import HealthCheck, given, settings

from briefing import Briefing, Participant, Span, Statement
from briefing.formats.brat import parse_ann, read_gold
from briefing.evaluate import evaluate
from briefing.formats.brat import fragments, to_ann
from briefing.report.html import segments
from briefing.formats.csv import STATEMENT_COLUMNS, safe_cell
from briefing.testing.strategies import briefings

EXPORTERS = ["brat", "csv", "csv-participants", "html", "json", "jsonl", "label-studio", "markdown"]
generated = settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])  # exporters keep no state


def export(plugins, name, *items):
    stream = io.StringIO()
    plugins.exporter(name).obj.write(list(items), stream)
    return stream.getvalue()


def test_every_exporter_is_registered(plugins):
    assert set(EXPORTERS) <= set(plugins.names("exporter"))


# -- reading the outputs back ---------------------------------------------------------------


class _Page(HTMLParser):
    """The text of the page's ``article``, its highlights, and whether any script is in it."""

    def __init__(self):
        super().__init__()
        self.depth, self.text, self.highlights, self.scripts = 0, [], [], 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.scripts += tag == "script"
        if tag == "article":
            self.depth = 1
        elif self.depth and tag == "a":
            self.highlights.append(attrs)

    def handle_endtag(self, tag):
        if tag == "article":
            self.depth = 0

    def handle_data(self, data):
        if self.depth:
            self.text.append(data)


def parse_page(page):
    parser = _Page()
    parser.feed(page)
    parser.close()
    return parser


def csv_rows(output):
    assert output.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(output[1:], newline="")))


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


def test_the_markdown_report_shows_the_talk_of_a_transcript(plugins):
    from briefing import Briefing
    from briefing.turns import add_turns

    text = ("MAYOR OKAFOR: The ferries run on time.\n\nQ Mayor Okafor, will the bridge reopen in May?\n\n"
            "MAYOR OKAFOR: Yes, in May.\n\nQ Thank you.\n")
    report = export(plugins, "markdown", add_turns(Briefing(id="x", text=text)))
    talk = report[report.index("## Share of the talk"):]
    assert talk.splitlines()[3:6] == ["|---|---|---|", "| Reporters | 10 | 56% |", "| Okafor | 8 | 44% |"]
    assert "- **Reporters → Okafor:** Mayor Okafor, will the bridge reopen in May?\n  - **Okafor:** Yes, in May." in talk
    assert "## Share of the talk" not in export(plugins, "markdown", Briefing(id="y", text="No turns here."))


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


# -- particular promises --------------------------------------------------------------------


def _briefing(text, **kwargs):
    return Briefing(id="t", text=text, **kwargs)


def test_html_shows_markup_in_the_text_as_text(plugins):
    text = 'Kelly said "<script>alert(1)</script> <img src=x onerror=alert(2)>" was posted.'
    content = Span.of(text, 11, text.index(" was"))
    briefing = _briefing(text, participants=[Participant(id="k", name="<b>Kelly</b>", title="Secretary")],
                         statements=[Statement(id="s1", kind="direct", content=[content], speaker="k",
                                               cue=Span.of(text, 6, 10), source=Span.of(text, 0, 5))])
    page = export(plugins, "html", briefing)
    assert "<script>" not in page and "<img" not in page and "<b>Kelly" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "&lt;b&gt;Kelly&lt;/b&gt;" in page
    assert "default-src 'none'" in page
    parsed = parse_page(page)
    assert [(h["data-statement"], h["class"]) for h in parsed.highlights] == [
        ("s1", "hl source"), ("s1", "hl cue"), ("s1", "hl")
    ]
    assert parsed.highlights[0]["title"].splitlines()[0] == "<b>Kelly</b>, Secretary"


def test_html_report_of_a_transcript_lists_stances_and_speakers(plugins, pipeline, example_path):
    briefing = pipeline.extract(example_path)
    page = export(plugins, "html", briefing)
    assert '<tr data-issue="' in page and "Where the sides differ" in page
    assert '<span class="stance oppose">oppose</span>' in page
    assert page.count('class="statement"') == len(briefing.statements)


def test_csv_cells_that_would_be_formulas_are_quoted(plugins):
    text = '=HYPERLINK("http://x") said Kelly.'
    briefing = _briefing(text, statements=[Statement(id="s1", kind="indirect", content=[Span.of(text, 0, 22)])])
    [row] = csv_rows(export(plugins, "csv", briefing))
    assert row["content"] == "'=HYPERLINK(\"http://x\")"


def test_csv_has_one_header_for_many_briefings(plugins, seed, example_path, pipeline):
    other = pipeline.extract(example_path)
    rows = csv_rows(export(plugins, "csv", seed, other))
    assert len(rows) == len(seed.statements) + len(other.statements)
    assert {r["briefing"] for r in rows} == {seed.id, other.id}


def test_brat_round_trip_scores_one(tmp_path, seed):
    """A briefing exported to brat and evaluated against itself scores 1.0."""
    (tmp_path / f"{seed.id}.txt").write_text(seed.text, encoding="utf-8")
    (tmp_path / f"{seed.id}.ann").write_text(to_ann(seed), encoding="utf-8")
    report = evaluate(read_gold(tmp_path), [seed])
    for row in report.rows:
        assert row.loose == row.strict == (1.0, 1.0, 1.0)
        assert row.speaker == 1.0
    assert report.row("all").gold == len(seed.statements)


def test_brat_splits_spans_at_line_ends(plugins):
    text = "Q  Why?\n\nBecause.\nAll done."
    briefing = _briefing(text, statements=[Statement(id="t1", kind="direct", content=[Span.of(text, 3, len(text))],
                                                     source=Span.of(text, 0, 1))])
    ann = export(plugins, "brat", briefing)
    assert ann.splitlines()[:3] == [
        "T1\tContent 3 7;9 17;18 27\tWhy? Because. All done.",
        "T2\tSource 0 1\tQ",
        "T3\tAttribution 0 1\tQ",
    ]
    assert ann.splitlines()[3] == "E1\tAttribution:T3 Content:T1 Source:T2"


def test_spacy_doc_with_the_briefing_attached(pipeline, example_path):
    doc = pipeline.extract_doc(example_path)
    briefing = doc._.briefing
    assert doc.text == briefing.text
    statements = doc.spans["briefing_statements"]
    first = briefing.statements[0]
    assert [(s.text, s.label_, s.kb_id_, s.id_) for s in list(statements)[:3]] == [
        (first.content[0].text, "Content", first.speaker, first.id),
        (first.cue.text, "Cue", first.speaker, first.id),
        (first.source.text, "Source", first.speaker, first.id),
    ]
    mentions = {(s.text, s.kb_id_) for s in doc.spans["briefing_participants"]}
    assert ("Claire Dubois", "claire-dubois") in mentions
    assert len(doc.spans["briefing_issues"]) == sum(len(i.mentions) for i in briefing.issues)


@pytest.mark.parametrize("name", EXPORTERS)
def test_exporters_describe_themselves(plugins, name):
    exporter = plugins.exporter(name).obj
    assert exporter.description and exporter.suffix.startswith(".") and isinstance(exporter.many, bool)


def test_export_from_python_to_a_path_a_stream_and_refusing_two_for_one(plugins, tmp_path):
    from briefing import export, loads
    from briefing.export import TooManyBriefingsError

    briefing = Briefing(id="a", text="Kelly said no.")
    export([briefing, briefing], "jsonl", tmp_path / "out.jsonl", plugins=plugins)
    assert [loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()] == [briefing, briefing]
    stream = io.StringIO()
    export(briefing, "json", stream, plugins=plugins)
    assert loads(stream.getvalue()) == briefing
    with pytest.raises(TooManyBriefingsError, match="format 'json' holds one briefing"):
        export([briefing, briefing], "json", io.StringIO(), plugins=plugins)
