"""The exporter ``html`` (:mod:`briefing.report.html`): markup in the text shown as text, and the
report of a transcript with its stances and speakers."""

from briefing import Briefing, Participant, Span, Statement
from conftest import export, parse_page


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
    # a speaker against the fees and concerned at the speed of the decision, under one topic: both shown
    agriculture = next(i for i in briefing.issues if i.label == "Agriculture")
    row = page.split(f'<tr data-issue="{agriculture.id}">', 1)[1].split("</tr>", 1)[0]
    assert '<span class="stance oppose">oppose</span> <span class="stance concern">concern</span>' in row
    assert page.count('class="statement"') == len(briefing.statements)
