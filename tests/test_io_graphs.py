"""GraphML, GEXF and DOT exports: networkx reads back what argmap writes; dot renders."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import networkx as nx
from conftest import require

import argmap
from argmap.io import graphs


def _map() -> argmap.ArgumentMap:
    m = argmap.ArgumentMap("g", title="G")
    p = m.claim('A "quoted"\nclaim\\ with <tags> & more', id="p")
    c = m.recommendation("Do it.", id="c")
    a = m.argue([p], c, scheme="practical reasoning", id="a")
    m.attack(m.claim("No.", id="n"), a, id="t")
    m.stance(m.actor("Someone", id="x"), "asserts", p, id="s")
    return m


def test_graphml_and_gexf_read_back() -> None:
    m = _map()
    g = nx.read_graphml(io.BytesIO(graphs.dumps_graphml(m)))
    assert g.number_of_nodes() == len(m) and g.nodes["p"]["text"] == m["p"].text
    assert g.nodes["a"]["scheme"] == "practical reasoning"
    assert g.nodes["t"]["attack_type"] == "undercut"
    assert g.number_of_edges() == m.graph.number_of_edges()
    h = nx.read_gexf(io.BytesIO(graphs.dumps_gexf(m)))
    assert h.number_of_nodes() == len(m) and h.number_of_edges() == g.number_of_edges()


def test_dot_renders(tmp_path: Path) -> None:
    dot = require("dot", "install Graphviz (Debian: apt-get install graphviz)")
    m = _map()
    text = argmap.dumps(m, "dot")
    assert text == argmap.to_dot(m, max_nodes=len(m)) + "\n"  # convert and render agree
    assert text.startswith("digraph") and all(f'"{n}"' in text for n in ("p", "a"))
    svg = subprocess.run([dot, "-Tsvg"], input=text.encode(), capture_output=True, check=True)
    assert b"<svg" in svg.stdout


def test_corpus_maps_export(shared_dir: Path) -> None:
    m = argmap.load(shared_dir / "corpora/aif/qt30/nodeset21459.json")
    for fmt in ("graphml", "gexf", "dot"):
        assert argmap.dumps(m, fmt)
