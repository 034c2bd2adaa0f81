"""briefing: who took part in a press briefing, who said what, and what was at issue.

Turn a news report or transcript of a press briefing into typed objects (participants, statements,
issues) with :func:`extract`; see the README and docs/ for the rest.
"""

from .convert import SCHEMA, dumps, from_dict, loads, to_dict
from .errors import BriefingError
from .export import export
from .files import atomic_writer, expand_paths
from .model import (
    Briefing,
    Event,
    Issue,
    Participant,
    Position,
    Provenance,
    Section,
    Source,
    Span,
    Statement,
)
from .pipeline import Failure, Pipeline, PipelineSettings, extract, extract_many
from .plugin import STAGES, Engine, Exporter, Extractor, Input, PluginManager, Reader, hookimpl

__all__ = [
    "SCHEMA",
    "STAGES",
    "Briefing",
    "BriefingError",
    "Engine",
    "Event",
    "Exporter",
    "Extractor",
    "Failure",
    "Input",
    "Issue",
    "Participant",
    "Pipeline",
    "PipelineSettings",
    "PluginManager",
    "Position",
    "Provenance",
    "Reader",
    "Section",
    "Source",
    "Span",
    "Statement",
    "atomic_writer",
    "dumps",
    "expand_paths",
    "export",
    "extract",
    "extract_many",
    "from_dict",
    "hookimpl",
    "loads",
    "to_dict",
]
