"""Issues extractor ``rules`` and taxonomy ``cap``: Comparative Agendas Project topics and finer
issues under them, found by their terms, linked to the statements that raise them, with stances."""

from __future__ import annotations

from importlib import resources

from ..hookspecs import hookimpl
from ..issues.detect import find_issues
from ..issues.taxonomy import Taxonomy, load_taxonomy
from ..model import Briefing


class RulesIssues:
    stage = "issues"
    name = "rules"
    description = "taxonomy terms (option 'taxonomy', default 'cap'), finer issues from the text, stances read off the parse"

    def __init__(self, taxonomy: Taxonomy | None = None) -> None:
        self.taxonomy = taxonomy

    def prepare(self, pipeline) -> RulesIssues:
        """A copy bound to the taxonomy the pipeline's options name."""
        entry = pipeline.plugins.taxonomy(pipeline.options.get("taxonomy", "cap"))
        return RulesIssues(load_taxonomy(entry.obj))

    def extract(self, briefing: Briefing, doc) -> Briefing:
        taxonomy = self.taxonomy
        if taxonomy is None:
            taxonomy = load_taxonomy(resources.files("briefing").joinpath("data/taxonomy-cap.json"))
        skip = briefing.section_spans("byline", "dateline", "tagline", "label", "headline")
        return find_issues(briefing, doc, taxonomy, skip)


@hookimpl
def briefing_register(registry):
    registry.add_taxonomy("cap", resources.files("briefing").joinpath("data/taxonomy-cap.json"))
    registry.add_extractor(RulesIssues())
