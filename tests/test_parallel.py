"""The local engine's worker processes start from a parent that has already extracted a text, so
what the extractors load at first use is loaded once, before the fork."""

from briefing import parallel
from briefing.model import Briefing
from briefing.parallel import WARM_UP_TEXT, process_in_parallel, warm_up


def test_the_warm_up_text_reaches_every_stage(pipeline):
    briefing = pipeline.extract_from_doc(Briefing(id="w", text=WARM_UP_TEXT), pipeline.parse(WARM_UP_TEXT))
    assert briefing.event.date is not None  # dates resolved (dateparser loaded)
    assert any(p.title for p in briefing.participants)  # the title lexicon
    assert {s.kind for s in briefing.statements} >= {"direct", "indirect"}  # the tagger's CRF and the rules
    assert all(s.speaker for s in briefing.statements)
    assert any(position.stance for issue in briefing.issues for position in issue.positions)  # topics, stances


def test_warm_up_leaves_nothing_behind(pipeline):
    warm_up(pipeline)
    assert [b.id for b in pipeline.process_here([Briefing(id="x", text="Nothing was said.")])] == ["x"]


def test_the_parent_warms_up_before_the_workers_are_forked(pipeline, monkeypatch):
    forked = []
    monkeypatch.setattr(parallel, "warm_up", lambda p: forked.append(("warm", p)))
    pool = parallel.multiprocessing.get_context("fork").Pool

    def counted(*args, **kwargs):
        forked.append(("fork", None))
        return pool(*args, **kwargs)

    monkeypatch.setattr(parallel.multiprocessing.get_context("fork"), "Pool", counted)
    items = [Briefing(id=f"b{n}", text=f"Text number {n}.") for n in range(3)]
    assert [b.id for b in process_in_parallel(pipeline, items, 2, 1)] == ["b0", "b1", "b2"]
    assert forked == [("warm", pipeline), ("fork", None)]
