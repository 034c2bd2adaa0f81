"""The exporter ``markdown``: a readable report of a briefing (its source and event, the
participants, the statements by speaker, the issues with each participant's stance and the evidence
for it, and where the sides differ and agree)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from ..model import Briefing, Issue, Position, Statement
from ..plugin import hookimpl
from .participants import by_role, describe
from .sides import contention, stance_matrix

__all__ = ["MarkdownExporter", "markdown_report"]

_EVENT_KINDS = {"press_briefing": "press briefing", "press_conference": "press conference"}


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    return " ".join(text.split()).replace("|", "\\|")


def _table(header: list[str], rows: list[list[object]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(_cell(v) for v in row) + " |" for row in rows]
    return lines + [""]


def _quote(statement: Statement, who: str = "") -> str:
    text = " … ".join(" ".join(span.text.split()) for span in statement.content)
    notes = [statement.kind]
    if statement.attribution != "speech":
        notes.append(statement.attribution)  # a belief or intention is held, not said
    if statement.act != "statement":
        notes.append(statement.act)
    if statement.confidence < 1:
        notes.append(f"confidence {statement.confidence:.2f}")
    cue = f"*{statement.cue.text}*, " if statement.cue else ""
    return f"> {who}{text}\n>\n> — {cue}{', '.join(notes)}"


def markdown_report(briefing: Briefing) -> str:
    """The whole report: metadata, participants, statements by speaker, issues and stances."""
    source, event = briefing.source, briefing.event
    lines = [f"# {source.title or briefing.id}", ""]
    facts = [
        ("Source", source.url or source.path),
        ("Published", source.published),
        ("By", ", ".join(source.authors)),
        ("Publisher", source.publisher),
        ("Event", ", ".join(filter(None, (_EVENT_KINDS.get(event.kind or "", (event.kind or "").replace("_", " ")), event.date, event.location)))),
    ]
    lines += [f"- **{label}:** {value}" for label, value in facts if value]
    lines.append("")

    lines += ["## Participants", ""]
    people = by_role(briefing)
    lines += _table(
        ["Name", "Role", "Kind", "Title", "Organization", "Affiliation", "Party", "Statements"],
        [[p.name, p.role, p.kind, p.title, p.organization, p.affiliation, p.party, len(briefing.statements_by(p.id))] for p in people],
    )

    lines += ["## Statements", ""]
    groups: dict[str, list[Statement]] = {}
    for statement in briefing.statements:
        groups.setdefault(statement.speaker or "", []).append(statement)
    for participant in people:
        if participant.id in groups:
            lines += [f"### {describe(participant)}", ""]
            for statement in groups[participant.id]:
                lines += [_quote(statement), ""]
    if "" in groups:
        lines += ["### Speaker not resolved", ""]
        for statement in groups[""]:
            who = f"**{statement.source.text}**: " if statement.source else ""
            lines += [_quote(statement, who), ""]

    lines += _talk(briefing)
    if briefing.issues:
        lines += _issues(briefing)
    return "\n".join(lines).rstrip("\n") + "\n"


def _talk(briefing: Briefing, words: int = 25) -> list[str]:
    """For a transcript: each speaker's share of the talk in words, and each question with the
    answer that replies to it (their first ``words`` words). Nothing for other texts."""
    turns = set(briefing.section_spans("turn"))
    spoken = [s for s in briefing.statements if len(s.content) == 1 and s.content[0] in turns]
    if not spoken:
        return []
    names = {p.id: p.name for p in briefing.participants}
    counts: dict[str, int] = {}
    for statement in spoken:
        counts[statement.speaker or ""] = counts.get(statement.speaker or "", 0) + len(statement.text.split())
    total = sum(counts.values()) or 1
    lines = ["## Share of the talk", ""]
    lines += _table(["Speaker", "Words", "Share"], [[names.get(pid, pid or "unknown"), n, f"{n / total:.0%}"]
                                                   for pid, n in sorted(counts.items(), key=lambda kv: -kv[1])])
    questions = {s.id: s for s in spoken if s.act == "question"}
    pairs = [(questions[s.reply_to], s) for s in spoken if s.reply_to in questions]
    if pairs:
        lines += ["## Questions and answers", ""]
        for question, answer in pairs:
            asker = names.get(question.speaker or "", "?")
            to = f" → {names[question.addressee]}" if question.addressee in names else ""
            lines += [f"- **{asker}{to}:** {_clip(question, words)}",
                      f"  - **{names.get(answer.speaker or '', '?')}:** {_clip(answer, words)}"]
        lines.append("")
    return lines


def _clip(statement: Statement, words: int) -> str:
    said = statement.text.split()
    return " ".join(said[:words]) + (" …" if len(said) > words else "")


def _stance_line(briefing: Briefing, issue: Issue, position: Position) -> str:
    """"Name (side): stance — “… what they said about it …” (*the words that decide it*)"."""
    participant = briefing.participant(position.participant)
    who = participant.name if participant else position.participant
    side = ", ".join(filter(None, (participant.affiliation, participant.party))) if participant else ""
    said = [s for s in briefing.statements if s.id in position.statements]
    quote = "; ".join(f"“{_excerpt(s, issue)}”" for s in said[:2])
    words = ", ".join(dict.fromkeys(f"*{e.text}*" for e in position.evidence))
    return (f"  - {who}{f' ({side})' if side and side != who else ''}: **{position.stance}**"
            + (f" — {quote}" if quote else "") + (f" ({words})" if words else ""))


def _excerpt(statement: Statement, issue: Issue, reach: int = 50) -> str:
    """The statement's words around its first mention of the issue, clipped at word boundaries."""
    for span in statement.content:
        at = next((m for m in issue.mentions if span.start <= m.start < span.end), None)
        if at is not None:
            start, end = max(0, at.start - span.start - reach), min(len(span.text), at.end - span.start + reach)
            text = span.text[start:end]
            if start > 0:
                text = "… " + text.split(" ", 1)[-1]
            if end < len(span.text):
                text = text.rsplit(" ", 1)[0] + " …"
            return " ".join(text.split())
    return " ".join(statement.text.split())[: 2 * reach]


