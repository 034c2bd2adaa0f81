"""The template's three parts. Each is a plain class with the attributes its protocol asks for
(``briefing.Reader``, ``briefing.Extractor``, ``briefing.Exporter``); nothing to inherit."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TextIO

import attrs

from briefing import Briefing, Input, Participant, Pipeline, Source, Span
from briefing.errors import BriefingError


class MarkdownReader:
    """Reader ``markdown``: the file's text as written, its first ``# heading`` as the title."""

    name = "markdown"
    description = "Markdown files: the text as written, the first '# heading' as the title"

    def detect(self, input: Input, head: bytes) -> float:
        """How sure this reader is that it fits, from 0 to 1: sure of a .md file, never otherwise
        (the built-in readers score 0.1 to 0.6; the highest score wins)."""
        return 0.9 if (input.name or "").lower().endswith((".md", ".markdown")) else 0.0

    def read(self, input: Input) -> Iterator[Briefing]:
        """One briefing a file. ``input.read_text()`` decodes it as briefing's own readers do
        (byte-order marks, UTF-8, Windows-1252, a guess with a warning) and refuses binary data."""
        text = input.read_text()
        heading = re.search(r"^#\s+(.+?)\s*#*\s*$", text, re.M)
        yield Briefing(
            id=input.briefing_id(text),
            text=text,
            source=Source(path=input.name, title=heading.group(1) if heading else None),
        )


_HANDLE = re.compile(r"(?<![\w@])@(\w{2,30})")


class Handles:
    """Participants extractor ``handles``: the built-in ``rules`` participants, plus a participant
    for each social-media ``@handle`` the text names, with every mention of it."""

    stage = "participants"
    name = "handles"
    description = "the rules' participants, plus every @handle named in the text"

    def __init__(self, rules=None) -> None:
        self.rules = rules

    def prepare(self, pipeline: Pipeline) -> Handles:
        """Bound to the pipeline before use: here, to the built-in extractor it builds on."""
        return Handles(pipeline.extractor("participants", "rules"))

    def extract(self, briefing: Briefing, doc) -> Briefing:
        """The briefing with its participants added. ``doc`` is the spaCy parse of
        ``briefing.text``, shared by every stage; spans must index ``briefing.text``."""
        if self.rules is None:
            raise BriefingError("the 'handles' extractor runs inside a briefing.Pipeline, which prepares it")
        briefing = self.rules.call(lambda: self.rules.obj.extract(briefing, doc))
        mentions: dict[str, list[Span]] = {}
        for match in _HANDLE.finditer(briefing.text):
            mentions.setdefault(match.group(0), []).append(Span.of(briefing.text, match.start(), match.end()))
        taken = {p.id for p in briefing.participants}
        added = [Participant(id=f"handle-{handle[1:].lower()}", name=handle, mentions=spans)
                 for handle, spans in mentions.items() if f"handle-{handle[1:].lower()}" not in taken]
        return attrs.evolve(briefing, participants=(*briefing.participants, *added))


class QuotesText:
    """Exporter ``quotes-txt``: one line a statement, ``Speaker: what they said``."""

    name = "quotes-txt"
    description = "one line a statement: 'Speaker: what they said'"
    suffix = ".txt"
    many = True  # one file can hold many briefings (else the CLI writes one file per input)

    def write(self, briefings: Iterable[Briefing], stream: TextIO) -> None:
        for briefing in briefings:
            for statement in briefing.statements:
                who = briefing.participant(statement.speaker)
                said = " … ".join(" ".join(span.text.split()) for span in statement.content)
                stream.write(f"{who.name if who else '?'}: {said}\n")
