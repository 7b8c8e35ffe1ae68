"""The index the map rules share: one pass over the nodes that gathers what they need.

At a million nodes every walk over the node models costs about a second (each model sits
somewhere else in memory), so :class:`MapIndex` walks them once and keeps, for the rules
asked for, the nodes and ids of each kind, the anchors whose offsets do not fit, the
unanchored statements, the support structure, the arguments that name a scheme with the
attacks and arguments that answer a critical question, and the statements that share a
text with case, spacing and punctuation ignored (:func:`normalise`).

Examples
--------
>>> from argmap import ArgumentMap
>>> m = ArgumentMap("x")
>>> _ = m.argue([m.claim("P holds.", id="p")], m.claim("C holds.", id="c"))
>>> ix = MapIndex(m)
>>> ix.support_edges, ix.children, ix.conclusions_of("p")
({'p': ['c']}, {'c': ('p',)}, ['c'])
"""

from __future__ import annotations

import sys
import unicodedata
from collections import Counter
from collections.abc import Iterable
from functools import cache, cached_property
from typing import TYPE_CHECKING, cast

from argmap.model import MODEL_BY_KIND, STATEMENT_KINDS, Anchor, Argument, Attack, Node, Stance
from argmap.validate._lazy import Hit

if TYPE_CHECKING:
    from argmap.map import ArgumentMap

__all__ = ["MapIndex", "normalise"]

POSITIVE_ROLES = frozenset({"asserts", "endorses"})

_KIND_OF_TYPE: dict[type, str] = {cls: kind for kind, cls in MODEL_BY_KIND.items()}

Answerers = dict[str, list[tuple[str, str]]]
"""node id -> ``(answerer id, question)`` of the attacks on it (or arguments for it) that
name a critical question."""


def said(nodes: tuple[Node, ...], message: str) -> str:
    """The words of a hit whose message was made when it was found."""
    return message


class MapIndex:
    """A map and what the rules need from it, gathered in one pass over the nodes.

    At a million nodes every walk over the node models costs about a second (each model
    sits somewhere else in memory), so one walk collects, while each model is at hand:
    the nodes and ids of each kind, the anchored nodes and the anchors whose offsets do
    not fit, the unanchored statements, the support structure of the arguments, the
    arguments with a scheme and what answers critical questions; the duplicate-detection
    keys of the statements are made afterwards for all texts at once (only for the rules
    asked for).
    """

    def __init__(self, m: ArgumentMap, rules: Iterable[str] | None = None) -> None:
        wanted = None if rules is None else set(rules)
        self.m = m
        self.base = m.base
        nodes = m._nodes
        self.nodes: dict[str, Node] = nodes
        """id -> node model (the map's own dict: read, never written)."""
        of_kind: dict[str, list[Node]] = {k: [] for k in MODEL_BY_KIND}
        ids: dict[str, list[str]] = {k: [] for k in MODEL_BY_KIND}
        anchored: list[Node] = []
        unanchored: list[Node] = []
        bad_anchors: list[tuple[Node, Anchor]] = []
        children: dict[str, tuple[str, ...]] = {}
        circular_args: list[Argument] = []
        schemed: list[Argument] = []
        by_attack: Answerers = {}
        by_argument: Answerers = {}
        texts: list[str] | None = (
            [] if wanted is None or "duplicate-statement" in wanted else None
        )
        text_ids: list[str] = []
        check_anchors = wanted is None or "anchor-offsets" in wanted
        kind_of = _KIND_OF_TYPE
        statement_kinds = STATEMENT_KINDS
        for node_id, n in nodes.items():
            kind = kind_of.get(type(n)) or n.kind
            of_kind[kind].append(n)
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
                found = children.get(c)
                children[c] = premises if found is None else found + premises
                if c in premises:
                    circular_args.append(arg)
                if arg.scheme is not None:
                    schemed.append(arg)
                if arg.question is not None:
                    by_argument.setdefault(c, []).append((node_id, arg.question))
            elif kind == "attack":
                question = cast(Attack, n).question
                if question is not None:
                    by_attack.setdefault(cast(Attack, n).target, []).append((node_id, question))
            elif texts is not None and kind in statement_kinds:
                texts.append(n.text)
                text_ids.append(node_id)
        self.of_kind = of_kind
        self.ids = ids
        self.anchored = anchored
        self.unanchored = unanchored
        self.bad_anchors = bad_anchors
        self.children = children
        """conclusion id -> the premises of the arguments for it (its keys are the
        statements some argument supports)."""
        self.circular_args = circular_args
        self.schemed = schemed
        """the arguments that name a scheme, in map order."""
        self.answerers: tuple[Answerers, Answerers] = (by_attack, by_argument)
        """(attacks, arguments) that name a critical question, by target and conclusion."""
        self.duplicate_groups: dict[bytes, list[str]] | None = None
        """normalised text -> the ids of the statements with that text, for the texts
        two or more statements share (None when the index was built without the rule)."""
        if texts is not None:
            self.duplicate_groups = shared_texts(text_ids, texts)

    # ------------------------------------------------------------ helpers

    def node(self, node_id: str) -> Node:
        return self.nodes[node_id]

    def hit(self, message: str, *node_ids: str, anchor: Anchor | None = None) -> Hit:
        """A hit about nodes, with its message made already (rules that find few)."""
        nodes = self.nodes
        return (node_ids, tuple(nodes[i] for i in node_ids), said, (message,), anchor)

    def by_kind(self, *kinds: str) -> list[Node]:
        if len(kinds) == 1:
            return self.of_kind[kinds[0]]
        return [n for k in kinds for n in self.of_kind[k]]

    @cached_property
    def statements(self) -> list[Node]:
        return self.by_kind("claim", "evidence", "recommendation")

    def name(self, node_id: str) -> str:
        """How a message names a node: ``claim 'flawed'``."""
        return f"{self.nodes[node_id].kind} {node_id!r}"

    # ------------------------------------------------------------ structure
    # What a premise supports is read from the graph when a rule asks (most rules never
    # ask, and a dict of every premise costs a second at a million nodes); the arguments
    # come in map order, as a walk over the node models would meet them.

    @cached_property
    def _argument_order(self) -> dict[str, int]:
        return {a: i for i, a in enumerate(self.ids["argument"])}

    def arguments_using(self, statement: str) -> list[Argument]:
        """The arguments that use ``statement`` as a premise, in map order."""
        out = self.m.graph._succ.get(statement)
        if not out:
            return []
        found = [a for a, keys in out.items() if "premise" in keys]
        if len(found) > 1:
            found.sort(key=self._argument_order.__getitem__)
        nodes = self.nodes
        return [cast(Argument, nodes[a]) for a in found]

    def conclusions_of(self, statement: str) -> list[str]:
        """What ``statement`` supports as a premise: the conclusions of the arguments that
        use it, in map order."""
        return [a.conclusion for a in self.arguments_using(statement)]

    @cached_property
    def support_edges(self) -> dict[str, list[str]]:
        """premise id -> the conclusions it (helps to) support (all of them at once)."""
        edges: dict[str, list[str]] = {}
        for a in self.arguments:
            for p in a.premises:
                edges.setdefault(p, []).append(a.conclusion)
        return edges

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


