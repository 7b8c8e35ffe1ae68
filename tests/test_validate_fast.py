"""The fast validation path gives what the per-finding path gave (``validate_oracle.py``).

The map rules now yield light hits and the report makes each finding when it is read
(``argmap.validate._lazy``); the index reads support from the graph, and duplicate texts
are keyed in bulk. Whatever is read must be what the old path made: the same findings in
the same order, the same messages, node references and quotes, the same table, HTML and
JSON, counts and filters. Checked on random maps (valid ones from ``strategies.maps`` and
maps broken so that every map rule fires), on the brief's map, and on a synthetic map.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from validate_oracle import oracle_findings

import argmap
from argmap import ArgumentMap
from argmap.errors import ArgmapError
from argmap.validate import RULES, Finding, ValidationReport, validate
from argmap.validate._lazy import LazyFindings
from argmap.validate._mapindex import _ascii_key, _ascii_tables, normalise, text_keys

from strategies import maps, texts

ROOT = Path(__file__).resolve().parents[1]
BRIEF = ROOT / "examples" / "un_cybercrime_convention" / "brief.ttl"
MAP_RULES = sorted(r.id for r in RULES.values() if r.on_map)


def _try(call: Any, *args: Any, **kwargs: Any) -> Any:
    try:
        return call(*args, **kwargs)
    except ArgmapError:
        return None


@st.composite
def broken_maps(draw: Any) -> ArgumentMap:
    """A random map, then random moves that break it in the ways the map rules look for:
    offsets that do not fit, self-attacks, circles of support, premises attacking their
    own argument, actors asserting mutual attackers or endorsing and opposing one thing,
    bare recommendations, evidence with no source, schemes with questions answered by
    attacks and arguments (by full id or key), duplicate texts, loose nodes."""
    m = draw(maps(max_statements=10, recursive_attacks=True))
    statements = list(m.statements())
    pick = lambda xs: draw(st.sampled_from(xs))  # noqa: E731
    src = m.source("A source", id="zz-src")
    actor = m.actor("An actor", id="zz-actor")
    for i in range(draw(st.integers(0, 4))):
        move = draw(st.sampled_from([
            "offsets", "self-attack", "circle", "premise-attack", "contradicts", "endorse",
            "bare-rec", "evidence", "scheme", "answer-attack", "answer-argument", "duplicate",
            "orphan", "rec-chain",
        ]))
        if move == "offsets" and statements:
            node = pick(statements)
            start = draw(st.none() | st.integers(0, 50))
            end = draw(st.none() | st.integers(0, 60))
            if start is not None and end is not None and end < start:
                start, end = end, start
            _try(m.anchor, node, draw(texts(max_size=12)), source=src, start=start, end=end)
        elif move == "self-attack" and statements:
            s = pick(statements)
            _try(m.attack, s, s, id=f"zz-self{i}")
        elif move == "circle" and len(statements) >= 2:
            a, b = draw(st.lists(st.sampled_from(statements), min_size=2, max_size=2,
                                 unique_by=lambda s: s.id))
            _try(m.argue, [a], b)
            _try(m.argue, [b], a)
        elif move == "premise-attack":
            args = list(m.arguments())
            if args:
                a = pick(args)
                p = pick(list(a.premises))
                target = pick([a.id, a.conclusion, *a.premises])
                if target != p:
                    _try(m.attack, p, target, id=f"zz-pa{i}")
        elif move == "contradicts" and len(statements) >= 2:
            a, b = draw(st.lists(st.sampled_from(statements), min_size=2, max_size=2,
                                 unique_by=lambda s: s.id))
            _try(m.attack, a, b)
            _try(m.attack, b, a)
            _try(m.stance, actor, "asserts", a)
            _try(m.stance, actor, pick(["asserts", "endorses"]), b)
        elif move == "endorse" and statements:
            s = pick(statements)
            _try(m.stance, actor, pick(["asserts", "endorses"]), s, id=f"zz-for{i}")
            _try(m.stance, actor, "opposes", s, id=f"zz-against{i}")
        elif move == "bare-rec":
            statements.append(m.recommendation(draw(texts(max_size=20)), id=f"zz-rec{i}"))
        elif move == "evidence":
            statements.append(m.evidence(draw(texts(max_size=20)), id=f"zz-ev{i}"))
        elif move == "scheme" and len(statements) >= 2:
            p, c = draw(st.lists(st.sampled_from(statements), min_size=2, max_size=2,
                                 unique_by=lambda s: s.id))
            _try(m.argue, [p], c, id=f"zz-arg{i}", scheme=pick([
                "practical reasoning", "Argument from Expert Opinion", "sign",
                "from consequences", "no such scheme", "PracticalReasoning",
            ]))
        elif move in ("answer-attack", "answer-argument"):
            schemed = [a for a in m.arguments() if a.scheme]
            if schemed and statements:
                a = pick(schemed)
                question = pick([
                    "side-effects", "practical-reasoning.side-effects", "alternatives",
                    "expert-opinion.expertise", "other-causes", "strength", "nonsense",
                ])
                who = pick(statements)
                if move == "answer-attack":
                    target = pick([a.id, a.conclusion, *a.premises])
                    if target != who.id:
                        _try(m.attack, who, target, id=f"zz-q{i}", question=question)
                else:
                    p = pick(list(a.premises))
                    if p != who.id:
                        _try(m.argue, [who], p, id=f"zz-qa{i}", question=question)
        elif move == "duplicate" and statements:
            s = pick(statements)
            text = pick([s.text.upper(), s.text + " !", "  " + s.text.replace(" ", "   ") + ".",
                         s.text])
            statements.append(m.claim(text, id=f"zz-dup{i}"))
        elif move == "orphan":
            kind = pick(["claim", "actor", "alternative", "issue", "source"])
            getattr(m, kind)(draw(texts(max_size=20)), id=f"zz-orph{i}")
        elif move == "rec-chain" and len(statements) >= 2:
            rec = m.recommendation(draw(texts(max_size=20)), id=f"zz-rc{i}")
            p = pick(statements)
            _try(m.argue, [p], rec)
            statements.append(rec)
    return m


def assert_same(m: ArgumentMap, **options: Any) -> ValidationReport:
    """The report of ``validate(m, **options)`` reads exactly as the old path's."""
    only = options.get("rules")
    severities = options.get("severities")
    report = validate(m, **options)
    old = oracle_findings(m, only=only, severities=severities,
                          extra=options.get("extra_rules", ()))
    eager = ValidationReport(old, rules=report.rules, subject=report.subject, map=m)
    # the same findings, in the same order, field by field (messages, nodes, quotes)
    assert len(report) == len(old)
    for got, want in zip(report, old, strict=True):
        assert (got.rule, got.severity, got.message) == (want.rule, want.severity, want.message)
        assert got.nodes == want.nodes
        assert (got.quote, got.source, got.start, got.end) == (
            want.quote, want.source, want.start, want.end)
    assert report.findings == tuple(old)
    assert list(report) == old
    # what users read: table, HTML, rows, JSON, counts, filters
    assert report.ok == eager.ok
    assert report.counts() == eager.counts()
    assert str(report) == str(eager)
    assert report.to_text(max_rows=3) == eager.to_text(max_rows=3)
    assert report._repr_html_() == eager._repr_html_()
    assert json.dumps(report.to_dict()) == json.dumps(eager.to_dict())
    assert report.errors == eager.errors and report.infos == eager.infos
    assert report.warnings == eager.warnings
    assert report.by_rule() == eager.by_rule()
    assert repr(report) == repr(eager) and repr(report.findings) == repr(tuple(old))
    for sev in ("error", "warning", "info"):
        assert list(report.filter(severity=sev)) == [f for f in old if f.severity == sev]
    if old:
        node = old[-1].node_ids[0] if old[-1].node_ids else None
        rule = old[0].rule
        assert list(report.filter(rule=rule, node=node)) == [
            f for f in old if f.rule == rule and (node is None or node in f.node_ids)]
        assert report.findings[-1] == old[-1] and report.findings[1:3] == tuple(old[1:3])
    return report


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(maps(recursive_attacks=True))
def test_valid_random_maps_read_as_the_old_path(m: ArgumentMap) -> None:
    assert_same(m)


