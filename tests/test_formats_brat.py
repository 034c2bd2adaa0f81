"""BRAT standoff (:mod:`briefing.formats.brat`): the reader ``brat`` in brat's and PolNeAR's
layouts, and the exporter ``brat`` scored against itself."""

import pytest

from briefing import Briefing, Input, Span, Statement
from briefing.errors import InputError
from briefing.evaluate import evaluate
from briefing.formats.brat import read_gold, to_ann
from conftest import export, need_corpus, read


def test_brat_reads_statements_and_noted_speakers(pipeline, tmp_path):
    text = 'Kelly said the talks went well. "No deportations," Chong said.'
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "a.ann").write_text(
        "T1\tSource 0 5\tKelly\nT2\tCue 6 10\tsaid\nT3\tContent 11 30\tthe talks went well\n"
        "#1\tAnnotatorNotes T1\tspeaker: John Kelly\nT4\tAttribution 6 10\tsaid\n"
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
        'T5\tContent 32 50\t"No deportations,"\nT6\tAttribution-no-source 51 56\tChong\n'
        "E2\tAttribution-no-source:T6 Content:T5\n",
        encoding="utf-8",
    )
    [briefing], name = read(pipeline, Input.from_path(tmp_path / "a.ann"))
    assert name == "brat"
    assert briefing.id == "a" and briefing.source.path == str(tmp_path / "a.txt")
    first, second = briefing.statements
    assert (first.kind, first.content[0].text, first.cue.text, first.source.text, first.speaker) == (
        "indirect", "the talks went well", "said", "Kelly", "john-kelly")
    assert (second.kind, second.content[0].text, second.source, second.speaker) == ("direct", '"No deportations,"', None, None)
    assert [(p.id, p.name, p.mentions[0].text) for p in briefing.participants] == [("john-kelly", "John Kelly", "Kelly")]


def test_brat_without_its_text_is_an_input_error(pipeline, tmp_path):
    (tmp_path / "lonely.ann").write_text("", encoding="utf-8")
    with pytest.raises(InputError, match="no text found for it"):
        read(pipeline, Input.from_path(tmp_path / "lonely.ann"))


def test_brat_reads_polnear_layout(pipeline):
    corpus = need_corpus() / "polnear" / "dev" / "attributions"
    ann = sorted(corpus.glob("*.ann"))[0]
    [briefing], _ = read(pipeline, Input.from_path(ann))
    assert briefing.source.path.endswith(f"text/{ann.stem.rsplit('_', 1)[0]}.txt")
    assert len(briefing.statements) > 5
    assert all(s.content for s in briefing.statements)


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
    briefing = Briefing(id="t", text=text, statements=[Statement(id="t1", kind="direct", content=[Span.of(text, 3, len(text))],
                                                     source=Span.of(text, 0, 1))])
    ann = export(plugins, "brat", briefing)
    assert ann.splitlines()[:3] == [
        "T1\tContent 3 7;9 17;18 27\tWhy? Because. All done.",
        "T2\tSource 0 1\tQ",
        "T3\tAttribution 0 1\tQ",
    ]
    assert ann.splitlines()[3] == "E1\tAttribution:T3 Content:T1 Source:T2"
