"""What changed between two versions of a map, and what it does to each recommendation.

:func:`diff` matches the nodes of two maps by id (or, with ``match="iri"``, by IRI, for
maps with different names or bases) and reports

* ``added`` and ``removed`` nodes (statements, entities, sources and the reified
  relations: arguments, attacks, stances);
* ``changed`` nodes: same id, different text, kind, premises, anchors, tags, data, or
  any other field (about-edges of a statement count as its field ``about``);
* for every recommendation whose justification the edit touches, what it lost and
  gained (premises, evidence), its critical premises before and after, attacks on its
  justification that are newly unanswered, and its acceptability label and strength
  before and after when those are computed (stored on the maps, or asked for with
  ``semantics=``).

The JSON contract of :meth:`MapDiff.to_dict` is documented in ``docs/diff-json.md``.
The picture of the union (added green, removed red, changed amber) goes through
:mod:`argmap.display`: :meth:`MapDiff.view`, ``argmap.render(d.view(), "d.svg")``, and the
notebook shows a diff by itself.

Examples
--------
>>> from argmap import ArgumentMap
>>> old = ArgumentMap("brief"); r = old.recommendation("Abstain.", id="r")
>>> _ = old.argue([old.evidence("It is flawed.", id="e")], r, id="a")
>>> new = old.copy(); _ = new.remove("e")
>>> d = diff(old, new)
>>> [x.id for x in d.removed], d.recommendations[0].evidence_lost
(['a', 'e'], ('e',))
>>> diff(old, old).equal
True
"""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from argmap.callable_module import make_callable
from argmap.display import View, map_view
from argmap.errors import ModelError
from argmap.map import ArgumentMap
from argmap.model import Argument, Node
from argmap.query.trace import Trace, trace

__all__ = ["DIFF_STATES", "MapDiff", "NodeChange", "NodeRef", "RecommendationEffect", "diff"]

DIFF_STATES = ("added", "removed", "changed")
"""How a node of the union picture is marked."""

# the fields of each node model that name other nodes (by id)
_REF_FIELDS = ("premises", "conclusion", "attacker", "target", "co_attackers", "actor",
               "source", "issue", "author", "publisher")


@dataclass(frozen=True)
class NodeRef:
    """An added or removed node: its id (in the map that has it) and kind."""

    id: str
    kind: str


@dataclass(frozen=True)
class NodeChange:
    """A node in both maps that differs: its id (in the new map), kind and the fields."""

    id: str
    kind: str
    fields: tuple[str, ...]


@dataclass(frozen=True)
class RecommendationEffect:
    """What an edit does to one recommendation's justification.

    Lost/``_before`` ids are the old map's, gained/``_after`` ids the new map's.
    ``label_*`` is IN, OUT, UNDEC or None (not computed, or the recommendation is absent
    from that map); ``strength_*`` likewise a number or None.
    """

    id: str
    premises_lost: tuple[str, ...] = ()
    premises_gained: tuple[str, ...] = ()
    evidence_lost: tuple[str, ...] = ()
    evidence_gained: tuple[str, ...] = ()
    critical_before: tuple[str, ...] = ()
    critical_after: tuple[str, ...] = ()
    label_before: str | None = None
    label_after: str | None = None
    premises_changed: tuple[str, ...] = ()
    attacks_newly_unanswered: tuple[str, ...] = ()
    attacks_no_longer_unanswered: tuple[str, ...] = ()
    strength_before: float | None = None
    strength_after: float | None = None
    critical_changed: bool = field(default=False, repr=False)

    def to_dict(self) -> dict[str, Any]:
        """The effect as JSON-ready data (lists for tuples)."""
        out: dict[str, Any] = {}
        for name in self.__dataclass_fields__:
            if name == "critical_changed":
                continue
            value = getattr(self, name)
            out[name] = list(value) if isinstance(value, tuple) else value
        return out


