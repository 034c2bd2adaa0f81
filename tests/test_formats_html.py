"""The reader ``html`` (:mod:`briefing.formats.html`): a web page's main text and metadata, and a
page holding a transcript read as one."""

import pytest

from briefing import Input
from briefing.errors import InputError
from briefing.formats.html import _with_dropped_head
from conftest import HTML_PAGE, need_corpus, read


def test_html_page_gives_main_text_and_metadata(pipeline):
    [briefing], name = read(pipeline, Input.from_bytes(HTML_PAGE, name="page.html"))
    assert name == "html"
    assert briefing.text.split("\n\n") == [
        "Kelly visits Mexico",
        "Kelly said the talks went well. <script>alert(1)</script> was posted by a reader.",
        '"We will not deport anyone," he told reporters in Mexico City on Thursday.',
    ]
    source = briefing.source
    assert (source.title, source.authors, source.published) == ("Kelly visits Mexico", ("Jane Roe", "John Poe"), "2017-02-23")
    assert (source.publisher, source.url, source.path) == ("Example News", "https://news.example.org/kelly", "page.html")
    assert "Copyright" not in briefing.text and "Sports" not in briefing.text


def test_html_is_sniffed_without_an_extension(pipeline):
    _, name = read(pipeline, Input.from_bytes(b"\n  <!doctype html>" + HTML_PAGE[15:], name="-"))
    assert name == "html"


def test_html_without_main_text_is_an_input_error(pipeline):
    with pytest.raises(InputError, match="empty.html: no main text found"):
        read(pipeline, Input.from_bytes(b"<html><body><nav></nav></body></html>", name="empty.html"))


def test_the_white_house_page_reads_as_a_transcript(pipeline):
    path = need_corpus() / "briefings" / "white_house_briefing_March-16-2020.html"
    [briefing], name = read(pipeline, Input.from_path(path))
    assert name == "html"
    assert briefing.source.title.startswith("Remarks by President Trump, Vice President Pence")
    assert briefing.source.published == "2020-03-16"
    assert briefing.text.startswith("James S. Brady Press Briefing Room\n\n3:21 P.M. EDT\n\nTHE PRESIDENT: Thank you")
    by_label = {}
    for statement in briefing.statements:
        by_label.setdefault(statement.source.text, set()).add(statement.speaker)
    assert by_label["THE PRESIDENT"] == {"trump"} and by_label["Q"] == {"reporters"}
    assert by_label["ADMIRAL GIROIR"] == by_label["ADMIRAR GIROIR"] == {"giroir"}  # the page misspells it once
    assert len(briefing.statements) == 213
    assert sum(s.act == "question" for s in briefing.statements) == 92  # four "Q" turns ask nothing: "Yeah.", "Mr. President —"


def test_a_head_line_the_extraction_drops_comes_back_from_the_description():
    text = "10:02 A.M. EDT\n\nTHE MINISTER: Good morning."
    described = "Harbour Office Briefing Room 10:02 A.M. EDT THE MINISTER:  Good morning."
    assert _with_dropped_head(text, described) == "Harbour Office Briefing Room\n\n" + text
    assert _with_dropped_head(text, "The minister spoke about ferries. 10:02 A.M. EDT") == text  # a summary
    assert _with_dropped_head(text, "10:02 A.M. EDT THE MINISTER: Good morning.") == text


def test_the_place_of_a_white_house_page_that_sets_it_apart(pipeline):
    path = need_corpus() / "briefings" / "white_house_briefing_March-17-2020.html"
    [briefing], _ = read(pipeline, Input.from_path(path))
    assert briefing.text.startswith("James S. Brady Press Briefing Room\n\n11:39 A.M. EDT\n\nTHE PRESIDENT:")
