"""Writing: node models straight to sorted N-Triples lines."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from argmap.errors import ModelError
from argmap.ids import iri_for
from argmap.map import ArgumentMap
from argmap.model import (
    Actor,
    Alternative,
    Argument,
    Attack,
    Evidence,
    Node,
    Source,
    Stance,
)
from argmap.namespace import NS
from argmap.vocab import (
    RDF_JSON,
    XSD,
)

if TYPE_CHECKING:
    import rdflib
from argmap.rdf._terms import (
    _IRI_TERM,
    _P,
    _T_ACTOR,
    _T_ANCHOR,
    _T_ATTACK,
    _T_CLASS,
    _T_INT,
    _T_ROLE,
    _T_SAME_AS,
    _T_TYPE,
    _anchor_iri,
    _date_literal,
    _iri,
    _lit,
    _typed,
)


def ntriples_lines(m: ArgumentMap, *, sort: bool = True) -> list[str]:
    """The map as N-Triples lines (without newlines).

    Nodes come in the order of their IRIs, each with its anchors right after it, then
    the map's own triples and the foreign triples it keeps: the same map always gives
    the same lines. ``sort=False`` keeps insertion order (a little faster).
    :func:`iter_ntriples_lines` gives the same lines one at a time.
    """
    base = m.base
    nodes = m._nodes
    iris = {nid: _iri(n.iri or iri_for(base, nid)) for nid, n in nodes.items()}
    order = sorted(nodes, key=iris.__getitem__) if sort else list(nodes)
    lines: list[str] = []
    write = _NodeWriter(m, iris.__getitem__, lines.append)
    for nid in order:
        write(nid, nodes[nid], iris[nid])
    lines.extend(_map_lines(m))
    lines.extend(sorted(m.extra) if sort else m.extra)
    return lines


def iter_ntriples_lines(m: ArgumentMap) -> Iterator[str]:
    """The lines of :func:`ntriples_lines` ``(m, sort=False)``, made one node at a time.

    Memory stays at one node's lines (plus an index of the map's ``about`` links),
    however large the map: for streaming a big map to a file or a store. The order is
    the map's insertion order, so two maps with equal content may give their lines in
    different orders; compare them as sets, or use :func:`ntriples_lines` for stable
    output.

    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap("demo"); _ = m.claim("A claim.", id="c")
    >>> sorted(iter_ntriples_lines(m)) == ntriples_lines(m)
    True
    """
    base = m.base
    nodes = m._nodes

    def iri_of(nid: str) -> str:
        node = nodes[nid]
        return _iri(node.iri or iri_for(base, nid))

    lines: list[str] = []
    write = _NodeWriter(m, iri_of, lines.append)
    for nid, node in nodes.items():
        write(nid, node, iri_of(nid))
        yield from lines
        lines.clear()
    yield from _map_lines(m)
    yield from m.extra


def ntriples_count(m: ArgumentMap) -> int:
    """How many lines :func:`ntriples_lines` gives for ``m``, without writing them.

    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap("demo"); _ = m.claim("A claim.", id="c")
    >>> ntriples_count(m) == len(ntriples_lines(m))
    True
    """
    count = 0
    labels, strengths = m.labels, m.strengths
    for nid, node in m._nodes.items():
        count += (
            1
            + bool(node.text)
            + (node.label is not None)
            + (node.iri is not None)
            + len(node.tags)
            + len(node.same_as)
            + bool(node.data)
            + (nid in labels)
            + (nid in strengths)
        )
        kind = node.kind
        if kind == "argument":
            assert isinstance(node, Argument)
            count += len(node.premises) + 1 + (node.scheme is not None)
            count += node.question is not None
        elif kind == "attack":
            assert isinstance(node, Attack)
            count += 3 + len(node.co_attackers) + (node.question is not None)
        elif kind == "stance":
            count += 3
        elif kind == "actor":
            count += 1
        elif kind == "evidence":
            assert isinstance(node, Evidence)
            count += node.source is not None
        elif kind == "alternative":
            assert isinstance(node, Alternative)
            count += node.issue is not None
        elif kind == "source":
            assert isinstance(node, Source)
            count += (
                (node.author is not None)
                + (node.publisher is not None)
                + (node.date is not None)
                + (node.url is not None)
            )
        for anchor in node.anchors:
            count += (
                4
                + bool(anchor.prefix)
                + bool(anchor.suffix)
                + (anchor.start is not None)
                + (anchor.end is not None)
            )
    count += len(m._abouts)
    return count + 1 + bool(m.title) + bool(m.semantics) + len(m.extra)


class _NodeWriter:
    """Writes one node's lines (the node, its ``about`` links, its anchors) to ``add``."""

    def __init__(
        self, m: ArgumentMap, iri_of: Callable[[str], str], add: Callable[[str], None]
    ) -> None:
        self.m = m
        self.iri_of = iri_of
        self.add = add
        self.abouts: dict[str, list[str]] = {}
        for stmt, subject in m._abouts:
            self.abouts.setdefault(stmt, []).append(subject)
        # IRIs a minted anchor IRI must not reuse: those of foreign triples (found by
        # fuzzing: reusing one merged foreign data into the anchor on reading) and of
        # nodes whose id or IRI looks like an anchor's
        self.taken: set[str] = {t for line in m.extra for t in _IRI_TERM.findall(line)}
        self.taken.update(
            iri_of(nid)
            for nid, node in m._nodes.items()
            if nid.startswith("anchor-") or node.iri is not None
        )

    def __call__(self, nid: str, node: Node, s: str) -> None:
        m, add, iri_of, p = self.m, self.add, self.iri_of, _P
        kind = node.kind
        add(f"{s} {_T_TYPE} {_T_CLASS[kind]} .")
        if node.text:
            add(f"{s} {p['text']} {_lit(node.text)} .")
        if node.label is not None:
            add(f"{s} {p['label']} {_lit(node.label)} .")
        if node.iri is not None:
            add(f"{s} {p['id']} {_lit(nid)} .")
        for tag in node.tags:
            add(f"{s} {p['tag']} {_lit(tag)} .")
        for other in node.same_as:
            add(f"{s} {_T_SAME_AS} {_iri(other)} .")
        if node.data:
            add(f"{s} {p['data']} {_typed(_json(node.data), RDF_JSON)} .")
        if nid in m.labels:
            add(f"{s} {p['acceptability']} {_lit(m.labels[nid])} .")
        if nid in m.strengths:
            add(f"{s} {p['strength']} {_typed(repr(float(m.strengths[nid])), XSD + 'double')} .")
        if kind == "argument":
            assert isinstance(node, Argument)
            for premise in node.premises:
                add(f"{s} {p['premise']} {iri_of(premise)} .")
            add(f"{s} {p['conclusion']} {iri_of(node.conclusion)} .")
            if node.scheme is not None:
                add(f"{s} {p['scheme']} {_lit(node.scheme)} .")
            if node.question is not None:
                add(f"{s} {p['question']} {_lit(node.question)} .")
        elif kind == "attack":
            assert isinstance(node, Attack)
            for attacker in node.attackers:
                add(f"{s} {p['attacker']} {iri_of(attacker)} .")
            add(f"{s} {p['target']} {iri_of(node.target)} .")
            attack_type = node.attack_type or m._derive_attack_type(node.target)
            add(f"{s} {p['attackType']} {_T_ATTACK[attack_type]} .")
            if node.question is not None:
                add(f"{s} {p['question']} {_lit(node.question)} .")
        elif kind == "stance":
            assert isinstance(node, Stance)
            add(f"{s} {p['actor']} {iri_of(node.actor)} .")
            add(f"{s} {p['role']} {_T_ROLE[node.role]} .")
            add(f"{s} {p['target']} {iri_of(node.target)} .")
        elif kind == "actor":
            assert isinstance(node, Actor)
            add(f"{s} {p['actorType']} {_T_ACTOR[node.actor_type]} .")
        elif kind == "evidence":
            assert isinstance(node, Evidence)
            if node.source is not None:
                add(f"{s} {p['source']} {iri_of(node.source)} .")
        elif kind == "alternative":
            assert isinstance(node, Alternative)
            if node.issue is not None:
                add(f"{s} {p['issue']} {iri_of(node.issue)} .")
        elif kind == "source":
            assert isinstance(node, Source)
            if node.author is not None:
                add(f"{s} {p['author']} {iri_of(node.author)} .")
            if node.publisher is not None:
                add(f"{s} {p['publisher']} {iri_of(node.publisher)} .")
            if node.date is not None:
                add(f"{s} {p['date']} {_date_literal(node.date)} .")
            if node.url is not None:
                add(f"{s} {p['url']} {_iri(node.url)} .")
        if nid in self.abouts:
            for subject in sorted(self.abouts[nid]):
                add(f"{s} {p['about']} {iri_of(subject)} .")
        for anchor in node.anchors:
            a = _iri(_anchor_iri(m.base, nid, anchor.sort_key()))
            if a in self.taken:
                a = next(
                    f"{a[:-1]}-{i}>" for i in range(2, 10**6) if f"{a[:-1]}-{i}>" not in self.taken
                )
            add(f"{s} {p['anchor']} {a} .")
            add(f"{a} {_T_TYPE} {_T_ANCHOR} .")
            add(f"{a} {p['source']} {iri_of(anchor.source)} .")
            add(f"{a} {p['exact']} {_lit(anchor.exact)} .")
            if anchor.prefix:
                add(f"{a} {p['prefix']} {_lit(anchor.prefix)} .")
            if anchor.suffix:
                add(f"{a} {p['suffix']} {_lit(anchor.suffix)} .")
            if anchor.start is not None:
                add(f'{a} {p["start"]} "{anchor.start}"{_T_INT} .')
            if anchor.end is not None:
                add(f'{a} {p["end"]} "{anchor.end}"{_T_INT} .')


