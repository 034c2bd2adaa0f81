"""The documentation site: it builds with ``mkdocs build --strict`` (broken links, missing pages
and bad API references fail), and every page in docs/ is in its navigation."""

import os
import re
import subprocess
import sys

from conftest import ROOT


def test_every_page_is_in_the_navigation():
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    listed = set(re.findall(r":\s*(\S+\.md)\s*$", config, re.M))
    assert listed == {p.name for p in (ROOT / "docs").glob("*.md")}


def test_the_site_builds_strictly(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
        cwd=ROOT, capture_output=True, text=True, timeout=600, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0, result.stderr[-3000:]
    api = (tmp_path / "site" / "api" / "index.html").read_text(encoding="utf-8")
    assert "extract_many" in api and "PluginManager" in api
