"""Statements extractor ``quotes``: only direct quotations, as briefing's ``rules`` extractor finds
them. It shows how a plugin reuses a built-in part through the public API: ``prepare`` asks the
pipeline for the ``rules`` extractor, and ``extract`` keeps what it needs of its answer."""

from __future__ import annotations

import attrs

from briefing import Briefing, BriefingError, Pipeline


class QuotesOnly:
    stage = "statements"
    name = "quotes"
    description = "direct quotations only (briefing's rules, indirect and mixed speech left out)"

    def __init__(self, rules=None) -> None:
        self.rules = rules

    def prepare(self, pipeline: Pipeline) -> QuotesOnly:
        """This extractor bound to the pipeline's own ``rules`` statements extractor."""
        return QuotesOnly(pipeline.extractor("statements", "rules"))

    def extract(self, briefing: Briefing, doc) -> Briefing:
        if self.rules is None:
            raise BriefingError("the 'quotes' extractor runs inside a briefing.Pipeline, which prepares it")
        found = self.rules.call(lambda: self.rules.obj.extract(briefing, doc))
        known = {s.id for s in briefing.statements}
        added = [s for s in found.statements if s.id not in known]
        direct = [attrs.evolve(s, id=f"q{n}") for n, s in enumerate((s for s in added if s.kind == "direct"), 1)]
        speakers = {s.speaker for s in direct}
        before = {p.id for p in briefing.participants}
        new_speakers = [p for p in found.participants if p.id not in before and p.id in speakers]
        return attrs.evolve(
            briefing,
            statements=(*briefing.statements, *direct),
            participants=(*briefing.participants, *new_speakers),
        )
