import io
import re
from pathlib import Path

import attrs
import pytest

from briefing import Briefing, Input, Pipeline, PluginManager, hookimpl
from briefing.errors import DuplicateNameError, PluginError, PluginWarning, UnknownNameError
from briefing.plugin import RenderedExporter, detect_by_name, hookspecs
from briefing.plugin.manager import AUTOLOAD_ENV, BLOCK_ENV, BUILTIN_PLUGINS

ROOT = Path(__file__).resolve().parents[1]


class Shouting:
    """An exporter that writes the text in capitals."""

    name = "shout"
    description = "the text, loudly"
    suffix = ".txt"
    many = True

    def write(self, briefings, stream):
        for b in briefings:
            stream.write(b.text.upper())


class ExporterPlugin:
    def __init__(self, exporter, replace=False, name="exporter_plugin"):
        self.__name__ = name
        self.exporter, self.replace = exporter, replace

    @hookimpl
    def briefing_register(self, registry):
        registry.add_exporter(self.exporter, replace=self.replace)


class Failing:
    stage = "statements"
    name = "failing"
    description = "raises"

    def extract(self, briefing, doc):
        raise ZeroDivisionError("boom")


class ExtractorPlugin:
    __name__ = "extractor_plugin"

    def __init__(self, extractor):
        self.extractor = extractor

    @hookimpl
    def briefing_register(self, registry):
        registry.add_extractor(self.extractor)


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


def test_blocked_plugins_do_not_load(monkeypatch):
    manager = PluginManager(autoload=False, block=["briefing.report.markdown"])
    assert "markdown" not in manager.names("exporter")
    monkeypatch.setenv(BLOCK_ENV, "briefing.formats.json, other")
    manager = PluginManager(autoload=False)
    assert "json" not in manager.names("exporter") and "markdown" in manager.names("exporter")


def test_autoload_switch(monkeypatch):
    monkeypatch.setenv(AUTOLOAD_ENV, "1")
    assert all(p.origin == "built-in" for p in PluginManager().plugins())


def test_unknown_name_lists_the_known_ones(plugins):
    with pytest.raises(UnknownNameError, match=r"unknown exporter 'pdf'; known: brat, csv, csv-participants, html, json, jsonl, label-studio, markdown"):
        plugins.exporter("pdf")


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


class Recording:
    """An engine that runs in this process and notes what it was asked."""

    name, description = "recording", "this process, noting its arguments"

    def __init__(self):
        self.asked = []

    def process(self, pipeline, items, *, n_process, scheduler):
        self.asked.append((n_process, scheduler))
        return pipeline.process_here(items)


class EnginePlugin:
    def __init__(self, engine, name="engine_plugin"):
        self.__name__ = name
        self.engine = engine

    @hookimpl
    def briefing_register(self, registry):
        registry.add_engine(self.engine)


def test_a_plugin_engine_is_chosen_by_name_and_given_the_run(nlp):
    engine = Recording()
    pipeline = Pipeline(nlp=nlp, plugins=PluginManager(autoload=False, plugins=[EnginePlugin(engine)]), issues="none")
    texts = ["Kelly said no.", "The minister said yes."]
    assert list(pipeline.extract_many(texts, engine="recording", n_process=3, scheduler="here")) == list(
        pipeline.extract_many(texts))
    assert engine.asked == [(3, "here")]


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


def fake_distribution(root, entry_point):
    """An installed distribution on ``root`` whose ``briefing`` entry point is ``entry_point``."""
    info = root / "fakeplugin-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: fakeplugin\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text(f"[briefing]\n{entry_point}\n")


def test_an_entry_point_that_fails_to_import_is_skipped(tmp_path, monkeypatch):
    fake_distribution(tmp_path, "fake = no_such_module_anywhere")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delenv(AUTOLOAD_ENV, raising=False)
    with pytest.warns(PluginWarning, match=r"plugin 'fake' \(entry point of fakeplugin\) fails to import: ModuleNotFoundError"):
        manager = PluginManager()
    assert "fake" in manager.broken and "json" in manager.names("exporter")


def test_an_extractor_failing_is_named_with_its_stage(nlp):
    manager = PluginManager(autoload=False, plugins=[ExtractorPlugin(Failing())])
    pipeline = Pipeline(nlp=nlp, plugins=manager, statements="failing")
    with pytest.raises(PluginError) as caught:
        pipeline.extract("Kelly said no.")
    assert str(caught.value) == (
        "plugin 'extractor_plugin' failed in statements extractor 'failing': ZeroDivisionError: boom"
    )
    assert isinstance(caught.value.__cause__, ZeroDivisionError)