@dataclass(frozen=True)
class MapDiff:
    """The result of :func:`diff`: ``added``, ``removed``, ``changed``, ``recommendations``."""

    old: ArgumentMap = field(repr=False)
    new: ArgumentMap = field(repr=False)
    match: str
    added: tuple[NodeRef, ...]
    removed: tuple[NodeRef, ...]
    changed: tuple[NodeChange, ...]
    recommendations: tuple[RecommendationEffect, ...]

    @property
    def equal(self) -> bool:
        """Whether nothing differs (what ``argmap diff`` exits 0 for)."""
        return not (self.added or self.removed or self.changed or self.recommendations)

    def __bool__(self) -> bool:
        return not self.equal

    def to_dict(self) -> dict[str, Any]:
        """The JSON contract (``docs/diff-json.md``).

        >>> from argmap import ArgumentMap
        >>> diff(ArgumentMap("a"), ArgumentMap("a")).to_dict()
        {'added': [], 'removed': [], 'changed': [], 'recommendations': []}
        """
        return {
            "added": [{"id": x.id, "kind": x.kind} for x in self.added],
            "removed": [{"id": x.id, "kind": x.kind} for x in self.removed],
            "changed": [
                {"id": x.id, "kind": x.kind, "fields": list(x.fields)} for x in self.changed
            ],
            "recommendations": [r.to_dict() for r in self.recommendations],
        }

    def to_json(self) -> str:
        """:meth:`to_dict` as indented JSON text."""
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False)

    def to_text(self) -> str:
        """A short human-readable report, one line per difference.

        >>> from argmap import ArgumentMap
        >>> diff(ArgumentMap("a"), ArgumentMap("a")).to_text()
        'no differences'
        """
        if self.equal:
            return "no differences"
        lines = [f"+ {x.kind} {x.id}" for x in self.added]
        lines += [f"- {x.kind} {x.id}" for x in self.removed]
        lines += [f"~ {x.kind} {x.id}: {', '.join(x.fields)}" for x in self.changed]
        for r in self.recommendations:
            lines.append(f"recommendation {r.id}:")
            same_critical = r.critical_before == r.critical_after
            for name, value in r.to_dict().items():
                if same_critical and name.startswith("critical_"):
                    continue
                if name != "id" and value not in ([], None):
                    shown = ", ".join(value) if isinstance(value, list) else value
                    lines.append(f"  {name.replace('_', ' ')}: {shown}")
        return "\n".join(lines)

    def union(self) -> ArgumentMap:
        """One map holding the new map and everything removed from the old one (a changed
        argument also keeps the premises it lost, so they are drawn where they were)."""
        new_id = {k: v for k, v in _pairs(self.old, self.new, self.match)}
        nodes: dict[str, Node] = dict((n.id, n) for n in self.new)
        taken = set(nodes)
        renamed: dict[str, str] = {}
        for ref in self.removed:
            fresh = ref.id
            while fresh in taken:
                fresh = "removed-" + fresh
            renamed[ref.id] = fresh
            taken.add(fresh)
        lookup = {**new_id, **renamed}
        for ref in self.removed:
            node = _renamed(self.old[ref.id], lookup)
            nodes[renamed[ref.id]] = node.model_copy(update={"id": renamed[ref.id], "iri": None})
        old_id = {v: k for k, v in new_id.items()}
        for c in self.changed:  # a changed argument keeps its lost premises in the picture
            here, there = nodes[c.id], self.old[old_id[c.id]]
            if isinstance(here, Argument) and isinstance(there, Argument):
                lost = [lookup[p] for p in there.premises if lookup[p] not in here.premises]
                if lost:
                    nodes[c.id] = here.model_copy(update={"premises": (*here.premises, *lost)})
        abouts = [(a.statement, a.subject) for a in self.new.abouts()]
        abouts += [
            (lookup.get(a.statement, a.statement), lookup.get(a.subject, a.subject))
            for a in self.old.abouts()
        ]
        return ArgumentMap.from_nodes(
            nodes.values(), sorted(set(abouts)), name=self.new.name, iri=self.new.iri,
            title=f"Diff of {self.old.name!r} and {self.new.name!r}", check=False,
        )

    def marks(self) -> dict[str, str]:
        """Node id in :meth:`union` -> ``added``, ``removed`` or ``changed``."""
        out = {x.id: "changed" for x in self.changed}
        out.update({x.id: "added" for x in self.added})
        taken = {n.id for n in self.new}
        for x in self.removed:
            fresh = x.id
            while fresh in taken:
                fresh = "removed-" + fresh
            taken.add(fresh)
            out[fresh] = "removed"
        return out

    def view(self, *, max_nodes: int | None = None) -> View:
        """The union picture as a display view (pass it to ``argmap.render`` or ``to_svg``)."""
        u = self.union()
        base = map_view(u) if max_nodes is None else map_view(u, max_nodes=max_nodes)
        marks = self.marks()
        drawn = {k for k in marks if k in u and u[k].kind not in ("source",)}
        note = (
            f"Diff: {len(self.added)} added (green), {len(self.removed)} removed (red), "
            f"{len(self.changed)} changed (amber)."
        )
        return View(
            u, base.nodes | frozenset(drawn), f"Diff: {self.old.name} → {self.new.name}",
            note=note if not base.note else base.note + " " + note,
            hidden_support=base.hidden_support, total_boxes=base.total_boxes, marks=marks,
        )

    def _repr_html_(self) -> str:
        import html

        from argmap.display import repr_html

        picture = repr_html(self.view()) or ""
        return picture + f"<pre>{html.escape(self.to_text())}</pre>"


