"""Exporters ``csv`` (one row a statement: speaker, title, affiliation, kind, act, cue, content,
issues, offsets) and ``csv-participants`` (one row a participant), for spreadsheets."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from ..exporters.table import PARTICIPANT_COLUMNS, STATEMENT_COLUMNS, participant_rows, statement_rows, write_csv
from ..plugin.hookspecs import hookimpl
from ..model import Briefing


class CsvExporter:
    name = "csv"
    description = "one row a statement: speaker, title, affiliation, kind, act, cue, content, issues, offsets"
    suffix = ".csv"
    many = True
    columns, rows = STATEMENT_COLUMNS, staticmethod(statement_rows)

    def write(self, briefings: Iterable[Briefing], stream: TextIO) -> None:
        write_csv((row for b in briefings for row in self.rows(b)), self.columns, stream)


class ParticipantsCsvExporter(CsvExporter):
    name = "csv-participants"
    description = "one row a participant: name, kind, role, title, organisation, affiliation, party, counts"
    columns, rows = PARTICIPANT_COLUMNS, staticmethod(participant_rows)


@hookimpl
def briefing_register(registry):
    registry.add_exporter(CsvExporter())
    registry.add_exporter(ParticipantsCsvExporter())
