"""The participants extractor ``rules``: people, organisations and groups of the text, merged across
mentions, with title, organisation, affiliation, party and role; merged too with the participants a
reader gave (a transcript's speakers), so that one person is one participant, and in a transcript
fitted to its labelled speakers (:mod:`.speakers`)."""

from __future__ import annotations

import attrs

from ..model import Briefing, Span
from ..plugin import hookimpl
from .affiliations import complete_affiliations
from .extract import find_participants
from .merge import merge_participants
from .org_types import with_org_types
from .speakers import fit_to_speakers, own_turns


class RulesParticipants:
    stage = "participants"
    name = "rules"
    description = "people, organisations and groups from NER, merged by name; titles, affiliations, parties, roles"

    def extract(self, briefing: Briefing, doc) -> Briefing:
        skip = briefing.section_spans("headline", "byline", "dateline", "tagline", "label")
        authors = []
        for byline in briefing.section_spans("byline"):
            for author in briefing.source.authors:
                at = byline.text.find(author)
                if at >= 0:
                    authors.append((author, Span.of(briefing.text, byline.start + at, byline.start + at + len(author))))
        found = find_participants(doc, skip=skip, authors=authors, headlines=briefing.section_spans("headline"))
        found = with_org_types(doc, found)
        merged = merge_participants(briefing.participants, found, own_turns(briefing, briefing.participants))
        fitted = fit_to_speakers(briefing, merged, doc)
        return attrs.evolve(briefing, participants=complete_affiliations(fitted, host=briefing.source.publisher))


@hookimpl
def briefing_register(registry):
    registry.add_extractor(RulesParticipants())
