"""Where maps on one question part ways: disagreements across an alignment, and who stands
where (an actor x statement stance matrix).

:func:`disagreements` reads the maps and an :class:`~argmap.align.Alignment` (its accepted
rows, or all of them with ``proposed=True``) and lists

* ``opposite``: a statement of one map and a statement of another that say opposite things
  (an alignment row with ``relation="opposite"``);
* ``attacked``: a statement one map holds that the other map attacks (a ``same`` pair where
  the other map's copy is the target of an attack);
* ``conflicting recommendations``: two recommendations that say opposite things, with the
  premises where their justifications part ways (``detail``: premises of each trace with no
  aligned counterpart in the other).

:func:`stance_matrix` is the actor x statement table of asserts / endorses / opposes /
addressed_by (a pandas DataFrame), :func:`stance_heatmap` the same as an HTML heat map.

Examples
--------
>>> from argmap import ArgumentMap
>>> from argmap.align import align
>>> a = ArgumentMap("a"); _ = a.recommendation("Tuition fees should be charged.", id="r")
>>> b = ArgumentMap("b"); _ = b.recommendation("Tuition fees should not be charged.", id="r")
>>> [(d.kind, d.left, d.right) for d in disagreements([a, b], align(a, b), proposed=True)]
[('conflicting recommendations', 'a.r', 'b.r')]
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from argmap.align import Alignment
from argmap.errors import ModelError
from argmap.map import ArgumentMap
from argmap.query.trace import trace

__all__ = ["Disagreement", "disagreements", "stance_heatmap", "stance_matrix"]

_ROLE_VALUE = {"asserts": 1.0, "endorses": 1.0, "opposes": -1.0, "addressed_by": 0.0}


@dataclass(frozen=True)
class Disagreement:
    """One place where two maps part ways (ids qualified as ``<map>.<id>``)."""

    kind: str
    left: str
    right: str
    detail: tuple[str, ...] = ()


def _split(ref: str, by_name: dict[str, ArgumentMap]) -> tuple[ArgumentMap, str]:
    name, _, node_id = ref.partition(".")
    if name not in by_name or node_id not in by_name[name]:
        raise ModelError(f"disagreements: alignment names {ref!r}, which is in none of the maps")
    return by_name[name], node_id


def disagreements(
    maps: Sequence[ArgumentMap], alignment: Alignment, *, proposed: bool = False
) -> list[Disagreement]:
    """Where the maps part ways, read through the alignment (see the module docstring)."""
    by_name = {m.name: m for m in maps}
    rows = alignment.rows if proposed else alignment.accepted()
    same: dict[str, set[str]] = {}
    for r in rows:
        if r.relation == "same":
            same.setdefault(r.left, set()).add(r.right)
            same.setdefault(r.right, set()).add(r.left)
    out: list[Disagreement] = []
    for r in rows:
        (ma, xa), (mb, xb) = _split(r.left, by_name), _split(r.right, by_name)
        if r.relation == "opposite":
            both_recs = ma[xa].kind == mb[xb].kind == "recommendation"
            if not both_recs:
                out.append(Disagreement("opposite", r.left, r.right))
                continue
            pa = [f"{ma.name}.{p}" for p in trace(ma, xa).premises]
            pb = [f"{mb.name}.{p}" for p in trace(mb, xb).premises]
            set_a, set_b = set(pa), set(pb)
            apart = [p for p in pa if not same.get(p, set()) & set_b]
            apart += [p for p in pb if not same.get(p, set()) & set_a]
            out.append(Disagreement("conflicting recommendations", r.left, r.right, tuple(apart)))
            continue
        for (m1, x1, q1), (m2, x2, q2) in (((ma, xa, r.left), (mb, xb, r.right)),
                                           ((mb, xb, r.right), (ma, xa, r.left))):
            attacks = m2.attacks_on(x2)
            if attacks and not m1.attacks_on(x1):
                detail = tuple(f"{m2.name}.{a.id}" for a in attacks)
                out.append(Disagreement("attacked", q1, q2, detail))
    return out


def stance_matrix(m: ArgumentMap, *, numeric: bool = False) -> Any:
    """Actors (rows) x statements and alternatives (columns): each actor's role towards
    each (``asserts``, ``endorses``, ``opposes``, ``addressed_by``; empty when none), or
    with ``numeric`` +1 asserts/endorses, -1 opposes, 0 otherwise. Needs pandas.

    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap("s"); c = m.claim("Fees are fair.", id="fair")
    >>> _ = m.stance(m.actor("Students", id="st"), "opposes", c)
    >>> stance_matrix(m).loc["st", "fair"]
    'opposes'
    """
    import pandas as pd

    stances = list(m.stances())
    actors = sorted({s.actor for s in stances})
    targets = sorted({s.target for s in stances})
    cells: dict[tuple[str, str], str] = {}
    for s in stances:
        cells[(s.actor, s.target)] = s.role
    data: list[list[Any]]
    if numeric:
        data = [[_ROLE_VALUE.get(cells.get((a, t), ""), 0.0) for t in targets] for a in actors]
    else:
        data = [[cells.get((a, t), "") for t in targets] for a in actors]
    return pd.DataFrame(data, index=actors, columns=targets)


def stance_heatmap(m: ArgumentMap) -> str:
    """The stance matrix as an HTML table coloured green (asserts, endorses) and red
    (opposes), for a notebook or a page; no pandas needed.

    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap("s"); c = m.claim("Fees are fair.", id="fair")
    >>> _ = m.stance(m.actor("Students", id="st"), "opposes", c)
    >>> "#fca5a5" in stance_heatmap(m)
    True
    """
    colours = {"asserts": "#86efac", "endorses": "#bbf7d0", "opposes": "#fca5a5",
               "addressed_by": "#e2e8f0"}
    stances = list(m.stances())
    actors = sorted({s.actor for s in stances})
    targets = sorted({s.target for s in stances})
    cells = {(s.actor, s.target): s.role for s in stances}
    head = "".join(
        f'<th title="{html.escape(m[t].text)}">{html.escape(t)}</th>' for t in targets
    )
    body = []
    for a in actors:
        tds = []
        for t in targets:
            role = cells.get((a, t), "")
            style = f' style="background:{colours[role]}"' if role else ""
            tds.append(f"<td{style}>{html.escape(role)}</td>")
        body.append(f'<tr><th title="{html.escape(m[a].text)}">{html.escape(a)}</th>'
                    + "".join(tds) + "</tr>")
    return (f'<table class="argmap-stances"><tr><th></th>{head}</tr>'
            + "".join(body) + "</table>")
