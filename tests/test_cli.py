import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from briefing.cli import app, main
from briefing.convert import from_dict


@pytest.fixture(autouse=True)
def _builtins_only(monkeypatch):
    monkeypatch.setenv("BRIEFING_DISABLE_PLUGIN_AUTOLOAD", "1")


def run(*args, input=None):
    return subprocess.run([sys.executable, "-m", "briefing", *map(str, args)], capture_output=True, text=True,
                          input=input)


def test_extract_json_to_stdout(example_path):
    result = CliRunner().invoke(app, ["extract", str(example_path)])
    assert result.exit_code == 0, result.output
    briefing = from_dict(json.loads(result.stdout))
    assert briefing.source.title == "Canada and Norway Agree on Arctic Fisheries, Split on Shipping Fees"


def test_jsonl_gives_one_line_per_input_in_order(example_path, tmp_path):
    other = tmp_path / "other.txt"
    other.write_text("Lunde said the fees were too high.\n", encoding="utf-8")
    result = run("extract", example_path, other, "-f", "jsonl")
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["source"]["path"] for line in lines] == [str(example_path), str(other)]


def test_stdin(example_path):
    result = run("extract", "-", "-f", "jsonl", input="Lunde said the fees were too high.\n")
    assert result.returncode == 0
    [line] = result.stdout.splitlines()
    data = json.loads(line)
    assert data["source"]["path"] == "-"
    assert data["statements"][0]["content"][0]["text"] == "the fees were too high"


def test_missing_file_is_one_line_and_exit_1_and_the_rest_is_written(example_path, tmp_path):
    out = tmp_path / "all.jsonl"
    result = run("extract", tmp_path / "missing.txt", example_path, "-f", "jsonl", "-o", out)
    assert result.returncode == 1
    assert result.stderr == f"briefing: {tmp_path / 'missing.txt'}: No such file or directory\n"
    assert len(out.read_text().splitlines()) == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-f", "pdf"], "briefing: error: unknown exporter 'pdf'; known: brat, csv, csv-participants, html, json, jsonl, label-studio, "
                        "markdown\n"),
        (["--statements", "magic"], "briefing: error: unknown statements extractor 'magic'; known: rules, trained\n"),
        (["--reader", "pdf"], "briefing: error: unknown reader 'pdf'; known: brat, html, jsonl, text, transcript\n"),
    ],
)
def test_unknown_names_are_usage_errors_listing_the_known_ones(example_path, args, message):
    result = run("extract", example_path, *args)
    assert result.returncode == 2
    assert result.stderr == message


def test_one_briefing_formats_refuse_several_inputs_on_stdout(example_path):
    result = run("extract", example_path, example_path)
    assert result.returncode == 2
    assert "holds one briefing and 2 inputs were given" in result.stderr
    assert "Traceback" not in result.stderr


def test_one_file_per_input_in_a_directory(example_path, tmp_path):
    out = tmp_path / "reports"
    result = run("extract", example_path, "-f", "markdown", "-o", f"{out}/")
    assert result.returncode == 0
    report = (out / "arctic_fisheries_briefing.md").read_text()
    assert report.startswith("# Canada and Norway Agree on Arctic Fisheries, Split on Shipping Fees\n")
    assert "| Claire Dubois | speaker | person | Fisheries Minister |  | Canada |" in report


def test_plugins_and_formats_listings():
    plugins = run("plugins")
    assert plugins.returncode == 0
    assert "briefing.statements.plugin  (built-in" in plugins.stdout
    assert "    statements extractor rules" in plugins.stdout
    formats = run("formats")
    assert "  json " in formats.stdout and "  markdown " in formats.stdout and "  text " in formats.stdout
    assert "  local " in formats.stdout.split("engines (")[1]


def test_a_scheduler_needs_an_engine_that_takes_one(example_path):
    result = run("extract", example_path, "--scheduler", "tcp://10.0.0.1:8786")
    assert result.returncode == 2
    assert result.stderr.startswith("briefing: error: --scheduler needs an --engine")
    assert run("extract", example_path, "--engine", "spark").stderr == "briefing: error: unknown engine 'spark'; known: local\n"


