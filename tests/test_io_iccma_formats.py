"""ICCMA i23, apx and tgf in the format registry (argmap/io/iccma_formats.py, argmap/semantics/iccma_maps.py).

Reading, writing, converting among them and to RDF, the commands that use the registry,
and the README's format table held to `argmap formats`.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import argmap
from argmap.cli import app
from argmap.semantics import AbstractFramework, grounded_extension, load_af, loads_af
from argmap.semantics.iccma_maps import framework_to_map, map_to_framework

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[1]
ICCMA = ("i23", "apx", "tgf")


def _framework(m: argmap.ArgumentMap) -> set[tuple[str, str]]:
    return {(t.attacker, t.target) for t in m.attacks()}


def test_formats_lists_the_iccma_formats() -> None:
    result = runner.invoke(app, ["formats", "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = {row["name"]: row for row in json.loads(result.stdout)}
    for name in ICCMA:
        assert rows[name]["read"] and rows[name]["write"], name
        assert not rows[name]["lenient"]
    assert rows["i23"]["extensions"] == ["af", "i23"]


@pytest.mark.parametrize("name", ["admbuster_1000.af", "probo_ex1.apx", "probo_ex1.tgf",
                                  "probo_ex2.apx", "carneades_even_cycle1.tgf"])
def test_a_shared_framework_reads_as_a_map_with_the_same_grounded_extension(
    shared_dir: Path, name: str
) -> None:
    path = shared_dir / "corpora" / "iccma" / name
    af = load_af(path)
    m = argmap.load(path)
    assert sorted(s.text for s in m.statements()) == sorted(af.arguments)
    assert len(list(m.attacks())) == len(set(af.iter_attacks()))
    assert map_to_framework(m) == af or path.suffix != ".af"
    labels = argmap.accept(m, "grounded").labels
    inside = {m[node].text for node, label in labels.items() if label.value == "IN"}
    assert inside == set(grounded_extension(af))


@pytest.mark.parametrize("source", ICCMA)
@pytest.mark.parametrize("target", [*ICCMA, "turtle", "jsonld", "nt"])
def test_convert_among_them_and_to_rdf(tmp_path: Path, source: str, target: str) -> None:
    af = AbstractFramework(["1", "2", "3", "4"], [("1", "2"), ("2", "3"), ("3", "3"), ("4", "1")])
    src = tmp_path / f"x.{argmap.io.get(source).extensions[0]}"
    from argmap.semantics import dump_af

    dump_af(af, src, source)
    out = tmp_path / f"y.{argmap.io.get(target).extensions[0]}"
    result = runner.invoke(app, ["convert", str(src), str(out)])
    assert result.exit_code == 0, result.output
    back = argmap.load(out)
    assert _framework(back) == set(af.iter_attacks())
    assert map_to_framework(back) == af


def test_info_and_export_on_iccma_files(tmp_path: Path) -> None:
    apx = tmp_path / "x.apx"
    apx.write_text("arg(a).\narg(b).\natt(a,b).\natt(b,b).\n", encoding="utf-8")
    result = runner.invoke(app, ["info", str(apx), "--format", "json"])
    assert result.exit_code == 0, result.output
    counts = json.loads(result.stdout)
    assert (counts["claims"], counts["attacks"]) == (2, 2)
    ttl = tmp_path / "m.ttl"
    assert runner.invoke(app, ["convert", str(apx), str(ttl)]).exit_code == 0
    result = runner.invoke(app, ["export", str(ttl), "--to", "i23"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == "p af 2"
    assert loads_af(result.stdout, "i23").attacks == frozenset({("1", "2"), ("2", "2")})


def test_a_map_with_arguments_is_written_as_its_structured_projection() -> None:
    m = argmap.ArgumentMap("x")
    m.argue([m.claim("P.", id="p")], m.claim("C.", id="c"), id="a")
    m.attack(m.claim("Not P.", id="np"), "p")
    af = loads_af(argmap.dumps(m, "apx"), "apx")
    assert set(af.iter_attacks()) == set(argmap.dung_framework(m).framework.iter_attacks())
    assert "c#unsupported" in af.arguments


def test_names_that_are_no_ids_are_kept_as_text() -> None:
    m = framework_to_map(AbstractFramework(["Big claim", "x"], [("x", "Big claim")]))
    assert sorted(s.text for s in m.statements()) == ["Big claim", "x"]
    assert argmap.loads(argmap.dumps(m, "turtle"), "turtle") == m
    # ICCMA names arguments by node id: the structure survives, the name becomes the slug
    back = argmap.loads(argmap.dumps(m, "apx"), "apx")
    assert _framework(back) == _framework(m) == {("x", "big-claim")}


names = st.text(alphabet="abcxyz0123456789_", min_size=1, max_size=4).filter(
    lambda s: s[0] != "_"
)


@settings(max_examples=40, deadline=None)
@given(
    st.lists(names, min_size=1, max_size=6, unique=True).flatmap(
        lambda args: st.tuples(
            st.just(args),
            st.lists(st.tuples(st.sampled_from(args), st.sampled_from(args)), max_size=12),
        )
    ),
    st.sampled_from(["apx", "tgf", "turtle", "nt"]),
)
def test_framework_round_trips_through_a_map(
    case: tuple[list[str], list[tuple[str, str]]], fmt: str
) -> None:
    args, attacks = case
    af = AbstractFramework(args, attacks)
    m = framework_to_map(af)
    back = argmap.loads(argmap.dumps(m, fmt), fmt)
    assert set(map_to_framework(back).iter_attacks()) == set(af.iter_attacks())
    assert set(map_to_framework(back).arguments) == set(af.arguments)


# ------------------------------------------------------------------ README's table


def _readme_rows() -> list[tuple[list[str], bool, bool]]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    table = text[text.index("| format | names (`argmap formats`)") :].split("\n\n")[0]
    rows = []
    for line in table.splitlines()[2:]:
        cells = [c.strip() for c in line.strip("|").split("|")]
        rows.append((re.findall(r"`([^`]+)`", cells[1]), cells[2].startswith("yes"), cells[3].startswith("yes")))
    return rows


def test_readme_format_table_matches_argmap_formats() -> None:
    result = runner.invoke(app, ["formats", "--format", "json"])
    listed = {row["name"]: row for row in json.loads(result.stdout)}
    seen: list[str] = []
    for names, read, write in _readme_rows():
        assert names, "a README format row names no format"
        for name in names:
            assert name in listed, f"README names {name!r}, which `argmap formats` lacks"
            assert (listed[name]["read"], listed[name]["write"]) == (read, write), name
            seen.append(name)
    assert sorted(seen) == sorted(listed), "every format is in exactly one README row"
