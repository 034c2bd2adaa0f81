"""Every script in examples/ runs on the inputs the project ships, and says what it should."""

import csv
import subprocess
import sys

import pytest

from conftest import EXAMPLES


def run(script, *args, cwd):
    result = subprocess.run([sys.executable, str(EXAMPLES / script), *map(str, args)], capture_output=True,
                            text=True, cwd=cwd, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def test_every_script_has_a_docstring_and_a_test():
    scripts = sorted(p.name for p in EXAMPLES.glob("*.py"))
    tested = {name for name in globals() if name.startswith("test_")}
    assert len(scripts) >= 6
    for script in scripts:
        assert (EXAMPLES / script).read_text().startswith('"""'), script
        assert f"test_{script[:-3]}" in tested, f"examples/{script} has no test"


def test_who_said_what(tmp_path):
    out = run("who_said_what.py", cwd=tmp_path)
    assert out.startswith("Claire Dubois, Fisheries Minister, Canada\n")
    assert "Anders Lunde, Foreign Minister, Norway\n" in out
    assert '  - direct [said]: "We cannot manage what we do not measure,"' in out


def test_corpus_to_csv(tmp_path):
    out = run("corpus_to_csv.py", EXAMPLES, tmp_path / "s.csv", cwd=tmp_path)
    assert out == f"wrote {tmp_path / 's.csv'}\n"
    rows = list(csv.DictReader((tmp_path / "s.csv").open(encoding="utf-8")))
    assert {r["document"] for r in rows} == {"arctic_fisheries_briefing", "harbour_safety_briefing_transcript"}
    assert {"speaker": "Anders Lunde", "side": "Norway"}.items() <= next(r for r in rows if r["speaker"] == "Anders Lunde").items()


def test_custom_extractor(tmp_path):
    lines = run("custom_extractor.py", cwd=tmp_path).splitlines()
    assert lines and all(": " in line for line in lines)
    assert any(line.startswith("Lena Vasquez: ") and "two weeks" in line for line in lines)
    assert not any("beaches reopen" in line for line in lines)  # a question with no number


def test_compare_extractors(tmp_path):
    out = run("compare_extractors.py", cwd=tmp_path)
    assert out.startswith("2 documents; speech subset\n")
    assert "loose F1                   1.000     1.000" in out


def test_stance_matrix(tmp_path):
    out = run("stance_matrix.py", EXAMPLES / "arctic_fisheries_briefing.txt", tmp_path / "m.png", cwd=tmp_path)
    assert out.startswith(f"wrote {tmp_path / 'm.png'} (")
    assert (tmp_path / "m.png").read_bytes().startswith(b"\x89PNG")


def test_transcript_talk(tmp_path):
    out = run("transcript_talk.py", cwd=tmp_path)
    assert out.startswith("Who spoke how much\n  Okafor ")
    assert "Lena Vasquez answered: Dr. Vasquez, when will the beaches reopen?" in out


@pytest.mark.corpus
def test_transcript_talk_on_a_white_house_briefing(tmp_path):
    from conftest import need_corpus

    page = need_corpus() / "briefings" / "white_house_briefing_March-19-2020.html"
    out = run("transcript_talk.py", page, cwd=tmp_path)
    assert "answered:" in out and "%" in out
