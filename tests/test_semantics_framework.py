"""AbstractFramework and BipolarFramework: construction, views, derived attacks."""

from __future__ import annotations

import pytest

from argmap.errors import ArgmapError, SemanticsError
from argmap.semantics import AbstractFramework, BipolarFramework


def test_arguments_keep_order_and_attacks_add_missing_names() -> None:
    af = AbstractFramework(["b", "a", "b"], [("a", "c"), ("c", "a"), ("a", "c")])
    assert af.arguments == ("b", "a", "c")
    assert af.number_of_attacks() == 2
    assert af.attacks == {("a", "c"), ("c", "a")}
    assert len(af) == 3 and "c" in af and "z" not in af
    assert list(af) == ["b", "a", "c"]


def test_neighbours_and_indices() -> None:
    af = AbstractFramework(attacks=[("a", "b"), ("c", "b"), ("b", "d"), ("d", "d")])
    assert af.attackers("b") == ("a", "c")
    assert af.targets("b") == ("d",)
    assert af.attackers("d") == ("b", "d")
    assert af.attacks_between("d", "d")
    assert af.index("c") == 2
    assert af.successors()[af.index("a")] == [af.index("b")]
    assert af.predecessors()[af.index("b")] == [0, 2]


def test_unknown_names_and_bad_input_raise_semantics_errors() -> None:
    af = AbstractFramework(["a"])
    with pytest.raises(SemanticsError, match="no argument named 'x'"):
        af.index("x")
    with pytest.raises(SemanticsError, match="pair"):
        AbstractFramework(attacks=[("a", "b", "c")])  # type: ignore[list-item]
    with pytest.raises(SemanticsError, match="must be a str"):
        AbstractFramework([1])  # type: ignore[list-item]
    assert issubclass(SemanticsError, ArgmapError)


def test_from_indices_checks_its_input() -> None:
    af = AbstractFramework.from_indices(3, [0, 2, 2], [1, 1, 1])
    assert af.arguments == ("1", "2", "3")
    assert af.attacks == {("1", "2"), ("3", "2")}
    named = AbstractFramework.from_indices(2, [0], [1], names=["x", "y"])
    assert named == AbstractFramework(["y", "x"], [("x", "y")])
    with pytest.raises(SemanticsError, match="outside"):
        AbstractFramework.from_indices(2, [0], [2])
    with pytest.raises(SemanticsError, match="sources"):
        AbstractFramework.from_indices(2, [0], [])
    with pytest.raises(SemanticsError, match="unique"):
        AbstractFramework.from_indices(2, [], [], names=["x", "x"])
    with pytest.raises(SemanticsError, match="names given"):
        AbstractFramework.from_indices(2, [], [], names=["x"])


def test_equality_hash_restrict_and_networkx() -> None:
    a = AbstractFramework(["x", "y"], [("x", "y")])
    b = AbstractFramework(["y", "x"], [("x", "y")])
    assert a == b and hash(a) == hash(b)
    assert a != AbstractFramework(["x", "y"], [("y", "x")])
    assert a != AbstractFramework(["x", "y", "z"], [("x", "y")])
    assert repr(a) == "AbstractFramework(2 arguments, 1 attacks)"
    big = AbstractFramework(attacks=[("a", "b"), ("b", "c"), ("c", "a")])
    assert big.restrict(["a", "b"]).attacks == {("a", "b")}
    g = big.to_networkx()
    assert set(g.edges) == big.attacks


def test_bipolar_derived_attacks_follow_cayrol_lagasquie_schiex() -> None:
    # Boella et al. (2010), fig. 1: attacks b->d, e->c; supports a=>b, b=>c.
    baf = BipolarFramework(
        ["a", "b", "c", "d", "e"],
        attacks=[("b", "d"), ("e", "c")],
        supports=[("a", "b"), ("b", "c")],
    )
    assert baf.derived_attacks("supported") == {("a", "d")}
    assert baf.derived_attacks("mediated") == {("e", "a"), ("e", "b")}
    assert baf.derived_attacks("secondary") == set()
    chain = BipolarFramework(attacks=[("x", "a")], supports=[("a", "b"), ("b", "c")])
    assert chain.derived_attacks("secondary") == {("x", "b"), ("x", "c")}
    flat = chain.to_dung()
    assert flat.attacks == {("x", "a"), ("x", "b"), ("x", "c")}
    assert chain.to_dung(()).attacks == {("x", "a")}
    assert chain.attackers("a") == ("x",) and chain.supporters("c") == ("b",)
    with pytest.raises(SemanticsError, match="unknown derived attack"):
        chain.derived_attacks("extended")  # type: ignore[arg-type]


def test_bipolar_support_cycles_terminate() -> None:
    baf = BipolarFramework(attacks=[("x", "a")], supports=[("a", "b"), ("b", "a")])
    assert baf.derived_attacks("secondary") == {("x", "a"), ("x", "b")}
    assert baf.derived_attacks("supported") == set()
    assert baf == BipolarFramework(["b", "a", "x"], [("x", "a")], [("b", "a"), ("a", "b")])
    assert "x" in baf and len(baf) == 3
    assert "3 arguments, 1 attacks, 2 supports" in repr(baf)
