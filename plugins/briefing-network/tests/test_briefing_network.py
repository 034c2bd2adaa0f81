import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest

import briefing_network
from briefing import Pipeline, PluginManager

EXAMPLE = Path(__file__).resolve().parents[3] / "examples" / "arctic_fisheries_briefing.txt"


@pytest.fixture(scope="module")
def pipeline():
    manager = PluginManager(autoload=False, plugins=[briefing_network])
    return Pipeline(plugins=manager, statements="quotes")


def test_quotes_keeps_only_direct_statements(pipeline):
    briefing = pipeline.extract(EXAMPLE)
    assert briefing.statements
    assert {s.kind for s in briefing.statements} == {"direct"}
    names = {p.id: p.name for p in briefing.participants}
    spoken = [(names.get(s.speaker), s.content[0].text[:25]) for s in briefing.statements]
    assert ("Anders Lunde", '"We cannot manage what we') in spoken
    assert ("Claire Dubois", "We have heard our friends") in spoken


def test_graphml_parses_back_with_stances(pipeline, tmp_path):
    briefing = Pipeline(plugins=pipeline.plugins, nlp=pipeline.nlp).extract(EXAMPLE)
    out = tmp_path / "g.graphml"
    with out.open("w") as stream:
        briefing_network.GraphmlExporter().write([briefing], stream)
    graph = nx.read_graphml(out)
    assert graph.nodes["participant:claire-dubois"]["affiliation"] == "Canada"
    stances = [d for _, _, d in graph.edges(data=True) if d.get("relation") == "stance"]
    assert stances and all(d["stance"] in {"support", "oppose", "concern", "neutral"} for d in stances)


def test_installed_entry_point_is_listed_and_used_by_the_cli(tmp_path):
    listing = subprocess.run([sys.executable, "-m", "briefing", "plugins"], capture_output=True, text=True, check=True)
    assert "briefing_network" in listing.stdout or "network" in listing.stdout
    assert "exporter graphml" in listing.stdout and "statements extractor quotes" in listing.stdout
    out = tmp_path / "net.graphml"
    subprocess.run(
        [sys.executable, "-m", "briefing", "extract", str(EXAMPLE), "--statements", "quotes", "-f", "graphml", "-o", str(out)],
        check=True, capture_output=True,
    )
    assert nx.read_graphml(out).number_of_nodes() > 3


def test_loading_the_plugin_leaves_networkx_unimported():
    """networkx (hundreds of modules) loads on the first export, not with every ``briefing`` run."""
    code = "import sys, briefing_network; print('networkx' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip() == "False"
