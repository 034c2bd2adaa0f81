"""Writing briefings in a named format from Python (:mod:`briefing.export`)."""

import io

import pytest

from briefing import Briefing


def test_export_from_python_to_a_path_a_stream_and_refusing_two_for_one(plugins, tmp_path):
    from briefing import export, loads
    from briefing.export import TooManyBriefingsError

    briefing = Briefing(id="a", text="Kelly said no.")
    export([briefing, briefing], "jsonl", tmp_path / "out.jsonl", plugins=plugins)
    assert [loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()] == [briefing, briefing]
    stream = io.StringIO()
    export(briefing, "json", stream, plugins=plugins)
    assert loads(stream.getvalue()) == briefing
    with pytest.raises(TooManyBriefingsError, match="format 'json' holds one briefing"):
        export([briefing, briefing], "json", io.StringIO(), plugins=plugins)
