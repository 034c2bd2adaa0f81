"""The exporters ``csv`` and ``csv-participants`` (:mod:`briefing.formats.csv`): cells a spreadsheet
would run are quoted, and many briefings share one header."""

from briefing import Briefing, Span, Statement
from conftest import csv_rows, export


def test_csv_cells_that_would_be_formulas_are_quoted(plugins):
    text = '=HYPERLINK("http://x") said Kelly.'
    briefing = Briefing(id="t", text=text, statements=[Statement(id="s1", kind="indirect", content=[Span.of(text, 0, 22)])])
    [row] = csv_rows(export(plugins, "csv", briefing))
    assert row["content"] == "'=HYPERLINK(\"http://x\")"


def test_csv_has_one_header_for_many_briefings(plugins, seed, example_path, pipeline):
    other = pipeline.extract(example_path)
    rows = csv_rows(export(plugins, "csv", seed, other))
    assert len(rows) == len(seed.statements) + len(other.statements)
    assert {r["briefing"] for r in rows} == {seed.id, other.id}
