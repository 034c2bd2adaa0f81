import json
import sys

import dask.bag as db
import pytest

from briefing import Briefing, Failure, Pipeline, dumps
from briefing_dask import PartsMismatchError, extract_to_parts, read_parts
from briefing_dask.parts import MANIFEST, _rescue
from dask_fixtures import client, pipeline  # noqa: F401 (fixtures)

TEXTS = [
    '"We will keep the quota," the Fisheries Minister said on Tuesday.',
    "The spokesman warned against new fees, according to officials.",
    "No statement was made.",
    'Senator Hale said the bill was dead. "It will not pass," she added.',
    "The mayor told reporters that the bridge would reopen in May.",
]


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for number, text in enumerate(TEXTS):
        (folder / f"doc{number}.txt").write_text(text + "\n", encoding="utf-8")
    return folder


def lines(path):
    return path.read_text(encoding="utf-8").splitlines()


def test_parts_hold_the_local_briefings_in_input_order(pipeline, client, corpus, tmp_path):
    out = tmp_path / "out"
    parts = extract_to_parts(str(corpus / "*.txt"), out, pipeline=pipeline, partition_size=2, scheduler=client)
    assert [(p.number, p.path.name, p.written, p.briefings, p.failures) for p in parts] == [
        (0, "part-00000.jsonl", True, 2, 0), (1, "part-00001.jsonl", True, 2, 0), (2, "part-00002.jsonl", True, 1, 0)]
    paths = sorted(corpus.glob("*.txt"))
    local = [dumps(b) for b in pipeline.extract_many(paths)]
    assert [lines(p.path) for p in parts] == [local[0:2], local[2:4], local[4:]]
    manifest = json.loads((out / MANIFEST).read_text())
    assert manifest["parts"] == [[str(p) for p in paths[0:2]], [str(p) for p in paths[2:4]], [str(paths[4])]]
    assert sorted(f.name for f in out.iterdir()) == [MANIFEST, "part-00000.jsonl", "part-00001.jsonl", "part-00002.jsonl"]


def test_a_bad_file_and_a_document_that_raises_become_error_records_in_their_parts(
        pipeline, client, corpus, tmp_path, monkeypatch):
    (corpus / "doc1.txt").write_bytes(b"\x00\x01\x02 not text")
    (corpus / "doc3.txt").write_text("The minister said kaboom.\n", encoding="utf-8")
    process_here = Pipeline.process_here

    def raising(self, items):
        items = list(items)
        if any(isinstance(i, Briefing) and "kaboom" in i.text for i in items):
            raise RuntimeError("the parser broke")
        return process_here(self, items)

    monkeypatch.setattr(Pipeline, "process_here", raising)  # the workers run in this process
    parts = extract_to_parts(corpus, tmp_path / "out", pipeline=pipeline, partition_size=2, scheduler=client)
    assert [(p.briefings, p.failures) for p in parts] == [(1, 1), (1, 1), (1, 0)]
    results = list(read_parts(tmp_path / "out"))
    assert [r.id if isinstance(r, Briefing) else r.input for r in results] == [
        "doc0", str(corpus / "doc1.txt"), "doc2", str(corpus / "doc3.txt"), "doc4"]
    assert "is not text" in str(results[1])
    assert "RuntimeError: the parser broke" in str(results[3])
    assert [r.text for r in results if isinstance(r, Briefing)] == [TEXTS[0] + "\n", TEXTS[2] + "\n", TEXTS[4] + "\n"]


def test_a_part_whose_documents_fail_even_alone_is_written_with_an_error_record_for_each(pipeline, client, corpus,
                                                                                         tmp_path):
    paths = sorted(corpus.glob("*.txt"))[:2] + [corpus / "gone.txt"]
    assert _rescue(client, "no-such-plugin", pipeline.plugins, tmp_path, 1, paths, False) == (0, 3)  # as if no worker could
    records = [json.loads(line) for line in lines(tmp_path / "part-00001.jsonl")]
    assert [r["input"] for r in records] == [str(p) for p in paths]
    assert all("failed on the Dask cluster: KeyError" in r["error"] for r in records)