def test_plugins_explain_says_what_each_extractor_needs_and_what_runs():
    explained = run("plugins", "--explain")
    assert explained.returncode == 0
    assert "    metadata extractor rules  (needs parser, ner)" in explained.stdout
    assert "    statements extractor rules  (needs every spaCy component)" in explained.stdout
    assert "run for the default extractors: tok2vec, tagger, parser, attribute_ruler, lemmatizer, ner" in explained.stdout
    plain = run("plugins").stdout
    assert "spaCy pipeline" not in plain and "(needs" not in plain


def test_bad_option_is_a_usage_error():
    assert main(["extract", "x", "--bogus"]) == 2
    assert main(["extract"]) == 2


def test_cli_reference_names_every_command_and_option():
    """docs/cli.md is generated from the code (see its first lines); regenerate it when this fails."""
    import typer.main

    from conftest import ROOT

    reference = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    group = typer.main.get_command(app)
    for name, command in group.commands.items():
        assert f"## `briefing {name}`" in reference
        for param in command.params:
            if param.param_type_name == "option":
                assert any(f"`{opt}" in reference or f" {opt}" in reference for opt in param.opts), (name, param.opts)


def test_an_empty_directory_is_said_and_fails(tmp_path):
    (tmp_path / "empty").mkdir()
    result = run("extract", tmp_path / "empty", "-f", "json")
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == f"briefing: {tmp_path / 'empty'}: is a directory with no files to read\n"


def test_several_inputs_into_one_file_of_a_one_briefing_format_is_a_usage_error(example_path, tmp_path):
    out = tmp_path / "out.json"
    result = run("extract", example_path, example_path.with_name("harbour_safety_briefing_transcript.txt"), "-f", "json", "-o", out)
    assert result.returncode == 2 and "holds one briefing and 2 inputs" in result.stderr
    assert not out.exists()


def test_an_output_that_is_an_input_is_refused(tmp_path):
    text = tmp_path / "day1.txt"
    text.write_text("Kelly said no.")
    result = run("extract", text, "-f", "json", "-o", text)
    assert result.returncode == 2 and "is one of the inputs" in result.stderr
    assert text.read_text() == "Kelly said no."


def test_empty_stdin_is_an_empty_briefing_with_a_warning():
    result = run("extract", "-", "-f", "jsonl", input="")
    assert result.returncode == 0
    assert json.loads(result.stdout)["statements"] == []
    assert result.stderr == "briefing: warning: -: holds no text; its briefing is empty\n"


def test_a_guessed_encoding_is_one_warning_line(tmp_path):
    text = tmp_path / "ru.txt"
    text.write_bytes("Министр сказал, что переговоры прошли успешно и стороны договорились.".encode("cp1251"))
    result = run("extract", text, "-f", "jsonl", "--statements", "none", "--issues", "none")
    assert result.returncode == 0
    assert result.stderr == f"briefing: warning: {text}: is not UTF-8; decoded as cp1251, a guess (convert it to UTF-8 to be sure)\n"


