"""Reading a stored trace (see :mod:`argmap.store.traces`): the literal back to a
:class:`~argmap.query.Trace` equal to the one traced in memory at push time.

The support structure (statements, arguments) and the attacks and stances are read at
once, which is all the walk and the attack rows need; the models of the other nodes
(statements with their anchors, arguments, sources, actors) are made on first use, all
together, with every check the models make: the kinds a trace holds many of a column at
a time, the rest through :func:`argmap.model.built` or validation. A stored trace that
fails a check is never used: :func:`decode` refuses it (the caller then traces from the
map), or, found only when its models are made, reading them raises
:class:`~argmap.errors.StoreProtocolError` naming the stored trace and what is wrong.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
import zlib
from collections.abc import Iterator
from itertools import pairwise
from typing import TYPE_CHECKING, Any, NamedTuple, cast

from argmap.errors import StoreProtocolError
from argmap.model import (
    ATTACK_TYPES,
    MODEL_BY_KIND,
    STANCE_ROLES,
    STATEMENT_KINDS,
    Anchor,
    all_writable,
    built,
    field_template,
    iri_ok,
    trusted,
)
from argmap.util import no_gc

if TYPE_CHECKING:
    from argmap.map import ArgumentMap
    from argmap.model import Node
    from argmap.query.trace import Trace

FORMAT = 1  # the layout of a stored trace; a reader declines any other
#: The fields of an anchor, in the order a stored trace lists them.
ANCHOR_ORDER = ("source", "exact", "start", "end", "prefix", "suffix")
#: The kinds whose models are made when a stored trace is read; the rest on first use.
EAGER = ("attack", "stance")


#: A stored trace this reader cannot use: the caller traces from the map instead.
Unreadable = StoreProtocolError


def decode(payload: str, data: str, where: str) -> Trace:
    """The trace a stored literal holds, for data graph ``data`` (``where`` names it in
    errors); :class:`Unreadable` when it cannot be used."""
    try:
        raw = zlib.decompress(base64.b64decode(payload, validate=True))
        head, _, lazy = raw.partition(b"\n")
        doc = json.loads(head)
    except (binascii.Error, zlib.error, ValueError) as exc:
        raise Unreadable(f"not a stored trace ({exc})") from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise Unreadable("written in another layout")
    if doc.get("data") != data:
        raise Unreadable(f"written for data graph <{doc.get('data')}>, not <{data}>")
    try:
        with no_gc():
            return _rebuild(doc, lazy, where)
    except Unreadable:
        raise
    except (KeyError, TypeError, ValueError, AttributeError, IndexError) as exc:
        raise Unreadable(f"malformed ({exc!r})") from None


class _Stub(NamedTuple):
    """A statement or argument as the support index reads it, until its model is made."""

    id: str
    kind: str
    iri: str | None
    conclusion: str
    premises: tuple[str, ...]


_NEW = tuple.__new__


def _stubs(doc: dict[str, Any]) -> dict[str, Any]:
    """The statements and arguments of a stored trace, checked as the models check the
    fields the support index reads (a column at a time)."""
    statements, arguments = doc["statements"], doc["arguments"]
    stubs = [_NEW(_Stub, (i, k, iri, "", ())) for i, k, iri in statements]
    stubs += [_NEW(_Stub, (i, "argument", iri, c, tuple(p))) for i, c, p, iri in arguments]
    ids = [s.id for s in stubs]
    iris = [s.iri for s in stubs if s.iri is not None]
    names = [p for a in arguments for p in a[2]]
    names += [a[1] for a in arguments]
    if (
        {s.kind for s in stubs} - _STUB_KINDS
        or {type(i) for i in ids} - _STR
        or {type(n) for n in names} - _STR
        or {type(a[2]) for a in arguments} - _LIST
        or not all(p and p == sorted(set(p)) and c not in p for _, c, p, _ in arguments)
        or not _IDS.fullmatch("\n".join(ids) + "\n")
        or {type(i) for i in iris} - _STR
        or not all(map(iri_ok, iris))
    ):
        raise Unreadable("malformed (a statement or an argument)")
    out = dict(zip(ids, stubs, strict=True))
    if len(out) != len(ids):
        raise Unreadable("malformed (a node twice)")
    return out


_STUB_KINDS = STATEMENT_KINDS | {"argument"}
_LIST = {list}


def _rebuild(doc: dict[str, Any], lazy: bytes, where: str) -> Trace:
    from argmap.query.trace import SupportIndex, trace_at

    map_iri, map_name, base = doc["map"]
    root, types = doc["root"], doc["types"]
    if not all(type(v) is str for v in (map_iri, map_name, base, root)):
        raise Unreadable("malformed (map)")
    stubs = _stubs(doc)
    relations = _nodes(doc["relations"])
    if relations.keys() & stubs.keys() or {n.kind for n in relations.values()} - set(EAGER):
        raise Unreadable("malformed (relations)")
    stubs.update(relations)
    ix = SupportIndex(cast("ArgumentMap", _Part(map_iri, map_name, base, stubs)))
    k = ix.stmt_of.get(root)
    if k is None:
        raise Unreadable(f"malformed (root {root!r} is not a statement)")
    # the effective types in the whole map (an attack on a statement is an undermine when
    # the statement is a premise anywhere in the map, which the part alone cannot say)
    if type(types) is not dict or types.keys() != ix.attack_types.keys():
        raise Unreadable("malformed (attack types)")
    for attack_id, kind in types.items():
        if kind not in ATTACK_TYPES:
            raise Unreadable(f"malformed (attack type of {attack_id!r})")
        ix.attack_types[attack_id] = kind
    iris = doc.get("iris", {})  # explicit IRIs of every node, the lazily made ones too
    if type(iris) is not dict or not all(type(v) is str and iri_ok(v) for v in iris.values()):
        raise Unreadable("malformed (IRIs)")
    ix.explicit_iris.update(iris)
    ix.nodes = _LazyNodes(relations, _Realise(lazy, stubs, where))
    return trace_at(ix, k, map_iri)


class _Realise:
    """Makes the models a stored trace left for first use (checked; see :func:`_nodes`)."""

    def __init__(self, text: bytes, stubs: dict[str, Any], where: str) -> None:
        self.text, self.stubs, self.where = text, stubs, where

    def __call__(self) -> dict[str, Node]:
        try:
            with no_gc():
                made = _nodes(json.loads(self.text))
            for node_id, stub in self.stubs.items():
                if not isinstance(stub, _Stub):
                    continue
                node = made.get(node_id)
                shape = (
                    (node.kind, node.iri, getattr(node, "conclusion", ""),
                     getattr(node, "premises", ()))
                    if node is not None
                    else None
                )
                if shape != (stub.kind, stub.iri, stub.conclusion, stub.premises):
                    raise Unreadable(f"node {node_id!r} differs from the trace's structure")
            if made.keys() & {k for k, v in self.stubs.items() if not isinstance(v, _Stub)}:
                raise Unreadable("a node stored twice")
        except Unreadable as exc:
            raise StoreProtocolError(f"{self.where}: {exc}") from None
        except (KeyError, TypeError, ValueError, AttributeError, IndexError) as exc:
            raise StoreProtocolError(f"{self.where}: malformed ({exc!r})") from None
        return made


class _LazyNodes(dict):  # type: ignore[type-arg]
    """The node models of a stored trace: the attacks and stances at once, the rest made
    (all together, every check made) when one of them is first read."""

    def __init__(self, made: dict[str, Node], realise: _Realise) -> None:
        super().__init__(made)
        self._realise: _Realise | None = realise

    def _all(self) -> None:
        if self._realise is not None:
            super().update(self._realise())
            self._realise = None

    def __missing__(self, key: str) -> Node:
        if self._realise is None:
            raise KeyError(key)
        self._all()
        return cast("Node", super().__getitem__(key))

    def __contains__(self, key: object) -> bool:
        self._all()
        return super().__contains__(key)

    def __iter__(self) -> Iterator[str]:
        self._all()
        return super().__iter__()

    def __len__(self) -> int:
        self._all()
        return super().__len__()

    def get(self, key: str, default: Any = None) -> Any:
        self._all()
        return super().get(key, default)

    def keys(self) -> Any:
        self._all()
        return super().keys()

    def values(self) -> Any:
        self._all()
        return super().values()

    def items(self) -> Any:
        self._all()
        return super().items()

    def __eq__(self, other: object) -> bool:
        self._all()
        return super().__eq__(other)

    __hash__ = None


# The kinds every trace holds many of are checked a column at a time, with the checks the
# models make (tests/test_store_traces.py holds the two to the same answers), and built
# without validating again; the rest, and nodes with rarer fields, go through
# argmap.model.built (or validation).
_BULK = frozenset({"claim", "evidence", "recommendation", "argument", "attack", "stance"})
_RARE = frozenset({"tags", "same_as", "data", "iri"})
_TEXTS = ("text", "label", "scheme", "question")
_IDS = re.compile(r"(?:[A-Za-z0-9_][A-Za-z0-9._~\-]{0,199}\n)*")
_STR = {str}
_OPT_STR = {str, type(None)}


def _nodes(groups: Any) -> dict[str, Node]:
    if type(groups) is not dict:
        raise Unreadable("malformed (nodes)")
    nodes: dict[str, Node] = {}
    for kind, rows in groups.items():
        cls = MODEL_BY_KIND.get(kind)
        if cls is None or type(rows) is not list or {type(r) for r in rows} - {dict}:
            raise Unreadable(f"malformed (nodes of kind {kind!r})")
        _anchors(rows)
        if kind in _BULK:
            plain = [r for r in rows if not (r.keys() & _RARE)]
            made = _bulk(cls, kind, plain)
            if len(plain) < len(rows):
                made += [_one(cls, r) for r in rows if r.keys() & _RARE]
        else:
            made = [_one(cls, r) for r in rows]
        for node in made:
            if node.id in nodes:
                raise Unreadable(f"malformed (node {node.id!r} twice)")
            nodes[node.id] = node
    return nodes


def _anchors(rows: list[dict[str, Any]]) -> None:
    """Replace each row's stored anchors by Anchor models, checked as the model checks."""
    lists = [r["anchors"] for r in rows if "anchors" in r]
    if not lists:
        return
    if {type(a) for a in lists} - {list}:
        raise Unreadable("malformed (anchors)")
    flat = [a for anchors in lists for a in anchors]
    if {type(a) for a in flat} - {list} or {len(a) for a in flat} - {6}:
        raise Unreadable("malformed (an anchor)")
    sources, exacts, starts, ends, prefixes, suffixes = (list(c) for c in zip(*flat, strict=True))
    texts = exacts + prefixes + suffixes
    if (
        {type(v) for v in sources + texts} - _STR
        or not all(exacts)
        or not _IDS.fullmatch("\n".join(sources) + "\n")
        or not all_writable(texts)
    ):
        raise Unreadable("an anchor that is not valid")
    for start, end in zip(starts, ends, strict=True):
        if not (
            (start is None or (type(start) is int and start >= 0))
            and (end is None or (type(end) is int and end >= 0))
            and (start is None or end is None or end >= start)
        ):
            raise Unreadable("an anchor with bad offsets")
    for row in rows:
        stored = row.get("anchors")
        if stored is None:
            continue
        if len(stored) > 1:  # the model keeps them unique and in canonical order
            keys = [(s, -1 if a is None else a, -1 if b is None else b, e, p, x)
                    for s, e, a, b, p, x in stored]
            if any(k1 >= k2 for k1, k2 in pairwise(keys)):
                raise Unreadable("anchors out of their order")
        row["anchors"] = tuple(trusted(Anchor, dict(zip(ANCHOR_ORDER, a, strict=True))) for a in stored)


