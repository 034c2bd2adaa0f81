"""The HTML report in a real browser: headless Chromium loads it, the highlights are in its DOM,
nothing in the text runs, and a screenshot is taken (``BRIEFING_UPDATE_DOCS=1`` copies it to
``docs/html-report.png``).

Without Chromium the tests skip, saying so; with ``BRIEFING_REQUIRE_BROWSER=1`` (as CI sets) they
fail instead."""

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from briefing import Briefing, Participant, Span, Statement
from briefing.report.html import render_report, segments
from conftest import ROOT

BROWSERS = ("chromium", "chromium-browser", "google-chrome")


@pytest.fixture(scope="module")
def browser():
    found = next((path for path in map(shutil.which, BROWSERS) if path), None)
    if found is None:
        reason = "no headless Chromium (apt-get install chromium) to load the HTML report in"
        if os.environ.get("BRIEFING_REQUIRE_BROWSER"):
            pytest.fail(f"{reason}, and BRIEFING_REQUIRE_BROWSER is set")
        pytest.skip(reason)
    return found


def chromium(browser, tmp_path, page, *args):
    """Run headless Chromium on a page with no network or profile of its own; its stdout."""
    result = subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--disable-extensions", f"--user-data-dir={tmp_path / 'profile'}",
         *args, page.as_uri()],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def test_the_report_shows_every_highlight(browser, tmp_path, pipeline, monkeypatch):
    monkeypatch.chdir(ROOT)  # the page names its source as the command line would: examples/...
    briefing = pipeline.extract(Path("examples/arctic_fisheries_briefing.txt"))
    page = tmp_path / "report.html"
    page.write_text(render_report(briefing), encoding="utf-8")
    dom = chromium(browser, tmp_path, page, "--dump-dom")
    highlights = re.findall(r'<a class="hl[^"]*" href="#st-(\w+)" data-statement="\1"', dom)
    assert highlights == [s.statement.id for s in segments(briefing) if s.statement is not None]
    assert {s.id for s in briefing.statements} == set(highlights)
    assert dom.count('class="statement"') == len(briefing.statements)
    assert "Where the sides differ" in dom

    shot = tmp_path / "report.png"
    chromium(browser, tmp_path, page, f"--screenshot={shot}", "--window-size=1400,1000", "--hide-scrollbars")
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 20_000
    if os.environ.get("BRIEFING_UPDATE_DOCS"):
        shutil.copy(shot, ROOT / "docs" / "html-report.png")


EVIL = ("<script>document.title='pwned'</script>", "<img src=x onerror=\"document.title='pwned'\">",
        "javascript:document.title='pwned'", "\" onmouseover=\"document.title='pwned'", "</textarea><svg onload=alert(1)>")


def test_markup_in_the_text_never_runs(browser, tmp_path):
    """Markup in every field the report shows (the text, names, titles, ids, the source's address
    and title, issue labels): Chromium loads the report, and no script runs, no element is made."""
    from briefing import Issue, Position, Source

    text = "Kelly said " + " and ".join(f'"{e}"' for e in EVIL) + " to reporters."
    evil = " ".join(EVIL)
    first = text.index('"') + 1
    content = Span.of(text, first, text.index(" to reporters"))
    briefing = Briefing(
        id=EVIL[0], text=text, source=Source(url=EVIL[2], title=evil, publisher=EVIL[1], authors=[EVIL[4]]),
        participants=[Participant(id=EVIL[3], name=f"Kelly {EVIL[1]}", title=EVIL[0], organization=EVIL[2],
                                  affiliation=EVIL[4])],
        statements=[Statement(id=EVIL[1], kind="direct", content=[content], speaker=EVIL[3], issues=[EVIL[4]],
                              cue=Span.of(text, 6, 10), source=Span.of(text, 0, 5))],
        issues=[Issue(id=EVIL[4], label=evil, mentions=[Span.of(text, 0, 5)],
                      positions=[Position(participant=EVIL[3], stance="oppose", statements=[EVIL[1]],
                                          evidence=[Span.of(text, 6, 10)])])],
    )
    page = tmp_path / "evil.html"
    page.write_text(render_report(briefing), encoding="utf-8")
    dom = chromium(browser, tmp_path, page, "--dump-dom")
    assert re.search(r"<title>(.*?)</title>", dom, re.S).group(1).startswith("&lt;script&gt;")  # no script retitled it
    assert not re.search(r"<(script|img|svg)\b", dom)
    tags = re.findall(r"<[a-zA-Z][^>]*>", dom)  # real elements: markup in the text shows as &lt;
    assert not [t for t in tags if re.search(r"""\son\w+=["']?document|href=["']?javascript:""", t)]
    assert "&lt;script&gt;document.title='pwned'&lt;/script&gt;" in dom
