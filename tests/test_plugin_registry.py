"""The registry plugins fill (:mod:`briefing.plugin.registry`): one part a name, replacements taken
only when asked for, unknown names answered with the known ones, and the guard naming the plugin
and part that failed."""

import pytest

from briefing import Pipeline, PluginManager
from briefing.errors import DuplicateNameError, PluginError, UnknownNameError
from conftest import ExporterPlugin, ExtractorPlugin, Failing, Shouting


def test_two_plugins_with_one_name_is_an_error_naming_both():
    impostor = type("Json", (Shouting,), {"name": "json"})()
    with pytest.raises(DuplicateNameError) as caught:
        PluginManager(autoload=False, plugins=[ExporterPlugin(impostor)])
    message = str(caught.value)
    assert "exporter 'json'" in message
    assert "briefing.formats.json" in message and "exporter_plugin" in message


def test_explicit_replacement_takes_over_the_name():
    louder = type("Json", (Shouting,), {"name": "json"})()
    manager = PluginManager(autoload=False, plugins=[ExporterPlugin(louder, replace=True)])
    assert manager.exporter("json").obj is louder


def test_two_replacements_of_one_name_conflict():
    first = type("Json", (Shouting,), {"name": "json"})()
    second = type("Json", (Shouting,), {"name": "json"})()
    with pytest.raises(DuplicateNameError, match="'one'.*'two'|'two'.*'one'"):
        PluginManager(autoload=False, plugins=[ExporterPlugin(first, True, "one"), ExporterPlugin(second, True, "two")])


def test_unknown_name_lists_the_known_ones(plugins):
    with pytest.raises(UnknownNameError, match=r"unknown exporter 'pdf'; known: brat, csv, csv-participants, html, json, jsonl, label-studio, markdown"):
        plugins.exporter("pdf")


def test_an_extractor_failing_is_named_with_its_stage(nlp):
    manager = PluginManager(autoload=False, plugins=[ExtractorPlugin(Failing())])
    pipeline = Pipeline(nlp=nlp, plugins=manager, statements="failing")
    with pytest.raises(PluginError) as caught:
        pipeline.extract("Kelly said no.")
    assert str(caught.value) == (
        "plugin 'extractor_plugin' failed in statements extractor 'failing': ZeroDivisionError: boom"
    )
    assert isinstance(caught.value.__cause__, ZeroDivisionError)
