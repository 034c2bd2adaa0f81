"""``briefing evaluate-issues`` scores topics and stances exactly as the shared reference scorer."""

import json
import subprocess
import sys

import pytest

from briefing.cli import main
from briefing.convert import loads
from briefing.issues.evaluate import format_scores, score_issues
from conftest import need_corpus

pytestmark = pytest.mark.corpus


def test_agrees_with_the_reference_scorer(tmp_path, capsys):
    corpus = need_corpus()
    scorer = corpus.parent / "eval" / "issues_score.py"
    gold_path = corpus.parent / "eval" / "stances_dev.json"
    if not scorer.is_file() or not gold_path.is_file():
        pytest.skip("the reference scorer is not available")
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    articles = sorted({g["article"] for g in gold})[:3]
    texts = tmp_path / "texts"
    texts.mkdir()
    for article in articles:
        (texts / f"{article}.txt").symlink_to(corpus / "polnear" / "dev" / "text" / f"{article}.txt")
    predictions = tmp_path / "pred.jsonl"
    assert main(["evaluate-issues", str(gold_path), str(texts), "--errors", "--save", str(predictions), "--no-plugins"]) == 0
    ours = capsys.readouterr().out
    reference = subprocess.run([sys.executable, str(scorer), str(gold_path), str(predictions), "--errors"],
                               capture_output=True, text=True, check=True).stdout
    assert "stance" in ours and ours == reference
    briefings = [loads(line) for line in predictions.read_text(encoding="utf-8").splitlines()]
    assert format_scores(score_issues(gold, briefings)) == reference.splitlines()[-1]
