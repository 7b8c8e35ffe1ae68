"""The plumbing under the map's graph: the shared empty attribute dict, the order a bulk
insert takes kinds in, and the references and edges each kind of node makes."""

from __future__ import annotations

from typing import Any

import networkx as nx

from argmap.model import (
    STATEMENT_KINDS,
    Alternative,
    Argument,
    Attack,
    Evidence,
    Node,
    Source,
    Stance,
)
from argmap.vocab import KIND_WORDS

# The order a bulk insert adds kinds in, so references always point backwards.
KIND_ORDER = {
    k: i
    for i, k in enumerate(
        [
            "actor",
            "issue",
            "source",
            "alternative",
            "claim",
            "evidence",
            "recommendation",
            "argument",
            "attack",
            "stance",
        ]
    )
}


class _NoAttrs(dict):  # type: ignore[type-arg]
    """One shared, empty, read-only attribute dict for every edge and node of the graph.

    Edges carry their role in the key and nothing else; sharing one dict saves ~100 bytes
    an edge at a million nodes.
    """

    __slots__ = ()

    def _refuse(self, *args: Any, **kwargs: Any) -> None:
        raise TypeError(
            "argmap's graph is read-only; use ArgumentMap.to_networkx() for a copy you can annotate"
        )

    __setitem__ = _refuse
    __delitem__ = _refuse
    setdefault = _refuse
    pop = _refuse
    popitem = _refuse  # type: ignore[assignment]
    clear = _refuse

    def update(self, *args: Any, **kwargs: Any) -> None:
        if any(args) or kwargs:
            self._refuse()


NO_ATTRS = _NoAttrs()


def no_attrs() -> dict[str, Any]:
    return NO_ATTRS


def kind_word(kind: str) -> str:
    return KIND_WORDS.get(kind, kind)


def new_graph() -> nx.MultiDiGraph:
    """An empty graph whose nodes and edges all share the one read-only attribute dict."""
    g = nx.MultiDiGraph()
    g.edge_attr_dict_factory = no_attrs
    g.node_attr_dict_factory = no_attrs
    return g


ATTACK_TARGET_KINDS = STATEMENT_KINDS | {"argument", "attack"}


def references(node: Node) -> list[tuple[frozenset[str], str, str]]:
    """(allowed kinds, referenced id, role) for every reference a node makes."""
    refs: list[tuple[frozenset[str], str, str]] = []
    if isinstance(node, Argument):
        refs += [(STATEMENT_KINDS, p, "premise") for p in node.premises]
        refs.append((STATEMENT_KINDS, node.conclusion, "conclusion"))
    elif isinstance(node, Attack):
        refs += [(STATEMENT_KINDS, a, "attacker") for a in node.attackers]
        refs.append((ATTACK_TARGET_KINDS, node.target, "target"))
    elif isinstance(node, Stance):
        refs.append((frozenset({"actor"}), node.actor, "actor"))
        refs.append((STATEMENT_KINDS | {"alternative", "issue"}, node.target, "target"))
    elif isinstance(node, Evidence) and node.source is not None:
        refs.append((frozenset({"source"}), node.source, "source"))
    elif isinstance(node, Alternative) and node.issue is not None:
        refs.append((frozenset({"issue"}), node.issue, "issue"))
    elif isinstance(node, Source):
        if node.author is not None:
            refs.append((frozenset({"actor"}), node.author, "author"))
        if node.publisher is not None:
            refs.append((frozenset({"actor"}), node.publisher, "publisher"))
    return refs


def edges_of(node: Node) -> list[tuple[str, str, str]]:
    if isinstance(node, Argument):
        return [(p, node.id, "premise") for p in node.premises] + [
            (node.id, node.conclusion, "conclusion")
        ]
    if isinstance(node, Attack):
        return [(a, node.id, "attacker") for a in node.attackers] + [
            (node.id, node.target, "target")
        ]
    if isinstance(node, Stance):
        return [(node.actor, node.id, "actor"), (node.id, node.target, "target")]
    if isinstance(node, Evidence) and node.source is not None:
        return [(node.id, node.source, "source")]
    if isinstance(node, Alternative) and node.issue is not None:
        return [(node.id, node.issue, "issue")]
    if isinstance(node, Source):
        return [
            (node.id, ref, key)
            for key, ref in (("author", node.author), ("publisher", node.publisher))
            if ref is not None
        ]
    return []
