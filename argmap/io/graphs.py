"""Graph exports: GraphML and GEXF (via networkx). Write only.

(The ``dot`` format is the picture :mod:`argmap.display` draws, registered lazily.)

Both start from :meth:`ArgumentMap.to_networkx`: one graph node per argmap node
(attributes ``kind``, ``text``, ``label``, ``iri`` and, where they apply, ``scheme``,
``attack_type``, ``role``) and one edge per structural link (attribute ``role``:
premise, conclusion, attacker, target, actor, about, source, ...).

Examples
--------
>>> from argmap import ArgumentMap
>>> m = ArgumentMap("g"); a = m.argue([m.claim("P.", id="p")], m.claim("C.", id="c"), id="a")
>>> b"<graphml" in dumps_graphml(m), b"<gexf" in dumps_gexf(m)
(True, True)
"""

from __future__ import annotations

import io
from typing import Any

import networkx as nx

from argmap.map import ArgumentMap

__all__ = ["dumps_gexf", "dumps_graphml", "to_plain_networkx"]

def to_plain_networkx(m: ArgumentMap) -> nx.MultiDiGraph:
    """``m.to_networkx()`` with only str/int/float/bool attributes (what GraphML allows).

    Examples
    --------
    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap("g"); _ = m.claim("P.", id="p")
    >>> to_plain_networkx(m).nodes["p"]["kind"]
    'claim'
    """
    g = m.to_networkx()
    plain = nx.MultiDiGraph()
    plain.graph.update({k: str(v) for k, v in g.graph.items() if v is not None})
    for node, attrs in g.nodes(data=True):
        plain.add_node(node, **{k: _plain(v) for k, v in attrs.items() if v is not None})
    for u, v, k, attrs in g.edges(keys=True, data=True):
        plain.add_edge(u, v, key=k, **{a: _plain(b) for a, b in attrs.items() if b is not None})
    return plain


def _plain(value: Any) -> Any:
    return value if isinstance(value, str | int | float | bool) else str(value)


def dumps_graphml(m: ArgumentMap) -> bytes:
    """The map as GraphML (UTF-8)."""
    buf = io.BytesIO()
    nx.write_graphml(to_plain_networkx(m), buf, encoding="utf-8")
    return buf.getvalue()


def dumps_gexf(m: ArgumentMap) -> bytes:
    """The map as GEXF 1.2 (UTF-8)."""
    buf = io.BytesIO()
    nx.write_gexf(to_plain_networkx(m), buf, encoding="utf-8")
    return buf.getvalue()
