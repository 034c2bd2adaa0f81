"""The issues extractors, over the taxonomy (option 'taxonomy', default ``cap``, registered here
too): ``rules`` finds topics by the trained topic classifier and the taxonomy's terms, ``lexicon`` by
the terms alone. Both find the finer issues under the topics, link them to the statements that raise
them, and read stances."""

from __future__ import annotations

from importlib import resources

from ..model import Briefing
from ..plugin import hookimpl
from .detect import find_issues
from .taxonomy import Taxonomy, load_taxonomy

_SKIP = ("byline", "dateline", "tagline", "label", "headline")


class LexiconIssues:
    stage = "issues"
    name = "lexicon"
    description = "taxonomy terms alone (option 'taxonomy', default 'cap'), finer issues from the text, stances read off the parse"

    def __init__(self, taxonomy: Taxonomy | None = None) -> None:
        self.taxonomy = taxonomy

    def prepare(self, pipeline) -> LexiconIssues:
        """A copy bound to the taxonomy the pipeline's options name."""
        entry = pipeline.plugins.taxonomy(pipeline.options.get("taxonomy", "cap"))
        return type(self)(load_taxonomy(entry.obj))

    def _taxonomy(self) -> Taxonomy:
        """The bound taxonomy, or the built-in CAP one for an extractor used without a pipeline."""
        if self.taxonomy is None:
            return load_taxonomy(resources.files("briefing").joinpath("data/taxonomy-cap.json"))
        return self.taxonomy

    def extract(self, briefing: Briefing, doc) -> Briefing:
        return find_issues(briefing, doc, self._taxonomy(), briefing.section_spans(*_SKIP))


class RulesIssues(LexiconIssues):
    name = "rules"
    description = "topic classifier and taxonomy terms (option 'taxonomy', default 'cap'), topics most salient first, finer issues, stances"

    def __init__(self, taxonomy: Taxonomy | None = None, classifier=None) -> None:
        super().__init__(taxonomy)
        self.classifier = classifier

    def prepare(self, pipeline) -> RulesIssues:
        """A copy bound to the pipeline's taxonomy, with the classifier loaded once for the pipeline."""
        from .classifier import load_classifier

        return RulesIssues(super().prepare(pipeline).taxonomy, load_classifier())

    def extract(self, briefing: Briefing, doc) -> Briefing:
        from .classifier import load_classifier
        from .topics import add_topics, classify

        if self.classifier is None:
            self.classifier = load_classifier()
        taxonomy, skip = self._taxonomy(), briefing.section_spans(*_SKIP)
        classified = classify(briefing, doc, taxonomy, self.classifier, skip)
        return add_topics(find_issues(briefing, doc, taxonomy, skip, classified.best()), classified, taxonomy)


@hookimpl
def briefing_register(registry):
    registry.add_taxonomy("cap", resources.files("briefing").joinpath("data/taxonomy-cap.json"))
    registry.add_extractor(RulesIssues())
    registry.add_extractor(LexiconIssues())
