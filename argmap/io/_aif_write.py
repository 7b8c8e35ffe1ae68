"""Writing AIF and xAIF: :func:`map_to_aif`, :func:`dumps`, :func:`dumps_xaif`.

Re-exported by :mod:`argmap.io.aif`, which describes the mapping both ways.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from argmap.io._aif_schema import (
    AifDocument,
    AifEdge,
    AifNode,
    aif_document_to_json,
    json_id,
)
from argmap.map import ArgumentMap
from argmap.model import Node, Stance

_ROLE_ILLOCUTION = {"asserts": "Asserting", "endorses": "Agreeing", "opposes": "Disagreeing"}


_DOC_KEY = "document"


def _aif_data(node: Node) -> dict[str, Any]:
    """The node's ``data["aif"]`` (an empty dict when it has none)."""
    value = node.data.get("aif")
    return value if isinstance(value, dict) else {}


@dataclass
class AifExport:
    """What :func:`map_to_aif` made: the JSON value and what AIF could not carry."""

    json: dict[str, Any]
    skipped: list[str] = field(default_factory=list)


class _Writer:
    def __init__(self, m: ArgumentMap, xaif: bool | None) -> None:
        self.m = m
        self.doc = AifDocument()
        self.skipped: list[str] = []
        self.xaif = xaif
        self.edge_ids: set[str] = set()
        self.int_edges = False
        self.next_edge = 1
        self.node_keys: dict[str, str] = {}  # argmap id -> AIF key
        self.pending_edges: list[dict[str, Any]] = []

    def aif_id(self, node: Node) -> Any:
        aif = _aif_data(node)
        if "nodeID" in aif:
            return aif["nodeID"]
        return node.id

    def run(self) -> AifExport:
        m = self.m
        docs = [s for s in m.sources() if _DOC_KEY in _aif_data(s)]
        residues = [s.data["aif"][_DOC_KEY] for s in docs]
        for res in residues:
            for raw in res.get("edges", []):
                self._note_edge_id(raw)
        for node in m.nodes():
            aif = _aif_data(node)
            for raw in aif.get("edges", []):
                self._note_edge_id(raw)
        for node in m.nodes():
            self.node_keys[node.id] = str(self.aif_id(node))
        for node in m.statements():
            self._node(node, "I", node.text)
        for arg in m.arguments():
            self._relation(arg, "RA", [*arg.premises], arg.conclusion, arg.scheme)
        for att in m.attacks():
            self._relation(att, "CA", [*att.attackers], att.target, None)
        for res in residues:
            for raw in res.get("nodes", []):
                self._raw_node(raw)
        for stance in m.stances():
            self._stance(stance)
        for res in residues:
            for raw in res.get("edges", []):
                self._raw_edge(raw)
        for raw in self.pending_edges:
            self._raw_edge(raw)
        self._tables(residues)
        for node in m.nodes(kind=("alternative", "issue")):
            self.skipped.append(f"{node.kind} {node.id!r}")
        for source in m.sources():
            if source not in docs:
                self.skipped.append(f"source {source.id!r}")
        if any(True for _ in m.abouts()):
            self.skipped.append("about-edges")
        return AifExport(aif_document_to_json(self.doc), self.skipped)

    # -- nodes and edges ---------------------------------------------------------------
    def _note_edge_id(self, raw: dict[str, Any]) -> None:
        eid = raw.get("edgeID")
        if isinstance(eid, int) and not isinstance(eid, bool):
            self.int_edges = True
        key = json_id(eid)
        if key is not None:
            self.edge_ids.add(key)
            if key.isdigit():
                self.next_edge = max(self.next_edge, int(key) + 1)

    def _raw_node(self, raw: dict[str, Any]) -> None:
        key = json_id(raw.get("nodeID"))
        if key is not None and key not in self.doc.nodes:
            self.doc.nodes[key] = AifNode(
                key, raw["nodeID"], str(raw.get("type")), str(raw.get("text", "")), raw
            )

    def _node(self, node: Node, ntype: str, text: str) -> str:
        aif = _aif_data(node)
        raw: dict[str, Any] = {"nodeID": self.aif_id(node), "text": text, "type": ntype}
        for k, v in aif.items():
            if k not in ("nodeID", "text", "type", "edges", "L", _DOC_KEY):
                raw[k] = v
        key = str(raw["nodeID"])
        self.doc.nodes[key] = AifNode(key, raw["nodeID"], ntype, text, raw)
        return key

    def _edge(self, node: Node, from_key: str, to_key: str) -> None:
        aif = _aif_data(node)
        for raw in aif.get("edges", []):
            if json_id(raw.get("fromID")) == from_key and json_id(raw.get("toID")) == to_key:
                self.doc.edges.append(AifEdge(json_id(raw.get("edgeID")), from_key, to_key, raw))
                return
        while str(self.next_edge) in self.edge_ids:
            self.next_edge += 1
        eid: Any = self.next_edge if self.int_edges else str(self.next_edge)
        self.edge_ids.add(str(self.next_edge))
        raw = {"edgeID": eid, "fromID": self._id_value(from_key), "toID": self._id_value(to_key)}
        self.doc.edges.append(AifEdge(str(eid), from_key, to_key, raw))

    def _id_value(self, key: str) -> Any:
        node = self.doc.nodes.get(key)
        return node.raw_id if node is not None else key

    def _raw_edge(self, raw: dict[str, Any]) -> None:
        f, t = json_id(raw.get("fromID")), json_id(raw.get("toID"))
        if f in self.doc.nodes and t in self.doc.nodes and f is not None and t is not None:
            self.doc.edges.append(AifEdge(json_id(raw.get("edgeID")), f, t, raw))
        else:
            self.skipped.append(f"edge {raw.get('edgeID')!r}: an end was removed from the map")

    def _relation(
        self, node: Node, ntype: str, sources: list[str], target: str, scheme: str | None
    ) -> None:
        aif = _aif_data(node)
        default = "Default Inference" if ntype == "RA" else "Default Conflict"
        stored = aif.get("text")
        text = stored if isinstance(stored, str) else (scheme or default)
        key = self._node(node, ntype, text)
        if scheme and "scheme" not in aif and "text" not in aif:
            self.doc.nodes[key].raw["scheme"] = scheme
        question = getattr(node, "question", None)
        if question is not None:  # an argmap extension (see argmap.io.aif)
            self.doc.nodes[key].raw["question"] = question
        for src in sources:
            self._edge(node, self.node_keys[src], key)
        self._edge(node, key, self.node_keys[target])

    def _stance(self, stance: Stance) -> None:
        aif = _aif_data(stance)
        loc = json_id(aif.get("L")) if aif else None
        target_key = self.node_keys[stance.target]
        if loc is not None and loc in self.doc.nodes:
            key = self._node(stance, "YA", stance.text or _ROLE_ILLOCUTION.get(stance.role, ""))
            self._edge(stance, loc, key)
            self._edge(stance, key, target_key)
            return
        if stance.role not in _ROLE_ILLOCUTION or target_key not in self.doc.nodes:
            self.skipped.append(f"stance {stance.id!r} ({stance.role})")
            return
        actor = self.m[stance.actor]
        target = self.m[stance.target]
        loc_key = f"{stance.id}-L"
        raw = {"nodeID": loc_key, "text": f"{actor.text} : {target.text}", "type": "L"}
        self.doc.nodes[loc_key] = AifNode(loc_key, loc_key, "L", raw["text"], raw)
        key = self._node(stance, "YA", _ROLE_ILLOCUTION[stance.role])
        self._edge(stance, loc_key, key)
        self._edge(stance, key, target_key)

    def _reorder(self, residues: list[dict[str, Any]]) -> None:
        """Put nodes and edges back in the order of the file they were read from."""
        node_order: dict[str | None, int] = {}
        edge_order: dict[str | None, int] = {}
        for res in residues:
            for key in res.get("node_order", []):
                node_order.setdefault(key, len(node_order))
            for key in res.get("edge_order", []):
                edge_order.setdefault(key, len(edge_order))
        if node_order:
            rank = _order_key(node_order)
            self.doc.nodes = dict(sorted(self.doc.nodes.items(), key=lambda kv: rank(kv[0])))
        if edge_order:
            rank = _order_key(edge_order)
            self.doc.edges.sort(key=lambda e: rank(e.id))

    def _tables(self, residues: list[dict[str, Any]]) -> None:
        doc = self.doc
        keys: list[str] = []
        for res in residues:
            for k in res.get("keys", []):
                if k not in keys:
                    keys.append(k)
            doc.locutions.extend(res.get("locutions", []))
            if "participants" in res:
                doc.participants = doc.participants or []
                rest = iter(res["participants"])
                for actor_id in res.get("participants_order", []):
                    if actor_id is None:
                        doc.participants.append(next(rest))
                    elif actor_id in self.m:
                        part = _aif_data(self.m[actor_id]).get("participant")
                        if part is not None:
                            doc.participants.append(part)
                doc.participants.extend(rest)
            for k, v in (res.get("other") or {}).items():
                doc.other.setdefault(k, v)
            if res.get("wrapper") is not None and doc.wrapper is None:
                doc.wrapper = res["wrapper"]
        doc.keys = tuple(keys) if keys else ("nodes", "edges", "locutions")
        self._reorder(residues)
        if self.xaif is True and doc.wrapper is None:
            doc.wrapper = {"OVA": {}, "text": ""}
            doc.participants = doc.participants if doc.participants is not None else []
            doc.keys = (*doc.keys, "participants") if "participants" not in doc.keys else doc.keys
        if self.xaif is False:
            doc.wrapper = None


