"""Statements extractor ``trained``: a CRF tagger over the parse and the rules' own answers marks
source, cue and content tokens; the spans are linked into statements and each speaker resolved."""

from __future__ import annotations

import attrs

from ..hookspecs import hookimpl
from ..model import Briefing
from ..statements.transcripts import reported_in_turns


class TrainedStatements:
    stage = "statements"
    name = "trained"
    description = "CRF tagger trained on PolNeAR over the parse and the rules' signals, with speaker resolution"

    def __init__(self) -> None:
        self._tagger = None

    def extract(self, briefing: Briefing, doc) -> Briefing:
        from ..statements.linking import extract_statements
        from ..statements.tagger import StatementTagger

        if self._tagger is None:
            self._tagger = StatementTagger()
        statements, added = extract_statements(doc, briefing.participants, briefing.sections, self._tagger)
        return attrs.evolve(
            briefing,
            statements=(*briefing.statements, *reported_in_turns(briefing, statements, doc)),
            participants=(*briefing.participants, *added),
        )


@hookimpl
def briefing_register(registry):
    registry.add_extractor(TrainedStatements())