def _bulk(cls: type[Any], kind: str, rows: list[dict[str, Any]]) -> list[Node]:
    """The models of ``rows`` (all of kind ``kind``), checked a column at a time."""
    if not rows:
        return []
    defaults, _factories, required = field_template(cls)
    allowed = defaults.keys() - {"kind"}
    if not all(r.keys() <= allowed and required <= r.keys() for r in rows):
        raise Unreadable(f"a {kind} with fields a {kind} does not have, or without one it needs")
    ids = [r["id"] for r in rows]
    if {type(i) for i in ids} - _STR or not _IDS.fullmatch("\n".join(ids) + "\n"):
        raise Unreadable(f"a {kind} whose id is not usable")
    texts = [r[f] for f in _TEXTS if f in allowed for r in rows if f in r]
    if {type(t) for t in texts} - _OPT_STR:
        raise Unreadable(f"a {kind} with a text that is not a string")
    if not all_writable(t for t in texts if t is not None):
        raise Unreadable(f"a {kind} with a character RDF cannot carry")
    if cls.text_required and not all(r.get("text", "").strip() for r in rows):
        raise Unreadable(f"a {kind} without text")
    if not _KIND_CHECKS[kind](rows):
        raise Unreadable(f"a {kind} that is not valid")
    return [trusted(cls, r) for r in rows]


