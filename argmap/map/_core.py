"""The class :class:`ArgumentMap`: its storage (node models, the networkx graph, the IRI
index) and lookup; what adds a node to the store checks it here. The builders are its base
class (:mod:`argmap.map._build`); whole-map operations are functions (:mod:`argmap.map._ops`)
the methods call."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, TypeAlias, TypeVar, cast

import networkx as nx

from argmap.errors import DuplicateNode, KindError, ModelError, NodeNotFound
from argmap.ids import id_from_iri, iri_for
from argmap.map._build import MapBuilders
from argmap.map._graph import NO_ATTRS, edges_of, kind_word, new_graph, references
from argmap.map._ops import build_from_nodes, copy_map, merge_into, remove_cascade
from argmap.model import (
    MODEL_BY_KIND,
    STATEMENT_KINDS,
    About,
    Actor,
    Alternative,
    Argument,
    Attack,
    Claim,
    Evidence,
    Issue,
    Node,
    Recommendation,
    Source,
    Stance,
)
from argmap.ntriples import same_graph

if TYPE_CHECKING:
    import rdflib

    from argmap.query import Trace, WhatIf

__all__ = ["DEFAULT_MAP_BASE", "ArgumentMap", "Ref"]

DEFAULT_MAP_BASE = "https://w3id.org/argmap/map/"

Ref: TypeAlias = "str | Node"
N = TypeVar("N", bound=Node)


class ArgumentMap(MapBuilders):
    """An argument map: statements, entities and relations, with deterministic IRIs.

    Parameters
    ----------
    name:
        A short name; the map's IRI is ``https://w3id.org/argmap/map/{name}`` unless
        ``iri`` is given. Node IRIs are the map IRI, ``/``, and the node id.
    iri:
        The map's IRI (also the named graph it is exported to).
    title:
        A human title.

    Examples
    --------
    >>> m = ArgumentMap("tiny", title="A tiny map")
    >>> m.iri
    'https://w3id.org/argmap/map/tiny'
    >>> len(m)
    0
    """

    def __init__(self, name: str = "map", *, iri: str | None = None, title: str | None = None):
        self.name = name
        self.iri: str = iri if iri is not None else DEFAULT_MAP_BASE + name
        self.title = title
        self._nodes: dict[str, Node] = {}
        self._iri_index: dict[str, str] = {}
        self._abouts: set[tuple[str, str]] = set()
        self._g = self._new_graph()
        self.extra: list[str] = []
        self.labels: dict[str, str] = {}
        self.strengths: dict[str, float] = {}
        self.semantics: str | None = None
        self._version = 0
        self._text_index: dict[str, list[str]] | None = None
        self._view: tuple[int, nx.MultiDiGraph] | None = None

    @staticmethod
    def _new_graph() -> nx.MultiDiGraph:
        return new_graph()

    # ------------------------------------------------------------------ identity

    @property
    def base(self) -> str:
        """The prefix of every minted node IRI (the map IRI and ``/``)."""
        return self.iri if self.iri.endswith(("/", "#")) else self.iri + "/"

    @property
    def version(self) -> int:
        """A counter that changes on every mutation (for caches kept outside the map)."""
        return self._version

    def _touch(self) -> None:
        self._version += 1
        self._text_index = None

    def iri_of(self, ref: Ref) -> str:
        """The IRI of a node (its explicit ``iri``, or the map base and its id)."""
        node = self[ref]
        return node.iri or iri_for(self.base, node.id)

    # ------------------------------------------------------------------ lookup

    def resolve(self, ref: Ref) -> str:
        """The id of the node that ``ref`` names: a node, an id, an IRI or a text.

        Text matches exactly first, then as a unique case-insensitive substring of one
        statement's text, which is what a notebook user typing a few words expects.

        >>> m = ArgumentMap("r")
        >>> _ = m.recommendation("The U.S. should abstain from the vote.", id="abstain")
        >>> m.resolve("abstain"), m.resolve("should abstain")
        ('abstain', 'abstain')
        """
        if not isinstance(ref, str):
            # a node model stands for the node of its id and kind here, even if the map
            # has since replaced it (anchoring makes a new model of the same node)
            node_id = getattr(ref, "id", None)
            here = self._nodes.get(node_id) if isinstance(node_id, str) else None
            if here is not None and here.kind == getattr(ref, "kind", None):
                return here.id
            raise NodeNotFound(f"{ref!r} is not a node of map {self.name!r}")
        if ref in self._nodes:
            return ref
        by_iri = self._iri_index.get(ref)
        if by_iri is not None:
            return by_iri
        local = id_from_iri(self.base, ref)
        if local is not None and local in self._nodes and self._nodes[local].iri is None:
            return local
        hits = self._texts().get(ref)
        if hits:
            if len(hits) > 1:
                raise NodeNotFound(
                    f"{ref!r} is the text of {len(hits)} nodes ({', '.join(sorted(hits))}) "
                    f"in map {self.name!r}; name one by id"
                )
            return hits[0]
        needle = ref.casefold().strip()
        if len(needle) >= 3:
            found = [
                n.id
                for n in self._nodes.values()
                if n.kind in STATEMENT_KINDS and needle in n.text.casefold()
            ]
            if len(found) == 1:
                return found[0]
            if len(found) > 1:
                shown = ", ".join(sorted(found)[:8])
                raise NodeNotFound(
                    f"{ref!r} matches {len(found)} statements of map {self.name!r} "
                    f"({shown}{', ...' if len(found) > 8 else ''}); name one by id"
                )
        raise NodeNotFound(
            f"no node {ref!r} in map {self.name!r}: it is not the id, IRI or text of any node"
        )

    def _texts(self) -> dict[str, list[str]]:
        if self._text_index is None:
            index: dict[str, list[str]] = {}
            for node in self._nodes.values():
                if node.text:
                    index.setdefault(node.text, []).append(node.id)
            self._text_index = index
        return self._text_index

    def get(self, ref: Ref, default: Node | None = None) -> Node | None:
        """The node ``ref`` names, or ``default``."""
        try:
            return self._nodes[self.resolve(ref)]
        except NodeNotFound:
            return default

    def __getitem__(self, ref: Ref) -> Node:
        return self._nodes[self.resolve(ref)]

    def __contains__(self, ref: object) -> bool:
        if not isinstance(ref, str) and getattr(ref, "kind", None) is None:
            return False
        try:
            self.resolve(cast(Ref, ref))
        except NodeNotFound:
            return False
        return True

    def __len__(self) -> int:
        return len(self._nodes)

    def __iter__(self) -> Iterator[Node]:
        return iter(list(self._nodes.values()))

    def __repr__(self) -> str:
        counts = self.counts()
        shown = ", ".join(f"{v} {k}" for k, v in counts.items() if v)
        return f"<ArgumentMap {self.name!r}: {shown or 'empty'}>"

    # Conveniences for notebooks: each forwards to the function of a higher layer, imported
    # when called (tests/test_layers.py lists these forwards; nothing is patched on).

    def trace(self, statement: Ref) -> Trace:
        """Trace a statement to its premises (see :func:`argmap.trace`)."""
        from argmap.query import trace

        return trace(self, statement)

    def critical_premises(self, statement: Ref) -> tuple[str, ...]:
        """The premises whose loss alone unsupports a statement (:func:`argmap.critical_premises`)."""
        from argmap.query import critical_premises

        return critical_premises(self, statement)

    def what_if(self, remove: Iterable[Ref]) -> WhatIf:
        """What loses complete support if ``remove`` falls (see :func:`argmap.what_if`)."""
        from argmap.query import what_if

        return what_if(self, remove)

    def to_rdflib(self) -> rdflib.Graph:
        """The map as an rdflib Graph (see :func:`argmap.to_rdflib`)."""
        from argmap.rdf import to_rdflib

        return to_rdflib(self)

    def _repr_html_(self) -> str | None:
        from argmap.display import repr_html

        return repr_html(self)

    def _repr_mimebundle_(self, include: object = None, exclude: object = None) -> Any:
        from argmap.display import repr_mimebundle

        return repr_mimebundle(self)

    def counts(self) -> dict[str, int]:
        """How many nodes of each kind the map holds.

        >>> ArgumentMap("c").counts()["claim"]
        0
        """
        counts = dict.fromkeys(MODEL_BY_KIND, 0)
        for node in self._nodes.values():
            counts[node.kind] += 1
        counts["anchors"] = sum(len(n.anchors) for n in self._nodes.values())
        counts["abouts"] = len(self._abouts)
        return counts

    def nodes(self, kind: str | Iterable[str] | None = None) -> Iterator[Node]:
        """Iterate the nodes, optionally of one kind or several kinds.

        >>> m = ArgumentMap("k"); _ = m.claim("A claim here.")
        >>> [n.kind for n in m.nodes("claim")]
        ['claim']
        """
        if kind is None:
            return iter(list(self._nodes.values()))
        kinds = {kind} if isinstance(kind, str) else set(kind)
        unknown = kinds - set(MODEL_BY_KIND) - {"statement"}
        if unknown:
            raise ModelError(f"nodes: unknown kind(s) {sorted(unknown)}")
        if "statement" in kinds:
            kinds |= STATEMENT_KINDS
        return iter([n for n in self._nodes.values() if n.kind in kinds])

    def statements(self) -> Iterator[Claim | Evidence | Recommendation]:
        """Claims, evidence and recommendations."""
        return cast(Iterator[Claim | Evidence | Recommendation], self.nodes(STATEMENT_KINDS))

    def claims(self) -> Iterator[Claim]:
        """The claims."""
        return cast(Iterator[Claim], self.nodes("claim"))

    def evidence_nodes(self) -> Iterator[Evidence]:
        """The evidence."""
        return cast(Iterator[Evidence], self.nodes("evidence"))

    def recommendations(self) -> Iterator[Recommendation]:
        """The recommendations."""
        return cast(Iterator[Recommendation], self.nodes("recommendation"))

    def actors(self) -> Iterator[Actor]:
        """The actors."""
        return cast(Iterator[Actor], self.nodes("actor"))

    def alternatives(self) -> Iterator[Alternative]:
        """The alternatives."""
        return cast(Iterator[Alternative], self.nodes("alternative"))

    def issues(self) -> Iterator[Issue]:
        """The issues."""
        return cast(Iterator[Issue], self.nodes("issue"))

    def sources(self) -> Iterator[Source]:
        """The sources."""
        return cast(Iterator[Source], self.nodes("source"))

    def arguments(self) -> Iterator[Argument]:
        """The arguments."""
        return cast(Iterator[Argument], self.nodes("argument"))

    def attacks(self) -> Iterator[Attack]:
        """The attacks."""
        return cast(Iterator[Attack], self.nodes("attack"))

    def stances(self) -> Iterator[Stance]:
        """The stances."""
        return cast(Iterator[Stance], self.nodes("stance"))

    def abouts(self) -> Iterator[About]:
        """The about-edges, in a stable order."""
        return iter([About(statement=s, subject=o) for s, o in sorted(self._abouts)])

    # ------------------------------------------------------------------ neighbourhood

    def _in(self, node_id: str, key: str) -> list[str]:
        pred = self._g._pred.get(node_id)
        if not pred:
            return []
        return [u for u, keys in pred.items() if key in keys]

    def _out(self, node_id: str, key: str) -> list[str]:
        succ = self._g._succ.get(node_id)
        if not succ:
            return []
        return [v for v, keys in succ.items() if key in keys]

    def arguments_for(self, ref: Ref) -> list[Argument]:
        """The arguments whose conclusion is ``ref``."""
        return [
            cast(Argument, self._nodes[a])
            for a in sorted(self._in(self.resolve(ref), "conclusion"))
        ]

    def arguments_using(self, ref: Ref) -> list[Argument]:
        """The arguments that use ``ref`` as a premise."""
        return [
            cast(Argument, self._nodes[a]) for a in sorted(self._out(self.resolve(ref), "premise"))
        ]

    def attacks_on(self, ref: Ref) -> list[Attack]:
        """The attacks whose target is ``ref`` (a statement, an argument or an attack)."""
        node_id = self.resolve(ref)
        found = [u for u in self._in(node_id, "target") if self._nodes[u].kind == "attack"]
        return [cast(Attack, self._nodes[a]) for a in sorted(found)]

    def attacks_by(self, ref: Ref) -> list[Attack]:
        """The attacks that ``ref`` makes."""
        return [
            cast(Attack, self._nodes[a]) for a in sorted(self._out(self.resolve(ref), "attacker"))
        ]

    def stances_on(self, ref: Ref) -> list[Stance]:
        """The stances actors take on ``ref``."""
        node_id = self.resolve(ref)
        found = [u for u in self._in(node_id, "target") if self._nodes[u].kind == "stance"]
        return [cast(Stance, self._nodes[s]) for s in sorted(found)]

    def stances_of(self, ref: Ref) -> list[Stance]:
        """The stances an actor takes."""
        return [cast(Stance, self._nodes[s]) for s in sorted(self._out(self.resolve(ref), "actor"))]

    def about_of(self, ref: Ref) -> list[str]:
        """Ids of what the statement ``ref`` is about."""
        return sorted(self._out(self.resolve(ref), "about"))

    def statements_about(self, ref: Ref) -> list[str]:
        """Ids of the statements that are about ``ref``."""
        return sorted(self._in(self.resolve(ref), "about"))

    def attack_type(self, ref: Ref) -> str:
        """The attack's type: as declared, or derived from its target.

        An attack on an argument or on an attack undercuts it; on a statement that some
        argument uses as a premise and none concludes, it undermines; on any other
        statement, it rebuts.
        """
        attack = self[ref]
        if not isinstance(attack, Attack):
            raise KindError(
                f"attack_type: {attack.id!r} is {kind_word(attack.kind)}, not an attack"
            )
        if attack.attack_type is not None:
            return attack.attack_type
        return self._derive_attack_type(attack.target)

    def _derive_attack_type(self, target: str) -> str:
        if self._nodes[target].kind in ("argument", "attack"):
            return "undercut"
        if self._out(target, "premise") and not self._in(target, "conclusion"):
            return "undermine"
        return "rebut"

    # ------------------------------------------------------------------ graph views

    @property
    def graph(self) -> nx.MultiDiGraph:
        """A read-only networkx view of the map's structure (edge keys name roles).

        >>> m = ArgumentMap("g"); a = m.argue([m.claim("P holds.")], m.claim("C holds."))
        >>> sorted(k for _, _, k in m.graph.edges(keys=True))
        ['conclusion', 'premise']
        """
        if self._view is None or self._view[0] != self._version:
            self._view = (self._version, self._g.copy(as_view=True))
        return self._view[1]

    def to_networkx(self) -> nx.MultiDiGraph:
        """A copy of the graph with node attributes ``kind``, ``text``, ``label``, ``iri``.

        >>> m = ArgumentMap("n"); _ = m.claim("Some claim.", id="c")
        >>> m.to_networkx().nodes["c"]["kind"]
        'claim'
        """
        g = nx.MultiDiGraph(name=self.name, iri=self.iri)
        for node in self._nodes.values():
            attrs: dict[str, Any] = {
                "kind": node.kind,
                "text": node.text,
                "iri": self.iri_of(node.id),
            }
            if node.label:
                attrs["label"] = node.label
            if isinstance(node, Argument) and node.scheme:
                attrs["scheme"] = node.scheme
            if isinstance(node, Attack):
                attrs["attack_type"] = self.attack_type(node.id)
            if isinstance(node, Stance):
                attrs["role"] = node.role
            if node.id in self.labels:
                attrs["acceptability"] = self.labels[node.id]
            if node.id in self.strengths:
                attrs["strength"] = self.strengths[node.id]
            g.add_node(node.id, **attrs)
        g.add_edges_from((u, v, k, {"role": k}) for u, v, k in self._g.edges(keys=True))
        return g

    # ------------------------------------------------------------------ building

    def add(self, node: N) -> N:
        """Add a node model; returns the node now in the map.

        Adding a node equal to one already present is a no-op (builder cells can be run
        twice); a different node under a taken id or IRI is refused.

        >>> m = ArgumentMap("a")
        >>> c = m.add(Claim(id="c", text="A claim."))
        >>> m.add(Claim(id="c", text="A claim.")) is c
        True
        >>> m.add(Claim(id="c", text="Another claim."))
        Traceback (most recent call last):
        ...
        argmap.errors.DuplicateNode: add: id 'c' is already taken by a different claim ('A claim.')
        """
        existing = self._nodes.get(node.id)
        if existing is not None:
            if existing == node:
                return cast(N, existing)
            raise DuplicateNode(
                f"add: id {node.id!r} is already taken by a different "
                f"{existing.kind} ({existing.text[:60]!r})"
            )
        self._check_refs(node, "add")
        self._insert(node)
        self._touch()
        return node

    def _check_refs(self, node: Node, call: str, *, anchors: bool = True) -> None:
        if node.iri is not None:
            owner = self._iri_index.get(node.iri)
            if owner is not None and owner != node.id:
                raise DuplicateNode(f"{call}: IRI <{node.iri}> already names node {owner!r}")
        here = self._nodes
        for kind_set, ref, role in references(node):
            target = here.get(ref)
            if target is None or target.kind not in kind_set:
                self._expect(ref, kind_set, call, role)  # says what is wrong
        if anchors:
            self._check_anchors(node, call)
        if isinstance(node, Attack):
            target_kind = self._nodes[node.target].kind
            if node.attack_type == "undercut" and target_kind not in ("argument", "attack"):
                raise KindError(
                    f"{call}: an undercut attacks an argument or an attack, but "
                    f"{node.target!r} is {kind_word(target_kind)}; use rebut or undermine"
                )
            if node.attack_type in ("rebut", "undermine") and target_kind in ("argument", "attack"):
                raise KindError(
                    f"{call}: {node.attack_type} attacks a statement, but {node.target!r} is "
                    f"{kind_word(target_kind)}; attacks on {kind_word(target_kind)} are undercuts"
                )

    def _check_anchors(self, node: Node, call: str) -> None:
        here = self._nodes
        for anchor in node.anchors:
            source = here.get(anchor.source)
            if source is None or source.kind != "source":
                self._expect(anchor.source, {"source"}, call, "anchor source")

    def _expect(self, ref: str, kinds: set[str] | frozenset[str], call: str, role: str) -> None:
        target = self._nodes.get(ref)
        if target is None:
            raise NodeNotFound(f"{call}: the {role} {ref!r} is not a node of map {self.name!r}")
        if target.kind not in kinds:
            wanted = " or ".join(kind_word(k) for k in sorted(kinds))
            raise KindError(
                f"{call}: the {role} {ref!r} is {kind_word(target.kind)}; it must be {wanted}"
            )

    def _insert(self, node: Node) -> None:
        """Put a checked node in the store and the graph.

        Writes networkx's adjacency dicts directly (what ``add_node``/``add_edge`` do,
        without their per-call overhead), then clears networkx's cache as they would.
        """
        node_id = node.id
        self._nodes[node_id] = node
        if node.iri is not None:
            self._iri_index[node.iri] = node_id
        g = self._g
        succ, pred = g._succ, g._pred
        if node_id not in succ:
            succ[node_id] = {}
            pred[node_id] = {}
            g._node[node_id] = NO_ATTRS
        for u, v, key in edges_of(node):
            out = succ.get(u)
            if out is None or v not in pred:
                missing = v if out is not None else u
                raise NodeNotFound(f"{node_id!r} refers to {missing!r}, which is not in the map")
            keys = out.get(v)
            if keys is None:
                keys = {}
                out[v] = keys
                pred[v][u] = keys
            keys[key] = NO_ATTRS
        cache = getattr(g, "__networkx_cache__", None)
        if cache:
            cache.clear()

    def _replace(self, node: Node) -> None:
        """Swap a node model for a re-validated copy with the same id and references."""
        fresh = type(node).model_validate(node.model_dump())
        self._nodes[fresh.id] = fresh
        self._touch()

    # ------------------------------------------------------------------ removal

    def remove(self, ref: Ref) -> list[str]:
        """Remove a node and what depends on it (see the module docstring); returns ids.

        >>> m = ArgumentMap("x")
        >>> p = m.claim("Only premise.", id="p"); c = m.claim("Conclusion.", id="c")
        >>> _ = m.argue([p], c, id="a")
        >>> m.remove("p")
        ['a', 'p']
        """
        return remove_cascade(self, ref)

    # ------------------------------------------------------------------ whole maps

    def copy(self) -> ArgumentMap:
        """An independent copy (models are immutable, so they are shared).

        >>> m = ArgumentMap("x"); _ = m.claim("A.")
        >>> m2 = m.copy(); _ = m2.claim("B."); (len(m), len(m2))
        (1, 2)
        """
        return copy_map(self)

    def merge(self, other: ArgumentMap) -> ArgumentMap:
        """Add every node of ``other`` to this map, identifying nodes by IRI.

        A node whose IRI is already here must be equal to the one here (anchors, tags and
        same-as links are united); else :class:`MergeConflict`, and this map is unchanged.

        >>> a = ArgumentMap("x"); _ = a.claim("Shared claim.", id="s")
        >>> b = ArgumentMap("x"); _ = b.claim("Shared claim.", id="s"); _ = b.claim("New.", id="n")
        >>> len(a.merge(b))
        2
        """
        return merge_into(self, other)

    def _find_iri(self, iri: str) -> str | None:
        if iri in self._iri_index:
            return self._iri_index[iri]
        local = id_from_iri(self.base, iri)
        if local is not None and local in self._nodes and self._nodes[local].iri is None:
            return local
        return None

    def _adopt(self, other: ArgumentMap) -> None:
        """Take over ``other``'s contents (the swap step of every all-or-nothing change)."""
        self._nodes = other._nodes
        self._iri_index = other._iri_index
        self._abouts = other._abouts
        self._g = other._g
        self.extra = other.extra
        self.labels = other.labels
        self.strengths = other.strengths
        self.semantics = other.semantics
        self._touch()

    def set_labels(self, labels: Mapping[str, str], *, semantics: str) -> None:
        """Record acceptability labels (IN, OUT, UNDEC) computed under ``semantics``."""
        bad = {v for v in labels.values() if v not in ("IN", "OUT", "UNDEC")}
        if bad:
            raise ModelError(f"set_labels: labels must be IN, OUT or UNDEC, not {sorted(bad)}")
        missing = [k for k in labels if k not in self._nodes]
        if missing:
            raise NodeNotFound(f"set_labels: no node {missing[0]!r} in map {self.name!r}")
        self.labels = dict(labels)
        self.semantics = semantics
        self._touch()

    def set_strengths(self, strengths: Mapping[str, float]) -> None:
        """Record gradual strengths in [0, 1]."""
        for k, v in strengths.items():
            if k not in self._nodes:
                raise NodeNotFound(f"set_strengths: no node {k!r} in map {self.name!r}")
            if not 0.0 <= v <= 1.0:
                raise ModelError(f"set_strengths: strength of {k!r} is {v}, not in [0, 1]")
        self.strengths = {k: float(v) for k, v in strengths.items()}
        self._touch()

    def canonical(self) -> tuple[Any, ...]:
        """What equality compares: nodes (with effective attack types), edges, extras."""
        nodes = {}
        for node_id, node in self._nodes.items():
            if isinstance(node, Attack) and node.attack_type is None:
                node = node.model_copy(
                    update={"attack_type": self._derive_attack_type(node.target)}
                )
            nodes[node_id] = node
        return (
            self.iri,
            self.title,
            nodes,
            frozenset(self._abouts),
            frozenset(self.extra),
            self.labels,
            self.strengths,
            self.semantics,
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ArgumentMap):
            return NotImplemented
        mine, theirs = self.canonical(), other.canonical()
        if mine == theirs:
            return True
        # foreign triples with blank nodes are equal up to the blank nodes' labels
        return mine[:4] + mine[5:] == theirs[:4] + theirs[5:] and same_graph(
            self.extra, other.extra
        )

    __hash__ = None  # type: ignore[assignment]

    # ------------------------------------------------------------------ bulk

    @classmethod
    def from_nodes(
        cls,
        nodes: Iterable[Node],
        abouts: Iterable[tuple[str, str]] = (),
        *,
        name: str = "map",
        iri: str | None = None,
        title: str | None = None,
        check: bool = True,
        on_error: Callable[[Node, Exception], None] | None = None,
    ) -> ArgumentMap:
        """Build a map from node models in one pass (what importers and generators use).

        Nodes may come in any order. With ``check`` (the default) every reference is
        checked as :meth:`add` would; ``on_error`` receives each refused node instead of
        raising (lenient importers collect them).

        >>> m = ArgumentMap.from_nodes([Argument(id="a", premises=("p",), conclusion="c"),
        ...     Claim(id="p", text="P."), Claim(id="c", text="C.")])
        >>> sorted(m.graph.edges(keys=True))
        [('a', 'c', 'conclusion'), ('p', 'a', 'premise')]
        """
        return build_from_nodes(cls, nodes, abouts, name, iri, title, check, on_error)