def _key_of(m: ArgumentMap, match: str) -> dict[str, str]:
    if match == "id":
        return {n.id: n.id for n in m}
    return {n.id: m.iri_of(n.id) for n in m}


def _pairs(old: ArgumentMap, new: ArgumentMap, match: str) -> Iterable[tuple[str, str]]:
    """(old id, new id) of every matched node."""
    new_by_key = {k: i for i, k in _key_of(new, match).items()}
    for i, k in _key_of(old, match).items():
        if k in new_by_key:
            yield i, new_by_key[k]


def _renamed(node: Node, lookup: Mapping[str, str]) -> Node:
    update: dict[str, Any] = {}
    for name in _REF_FIELDS:
        value = getattr(node, name, None)
        if isinstance(value, tuple):
            update[name] = tuple(lookup.get(v, v) for v in value)
        elif isinstance(value, str):
            update[name] = lookup.get(value, value)
    if node.anchors:
        update["anchors"] = tuple(
            a.model_copy(update={"source": lookup.get(a.source, a.source)}) for a in node.anchors
        )
    return node.model_copy(update=update)


def _normal(node: Node, key: Mapping[str, str], match: str) -> dict[str, Any]:
    """A node's fields with references as match keys (and no own id/IRI under IRI match)."""
    d = node.model_dump()
    del d["id"]
    if match == "iri":
        d.pop("iri", None)
        for name in _REF_FIELDS:
            value = d.get(name)
            if isinstance(value, list | tuple):
                d[name] = [key.get(v, v) for v in value]
            elif isinstance(value, str):
                d[name] = key.get(value, value)
        for a in d["anchors"]:
            a["source"] = key.get(a["source"], a["source"])
    return d


