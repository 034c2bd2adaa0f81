"""The plugin packages under ``plugins/``: each imports only what a third party can."""

import re

from conftest import ROOT


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