def _map_lines(m: ArgumentMap) -> list[str]:
    """The map's own triples."""
    map_iri = _iri(m.iri)
    lines = [f"{map_iri} {_T_TYPE} {_iri(NS + 'ArgumentMap')} ."]
    if m.title:
        lines.append(f"{map_iri} {_P['title']} {_lit(m.title)} .")
    if m.semantics:
        lines.append(f"{map_iri} {_P['semantics']} {_lit(m.semantics)} .")
    return lines


def _json(data: dict[str, Any]) -> str:
    try:
        return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    except (TypeError, ValueError) as exc:
        raise ModelError(f"node data is not JSON: {exc}") from None


def ntriples(m: ArgumentMap) -> bytes:
    """The map as one N-Triples document (UTF-8)."""
    try:
        return ("\n".join(ntriples_lines(m)) + "\n").encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ModelError(f"the map holds text that is not valid Unicode: {exc}") from None


def to_rdflib(m: ArgumentMap) -> rdflib.Graph:
    """The map as an :class:`rdflib.Graph` (with the ``am:`` prefix bound).

    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap("g"); _ = m.claim("Claim.", id="c")
    >>> len(to_rdflib(m))
    3
    """
    import rdflib

    g = rdflib.Graph()
    g.bind("am", NS)
    g.parse(data=ntriples(m).decode("utf-8"), format="nt")
    return g