def _issues(briefing: Briefing) -> list[str]:
    """The issue × participant stance table, each stance with its evidence, and where the sides
    differ and agree."""
    lines = ["## Issues", ""]
    names = {p.id: p.name for p in briefing.participants}
    holders = sorted({pos.participant for issue in briefing.issues for pos in issue.positions}, key=lambda i: names.get(i, i))
    matrix, rows = stance_matrix(briefing), []
    for issue in briefing.issues:
        stances = matrix.get(issue.id, {})
        label = f"↳ {issue.label}" if issue.parent else issue.label
        rows.append([label, issue.code, len(issue.mentions), *(", ".join(stances.get(h, ())) for h in holders)])
    lines += _table(["Issue", "Code", "Mentions", *(names.get(h, h) for h in holders)], rows)
    held = [issue for issue in briefing.issues if issue.positions]
    if held:
        lines += ["### Stances and their evidence", ""]
        for issue in held:
            lines.append(f"- **{issue.label}**" + (f" ({issue.code})" if issue.code else ""))
            lines += [_stance_line(briefing, issue, position) for position in issue.positions]
        lines.append("")
    contested, agreed = contention(briefing)
    for heading, views in (("Where the sides differ", contested), ("Where the sides agree", agreed)):
        if views:
            lines += [f"### {heading}", ""]
            lines += [
                f"- **{view.issue.label}**: " + "; ".join(f"{side} {stance}" for side, stance in view.taken)
                for view in views
            ]
            lines.append("")
    return lines


class MarkdownExporter:
    name = "markdown"
    description = "a readable report: participants, statements by speaker, issues and stances"
    suffix = ".md"
    many = True

    def write(self, briefings: Iterable[Briefing], stream: TextIO) -> None:
        for number, briefing in enumerate(briefings):
            if number:
                stream.write("\n---\n\n")
            stream.write(markdown_report(briefing))


@hookimpl
def briefing_register(registry):
    registry.add_exporter(MarkdownExporter())
