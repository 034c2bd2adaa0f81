"""The exporters ``csv`` (one row a statement: speaker, title, affiliation, kind, act, cue,
content, issues, offsets) and ``csv-participants`` (one row a participant), for spreadsheets.

Rows are written by the ``csv`` module (RFC 4180 quoting, a UTF-8 byte-order mark so that
spreadsheets read the encoding right). A cell that a spreadsheet would take for a formula (``=``,
``+``, ``-``, ``@`` first) is written with a leading apostrophe, as OWASP advises for untrusted text."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from typing import TextIO

from ..model import Briefing
from ..plugin import hookimpl

__all__ = ["PARTICIPANT_COLUMNS", "STATEMENT_COLUMNS", "CsvExporter", "ParticipantsCsvExporter", "participant_rows",
           "safe_cell", "statement_rows", "write_csv"]

STATEMENT_COLUMNS = ("briefing", "statement", "speaker", "speaker_id", "title", "organization", "affiliation",
                     "party", "kind", "act", "attribution", "cue", "source", "content", "issues", "start", "end", "offsets",
                     "confidence", "path")
PARTICIPANT_COLUMNS = ("briefing", "participant", "name", "kind", "role", "title", "organization", "affiliation",
                       "party", "statements", "mentions", "path")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> object:
    """``value``, with an apostrophe before text a spreadsheet would run as a formula."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def statement_rows(briefing: Briefing) -> Iterator[dict[str, object]]:
    labels = {issue.id: issue.label for issue in briefing.issues}
    for s in briefing.statements:
        who = briefing.participant(s.speaker)
        yield {
            "briefing": briefing.id,
            "statement": s.id,
            "speaker": who.name if who else "",
            "speaker_id": s.speaker or "",
            "title": who.title if who else "",
            "organization": who.organization if who else "",
            "affiliation": who.affiliation if who else "",
            "party": who.party if who else "",
            "kind": s.kind,
            "act": s.act,
            "attribution": s.attribution,
            "cue": s.cue.text if s.cue else "",
            "source": s.source.text if s.source else "",
            "content": s.text,
            "issues": "; ".join(labels.get(i, i) for i in s.issues),
            "start": s.content[0].start,
            "end": s.content[-1].end,
            "offsets": ";".join(f"{span.start}-{span.end}" for span in s.content),
            "confidence": s.confidence,
            "path": briefing.source.path or "",
        }


def participant_rows(briefing: Briefing) -> Iterator[dict[str, object]]:
    for p in briefing.participants:
        yield {
            "briefing": briefing.id, "participant": p.id, "name": p.name, "kind": p.kind, "role": p.role,
            "title": p.title, "organization": p.organization, "affiliation": p.affiliation, "party": p.party,
            "statements": len(briefing.statements_by(p.id)), "mentions": len(p.mentions),
            "path": briefing.source.path or "",
        }


def write_csv(rows: Iterable[dict[str, object]], columns: tuple[str, ...], stream: TextIO) -> None:
    """A header and the rows; ``None`` is an empty cell."""
    stream.write("\ufeff")
    writer = csv.DictWriter(stream, fieldnames=columns, lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: safe_cell(value) for key, value in row.items()})


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
