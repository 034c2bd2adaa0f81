"""Long texts extracted window by window: windows tile the text, quotes across cuts are found whole,
and what several windows find is merged once."""

from __future__ import annotations

import re

from briefing import Input, Pipeline
from briefing.nlp import doc_text
from briefing.testing.long_text import long_text
from briefing.windows import OWNED_PIECES, window_bounds


def test_windows_own_the_text_once_in_order_and_stay_within_the_limit():
    text, _ = long_text(30_000)
    bounds, windows = window_bounds(text, 3_000)
    assert bounds[0] == 0 and bounds[-1] == len(text) and bounds == sorted(set(bounds))
    assert [w.own_start for w in windows] == [0, *(w.own_end for w in windows[:-1])]
    assert windows[-1].own_end == len(text)
    assert all(w.end - w.start <= 3_000 for w in windows)
    assert all(w.last - w.first == OWNED_PIECES + 2 for w in windows[1:-1])  # a piece of context each side
    assert all(w.start < w.own_start and w.own_end < w.end for w in windows[1:-1])


def test_a_long_text_is_extracted_in_bounded_windows_with_every_quote_found_whole(nlp, plugins):
    text, quotes = long_text(200_000)
    pipeline = Pipeline(nlp=nlp, plugins=plugins, chunk_chars=20_000)
    bounds, windows = window_bounds(text, pipeline.chunk_chars)
    # the text puts quotes across piece cuts and across the end of a window's owned part
    assert any(q.start < cut < q.end for q in quotes for cut in bounds)
    assert any(q.start < w.own_end < q.end for q in quotes for w in windows)
    parsed = []
    extract_from_doc = pipeline.extract_from_doc

    def spy(briefing, doc, **options):
        parsed.append(len(doc_text(doc)))
        return extract_from_doc(briefing, doc, **options)

    pipeline.extract_from_doc = spy
    briefing = pipeline.extract(Input.from_text(text))
    assert len(parsed) == len(windows) > 10 and max(parsed) <= pipeline.chunk_chars
    assert briefing.text == text and list(briefing.broken_references()) == []
    direct = {(s.content[0].start, s.content[-1].end): s for s in briefing.statements if s.kind == "direct"}
    assert len(direct) == len(quotes)
    for quote in quotes:
        assert direct[(quote.start, quote.end)].speaker == quote.speaker.lower().replace(" ", "-")
    assert len({s.content for s in briefing.statements}) == len(briefing.statements)
    assert [s.id for s in briefing.statements] == [f"s{n}" for n in range(1, len(briefing.statements) + 1)]
    for participant in briefing.participants:  # every mention once, none lost where windows overlap
        assert [m.start for m in participant.mentions] == [m.start() for m in re.finditer(participant.name, text)]


def test_the_finer_issues_of_all_windows_are_limited_as_in_one_text(nlp, plugins, monkeypatch):
    from briefing.issues import limit

    text, _ = long_text(100_000)
    monkeypatch.setattr(limit, "MAX_FINER_ISSUES", 2)
    briefing = Pipeline(nlp=nlp, plugins=plugins, chunk_chars=20_000).extract(Input.from_text(text))
    # each window keeps two of its own, and the windows name four between them
    finer = [i for i in briefing.issues if i.parent is not None or i.code is None]
    assert len(finer) == 2 and list(briefing.broken_references()) == []
