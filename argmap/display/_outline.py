"""The reading view's structure: which statements start the tree and what hangs below each.

The viewer (:mod:`argmap.display._viewer`) draws a view twice: as the Graphviz diagram, and
as a *reading view*, a top-down tree of wrapped boxes that stays legible at any width (a
notebook cell, a laptop). This module gives the tree's shape as plain data, added to each
drawn node's entry in the page's JSON:

* ``args``: for a statement, the drawn arguments that conclude it (each one "because");
* ``premises`` and ``linked``: for an argument, its drawn premises, and whether they hold
  only together;
* ``attackedBy``: the drawn attacks on a statement or an argument;
* ``attackers``, ``target`` and ``type``: for an attack.

:func:`outline_roots` says where the tree starts: a trace's recommendation, else the
recommendations the view draws, then any other drawn statement that nothing in the view
hangs below (no argument uses it, it attacks nothing).

Examples
--------
>>> from argmap import ArgumentMap
>>> from argmap.display._view import map_view
>>> m = ArgumentMap("o")
>>> r = m.recommendation("Adopt it.", id="r")
>>> _ = m.argue([m.claim("It is cheap.", id="cheap"), m.evidence("Oslo did.", id="oslo")], r)
>>> _ = m.attack(m.claim("It failed in Rome.", id="rome"), "cheap")
>>> view = map_view(m)
>>> outline_roots(view)
['r']
>>> shape = outline_shape(view)
>>> [shape[a]["premises"] for a in shape["r"]["args"]]
[['cheap', 'oslo']]
>>> [shape[a]["attackers"] for a in shape["cheap"]["attackedBy"]]
[['rome']]
"""

from __future__ import annotations

from typing import Any

from argmap.display._view import View
from argmap.model import STATEMENT_KINDS, Argument

__all__ = ["FOLD_DEPTH", "outline_roots", "outline_shape"]

FOLD_DEPTH = 2
"""Statements deeper than this below a root start folded, with a count of what they hold."""


def outline_shape(view: View) -> dict[str, dict[str, Any]]:
    """The tree fields of each drawn statement, argument and attack (see the module doc)."""
    m, drawn = view.map, view.nodes
    attacks = view.attacks()
    shape: dict[str, dict[str, Any]] = {}
    on: dict[str, list[str]] = {}
    for attack in attacks:
        on.setdefault(attack.target, []).append(attack.id)
        shape[attack.id] = {
            "attackers": list(attack.attackers),
            "target": attack.target,
            "type": m.attack_type(attack.id),
        }
    for node_id in sorted(drawn):
        node = m[node_id]
        if isinstance(node, Argument):
            shape[node_id] = {
                "premises": [p for p in node.premises if p in drawn],
                "linked": len(node.premises) > 1,
                "scheme": node.scheme or "",
                "attackedBy": on.get(node_id, []),
            }
        elif node.kind in STATEMENT_KINDS:
            shape[node_id] = {
                "args": [a.id for a in m.arguments_for(node_id) if a.id in drawn],
                "attackedBy": on.get(node_id, []),
            }
    for attack_id in list(on):
        if attack_id in shape and "attackers" in shape[attack_id]:
            shape[attack_id]["attackedBy"] = on[attack_id]
    return shape


def outline_roots(view: View) -> list[str]:
    """Where the reading view's tree starts (see the module doc), in a stable order."""
    m, drawn = view.map, view.nodes
    if view.focus:
        return sorted(view.focus)
    below: set[str] = set()
    for node_id in drawn:
        node = m[node_id]
        if isinstance(node, Argument):
            below.update(node.premises)
    for attack in view.attacks():
        below.update(attack.attackers)
    statements = sorted(
        (n for n in drawn if m[n].kind in STATEMENT_KINDS and n not in below),
        key=lambda n: (m[n].kind != "recommendation", -len(m.arguments_for(n)), n),
    )
    if not statements:  # everything hangs below something else: a cycle; start anywhere
        statements = sorted(n for n in drawn if m[n].kind in STATEMENT_KINDS)[:1]
    return statements
