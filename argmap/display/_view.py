"""What a diagram shows: which nodes of which map, and what it emphasises.

A :class:`View` is the seam between the things argmap draws (a map, a trace, a validation
report) and the DOT writer: each of them becomes a view, and the writer draws views.

A small map is drawn whole. A map with more than ``max_nodes`` boxes (statements, actors,
alternatives, issues) is cut to a readable subset: its leading recommendations and two
levels of argument below them, with a note saying what was left out. A trace, or a map
drawn for one recommendation, is cut to that recommendation's justification.

Examples
--------
>>> from argmap import ArgumentMap
>>> m = ArgumentMap("v")
>>> r = m.recommendation("Adopt the plan.", id="adopt")
>>> _ = m.argue([m.evidence("It worked in Oslo.", id="oslo")], r)
>>> view = map_view(m)
>>> sorted(view.nodes)  # doctest: +ELLIPSIS
['adopt', 'argument-...', 'oslo']
>>> view.note is None
True
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from argmap.errors import ArgmapError, RenderError
from argmap.map import ArgumentMap
from argmap.model import STATEMENT_KINDS, About, Attack, Stance
from argmap.query.trace import trace

__all__ = ["DEFAULT_MAX_NODES", "ENTITY_DRAWN", "Flag", "View", "map_view"]

DEFAULT_MAX_NODES = 300
"""Maps with more boxes than this are drawn as a summary and a readable subset."""

ENTITY_DRAWN = frozenset({"actor", "alternative", "issue"})
"""Entity kinds drawn as boxes (sources appear in tooltips, stances and attacks as edges)."""

_BOX_KINDS = STATEMENT_KINDS | ENTITY_DRAWN
_SUBSET_SEEDS = 5
_SUBSET_LEVELS = 2


class Flag(NamedTuple):
    """A validation finding on a drawn node: its severity, rule id and message."""

    severity: str
    rule: str
    message: str


@dataclass(frozen=True)
class View:
    """One diagram: the map, the node ids drawn, and what to emphasise.

    Attributes
    ----------
    map:
        The map the nodes come from.
    nodes:
        Ids of the statements, actors, alternatives, issues and arguments drawn. Attacks,
        stances and about-edges are drawn as edges when both their ends are drawn.
    title:
        The heading of the diagram.
    note:
        A line under the title: what was left out and why, or what is highlighted.
    focus:
        The recommendation(s) a trace is about.
    critical:
        Critical premises (a trace): drawn with a thick amber border.
    flags:
        Validation findings per node id, as :class:`Flag` tuples.
    hidden_support:
        For statements whose support was cut: how many arguments for them are not drawn.
    total_boxes:
        How many boxes the whole map has (for the summary).
    """

    map: ArgumentMap
    nodes: frozenset[str]
    title: str
    note: str | None = None
    focus: frozenset[str] = frozenset()
    critical: frozenset[str] = frozenset()
    flags: Mapping[str, tuple[Flag, ...]] = field(default_factory=dict)
    hidden_support: Mapping[str, int] = field(default_factory=dict)
    total_boxes: int = 0
    marks: Mapping[str, str] = field(default_factory=dict)

    @property
    def boxes(self) -> int:
        """How many boxes (non-argument nodes) the view draws."""
        return sum(1 for n in self.nodes if self.map[n].kind != "argument")

    def attacks(self) -> list[Attack]:
        """The attacks drawn: those whose attackers and target are all drawn (a target that
        is an attack counts when that attack is drawn), by id.

        Found from the drawn nodes, so a view of a huge map costs what the view holds.
        """
        m, drawn = self.map, self.nodes
        found = {
            a.id: a
            for n in drawn
            for a in m.attacks_on(n)
            if all(x in drawn for x in a.attackers)
        }
        todo = list(found)
        while todo:  # attacks on drawn attacks, and on those in turn
            for a in m.attacks_on(todo.pop()):
                if a.id not in found and all(x in drawn for x in a.attackers):
                    found[a.id] = a
                    todo.append(a.id)
        return [found[k] for k in sorted(found)]

    def stances(self) -> list[Stance]:
        """The stances on drawn nodes (their actors may or may not be drawn), by id."""
        m = self.map
        found = {s.id: s for n in self.nodes for s in m.stances_on(n)}
        return [found[k] for k in sorted(found)]

    def abouts(self) -> list[About]:
        """The about-edges from drawn statements to drawn subjects."""
        m, drawn = self.map, self.nodes
        return [
            About(statement=n, subject=s)
            for n in sorted(drawn)
            if m[n].kind in STATEMENT_KINDS
            for s in m.about_of(n)
            if s in drawn
        ]


def _title(m: ArgumentMap) -> str:
    return m.title or m.name


def _box_count(m: ArgumentMap) -> int:
    counts = m.counts()
    return sum(counts[k] for k in _BOX_KINDS)


def map_view(
    m: ArgumentMap,
    *,
    recommendation: str | None = None,
    max_nodes: int = DEFAULT_MAX_NODES,
) -> View:
    """The view of a whole map, of a large map's leading part, or of one justification.

    Parameters
    ----------
    m:
        The map.
    recommendation:
        Draw only the justification of this statement (an id, IRI or text), as a trace.
    max_nodes:
        Above this many boxes a map is cut to its leading recommendations and two levels of
        argument below them.

    Examples
    --------
    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap("big")
    >>> recs = [m.recommendation(f"Do thing {i}.", id=f"r{i}") for i in range(20)]
    >>> for i, r in enumerate(recs):
    ...     _ = m.argue([m.claim(f"Reason {i}.", id=f"c{i}")], r)
    >>> view = map_view(m, max_nodes=10)
    >>> view.boxes <= 10, view.note.startswith("Showing")
    (True, True)
    """
    if recommendation is not None:
        return trace_view_of(m, recommendation, max_nodes=max_nodes)
    total = _box_count(m)
    if total <= max_nodes:
        kinds = (*STATEMENT_KINDS, "argument", "alternative", "issue")
        drawn = {n.id for n in m.nodes(kinds)}
        _add_entities(m, drawn, max_nodes)
        return View(m, frozenset(drawn), _title(m), total_boxes=total)
    seeds = _leading_statements(m)
    drawn, _cut = _grow(m, seeds, levels=_SUBSET_LEVELS, budget=max_nodes)
    _add_attackers(m, drawn, max_nodes)
    _add_entities(m, drawn, max_nodes)
    shown = sum(1 for n in drawn if m[n].kind != "argument")
    n_recs = m.counts()["recommendation"]
    what = (
        f"the {len(seeds)} recommendation{'s' if len(seeds) != 1 else ''} (of {n_recs:,}) "
        "with the most support"
        if seeds and m[seeds[0]].kind == "recommendation"
        else f"the {len(seeds)} most supported conclusion{'s' if len(seeds) != 1 else ''}"
    )
    note = (
        f"Showing {shown:,} of {total:,} nodes: {what} and up to {_SUBSET_LEVELS} levels of "
        "argument below them. Draw one recommendation's justification to see all of it."
    )
    return View(
        m,
        frozenset(drawn),
        _title(m),
        note=note,
        hidden_support=_hidden(m, drawn),
        total_boxes=total,
    )


def trace_view_of(
    m: ArgumentMap,
    recommendation: str,
    *,
    max_nodes: int = DEFAULT_MAX_NODES,
    critical: Iterable[str] | None = None,
) -> View:
    """The view of one statement's justification: its support, transitively, and attacks on it.

    Critical premises are taken from ``critical`` or, when :mod:`argmap.query` is
    installed, computed by ``critical_premises``.

    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap("t")
    >>> r = m.recommendation("Adopt it.", id="r")
    >>> _ = m.argue([m.claim("It is cheap.", id="cheap")], r)
    >>> _ = m.claim("Unrelated.", id="other")
    >>> v = trace_view_of(m, "r")
    >>> "other" in v.nodes, "cheap" in v.nodes
    (False, True)
    """
    try:
        rec = m.resolve(recommendation)
    except ArgmapError as exc:
        raise RenderError(f"render: {exc}") from None
    if m[rec].kind not in STATEMENT_KINDS:
        raise RenderError(
            f"render: {rec!r} is {m[rec].kind}, not a statement; only statements have a "
            "justification to draw"
        )
    drawn, hidden = _grow(m, [rec], levels=None, budget=max_nodes)
    _add_attackers(m, drawn, max_nodes + 50)
    _add_entities(m, drawn, max_nodes + 50)
    crit = frozenset(critical) if critical is not None else _critical(m, rec)
    total = _box_count(m)
    shown = sum(1 for n in drawn if m[n].kind != "argument")
    parts = [f"Justification of {rec!r}: {shown} nodes drawn."]
    if crit:
        parts.append(f"{len(crit)} critical premise{'s' if len(crit) != 1 else ''} (amber).")
    if hidden:
        parts.append("Cut at the size limit; deeper support is not drawn.")
    return View(
        m,
        frozenset(drawn),
        _title(m),
        note=" ".join(parts),
        focus=frozenset({rec}),
        critical=crit & frozenset(drawn),
        hidden_support=_hidden(m, drawn),
        total_boxes=total,
    )


def _critical(m: ArgumentMap, rec: str) -> frozenset[str]:
    """The critical premises of ``rec``, from :mod:`argmap.query` (empty without it)."""
    try:
        found = trace(m, rec).critical_premises
    except ArgmapError:
        return frozenset()
    return frozenset(_ids(m, found))


def _ids(m: ArgumentMap, items: Any) -> list[str]:
    """Node ids from an iterable of ids, nodes or dicts with an ``id``."""
    out: list[str] = []
    for item in items or ():
        if isinstance(item, str):
            ref = item
        elif isinstance(item, Mapping):
            ref = str(item.get("id"))
        else:
            ref = str(getattr(item, "id", item))
        if ref in m:
            out.append(m.resolve(ref))
    return out


def _leading_statements(m: ArgumentMap) -> list[str]:
    """The recommendations (else the top conclusions) a large map's summary starts from."""
    strengths = m.strengths

    def rank(node_id: str) -> tuple[float, int, str]:
        return (-strengths.get(node_id, 0.0), -len(m.arguments_for(node_id)), node_id)

    recs = [r.id for r in m.recommendations()]
    if not recs:
        recs = [
            s.id
            for s in m.statements()
            if m.arguments_for(s.id) and not m.arguments_using(s.id)
        ]
    if not recs:
        recs = [s.id for s in m.statements()]
    return sorted(recs, key=rank)[:_SUBSET_SEEDS]


