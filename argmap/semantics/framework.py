"""Abstract and bipolar argumentation frameworks: the data that the semantics work on.

An :class:`AbstractFramework` is a Dung framework ``⟨A, R⟩`` (Dung 1995): a finite set of
named arguments and an attack relation ``R ⊆ A × A``. A :class:`BipolarFramework` adds a
support relation (Cayrol & Lagasquie-Schiex 2005, 2013) and can be flattened into a Dung
framework by adding the derived ("complex") attacks that support implies.

Both are immutable. Arguments are strings; inside, each has an integer index (its position
in :attr:`AbstractFramework.arguments`), and the algorithms run over integer adjacency lists
so that a framework of a million arguments stays cheap to build and to label.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Literal

from argmap.errors import SemanticsError
from argmap.util import no_gc

__all__ = ["AbstractFramework", "BipolarFramework", "DerivedAttack"]

DerivedAttack = Literal["supported", "secondary", "mediated"]
"""The kinds of complex attack a bipolar framework can add when it is flattened."""


def _check_name(name: object, what: str) -> str:
    if not isinstance(name, str):
        raise SemanticsError(f"{what} must be a str, got {type(name).__name__} {name!r}")
    return name


class AbstractFramework:
    """A Dung abstract argumentation framework: named arguments and who attacks whom.

    Arguments keep the order in which they were first given (declared arguments first,
    then any that only appear in an attack). Duplicate attacks are kept once; self-attacks
    are allowed.

    Args:
        arguments: the argument names.
        attacks: ``(attacker, target)`` pairs; names not in ``arguments`` are added.

    Raises:
        SemanticsError: a name that is not a string, or an attack that is not a pair.

    Examples:
        >>> af = AbstractFramework(["a", "b", "c"], [("a", "b"), ("b", "c")])
        >>> af
        AbstractFramework(3 arguments, 2 attacks)
        >>> af.attackers("b"), af.targets("b")
        (('a',), ('c',))
        >>> sorted(af.attacks)
        [('a', 'b'), ('b', 'c')]
        >>> AbstractFramework(attacks=[("x", "x")]).arguments
        ('x',)
    """

    __slots__ = ("_hash", "_in_degree", "_lazy_index", "_names", "_pred", "_succ")

    _names: tuple[str, ...]
    _lazy_index: dict[str, int] | None
    _succ: list[list[int]]
    _in_degree: list[int]
    _pred: list[list[int]] | None
    _hash: int | None

    def __init__(
        self,
        arguments: Iterable[str] = (),
        attacks: Iterable[tuple[str, str]] = (),
    ) -> None:
        index: dict[str, int] = {}
        for name in arguments:
            if name not in index:
                index[_check_name(name, "an argument name")] = len(index)
        src: list[int] = []
        dst: list[int] = []
        for pair in attacks:
            try:
                a, b = pair
            except (TypeError, ValueError):
                raise SemanticsError(
                    f"an attack must be an (attacker, target) pair, got {pair!r}"
                ) from None
            for name in (a, b):
                if name not in index:
                    index[_check_name(name, "an argument name")] = len(index)
            src.append(index[a])
            dst.append(index[b])
        self._init(tuple(index), index, _adjacency(len(index), src, dst))

    def _init(
        self, names: tuple[str, ...], index: dict[str, int] | None, succ: list[list[int]]
    ) -> None:
        self._names = names
        self._lazy_index = index  # None: built from the names when first asked
        self._succ = succ
        in_degree = [0] * len(names)
        for row in succ:
            for t in row:
                in_degree[t] += 1
        self._in_degree = in_degree
        self._pred = None
        self._hash = None

    @classmethod
    def from_indices(
        cls,
        n: int,
        sources: Sequence[int],
        targets: Sequence[int],
        names: Sequence[str] | None = None,
    ) -> AbstractFramework:
        """Build a framework from integer attack lists (the fast path for large inputs).

        Args:
            n: the number of arguments, indexed ``0 .. n-1``.
            sources: the attacker index of each attack.
            targets: the target index of each attack (same length as ``sources``).
            names: the argument names; by default ``"1" .. str(n)`` as in ICCMA's i23 format.

        Raises:
            SemanticsError: lengths that disagree, an index out of range, or repeated names.

        Examples:
            >>> af = AbstractFramework.from_indices(3, [0, 1], [1, 2])
            >>> af.arguments, sorted(af.attacks)
            (('1', '2', '3'), [('1', '2'), ('2', '3')])
        """
        if len(sources) != len(targets):
            raise SemanticsError(f"{len(sources)} attack sources but {len(targets)} attack targets")
        with no_gc():  # a million names, lists and dict entries: no cycles among them
            return cls._from_indices(n, sources, targets, names)

    @classmethod
    def _from_indices(
        cls, n: int, sources: Sequence[int], targets: Sequence[int], names: Sequence[str] | None
    ) -> AbstractFramework:
        if names is None:
            name_tuple = tuple(map(str, range(1, n + 1)))
        else:
            name_tuple = tuple(names)
            if len(name_tuple) != n:
                raise SemanticsError(f"{len(name_tuple)} names given for {n} arguments")
            for name in name_tuple:
                _check_name(name, "an argument name")
        index = None  # "1" .. "n" are distinct: the name -> index map waits until asked for
        if names is not None:
            index = dict(zip(name_tuple, range(n), strict=True))
            if len(index) != n:
                raise SemanticsError("argument names must be unique")
        if sources and (min(sources) < 0 or max(sources) >= n):
            raise SemanticsError(f"an attack source is outside 0..{n - 1}")
        if targets and (min(targets) < 0 or max(targets) >= n):
            raise SemanticsError(f"an attack target is outside 0..{n - 1}")
        self = cls.__new__(cls)
        self._init(name_tuple, index, _adjacency(n, sources, targets))
        return self

    @property
    def _index(self) -> dict[str, int]:
        """Argument name -> index (built on first use for frameworks read by index)."""
        index = self._lazy_index
        if index is None:
            with no_gc():
                index = self._lazy_index = dict(zip(self._names, range(len(self._names)), strict=True))
        return index

    # -- the set-like surface ---------------------------------------------------------------

    @property
    def arguments(self) -> tuple[str, ...]:
        """The argument names, in index order."""
        return self._names

    @property
    def attacks(self) -> frozenset[tuple[str, str]]:
        """The attack relation as a set of ``(attacker, target)`` name pairs."""
        return frozenset(self.iter_attacks())

    def iter_attacks(self) -> Iterator[tuple[str, str]]:
        """Yield every attack once, grouped by attacker in index order, then as given.

        Examples:
            >>> list(AbstractFramework(attacks=[("b", "a"), ("a", "b")]).iter_attacks())
            [('b', 'a'), ('a', 'b')]
        """
        names = self._names
        for i, targets in enumerate(self._succ):
            a = names[i]
            for j in targets:
                yield a, names[j]

    def number_of_attacks(self) -> int:
        """The number of attacks.

        Examples:
            >>> AbstractFramework(attacks=[("a", "b"), ("a", "b")]).number_of_attacks()
            1
        """
        return sum(map(len, self._succ))

    def __len__(self) -> int:
        return len(self._names)

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __contains__(self, name: object) -> bool:
        return name in self._index

    def index(self, name: str) -> int:
        """The integer index of argument ``name``.

        Raises:
            SemanticsError: no argument has that name.

        Examples:
            >>> AbstractFramework(["a", "b"]).index("b")
            1
        """
        try:
            return self._index[name]
        except KeyError:
            raise SemanticsError(f"no argument named {name!r} in this framework") from None

    def attackers(self, name: str) -> tuple[str, ...]:
        """The arguments that attack ``name``, in index order."""
        names = self._names
        return tuple(names[j] for j in self.predecessors()[self.index(name)])

    def targets(self, name: str) -> tuple[str, ...]:
        """The arguments that ``name`` attacks, in the order the attacks were given."""
        names = self._names
        return tuple(names[j] for j in self._succ[self.index(name)])

    def attacks_between(self, a: str, b: str) -> bool:
        """Whether ``a`` attacks ``b``.

        Examples:
            >>> af = AbstractFramework(attacks=[("a", "b")])
            >>> af.attacks_between("a", "b"), af.attacks_between("b", "a")
            (True, False)
        """
        return self.index(b) in self._succ[self.index(a)]

    # -- integer views (used by the algorithms; do not mutate) -------------------------------

    def successors(self) -> list[list[int]]:
        """For each argument index, the indices of the arguments it attacks."""
        return self._succ

    def in_degrees(self) -> list[int]:
        """For each argument index, its number of attackers (kept from construction)."""
        return self._in_degree

    def predecessors(self) -> list[list[int]]:
        """For each argument index, the indices of its attackers, ascending (built on first use)."""
        pred = self._pred
        if pred is None:
            pred = [[] for _ in self._names]
            for i, targets in enumerate(self._succ):
                for j in targets:
                    pred[j].append(i)
            self._pred = pred
        return pred

    # -- conversions -------------------------------------------------------------------------

    def restrict(self, arguments: Iterable[str]) -> AbstractFramework:
        """The sub-framework induced by ``arguments`` (kept in this framework's order).

        Examples:
            >>> af = AbstractFramework(attacks=[("a", "b"), ("b", "c")])
            >>> sorted(af.restrict(["b", "c"]).attacks)
            [('b', 'c')]
        """
        keep = {self.index(a) for a in arguments}
        order = sorted(keep)
        names = self._names
        return AbstractFramework(
            [names[i] for i in order],
            [(names[i], names[j]) for i in order for j in self._succ[i] if j in keep],
        )

    def to_networkx(self) -> Any:
        """A ``networkx.DiGraph`` with one node per argument and one edge per attack.

        Examples:
            >>> g = AbstractFramework(attacks=[("a", "b")]).to_networkx()
            >>> list(g.edges)
            [('a', 'b')]
        """
        import networkx as nx

        g = nx.DiGraph()
        g.add_nodes_from(self._names)
        g.add_edges_from(self.iter_attacks())
        return g

    # -- value semantics ---------------------------------------------------------------------

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, AbstractFramework):
            return NotImplemented
        if self is other:
            return True
        return (
            len(self) == len(other)
            and set(self._names) == set(other._names)
            and self.number_of_attacks() == other.number_of_attacks()
            and self.attacks == other.attacks
        )

    def __hash__(self) -> int:
        if self._hash is None:
            self._hash = hash((frozenset(self._names), self.attacks))
        return self._hash

    def __repr__(self) -> str:
        return f"AbstractFramework({len(self)} arguments, {self.number_of_attacks()} attacks)"


def _adjacency(n: int, sources: Sequence[int], targets: Sequence[int]) -> list[list[int]]:
    """Duplicate-free successor lists (first-seen order) from parallel index lists."""
    succ: list[list[int]] = [[] for _ in range(n)]
    for s, t in zip(sources, targets, strict=True):
        succ[s].append(t)
    for i, row in enumerate(succ):
        if len(row) > 1 and len(set(row)) != len(row):
            succ[i] = list(dict.fromkeys(row))
    return succ


class BipolarFramework:
    """A bipolar argumentation framework ``⟨A, R_att, R_sup⟩``.

    Support is the abstract relation of Cayrol & Lagasquie-Schiex (2005, "On the
    acceptability of arguments in bipolar argumentation frameworks", ECSQARU, LNCS 3571,
    378-389; 2013, "Bipolarity in argumentation graphs: towards a better understanding",
    IJAR 54(7), 876-899). Write ``a ⇒+ b`` for a path of one or more supports. The
    complex attacks used by :meth:`to_dung` are, as defined in the 2013 paper (§3):

    - **supported attack** (2005: *supported defeat*): ``a ⇒+ x`` and ``x`` attacks ``b``
      give ``a`` attacks ``b``;
    - **secondary attack** (2005: *indirect defeat*): ``a`` attacks ``x`` and ``x ⇒+ b``
      give ``a`` attacks ``b``;
    - **mediated attack** (deductive support; Boella et al. 2010 name it so): ``a``
      attacks ``x`` and ``b ⇒+ x`` give ``a`` attacks ``b``.

    The derived attacks are computed from the direct attacks only (one step, as in the
    definitions: a path of supports then one attack, or one attack then a path of supports).

    Args:
        arguments: the argument names.
        attacks: ``(attacker, target)`` pairs.
        supports: ``(supporter, supported)`` pairs.

    Examples:
        >>> baf = BipolarFramework(["a", "b", "c", "d", "e"],
        ...                        attacks=[("b", "d"), ("e", "c")],
        ...                        supports=[("a", "b"), ("b", "c")])
        >>> sorted(baf.derived_attacks("supported"))
        [('a', 'd')]
        >>> sorted(baf.derived_attacks("mediated"))
        [('e', 'a'), ('e', 'b')]
        >>> sorted(baf.to_dung().attacks)
        [('a', 'd'), ('b', 'd'), ('e', 'c')]
    """

    __slots__ = ("_attacks", "_names", "_supports")

    def __init__(
        self,
        arguments: Iterable[str] = (),
        attacks: Iterable[tuple[str, str]] = (),
        supports: Iterable[tuple[str, str]] = (),
    ) -> None:
        names: dict[str, None] = {}
        for name in arguments:
            names[_check_name(name, "an argument name")] = None
        att: dict[tuple[str, str], None] = {}
        sup: dict[tuple[str, str], None] = {}
        for rel, pairs, what in ((att, attacks, "an attack"), (sup, supports, "a support")):
            for pair in pairs:
                try:
                    a, b = pair
                except (TypeError, ValueError):
                    raise SemanticsError(f"{what} must be a pair, got {pair!r}") from None
                names[_check_name(a, "an argument name")] = None
                names[_check_name(b, "an argument name")] = None
                rel[(a, b)] = None
        self._names = tuple(names)
        self._attacks = tuple(att)
        self._supports = tuple(sup)

    @property
    def arguments(self) -> tuple[str, ...]:
        """The argument names, in the order first given."""
        return self._names

    @property
    def attacks(self) -> tuple[tuple[str, str], ...]:
        """The direct attacks, in the order given."""
        return self._attacks

    @property
    def supports(self) -> tuple[tuple[str, str], ...]:
        """The supports, in the order given."""
        return self._supports

    def __len__(self) -> int:
        return len(self._names)

    def __contains__(self, name: object) -> bool:
        return name in set(self._names)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, BipolarFramework):
            return NotImplemented
        return (
            set(self._names) == set(other._names)
            and set(self._attacks) == set(other._attacks)
            and set(self._supports) == set(other._supports)
        )

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return (
            f"BipolarFramework({len(self._names)} arguments, {len(self._attacks)} attacks, "
            f"{len(self._supports)} supports)"
        )

    def attackers(self, name: str) -> tuple[str, ...]:
        """The direct attackers of ``name``."""
        return tuple(a for a, b in self._attacks if b == name)

    def supporters(self, name: str) -> tuple[str, ...]:
        """The direct supporters of ``name``."""
        return tuple(a for a, b in self._supports if b == name)

    def _reach(self, forward: bool) -> dict[str, set[str]]:
        """``a -> {b : a ⇒+ b}`` (forward) or ``a -> {b : b ⇒+ a}`` (backward)."""
        step: dict[str, list[str]] = {}
        for a, b in self._supports:
            if forward:
                step.setdefault(a, []).append(b)
            else:
                step.setdefault(b, []).append(a)
        out: dict[str, set[str]] = {}
        for start in step:
            seen: set[str] = set()
            todo = list(step[start])
            while todo:
                x = todo.pop()
                if x not in seen:
                    seen.add(x)
                    todo.extend(step.get(x, ()))
            out[start] = seen
        return out

    def derived_attacks(self, kind: DerivedAttack) -> frozenset[tuple[str, str]]:
        """The complex attacks of one kind (see the class docstring for the definitions).

        Raises:
            SemanticsError: an unknown kind.

        Examples:
            >>> baf = BipolarFramework(attacks=[("x", "a")], supports=[("a", "b")])
            >>> sorted(baf.derived_attacks("secondary"))
            [('x', 'b')]
        """
        if kind == "supported":
            back = self._reach(forward=False)  # x -> every a with a ⇒+ x
            return frozenset((a, b) for x, b in self._attacks for a in back.get(x, ()))
        if kind == "secondary":
            fwd = self._reach(forward=True)  # x -> every b with x ⇒+ b
            return frozenset((a, b) for a, x in self._attacks for b in fwd.get(x, ()))
        if kind == "mediated":
            back = self._reach(forward=False)
            return frozenset((a, b) for a, x in self._attacks for b in back.get(x, ()))
        raise SemanticsError(
            f"unknown derived attack {kind!r}; expected 'supported', 'secondary' or 'mediated'"
        )

    def to_dung(
        self, derived: Iterable[DerivedAttack] = ("supported", "secondary")
    ) -> AbstractFramework:
        """Flatten into a Dung framework: direct attacks plus the chosen complex attacks.

        The default, supported and secondary attacks, is the combination Cayrol &
        Lagasquie-Schiex (2005) use to define their bipolar extensions; pass
        ``("supported", "mediated")`` for the deductive reading of support, or ``()`` to
        drop support altogether. The supports themselves are not kept.

        Examples:
            >>> baf = BipolarFramework(attacks=[("x", "a")], supports=[("a", "b")])
            >>> sorted(baf.to_dung().attacks)
            [('x', 'a'), ('x', 'b')]
            >>> sorted(baf.to_dung(()).attacks)
            [('x', 'a')]
        """
        pairs: dict[tuple[str, str], None] = dict.fromkeys(self._attacks)
        for kind in derived:
            pairs.update(dict.fromkeys(sorted(self.derived_attacks(kind))))
        return AbstractFramework(self._names, pairs)
