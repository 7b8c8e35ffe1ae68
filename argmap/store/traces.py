"""Traces worked out at push time and kept beside the map: the *companion graph*.

:func:`argmap.store.trace` against a large map spends almost all its time moving the
part of the map a trace reads (thousands of nodes with their anchors, attacks and
stances) out of the store and reading it into models; the walk in the store is a small
share. So :func:`argmap.store.push` (``traces=True``, the default) traces every
recommendation in memory while it pushes, and writes, for each, one literal holding what
that trace reads: the fields of its nodes and the effective types of its attacks. The
literals go to a named graph of their own beside the data graph ``D``::

    GRAPH <D-traces> {
      <rec IRI> st:id "rec" ; st:trace "<JSON, compressed, in base64>" .
    }

and the swap that makes ``D`` current also writes ``<D> st:traces <D-traces>`` in the
catalog, in the same update. A reader finds the companion only through the current data
graph's catalog line, and each literal names ``D`` again, so a companion is never read
for another version of the map: a push without traces (``traces=False``, ``argmap push
--no-traces``), or of an edited map, makes a new ``D`` and the trace goes back to the
live path until a push with traces. Removing a version (replace, :func:`delete`,
:func:`gc`) removes its companion with it.

The trade-off: the push does more work (a trace of every recommendation in memory, and
more triples to upload; ``benchmarks/RESULTS.md`` gives the figures for the 1e6-node
map), and the companion holds a copy of each recommendation's part of the map, so maps
whose recommendations share most of their support store that support once per
recommendation. A trace of a statement that is not a recommendation, or of a map pushed
without traces, takes the live path (:func:`argmap.store.query.trace`).

Examples
--------
>>> from argmap import ArgumentMap, trace as trace_in_memory
>>> from argmap.store import open_store, push
>>> m = ArgumentMap("c"); r = m.recommendation("Act.", id="r")
>>> _ = m.argue([m.evidence("It works.", id="e")], r, id="a")
>>> store = open_store(None); info = push(m, store)
>>> info.traces
1
>>> stored_trace(store, m.iri, "r") == trace_in_memory(m, "r")
True
"""

from __future__ import annotations

import base64
import json
import warnings
import zlib
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, cast

import pyoxigraph as ox

from argmap.errors import ArgmapError, StoreCleanupWarning, StoreProtocolError
from argmap.model import MODEL_BY_KIND, STATEMENT_KINDS, Argument, Attack, Stance
from argmap.queries import sparql_term
from argmap.store._traceread import ANCHOR_ORDER, EAGER, FORMAT, Unreadable, decode
from argmap.store.catalog import _PREFIX, CATALOG, ST, _count, _iri
from argmap.util import no_gc
from argmap.vocab import MULTI_REFERENCES, SINGLE_REFERENCES

if TYPE_CHECKING:
    from argmap.map import ArgumentMap
    from argmap.model import Node
    from argmap.query.trace import Trace
    from argmap.store.base import Store

__all__ = [
    "TRACES_SUFFIX",
    "companion_lines",
    "companion_name",
    "stored_trace",
    "upload_companion",
]

#: What the name of a data graph's companion adds to it.
TRACES_SUFFIX = "-traces"
_REF_FIELDS = (*SINGLE_REFERENCES, *MULTI_REFERENCES)


def companion_name(data: str) -> str:
    """The named graph holding the stored traces of data graph ``data``.

    >>> companion_name("https://w3id.org/argmap/map/x#argmap-20261203T070000Z-0123abcd")
    'https://w3id.org/argmap/map/x#argmap-20261203T070000Z-0123abcd-traces'
    """
    return data + TRACES_SUFFIX


# ---------------------------------------------------------------------- writing


