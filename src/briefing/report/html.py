"""The exporter ``html``: one standalone page (inline CSS, no script, nothing fetched) showing the text
with every statement highlighted in its speaker's colour, cues and sources marked, and beside it the
participants, the issues with each participant's stance, and where the sides agree or differ.

The page is rendered by jinja2 with autoescaping from ``templates/report.html.j2``: the text is
untrusted, so markup in it shows as text. A Content-Security-Policy forbids scripts and requests.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from attrs import frozen

from ..model import Briefing, Participant, Statement
from ..plugin import RenderedExporter, hookimpl
from .participants import by_role, describe
from .sides import contention, stance_matrix

__all__ = ["PALETTE", "Segment", "render_report", "segments"]

#: Highlight colours, one per speaker in order of their first statement (then repeating).
PALETTE = ("#ffd8a8", "#b2f2bb", "#a5d8ff", "#fcc2d7", "#ffec99", "#d0bfff", "#99e9f2", "#e9fac8",
           "#ffc9c9", "#c5f6fa", "#eebefa", "#d3f9d8")
UNKNOWN = "#dee2e6"


@frozen
class Segment:
    """A stretch of the text with the same marks: the statement it belongs to (the innermost one
    whose content covers it, or whose cue or source it is), and whether it is a cue or a source."""

    text: str
    statement: Statement | None = None
    cue: bool = False
    source: bool = False


def segments(briefing: Briefing) -> Iterator[Segment]:
    """The text cut wherever a statement's content, cue or source starts or ends."""
    text = briefing.text
    marks = []  # (span, statement, role)
    for statement in briefing.statements:
        marks += [(span, statement, "content") for span in statement.content]
        marks += [(span, statement, role) for role, span in (("cue", statement.cue), ("source", statement.source))
                  if span is not None]
    cuts = sorted({0, len(text), *(s.start for s, _, _ in marks), *(s.end for s, _, _ in marks)})
    starts = sorted(marks, key=lambda m: m[0].start)
    for a, b in zip(cuts, cuts[1:], strict=False):
        if a == b:
            continue
        covering = [(span, statement, role) for span, statement, role in starts if span.start <= a and b <= span.end]
        if not covering:
            yield Segment(text[a:b])
            continue
        roles = {role for _, _, role in covering}
        owner = min(covering, key=lambda m: (m[2] == "content", len(m[0])))[1]
        yield Segment(text[a:b], owner, "cue" in roles, "source" in roles)


@cache
def _environment():
    import jinja2

    return jinja2.Environment(
        loader=jinja2.PackageLoader("briefing", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _colours(briefing: Briefing) -> dict[str | None, str]:
    colours: dict[str | None, str] = {None: UNKNOWN}
    for statement in briefing.statements:
        if statement.speaker is not None and statement.speaker not in colours:
            colours[statement.speaker] = PALETTE[(len(colours) - 1) % len(PALETTE)]
    return colours


def _tooltip(briefing: Briefing, statement: Statement, issues: dict[str, str]) -> str:
    participant = briefing.participant(statement.speaker)
    if participant is not None:
        lines = [describe(participant)]
    else:
        lines = [f"speaker unknown ({statement.source.text})" if statement.source else "speaker unknown"]
    lines.append(", ".join(filter(None, (statement.kind, statement.act if statement.act != "statement" else "",
                                         statement.attribution if statement.attribution != "speech" else "",
                                         f"cue “{statement.cue.text}”" if statement.cue else ""))))
    named = [issues.get(i, i) for i in statement.issues]
    if named:
        lines.append("issues: " + ", ".join(named))
    return "\n".join(lines)


def render_report(briefing: Briefing) -> str:
    """The whole page for one briefing."""
    colours = _colours(briefing)
    issue_labels = {issue.id: issue.label for issue in briefing.issues}
    matrix = stance_matrix(briefing)
    holders: list[Participant] = [p for p in briefing.participants if any(p.id in row for row in matrix.values())]
    contested, agreed = contention(briefing)
    people = by_role(briefing)
    return _environment().get_template("report.html.j2").render(
        briefing=briefing,
        segments=list(segments(briefing)),
        colours=colours,
        tooltips={s.id: _tooltip(briefing, s, issue_labels) for s in briefing.statements},
        issue_labels=issue_labels,
        people=people,
        describe=describe,
        matrix=matrix,
        holders=holders,
        contested=contested,
        agreed=agreed,
    )


@hookimpl
def briefing_register(registry):
    registry.add_exporter(RenderedExporter(
        "html", "a standalone page: statements highlighted by speaker, participants, stance matrix, contention",
        ".html", render_report))
