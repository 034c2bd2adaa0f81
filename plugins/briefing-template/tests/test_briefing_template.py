"""Tests a plugin author can copy: each part through a fresh plugin manager (autoload off, this
plugin given directly), then the installed entry point through the command line."""

import subprocess
import sys

import pytest

import briefing_template
from briefing import Input, Pipeline, export
from briefing.testing import check_exporter, check_extractor, manager

NOTE = """# Harbour notes

Ines Moreau, the harbour master, said the north quay would reopen on Monday. @harbourwatch and
@ferry_news both asked when. "Not before the inspectors sign off," Moreau said. @harbourwatch agreed.
"""


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline(plugins=manager(briefing_template), participants="handles")  # built-ins and this plugin only


def test_the_reader_takes_markdown_and_its_heading(pipeline, tmp_path):
    note = tmp_path / "notes.md"
    note.write_text(NOTE, encoding="utf-8")
    briefing = pipeline.extract(note)
    assert briefing.text == NOTE and briefing.source.title == "Harbour notes"
    assert [p.name for p in briefing.provenance if p.stage == "reader"] == ["markdown"]


def test_the_extractor_adds_each_handle_once_with_every_mention(pipeline):
    briefing = pipeline.extract(Input.from_text(NOTE))
    handles = {p.name: p for p in briefing.participants if p.name.startswith("@")}
    assert set(handles) == {"@harbourwatch", "@ferry_news"}
    assert [m.text for m in handles["@harbourwatch"].mentions] == ["@harbourwatch", "@harbourwatch"]
    assert any(p.name.endswith("Moreau") for p in briefing.participants)  # the built-in rules still ran


def test_the_exporter_writes_a_line_a_statement(pipeline, tmp_path):
    briefing = pipeline.extract(Input.from_text(NOTE))
    out = tmp_path / "quotes.txt"
    export(briefing, "quotes-txt", out, plugins=pipeline.plugins)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(briefing.statements) >= 2
    assert any(line.endswith('Moreau: "Not before the inspectors sign off,"') for line in lines)


def test_installed_it_is_listed_and_used_by_the_cli(tmp_path):
    listed = subprocess.run([sys.executable, "-m", "briefing", "plugins"], capture_output=True, text=True)
    assert "template  (entry point of briefing-template" in listed.stdout
    assert "    exporter quotes-txt" in listed.stdout
    note = tmp_path / "n.md"
    note.write_text(NOTE, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "briefing", "extract", note, "-f", "quotes-txt",
                             "--participants", "handles"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0].endswith("Moreau: the north quay would reopen on Monday")


def test_the_parts_keep_the_contracts_every_part_must(pipeline):
    """briefing.testing's checks, run on generated input (any Unicode, prose, generated briefings)."""
    plugins = manager(briefing_template)
    check_extractor("participants", "handles", plugins, nlp=pipeline.nlp)
    check_exporter("quotes-txt", plugins)
