"""A briefing plugin to copy: one reader, one extractor and one exporter, each a small class, and the
one hook that registers them. It uses only briefing's public API (``briefing`` and
``briefing.errors``), so it keeps working as briefing's internals change.

- reader ``markdown``: Markdown files, the text as written, the first ``# heading`` as the title;
- extractor ``handles`` (participants stage): the built-in participants, plus every ``@handle``
  the text names as a participant (reusing the built-in extractor by name);
- exporter ``quotes-txt``: one line a statement, ``Speaker: what they said``.
"""

from __future__ import annotations

from briefing import hookimpl

from .parts import Handles, MarkdownReader, QuotesText

__all__ = ["Handles", "MarkdownReader", "QuotesText"]


@hookimpl
def briefing_register(registry):
    """Called once when a plugin manager is built. Each ``add_*`` checks the part's attributes and
    raises if another plugin holds the name (pass ``replace=True`` to take a name over on purpose)."""
    registry.add_reader(MarkdownReader())
    registry.add_extractor(Handles())
    registry.add_exporter(QuotesText())
