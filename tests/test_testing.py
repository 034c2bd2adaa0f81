"""The plugin authors' kit, and briefing's own parts held to the same contracts with it."""

import pytest

from briefing.errors import PluginError
from briefing.plugin.interfaces import STAGES
from briefing.plugin.manager import PluginManager
from briefing.testing import check_exporter, check_extractor, manager, plugin_of

BUILTINS = PluginManager(autoload=False)


@pytest.mark.parametrize("stage,name", [(s, n) for s in STAGES for n in BUILTINS.names(f"{s} extractor")])
def test_every_builtin_extractor_keeps_the_contract(stage, name, nlp):
    check_extractor(stage, name, manager(), nlp=nlp, max_examples=15)


@pytest.mark.parametrize("name", BUILTINS.names("exporter"))
def test_every_builtin_exporter_keeps_the_contract(name):
    check_exporter(name, manager(), max_examples=20)


class Fragile:
    name, description, suffix, many = "fragile", "fails on participants", ".txt", True

    def write(self, briefings, stream):
        for briefing in briefings:
            if briefing.participants:
                raise ValueError("participants are too much")
            stream.write(briefing.id)


class Unfounded:
    stage, name, description = "statements", "unfounded", "speaker nobody knows"

    def extract(self, briefing, doc):
        import attrs

        from briefing import Span, Statement

        if not briefing.text:
            return briefing
        said = Statement(id="s1", kind="direct", content=[Span.of(briefing.text, 0, 1)], speaker="nobody")
        return attrs.evolve(briefing, statements=[said])


def test_the_checks_catch_a_broken_exporter_and_extractor(nlp):
    plugins = manager(plugin_of(Fragile(), Unfounded()))
    assert "fragile" in plugins.names("exporter") and "unfounded" in plugins.names("statements extractor")
    with pytest.raises(PluginError, match="failed in exporter 'fragile'"):
        check_exporter("fragile", plugins)
    with pytest.raises(PluginError, match="speaker 'nobody' names no participant"):
        check_extractor("statements", "unfounded", plugins, nlp=nlp)