def _arguments_ok(rows: list[dict[str, Any]]) -> bool:
    for r in rows:
        premises, conclusion = r["premises"], r["conclusion"]
        if type(premises) is not list or not premises or {type(p) for p in premises} - _STR:
            return False
        if premises != sorted(set(premises)) or type(conclusion) is not str:
            return False
        if conclusion in premises:
            return False
        r["premises"] = tuple(premises)
    return True


def _attacks_ok(rows: list[dict[str, Any]]) -> bool:
    for r in rows:
        attacker, target = r["attacker"], r["target"]
        if type(attacker) is not str or type(target) is not str:
            return False
        if r.get("attack_type") not in (None, *ATTACK_TYPES):
            return False
        if "co_attackers" in r:
            co = r["co_attackers"]
            if type(co) is not list or {type(c) for c in co} - _STR:
                return False
            everyone = [attacker, *co]
            if everyone != sorted(set(everyone)) or target in everyone:
                return False
            r["co_attackers"] = tuple(co)
    return True


def _stances_ok(rows: list[dict[str, Any]]) -> bool:
    return all(
        type(r["actor"]) is str and type(r["target"]) is str and r["role"] in STANCE_ROLES
        for r in rows
    )


_KIND_CHECKS: dict[str, Any] = {
    "claim": lambda rows: True,
    "recommendation": lambda rows: True,
    "evidence": lambda rows: not {type(r.get("source")) for r in rows} - _OPT_STR,
    "argument": _arguments_ok,
    "attack": _attacks_ok,
    "stance": _stances_ok,
}
_TUPLES = ("premises", "co_attackers", "tags", "same_as")


def _one(cls: type[Any], row: dict[str, Any]) -> Node:
    """One node model from its stored fields (anchors already made): built without
    validating again when every field passes the model's checks, else validated."""
    fields = dict(row, kind=cls.model_fields["kind"].default)
    for name in _TUPLES:
        value = fields.get(name)
        if type(value) is list:
            fields[name] = tuple(value)
    node = built(cls, fields)
    if node is None:
        node = _validated(cls, fields)
    return cast("Node", node)


def _validated(cls: type[Any], fields: Any) -> Any:
    from pydantic import ValidationError

    try:
        return cls.model_validate(fields)
    except ValidationError as exc:
        raise Unreadable(f"a node that is not valid ({exc.errors()[0]['msg']})") from None


class _Part:
    """What :class:`~argmap.query._index.SupportIndex` reads of a map, for a stored part."""

    version = -1

    def __init__(self, iri: str, name: str, base: str, nodes: dict[str, Node]) -> None:
        self.iri, self.name, self.base, self._nodes = iri, name, base, nodes