def _grow(
    m: ArgumentMap, seeds: list[str], *, levels: int | None, budget: int
) -> tuple[set[str], bool]:
    """Seeds and their support, level by level (arguments and premises), within a budget.

    Returns the drawn ids and whether anything was cut for the budget.
    """
    drawn: set[str] = set()
    boxes = 0
    frontier: list[str] = []
    for seed in seeds:
        if boxes >= budget:
            return drawn, True
        drawn.add(seed)
        boxes += 1
        frontier.append(seed)
    level = 0
    cut = False
    while frontier and (levels is None or level < levels):
        nxt: list[str] = []
        for stmt in frontier:
            for arg in m.arguments_for(stmt):
                new = [p for p in arg.premises if p not in drawn]
                if boxes + len(new) > budget:
                    cut = True
                    continue
                drawn.add(arg.id)
                for p in new:
                    drawn.add(p)
                    nxt.append(p)
                boxes += len(new)
        frontier = nxt
        level += 1
    return drawn, cut or bool(frontier)


def _add_attackers(m: ArgumentMap, drawn: set[str], budget: int) -> None:
    """Add the attackers of drawn statements and arguments, while the budget lasts."""
    boxes = sum(1 for n in drawn if m[n].kind != "argument")
    for target in sorted(drawn):
        for attack in m.attacks_on(target):
            if attack.attacker not in drawn and boxes < budget:
                drawn.add(attack.attacker)
                boxes += 1


def _add_entities(m: ArgumentMap, drawn: set[str], budget: int) -> None:
    """Add the alternatives and issues drawn statements are about or take a stance on, then
    the actors with a stance on anything drawn, while the budget lasts.

    Actors only talked about (about-edges) are not drawn: the statements' tooltips name them.
    """
    boxes = sum(1 for n in drawn if m[n].kind != "argument")
    for stmt in sorted(n for n in drawn if m[n].kind in STATEMENT_KINDS):
        for subject in m.about_of(stmt):
            if subject not in drawn and m[subject].kind in ("alternative", "issue"):
                if boxes >= budget:
                    return
                drawn.add(subject)
                boxes += 1
    for target in sorted(drawn):
        for stance in m.stances_on(target):
            if stance.actor not in drawn:
                if boxes >= budget:
                    return
                drawn.add(stance.actor)
                boxes += 1


def _hidden(m: ArgumentMap, drawn: set[str]) -> dict[str, int]:
    hidden: dict[str, int] = {}
    for node_id in drawn:
        if m[node_id].kind in STATEMENT_KINDS:
            missing = sum(1 for a in m.arguments_for(node_id) if a.id not in drawn)
            if missing:
                hidden[node_id] = missing
    return hidden

