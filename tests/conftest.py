"""Shared fixtures: the spaCy pipeline (loaded once), a fresh plugin manager per test, and the
shared corpus of real texts, read from ``../shared/corpus`` (never copied into the project); and
what the format tests share: example inputs, reading with the detected reader, exporting to a
string, and reading an HTML page or CSV output back; and the made-up plugins the plugin, pipeline
and CLI tests register."""

from __future__ import annotations

import csv
import io
import os
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from briefing import hookimpl

ROOT = Path(__file__).resolve().parents[1]

# No per-example deadline: these machines are shared, and a test must not fail because one is busy.
# ``HYPOTHESIS_PROFILE=fuzz`` runs the property tests that take the profile's example count (the
# readers' fuzz harness among them) a hundred times longer.
settings.register_profile("briefing", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("fuzz", parent=settings.get_profile("briefing"), max_examples=20_000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "briefing"))
EXAMPLES = ROOT / "examples"
TRANSCRIPT = EXAMPLES / "harbour_safety_briefing_transcript.txt"

HTML_PAGE = b"""<!DOCTYPE html>
<html><head><title>Kelly visits Mexico | Example News</title>
<meta name="author" content="Jane Roe; John Poe">
<meta property="og:site_name" content="Example News">
<meta property="og:url" content="https://news.example.org/kelly">
<meta property="article:published_time" content="2017-02-23"></head>
<body><nav>Home | World | Sports</nav>
<article><h1>Kelly visits Mexico</h1>
<p>Kelly said the talks went well. &lt;script&gt;alert(1)&lt;/script&gt; was posted by a reader.</p>
<p>"We will not deport anyone," he told reporters in Mexico City on Thursday.</p></article>
<footer>Copyright Example News</footer></body></html>"""


def corpus_dir() -> Path | None:
    """``$BRIEFING_CORPUS``, else ``../shared/corpus`` beside the project, else ``/work/shared/corpus``."""
    for candidate in (os.environ.get("BRIEFING_CORPUS"), ROOT.parent / "shared" / "corpus", "/work/shared/corpus"):
        if candidate and Path(candidate, "seed").is_dir():
            return Path(candidate)
    return None


CORPUS = corpus_dir()


def need_corpus() -> Path:
    """The corpus, or skip (fail when ``BRIEFING_REQUIRE_CORPUS`` is set, as CI does)."""
    if CORPUS is None:
        if os.environ.get("BRIEFING_REQUIRE_CORPUS"):
            pytest.fail("the shared corpus is required (BRIEFING_REQUIRE_CORPUS) but was not found")
        pytest.skip("the shared corpus (../shared/corpus or $BRIEFING_CORPUS) is not available")
    return CORPUS


@pytest.fixture(scope="session")
def nlp():
    from briefing.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture
def plugins():
    """A fresh plugin manager with only the built-in plugins."""
    from briefing import PluginManager

    return PluginManager(autoload=False)


@pytest.fixture
def pipeline(nlp, plugins):
    from briefing import Pipeline

    return Pipeline(nlp=nlp, plugins=plugins)


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return need_corpus() / "seed" / "000_e5e6cfcd197a9617.txt"


@pytest.fixture(scope="session")
def seed(nlp, seed_path):
    """The seed article, extracted once for the whole session with the default extractors."""
    from briefing import Pipeline, PluginManager

    return Pipeline(nlp=nlp, plugins=PluginManager(autoload=False)).extract(seed_path)


@pytest.fixture(scope="session")
def example_path() -> Path:
    return EXAMPLES / "arctic_fisheries_briefing.txt"


def read(pipeline, input):
    """The briefings the reader detected for ``input`` gives, before any extractor, and its name."""
    entry = pipeline.choose_reader(input)
    return list(entry.obj.read(input)), entry.name


def export(plugins, name, *items):
    """What the exporter ``name`` writes for ``items``, as a string."""
    stream = io.StringIO()
    plugins.exporter(name).obj.write(list(items), stream)
    return stream.getvalue()


class _Page(HTMLParser):
    """The text of the page's ``article``, its highlights, and whether any script is in it."""

    def __init__(self):
        super().__init__()
        self.depth, self.text, self.highlights, self.scripts = 0, [], [], 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.scripts += tag == "script"
        if tag == "article":
            self.depth = 1
        elif self.depth and tag == "a":
            self.highlights.append(attrs)

    def handle_endtag(self, tag):
        if tag == "article":
            self.depth = 0

    def handle_data(self, data):
        if self.depth:
            self.text.append(data)


def parse_page(page):
    """An HTML report read back (see :class:`_Page`)."""
    parser = _Page()
    parser.feed(page)
    parser.close()
    return parser


def csv_rows(output):
    """The rows of a CSV export, which must start with a byte-order mark."""
    assert output.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(output[1:], newline="")))


# -- plugins made up for the tests ------------------------------------------------------------

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


class EnginePlugin:
    def __init__(self, engine, name="engine_plugin"):
        self.__name__ = name
        self.engine = engine

    @hookimpl
    def briefing_register(self, registry):
        registry.add_engine(self.engine)


def fake_distribution(root, entry_point):
    """An installed distribution on ``root`` whose ``briefing`` entry point is ``entry_point``."""
    info = root / "fakeplugin-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: fakeplugin\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text(f"[briefing]\n{entry_point}\n")
