"""The index the map rules share: one pass over the nodes that gathers what they need.

At a million nodes every walk over the node models costs about a second (each model sits
somewhere else in memory), so :class:`MapIndex` walks them once and keeps, for the rules
asked for, the nodes and ids of each kind, the anchors whose offsets do not fit, the
unanchored statements, the support structure, and the statements grouped by their text
with case, spacing and punctuation ignored (:func:`normalise`).

Examples
--------
>>> from argmap import ArgumentMap
>>> m = ArgumentMap("x")
>>> _ = m.argue([m.claim("P holds.", id="p")], m.claim("C holds.", id="c"))
>>> ix = MapIndex(m)
>>> ix.support_edges, ix.children
({'p': ['c']}, {'c': ['p']})
"""

from __future__ import annotations

import sys
import unicodedata
from collections.abc import Iterable
from functools import cache, cached_property
from typing import TYPE_CHECKING, cast

from argmap.model import MODEL_BY_KIND, STATEMENT_KINDS, Anchor, Argument, Attack, Node, Stance
from argmap.validate._catalog import RULES
from argmap.validate._finding import Finding, NodeRef, quote_of

if TYPE_CHECKING:
    from argmap.map import ArgumentMap

__all__ = ["MapIndex", "normalise"]

POSITIVE_ROLES = frozenset({"asserts", "endorses"})

_KIND_OF_TYPE: dict[type, str] = {cls: kind for kind, cls in MODEL_BY_KIND.items()}


