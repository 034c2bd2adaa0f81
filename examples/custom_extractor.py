"""A custom extractor in a few lines, with no packaging: a statements extractor that keeps the
built-in ``rules`` statements whose content states a number, in figures or words (for
fact-checkers), registered on a plugin manager and chosen by name.

    python examples/custom_extractor.py [PATH]
"""

from __future__ import annotations

import sys
from pathlib import Path

import attrs

import briefing

HERE = Path(__file__).resolve().parent


class Figures:
    """Statements extractor ``figures``: the statements of ``rules`` that state a number."""

    stage, name, description = "statements", "figures", "statements holding a number"

    def __init__(self, rules=None):
        self.rules = rules

    def prepare(self, pipeline):
        return Figures(pipeline.extractor("statements", "rules"))  # reuse the built-in by name

    def extract(self, result, doc):
        found = self.rules.call(lambda: self.rules.obj.extract(result, doc))
        numeric = [s for s in found.statements if any(_states_a_number(doc, span) for span in s.content)]
        kept = {s.id for s in numeric}
        return attrs.evolve(found, statements=[_unlinked(s, kept) for s in numeric])


def _unlinked(statement, kept):
    """The statement without its links to statements left out (the question an answer replies to,
    the turn that reports it): a briefing may not refer to ids it does not hold."""
    return attrs.evolve(statement, reply_to=statement.reply_to if statement.reply_to in kept else None,
                        reported_by=statement.reported_by if statement.reported_by in kept else None)


def _states_a_number(doc, span) -> bool:
    tokens = doc.char_span(span.start, span.end, alignment_mode="expand") or ()
    return any(token.like_num for token in tokens)  # "40", "forty", "1.5"


class FiguresPlugin:
    __name__ = "figures"

    @briefing.hookimpl
    def briefing_register(self, registry):
        registry.add_extractor(Figures())


def main(path: Path) -> None:
    manager = briefing.PluginManager(plugins=[FiguresPlugin()])
    pipeline = briefing.Pipeline(plugins=manager, statements="figures")
    result = pipeline.extract(path)
    for statement in result.statements:
        who = result.participant(statement.speaker)
        print(f"{who.name if who else '?'}: {' '.join(statement.content[0].text.split())}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "harbour_safety_briefing_transcript.txt")
