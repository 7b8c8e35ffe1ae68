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

from pydantic import ValidationError

from argmap.ids import mint_id, slugify
from argmap.io._report import Imported, ImportReport
from argmap.limits import check_count, check_nodes, load_json
from argmap.map import ArgumentMap
from argmap.model import ID_PATTERN, Argument, Attack, Claim, Node, Source, writable

__all__ = ["loads", "sadface_to_map", "sniff_sadface"]

_CONFLICT = {"conflict", "attack", "rebuttal", "undercut"}


def sadface_to_map(
    data: bytes | str, *, filename: str | None = None, lenient: bool = False
) -> Imported:
    """Read a SADFace document; returns ``(map, report)``.

    Every record is mapped or reported: a node, an edge no argument or attack holds, a
    malformed ``metadata`` block. A repeated edge is read once, with a note.

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
    reader = _Reader(report)
    for index, node in enumerate(doc["nodes"]):
        reader.node(index, node)
    for index, edge in enumerate(doc["edges"]):
        reader.edge(index, edge)
    title, source_id = _title(doc, report)
    source = Source(
        id=source_id,
        text=title,
        data={"sadface": {"metadata": doc.get("metadata"), "resources": doc.get("resources")}},
    )
    nodes = reader.build(source)

    def refused(node: Any, exc: Exception) -> None:
        report.add(str(exc), node=getattr(node, "id", None))

    check_nodes(nodes, file=filename)
    m = ArgumentMap.from_nodes(
        nodes, name=slugify(title) or "sadface", title=title, on_error=refused
    )
    return Imported(m, report)


class _Reader:
    """The nodes and edges of one document, and what became of each."""

    def __init__(self, report: ImportReport) -> None:
        self.report = report
        self.ids: dict[str, str] = {}  # SADFace id -> argmap id
        self.raw: dict[str, dict[str, Any]] = {}
        self.ins: dict[str, list[str]] = defaultdict(list)
        self.outs: dict[str, list[str]] = defaultdict(list)
        self.edge_at: dict[tuple[str, str], int] = {}  # (from, to) -> first index
        self.bad: set[str] = set()  # nodes already reported (their edges are not again)
        self.nodes: list[Node] = []

    def problem(self, message: str, nid: str) -> None:
        self.bad.add(nid)
        self.report.add(message, node=nid)

    def node(self, index: int, node: Any) -> None:
        nid = node.get("id") if isinstance(node, dict) else None
        if not isinstance(nid, str) or not nid:
            self.report.add(f"nodes[{index}] has no id", path=f"nodes[{index}]")
        elif node.get("type") not in ("atom", "scheme"):
            self.problem(f"unknown node type {node.get('type')!r}", nid)
        elif nid in self.raw:
            self.report.add("a second node with this id", node=nid, path=f"nodes[{index}]")
        else:
            self.raw[nid] = node
            self.ids[nid] = nid if ID_PATTERN.match(nid) else mint_id(node["type"], nid)

    def edge(self, index: int, edge: Any) -> None:
        if not isinstance(edge, dict):
            self.report.add(f"edges[{index}] is not an object", path=f"edges[{index}]")
            return
        src, trg = edge.get("source_id"), edge.get("target_id")
        if (
            not isinstance(src, str)
            or not isinstance(trg, str)
            or src not in self.raw
            or trg not in self.raw
        ):
            self.report.add(
                f"edge to a missing node ({src!r} -> {trg!r})",
                node=edge.get("id") if isinstance(edge.get("id"), str) else None,
                path=f"edges[{index}]",
            )
        elif (src, trg) in self.edge_at:
            self.report.note(
                f"edge {src!r} -> {trg!r} repeats edges[{self.edge_at[src, trg]}]: read once"
            )
        else:
            self.edge_at[src, trg] = index
            self.outs[src].append(trg)
            self.ins[trg].append(src)

    def add(self, nid: str, cls: type[Node], **fields: Any) -> bool:
        """Build one node; a field the model refuses is a problem at ``nid``."""
        try:
            self.nodes.append(cls(**fields))
        except ValidationError as exc:
            self.problem(exc.errors()[0]["msg"].removeprefix("Value error, "), nid)
            return False
        return True

    def build(self, source: Source) -> list[Node]:
        self.nodes = [source]
        used: set[tuple[str, str]] = set()  # edges an argument or an attack holds
        atoms = set()
        for nid, node in self.raw.items():
            if node["type"] != "atom":
                continue
            text = node.get("text")
            if not isinstance(text, str) or not text.strip():
                self.problem("atom has no text", nid)
                continue
            extra = {k: v for k, v in node.items() if k not in ("id", "type", "text")}
            data = {"sadface": extra} if extra else {}
            if self.add(nid, Claim, id=self.ids[nid], text=text, data=data):
                atoms.add(nid)
        for nid, node in self.raw.items():
            if node["type"] == "scheme" and self._scheme(nid, node, atoms):
                used.update((s, nid) for s in self.ins[nid] if s in atoms)
                used.add((nid, self.outs[nid][0]))
        for (src, trg), index in self.edge_at.items():
            if (src, trg) not in used and not {src, trg} & self.bad:
                self.report.add(
                    f"edge {src!r} -> {trg!r} is part of no argument or attack",
                    path=f"edges[{index}]",
                )
        return self.nodes

    def _scheme(self, nid: str, node: dict[str, Any], atoms: set[str]) -> bool:
        name = str(node.get("name") or "")
        extra = {k: v for k, v in node.items() if k not in ("id", "type")}
        sources = [s for s in self.ins[nid] if s in atoms]  # others: undercuts, or reported
        targets = self.outs[nid]
        if len(targets) != 1 or not sources:
            self.problem(f"scheme {name!r} needs premises and exactly one target", nid)
            return False
        target = targets[0]
        if _is_conflict(node):
            supports = self.raw.get(target, {}).get("type") == "scheme" and not _is_conflict(
                self.raw[target]
            )
            if len(sources) != 1 or (target not in atoms and not supports):
                self.problem("conflict needs one attacking atom and one target", nid)
                return False
            return self.add(
                nid,
                Attack,
                id=self.ids[nid],
                attacker=self.ids[sources[0]],
                target=self.ids[target],
                data={"sadface": extra},
            )
        if target not in atoms:
            self.problem("a support scheme must conclude in an atom", nid)
            return False
        return self.add(
            nid,
            Argument,
            id=self.ids[nid],
            premises=tuple(self.ids[s] for s in sources),
            conclusion=self.ids[target],
            scheme=None if name.lower() == "support" else name or None,
            data={"sadface": extra},
        )


def _is_conflict(node: dict[str, Any]) -> bool:
    return str(node.get("name", "")).lower() in _CONFLICT


def _title(doc: dict[str, Any], report: ImportReport) -> tuple[str, str]:
    """The map title (``metadata.core.title``) and the source id (``core.id``, else the
    title); a malformed ``metadata`` block or a title RDF cannot carry is a problem."""
    meta = doc.get("metadata")
    core = meta.get("core") if isinstance(meta, dict) else None
    if meta is not None and not isinstance(meta, dict):
        report.add("metadata is not an object", path="metadata")
    elif core is not None and not isinstance(core, dict):
        report.add("metadata.core is not an object", path="metadata.core")
    core = core if isinstance(core, dict) else {}
    title = core.get("title")
    if title is not None and not isinstance(title, str):
        report.add("the title is not a string", path="metadata.core.title")
        title = None
    try:
        title = writable(title) if title else "sadface"
    except ValueError as exc:
        report.add(str(exc), path="metadata.core.title")
        title = "sadface"
    return title, slugify(str(core.get("id") or title)) or "sadface"


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
