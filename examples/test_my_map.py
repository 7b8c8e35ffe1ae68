"""How to check your own argument map in your own pytest suite.

Copy this file next to your map, replace ``my_map()`` with the code that builds (or loads)
your map, and run ``pytest``. Each assertion fails with a table that says which claim is
wrong, what is wrong with it, and where in the source the claim came from.

    pytest examples/test_my_map.py
"""

from __future__ import annotations

import pytest

import argmap
from argmap.testing import assert_consistent, assert_supported_by_evidence, assert_traces_to
from argmap.validate import Finding, validate

BRIEF = (
    "The U.S. should abstain from the vote. The draft text is fundamentally flawed: "
    "Article 35 lets states share data on any crime punishable by four years."
)


def my_map() -> argmap.ArgumentMap:
    """A small map; in your project, build it here or ``return argmap.load("my_map.ttl")``."""
    m = argmap.ArgumentMap("my-brief", title="A tiny brief")
    src = m.source("A tiny brief", id="brief", date="2024-08-28")
    abstain = m.recommendation("The U.S. should abstain from the vote.", id="abstain")
    flawed = m.claim("The draft text is fundamentally flawed.", id="flawed")
    art35 = m.evidence("Article 35 lets states share data on crimes punishable by four years.",
                       id="art35", source=src)
    m.argue([flawed], abstain, scheme="practical reasoning")
    m.argue([art35], flawed)
    m.anchor(abstain, "should abstain from the vote", source=src, text=BRIEF)
    m.anchor(flawed, "fundamentally flawed", source=src, text=BRIEF)
    m.anchor(art35, "Article 35", source=src, text=BRIEF)
    return m


@pytest.fixture
def m() -> argmap.ArgumentMap:
    return my_map()


def test_the_map_is_consistent(m: argmap.ArgumentMap) -> None:
    # No errors; tolerate what you have decided to live with (a rule, a category, or
    # "rule:node-id" for one node). strict=True fails on warnings too.
    assert_consistent(m, allow=["unanchored-statement"], strict=True)


def test_the_recommendation_rests_on_the_flaw(m: argmap.ArgumentMap) -> None:
    # ids, IRIs, or a few words of the text all name a node
    assert_traces_to(m, "abstain", "Article 35 lets states share data")
    assert_traces_to(m, "abstain", "flawed")


def test_the_recommendation_has_evidence_behind_it(m: argmap.ArgumentMap) -> None:
    assert_supported_by_evidence(m, "abstain", every_chain=True)


def test_a_rule_of_your_own(m: argmap.ArgumentMap) -> None:
    # A rule is a plain function from the map to findings.
    def no_placeholders(m: argmap.ArgumentMap):  # type: ignore[no-untyped-def]
        for s in m.statements():
            if "TODO" in s.text:
                yield Finding.of(m, "no-placeholders", "This statement is a placeholder.", s,
                                 severity="error")

    report = validate(m, extra_rules=[no_placeholders])
    assert report.ok, report  # a failing report prints as a table


def test_what_a_failure_looks_like(m: argmap.ArgumentMap) -> None:
    m.recommendation("The U.S. should lead a new treaty.", id="lead")  # nothing supports it
    with pytest.raises(AssertionError) as failure:
        assert_consistent(m)
    assert "unsupported-recommendation" in str(failure.value)
    assert "lead" in str(failure.value)