def _order_key(order: dict[str | None, int]) -> Any:
    return lambda key: order.get(key, len(order))


def map_to_aif(m: ArgumentMap, *, xaif: bool | None = None) -> AifExport:
    """The map as AIF JSON (a dict), and a list of what AIF could not carry.

    ``xaif``: None keeps the shape the map was read from; True wraps in
    ``{"AIF": ..., "OVA": ..., "text": ...}``; False writes plain AIF.

    Examples
    --------
    >>> m = ArgumentMap("w")
    >>> a = m.argue([m.claim("P.", id="p")], m.claim("C.", id="c"), id="a")
    >>> out = map_to_aif(m)
    >>> sorted((n["nodeID"], n["type"]) for n in out.json["nodes"])
    [('a', 'RA'), ('c', 'I'), ('p', 'I')]
    >>> sorted((e["fromID"], e["toID"]) for e in out.json["edges"])
    [('a', 'c'), ('p', 'a')]
    """
    return _Writer(m, xaif).run()


def dumps(m: ArgumentMap) -> bytes:
    """The map as AIF JSON bytes (UTF-8, indented).

    Examples
    --------
    >>> dumps(ArgumentMap("e")).decode()
    '{\\n  "nodes": [],\\n  "edges": [],\\n  "locutions": []\\n}'
    """
    return json.dumps(map_to_aif(m, xaif=False).json, ensure_ascii=False, indent=2).encode()


def dumps_xaif(m: ArgumentMap) -> bytes:
    """The map as xAIF bytes: ``{"AIF": {...}, "OVA": ..., "text": ...}``.

    Examples
    --------
    >>> sorted(json.loads(dumps_xaif(ArgumentMap("e"))))
    ['AIF', 'OVA', 'text']
    """
    return json.dumps(map_to_aif(m, xaif=True).json, ensure_ascii=False, indent=2).encode()
