"""Article metadata from the layout of the text, dates against the publication date, and the event.
The texts are written for these tests; the PolNeAR check reads the shared corpus."""

import csv
import datetime as dt
import re

import pytest
from hypothesis import given, settings, strategies as st

from briefing import Pipeline
from briefing.metadata.event import EVENT_KINDS, HINTS
from briefing.metadata.dates import resolve_date
from briefing.metadata.layout import read_layout
from conftest import need_corpus

ARTICLE = """Lima Talks End;
Ministers Promise More Dialogue

By Ana Soto and Raul Diaz on Thursday, June 9, 2022

LIMA — Foreign Minister Luis Ortega held a news conference on Wednesday after talks with Chile.

He said the talks would go on.

Topics: Peru, Chile
"""


def test_layout_sections_keep_their_offsets():
    layout = read_layout(ARTICLE)
    assert [(s.kind, s.span.text) for s in layout.sections] == [
        ("headline", "Lima Talks End;\nMinisters Promise More Dialogue"),
        ("byline", "By Ana Soto and Raul Diaz on Thursday, June 9, 2022"),
        ("dateline", "LIMA — "),
        ("tagline", "Topics: Peru, Chile"),
    ]
    assert all(ARTICLE[s.span.start : s.span.end] == s.span.text for s in layout.sections)
    assert (layout.title, layout.authors, layout.date_text, layout.place) == (
        "Lima Talks End; Ministers Promise More Dialogue", ("Ana Soto", "Raul Diaz"), "Thursday, June 9, 2022", "Lima"
    )


def test_a_dateline_after_a_deck_under_the_headline():
    text = ("Ferry fees stay for the season.\n\nAfter a long winter, the harbour board keeps its prices.\n\n"
            "PORTLAND - The harbour board met on Monday and left the ferry fees where they were.")
    layout = read_layout(text)
    assert [(s.kind, s.span.text) for s in layout.sections] == [
        ("headline", "Ferry fees stay for the season."), ("dateline", "PORTLAND - ")]
    assert layout.place == "Portland"


def test_a_first_paragraph_of_prose_is_no_headline():
    text = "The minister spoke for an hour.\nShe took questions.\n\nThen she left."
    assert read_layout(text).sections == ()


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [("on Thursday", "2022-06-09"), ("Wednesday night", "2022-06-08"), ("last Friday", "2022-06-03"),
     ("June 2", "2022-06-02"), ("March 3, 2021", "2021-03-03"), ("yesterday", "2022-06-08")],
)
def test_dates_are_read_against_the_publication_date(phrase, expected):
    assert resolve_date(phrase, dt.date(2022, 6, 9)) == expected


def test_without_a_publication_date_only_absolute_dates_resolve():
    assert (resolve_date("on Thursday", None), resolve_date("March 3, 2021", None)) == (None, "2021-03-03")


def test_source_and_event(nlp, plugins):
    briefing = Pipeline(nlp=nlp, plugins=plugins, statements="none", issues="none").extract(ARTICLE)
    source, event = briefing.source, briefing.event
    assert (source.title, source.authors, source.published) == (
        "Lima Talks End; Ministers Promise More Dialogue", ("Ana Soto", "Raul Diaz"), "2022-06-09"
    )
    assert (event.kind, event.date, event.location) == ("press_conference", "2022-06-08", "Lima")
    assert [(p.name, p.role) for p in briefing.participants] == [
        ("Ana Soto", "author"), ("Raul Diaz", "author"), ("Luis Ortega", "attendee")
    ]


def test_the_event_place_comes_from_the_text_without_a_dateline(nlp, plugins):
    text = "By Ana Soto on May 2, 2022\n\nThe two presidents met in Quito on Monday for an interview with reporters."
    event = Pipeline(nlp=nlp, plugins=plugins, statements="none", issues="none").extract(text).event
    assert (event.kind, event.date, event.location) == ("interview", "2022-05-02", "Quito")


def test_polnear_headlines_are_the_titles_of_the_metadata():
    """Every PolNeAR article opens with its headline, one line or a title and subtitle."""
    root = need_corpus() / "polnear"
    with open(root / "metadata.tsv", encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle, delimiter="\t") if (root / r["compartment"] / "text").is_dir()]

    def words(text):
        return re.sub(r"\W+", " ", (text or "").lower()).strip()

    same = sum(
        words(read_layout((root / r["compartment"] / "text" / f"{r['filename']}.txt").read_text("utf-8")).title)
        == words(r["title"])
        for r in rows
    )
    assert (len(rows), same) == (924, 923)


@pytest.mark.parametrize("kind", [kind for kind, _ in EVENT_KINDS])
@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_every_phrase_of_an_event_kind_holds_one_of_its_hints(kind, data):
    # the event search skips a kind whose hints an ASCII text lacks: each phrase must hold one
    pattern = dict(EVENT_KINDS)[kind]
    phrase = data.draw(st.from_regex(re.compile(pattern, re.I), fullmatch=True, alphabet=st.characters(codec="ascii")))
    assert any(hint in phrase.lower() for hint in HINTS[kind])


def test_an_event_kind_is_found_in_any_case_and_outside_ascii(nlp, plugins):
    pipeline = Pipeline(nlp=nlp, plugins=plugins, participants="none", statements="none", issues="none")
    for text, kind in [("The minister held a PRESS CONFERENCE in Lima.", "press_conference"),
                       ("The ministers held a ſummit in Lima.", "meeting"),
                       ("The minister spoke at a rally in Lima.", "speech"),
                       ("The minister spoke in Lima.", None)]:
        assert pipeline.extract(text).event.kind == kind
