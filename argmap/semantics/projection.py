"""From an argument map to the frameworks the semantics evaluate.

Two projections, both with one Dung argument per statement (claim, evidence,
recommendation) and per Argument node, named by the node's id:

``"structured"`` (the default): :func:`dung_framework`
    Keeps what the map means: an Argument's premises hold *jointly* (linked) and several
    Arguments for one statement are *alternatives* (convergent). Dung attacks alone
    cannot say "IN when one of these is IN", so each statement ``S`` that some Argument
    concludes gets one auxiliary argument ``S#unsupported``. The attacks are:

    1. every Argument concluding ``S`` attacks ``S#unsupported``;
    2. ``S#unsupported`` attacks ``S`` and every Argument that uses ``S`` as a premise;
    3. an Attack node with attacker ``X`` on statement ``S`` (rebut or undermine: the
       effect is the same) makes ``X`` attack ``S``, every Argument concluding ``S``
       (rebut, as in ASPIC+) and every Argument using ``S`` as a premise (undermine);
    4. an Attack node with attacker ``X`` on Argument ``A`` (undercut) makes ``X`` attack
       ``A``.
    5. attacks on attacks and linked attackers follow AFRA (Baroni, Cerutti, Giacomin and
       Guida 2011): an Attack node ``t`` that is itself attacked, or whose attackers hold
       only jointly, becomes an argument ``t`` of the framework (named by its id). It
       attacks what rules 3 and 4 give its attacker; an attack on ``t`` attacks ``t``
       (AFRA's direct defeat); and whatever attacks one of ``t``'s attackers attacks ``t``
       too (AFRA's indirect defeat, through the attack's source). Any other attack keeps
       the compact form of rules 3 and 4, which gives the same labels: such an attack has
       exactly the attackers of its one attacker. docs/semantics.md works an example.

    A statement that no Argument concludes stands on its own (an atomic premise, as in
    ASPIC+'s knowledge base) until it is attacked. In every complete labelling this gives:
    a statement is IN iff each of its attackers is OUT and it is supported (no Argument
    concludes it, or some Argument for it is IN); an Argument is IN iff
    each premise is IN and each attacker of it or of its conclusion is OUT. "OUT" and
    "UNDEC" follow the same pattern (OUT when some premise, attacker or lack of support
    settles it, UNDEC when only undecided ones stand in the way). Grounded semantics
    leaves circular support UNDEC; preferred and stable may accept a self-supporting
    cycle, as admissibility-based semantics of abstract dialectical frameworks do.
    Auxiliary arguments never appear in labels or extensions reported for a map.

``"bipolar"``: :func:`bipolar_framework` then :meth:`BipolarFramework.to_dung`
    The textbook route: supports premise → Argument and Argument → conclusion, attacks
    attacker → target, flattened with supported and secondary attacks (Cayrol &
    Lagasquie-Schiex 2005). It reads every support as necessary, so an attack on one of
    two convergent Arguments reaches their conclusion too; it is offered for comparison
    with the bipolar literature.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from argmap.errors import SemanticsError
from argmap.semantics.framework import AbstractFramework, BipolarFramework, DerivedAttack

if TYPE_CHECKING:
    from argmap.map import ArgumentMap

__all__ = [
    "AUX_SUFFIX",
    "MapFramework",
    "Projection",
    "as_framework",
    "bipolar_framework",
    "dung_framework",
    "map_framework",
]

Projection = Literal["structured", "bipolar"]
AUX_SUFFIX = "#unsupported"
"""Appended to a statement id to name its auxiliary "no argument for it holds" argument."""


@dataclass(frozen=True)
class MapFramework:
    """A Dung framework derived from a map, and which of its arguments are map nodes.

    Attributes:
        framework: the Dung framework.
        nodes: the map node ids that are arguments of it (statements, then Arguments,
            then the Attack nodes that are arguments of it: see rule 5).
        auxiliary: auxiliary argument name -> the statement it belongs to.
        carriers: every Attack node of the map -> the argument whose label it shares
            (itself when it is an argument of the framework, else its one attacker).
    """

    framework: AbstractFramework
    nodes: tuple[str, ...]
    auxiliary: dict[str, str] = field(default_factory=dict)
    carriers: dict[str, str] = field(default_factory=dict)


def _statement_ids(m: ArgumentMap) -> list[str]:
    return [s.id for s in m.statements()]


def dung_framework(m: ArgumentMap) -> MapFramework:
    """The structured Dung projection of a map (rules in the module docstring).

    Node ids cannot hold ``#``, so auxiliary names never clash with them.

    Examples:
        >>> from argmap import ArgumentMap
        >>> m = ArgumentMap("x")
        >>> a = m.argue([m.evidence("E.", id="e"), m.claim("P.", id="p")], m.claim("C.", id="c"),
        ...             id="a")
        >>> _ = m.attack(m.claim("Not P.", id="np"), "p")
        >>> mf = dung_framework(m)
        >>> sorted(mf.framework.attacks)
        [('a', 'c#unsupported'), ('c#unsupported', 'c'), ('np', 'a'), ('np', 'p')]
        >>> sorted(mf.nodes), mf.auxiliary
        (['a', 'c', 'e', 'np', 'p'], {'c#unsupported': 'c'})
    """
    from argmap.model import STATEMENT_KINDS, Attack  # a map is loaded: so is its model

    statements = _statement_ids(m)
    arguments = [a.id for a in m.arguments()]
    all_attacks = list(m.attacks())
    reified = [t.id for t in all_attacks if t.co_attackers or m.attacks_on(t.id)]
    as_argument = set(reified)
    names: list[str] = [*statements, *arguments, *reified]
    auxiliary: dict[str, str] = {}
    attacks: list[tuple[str, str]] = []
    for s in statements:
        concluding = m.arguments_for(s)
        if concluding:
            aux = s + AUX_SUFFIX
            auxiliary[aux] = s
            attacks.extend((a.id, aux) for a in concluding)
            attacks.append((aux, s))
            attacks.extend((aux, a.id) for a in m.arguments_using(s))
    carriers: dict[str, str] = {}
    for attack in all_attacks:
        x = attack.id if attack.id in as_argument else attack.attacker
        carriers[attack.id] = x
        target = attack.target
        attacks.append((x, target))
        if m[target].kind in STATEMENT_KINDS:  # rebut or undermine: everything resting on it
            attacks.extend((x, a.id) for a in m.arguments_for(target))
            attacks.extend((x, a.id) for a in m.arguments_using(target))
    if reified:  # indirect defeat: what attacks an attacker of t attacks t
        attackers_of: dict[str, list[str]] = {}
        for a, b in attacks:
            attackers_of.setdefault(b, []).append(a)
        for t_id in reified:
            t = m[t_id]
            assert isinstance(t, Attack)
            for x in t.attackers:
                attacks.extend((y, t_id) for y in attackers_of.get(x, ()))
    names.extend(auxiliary)
    return MapFramework(
        AbstractFramework(names, attacks),
        (*statements, *arguments, *reified),
        auxiliary,
        carriers,
    )


def bipolar_framework(m: ArgumentMap) -> BipolarFramework:
    """The map as a bipolar framework: statements and Arguments, supports and attacks.

    Supports run premise → Argument and Argument → conclusion; each Attack node gives
    one attack attacker → target.

    Examples:
        >>> from argmap import ArgumentMap
        >>> m = ArgumentMap("x")
        >>> _ = m.argue([m.claim("P.", id="p")], m.claim("C.", id="c"), id="a")
        >>> _ = m.attack(m.claim("Not P.", id="np"), "p")
        >>> baf = bipolar_framework(m)
        >>> baf.supports, baf.attacks
        ((('p', 'a'), ('a', 'c')), (('np', 'p'),))
    """
    for t in m.attacks():
        if t.co_attackers or m[t.target].kind == "attack":
            what = "linked attackers" if t.co_attackers else "an attack on an attack"
            raise SemanticsError(
                f"attack {t.id!r} has {what}, which the bipolar projection cannot hold; "
                "use the structured projection (--projection structured)"
            )
    supports: list[tuple[str, str]] = []
    for a in m.arguments():
        supports.extend((p, a.id) for p in a.premises)
        supports.append((a.id, a.conclusion))
    attacks = [(t.attacker, t.target) for t in m.attacks()]
    return BipolarFramework([*_statement_ids(m), *(a.id for a in m.arguments())], attacks, supports)


def map_framework(
    m: ArgumentMap,
    projection: Projection | str = "structured",
    *,
    derived: Iterable[DerivedAttack] = ("supported", "secondary"),
) -> MapFramework:
    """The Dung framework of a map under ``projection`` ("structured" or "bipolar").

    ``derived`` names the complex attacks the bipolar projection adds.

    Raises:
        SemanticsError: an unknown projection.

    Examples:
        >>> from argmap import ArgumentMap
        >>> m = ArgumentMap("x")
        >>> _ = m.argue([m.claim("P.", id="p")], m.claim("C.", id="c"), id="a")
        >>> _ = m.attack(m.claim("Not P.", id="np"), "p")
        >>> sorted(map_framework(m, "bipolar").framework.attacks)
        [('np', 'a'), ('np', 'c'), ('np', 'p')]
    """
    if projection == "structured":
        return dung_framework(m)
    if projection == "bipolar":
        baf = bipolar_framework(m)
        return MapFramework(baf.to_dung(derived), baf.arguments)
    raise SemanticsError(f"unknown projection {projection!r}; expected 'structured' or 'bipolar'")


def as_framework(
    source: AbstractFramework | ArgumentMap,
    ref: object = None,
    projection: Projection | str = "structured",
) -> tuple[AbstractFramework, str | None]:
    """A framework for ``source`` and the argument name ``ref`` stands for in it.

    A framework is returned as it is (``ref`` must be an argument name); a map is
    projected, and ``ref`` (an id, IRI, exact text or node) resolved to a node id.

    Raises:
        SemanticsError: ``ref`` names no argument, or names a map node that is not a
            statement or Argument.

    Examples:
        >>> af = AbstractFramework(["a"])
        >>> as_framework(af, "a")[1]
        'a'
    """
    if isinstance(source, AbstractFramework):
        if ref is None:
            return source, None
        if not isinstance(ref, str) or ref not in source:
            raise SemanticsError(f"no argument named {ref!r} in this framework")
        return source, ref
    mf = map_framework(source, projection)
    if ref is None:
        return mf.framework, None
    node_id = source.resolve(ref)  # type: ignore[arg-type]
    if node_id not in mf.framework:
        raise SemanticsError(
            f"{node_id!r} is {source[node_id].kind}, not a statement or argument: it has no "
            "acceptability"
        )
    return mf.framework, node_id
