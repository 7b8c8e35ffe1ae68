"""Read SADFace JSON (Simple Argument Description Format, S. Wells).

=====================================  ===============================================
SADFace                                argmap
=====================================  ===============================================
``metadata.core``                      map title; a :class:`~argmap.Source` with the
                                       whole ``metadata`` and ``resources`` in ``data``
``atom`` node                          :class:`~argmap.Claim` (id = node id); its
                                       ``metadata``/``sources`` in ``data["sadface"]``
``scheme`` node ``conflict``           :class:`~argmap.Attack` (one attacker atom, one
                                       target atom, or a support scheme = undercut)
any other ``scheme`` node              :class:`~argmap.Argument`; ``support`` means no
                                       named scheme, another name is the scheme
=====================================  ===============================================

Examples
--------
>>> m = loads(b'''{"metadata": {"core": {"title": "T"}}, "resources": [], "nodes": [
...   {"id": "p", "type": "atom", "text": "P."}, {"id": "c", "type": "atom", "text": "C."},
...   {"id": "s", "type": "scheme", "name": "support"}],
...   "edges": [{"id": "1", "source_id": "p", "target_id": "s"},
...             {"id": "2", "source_id": "s", "target_id": "c"}]}''')
>>> [(a.premises, a.conclusion, a.scheme) for a in m.arguments()]
[(('p',), 'c', None)]
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from argmap.ids import mint_id, slugify
from argmap.io._report import Imported, ImportReport
from argmap.limits import check_count, check_nodes, load_json
from argmap.map import ArgumentMap
from argmap.model import ID_PATTERN, Argument, Attack, Claim, Node, Source

__all__ = ["loads", "sadface_to_map", "sniff_sadface"]

_CONFLICT = {"conflict", "attack", "rebuttal", "undercut"}


def sadface_to_map(
    data: bytes | str, *, filename: str | None = None, lenient: bool = False
) -> Imported:
    """Read a SADFace document; returns ``(map, report)``.

    Examples
    --------
    >>> sadface_to_map(b'{"nodes": []}', filename="s.json")
    Traceback (most recent call last):
    ...
    argmap.errors.ParseError: s.json: not SADFace: expected an object with 'nodes' and 'edges'
    """
    report = ImportReport(file=filename, lenient=lenient)
    fatal = ImportReport(file=filename)
    doc = load_json(data, file=filename, what="JSON")
    if (
        not isinstance(doc, dict)
        or not isinstance(doc.get("nodes"), list)
        or not isinstance(doc.get("edges"), list)
    ):
        fatal.add("not SADFace: expected an object with 'nodes' and 'edges'", path="$")
    check_count(len(doc["nodes"]), "nodes", file=filename)  # before a model is built
    ids: dict[str, str] = {}
    raw_nodes: dict[str, dict[str, Any]] = {}
    for index, node in enumerate(doc["nodes"]):
        nid = node.get("id") if isinstance(node, dict) else None
        if not isinstance(nid, str) or not nid:
            report.add(f"nodes[{index}] has no id", path=f"nodes[{index}]")
            continue
        if node.get("type") not in ("atom", "scheme"):
            report.add(f"unknown node type {node.get('type')!r}", node=nid)
            continue
        raw_nodes[nid] = node
        ids[nid] = nid if ID_PATTERN.match(nid) else mint_id(node["type"], nid)
    ins: dict[str, list[str]] = defaultdict(list)
    outs: dict[str, list[str]] = defaultdict(list)
    for index, edge in enumerate(doc["edges"]):
        if not isinstance(edge, dict):
            report.add(f"edges[{index}] is not an object", path=f"edges[{index}]")
            continue
        src, trg = edge.get("source_id"), edge.get("target_id")
        if (
            not isinstance(src, str)
            or not isinstance(trg, str)
            or src not in raw_nodes
            or trg not in raw_nodes
        ):
            report.add(
                f"edge to a missing node ({src!r} -> {trg!r})",
                node=edge.get("id") if isinstance(edge.get("id"), str) else None,
                path=f"edges[{index}]",
            )
            continue
        outs[src].append(trg)
        ins[trg].append(src)
    core = (doc.get("metadata") or {}).get("core") or {}
    title = str(core.get("title") or "sadface")
    source = Source(
        id=slugify(str(core.get("id") or title)) or "sadface",
        text=title,
        data={"sadface": {"metadata": doc.get("metadata"), "resources": doc.get("resources")}},
    )
    nodes: list[Node] = [source]
    atoms = set()
    for nid, node in raw_nodes.items():
        if node["type"] != "atom":
            continue
        text = node.get("text")
        if not isinstance(text, str) or not text.strip():
            report.add("atom has no text", node=nid)
            continue
        extra = {k: v for k, v in node.items() if k not in ("id", "type", "text")}
        nodes.append(Claim(id=ids[nid], text=text, data={"sadface": extra} if extra else {}))
        atoms.add(nid)
    schemes = [n for n, node in raw_nodes.items() if node["type"] == "scheme"]
    supports = {n for n in schemes if str(raw_nodes[n].get("name", "")).lower() not in _CONFLICT}
    for nid in schemes:
        node = raw_nodes[nid]
        name = str(node.get("name") or "")
        extra = {k: v for k, v in node.items() if k not in ("id", "type")}
        sources = [s for s in ins[nid] if s in atoms]
        targets = outs[nid]
        if len(targets) != 1 or not sources:
            report.add(f"scheme {name!r} needs premises and exactly one target", node=nid)
            continue
        target = targets[0]
        if nid not in supports:
            if len(sources) != 1 or (target not in atoms and target not in supports):
                report.add("conflict needs one attacking atom and one target", node=nid)
                continue
            nodes.append(
                Attack(
                    id=ids[nid],
                    attacker=ids[sources[0]],
                    target=ids[target],
                    data={"sadface": extra},
                )
            )
        else:
            if target not in atoms:
                report.add("a support scheme must conclude in an atom", node=nid)
                continue
            nodes.append(
                Argument(
                    id=ids[nid],
                    premises=tuple(ids[s] for s in sources),
                    conclusion=ids[target],
                    scheme=None if name.lower() == "support" else name or None,
                    data={"sadface": extra},
                )
            )

    def refused(node: Any, exc: Exception) -> None:
        report.add(str(exc), node=getattr(node, "id", None))

    check_nodes(nodes, file=filename)
    m = ArgumentMap.from_nodes(
        nodes, name=slugify(title) or "sadface", title=title, on_error=refused
    )
    return Imported(m, report)


def loads(data: bytes | str, *, filename: str | None = None, lenient: bool = False) -> ArgumentMap:
    """Read SADFace JSON into a map (the registry's reader).

    Examples
    --------
    >>> len(loads(b'{"metadata": {"core": {}}, "nodes": [], "edges": []}'))
    1
    """
    return sadface_to_map(data, filename=filename, lenient=lenient).map


def sniff_sadface(head: bytes) -> bool:
    """True when ``head`` looks like SADFace (``source_id`` edges or ``"atom"`` nodes).

    Examples
    --------
    >>> sniff_sadface(b'{"edges": [{"id": "x", "source_id": "a"')
    True
    """
    text = head[:8192]
    return text.lstrip().startswith(b"{") and (b'"source_id"' in text or b'"atom"' in text)