class MapIndex:
    """A map and what the rules need from it, gathered in one pass over the nodes.

    At a million nodes every walk over the node models costs about a second (each model
    sits somewhere else in memory), so one walk collects, while each model is at hand:
    the nodes and ids of each kind, the anchored nodes and the anchors whose offsets do
    not fit, the unanchored statements, the support structure of the arguments, and the
    duplicate-detection keys of the statements (only for the rules asked for).
    """

    def __init__(self, m: ArgumentMap, rules: Iterable[str] | None = None) -> None:
        wanted = None if rules is None else set(rules)
        self.m = m
        self.base = m.base
        of_kind: dict[str, list[Node]] = {k: [] for k in MODEL_BY_KIND}
        ids: dict[str, list[str]] = {k: [] for k in MODEL_BY_KIND}
        anchored: list[Node] = []
        unanchored: list[Node] = []
        bad_anchors: list[tuple[Node, Anchor]] = []
        support_for: dict[str, list[Argument]] = {}
        premise_of: dict[str, list[Argument]] = {}
        edges: dict[str, list[str]] = {}
        children: dict[str, list[str]] = {}
        circular_args: list[Argument] = []
        groups: dict[bytes, list[str]] | None = (
            {} if wanted is None or "duplicate-statement" in wanted else None
        )
        check_anchors = wanted is None or "anchor-offsets" in wanted
        mapping, delete = _ascii_tables()
        kind_of = _KIND_OF_TYPE
        statement_kinds = STATEMENT_KINDS
        for n in m.nodes():
            kind = kind_of.get(type(n)) or n.kind
            of_kind[kind].append(n)
            node_id = n.id
            ids[kind].append(node_id)
            anchors = n.anchors
            if anchors:
                anchored.append(n)
                if check_anchors:
                    for an in anchors:
                        start, end = an.start, an.end
                        if start is None:
                            if end is not None:
                                bad_anchors.append((n, an))
                        elif end is None or end - start != len(an.exact):
                            bad_anchors.append((n, an))
            elif kind in statement_kinds:
                unanchored.append(n)
            if kind == "argument":
                arg = cast(Argument, n)
                c = arg.conclusion
                premises = arg.premises
                found = support_for.get(c)
                if found is None:
                    support_for[c] = [arg]
                    children[c] = list(premises)
                else:
                    found.append(arg)
                    children[c].extend(premises)
                for p in premises:
                    used = premise_of.get(p)
                    if used is None:
                        premise_of[p] = [arg]
                        edges[p] = [c]
                    else:
                        used.append(arg)
                        edges[p].append(c)
                if c in premises:
                    circular_args.append(arg)
            elif groups is not None and kind in statement_kinds:
                text = n.text
                if text.isascii():
                    key = text.encode().translate(mapping, delete).lower()
                    key = b" ".join(key.split()) if b"  " in key else key.strip()
                else:
                    key = normalise(text).encode()
                if key:
                    group = groups.get(key)
                    if group is None:
                        groups[key] = [node_id]
                    else:
                        group.append(node_id)
        self.of_kind = of_kind
        self.ids = ids
        self.anchored = anchored
        self.unanchored = unanchored
        self.bad_anchors = bad_anchors
        self.support_for = support_for
        """conclusion id -> the arguments for it."""
        self.premise_of = premise_of
        """statement id -> the arguments that use it as a premise."""
        self.support_edges = edges
        """premise id -> the conclusions it (helps to) support."""
        self.children = children
        """conclusion id -> the premises of the arguments for it."""
        self.circular_args = circular_args
        self.duplicate_groups = groups

    # ------------------------------------------------------------ helpers

    def node(self, node_id: str) -> Node:
        return self.m[node_id]

    def ref(self, node_id: str) -> NodeRef:
        node = self.m[node_id]
        # ids are letters, digits and "._~-", which iri_for leaves as they are
        return NodeRef(node.id, node.kind, node.iri or self.base + node.id, node.text)

    def finding(
        self, rule: str, message: str, *node_ids: str, anchor: Anchor | None = None
    ) -> Finding:
        refs = []
        for node_id in node_ids:
            node = self.m[node_id]
            if anchor is None and node.anchors:
                anchor = node.anchors[0]
            refs.append(NodeRef(node.id, node.kind, node.iri or self.base + node.id, node.text))
        return Finding(rule, RULES[rule].severity, message, tuple(refs), *quote_of(anchor))

    def by_kind(self, *kinds: str) -> list[Node]:
        if len(kinds) == 1:
            return self.of_kind[kinds[0]]
        return [n for k in kinds for n in self.of_kind[k]]

    @cached_property
    def statements(self) -> list[Node]:
        return self.by_kind("claim", "evidence", "recommendation")

    def name(self, node_id: str) -> str:
        """How a message names a node: ``claim 'flawed'``."""
        return f"{self.m[node_id].kind} {node_id!r}"

    # ------------------------------------------------------------ structure

    @property
    def arguments(self) -> list[Argument]:
        return cast(list[Argument], self.of_kind["argument"])

    @property
    def attacks(self) -> list[Attack]:
        return cast(list[Attack], self.of_kind["attack"])

    @property
    def stances(self) -> list[Stance]:
        return cast(list[Stance], self.of_kind["stance"])

    @cached_property
    def attacks_on(self) -> dict[str, list[Attack]]:
        """target id -> the attacks on it."""
        out: dict[str, list[Attack]] = {}
        for t in self.attacks:
            found = out.get(t.target)
            if found is None:
                out[t.target] = [t]
            else:
                found.append(t)
        return out

    @cached_property
    def argument_ids(self) -> set[str]:
        return set(self.ids["argument"])

    @cached_property
    def asserted_by(self) -> dict[str, set[str]]:
        """target id -> actors that assert or endorse it."""
        out: dict[str, set[str]] = {}
        for s in self.stances:
            if s.role in POSITIVE_ROLES:
                out.setdefault(s.target, set()).add(s.actor)
        return out


# ---------------------------------------------------------------- normalised text


@cache
def _normal_table() -> dict[int, str | None]:
    """A str.translate table: punctuation (Unicode categories P*) goes, whitespace -> " "."""
    table: dict[int, str | None] = {}
    for cp in range(sys.maxunicode + 1):
        ch = chr(cp)
        if ch.isspace():
            table[cp] = " "
        elif unicodedata.category(ch).startswith("P"):
            table[cp] = None
    return table


@cache
def _ascii_tables() -> tuple[bytes, bytes]:
    """The ASCII part of :func:`_normal_table` as a bytes.translate table and deletions."""
    table = _normal_table()
    mapping = bytearray(range(256))
    for cp in range(128):
        if table.get(cp) == " ":
            mapping[cp] = 32
    delete = bytes(cp for cp in range(128) if cp in table and table[cp] is None)
    return bytes(mapping), delete


def normalise(text: str) -> str:
    """Text with case, spacing and punctuation ignored (what duplicate detection compares).

    >>> normalise("  The U.S. should -- abstain!")
    'the us should abstain'
    """
    key = text.translate(_normal_table()).casefold()
    return " ".join(key.split()) if "  " in key else key.strip()
