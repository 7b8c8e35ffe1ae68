"""Whole-map operations as functions: copy, merge and compose (like networkx's ``compose``),
build from node models, and removal with its cascade.

The :class:`ArgumentMap` methods ``copy``, ``merge``, ``from_nodes`` and ``remove`` call
these; the functions take any map and make new maps of the same class.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from argmap.errors import DuplicateNode, MergeConflict, ModelError, NodeNotFound
from argmap.ids import iri_for
from argmap.map._graph import KIND_ORDER
from argmap.model import (
    ENTITY_KINDS,
    STATEMENT_KINDS,
    About,
    Argument,
    Attack,
    Node,
    Source,
)
from argmap.util import no_gc
from argmap.vocab import MULTI_REFERENCES, SINGLE_REFERENCES

if TYPE_CHECKING:
    from argmap.map._core import ArgumentMap, Ref

MapT = TypeVar("MapT", bound="ArgumentMap")

__all__ = ["compose", "copy_map", "merge_into"]


def copy_map(m: MapT) -> MapT:
    """An independent copy of ``m`` (models are immutable, so they are shared).

    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap("x"); _ = m.claim("A.")
    >>> m2 = copy_map(m); _ = m2.claim("B."); (len(m), len(m2))
    (1, 2)
    """
    other = type(m)(m.name, iri=m.iri, title=m.title)
    other._nodes = dict(m._nodes)
    other._iri_index = dict(m._iri_index)
    other._abouts = set(m._abouts)
    other._g = m._new_graph()
    other._g.add_nodes_from(m._g)
    other._g.add_edges_from(m._g.edges(keys=True))
    other.extra = list(m.extra)
    other.labels = dict(m.labels)
    other.strengths = dict(m.strengths)
    other.semantics = m.semantics
    return other


def merge_into(m: MapT, other: ArgumentMap) -> MapT:
    """Add every node of ``other`` to ``m``, identifying nodes by IRI; returns ``m``.

    A node whose IRI is already in ``m`` must be equal to the one there (anchors, tags and
    same-as links are united); else :class:`MergeConflict`, and ``m`` is unchanged.

    >>> from argmap import ArgumentMap
    >>> a = ArgumentMap("x"); _ = a.claim("Shared claim.", id="s")
    >>> b = ArgumentMap("x"); _ = b.claim("Shared claim.", id="s"); _ = b.claim("New.", id="n")
    >>> len(merge_into(a, b))
    2
    """
    staged = copy_map(m)
    rename: dict[str, str] = {}
    incoming = sorted(other._nodes.values(), key=lambda n: KIND_ORDER[n.kind])
    for node in incoming:
        iri = other.iri_of(node.id)
        here_id = staged._find_iri(iri)
        if here_id is not None:
            rename[node.id] = here_id
        elif node.id in staged._nodes:
            raise MergeConflict(
                f"merge: id {node.id!r} names <{staged.iri_of(node.id)}> here and <{iri}> "
                "in the other map"
            )
    for node in incoming:
        moved = _rename_refs(node, rename)
        iri = other.iri_of(node.id)
        target_id = rename.get(node.id, node.id)
        if target_id in staged._nodes and rename.get(node.id) is not None:
            here = staged._nodes[target_id]
            united = _unite(here, moved.model_copy(update={"id": target_id, "iri": here.iri}))
            if united is None:
                raise MergeConflict(
                    f"merge: <{iri}> differs between the two maps "
                    f"({here.kind} {here.text[:40]!r} vs {moved.kind} {moved.text[:40]!r})"
                )
            staged._nodes[target_id] = united
            continue
        if moved.iri is None and iri != iri_for(staged.base, moved.id):
            moved = moved.model_copy(update={"iri": iri})
        staged._check_refs(moved, "merge", anchors=False)
        staged._insert(moved)
    for node in staged._nodes.values():
        staged._check_anchors(node, "merge")
    for s, o in other._abouts:
        pair = (rename.get(s, s), rename.get(o, o))
        if pair not in staged._abouts:
            staged._abouts.add(pair)
            staged._g.add_edge(pair[0], pair[1], key="about")
    staged.extra = sorted(set(staged.extra) | set(other.extra))
    for k, v in other.labels.items():
        staged.labels.setdefault(rename.get(k, k), v)
    for k, strength in other.strengths.items():
        staged.strengths.setdefault(rename.get(k, k), strength)
    m._adopt(staged)
    return m


def compose(first: MapT, second: ArgumentMap) -> MapT:
    """A new map with the nodes of both (as :func:`merge_into`); neither map changes.

    >>> from argmap import ArgumentMap
    >>> a = ArgumentMap("x"); _ = a.claim("A.", id="a")
    >>> b = ArgumentMap("x"); _ = b.claim("B.", id="b")
    >>> len(compose(a, b)), len(a), len(b)
    (2, 1, 1)
    """
    return merge_into(copy_map(first), second)


def build_from_nodes(
    cls: type[MapT],
    nodes: Iterable[Node],
    abouts: Iterable[tuple[str, str]],
    name: str,
    iri: str | None,
    title: str | None,
    check: bool,
    on_error: Callable[[Node, Exception], None] | None,
) -> MapT:
    """What :meth:`ArgumentMap.from_nodes` does (with the collector paused)."""
    with no_gc():
        return _from_nodes(cls, nodes, abouts, name, iri, title, check, on_error)


def _from_nodes(
    cls: type[MapT],
    nodes: Iterable[Node],
    abouts: Iterable[tuple[str, str]],
    name: str,
    iri: str | None,
    title: str | None,
    check: bool,
    on_error: Callable[[Node, Exception], None] | None,
) -> MapT:
    m = cls(name, iri=iri, title=title)
    buckets: list[list[Node]] = [[] for _ in KIND_ORDER]
    for node in nodes:
        buckets[KIND_ORDER[node.kind]].append(node)
    attack_bucket = KIND_ORDER["attack"]
    buckets[attack_bucket] = _targets_first(buckets[attack_bucket])
    ordered = [node for bucket in buckets for node in bucket]
    for node in ordered:
        try:
            if node.id in m._nodes:
                if m._nodes[node.id] == node:
                    continue
                raise DuplicateNode(f"id {node.id!r} is given to two different nodes")
            if check:
                m._check_refs(node, "load", anchors=False)
            m._insert(node)
        except (ModelError, NodeNotFound) as exc:
            if on_error is None:
                raise
            on_error(node, exc)
    if check:  # anchors may quote any source, so they are checked once all are in
        for node in [n for n in m._nodes.values() if n.anchors]:
            try:
                m._check_anchors(node, "load")
            except (ModelError, NodeNotFound) as exc:
                if on_error is None:
                    raise
                on_error(node, exc)
                m._nodes[node.id] = node.model_copy(
                    update={"anchors": tuple(a for a in node.anchors if a.source in m._nodes)}
                )
    for s, o in abouts:
        try:
            m._expect(s, STATEMENT_KINDS, "load", "statement of an about-edge")
            m._expect(o, ENTITY_KINDS, "load", "subject of an about-edge")
        except (ModelError, NodeNotFound) as exc:
            if on_error is None:
                raise
            on_error(About(statement=s, subject=o), exc)  # type: ignore[arg-type]
            continue
        if (s, o) not in m._abouts:
            m._abouts.add((s, o))
            m._g.add_edge(s, o, key="about")
    m._touch()
    return m


def remove_cascade(m: ArgumentMap, ref: Ref) -> list[str]:
    """What :meth:`ArgumentMap.remove` does: remove a node and what depends on it."""
    start = m.resolve(ref)
    removed: list[str] = []
    queue = [start]
    while queue:
        node_id = queue.pop()
        if node_id not in m._nodes:
            continue
        queue.extend(_detach(m, node_id))
        node = m._nodes.pop(node_id)
        if node.iri is not None:
            m._iri_index.pop(node.iri, None)
        m._g.remove_node(node_id)
        m._abouts = {(s, o) for s, o in m._abouts if node_id not in (s, o)}
        m.labels.pop(node_id, None)
        m.strengths.pop(node_id, None)
        removed.append(node_id)
    m._touch()
    return sorted(removed)


def _detach(m: ArgumentMap, node_id: str) -> list[str]:
    """Fix up the neighbours of a node about to go; return ids that must go too."""
    node = m._nodes[node_id]
    doomed: list[str] = []
    kind = node.kind
    if kind in STATEMENT_KINDS:
        doomed += m._in(node_id, "conclusion")
        doomed += m._out(node_id, "attacker")
        doomed += m._in(node_id, "target")  # attacks and stances on it
        for arg_id in m._out(node_id, "premise"):
            arg = cast(Argument, m._nodes[arg_id])
            rest = tuple(p for p in arg.premises if p != node_id)
            if rest:
                m._nodes[arg_id] = arg.model_copy(update={"premises": rest})
            else:
                doomed.append(arg_id)
    elif kind in ("argument", "attack"):
        doomed += m._in(node_id, "target")
    elif kind == "actor":
        doomed += m._out(node_id, "actor")
        for src_id in m._in(node_id, "author") + m._in(node_id, "publisher"):
            src = cast(Source, m._nodes[src_id])
            update = {f: None for f in ("author", "publisher") if getattr(src, f) == node_id}
            m._nodes[src_id] = src.model_copy(update=update)
    elif kind in ("alternative", "issue"):
        doomed += m._in(node_id, "target")
        for alt_id in m._in(node_id, "issue"):
            m._nodes[alt_id] = m._nodes[alt_id].model_copy(update={"issue": None})
    elif kind == "source":
        for ev_id in m._in(node_id, "source"):
            m._nodes[ev_id] = m._nodes[ev_id].model_copy(update={"source": None})
        for other in list(m._nodes.values()):
            if any(a.source == node_id for a in other.anchors):
                kept = tuple(a for a in other.anchors if a.source != node_id)
                m._nodes[other.id] = other.model_copy(update={"anchors": kept})
    return doomed


_REF_FIELDS = (*MULTI_REFERENCES, *SINGLE_REFERENCES)


def _rename_refs(node: Node, rename: Mapping[str, str]) -> Node:
    if not rename:
        return node
    update: dict[str, Any] = {}
    for field in _REF_FIELDS:
        value = getattr(node, field, None)
        if isinstance(value, tuple):
            new = tuple(rename.get(v, v) for v in value)
            if new != value:
                update[field] = tuple(sorted(new))
        elif isinstance(value, str) and value in rename:
            update[field] = rename[value]
    if any(a.source in rename for a in node.anchors):
        update["anchors"] = tuple(
            a.model_copy(update={"source": rename.get(a.source, a.source)}) for a in node.anchors
        )
    if update and isinstance(node, Attack):  # linked attackers keep their canonical order
        return Attack.model_validate({**node.model_dump(), **update})
    return node.model_copy(update=update) if update else node


def _targets_first(attacks: list[Node]) -> list[Node]:
    """Attacks ordered so that an attack on an attack comes after the attack it targets.

    Attacks in a cycle of attacks on attacks keep their place at the end (inserting
    them then fails with a clear error, as any other missing target does).
    """
    by_id = {n.id: n for n in attacks}
    if not any(getattr(n, "target", None) in by_id for n in attacks):
        return attacks
    done: dict[str, None] = {}
    for node in attacks:
        chain: list[str] = []
        current: str | None = node.id
        while current is not None and current in by_id and current not in done:
            if current in chain:  # a cycle: leave it to the end
                break
            chain.append(current)
            target = getattr(by_id[current], "target", None)
            current = target if target in by_id else None
        for node_id in reversed(chain):
            done.setdefault(node_id)
    return [by_id[i] for i in done] + [n for n in attacks if n.id not in done]


def _unite(here: Node, there: Node) -> Node | None:
    """One node from two descriptions of one IRI, or None when they disagree."""
    core = {"anchors", "tags", "same_as", "data"}
    a = here.model_dump(exclude=core)
    b = there.model_dump(exclude=core)
    if a != b:
        return None
    for key, value in there.data.items():
        if key in here.data and here.data[key] != value:
            return None
    return type(here).model_validate(
        {
            **here.model_dump(),
            "anchors": tuple({*here.anchors, *there.anchors}),
            "tags": tuple({*here.tags, *there.tags}),
            "same_as": tuple({*here.same_as, *there.same_as}),
            "data": {**here.data, **there.data},
        }
    )