def test_extractor_choice_is_by_name_not_by_order(nlp):
    class Marker:
        stage = "statements"
        description = "marks"

        def __init__(self, name):
            self.name = name

        def extract(self, briefing, doc):
            return attrs.evolve(briefing, id=self.name)

    class Two:
        __name__ = "two"

        @hookimpl
        def briefing_register(self, registry):
            registry.add_extractor(Marker("second"))

    for order in ([ExtractorPlugin(Marker("first")), Two()], [Two(), ExtractorPlugin(Marker("first"))]):
        manager = PluginManager(autoload=False, plugins=order)
        assert Pipeline(nlp=nlp, plugins=manager, statements="first").extract("x").id == "first"
        assert Pipeline(nlp=nlp, plugins=manager, statements="second").extract("x").id == "second"


def test_extractor_must_return_the_briefing(nlp):
    class Forgetful:
        stage = "issues"
        name = "forgetful"
        description = "returns nothing"

        def extract(self, briefing, doc):
            return None

    manager = PluginManager(autoload=False, plugins=[ExtractorPlugin(Forgetful())])
    with pytest.raises(PluginError, match="must return the briefing"):
        Pipeline(nlp=nlp, plugins=manager, issues="forgetful").extract("x")


def test_hooks_are_keyword_prefixed_and_documented():
    docs = (ROOT / "docs" / "plugins.md").read_text(encoding="utf-8")
    hooks = [name for name in dir(hookspecs) if name.startswith("briefing_")]
    assert hooks
    for hook in hooks:
        assert re.search(rf"^#+ `?{hook}\(", docs, re.M), f"docs/plugins.md has no section for {hook}"
        assert getattr(hookspecs, hook).__doc__


def test_every_builtin_is_a_module_registered_like_a_plugin(plugins):
    assert all(isinstance(obj, type(hookspecs)) for name, obj in plugins.pluggy.list_name_plugin() if name in BUILTIN_PLUGINS)


def test_briefing_returned_is_a_briefing(pipeline):
    assert isinstance(pipeline.extract("Kelly said no."), Briefing)


def test_plugin_packages_import_only_the_public_api():
    """Plugins under plugins/ use what a third party can: ``briefing`` itself, ``briefing.errors`` and
    ``briefing.testing``."""
    public = {"briefing", "briefing.errors", "briefing.testing"}
    private = []
    for path in (ROOT / "plugins").glob("*/src/**/*.py"):
        for module in re.findall(r"^\s*(?:from|import)\s+(briefing(?:\.\w+)*)", path.read_text(), re.M):
            if module not in public:
                private.append(f"{path.relative_to(ROOT)}: {module}")
    assert private == []


def test_a_part_is_reused_by_name_through_the_pipeline(nlp, plugins):
    pipeline = Pipeline(nlp=nlp, plugins=plugins)
    rules = pipeline.extractor("statements", "rules")
    assert rules.plugin == "briefing.statements.plugin"
    with pytest.raises(UnknownNameError, match=r"unknown stage 'quotes'; known: issues, metadata, participants, statements"):
        pipeline.extractor("quotes", "rules")


def test_detect_by_name_trusts_the_suffix_then_the_first_bytes():
    def starts_with_brace(head):
        return head.startswith(b"{")

    assert detect_by_name(Input.from_bytes(b"", "notes.XYZ"), b"", (".xyz",)) == 0.9
    assert detect_by_name(Input.from_bytes(b"{", "-"), b"{", (".xyz",), starts_with_brace, sniffed=0.4) == 0.4
    assert detect_by_name(Input.from_bytes(b"x", "-"), b"x", (".xyz",), starts_with_brace, sniffed=0.4) == 0.0
    assert detect_by_name(Input.from_text("{"), b"{", (".xyz",)) == 0.0


def test_a_rendered_exporter_writes_each_briefing_as_rendered():
    exporter = RenderedExporter("ids", "the ids", ".txt", lambda b: f"<{b.id}>")
    stream = io.StringIO()
    exporter.write([Briefing(id="a", text="x"), Briefing(id="b", text="y")], stream)
    assert stream.getvalue() == "<a><b>" and not exporter.many
    manager = PluginManager(autoload=False, plugins=[ExporterPlugin(exporter)])
    assert manager.exporter("ids").obj is exporter
