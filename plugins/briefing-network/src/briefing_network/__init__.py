"""briefing plugin: a stance network exporter (``graphml``) and a direct-quotes extractor (``quotes``)."""

from __future__ import annotations

from briefing import hookimpl

from .exporter import GraphmlExporter, stance_graph
from .quotes import QuotesOnly

__all__ = ["GraphmlExporter", "QuotesOnly", "stance_graph"]


@hookimpl
def briefing_register(registry):
    registry.add_exporter(GraphmlExporter())
    registry.add_extractor(QuotesOnly())