def _abouts(m: ArgumentMap, key: Mapping[str, str]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for a in m.abouts():
        out.setdefault(a.statement, set()).add(key[a.subject])
    return out


def _upward(m: ArgumentMap, seeds: Iterable[str]) -> set[str]:
    """Every node reachable from ``seeds`` along the map's edges (premise -> argument ->
    conclusion, attacker -> attack -> target, ...): whatever may depend on them."""
    g = m.graph
    seen = {s for s in seeds if s in g}
    queue = deque(seen)
    while queue:
        for nxt in g.successors(queue.popleft()):
            if nxt not in seen:
                seen.add(nxt)
                queue.append(nxt)
    return seen


def _trace_of(m: ArgumentMap, node_id: str | None) -> Trace | None:
    if node_id is None or node_id not in m or m[node_id].kind != "recommendation":
        return None
    return trace(m, node_id)


def _labels(m: ArgumentMap, semantics: str | None) -> Mapping[str, str]:
    if semantics is None:
        return m.labels
    from argmap.semantics.acceptance import accept

    return {k: str(getattr(v, "value", v)) for k, v in accept(m, semantics).labels.items()}


def diff(
    old: ArgumentMap,
    new: ArgumentMap,
    *,
    match: Literal["id", "iri"] | str = "id",
    semantics: str | None = None,
) -> MapDiff:
    """Compare two maps: added, removed and changed nodes, and the effect on every
    recommendation's justification.

    Parameters
    ----------
    old, new:
        The two versions.
    match:
        ``"id"`` (default; maps of different names compare by id) or ``"iri"``.
    semantics:
        Compute acceptability labels under this semantics (``"grounded"``, ...) on both
        maps; by default the labels stored on the maps (``m.labels``) are compared.

    Examples
    --------
    >>> from argmap import ArgumentMap
    >>> a = ArgumentMap("a"); _ = a.claim("Old words.", id="c")
    >>> b = ArgumentMap("b"); _ = b.claim("New words.", id="c")
    >>> diff(a, b).changed
    (NodeChange(id='c', kind='claim', fields=('text',)),)
    """
    if match not in ("id", "iri"):
        raise ModelError(f"diff: match must be 'id' or 'iri', not {match!r} (flag --match)")
    okey, nkey = _key_of(old, match), _key_of(new, match)
    old_by_key = {k: i for i, k in okey.items()}
    new_by_key = {k: i for i, k in nkey.items()}
    added = tuple(
        NodeRef(i, new[i].kind) for i in sorted(i for i, k in nkey.items() if k not in old_by_key)
    )
    removed = tuple(
        NodeRef(i, old[i].kind) for i in sorted(i for i, k in okey.items() if k not in new_by_key)
    )
    old_about, new_about = _abouts(old, okey), _abouts(new, nkey)
    changed: list[NodeChange] = []
    for k in sorted(set(old_by_key) & set(new_by_key), key=lambda k: new_by_key[k]):
        oid, nid = old_by_key[k], new_by_key[k]
        o, n = old[oid], new[nid]
        fields: list[str] = []
        if not (match == "id" and o == n):
            do, dn = _normal(o, okey, match), _normal(n, nkey, match)
            names = list(dict.fromkeys([*do, *dn]))
            fields = [f for f in names if do.get(f) != dn.get(f)]
        if old_about.get(oid, set()) != new_about.get(nid, set()):
            fields.append("about")
        if fields:
            changed.append(NodeChange(nid, n.kind, tuple(fields)))
    recs = _effects(old, new, okey, nkey, added, removed, changed, semantics)
    return MapDiff(old, new, match, added, removed, tuple(changed), recs)


def _effects(
    old: ArgumentMap,
    new: ArgumentMap,
    okey: Mapping[str, str],
    nkey: Mapping[str, str],
    added: tuple[NodeRef, ...],
    removed: tuple[NodeRef, ...],
    changed: list[NodeChange],
    semantics: str | None,
) -> tuple[RecommendationEffect, ...]:
    old_by_key = {k: i for i, k in okey.items()}
    new_by_key = {k: i for i, k in nkey.items()}
    changed_keys = {nkey[c.id] for c in changed}
    touched_new = {x.id for x in added} | {c.id for c in changed}
    touched_old = {x.id for x in removed} | {old_by_key[k] for k in changed_keys}
    reach = {okey[i] for i in _upward(old, touched_old)} | {
        nkey[i] for i in _upward(new, touched_new)
    }
    olab, nlab = _labels(old, semantics), _labels(new, semantics)
    rec_keys = {okey[r.id] for r in old.recommendations()} | {
        nkey[r.id] for r in new.recommendations()
    }
    out: list[RecommendationEffect] = []
    for k in sorted(rec_keys, key=lambda k: new_by_key.get(k) or old_by_key[k]):
        oid, nid = old_by_key.get(k), new_by_key.get(k)
        lb = olab.get(oid) if oid is not None else None
        la = nlab.get(nid) if nid is not None else None
        sb = old.strengths.get(oid) if oid is not None else None
        sa = new.strengths.get(nid) if nid is not None else None
        if k not in reach and lb == la and sb == sa:
            continue
        to, tn = _trace_of(old, oid), _trace_of(new, nid)
        parts = _effect(k, oid, nid, to, tn, okey, nkey, changed_keys)
        critical_changed = parts.pop("critical_changed")
        effect = RecommendationEffect(
            critical_changed=critical_changed,
            **{**parts, "label_before": lb, "label_after": la,
               "strength_before": sb, "strength_after": sa}
        )
        if _matters(effect):
            out.append(effect)
    return tuple(out)


def _effect(
    k: str,
    oid: str | None,
    nid: str | None,
    to: Trace | None,
    tn: Trace | None,
    okey: Mapping[str, str],
    nkey: Mapping[str, str],
    changed_keys: set[str],
) -> dict[str, Any]:
    def keyed(t: Trace | None, ids: Iterable[str], key: Mapping[str, str]) -> dict[str, str]:
        return {} if t is None else {key[i]: i for i in ids}

    po = keyed(to, to.premises if to else (), okey)
    pn = keyed(tn, tn.premises if tn else (), nkey)
    eo = keyed(to, to.evidence if to else (), okey)
    en = keyed(tn, tn.evidence if tn else (), nkey)
    uo = keyed(to, (a.id for a in to.attacks if not a.answered) if to else (), okey)
    un = keyed(tn, (a.id for a in tn.attacks if not a.answered) if tn else (), nkey)
    return {
        "id": nid if nid is not None else str(oid),
        "premises_lost": tuple(v for q, v in po.items() if q not in pn),
        "premises_gained": tuple(v for q, v in pn.items() if q not in po),
        "evidence_lost": tuple(v for q, v in eo.items() if q not in en),
        "evidence_gained": tuple(v for q, v in en.items() if q not in eo),
        "critical_before": to.critical_premises if to else (),
        "critical_after": tn.critical_premises if tn else (),
        "premises_changed": tuple(v for q, v in pn.items() if q in changed_keys and q in po),
        "attacks_newly_unanswered": tuple(v for q, v in un.items() if q not in uo),
        "attacks_no_longer_unanswered": tuple(v for q, v in uo.items() if q not in un),
        "critical_changed": [okey[i] for i in (to.critical_premises if to else ())]
        != [nkey[i] for i in (tn.critical_premises if tn else ())],
    }


def _matters(e: RecommendationEffect) -> bool:
    return bool(
        e.premises_lost or e.premises_gained or e.evidence_lost or e.evidence_gained
        or e.premises_changed or e.attacks_newly_unanswered or e.attacks_no_longer_unanswered
        or e.label_before != e.label_after or e.strength_before != e.strength_after
        or e.critical_changed
    )


make_callable(__name__, diff)  # argmap.diff(old, new) calls diff(); the module stays one
