"""argmap.testing: the assertions users put in their own test suites, and the example file
that shows them (examples/test_my_map.py), run here as part of the suite."""

from __future__ import annotations

import importlib.util
import inspect
from pathlib import Path

import pytest

from argmap import ArgumentMap
from argmap.errors import ArgmapError, ValidationFailed
from argmap.testing import assert_consistent, assert_supported_by_evidence, assert_traces_to

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "test_my_map.py"


def brief() -> ArgumentMap:
    m = ArgumentMap("brief")
    src = m.source("The brief", id="brief")
    r = m.recommendation("The U.S. should abstain.", id="abstain")
    flawed = m.claim("The draft text is fundamentally flawed.", id="flawed")
    art35 = m.evidence("Article 35 is vague.", id="art35", source=src)
    vague = m.claim("Vague articles invite abuse.", id="vague")
    m.argue([flawed], r)
    m.argue([art35, vague], flawed)
    m.anchor(flawed, "fundamentally flawed", source=src, start=120, end=140)
    m.anchor(vague, "invite abuse", source=src, start=300, end=312)
    return m


# ---------------------------------------------------------------- assert_consistent


def test_assert_consistent_passes_and_returns_the_report() -> None:
    report = assert_consistent(brief())
    assert report.ok
    assert {f.rule for f in report} == {"unanchored-statement"}


def test_assert_consistent_fails_with_a_table() -> None:
    m = brief()
    lead = m.recommendation("The U.S. should lead a new treaty.", id="lead")
    m.anchor(lead, "lead a new treaty", source="brief", start=500, end=517)
    with pytest.raises(ValidationFailed) as failure:
        assert_consistent(m)
    text = str(failure.value)
    assert text.startswith("map 'brief' is not consistent: 1 error")
    assert "unsupported-recommendation" in text  # what is wrong
    assert "lead" in text  # which claim
    assert "'lead a new treaty' (brief, 500–517)" in text  # where it came from
    assert "ValidationReport" not in text and "Finding(" not in text
    assert isinstance(failure.value, AssertionError) and isinstance(failure.value, ArgmapError)


def test_assert_consistent_allow_rules_categories_and_nodes() -> None:
    m = brief()
    m.recommendation("Lead a new treaty.", id="lead")
    m.recommendation("Stay out.", id="out")
    assert_consistent(m, allow=["unsupported-recommendation"])
    assert_consistent(m, allow="grounding")
    assert_consistent(m, allow=["unsupported-recommendation:lead",
                                "unsupported-recommendation:out"])
    with pytest.raises(ValidationFailed) as failure:
        assert_consistent(m, allow=["unsupported-recommendation:lead"])
    assert "'out'" in str(failure.value) and "(allowed:" in str(failure.value)


def test_assert_consistent_strict_fails_on_warnings() -> None:
    m = brief()
    m.actor("Russia", id="russia")
    assert_consistent(m)
    with pytest.raises(ValidationFailed, match="1 warning"):
        assert_consistent(m, strict=True)
    assert_consistent(m, strict=True, allow=["orphan-node:russia"])
    assert_consistent(m, strict=True, disable=["orphan-node"])


# ---------------------------------------------------------------- assert_traces_to


def test_assert_traces_to_at_any_depth_and_by_text() -> None:
    m = brief()
    assert_traces_to(m, "abstain", "flawed")
    assert_traces_to(m, "abstain", "art35")
    assert_traces_to(m, "The U.S. should abstain.", "invite abuse")


def test_assert_traces_to_fails_saying_what_the_recommendation_rests_on() -> None:
    m = brief()
    other = m.claim("Budapest works.", id="budapest")
    m.argue([other], m.claim("Alternatives exist.", id="alternatives"))
    m.anchor(other, "Budapest", source="brief", start=700, end=708)
    with pytest.raises(ValidationFailed) as failure:
        assert_traces_to(m, "abstain", "budapest")
    text = str(failure.value)
    assert text.startswith("'budapest' is not a premise of 'abstain' in map 'brief'")
    assert "'Budapest' (brief, 700–708)" in text
    assert "supports 'alternatives'" in text
    assert "rests on 3 premise(s), directly on 'flawed'" in text


def test_assert_traces_to_an_unsupported_recommendation() -> None:
    m = brief()
    m.recommendation("Lead.", id="lead")
    with pytest.raises(ValidationFailed, match="no argument for it"):
        assert_traces_to(m, "lead", "flawed")


def test_assert_traces_to_unknown_nodes_raise_not_found() -> None:
    with pytest.raises(KeyError):
        assert_traces_to(brief(), "abstain", "no such node")


# ---------------------------------------------------------------- evidence


def test_assert_supported_by_evidence() -> None:
    m = brief()
    assert_supported_by_evidence(m, "abstain")
    with pytest.raises(ValidationFailed) as failure:
        assert_supported_by_evidence(m, "abstain", every_chain=True)
    text = str(failure.value)
    assert text.startswith("not every chain behind 'abstain' ends in evidence")
    assert "'vague' is a claim that nothing supports" in text
    assert "'invite abuse' (brief, 300–312)" in text


def test_assert_supported_by_evidence_fails_without_evidence() -> None:
    m = ArgumentMap("x")
    r = m.recommendation("Abstain.", id="abstain")
    m.argue([m.claim("It is flawed.", id="flawed")], r)
    m.recommendation("Lead.", id="lead")
    with pytest.raises(ValidationFailed, match="no evidence stands behind 'abstain'") as failure:
        assert_supported_by_evidence(m, "abstain")
    assert "'flawed' is a claim that nothing supports" in str(failure.value)
    with pytest.raises(ValidationFailed, match="has no argument for it"):
        assert_supported_by_evidence(m, "lead")


# ---------------------------------------------------------------- the example file


def _example_module() -> object:
    if not EXAMPLE.is_file():
        pytest.skip(f"{EXAMPLE} is absent")
    spec = importlib.util.spec_from_file_location("example_test_my_map", EXAMPLE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_example_test_file_passes() -> None:
    module = _example_module()
    tests = {name: fn for name, fn in vars(module).items()
             if name.startswith("test_") and callable(fn)}
    assert len(tests) >= 4
    for _name, fn in sorted(tests.items()):
        params = inspect.signature(fn).parameters
        args = [module.my_map() for _ in params]  # type: ignore[attr-defined]
        fn(*args)


def test_the_local_walk_agrees_with_the_trace_engine() -> None:
    from argmap.testing import _local_support, _support

    m = brief()
    m.argue([m.claim("Deeper.", id="deeper")], "vague")
    local = _local_support(m, "abstain")
    engine = _support(m, "abstain")
    assert [sorted(x) for x in local] == [sorted(x) for x in engine]
