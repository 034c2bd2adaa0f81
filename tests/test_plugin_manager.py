"""Building a plugin manager (:mod:`briefing.plugin.manager`): the built-in plugins registered as
plugins are, blocking and autoload, and a broken plugin skipped in one warning that says why."""

import pytest

from briefing import PluginManager, hookimpl
from briefing.errors import PluginWarning
from briefing.plugin import hookspecs
from briefing.plugin.manager import AUTOLOAD_ENV, BLOCK_ENV, BUILTIN_PLUGINS
from conftest import EnginePlugin, ExporterPlugin, Shouting, fake_distribution


def test_builtins_register_every_stage_and_format(plugins):
    names = {(e.kind, e.name) for e in plugins.entries()}
    assert {("metadata extractor", "rules"), ("participants extractor", "rules"), ("statements extractor", "rules"),
            ("issues extractor", "rules"), ("reader", "text"), ("exporter", "json"), ("exporter", "jsonl"),
            ("exporter", "markdown"), ("taxonomy", "cap"), ("engine", "local")} <= names
    assert [p.name for p in plugins.plugins() if p.origin == "built-in"] == sorted(BUILTIN_PLUGINS)


def test_a_plugin_adds_a_named_exporter():
    manager = PluginManager(autoload=False, plugins=[ExporterPlugin(Shouting())])
    entry = manager.exporter("shout")
    assert entry.plugin == "exporter_plugin"
    info = next(p for p in manager.plugins() if p.name == "exporter_plugin")
    assert info.origin == "given directly"
    assert [(p.kind, p.name) for p in info.parts] == [("exporter", "shout")]


def test_blocked_plugins_do_not_load(monkeypatch):
    manager = PluginManager(autoload=False, block=["briefing.report.markdown"])
    assert "markdown" not in manager.names("exporter")
    monkeypatch.setenv(BLOCK_ENV, "briefing.formats.json, other")
    manager = PluginManager(autoload=False)
    assert "json" not in manager.names("exporter") and "markdown" in manager.names("exporter")


def test_autoload_switch(monkeypatch):
    monkeypatch.setenv(AUTOLOAD_ENV, "1")
    assert all(p.origin == "built-in" for p in PluginManager().plugins())


def test_a_plugin_failing_to_register_is_skipped_and_named():
    class Broken:
        __name__ = "broken_plugin"

        @hookimpl
        def briefing_register(self, registry):
            registry.add_exporter(Shouting())
            raise RuntimeError("cannot start")

    with pytest.warns(PluginWarning, match=r"plugin 'broken_plugin' \(given directly\) fails to register: RuntimeError: cannot start"):
        manager = PluginManager(autoload=False, plugins=[Broken()])
    assert "shout" not in manager.names("exporter")  # nothing of a plugin that failed halfway
    assert "json" in manager.names("exporter") and manager.broken["broken_plugin"][1].startswith("fails to register")


class Misspelt:
    __name__ = "misspelt"

    @hookimpl
    def briefing_regster(self, registry):
        pass


class Silent:
    __name__ = "silent"

    def briefing_register(self, registry):  # no @hookimpl
        pass


class NoSuffix:
    name, description, many = "nosuffix", "forgets its suffix", True

    def write(self, briefings, stream):
        pass


class NoProcess:
    name, description = "lazy", "forgets its process method"


@pytest.mark.parametrize(("plugin", "reason"), [
    (EnginePlugin(NoProcess(), name="lazy_plugin"), "fails to register: TypeError: engine 'lazy' has no process"),
    (Misspelt(), "implements unknown hook 'briefing_regster'; hooks: briefing_register"),
    (Silent(), "implements no hook (mark its functions with @briefing.hookimpl)"),
    (ExporterPlugin(NoSuffix(), name="nosuffix_plugin"), "fails to register: TypeError: exporter 'nosuffix' has no suffix"),
])
def test_broken_plugins_are_skipped_saying_why(plugin, reason):
    with pytest.warns(PluginWarning) as caught:
        manager = PluginManager(autoload=False, plugins=[plugin])
    [(name, (origin, said))] = manager.broken.items()
    assert said.startswith(reason) and origin == "given directly"
    assert f"plugin {name!r}" in str(caught[0].message) and f"--block {name}" in str(caught[0].message)
    assert "json" in manager.names("exporter")


def test_an_entry_point_that_fails_to_import_is_skipped(tmp_path, monkeypatch):
    fake_distribution(tmp_path, "fake = no_such_module_anywhere")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delenv(AUTOLOAD_ENV, raising=False)
    with pytest.warns(PluginWarning, match=r"plugin 'fake' \(entry point of fakeplugin\) fails to import: ModuleNotFoundError"):
        manager = PluginManager()
    assert "fake" in manager.broken and "json" in manager.names("exporter")


def test_every_builtin_is_a_module_registered_like_a_plugin(plugins):
    assert all(isinstance(obj, type(hookspecs)) for name, obj in plugins.pluggy.list_name_plugin() if name in BUILTIN_PLUGINS)
