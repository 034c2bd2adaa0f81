"""Indexed ranges answer as a scan of them all would."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from briefing.intervals import Intervals

ranges = st.lists(st.tuples(st.integers(0, 40), st.integers(0, 12)).map(lambda r: (r[0], r[0] + r[1])), max_size=12)
stretches = st.tuples(st.integers(0, 50), st.integers(0, 10)).map(lambda r: (r[0], r[0] + r[1]))


@given(ranges, stretches)
def test_intervals_answer_as_a_scan_does(spans, stretch):
    start, end = stretch
    index = Intervals(spans)
    assert index.contains(start) == any(s <= start < e for s, e in spans)
    assert index.covers(start, end) == any(s <= start and end <= e for s, e in spans)
    assert index.overlaps(start, end) == any(s < end and start < e for s, e in spans)


def test_nested_ranges_are_seen_past_a_shorter_one():
    index = Intervals([(0, 100), (10, 20)])
    assert index.covers(30, 90) and index.contains(50) and index.overlaps(95, 120)
    assert not Intervals([]).contains(0) and not index.overlaps(100, 120)