class _Around:
    """Who points at whom in a map, for finding the part of it a trace reads."""

    def __init__(self, m: ArgumentMap) -> None:
        self.nodes: dict[str, Node] = dict(m._nodes)
        self.on: dict[str, list[Attack | Stance]] = {}  # target -> attacks and stances
        self.abouts: dict[str, list[str]] = {}
        for node in self.nodes.values():
            if node.kind == "attack" or node.kind == "stance":
                self.on.setdefault(node.target, []).append(node)
        for statement, subject in m._abouts:
            self.abouts.setdefault(statement, []).append(subject)

    def named(self, node: Node) -> Iterator[str]:
        """The nodes ``node`` names (what the live path follows: references, anchors'
        sources, ``about`` subjects)."""
        fields = node.__dict__
        for name in _REF_FIELDS:
            value = fields.get(name)
            if isinstance(value, str):
                yield value
            elif isinstance(value, tuple):
                yield from value
        for anchor in node.anchors:
            yield anchor.source
        yield from self.abouts.get(node.id, ())

    def part(self, start: list[str]) -> dict[str, Node]:
        """The nodes a trace over ``start`` (root, premises, arguments) reads, by id: those,
        the attacks and stances on them, then, until nothing new is named, the nodes named
        so far and the attacks on them and on the attacks taken."""
        nodes, on = self.nodes, self.on
        out: dict[str, Node] = {n: nodes[n] for n in start}
        todo: list[str] = list(start)
        for n in start:
            for rel in on.get(n, ()):
                if rel.id not in out:
                    out[rel.id] = rel
                    todo.append(rel.id)
        seen_attacks: set[str] = set()
        while todo:
            nxt: list[str] = []
            for n in todo:
                node = out[n]
                for ref in self.named(node):
                    if ref not in out and ref in nodes:
                        out[ref] = nodes[ref]
                        nxt.append(ref)
                if node.kind == "attack" and n not in seen_attacks:
                    seen_attacks.add(n)
                    for rel in on.get(n, ()):
                        if rel.kind == "attack" and rel.id not in out:
                            out[rel.id] = rel
                            nxt.append(rel.id)
            for n in list(nxt):
                for rel in on.get(n, ()):
                    if rel.kind == "attack" and rel.id not in out:
                        out[rel.id] = rel
                        nxt.append(rel.id)
            todo = nxt
        return out


def _row(node: Node, defaults: dict[str, Any]) -> dict[str, Any]:
    """A node's fields that differ from the defaults of its kind (anchors as lists)."""
    out: dict[str, Any] = {}
    for name, value in node.__dict__.items():
        if name == "anchors":
            if value:
                out[name] = [[getattr(a, f) for f in ANCHOR_ORDER] for a in value]
        elif name != "kind" and value != defaults.get(name, _MISSING):
            out[name] = value
    return out


_MISSING = object()
_DEFAULTS = {
    kind: {n: f.default for n, f in cls.model_fields.items() if not f.is_required()}
    for kind, cls in MODEL_BY_KIND.items()
}
for _d in _DEFAULTS.values():
    _d["data"] = {}
    _d.pop("kind")  # the reader knows the kind from the group a row is in


def _payload(t: Trace, part: dict[str, Node], types: dict[str, str], data: str) -> str:
    """One stored trace: the support structure and the attacks and stances, read at once,
    and the fields of every other node as JSON text of its own, read on first use."""
    eager: dict[str, list[dict[str, Any]]] = {}
    lazy: dict[str, list[dict[str, Any]]] = {}
    statements: list[list[Any]] = []
    arguments: list[list[Any]] = []
    for n in sorted(part):
        node = part[n]
        kind = node.kind
        (eager if kind in EAGER else lazy).setdefault(kind, []).append(
            _row(node, _DEFAULTS[kind])
        )
        if kind in STATEMENT_KINDS:
            statements.append([n, kind, node.iri])
        elif kind == "argument":
            arg = cast("Argument", node)
            arguments.append([n, arg.conclusion, list(arg.premises), node.iri])
    doc = {
        "format": FORMAT,
        "data": data,
        "map": [t.map_iri, t._ix.map_name, t._ix.base],
        "root": t.root,
        "types": {n: types[n] for n in sorted(part) if n in types},
        "statements": statements,
        "arguments": arguments,
        "relations": eager,
        "iris": {n: part[n].iri for n in sorted(part) if part[n].iri},
    }
    # two JSON documents, one a line: the second is parsed only when its models are read
    text = _json(doc) + "\n" + _json(lazy)
    return base64.b64encode(zlib.compress(text.encode("utf-8"), 6)).decode("ascii")


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def companion_lines(m: ArgumentMap, data: str) -> Iterator[str]:
    """The N-Triples lines of the companion of ``m`` pushed to data graph ``data``: for
    each recommendation, its id and its stored trace (two lines), one trace at a time."""
    from argmap.query.trace import support_index, trace_at

    around = _Around(m)
    ix = support_index(m)
    id_pred, trace_pred = f"<{ST}id>", f"<{ST}trace>"
    for k in ix.recommendations:
        rec_id = ix.stmt_ids[k]
        with no_gc():
            t = trace_at(ix, k)
            part = around.part(t._node_ids)
            payload = _payload(t, part, ix.attack_types, data)
        subject = sparql_term(ix.iri(rec_id), iri=True)
        yield f"{subject} {id_pred} {sparql_term(rec_id)} ."
        yield f'{subject} {trace_pred} "{payload}" .'