@settings(max_examples=80, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(broken_maps())
def test_broken_random_maps_read_as_the_old_path(m: ArgumentMap) -> None:
    assert_same(m)


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(broken_maps(), st.data())
def test_rule_choices_and_severities_read_as_the_old_path(m: ArgumentMap, data: Any) -> None:
    only = data.draw(st.lists(st.sampled_from(MAP_RULES), unique=True))
    sev = data.draw(st.dictionaries(st.sampled_from(MAP_RULES),
                                    st.sampled_from(["error", "warning", "info"]), max_size=4))
    assert_same(m, rules=only, severities=sev)


def test_every_map_rule_fires_on_some_broken_map() -> None:
    """The broken maps reach every map rule the in-memory map can hold (premise-is-
    conclusion is refused by the model, so only RDF input reaches it)."""
    fired: set[str] = set()

    @settings(max_examples=200, deadline=None, database=None, derandomize=True,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(broken_maps())
    def collect(m: ArgumentMap) -> None:
        fired.update(f.rule for f in assert_same(m))

    collect()
    assert set(MAP_RULES) - fired == {"premise-is-conclusion"}


def test_user_rules_and_ties_keep_the_old_order() -> None:
    """Findings that tie on severity, rule and nodes sort by message, and your own rules'
    findings (made already) sort in among the hits exactly as before."""
    m = ArgumentMap("t")
    src = m.source("S", id="s")
    c = m.claim("A claim.", id="c")
    m.anchor(c, "quote one", source=src, start=0, end=3)
    m.anchor(c, "quote two", source=src, start=5, end=None)
    m.anchor(c, "another", source=src, start=None, end=4)

    def mine(mm: ArgumentMap) -> list[Finding]:
        return [Finding.of(mm, "anchor-offsets", "Zzz, mine.", "c", severity="error"),
                Finding.of(mm, "orphan-node", "Mine too.", "c", severity="warning"),
                Finding.of(mm, "orphan-node", "A mine.", "c", severity="warning")]

    report = assert_same(m, extra_rules=[mine])
    offsets = [f.message for f in report if f.rule == "anchor-offsets"]
    assert offsets == sorted(offsets) and len(offsets) == 4


def test_the_brief_reads_as_the_old_path() -> None:
    m = argmap.load(BRIEF)
    report = assert_same(m)
    assert len(report) > 0


def test_a_synthetic_map_reads_as_the_old_path() -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import synthetic

    assert_same(synthetic.generate(4000, seed=3))


def test_a_report_describes_the_map_as_it_was_checked() -> None:
    """Findings are made when read, from the node models the rules saw: changing the map
    afterwards changes nothing in the report."""
    m = ArgumentMap("later")
    m.claim("A loose claim.", id="c")
    report = validate(m)
    want = oracle_findings(m)
    src = m.source("S", id="s")
    m.anchor("c", "loose", source=src, start=2, end=7)
    m.remove("c")
    assert list(report) == want


def test_lazy_findings_behave_as_a_tuple() -> None:
    fs = [Finding("b", "info", "two"), Finding("a", "error", "one"),
          Finding("a", "error", "uno")]
    seq = LazyFindings.of(fs)
    as_tuple = tuple(sorted(fs, key=lambda f: (f.severity != "error", f.rule, f.message)))
    assert seq == as_tuple and as_tuple == seq and seq != list(as_tuple)
    assert hash(seq) == hash(as_tuple) and repr(seq) == repr(as_tuple)
    assert seq[0] is fs[1] and seq[-1] is fs[0] and seq[:2] == as_tuple[:2]
    assert seq + (fs[0],) == (*as_tuple, fs[0])  # noqa: RUF005 (the + is what is tested)
    assert (fs[0],) + seq == (fs[0], *as_tuple)  # noqa: RUF005
    assert fs[2] in seq and seq.index(fs[0]) == 2 and len(seq) == 3 and bool(seq)
    with pytest.raises(IndexError):
        seq[3]
    assert not LazyFindings.of([]) and LazyFindings.of([]) == ()


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(texts(), st.text(max_size=20)), max_size=8))
def test_bulk_text_keys_are_normalise(items: list[str]) -> None:
    mapping, delete = _ascii_tables()
    keys = text_keys(items)
    assert keys == [normalise(t).encode() for t in items]
    assert keys == [_ascii_key(t, mapping, delete) if t.isascii() else normalise(t).encode()
                    for t in items]