def test_a_batch_with_bad_inputs_writes_every_good_one_and_an_error_record_for_each_bad(example_path, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Lunde said the fees were too high.\n")
    (folder / "b.txt").write_bytes(b"\x89PNG\x00\x00\x00\x00")
    (folder / "c.txt").write_text("Dubois said the talks went well.\n")
    out, errors = tmp_path / "all.jsonl", tmp_path / "errors.jsonl"
    result = run("extract", folder, "-f", "jsonl", "-o", out, "--errors", errors)
    assert result.returncode == 1
    assert [json.loads(line)["id"] for line in out.read_text().splitlines()] == ["a", "c"]
    [record] = [json.loads(line) for line in errors.read_text().splitlines()]
    assert record["input"] == str(folder / "b.txt") and "is not text" in record["error"]
    assert result.stderr.count("\n") == 1 and str(folder / "b.txt") in result.stderr

    stopped = run("extract", folder, "-f", "jsonl", "-o", tmp_path / "first.jsonl", "--on-error", "fail")
    assert stopped.returncode == 1
    assert [json.loads(line)["id"] for line in (tmp_path / "first.jsonl").read_text().splitlines()] == ["a"]


def test_resume_skips_what_is_written_and_mends_a_cut_line(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name, who in (("a", "Lunde"), ("b", "Dubois"), ("c", "Tremblay")):
        (folder / f"{name}.txt").write_text(f"{who} said the talks went well.\n")
    out = tmp_path / "all.jsonl"
    assert run("extract", folder / "a.txt", "-f", "jsonl", "-o", out).returncode == 0
    first = out.read_text()
    out.write_text(first + '{"id": "b", "te')  # a run killed while writing b
    result = run("extract", folder, "-f", "jsonl", "-o", out, "--resume")
    assert result.returncode == 0, result.stderr
    lines = out.read_text().splitlines()
    assert lines[0] == first.strip() and [json.loads(line)["id"] for line in lines] == ["a", "b", "c"]
    assert run("extract", folder, "-f", "json", "-o", tmp_path / "x.json", "--resume").returncode == 2


def test_jobs_keep_the_input_order_and_report_failures(example_path, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    names = [f"{i:02d}" for i in range(12)]
    for name in names:
        (folder / f"{name}.txt").write_text(f"Speaker{name} Lunde said the fees were too high, {name} times.\n")
    (folder / "05.txt").write_bytes(b"\x00\x01")
    out = tmp_path / "all.jsonl"
    result = run("extract", folder, "-f", "jsonl", "-o", out, "--jobs", "2")
    assert result.returncode == 1 and "05.txt: is not text" in result.stderr
    assert [json.loads(line)["id"] for line in out.read_text().splitlines()] == [n for n in names if n != "05"]


def _stderr_in_a_terminal(*args):
    """Run the CLI with stderr on a pseudo-terminal (as in a real shell); what it showed there."""
    import os
    import pty

    leader, follower = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "briefing", *map(str, args)], stderr=follower,
                               stdout=subprocess.DEVNULL, env={**os.environ, "COLUMNS": "120", "TERM": "xterm"})
    os.close(follower)
    shown = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the terminal closes when the process ends
            break
        if not chunk:
            break
        shown += chunk
    process.wait()
    os.close(leader)
    return process.returncode, shown.decode("utf-8", "replace")


def test_a_progress_bar_shows_in_a_terminal_and_not_when_piped(example_path, tmp_path):
    code, shown = _stderr_in_a_terminal("extract", example_path, example_path, "-f", "jsonl", "-o", tmp_path / "a.jsonl")
    assert code == 0 and "2 docs" in shown and "words/s" in shown
    code, shown = _stderr_in_a_terminal("extract", example_path, "-f", "jsonl", "-o", tmp_path / "b.jsonl", "--quiet")
    assert code == 0 and "docs/s" not in shown
    piped = run("extract", example_path, example_path, "-f", "jsonl", "-o", tmp_path / "c.jsonl")
    assert piped.returncode == 0 and piped.stderr == ""


RAISING_EXPORTER = """
import briefing

class Boom:
    name, description, suffix, many = "boom", "raises", ".txt", False

    def write(self, briefings, stream):
        for briefing in briefings:
            raise ValueError("cannot write this")

@briefing.hookimpl
def briefing_register(registry):
    registry.add_exporter(Boom())
"""


def run_with_plugin(tmp_path, entry_point, *args):
    """The CLI with a plugin installed through an entry point (a distribution made in tmp_path)."""
    import os

    from conftest import fake_distribution

    fake_distribution(tmp_path, entry_point)
    (tmp_path / "raising_exporter.py").write_text(RAISING_EXPORTER)
    env = {k: v for k, v in os.environ.items() if k != "BRIEFING_DISABLE_PLUGIN_AUTOLOAD"}
    env["PYTHONPATH"] = str(tmp_path)
    return subprocess.run([sys.executable, "-m", "briefing", *map(str, args)], capture_output=True, text=True, env=env)


def test_a_broken_plugin_is_one_line_and_every_command_still_works(tmp_path, example_path):
    result = run_with_plugin(tmp_path, "fake = no_such_module_anywhere", "plugins")
    assert result.returncode == 0
    assert result.stderr.count("\n") == 1 and "plugin 'fake' (entry point of fakeplugin) fails to import" in result.stderr
    assert "fake  (entry point of fakeplugin) BROKEN, skipped: fails to import: ModuleNotFoundError" in result.stdout
    assert "briefing.formats.json" in result.stdout


def test_an_exporter_failing_is_one_line_naming_the_plugin_and_the_input(tmp_path, example_path):
    result = run_with_plugin(tmp_path, "fake = raising_exporter", "extract", example_path, "-f", "boom")
    assert result.returncode == 1
    assert result.stderr == (f"briefing: error: {example_path}: plugin 'fake' failed in exporter 'boom': "
                             "ValueError: cannot write this\n")
