"""Statements extractor ``quotes``: only direct quotations, as found by briefing's rules."""

from __future__ import annotations

import attrs

from briefing import Briefing
from briefing.statements.rules import extract_statements


class QuotesOnly:
    stage = "statements"
    name = "quotes"
    description = "direct quotations only (briefing's rules, indirect and mixed speech left out)"

    def extract(self, briefing: Briefing, doc) -> Briefing:
        statements, added = extract_statements(doc, briefing.participants, briefing.sections)
        direct = [attrs.evolve(s, id=f"q{n}") for n, s in enumerate((s for s in statements if s.kind == "direct"), 1)]
        speakers = {s.speaker for s in direct}
        return attrs.evolve(
            briefing,
            statements=(*briefing.statements, *direct),
            participants=(*briefing.participants, *(p for p in added if p.id in speakers)),
        )
