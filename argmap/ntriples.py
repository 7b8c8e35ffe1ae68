"""Comparing graphs given as N-Triples lines (the canonical form argmap writes)."""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["same_graph"]


def same_graph(a: Iterable[str], b: Iterable[str]) -> bool:
    """Two sets of N-Triples lines describe the same graph (blank nodes renamed)."""
    a, b = set(a), set(b)
    if a == b:
        return True
    if len(a) != len(b) or not any("_:" in line for line in a | b):
        return False
    from rdflib import Graph
    from rdflib.compare import isomorphic

    return isomorphic(
        Graph().parse(data="\n".join(a), format="nt"),
        Graph().parse(data="\n".join(b), format="nt"),
    )
