"""The metadata extractor ``rules``: headline, byline, dateline and tag line from the text's
layout; the event's kind, date and place from the parsed body. Fields a reader already filled are kept. A
transcript (a reader gave it turns) is left as its reader gave it: its head states the event, and a
place or date named in the talk is not where or when the talk took place."""

from __future__ import annotations

import attrs

from ..model import Briefing
from ..plugin import hookimpl
from .dates import resolve_date
from .event import find_event
from .layout import read_layout


class RulesMetadata:
    stage = "metadata"
    name = "rules"
    description = "headline, byline, dateline, tag line; event kind, date and place (dateparser)"
    needs = ("parser", "ner")  # sentences and entities; the layout is read off the text itself

    def extract(self, briefing: Briefing, doc) -> Briefing:
        if any(s.kind == "turn" for s in briefing.sections):
            return briefing
        layout = read_layout(briefing.text)
        source = briefing.source
        published = source.published or (resolve_date(layout.date_text, None) if layout.date_text else None)
        source = attrs.evolve(
            source,
            title=source.title or layout.title,
            authors=source.authors or layout.authors,
            published=published,
        )
        known = {(s.kind, s.span) for s in briefing.sections}
        sections = (*briefing.sections, *(s for s in layout.sections if (s.kind, s.span) not in known))
        body_start = max((s.span.end for s in sections if s.kind in ("headline", "byline")), default=0)
        found = find_event(doc, body_start=body_start, published=published, place=layout.place)
        event = briefing.event
        event = attrs.evolve(
            event,
            kind=event.kind or found.kind,
            date=event.date or found.date,
            location=event.location or found.location,
        )
        return attrs.evolve(briefing, source=source, event=event, sections=sorted(sections, key=lambda s: s.span))


@hookimpl
def briefing_register(registry):
    registry.add_extractor(RulesMetadata())
