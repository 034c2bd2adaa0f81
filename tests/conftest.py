"""Shared fixtures: the spaCy pipeline (loaded once), a fresh plugin manager per test, and the
shared corpus of real texts, read from ``../shared/corpus`` (never copied into the project)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parents[1]

# No per-example deadline: these machines are shared, and a test must not fail because one is busy.
# ``HYPOTHESIS_PROFILE=fuzz`` runs the property tests that take the profile's example count (the
# readers' fuzz harness among them) a hundred times longer.
settings.register_profile("briefing", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("fuzz", parent=settings.get_profile("briefing"), max_examples=20_000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "briefing"))
EXAMPLES = ROOT / "examples"


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
