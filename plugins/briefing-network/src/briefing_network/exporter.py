"""Exporter ``graphml``: participants and issues as a network, edges carrying stances."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, TextIO

from briefing import Briefing

if TYPE_CHECKING:
    import networkx as nx


def stance_graph(briefings: Iterable[Briefing]) -> nx.MultiDiGraph:
    """One graph for all the briefings: a node per participant (merged by id across briefings) and
    per issue; a ``stance`` edge from participant to issue for each position, weighted by the
    number of statements behind it; a ``member_of`` edge to the participant's organisation.
    networkx is imported here, on first use: loading the plugin stays cheap."""
    import networkx as nx

    graph = nx.MultiDiGraph()
    for briefing in briefings:
        for p in briefing.participants:
            graph.add_node(f"participant:{p.id}", type="participant", label=p.name, kind=p.kind, role=p.role,
                           title=p.title or "", affiliation=p.affiliation or "", party=p.party or "")
            if p.organization:
                graph.add_node(f"organization:{p.organization}", type="organization", label=p.organization)
                graph.add_edge(f"participant:{p.id}", f"organization:{p.organization}", relation="member_of")
        for issue in briefing.issues:
            graph.add_node(f"issue:{issue.id}", type="issue", label=issue.label, code=issue.code or "")
            for position in issue.positions:
                graph.add_edge(f"participant:{position.participant}", f"issue:{issue.id}", relation="stance",
                               stance=position.stance, weight=len(position.statements), briefing=briefing.id)
    return graph


class GraphmlExporter:
    name = "graphml"
    description = "participants and issues as a stance network (GraphML, for Gephi or networkx)"
    suffix = ".graphml"
    many = True

    def write(self, briefings: Iterable[Briefing], stream: TextIO) -> None:
        import networkx as nx

        for line in nx.generate_graphml(stance_graph(briefings)):
            stream.write(line + "\n")
