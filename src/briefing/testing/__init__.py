"""Helpers for testing plugins with pytest (they need the ``[test]`` extra: hypothesis).

- :func:`manager`: a fresh plugin manager with autoload off: the built-in plugins and the ones you
  give, nothing else installed on the machine;
- :func:`plugin_of`: a plugin object registering the parts you give, to use one part in one test
  without writing a module;
- :func:`check_extractor` and :func:`check_exporter`: the contracts every extractor and exporter
  must keep, checked on hypothesis-generated input. briefing's own parts are tested with them.
- :mod:`briefing.testing.strategies`: the hypothesis strategies behind them (valid briefings, any
  Unicode, prose with quotes and reporting verbs).
"""

from __future__ import annotations

import io
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ..convert import dumps, loads
from ..pipeline import Pipeline
from ..plugin import Input, PluginManager, hookimpl
from .strategies import briefings, prose, texts

__all__ = ["check_exporter", "check_extractor", "manager", "plugin_of"]

_SETTINGS = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow, HealthCheck.function_scoped_fixture]}


def manager(*plugins: object) -> PluginManager:
    """A fresh manager: the built-in plugins and ``plugins``, never the installed ones."""
    return PluginManager(autoload=False, plugins=plugins)


def plugin_of(*parts: Any, name: str = "test_parts") -> object:
    """A plugin registering ``parts`` (readers, extractors, exporters, told apart by their
    attributes), for ``manager(plugin_of(MyExporter()))``."""

    class Parts:
        __name__ = name

        @hookimpl
        def briefing_register(self, registry):
            for part in parts:
                if hasattr(part, "extract"):
                    registry.add_extractor(part)
                elif hasattr(part, "write"):
                    registry.add_exporter(part)
                else:
                    registry.add_reader(part)

    return Parts()


def check_extractor(stage: str, name: str, plugins: PluginManager, *, nlp: Any = None, max_examples: int = 25) -> None:
    """Run the extractor ``name`` of ``stage`` (after the built-in extractors of the stages before it)
    on any Unicode and on quote-laden prose: it must never raise, and must return a briefing whose
    spans lie inside the text and equal it there (the model checks), whose ids are unique and
    whose every reference resolves (the pipeline checks), and which survives a JSON round trip."""
    pipeline = Pipeline(plugins=plugins, nlp=nlp, **{stage: name})

    @settings(max_examples=max_examples, **_SETTINGS)
    @given(text=st.one_of(texts, prose))
    def extracts(text: str) -> None:
        briefing = pipeline.extract(Input.from_text(text))
        assert list(briefing.broken_references()) == []
        assert loads(dumps(briefing)) == briefing

    extracts()


def check_exporter(name: str, plugins: PluginManager, *, max_examples: int = 25) -> None:
    """Write any valid briefing (with participants, statements, issues, positions and parents) and
    pairs of them with the exporter ``name``: it must never raise and must write text; an exporter
    holding one briefing a file is given one at a time."""
    exporter = plugins.exporter(name)

    @settings(max_examples=max_examples, **_SETTINGS)
    @given(batch=st.lists(briefings(), min_size=1, max_size=2 if exporter.obj.many else 1))
    def writes(batch: list) -> None:
        stream = io.StringIO()
        exporter.call(lambda: exporter.obj.write(batch, stream))
        assert isinstance(stream.getvalue(), str)

    writes()
