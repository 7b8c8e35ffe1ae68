"""Read the Potsdam argumentative microtext XML (``arggraph``, Peldszus & Stede).

=====================================  ===============================================
arggraph                               argmap
=====================================  ===============================================
``<arggraph id topic_id stance>``      map title; a :class:`~argmap.Source` (the text),
                                       ``topic_id``/``stance`` in its ``data``
``<edu>`` (segments), ``<joint>``      the words of the ADU they are segmented into
``<adu type="pro|opp">``               :class:`~argmap.Claim` (id = ADU id), anchored
                                       to its EDUs' words; role in ``data``
``sup`` / ``exa`` edge                 :class:`~argmap.Argument` (id = edge id); ``exa``
                                       gets ``scheme="example"``
``add`` edge (ADU -> edge)             one more linked premise of that argument, or one
                                       more linked attacker (``co_attackers``) of that
                                       rebuttal or undercut
``reb`` edge                           :class:`~argmap.Attack`, ``attack_type="rebut"``
``und`` edge on a ``sup``/``exa``      :class:`~argmap.Attack` on the argument (undercut)
``und`` edge on a ``reb``/``und``      :class:`~argmap.Attack` on that attack (undercut:
                                       the objection itself is answered)
=====================================  ===============================================

Every ``sup``, ``exa``, ``reb``, ``und`` and ``add`` edge becomes part of the map; one
that cannot (an end that is not an ADU or a read edge) is a problem in the report.

Parsing is safe: the standard library's expat parser fetches no external entities, and a
document that declares entities (``<!ENTITY``) is refused outright, so entity-expansion
bombs cannot run. No ``defusedxml`` is needed.

Examples
--------
>>> xml = b'''<arggraph id="m1"><edu id="e1">We should.</edu><edu id="e2">It helps.</edu>
... <adu id="a1" type="pro"/><adu id="a2" type="pro"/>
... <edge id="c1" src="e1" trg="a1" type="seg"/><edge id="c2" src="e2" trg="a2" type="seg"/>
... <edge id="c3" src="a2" trg="a1" type="sup"/></arggraph>'''
>>> m = loads(xml)
>>> [(a.premises, a.conclusion) for a in m.arguments()]
[(('a2',), 'a1')]
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import ValidationError

from argmap.io._report import Imported, ImportReport
from argmap.limits import check_nodes, load_xml
from argmap.map import ArgumentMap
from argmap.model import Anchor, Argument, Attack, Claim, Node, Source

__all__ = ["loads", "microtext_to_map", "sniff_microtext"]

_EDGE_TYPES = {"seg", "sup", "exa", "add", "reb", "und"}


def microtext_to_map(
    data: bytes | str, *, filename: str | None = None, lenient: bool = False
) -> Imported:
    """Read arggraph XML; returns ``(map, report)`` (strict mode raises on a problem).

    Examples
    --------
    >>> microtext_to_map(b"<graph/>", filename="x.xml")
    Traceback (most recent call last):
    ...
    argmap.errors.ParseError: x.xml: not an arggraph document: the root element is <graph>
    """
    report = ImportReport(file=filename, lenient=lenient)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    root = load_xml(raw, file=filename)
    if root.tag != "arggraph":
        ImportReport(file=filename).add(
            f"not an arggraph document: the root element is <{root.tag}>"
        )
    graph_id = root.get("id") or "arggraph"
    texts: dict[str, str] = {}
    for elem in root:
        if elem.tag == "edu":
            texts[elem.get("id", "")] = (elem.text or "").strip()
        elif elem.tag == "joint":
            texts[elem.get("id", "")] = ""
    adus = {e.get("id", ""): e.get("type", "") for e in root if e.tag == "adu"}
    edges: dict[str, dict[str, str]] = {}
    for index, elem in enumerate(root):
        if elem.tag != "edge":
            if elem.tag not in ("edu", "joint", "adu"):  # path: XPath, counted from 1
                report.add(f"unknown element <{elem.tag}>", path=f"arggraph/*[{index + 1}]")
            continue
        eid, src, trg, etype = (elem.get(k) for k in ("id", "src", "trg", "type"))
        if not eid or not src or not trg or etype not in _EDGE_TYPES:
            report.add(
                f"edge with missing id/src/trg or unknown type {etype!r}",
                node=eid,
                path=None if eid else f"arggraph/*[{index + 1}]",
            )
            continue
        edges[eid] = {"src": src, "trg": trg, "type": etype}
    # segmentation: EDU -> (JOINT ->) ADU
    segs: dict[str, list[str]] = {a: [] for a in adus}
    joints: dict[str, list[str]] = {}
    for eid, e in edges.items():
        if e["type"] != "seg":
            continue
        if e["trg"] in adus:
            segs[e["trg"]].append(e["src"])
        elif e["trg"] in texts:
            joints.setdefault(e["trg"], []).append(e["src"])
        else:
            report.add(f"seg edge to {e['trg']!r}, which is no ADU or joint", node=eid)
    source = Source(
        id=_safe_id(graph_id),
        text=f"microtext {graph_id}",
        data={"microtext": {k: v for k, v in root.attrib.items() if k != "id"}},
    )
    nodes: list[Node] = [source]
    for adu, kind in adus.items():
        edus = [u for s in segs[adu] for u in (joints.get(s) or [s])]
        words = [texts.get(u, "") for u in edus]
        text = " ".join(w for w in words if w)
        if not text:
            report.add("ADU has no text (no seg edge from an EDU)", node=adu)
            continue
        anchors = tuple(Anchor(source=source.id, exact=w) for w in words if w)
        _build(nodes, report, Claim, id=adu, text=text, anchors=anchors,
               data={"microtext": {"type": kind, "edus": edus}})
    claims = {n.id for n in nodes if isinstance(n, Claim)}
    extra_premises: dict[str, list[str]] = {}
    for e in edges.values():
        if e["type"] == "add":
            extra_premises.setdefault(e["trg"], []).append(e["src"])
    relations: dict[str, dict[str, Any]] = {}
    for eid, e in edges.items():
        adds = [k for k, v in edges.items() if v["type"] == "add" and v["trg"] == eid]
        if e["type"] in ("sup", "exa"):
            premises = [e["src"], *extra_premises.get(eid, [])]
            if e["trg"] not in claims or any(p not in claims for p in premises):
                report.add(f"{e['type']} edge between nodes that are not ADUs", node=eid)
                continue
            relations[eid] = {
                "cls": Argument,
                "id": eid,
                "premises": tuple(premises),
                "conclusion": e["trg"],
                "scheme": "example" if e["type"] == "exa" else None,
                "data": {"microtext": {"type": e["type"], "add": adds}},
            }
        elif e["type"] == "reb":
            attackers = [e["src"], *extra_premises.get(eid, [])]
            if e["trg"] not in claims or any(a not in claims for a in attackers):
                report.add("reb edge between nodes that are not ADUs", node=eid)
                continue
            relations[eid] = _attack_spec(eid, attackers, e["trg"], "rebut", "reb", adds)
    # undercuts, an undercut of an undercut after the one it attacks
    pending = {eid: e for eid, e in edges.items() if e["type"] == "und"}
    while pending:
        progress = False
        for eid, e in list(pending.items()):
            target = edges.get(e["trg"])
            attackers = [e["src"], *extra_premises.get(eid, [])]
            if any(a not in claims for a in attackers) or target is None:
                report.add("und edge must go from an ADU to an edge", node=eid)
            elif e["trg"] in pending:
                continue  # its target is an undercut not read yet
            elif e["trg"] in relations and target["type"] in ("sup", "exa", "reb", "und"):
                adds = [k for k, v in edges.items() if v["type"] == "add" and v["trg"] == eid]
                relations[eid] = _attack_spec(eid, attackers, e["trg"], "undercut", "und", adds)
            else:
                report.add(f"und edge targets edge {e['trg']!r}, which was not read", node=eid)
            del pending[eid]
            progress = True
        if not progress:  # undercuts that only undercut each other
            for eid in sorted(pending):
                report.add("und edge is in a cycle of undercuts of undercuts", node=eid)
            break
    for eid, e in edges.items():
        if e["type"] == "add" and (e["trg"] not in relations or e["src"] not in claims):
            report.add(f"add edge into {e['trg']!r}, which is no argument or attack read", node=eid)
    for spec in relations.values():
        cls = spec.pop("cls")
        _build(nodes, report, cls, **{k: v for k, v in spec.items() if v is not None})

    def refused(node: Any, exc: Exception) -> None:
        report.add(str(exc), node=getattr(node, "id", None))

    check_nodes(nodes, file=filename)
    m = ArgumentMap.from_nodes(nodes, name=_safe_id(graph_id), title=graph_id, on_error=refused)
    return Imported(m, report)


def _build(nodes: list[Node], report: ImportReport, cls: type[Node], **fields: Any) -> None:
    """Append one node; what the model refuses (an id such as ``'c5``, a premise given
    twice) is a problem at the record's id, not a pydantic ValidationError."""
    try:
        nodes.append(cls(**fields))
    except ValidationError as exc:
        report.add(exc.errors()[0]["msg"].removeprefix("Value error, "), node=fields["id"])


