import os

import pytest

from briefing.errors import InputError
from briefing.files import atomic_writer, decode, expand_paths


def test_decode_utf8_bom_and_line_ends():
    assert decode("\ufeffA\r\nB\rC".encode("utf-8"), "x") == "A\nB\nC"


def test_decode_other_encodings():
    text = "Peña Nieto dijo que México insistía en la repatriación ordenada de los migrantes."
    assert decode(text.encode("cp1252"), "x") == text


def test_binary_is_refused_with_the_file_named():
    with pytest.raises(InputError, match=r"^scan\.pdf: looks like a binary file"):
        decode(b"%PDF\x00\x01\x02", "scan.pdf")


def test_expand_paths(tmp_path):
    (tmp_path / "b.txt").write_text("b")
    (tmp_path / "a.txt").write_text("a")
    (tmp_path / ".hidden").write_text("h")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.html").write_text("c")
    found = list(expand_paths([str(tmp_path)]))
    assert found == [str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), str(tmp_path / "sub" / "c.html")]
    assert list(expand_paths([str(tmp_path / "*.txt")])) == [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]
    assert list(expand_paths([str(tmp_path / "*.none")])) == [str(tmp_path / "*.none")]
    assert list(expand_paths(["-", "missing.txt"])) == ["-", "missing.txt"]


def test_atomic_writer_replaces_only_on_success(tmp_path):
    target = tmp_path / "out.json"
    target.write_text("old")
    with pytest.raises(RuntimeError), atomic_writer(target) as stream:
        stream.write("half")
        raise RuntimeError("interrupted")
    assert target.read_text() == "old"
    assert os.listdir(tmp_path) == ["out.json"]
    with atomic_writer(target) as stream:
        stream.write("new")
    assert target.read_text() == "new"
    assert oct(target.stat().st_mode & 0o777) != oct(0o600)
