"""The fast path of the AIF record checks: one pass per field over a whole table.

:mod:`argmap.io._aif_schema` checks each record of ``nodes``, ``edges`` and the tables
that point at nodes, one at a time, and says which record is wrong and why. On a sound
file every one of those checks passes, and asking them record by record is most of the
cost of reading the structure. The functions here ask the same questions of a column at
a time (the types of every ``nodeID``, the set of every ``fromID`` against the node
keys, ...), with set and ``map`` built-ins and no Python per record.

Each returns the table it read, exactly as the record checks would have built it, or
``None`` as soon as one column fails a check: then the caller runs the record checks
from the first record, which find the bad record and word its error (or, lenient, every
bad record). So a column check never words an error and never accepts what a record
check refuses; tests/test_aif_columns.py holds the two paths to the same answers on
mutated records.

Examples
--------
>>> from argmap.io._aif_schema import NODE_TYPES, AifNode
>>> nodes = nodes_by_column([{"nodeID": 1, "text": "p", "type": "I"}], AifNode, NODE_TYPES)
>>> nodes["1"].raw_id, nodes["1"].type
(1, 'I')
>>> nodes_by_column([{"nodeID": 1, "text": "p", "type": "XA"}], AifNode, NODE_TYPES) is None
True
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from operator import itemgetter
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from argmap.io._aif_schema import AifEdge, AifNode

__all__ = ["column_ids", "edges_by_column", "nodes_by_column", "refs_by_column"]

_GET_ID = itemgetter("nodeID")
_GET_TYPE = itemgetter("type")
_GET_TEXT = itemgetter("text")
_GET_FROM = itemgetter("fromID")
_GET_TO = itemgetter("toID")
_STR = frozenset({str})
_STR_INT = frozenset({str, int})
_DICT = frozenset({dict})


def _only(values: Collection[Any], types: frozenset[type]) -> bool:
    """Every value's exact type is one of ``types`` (``bool`` is not ``int`` here)."""
    return set(map(type, values)) <= types


def column_ids(values: list[Any]) -> list[str] | None:
    """The string key of every id (:func:`~argmap.io._aif_schema.json_id` of each), or
    None when some value is not a usable id (then ask ``json_id`` one by one).

    >>> column_ids(["a", 7]), column_ids(["a", " "]), column_ids([True])
    (['a', '7'], None, None)
    """
    kinds = set(map(type, values))
    if kinds <= _STR:
        keys = values
    elif kinds <= _STR_INT:
        keys = list(map(str, values))  # str(a str) is the str itself
    else:
        return None
    if not all(map(str.strip, keys)):  # an empty or all-space id is no id
        return None
    return keys


def nodes_by_column(
    items: list[Any], make: type[AifNode], node_types: Collection[str]
) -> dict[str, AifNode] | None:
    """The ``nodes`` table keyed by id, or None when a record fails a check (see the
    module docstring): every record an object, every ``nodeID`` usable and unique, every
    ``type`` known (in ``node_types``), every ``text`` a string. ``make`` is
    :class:`~argmap.io._aif_schema.AifNode` (passed in: that module imports this one)."""

    if not _only(items, _DICT):
        return None
    try:
        raw_ids = list(map(_GET_ID, items))
        types = list(map(_GET_TYPE, items))
        texts = list(map(_GET_TEXT, items))
    except KeyError:
        return None
    keys = column_ids(raw_ids)
    if keys is None or not _only(types, _STR) or not _only(texts, _STR):
        return None
    if not set(types) <= set(node_types):
        return None
    nodes = dict(zip(keys, map(make, keys, raw_ids, types, texts, items), strict=True))
    if len(nodes) != len(items):  # a nodeID used twice
        return None
    return nodes


def edges_by_column(
    items: list[Any],
    nodes: Mapping[str, Any],
    make: type[AifEdge],
    json_id: Callable[[Any], str | None],
) -> list[AifEdge] | None:
    """The ``edges`` table, or None when a record fails a check: every record an object,
    ``fromID`` and ``toID`` usable ids of nodes in ``nodes``, no ``edgeID`` used twice.
    An ``edgeID`` that is missing or not a usable id is no error: the edge has no id."""
    if not _only(items, _DICT):
        return None
    try:
        froms = column_ids(list(map(_GET_FROM, items)))
        tos = column_ids(list(map(_GET_TO, items)))
    except KeyError:
        return None
    if froms is None or tos is None:
        return None
    names = nodes.keys()
    if not (names >= set(froms) and names >= set(tos)):
        return None
    raw_eids = [raw.get("edgeID") for raw in items]
    eids: list[str | None] | None = column_ids(raw_eids)  # type: ignore[assignment]
    if eids is None:
        eids = list(map(json_id, raw_eids))
        named = [e for e in eids if e is not None]
        if len(set(named)) != len(named):
            return None
    elif len(set(eids)) != len(eids):
        return None
    return list(map(make, eids, froms, tos, items))


def refs_by_column(
    items: list[Any], ref: str | None, nodes: Mapping[str, Any]
) -> list[dict[str, Any]] | None:
    """A table of objects (``locutions``, ``participants``) whose ``ref`` member, when
    ``ref`` is given, names a node in ``nodes``; None when a record fails a check."""
    if not _only(items, _DICT):
        return None
    if ref is not None:
        get: Callable[[Any], Any] = itemgetter(ref)
        try:
            keys = column_ids(list(map(get, items)))
        except KeyError:
            return None
        if keys is None or not nodes.keys() >= set(keys):
            return None
    return list(items)