def _normal_char(cp: int) -> str | int | None:
    """What normalising does to one code point: " " (a space), None (dropped, punctuation:
    Unicode categories P*), or the code point itself (kept)."""
    ch = chr(cp)
    if ch.isspace():
        return " "
    if unicodedata.category(ch).startswith("P"):
        return None
    return cp


@cache
def _normal_table() -> dict[int, str | None]:
    """A str.translate table: punctuation (Unicode categories P*) goes, whitespace -> " "."""
    table: dict[int, str | None] = {}
    for cp in range(sys.maxunicode + 1):
        done = _normal_char(cp)
        if done != cp:
            table[cp] = cast("str | None", done)
    return table


@cache
def _ascii_tables() -> tuple[bytes, bytes]:
    """The ASCII part of :func:`_normal_table` as a bytes.translate table and deletions
    (made from the first 128 code points alone: the full table takes a second to build)."""
    mapping = bytearray(range(256))
    delete = bytearray()
    for cp in range(128):
        done = _normal_char(cp)
        if done == " ":
            mapping[cp] = 32
        elif done is None:
            delete.append(cp)
    return bytes(mapping), bytes(delete)


def normalise(text: str) -> str:
    """Text with case, spacing and punctuation ignored (what duplicate detection compares).

    >>> normalise("  The U.S. should -- abstain!")
    'the us should abstain'
    """
    key = text.translate(_normal_table()).casefold()
    return " ".join(key.split()) if "  " in key else key.strip()


def text_keys(texts: list[str]) -> list[bytes]:
    """The duplicate-detection key of each text: :func:`normalise`, as UTF-8.

    ASCII texts are keyed all at once (joined, translated and split again), the others
    one by one; an ASCII key is what :func:`normalise` gives, in bytes.

    >>> text_keys(["The U.S.  should abstain!", "Ça va.", ""])
    [b'the us should abstain', b'\xc3\xa7a va', b'']
    """
    flags = [t.isascii() for t in texts]
    if all(flags):
        return _ascii_keys(texts)
    ascii_texts = [t for t, flag in zip(texts, flags, strict=True) if flag]
    bulk = iter(_ascii_keys(ascii_texts))
    return [next(bulk) if flag else normalise(t).encode() for t, flag in zip(texts, flags,
                                                                               strict=True)]


def _ascii_keys(texts: list[str]) -> list[bytes]:
    if not texts:
        return []
    mapping, delete = _ascii_tables()
    joined = "\x00".join(texts)
    if joined.count("\x00") != len(texts) - 1:  # a text holds the separator: one by one
        return [_ascii_key(t, mapping, delete) for t in texts]
    # After the translation every space character is b" " (the table maps each one), so
    # collapsing runs of spaces and trimming them at each separator is split-and-join.
    data = joined.encode().translate(mapping, delete).lower()
    while b"  " in data:  # each pass halves every run of spaces
        data = data.replace(b"  ", b" ")
    data = data.replace(b" \x00", b"\x00").replace(b"\x00 ", b"\x00")
    return data.strip(b" ").split(b"\x00")


def _ascii_key(text: str, mapping: bytes, delete: bytes) -> bytes:
    key = text.encode().translate(mapping, delete).lower()
    return b" ".join(key.split()) if b"  " in key else key.strip()


def shared_texts(ids: list[str], texts: list[str]) -> dict[bytes, list[str]]:
    """Normalised text -> the ids (in the order given) of the texts that share it, for the
    non-empty keys of two or more texts.

    >>> shared_texts(["a", "b", "c"], ["Abstain!", "abstain", "Sign."])
    {b'abstain': ['a', 'b']}
    """
    keys = text_keys(texts)
    shared = {k for k, n in Counter(keys).items() if n > 1 and k}
    groups: dict[bytes, list[str]] = {}
    if shared:
        for node_id, key in zip(ids, keys, strict=True):
            if key in shared:
                groups.setdefault(key, []).append(node_id)
    return groups
