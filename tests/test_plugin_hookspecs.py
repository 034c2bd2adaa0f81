"""The hooks (:mod:`briefing.plugin.hookspecs`): each prefixed, with a docstring and a section in
docs/plugins.md."""

import re

from briefing.plugin import hookspecs
from conftest import ROOT


def test_hooks_are_keyword_prefixed_and_documented():
    docs = (ROOT / "docs" / "plugins.md").read_text(encoding="utf-8")
    hooks = [name for name in dir(hookspecs) if name.startswith("briefing_")]
    assert hooks
    for hook in hooks:
        assert re.search(rf"^#+ `?{hook}\(", docs, re.M), f"docs/plugins.md has no section for {hook}"
        assert getattr(hookspecs, hook).__doc__
