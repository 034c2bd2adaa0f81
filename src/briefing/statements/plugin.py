"""The statements extractors, each speaker resolved to a participant: ``rules`` finds direct,
reported and mixed speech by rules over quotes and the dependency parse (:mod:`.rules`); ``trained``
has a CRF tagger over the parse and the rules' own answers mark source, cue and content tokens, and
links the spans into statements (:mod:`.tagger`, :mod:`.linking`)."""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from ..model import Briefing, Participant, Statement
from ..plugin import hookimpl
from .rules import extract_statements
from .transcripts import reported_in_turns
from .unnamed_groups import group_speakers

__all__ = ["RulesStatements", "TrainedStatements"]


def _with(briefing: Briefing, doc, found: tuple[Sequence[Statement], Sequence[Participant]]) -> Briefing:
    """The briefing with the statements found (inside a transcript's turns, only the speech the turn's
    speaker reports), and the participants added for their speakers; in a text without turns, an
    unnamed group the source describes speaks as a group ("several experts cautioned …")."""
    statements, added = reported_in_turns(briefing, found[0], doc, found[1])
    if not any(section.kind == "turn" for section in briefing.sections):
        statements, groups = group_speakers(statements, doc, [*briefing.participants, *added], described=True)
        added = [*added, *groups]
    return attrs.evolve(
        briefing,
        statements=(*briefing.statements, *statements),
        participants=(*briefing.participants, *added),
    )


class RulesStatements:
    stage = "statements"
    name = "rules"
    description = "quotes, reporting verbs and the parse, with speaker resolution (fast, explainable)"

    def extract(self, briefing: Briefing, doc) -> Briefing:
        return _with(briefing, doc, extract_statements(doc, briefing.participants, briefing.sections))


class TrainedStatements:
    stage = "statements"
    name = "trained"
    description = "CRF tagger trained on PolNeAR over the parse and the rules' signals, with speaker resolution"

    def __init__(self) -> None:
        self._tagger = None

    def extract(self, briefing: Briefing, doc) -> Briefing:
        from .linking import extract_statements as link_statements
        from .tagger import StatementTagger

        if self._tagger is None:
            self._tagger = StatementTagger()
        return _with(briefing, doc, link_statements(doc, briefing.participants, briefing.sections, self._tagger))


@hookimpl
def briefing_register(registry):
    registry.add_extractor(RulesStatements())
    registry.add_extractor(TrainedStatements())
