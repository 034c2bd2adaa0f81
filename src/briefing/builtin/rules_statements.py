"""Statements extractor ``rules``: direct, reported and mixed speech found by rules over quotes
and the dependency parse, with each speaker resolved to a participant."""

from __future__ import annotations

import attrs

from ..hookspecs import hookimpl
from ..model import Briefing
from ..statements.rules import extract_statements
from ..statements.transcripts import reported_in_turns


class RulesStatements:
    stage = "statements"
    name = "rules"
    description = "quotes, reporting verbs and the parse, with speaker resolution (fast, explainable)"

    def extract(self, briefing: Briefing, doc) -> Briefing:
        statements, added = extract_statements(doc, briefing.participants, briefing.sections)
        return attrs.evolve(
            briefing,
            statements=(*briefing.statements, *reported_in_turns(briefing, statements, doc)),
            participants=(*briefing.participants, *added),
        )


@hookimpl
def briefing_register(registry):
    registry.add_extractor(RulesStatements())
