"""Graph exports: GraphML and GEXF (via networkx) and Graphviz DOT text. Write only.

All three start from :meth:`ArgumentMap.to_networkx`: one graph node per argmap node
(attributes ``kind``, ``text``, ``label``, ``iri`` and, where they apply, ``scheme``,
``attack_type``, ``role``) and one edge per structural link (attribute ``role``:
premise, conclusion, attacker, target, actor, about, source, ...).

Examples
--------
>>> from argmap import ArgumentMap
>>> m = ArgumentMap("g"); a = m.argue([m.claim("P.", id="p")], m.claim("C.", id="c"), id="a")
>>> b"<graphml" in dumps_graphml(m), b"<gexf" in dumps_gexf(m)
(True, True)
>>> print(dumps_dot(m).decode())  # doctest: +ELLIPSIS
digraph "g" {
...
  "p" -> "a" [label="premise"];
...
"""

from __future__ import annotations

import io
from typing import Any

import networkx as nx

from argmap.map import ArgumentMap

__all__ = ["dumps_dot", "dumps_gexf", "dumps_graphml", "to_plain_networkx"]

_SHAPES = {
    "claim": ("box", "#ffffff"),
    "evidence": ("note", "#e8f4e8"),
    "recommendation": ("box", "#fff4d6"),
    "actor": ("ellipse", "#e8eef8"),
    "alternative": ("hexagon", "#f3e8f8"),
    "issue": ("diamond", "#f8f8e8"),
    "source": ("folder", "#eeeeee"),
    "argument": ("circle", "#c8e6c9"),
    "attack": ("circle", "#ffcdd2"),
    "stance": ("circle", "#d6d6f5"),
}


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


def _quote(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + escaped.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n") + '"'


def _wrap(text: str, width: int = 40, limit: int = 240) -> str:
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    words, lines, line = text.split(), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    return "\n".join(lines)


def dumps_dot(m: ArgumentMap) -> bytes:
    """The map as Graphviz DOT text (no Graphviz needed to write it).

    Statements and entities are boxes/ellipses with their (wrapped) text; arguments,
    attacks and stances small circles labelled with their scheme, attack type or role.
    """
    g = m.to_networkx()
    out = [f"digraph {_quote(m.name)} {{", "  rankdir=BT;", '  node [fontname="Helvetica"];']
    for node, attrs in g.nodes(data=True):
        kind = attrs.get("kind", "")
        shape, fill = _SHAPES.get(kind, ("box", "#ffffff"))
        if kind in ("argument", "attack", "stance"):
            label = attrs.get("scheme") or attrs.get("attack_type") or attrs.get("role") or ""
        else:
            label = attrs.get("label") or attrs.get("text", "")
        out.append(
            f"  {_quote(node)} [shape={shape}, style=filled, fillcolor={_quote(fill)}, "
            f"label={_quote(_wrap(str(label)))}, tooltip={_quote(str(attrs.get('text', '')))}];"
        )
    for u, v, key in g.edges(keys=True):
        color = (
            ' color="#c62828"'
            if key in ("attacker", "target") and g.nodes[u].get("kind") != "stance"
            else ""
        )
        out.append(f"  {_quote(u)} -> {_quote(v)} [label={_quote(key)}{color and ','}{color}];")
    out.append("}")
    return ("\n".join(out) + "\n").encode("utf-8")
