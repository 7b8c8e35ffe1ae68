"""The worked example: the map of the U.S. Chamber brief on the UN Cybercrime Convention.

Checks that ``examples/un_cybercrime_convention/build_map.py`` builds the map the issue asks
for: every anchor re-found in the brief (when ../shared is present) or at least
self-consistent (when it is not), every statement, actor and alternative anchored, the
committed ``brief.ttl`` / ``brief.jsonld`` equal to a fresh build, every recommendation
argued for, and the node counts by kind.
"""

from __future__ import annotations

import doctest
import importlib.util
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest
import rdflib
from rdflib.compare import isomorphic

import argmap
from argmap import ArgumentMap

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "un_cybercrime_convention"
SCRIPT = EXAMPLE / "build_map.py"
CONTEXT = 32

# What the map holds, by kind (the README and the issue note list them).
EXPECTED_COUNTS = {
    "claim": 16,
    "evidence": 14,
    "recommendation": 2,
    "actor": 18,
    "alternative": 3,
    "issue": 1,
    "source": 4,
    "argument": 23,
    "attack": 4,
    "stance": 32,
}


def _load_script() -> ModuleType:
    name = "argmap_example_un_cybercrime_build_map"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def script() -> ModuleType:
    return _load_script()


@pytest.fixture(scope="module")
def m(script: ModuleType) -> ArgumentMap:
    return script.build()


def _anchored(m: ArgumentMap) -> list[tuple[str, argmap.Anchor]]:
    return [(node.id, a) for node in m.nodes() for a in node.anchors]


# ---------------------------------------------------------------------------- anchors


def test_every_anchor_is_found_in_the_brief(m: ArgumentMap, brief_text: str) -> None:
    problems = []
    for node_id, a in _anchored(m):
        assert a.start is not None and a.end is not None, node_id
        if brief_text[a.start : a.end] != a.exact:
            problems.append(f"{node_id}: {a.exact!r} is not at {a.start}..{a.end}")
        if brief_text[max(0, a.start - CONTEXT) : a.start] != a.prefix:
            problems.append(f"{node_id}: prefix of {a.exact!r} differs from the brief")
        if brief_text[a.end : a.end + CONTEXT] != a.suffix:
            problems.append(f"{node_id}: suffix of {a.exact!r} differs from the brief")
    assert not problems, "\n".join(problems)


def test_stored_positions_match_the_brief(script: ModuleType, brief_text: str) -> None:
    for (exact, occurrence), (start, end, prefix, suffix) in script._POSITIONS.items():
        pos = -1
        for _ in range(occurrence):
            pos = brief_text.find(exact, pos + 1)
        assert pos == start, (exact, occurrence)
        assert brief_text[start:end] == exact
        assert brief_text[max(0, start - CONTEXT) : start] == prefix
        assert brief_text[end : end + CONTEXT] == suffix


def test_anchor_offsets_are_consistent(m: ArgumentMap) -> None:
    """Holds without the brief: offsets fit the quote, context is at most 32 characters."""
    anchors = _anchored(m)
    assert anchors
    for node_id, a in anchors:
        assert a.source == "brief", node_id
        assert a.start is not None and a.end is not None, node_id
        assert a.end - a.start == len(a.exact), (node_id, a.exact)
        assert len(a.prefix) == min(CONTEXT, a.start), (node_id, a.exact)
        assert len(a.suffix) <= CONTEXT, (node_id, a.exact)


def test_quotes_are_phrases_not_paragraphs(m: ArgumentMap) -> None:
    for node_id, a in _anchored(m):
        assert len(a.exact) <= 90, f"{node_id}: quote of {len(a.exact)} characters"
        assert "\n" not in a.exact, node_id


def test_the_script_does_not_hold_the_brief(script: ModuleType, brief_text: str) -> None:
    source = SCRIPT.read_text(encoding="utf-8")
    for paragraph in brief_text.split("\n\n"):
        paragraph = paragraph.strip()
        if len(paragraph) > 120:
            assert paragraph not in source
            assert paragraph[:100] not in source


