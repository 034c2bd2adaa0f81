"""The command line with the readers and exporters: directories in, one output per input or one
stream out, inputs that share a name, and the brat round trip through ``briefing evaluate``."""

import json
import shutil
import subprocess
import sys

import pytest

from conftest import EXAMPLES

TRANSCRIPT = EXAMPLES / "harbour_safety_briefing_transcript.txt"


@pytest.fixture(autouse=True)
def _builtins_only(monkeypatch):
    monkeypatch.setenv("BRIEFING_DISABLE_PLUGIN_AUTOLOAD", "1")


def run(*args):
    return subprocess.run([sys.executable, "-m", "briefing", *map(str, args)], capture_output=True, text=True)


@pytest.fixture
def corpus(tmp_path, example_path):
    """A directory of inputs in several formats, two of them sharing the name ``arctic``."""
    root = tmp_path / "in"
    (root / "a").mkdir(parents=True)
    (root / "b").mkdir()
    shutil.copy(example_path, root / "a" / "arctic.txt")
    (root / "b" / "arctic.txt").write_text("Lunde said the fees were too high.\n", encoding="utf-8")
    shutil.copy(TRANSCRIPT, root / "harbour.txt")
    (root / "more.jsonl").write_text('{"id": "m1", "text": "Dubois said the talks went well."}\n{"id": 2}\n', encoding="utf-8")
    return root


def test_a_directory_gives_one_output_per_input_and_names_never_clash(corpus, tmp_path):
    out = tmp_path / "out"
    result = run("extract", corpus, "-f", "json", "-o", f"{out}/")
    assert result.returncode == 1  # the bad JSONL line
    assert sorted(p.name for p in out.iterdir()) == ["arctic-2.json", "arctic.json", "harbour.json", "m1.json"]
    first, second = (json.loads((out / name).read_text()) for name in ("arctic.json", "arctic-2.json"))
    assert first["source"]["path"].endswith("a/arctic.txt") and second["source"]["path"].endswith("b/arctic.txt")
    assert result.stderr.splitlines() == [
        f"briefing: {corpus / 'b' / 'arctic.txt'}: another input is also named 'arctic'; writing it as 'arctic-2'",
        f'briefing: {corpus / "more.jsonl"}:2: a record needs a "text" string',
    ]
    harbour = json.loads((out / "harbour.json").read_text())
    assert harbour["provenance"][0]["name"] == "transcript"


def test_a_directory_gives_one_jsonl_stream(corpus):
    result = run("extract", corpus, "-f", "jsonl")
    ids = [json.loads(line)["id"] for line in result.stdout.splitlines()]
    assert ids == ["arctic", "arctic", "harbour", "m1"]


def test_a_glob_and_csv_for_a_spreadsheet(corpus, tmp_path):
    out = tmp_path / "statements.csv"
    result = run("extract", f"{corpus}/**/*.txt", "-f", "csv", "-o", out)
    assert result.returncode == 0, result.stderr
    text = out.read_bytes().decode("utf-8")
    assert text.startswith("\ufeffbriefing,statement,speaker,") and text.count("\r\nbriefing,") == 0
    assert "harbour,t3,Reporters,reporters,,,,,direct,question,speech,,Q," in text


def test_brat_output_is_scored_one_by_evaluate(tmp_path, example_path):
    out = tmp_path / "gold"
    result = run("extract", example_path, "-f", "brat", "-o", f"{out}/")
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["arctic_fisheries_briefing.ann", "arctic_fisheries_briefing.txt"]
    assert (out / "arctic_fisheries_briefing.txt").read_text(encoding="utf-8") == example_path.read_text(encoding="utf-8")
    scores = json.loads(run("evaluate", out, "--json").stdout)
    assert {tuple(row["loose"]) for row in scores["rows"]} == {(1.0, 1.0, 1.0)}


def test_brat_never_overwrites_an_input_it_would_change(tmp_path):
    source = tmp_path / "latin.txt"
    source.write_bytes("Kelly said the caf\xe9 was closed.\r\n".encode("cp1252"))
    result = run("extract", source, "-f", "brat", "-o", f"{tmp_path}/")
    assert result.returncode == 1
    assert result.stderr == (f"briefing: {source}: writing latin.txt beside the output would overwrite this input; "
                             "use another -o directory\n")
    assert source.read_bytes() == "Kelly said the caf\xe9 was closed.\r\n".encode("cp1252")


def test_brat_to_stdout_says_where_the_text_went(example_path):
    result = run("extract", example_path, "-f", "brat")
    assert result.returncode == 0
    assert result.stdout.startswith("T1\tContent ")
    assert result.stderr == "briefing: note: format 'brat' also writes files beside its output; give -o to get them\n"


def test_formats_lists_every_reader_and_exporter():
    listing = run("formats").stdout
    for name in ("brat", "csv", "csv-participants", "html", "json", "jsonl", "label-studio", "markdown"):
        assert f"\n  {name} " in listing
    readers = listing.split("readers")[1]
    for name in ("brat", "html", "jsonl", "text", "transcript"):
        assert f"\n  {name} " in readers


def test_ids_from_the_input_never_write_outside_the_output_directory(tmp_path):
    records = [{"id": i, "text": "Dubois said the talks went well."} for i in ("../escape", "/tmp/abs", "a\u0000b", "x" * 500)]
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    out = tmp_path / "deep" / "out"
    result = run("extract", corpus, "-f", "json", "-o", f"{out}/", "--statements", "none", "--issues", "none")
    assert result.returncode == 0, result.stderr
    written = sorted(p.name for p in out.iterdir())
    assert len(written) == 4 and all(p.parent == out for p in out.iterdir())
    assert sorted(p.name for p in (tmp_path / "deep").iterdir()) == ["out"]
