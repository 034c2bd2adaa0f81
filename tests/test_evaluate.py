import subprocess
import sys

import pytest

from briefing.formats.brat import parse_ann, read_gold
from briefing.cli import main
from briefing.convert import loads
from briefing.evaluate import evaluate, format_report, name_word
from conftest import need_corpus

ANN = """T1\tSource 0 5\tKelly
T2\tCue 6 10\tsaid
T3\tContent 11 24\tthe talks went
T4\tAttribution 6 10\tsaid
E1\tAttribution:T4 Cue:T2 Source:T1 Content:T3
T5\tContent 30 34;40 44\tab;cd
E2\tAttribution:T4 Content:T5 Content2:T3
E3\tAttribution:T4 Cue:T2
"""


def test_parse_ann_joins_discontinuous_and_numbered_roles():
    first, second, third = parse_ann(ANN)
    assert (first.content, first.cue, first.source) == (((11, 24),), ((6, 10),), ((0, 5),))
    assert second.content == ((30, 34), (40, 44), (11, 24))
    assert third.content == () and third.cue == ((6, 10),)


def one_article(root, text: str, ann: str) -> None:
    """A gold directory in the PolNeAR layout holding one article, ``a``, and its annotation."""
    (root / "text").mkdir()
    (root / "attributions").mkdir()
    (root / "text" / "a.txt").write_text(text)
    (root / "attributions" / "a_x.ann").write_text(ann)


def test_read_gold_takes_the_first_annotator(tmp_path):
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "a.txt").write_text("Kelly said the talks went well.")
    (tmp_path / "attributions" / "a_zz.ann").write_text("")
    (tmp_path / "attributions" / "a_aa.ann").write_text(ANN)
    [doc] = read_gold(tmp_path)
    assert doc.name == "a" and len(doc.attributions) == 3


def test_a_perfect_prediction_scores_one(pipeline, tmp_path):
    from briefing import Briefing, Participant, Span, Statement

    text = "Kelly said the talks went well."
    one_article(tmp_path, text, (
        "T1\tSource 0 5\tKelly\nT2\tCue 6 10\tsaid\nT3\tContent 11 30\tthe talks went well\n"
        "E1\tAttribution:T2 Cue:T2 Source:T1 Content:T3\n"
    ))
    briefing = Briefing(
        id="a", text=text, participants=[Participant(id="k", name="John Kelly")],
        statements=[Statement(id="s", kind="indirect", content=[Span.of(text, 11, 30)], speaker="k",
                              source=Span.of(text, 0, 5))],
    )
    report = evaluate(read_gold(tmp_path), [briefing])
    assert report.row("speech").loose == (1.0, 1.0, 1.0)
    assert report.row("speech").strict == (1.0, 1.0, 1.0)
    assert (report.row("all").speaker, report.row("all").named_speaker) == (1.0, 1.0)
    assert report.row("direct").gold == 0


@pytest.mark.corpus
def test_agrees_with_the_reference_scorer(tmp_path, capsys):
    corpus = need_corpus()
    scorer = corpus.parent / "eval" / "polnear_score.py"
    if not scorer.is_file():
        pytest.skip("the reference scorer is not available")
    gold = tmp_path / "gold"
    (gold / "text").mkdir(parents=True)
    (gold / "attributions").mkdir()
    dev = corpus / "polnear" / "dev"
    for text in sorted((dev / "text").glob("*.txt"))[:12]:
        (gold / "text" / text.name).symlink_to(text)
        for ann in (dev / "attributions").glob(f"{text.stem}_*.ann"):
            (gold / "attributions" / ann.name).symlink_to(ann)
    predictions = tmp_path / "pred.jsonl"
    assert main(["evaluate", str(gold), "--save", str(predictions), "--no-plugins"]) == 0
    ours = capsys.readouterr().out
    reference = subprocess.run([sys.executable, str(scorer), str(gold), str(predictions)],
                               capture_output=True, text=True, check=True).stdout
    assert "articles 12" in ours and "speech" in ours
    assert ours == reference
    briefings = [loads(line) for line in predictions.read_text(encoding="utf-8").splitlines()]
    assert format_report(evaluate(read_gold(gold), briefings)) + "\n" == reference


def test_named_speaker_words_drop_only_possessives(tmp_path):
    from briefing import Briefing, Span, Statement

    text = "Sanders said it. Reuters' editor said so."
    one_article(tmp_path, text, (
        "T1\tSource 0 7\tSanders\nT2\tCue 8 12\tsaid\nT3\tContent 13 15\tit\n"
        "E1\tAttribution:T2 Cue:T2 Source:T1 Content:T3\n"
        "T4\tSource 17 32\tReuters' editor\nT5\tCue 33 37\tsaid\nT6\tContent 38 40\tso\n"
        "E2\tAttribution:T5 Cue:T5 Source:T4 Content:T6\n"
    ))

    def said(start: int, end: int, source: tuple[int, int]) -> Statement:
        return Statement(id=f"s{start}", kind="indirect", content=[Span.of(text, start, end)],
                         source=Span.of(text, *source))

    briefing = Briefing(id="a", text=text, statements=[said(13, 15, (0, 7)), said(38, 40, (17, 32))])
    assert evaluate(read_gold(tmp_path), [briefing]).row("all").named_speaker == 1.0
    assert name_word("Sanders") == "sanders" and name_word("Reuters\u2019s") == "reuters"
    assert name_word("Jones'") == "jones"
