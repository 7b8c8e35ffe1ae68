"""The bulk checks of the load paths (issue 17) against the plain definitions they stand for:
JSON nesting depth counted with bytes methods, and the line bound on RDF literals."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.limits import json_depth
from argmap.stream_caps import literals_fit


@settings(max_examples=300, deadline=None)
@given(
    st.recursive(
        st.text(alphabet='ab[]{}"\\', max_size=4) | st.integers(),
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner),
        max_leaves=12,
    )
)
def test_json_depth_is_the_nesting_depth(value: Any) -> None:
    import json

    def depth(v: Any) -> int:
        if isinstance(v, list):
            return 1 + max((depth(x) for x in v), default=0)
        if isinstance(v, dict):
            return 1 + max((depth(x) for x in v.values()), default=0)
        return 0

    assert json_depth(json.dumps(value).encode(), 50) == depth(value)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.text(alphabet="ab \"'\\", max_size=12), min_size=1, max_size=5), st.integers(1, 8)
)
def test_literals_fit_never_passes_a_literal_over_the_cap(values: list[str], cap: int) -> None:
    import pyoxigraph as ox

    triples = [
        ox.Triple(ox.NamedNode(f"urn:s{i}"), ox.NamedNode("urn:p"), ox.Literal(v))
        for i, v in enumerate(values)
    ]
    for fmt in (ox.RdfFormat.N_TRIPLES, ox.RdfFormat.TURTLE):
        data = ox.serialize(triples, format=fmt)
        if literals_fit(data, cap):
            assert all(len(v) <= cap for v in values)