def test_resuming_makes_only_the_missing_parts(pipeline, client, corpus, tmp_path):
    out = tmp_path / "out"
    extract_to_parts(corpus, out, pipeline=pipeline, partition_size=2, scheduler=client)
    before = {p.name: (p.stat().st_mtime_ns, p.read_text()) for p in out.glob("part-*.jsonl")}
    (out / "part-00001.jsonl").unlink()
    leftovers = [out / ".part-00001.jsonl.k1ll3d.tmp", out / "statements" / ".part-00001.parquet.k1ll3d.tmp"]
    leftovers[1].parent.mkdir()
    for leftover in leftovers:  # what a worker killed mid-write leaves
        leftover.write_text("half a part")
    kept = out / ".part-00002.jsonl.other.tmp"  # a complete part's name is not touched
    kept.write_text("not ours")
    told = []
    parts = extract_to_parts(corpus, out, pipeline=pipeline, partition_size=2, scheduler=client, on_part=told.append)
    assert [p.written for p in parts] == [False, True, False]
    assert sorted(p.number for p in told) == [0, 1, 2]
    after = {p.name: (p.stat().st_mtime_ns, p.read_text()) for p in out.glob("part-*.jsonl")}
    assert after["part-00000.jsonl"] == before["part-00000.jsonl"]
    assert after["part-00002.jsonl"] == before["part-00002.jsonl"]
    assert after["part-00001.jsonl"][1] == before["part-00001.jsonl"][1]
    assert not any(leftover.exists() for leftover in leftovers) and kept.exists()
    with pytest.raises(PartsMismatchError, match="partition_size"):
        extract_to_parts(corpus, out, pipeline=pipeline, partition_size=3, scheduler=client)


def test_a_bag_of_texts_and_records_makes_one_part_a_partition(pipeline, client, tmp_path):
    bag = db.from_sequence([TEXTS[0], {"id": "r1", "text": TEXTS[1]}, {"title": "no text"}, {"text": TEXTS[3]}],
                           npartitions=2)
    parts = extract_to_parts(bag, tmp_path, pipeline=pipeline, scheduler=client)
    assert [(p.briefings, p.failures) for p in parts] == [(2, 0), (1, 1)]
    results = list(read_parts(tmp_path))
    assert results[0].id.startswith("text-") and results[0].text == TEXTS[0]
    assert results[1].id == "r1"
    assert isinstance(results[2], Failure) and str(results[2]) == 'part-00001.jsonl:1: a record needs a "text" string'
    assert results[3].id == "part-00001-2" and results[3].text == TEXTS[3]
    with pytest.raises(TypeError, match="repartition"):
        extract_to_parts(bag, tmp_path, pipeline=pipeline, partition_size=2, scheduler=client)


def test_parquet_has_one_row_a_statement(pipeline, client, corpus, tmp_path):
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "out"
    extract_to_parts(corpus, out, pipeline=pipeline, partition_size=2, scheduler=client, parquet=True)
    briefings = list(read_parts(out))
    table = pq.read_table(out / "statements")
    assert table.num_rows == sum(len(b.statements) for b in briefings) > 0
    assert table.column("statement").to_pylist() == [s.id for b in briefings for s in b.statements]
    assert table.column("briefing").to_pylist() == [b.id for b in briefings for _ in b.statements]
    assert table.column("start").to_pylist() == [s.content[0].start for b in briefings for s in b.statements]
    assert table.column("speaker_id").to_pylist() == [s.speaker for b in briefings for s in b.statements]
    assert table.column("cue").to_pylist() == [s.cue and s.cue.text for b in briefings for s in b.statements]
    assert pa.types.is_list(table.schema.field("issues").type)
    assert sorted(p.name for p in (out / "statements").iterdir()) == [f"part-0000{n}.parquet" for n in range(3)]


def test_parquet_without_pyarrow_names_the_extra_before_any_work(pipeline, corpus, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(ImportError, match=r"briefing-dask\[parquet\]"):
        extract_to_parts(corpus, tmp_path / "out", pipeline=pipeline, parquet=True)
    assert not (tmp_path / "out").exists()


def test_read_parts_keeps_the_order_of_part_numbers_past_five_digits(tmp_path):
    for number in (100000, 99999, 2):
        record = {"input": f"doc{number}.txt", "error": "is not text"}
        (tmp_path / f"part-{number:05d}.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    assert [f.input for f in read_parts(tmp_path)] == ["doc2.txt", "doc99999.txt", "doc100000.txt"]
