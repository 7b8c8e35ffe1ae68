"""The bulk check of plain i23 bodies (``_plain_i23``) accepts only what the line pattern
accepts, and a framework read through it equals the one read line by line."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.semantics import AbstractFramework, dumps_af, loads_af
from argmap.semantics.iccma import _I23_BODY, _plain_i23

BODIES = st.text(alphabet="0123 \t\r\n", max_size=40).map(str.encode)


@settings(max_examples=400)
@given(BODIES)
def test_plain_bodies_are_a_subset_of_the_pattern(body: bytes) -> None:
    if _plain_i23(body):
        assert _I23_BODY.fullmatch(body)
        assert len(body.split()) == 2 * body.count(b"\n")


@given(st.lists(st.tuples(st.integers(0, 9), st.integers(0, 9)), max_size=30))
def test_the_fast_read_equals_the_line_by_line_read(pairs: list[tuple[int, int]]) -> None:
    af = AbstractFramework.from_indices(10, [s for s, _ in pairs], [t for _, t in pairs])
    plain = dumps_af(af, "i23")
    assert _plain_i23(plain.split("\n", 1)[1].encode())
    tabbed = plain.replace(" ", "\t").replace("p\taf\t", "p af ")  # not plain: the pattern reads it
    assert not pairs or not _plain_i23(tabbed.split("\n", 1)[1].encode())
    assert loads_af(plain, "i23") == loads_af(tabbed, "i23") == af


def test_a_missing_number_is_not_plain() -> None:
    assert not _plain_i23(b"1 2\n 3\n")
    assert not _plain_i23(b"1 2\n3 \n")
    assert not _plain_i23(b" 1\n")
    assert _plain_i23(b"1 2\n30 4\n") and _plain_i23(b"")
