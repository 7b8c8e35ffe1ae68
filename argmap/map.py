"""ArgumentMap: the one in-memory truth of an argument map.

The map stores node models and a networkx ``MultiDiGraph`` of how they connect, and
refuses what cannot be: an argument that concludes in an actor, an attack on an actor, a
stance whose actor is a claim, a reference to a node that is not there. Algorithms live
elsewhere as plain functions (:mod:`argmap.query`, :mod:`argmap.validate`, ...).

Graph edges (all keyed by role, none carry attributes)::

    premise     statement -> argument        conclusion  argument -> statement
    attacker    statement -> attack          target      attack -> statement | argument | attack
    actor       actor -> stance              target      stance -> statement | alternative | issue
    about       statement -> actor | alternative | issue | source
    source      evidence -> source           issue       alternative -> issue
    author      source -> actor              publisher   source -> actor

Removal cascades: removing a statement removes the arguments that conclude in it, the
attacks it makes or suffers, the stances on it, and takes it out of the premises of
other arguments (an argument left with no premise goes too); removing an argument removes
the attacks on it; removing an attack removes the attacks on that attack; removing an actor removes its stances and clears it as a source's
author or publisher; removing a source drops the anchors that quote it and clears it as
the source of evidence; removing an issue clears it from alternatives.

Examples
--------
>>> m = ArgumentMap("demo")
>>> flawed = m.claim("The draft convention is flawed.", id="flawed")
>>> abstain = m.recommendation("The U.S. should abstain.", id="abstain")
>>> arg = m.argue([flawed], abstain, scheme="practical reasoning")
>>> m["abstain"].text
'The U.S. should abstain.'
>>> [a.conclusion for a in m.arguments_for("abstain")]
['abstain']
>>> m.iri_of("flawed")
'https://w3id.org/argmap/map/demo/flawed'
>>> m.actor("Russia", type="state", id="russia").actor_type
'state'
>>> m.argue(["flawed"], "russia")
Traceback (most recent call last):
...
argmap.errors.KindError: argue: the conclusion 'russia' is an actor; an argument concludes in a statement (claim, evidence or recommendation)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, TypeAlias, TypeVar, cast

import networkx as nx
from pydantic import BaseModel, ValidationError

from argmap.errors import DuplicateNode, KindError, MergeConflict, ModelError, NodeNotFound
from argmap.ids import id_from_iri, iri_for, mint_id
from argmap.model import (
    ENTITY_KINDS,
    MODEL_BY_KIND,
    STATEMENT_KINDS,
    About,
    Actor,
    Alternative,
    Anchor,
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
from argmap.util import no_gc
from argmap.vocab import KIND_WORDS, MULTI_REFERENCES, SINGLE_REFERENCES

if TYPE_CHECKING:
    from argmap.anchoring import ReanchorReport

__all__ = ["DEFAULT_MAP_BASE", "ArgumentMap", "Ref"]

DEFAULT_MAP_BASE = "https://w3id.org/argmap/map/"

Ref: TypeAlias = "str | Node"
N = TypeVar("N", bound=Node)
M = TypeVar("M", bound=BaseModel)

# The order a bulk insert adds kinds in, so references always point backwards.
_KIND_ORDER = {
    k: i
    for i, k in enumerate(
        [
            "actor",
            "issue",
            "source",
            "alternative",
            "claim",
            "evidence",
            "recommendation",
            "argument",
            "attack",
            "stance",
        ]
    )
}
_ANCHOR_CONTEXT = 32


class _NoAttrs(dict):  # type: ignore[type-arg]
    """One shared, empty, read-only attribute dict for every edge and node of the graph.

    Edges carry their role in the key and nothing else; sharing one dict saves ~100 bytes
    an edge at a million nodes.
    """

    __slots__ = ()

    def _refuse(self, *args: Any, **kwargs: Any) -> None:
        raise TypeError(
            "argmap's graph is read-only; use ArgumentMap.to_networkx() for a copy you can annotate"
        )

    __setitem__ = _refuse
    __delitem__ = _refuse
    setdefault = _refuse
    pop = _refuse
    popitem = _refuse  # type: ignore[assignment]
    clear = _refuse

    def update(self, *args: Any, **kwargs: Any) -> None:
        if any(args) or kwargs:
            self._refuse()


_NO_ATTRS = _NoAttrs()


def _no_attrs() -> dict[str, Any]:
    return _NO_ATTRS


def _kind_word(kind: str) -> str:
    return KIND_WORDS.get(kind, kind)


class ArgumentMap:
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
        g = nx.MultiDiGraph()
        g.edge_attr_dict_factory = _no_attrs
        g.node_attr_dict_factory = _no_attrs
        return g

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
                f"attack_type: {attack.id!r} is {_kind_word(attack.kind)}, not an attack"
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
        for kind_set, ref, role in _references(node):
            self._expect(ref, kind_set, call, role)
        if anchors:
            self._check_anchors(node, call)
        if isinstance(node, Attack):
            target_kind = self._nodes[node.target].kind
            if node.attack_type == "undercut" and target_kind not in ("argument", "attack"):
                raise KindError(
                    f"{call}: an undercut attacks an argument or an attack, but "
                    f"{node.target!r} is {_kind_word(target_kind)}; use rebut or undermine"
                )
            if node.attack_type in ("rebut", "undermine") and target_kind in ("argument", "attack"):
                raise KindError(
                    f"{call}: {node.attack_type} attacks a statement, but {node.target!r} is "
                    f"{_kind_word(target_kind)}; attacks on {_kind_word(target_kind)} are undercuts"
                )

    def _check_anchors(self, node: Node, call: str) -> None:
        for anchor in node.anchors:
            self._expect(anchor.source, {"source"}, call, "anchor source")

    def _expect(self, ref: str, kinds: set[str] | frozenset[str], call: str, role: str) -> None:
        target = self._nodes.get(ref)
        if target is None:
            raise NodeNotFound(f"{call}: the {role} {ref!r} is not a node of map {self.name!r}")
        if target.kind not in kinds:
            wanted = " or ".join(_kind_word(k) for k in sorted(kinds))
            raise KindError(
                f"{call}: the {role} {ref!r} is {_kind_word(target.kind)}; it must be {wanted}"
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
            g._node[node_id] = _NO_ATTRS
        for u, v, key in _edges_of(node):
            out = succ.get(u)
            if out is None or v not in pred:
                missing = v if out is not None else u
                raise NodeNotFound(f"{node_id!r} refers to {missing!r}, which is not in the map")
            keys = out.get(v)
            if keys is None:
                keys = {}
                out[v] = keys
                pred[v][u] = keys
            keys[key] = _NO_ATTRS
        cache = getattr(g, "__networkx_cache__", None)
        if cache:
            cache.clear()

    def _make(self, cls: type[M], call: str, **fields: Any) -> M:
        try:
            return cls(**fields)
        except ValidationError as exc:
            problems = "; ".join(
                f"{'.'.join(str(p) for p in e['loc']) or cls.__name__}: {e['msg']}"
                for e in exc.errors()
            )
            raise ModelError(f"{call}: {problems}") from None

    def _entity(self, cls: type[N], call: str, text: str, id: str | None, **fields: Any) -> N:
        kind = cast(str, cls.model_fields["kind"].default)
        node_id = id if id is not None else mint_id(kind, text)
        fields = {k: v for k, v in fields.items() if v is not None}
        node = self._make(cls, call, id=node_id, text=text, **fields)
        self._check_text_kind(node, call)
        return self.add(node)

    def _check_text_kind(self, node: Node, call: str) -> None:
        existing = self._nodes.get(node.id)
        if existing is not None and existing.kind != node.kind:
            raise DuplicateNode(f"{call}: id {node.id!r} is already {_kind_word(existing.kind)}")

    def claim(self, text: str, *, id: str | None = None, **fields: Any) -> Claim:
        """Add a claim: a proposition the author asserts.

        >>> ArgumentMap("x").claim("The treaty was commandeered by Russia.", id="commandeered").id
        'commandeered'
        """
        return self._entity(Claim, "claim", text, id, **fields)

    def evidence(
        self, text: str, *, id: str | None = None, source: Ref | None = None, **fields: Any
    ) -> Evidence:
        """Add evidence: a fact, figure, event, document or testimony.

        >>> ArgumentMap("x").evidence("76 nations are party to it.").kind
        'evidence'
        """
        return self._entity(Evidence, "evidence", text, id, source=self._opt(source), **fields)

    def recommendation(self, text: str, *, id: str | None = None, **fields: Any) -> Recommendation:
        """Add a recommendation: who should do what.

        >>> ArgumentMap("x").recommendation("The U.S. should abstain.").kind
        'recommendation'
        """
        return self._entity(Recommendation, "recommendation", text, id, **fields)

    def actor(
        self, name: str, *, type: str = "other", id: str | None = None, **fields: Any
    ) -> Actor:
        """Add an actor: a person, organisation, state, body or group.

        >>> ArgumentMap("x").actor("U.S. Chamber of Commerce", type="organisation").actor_type
        'organisation'
        """
        return self._entity(Actor, "actor", name, id, actor_type=type, **fields)

    def alternative(
        self, text: str, *, id: str | None = None, issue: Ref | None = None, **fields: Any
    ) -> Alternative:
        """Add an alternative: an option that competes with what is recommended against.

        >>> ArgumentMap("x").alternative("Budapest Convention", id="budapest").id
        'budapest'
        """
        return self._entity(Alternative, "alternative", text, id, issue=self._opt(issue), **fields)

    def issue(self, text: str, *, id: str | None = None, **fields: Any) -> Issue:
        """Add an issue: the question the alternatives answer.

        >>> ArgumentMap("x").issue("How should the U.S. vote?").kind
        'issue'
        """
        return self._entity(Issue, "issue", text, id, **fields)

    def source(
        self,
        title: str,
        *,
        id: str | None = None,
        author: Ref | None = None,
        publisher: Ref | None = None,
        date: str | None = None,
        url: str | None = None,
        **fields: Any,
    ) -> Source:
        """Add a source document (author and publisher are actors already in the map).

        >>> ArgumentMap("x").source("A brief", id="brief", date="2024-08-28").date
        '2024-08-28'
        """
        return self._entity(
            Source,
            "source",
            title,
            id,
            author=self._opt(author),
            publisher=self._opt(publisher),
            date=date,
            url=url,
            **fields,
        )

    def _opt(self, ref: Ref | None) -> str | None:
        return None if ref is None else self.resolve(ref)

    def argue(
        self,
        premises: Ref | Sequence[Ref],
        conclusion: Ref,
        *,
        scheme: str | None = None,
        id: str | None = None,
        **fields: Any,
    ) -> Argument:
        """Add an argument: the premises, jointly (linked), support the conclusion.

        For convergent support, call ``argue`` once per independent reason.

        >>> m = ArgumentMap("x")
        >>> a = m.argue([m.claim("P one."), m.claim("P two.")], m.claim("C."))
        >>> len(a.premises)
        2
        """
        if isinstance(premises, str) or not isinstance(premises, Sequence):
            premises = [premises]
        premise_ids = [self._resolve_for("argue", p, "premise") for p in premises]
        conclusion_id = self._resolve_for("argue", conclusion, "conclusion")
        for pid in premise_ids:
            self._expect(pid, STATEMENT_KINDS, "argue", "premise")
        self._expect_statement_conclusion(conclusion_id)
        node_id = (
            id if id is not None else mint_id("argument", *sorted(premise_ids), "->", conclusion_id)
        )
        node = self._make(
            Argument,
            "argue",
            id=node_id,
            premises=tuple(premise_ids),
            conclusion=conclusion_id,
            **({"scheme": scheme} if scheme is not None else {}),
            **fields,
        )
        self._check_text_kind(node, "argue")
        return self.add(node)

    def _expect_statement_conclusion(self, conclusion_id: str) -> None:
        kind = self._nodes[conclusion_id].kind
        if kind not in STATEMENT_KINDS:
            raise KindError(
                f"argue: the conclusion {conclusion_id!r} is {_kind_word(kind)}; an argument "
                "concludes in a statement (claim, evidence or recommendation)"
            )

    def _resolve_for(self, call: str, ref: Ref, role: str) -> str:
        try:
            return self.resolve(ref)
        except NodeNotFound as exc:
            raise NodeNotFound(f"{call}: the {role} {ref!r} is not in map {self.name!r}") from exc

    def attack(
        self,
        attacker: Ref | Sequence[Ref],
        target: Ref,
        *,
        type: str | None = None,
        id: str | None = None,
        **fields: Any,
    ) -> Attack:
        """Add an attack of a statement on a statement (rebut, undermine), an argument or an
        attack (undercut).

        ``attacker`` may be a list of statements that attack only jointly (linked
        attackers); the target may be another attack, which answers that objection.

        >>> m = ArgumentMap("x")
        >>> t = m.attack(m.claim("Its goals are laudable."), m.claim("The treaty is flawed."))
        >>> m.attack_type(t)
        'rebut'
        >>> u = m.attack([m.claim("Goals are words.", id="w"), m.claim("Words bind no one.",
        ...              id="b")], t, id="u")
        >>> u.attackers, m.attack_type(u)
        (('b', 'w'), 'undercut')
        """
        refs: list[Ref] = (
            list(attacker) if isinstance(attacker, (list, tuple)) else [cast(Ref, attacker)]
        )
        if not refs:
            raise ModelError("attack: name at least one attacker")
        attacker_ids = [self._resolve_for("attack", r, "attacker") for r in refs]
        target_id = self._resolve_for("attack", target, "target")
        if id is not None:
            node_id = id
        elif len(attacker_ids) == 1:
            node_id = mint_id("attack", attacker_ids[0], "->", target_id)
        else:
            node_id = mint_id("attack", *sorted(attacker_ids), "->", target_id)
        if len(attacker_ids) > 1:
            fields["co_attackers"] = tuple(attacker_ids[1:])
        node = self._make(
            Attack,
            "attack",
            id=node_id,
            attacker=attacker_ids[0],
            target=target_id,
            **({"attack_type": type} if type is not None else {}),
            **fields,
        )
        self._check_text_kind(node, "attack")
        return self.add(node)

    def stance(
        self, actor: Ref, role: str, target: Ref, *, id: str | None = None, **fields: Any
    ) -> Stance:
        """Add an actor's stance (asserts, endorses, opposes, addressed_by) on a target.

        >>> m = ArgumentMap("x")
        >>> s = m.stance(m.actor("The Chamber"), "asserts", m.claim("It is flawed."))
        >>> s.role
        'asserts'
        """
        actor_id = self._resolve_for("stance", actor, "actor")
        target_id = self._resolve_for("stance", target, "target")
        node_id = id if id is not None else mint_id("stance", actor_id, role, target_id)
        node = self._make(
            Stance, "stance", id=node_id, actor=actor_id, role=role, target=target_id, **fields
        )
        self._check_text_kind(node, "stance")
        return self.add(node)

    def about(self, statement: Ref, subject: Ref) -> About:
        """Record that a statement is about an actor, alternative, issue or source.

        >>> m = ArgumentMap("x")
        >>> m.about(m.claim("Russia commandeered it."), m.actor("Russia")).subject
        'russia-...'
        """
        stmt_id = self._resolve_for("about", statement, "statement")
        subject_id = self._resolve_for("about", subject, "subject")
        self._expect(stmt_id, STATEMENT_KINDS, "about", "statement")
        self._expect(subject_id, ENTITY_KINDS, "about", "subject")
        if (stmt_id, subject_id) not in self._abouts:
            self._abouts.add((stmt_id, subject_id))
            self._g.add_edge(stmt_id, subject_id, key="about")
            self._touch()
        return About(statement=stmt_id, subject=subject_id)

    def anchor(
        self,
        node: Ref,
        exact: str,
        *,
        source: Ref,
        prefix: str | None = None,
        suffix: str | None = None,
        start: int | None = None,
        end: int | None = None,
        text: str | None = None,
        occurrence: int = 1,
    ) -> Anchor:
        """Anchor a node to an exact quote in a source.

        Give ``text`` (the source's full text) and argmap finds the quote's
        ``occurrence``-th appearance and fills in offsets, prefix and suffix (32
        characters each); or give them yourself.

        >>> m = ArgumentMap("x"); s = m.source("Doc", id="doc")
        >>> c = m.claim("It is flawed.")
        >>> a = m.anchor(c, "flawed", source=s, text="The text is flawed, sadly.")
        >>> (a.start, a.end, a.prefix, a.suffix)
        (12, 18, 'The text is ', ', sadly.')
        """
        node_id = self._resolve_for("anchor", node, "node")
        source_id = self._resolve_for("anchor", source, "source")
        self._expect(source_id, {"source"}, "anchor", "source")
        if text is not None:
            pos = -1
            for _ in range(max(occurrence, 1)):
                pos = text.find(exact, pos + 1)
                if pos < 0:
                    raise ModelError(
                        f"anchor: quote {exact!r} (occurrence {occurrence}) is not in the "
                        f"text of source {source_id!r}"
                    )
            if start is not None and start != pos:
                raise ModelError(f"anchor: quote {exact!r} is at {pos}, not at {start}")
            start, end = pos, pos + len(exact)
            if prefix is None:
                prefix = text[max(0, start - _ANCHOR_CONTEXT) : start]
            if suffix is None:
                suffix = text[end : end + _ANCHOR_CONTEXT]
        anchor = self._make(
            Anchor,
            "anchor",
            source=source_id,
            exact=exact,
            prefix=prefix or "",
            suffix=suffix or "",
            start=start,
            end=end,
        )
        current = self._nodes[node_id]
        if anchor not in current.anchors:
            self._replace(current.model_copy(update={"anchors": (*current.anchors, anchor)}))
        return anchor

    def reanchor(self, source: Ref, new_text: str, **options: Any) -> ReanchorReport:
        """Re-find every anchor into ``source`` in its revised text; kept, moved, fuzzy or
        lost each (see :func:`argmap.anchoring.reanchor` for ``options``)."""
        from argmap.anchoring import reanchor

        return reanchor(self, source, new_text, **options)

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
        start = self.resolve(ref)
        removed: list[str] = []
        queue = [start]
        while queue:
            node_id = queue.pop()
            if node_id not in self._nodes:
                continue
            queue.extend(self._detach(node_id))
            node = self._nodes.pop(node_id)
            if node.iri is not None:
                self._iri_index.pop(node.iri, None)
            self._g.remove_node(node_id)
            self._abouts = {(s, o) for s, o in self._abouts if node_id not in (s, o)}
            self.labels.pop(node_id, None)
            self.strengths.pop(node_id, None)
            removed.append(node_id)
        self._touch()
        return sorted(removed)

    def _detach(self, node_id: str) -> list[str]:
        """Fix up the neighbours of a node about to go; return ids that must go too."""
        node = self._nodes[node_id]
        doomed: list[str] = []
        kind = node.kind
        if kind in STATEMENT_KINDS:
            doomed += self._in(node_id, "conclusion")
            doomed += self._out(node_id, "attacker")
            doomed += self._in(node_id, "target")  # attacks and stances on it
            for arg_id in self._out(node_id, "premise"):
                arg = cast(Argument, self._nodes[arg_id])
                rest = tuple(p for p in arg.premises if p != node_id)
                if rest:
                    self._nodes[arg_id] = arg.model_copy(update={"premises": rest})
                else:
                    doomed.append(arg_id)
        elif kind in ("argument", "attack"):
            doomed += self._in(node_id, "target")
        elif kind == "actor":
            doomed += self._out(node_id, "actor")
            for src_id in self._in(node_id, "author") + self._in(node_id, "publisher"):
                src = cast(Source, self._nodes[src_id])
                update = {f: None for f in ("author", "publisher") if getattr(src, f) == node_id}
                self._nodes[src_id] = src.model_copy(update=update)
        elif kind in ("alternative", "issue"):
            doomed += self._in(node_id, "target")
            for alt_id in self._in(node_id, "issue"):
                self._nodes[alt_id] = self._nodes[alt_id].model_copy(update={"issue": None})
        elif kind == "source":
            for ev_id in self._in(node_id, "source"):
                self._nodes[ev_id] = self._nodes[ev_id].model_copy(update={"source": None})
            for other in list(self._nodes.values()):
                if any(a.source == node_id for a in other.anchors):
                    kept = tuple(a for a in other.anchors if a.source != node_id)
                    self._nodes[other.id] = other.model_copy(update={"anchors": kept})
        return doomed

    # ------------------------------------------------------------------ whole maps

    def copy(self) -> ArgumentMap:
        """An independent copy (models are immutable, so they are shared).

        >>> m = ArgumentMap("x"); _ = m.claim("A.")
        >>> m2 = m.copy(); _ = m2.claim("B."); (len(m), len(m2))
        (1, 2)
        """
        other = ArgumentMap(self.name, iri=self.iri, title=self.title)
        other._nodes = dict(self._nodes)
        other._iri_index = dict(self._iri_index)
        other._abouts = set(self._abouts)
        other._g = self._new_graph()
        other._g.add_nodes_from(self._g)
        other._g.add_edges_from(self._g.edges(keys=True))
        other.extra = list(self.extra)
        other.labels = dict(self.labels)
        other.strengths = dict(self.strengths)
        other.semantics = self.semantics
        return other

    def merge(self, other: ArgumentMap) -> ArgumentMap:
        """Add every node of ``other`` to this map, identifying nodes by IRI.

        A node whose IRI is already here must be equal to the one here (anchors, tags and
        same-as links are united); else :class:`MergeConflict`, and this map is unchanged.

        >>> a = ArgumentMap("x"); _ = a.claim("Shared claim.", id="s")
        >>> b = ArgumentMap("x"); _ = b.claim("Shared claim.", id="s"); _ = b.claim("New.", id="n")
        >>> len(a.merge(b))
        2
        """
        staged = self.copy()
        rename: dict[str, str] = {}
        incoming = sorted(other._nodes.values(), key=lambda n: _KIND_ORDER[n.kind])
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
        self._adopt(staged)
        return self

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
        with no_gc():
            return cls._from_nodes(nodes, abouts, name, iri, title, check, on_error)

    @classmethod
    def _from_nodes(
        cls,
        nodes: Iterable[Node],
        abouts: Iterable[tuple[str, str]],
        name: str,
        iri: str | None,
        title: str | None,
        check: bool,
        on_error: Callable[[Node, Exception], None] | None,
    ) -> ArgumentMap:
        m = cls(name, iri=iri, title=title)
        buckets: list[list[Node]] = [[] for _ in _KIND_ORDER]
        for node in nodes:
            buckets[_KIND_ORDER[node.kind]].append(node)
        attack_bucket = _KIND_ORDER["attack"]
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


_ATTACK_TARGET_KINDS = STATEMENT_KINDS | {"argument", "attack"}


def _references(node: Node) -> list[tuple[frozenset[str], str, str]]:
    """(allowed kinds, referenced id, role) for every reference a node makes."""
    refs: list[tuple[frozenset[str], str, str]] = []
    if isinstance(node, Argument):
        refs += [(STATEMENT_KINDS, p, "premise") for p in node.premises]
        refs.append((STATEMENT_KINDS, node.conclusion, "conclusion"))
    elif isinstance(node, Attack):
        refs += [(STATEMENT_KINDS, a, "attacker") for a in node.attackers]
        refs.append((_ATTACK_TARGET_KINDS, node.target, "target"))
    elif isinstance(node, Stance):
        refs.append((frozenset({"actor"}), node.actor, "actor"))
        refs.append((STATEMENT_KINDS | {"alternative", "issue"}, node.target, "target"))
    elif isinstance(node, Evidence) and node.source is not None:
        refs.append((frozenset({"source"}), node.source, "source"))
    elif isinstance(node, Alternative) and node.issue is not None:
        refs.append((frozenset({"issue"}), node.issue, "issue"))
    elif isinstance(node, Source):
        if node.author is not None:
            refs.append((frozenset({"actor"}), node.author, "author"))
        if node.publisher is not None:
            refs.append((frozenset({"actor"}), node.publisher, "publisher"))
    return refs


def _edges_of(node: Node) -> list[tuple[str, str, str]]:
    if isinstance(node, Argument):
        return [(p, node.id, "premise") for p in node.premises] + [
            (node.id, node.conclusion, "conclusion")
        ]
    if isinstance(node, Attack):
        return [(a, node.id, "attacker") for a in node.attackers] + [
            (node.id, node.target, "target")
        ]
    if isinstance(node, Stance):
        return [(node.actor, node.id, "actor"), (node.id, node.target, "target")]
    if isinstance(node, Evidence) and node.source is not None:
        return [(node.id, node.source, "source")]
    if isinstance(node, Alternative) and node.issue is not None:
        return [(node.id, node.issue, "issue")]
    if isinstance(node, Source):
        return [
            (node.id, ref, key)
            for key, ref in (("author", node.author), ("publisher", node.publisher))
            if ref is not None
        ]
    return []


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