def test_same_map_without_the_brief(
    script: ModuleType, m: ArgumentMap, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(script.BRIEF_ENV, str(tmp_path / "absent.txt"))
    assert script.read_brief() is None
    assert script.build() == m


def test_a_changed_brief_is_caught(script: ModuleType, brief_text: str) -> None:
    with pytest.raises(script.AnchorMismatch):
        script.build("x" + brief_text)


def test_brief_path_is_overridable(
    script: ModuleType, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv(script.BRIEF_ENV, raising=False)
    assert script.brief_path() == EXAMPLE.parents[2] / "shared" / "brief" / script.BRIEF_NAME
    monkeypatch.setenv(script.BRIEF_ENV, str(tmp_path / "b.txt"))
    assert script.brief_path() == tmp_path / "b.txt"


# ---------------------------------------------------------------------------- completeness


def test_every_statement_actor_and_alternative_is_anchored(m: ArgumentMap) -> None:
    kinds = ("claim", "evidence", "recommendation", "actor", "alternative", "issue", "source")
    bare = [n.id for n in m.nodes(kind=kinds) if not n.anchors]
    assert not bare


def test_statement_texts_are_paraphrases(m: ArgumentMap, brief_text: str) -> None:
    for node in m.statements():
        assert node.text not in brief_text, node.id


def test_counts_by_kind(m: ArgumentMap) -> None:
    assert Counter(n.kind for n in m.nodes()) == EXPECTED_COUNTS


def test_every_recommendation_has_an_argument(m: ArgumentMap) -> None:
    recs = sorted(r.id for r in m.recommendations())
    assert recs == ["abstain", "focus_on_flaws"]
    for rec in recs:
        assert m.arguments_for(rec), rec


def test_every_statement_takes_part(m: ArgumentMap) -> None:
    """Each statement is argued from, argued for, or attacks; only background stands alone."""
    for node in m.statements():
        used = m.arguments_for(node.id) or m.arguments_using(node.id) or m.attacks_by(node.id)
        assert used or "background" in node.tags, node.id


def test_the_four_flaws_converge_on_the_thesis(m: ArgumentMap) -> None:
    args = m.arguments_for("flawed")
    premises = sorted(p for a in args for p in a.premises)
    assert premises == ["flaw_data_security", "flaw_privacy", "flaw_rights", "flaw_russia"]
    assert all(len(a.premises) == 1 for a in args)


def test_concessions_are_answered(m: ArgumentMap) -> None:
    for concession, answer in (("goals_laudable", "flawed"), ("rightful_focus", "shortcomings")):
        (pro,) = [a for a in m.arguments_using(concession) if a.conclusion == "adopt_convention"]
        undercuts = [t for t in m.attacks_on(pro.id) if m.attack_type(t.id) == "undercut"]
        assert [t.attacker for t in undercuts] == [answer]
    assert "interpretive" in m["adopt_convention"].tags


def test_figures_and_dates_are_evidence(m: ArgumentMap) -> None:
    figures = {
        "budapest_20_years": {"years_in_effect": 20},
        "budapest_76_parties": {"parties": 76},
        "budapest_17_acceding": {"countries": 17},
        "oecd_adopted": {"adopted": "2022-12"},
    }
    for node_id, data in figures.items():
        node = m[node_id]
        assert node.kind == "evidence"
        assert node.data == data


def test_alternatives_answer_one_issue(m: ArgumentMap) -> None:
    alts = {a.id: a.issue for a in m.alternatives()}
    assert alts == {
        "un_convention": "framework",
        "budapest": "framework",
        "oecd_declaration": "framework",
    }


def test_stances_on_the_recommendations(m: ArgumentMap) -> None:
    for rec in ("abstain", "focus_on_flaws"):
        roles = {(s.actor, s.role) for s in m.stances_on(rec)}
        assert roles == {("chamber", "asserts"), ("us", "addressed_by")}


def test_every_actor_has_a_stance_or_is_talked_about(m: ArgumentMap) -> None:
    subjects = {about.subject for about in m.abouts()}
    authors = {s.author for s in m.sources()} | {s.publisher for s in m.sources()}
    for actor in m.actors():
        assert m.stances_of(actor.id) or actor.id in subjects or actor.id in authors, actor.id


def test_sources(m: ArgumentMap) -> None:
    brief = m["brief"]
    assert (brief.author, brief.publisher, brief.date) == ("heiber", "chamber", "2024-08-28")
    assert {s.id for s in m.sources()} == {"brief", "letter_feb", "dfi", "oecd_declaration_text"}


# ---------------------------------------------------------------------------- exports


@pytest.mark.parametrize("name", ["brief.ttl", "brief.jsonld"])
def test_committed_exports_are_fresh(m: ArgumentMap, name: str) -> None:
    path = EXAMPLE / name
    assert path.is_file(), f"{path} is missing: run python {SCRIPT.relative_to(EXAMPLE.parents[1])}"
    assert argmap.load(path) == m, f"{name} drifted from build_map.py: run the script"
    committed = rdflib.Graph().parse(path, format="turtle" if name.endswith(".ttl") else "json-ld")
    assert isomorphic(committed, m.to_rdflib()), f"{name} drifted from build_map.py"


def test_main_writes_the_exports(
    script: ModuleType,
    m: ArgumentMap,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr(script, "HERE", tmp_path)
    assert script.main() == 0
    out = capsys.readouterr().out
    for name in ("brief.ttl", "brief.jsonld"):
        assert (tmp_path / name).is_file()
        assert argmap.load(tmp_path / name) == m
    assert "16 claim" in out and "2 recommendation" in out


def test_doctests(script: ModuleType) -> None:
    result = doctest.testmod(script, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