def _attack_spec(
    eid: str, attackers: list[str], target: str, attack_type: str, etype: str, adds: list[str]
) -> dict[str, Any]:
    data: dict[str, Any] = {"type": etype}
    if adds:
        data["add"] = adds
    return {
        "cls": Attack,
        "id": eid,
        "attacker": attackers[0],
        "co_attackers": tuple(attackers[1:]) or None,
        "target": target,
        "attack_type": attack_type,
        "data": {"microtext": data},
    }


def _safe_id(value: str) -> str:
    cleaned = re.sub(r"[^A-Za-z0-9._~\-]", "-", value).strip("-.~") or "arggraph"
    return cleaned[:200]


def loads(data: bytes | str, *, filename: str | None = None, lenient: bool = False) -> ArgumentMap:
    """Read arggraph XML into a map (the registry's reader).

    Examples
    --------
    >>> loads(b'<!DOCTYPE x [<!ENTITY a "b">]><arggraph/>', filename="bomb.xml")
    Traceback (most recent call last):
    ...
    argmap.errors.ParseError: bomb.xml, line 1: XML entity declarations are refused ...
    """
    return microtext_to_map(data, filename=filename, lenient=lenient).map


def sniff_microtext(head: bytes) -> bool:
    """True when ``head`` holds an ``<arggraph`` root element.

    Examples
    --------
    >>> sniff_microtext(b"<?xml version='1.0'?>\\n<arggraph id='x'>")
    True
    """
    return b"<arggraph" in head[:2048]
