import os

import pytest

from briefing.errors import InputError, InputWarning
from briefing.files import atomic_writer, decode, expand_paths, safe_stem


def test_decode_utf8_bom_and_line_ends():
    assert decode("\ufeffA\r\nB\rC".encode("utf-8"), "x") == "A\nB\nC"


def test_decode_other_encodings():
    text = "Peña Nieto dijo que México insistía en la repatriación ordenada de los migrantes."
    assert decode(text.encode("cp1252"), "x") == text


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252"])
@pytest.mark.parametrize("text", [
    "The minister Peña said no.",
    "Le ministre a déclaré que l'accord était « historique » et que Zürich suivrait. " * 40,
])
def test_short_and_long_western_texts_are_not_mojibake(text, encoding, recwarn):
    assert decode(text.encode(encoding), "x") == text
    assert not recwarn.list


def test_windows_1252_punctuation():
    text = "He said \u201cno\u201d \u2013 twice \u2026 for \u20ac5."
    assert decode(text.encode("cp1252"), "x") == text


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be", "utf-8"])
def test_a_byte_order_mark_decides(encoding):
    text = "Peña said \u201cyes\u201d.\r\nThen left."
    marked = text if encoding in ("utf-16", "utf-32") else "\ufeff" + text  # these two write the mark themselves
    assert decode(marked.encode(encoding), "x") == text.replace("\r\n", "\n")


def test_a_guessed_encoding_is_said_with_the_file_named():
    text = "Министр сказал, что переговоры прошли успешно и стороны договорились о новых шагах."
    with pytest.warns(InputWarning, match=r"^notes\.txt: is not UTF-8; decoded as cp1251"):
        assert decode(text.encode("cp1251"), "notes.txt") == text


def test_binary_is_refused_with_the_file_named():
    with pytest.raises(InputError, match=r"^scan\.pdf: is not text"):
        decode(b"%PDF\x00\x01\x02", "scan.pdf")
    with pytest.raises(InputError, match=r"^a\.txt: starts with a utf-16 byte-order mark but is not utf-16"):
        decode(b"\xff\xfeA", "a.txt")


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


def test_atomic_writer_writes_bytes_when_asked(tmp_path):
    target = tmp_path / "out.bin"
    with atomic_writer(target, binary=True) as stream:
        stream.write(b"\x00\xff\r\n")
    assert target.read_bytes() == b"\x00\xff\r\n"
    assert os.listdir(tmp_path) == ["out.bin"]


@pytest.mark.parametrize("name", ["../x", "/etc/passwd", "a\x00b", "..", "", "a/../../b", "C:\\win\\x", "x" * 1000, "\n"])
def test_safe_stems_stay_in_their_directory(name, tmp_path):
    stem = safe_stem(name)
    assert stem and len(stem) <= 120 and "/" not in stem and "\\" not in stem and "\x00" not in stem
    assert not stem.startswith(".")
    assert (tmp_path / stem).resolve().parent == tmp_path.resolve()


def test_long_names_stay_apart():
    assert safe_stem("x" * 500 + "a") != safe_stem("x" * 500 + "b")
    assert safe_stem("day-1") == "day-1"