_BATCH_BYTES = 8_000_000  # a request of the companion's upload, at most (unless one line is more)


def upload_companion(store: Store, m: ArgumentMap, data: str) -> int:
    """Write the companion of ``m`` (pushed to data graph ``data``) to its named graph,
    check the store holds all of it; the number of traces stored.

    Nothing reads the companion before the swap names it in the catalog, so the upload
    need not be one transaction.

    Raises:
        StoreProtocolError: the store holds fewer triples than were sent.
    """
    target = companion_name(data)
    lines = 0
    batch: list[str] = []
    size = 0
    for line in companion_lines(m, data):
        batch.append(line)
        size += len(line) + 1
        lines += 1
        if size >= _BATCH_BYTES:
            store.append(target, ("\n".join(batch) + "\n").encode("utf-8"))
            batch, size = [], 0
    if batch:
        store.append(target, ("\n".join(batch) + "\n").encode("utf-8"))
    stored = _count(store, target) if lines else 0
    if stored != lines:
        raise StoreProtocolError(
            f"the store holds {stored} triples of the {lines} sent to <{target}> (stored traces)"
        )
    return lines // 2


# ---------------------------------------------------------------------- reading


def _lookup_query(graph: str, ref: str) -> str:
    c, g = _iri(CATALOG), _iri(graph)
    head = f"GRAPH {c} {{ {g} st:current ?d . ?d st:traces ?tg }}"
    branches = [f"{{ {head} GRAPH ?tg {{ ?r st:id {sparql_term(ref)} ; st:trace ?t }} }}"]
    if ":" in ref:
        try:
            iri = sparql_term(ref, iri=True)
        except ArgmapError:
            iri = None
        if iri is not None:
            branches.append(
                f"{{ {head} GRAPH ?tg {{ {iri} st:trace ?t }} BIND ({iri} AS ?r) }}"
            )
    return _PREFIX + "SELECT ?d ?r ?t WHERE {\n" + "\nUNION\n".join(branches) + "\n}"


def stored_trace(store: Store, graph: str, ref: str) -> Trace | None:
    """The trace of recommendation ``ref`` (its id or IRI) stored beside the current
    version of ``graph``; None when there is none to use (no companion, a statement
    that is not a recommendation, a text reference, or a literal this version of argmap
    cannot read, which it also warns about). One request."""
    rows = store.select(_lookup_query(graph, ref))
    found = {
        (row["d"].value, row["r"].value): row["t"]
        for row in rows
        if isinstance(row.get("t"), ox.Literal)
        and isinstance(row.get("d"), ox.NamedNode)
        and isinstance(row.get("r"), ox.NamedNode)
    }
    if len(found) != 1:
        return None  # none, or an id and an IRI naming two recommendations: the careful path
    (data, rec_iri), literal = next(iter(found.items()))
    where = f"stored trace of <{rec_iri}> in <{companion_name(data)}> at {store.location}"
    try:
        return decode(literal.value, data, where)
    except Unreadable as exc:
        warnings.warn(
            f"{where}: {exc}; traced from the map instead (push the map again to rewrite it)",
            StoreCleanupWarning,
            stacklevel=3,
        )
        return None


