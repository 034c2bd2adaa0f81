"""The exporter ``html`` (:mod:`briefing.report.html`): markup in the text shown as text, and the
report of a transcript with its stances and speakers."""

from conftest import export, parse_page

from briefing import Briefing, Participant, Span, Statement
from briefing.model import Issue, Position


def test_html_shows_markup_in_the_text_as_text(plugins):
    text = 'Kelly said "<script>alert(1)</script> <img src=x onerror=alert(2)>" was posted.'
    content = Span.of(text, 11, text.index(" was"))
    briefing = Briefing(id="t", text=text, participants=[Participant(id="k", name="<b>Kelly</b>", title="Secretary")],
                         statements=[Statement(id="s1", kind="direct", content=[content], speaker="k",
                                               cue=Span.of(text, 6, 10), source=Span.of(text, 0, 5))])
    page = export(plugins, "html", briefing)
    assert "<script>" not in page and "<img" not in page and "<b>Kelly" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "&lt;b&gt;Kelly&lt;/b&gt;" in page
    assert "default-src 'none'" in page
    parsed = parse_page(page)
    assert [(h["data-statement"], h["class"]) for h in parsed.highlights] == [
        ("s1", "hl source"), ("s1", "hl cue"), ("s1", "hl")
    ]
    assert parsed.highlights[0]["title"].splitlines()[0] == "<b>Kelly</b>, Secretary"


def test_html_report_of_a_transcript_lists_stances_and_speakers(plugins, pipeline, example_path):
    briefing = pipeline.extract(example_path)
    page = export(plugins, "html", briefing)
    assert '<tr data-issue="' in page and "Where the sides differ" in page
    assert '<span class="stance oppose">oppose</span>' in page
    assert page.count('class="statement"') == len(briefing.statements)


def test_html_report_shows_every_stance_a_participant_holds_on_an_issue(plugins):
    """Against one thing under a topic and concerned about another: both, in the matrix row."""
    text = "Ada spoke."
    ada = Participant(id="ada", name="Ada", mentions=[Span.of(text, 0, 3)])
    issue = Issue(id="farm", label="Agriculture", positions=[Position(participant="ada", stance="oppose"),
                                                              Position(participant="ada", stance="concern")])
    page = export(plugins, "html", Briefing(id="x", text=text, participants=[ada], issues=[issue]))
    row = page.split('<tr data-issue="farm">', 1)[1].split("</tr>", 1)[0]
    assert '<span class="stance oppose">oppose</span> <span class="stance concern">concern</span>' in row
