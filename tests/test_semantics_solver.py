"""The solver engine (clingo): differential against the pure-Python search and brute force,
the shared ICCMA instances, time limits, the fallback without clingo, `argmap iccma`."""

from __future__ import annotations

import itertools
import json
import os
import random
import re
import sys
import time
import warnings
from pathlib import Path

import pytest
from conftest import require_module
from typer.testing import CliRunner

import argmap
from argmap.cli import app
from argmap.semantics import (
    AbstractFramework,
    accept,
    all_extensions,
    count_extensions,
    credulous,
    load_af,
    sceptical,
    some_extension,
)
from argmap.semantics import solver as solver_module
from argmap.semantics import tasks as tasks_module

HOW = "pip install 'argmap[solver]' (or pip install clingo)"
PYTHON_SEMANTICS = ("grounded", "complete", "preferred", "stable")
ALL = (*PYTHON_SEMANTICS, "semi-stable", "stage", "ideal")


@pytest.fixture
def clingo_here() -> None:
    require_module("clingo", HOW)


# -- brute force from the definitions ---------------------------------------------------------


def brute(af: AbstractFramework, semantics: str) -> set[frozenset[str]]:
    """Every extension, by checking each of the 2^n subsets against the definitions."""
    n = len(af)
    succ, pred = af.successors(), af.predecessors()
    subsets = [frozenset(c) for k in range(n + 1) for c in itertools.combinations(range(n), k)]

    def plus(s: frozenset[int]) -> frozenset[int]:
        return frozenset(t for x in s for t in succ[x])

    def free(s: frozenset[int]) -> bool:
        return not (plus(s) & s)

    def defended(s: frozenset[int], x: int) -> bool:
        return all(y in plus(s) for y in pred[x])

    def admissible(s: frozenset[int]) -> bool:
        return free(s) and all(defended(s, x) for x in s)

    co = [s for s in subsets if admissible(s) and all(defended(s, x) <= (x in s) for x in range(n))]
    pr = [s for s in co if not any(s < t for t in co)]
    cf = [s for s in subsets if free(s)]
    if semantics == "grounded":
        found = [min(co, key=len)]
    elif semantics == "complete":
        found = co
    elif semantics == "preferred":
        found = pr
    elif semantics == "stable":
        found = [s for s in cf if len(s | plus(s)) == n]
    elif semantics in ("semi-stable", "stage"):
        pool = co if semantics == "semi-stable" else cf
        found = [s for s in pool if not any((s | plus(s)) < (t | plus(t)) for t in pool)]
    else:  # ideal: the largest admissible set inside every preferred extension
        inter = frozenset(range(n)).intersection(*pr)
        found = [max((s for s in subsets if s <= inter and admissible(s)), key=len)]
    names = af.arguments
    return {frozenset(names[i] for i in s) for s in found}


def random_frameworks(count: int, seed: int) -> list[AbstractFramework]:
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        n = rng.randint(0, 7)
        p = rng.choice((0.1, 0.2, 0.3, 0.5))
        names = [f"a{i}" for i in range(n)]
        attacks = [(a, b) for a in names for b in names if rng.random() < p]
        out.append(AbstractFramework(names, attacks))
    return out


FRAMEWORKS = random_frameworks(500, seed=22)


@pytest.mark.parametrize("semantics", ALL)
def test_solver_python_and_brute_force_agree_on_every_task(
    clingo_here: None, semantics: str
) -> None:
    engines = ("solver", "python") if semantics in PYTHON_SEMANTICS else ("solver",)
    rng = random.Random(semantics)
    for af in FRAMEWORKS:
        expected = brute(af, semantics)
        query = rng.choice(af.arguments) if len(af) else None
        for engine in engines:
            where = f"{engine} {semantics} on {sorted(af.attacks)}"
            found = all_extensions(af, semantics, engine=engine)
            assert set(found) == expected and len(found) == len(expected), where  # EE
            assert count_extensions(af, semantics, engine=engine) == len(expected), where  # CE
            one = some_extension(af, semantics, engine=engine)  # SE
            assert (one is None and not expected) or one in expected, where
            if query is not None:
                cred = any(query in e for e in expected)
                scep = all(query in e for e in expected)
                assert credulous(af, query, semantics, engine=engine) == cred, (where, query)
                assert sceptical(af, query, semantics, engine=engine) == scep, (where, query)


def test_accept_labels_agree_between_engines(clingo_here: None) -> None:
    for af in FRAMEWORKS[:100]:
        for semantics in PYTHON_SEMANTICS:
            a = accept(af, semantics, engine="solver")
            b = accept(af, semantics, engine="python")
            assert a == b, (semantics, sorted(af.attacks))


def test_a_map_is_projected_as_accept_does(clingo_here: None) -> None:
    m = argmap.ArgumentMap("brief")
    rec = m.recommendation("The U.S. should abstain.", id="abstain")
    m.argue([m.claim("The draft is flawed.", id="flawed")], rec, id="why")
    m.attack(m.claim("Its goals are laudable.", id="laudable"), "flawed")
    m.attack(m.claim("Laudable goals do not fix the text.", id="laudable2"), "laudable")
    m.attack("laudable", "laudable2")
    for semantics in PYTHON_SEMANTICS:
        assert accept(m, semantics, engine="solver") == accept(m, semantics, engine="python")
        for node in ("abstain", "flawed", "laudable", "why"):
            for engine in ("solver", "python"):
                assert credulous(m, node, semantics, engine=engine) == any(
                    node in e for e in accept(m, semantics, engine="python").extensions
                )
    exts = all_extensions(m, "preferred", engine="solver")
    assert {frozenset(e) for e in accept(m, "preferred").extensions} == set(exts)
    assert not any(name.endswith("#unsupported") for e in exts for name in e)


# -- the shared ICCMA instances ----------------------------------------------------------------


def test_every_shared_instance_matches_the_reference_answers(
    clingo_here: None, shared_dir: Path
) -> None:
    folder = shared_dir / "corpora" / "iccma"
    answers = json.loads((folder / "reference_answers.json").read_text())
    checked = 0
    for entry in answers["instances"]:
        for name in (entry["instance"], *entry.get("also_applies_to", ())):
            af = load_af(folder / name)
            assert all_extensions(af, "grounded") == [frozenset(entry["grounded"])]
            for semantics in ("stable", "preferred", "complete"):
                ref = entry.get(semantics)
                if ref is None or ref["enumeration"] != "complete":
                    continue
                exts = {frozenset(e) for e in ref["extensions"]}
                assert set(all_extensions(af, semantics, engine="solver")) == exts, name
                assert count_extensions(af, semantics, engine="solver") == ref["count"]
                assert some_extension(af, semantics, engine="solver") in exts
                args = af.arguments if len(af) <= 50 else random.Random(1).sample(af.arguments, 40)
                for a in args:
                    assert credulous(af, a, semantics, engine="solver") == any(a in e for e in exts)
                    assert sceptical(af, a, semantics, engine="solver") == all(a in e for e in exts)
                if "credulously_accepted_count" in ref:
                    union = frozenset().union(*exts)
                    assert len(union) == ref["credulously_accepted_count"]
                checked += 1
    assert checked >= 15


def test_probo_solution_files_agree(clingo_here: None, shared_dir: Path) -> None:
    folder = shared_dir / "corpora" / "iccma"
    codes = {"CO": "complete", "PR": "preferred", "ST": "stable", "GR": "grounded"}
    files = sorted((folder / "probo_solutions").glob("*.apx.EE-*"))
    assert files
    for path in files:
        instance, code = path.name.rsplit(".EE-", 1)
        inner = re.findall(r"\[([^\[\]]*)\]", path.read_text())
        expected = {frozenset(x.strip() for x in g.split(",") if x.strip()) for g in inner}
        af = load_af(folder / f"probo_{instance}")
        assert set(all_extensions(af, codes[code], engine="solver")) == expected, path.name


# -- time limits, caps, fallback ------------------------------------------------------------------


def many_cycles(k: int) -> AbstractFramework:
    """k disjoint 2-cycles: 3^k complete and 2^k stable extensions."""
    return AbstractFramework(attacks=[p for i in range(k) for p in ((f"a{i}", f"b{i}"), (f"b{i}", f"a{i}"))])


def _zombies() -> list[str]:
    me = str(os.getpid())
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if fields[0] == "Z" and fields[1] == me:
            found.append(stat.parent.name)
    return found


def test_the_solver_stops_at_its_time_limit(clingo_here: None) -> None:
    af = many_cycles(60)
    start = time.monotonic()
    with pytest.raises(argmap.SolverTimeout, match="--timeout"):
        count_extensions(af, "complete", engine="solver", timeout=0.3)
    assert time.monotonic() - start < 30  # it stopped, not ran to 3^60
    assert isinstance(argmap.SolverTimeout("x"), argmap.SemanticsError)
    assert isinstance(argmap.SolverTimeout("x"), TimeoutError)
    # the same process answers the next question normally
    assert count_extensions(many_cycles(3), "complete", engine="solver", timeout=30) == 27


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_the_python_search_is_killed_at_its_time_limit_without_zombies() -> None:
    af = many_cycles(60)
    with pytest.raises(argmap.SolverTimeout, match="--timeout"):
        count_extensions(af, "complete", engine="python", timeout=0.3)
    assert _zombies() == []
    assert count_extensions(many_cycles(2), "stable", engine="python", timeout=30) == 4
    assert _zombies() == []


def test_a_bad_time_limit_is_refused(clingo_here: None) -> None:
    with pytest.raises(argmap.SemanticsError, match="--timeout"):
        all_extensions(many_cycles(2), "stable", engine="solver", timeout=0)


def test_frameworks_over_the_caps_are_refused_early(clingo_here: None) -> None:
    with argmap.limits(max_nodes=10), pytest.raises(argmap.LimitExceeded, match="max_nodes"):
        all_extensions(many_cycles(6), "preferred", engine="solver")


@pytest.fixture
def no_clingo(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "clingo", None)  # import clingo now raises ImportError
    monkeypatch.setattr(tasks_module, "_noted", False)


def test_without_clingo_auto_falls_back_and_says_so_once(no_clingo: None) -> None:
    assert not solver_module.clingo_available()
    af = many_cycles(2)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert count_extensions(af, "stable") == 4
        assert credulous(af, "a0", "preferred")
        assert accept(af, "preferred").extensions
    notes = [w for w in caught if "pip install 'argmap[solver]'" in str(w.message)]
    assert len(notes) == 1 and notes[0].category is RuntimeWarning
    with pytest.raises(argmap.SemanticsError, match=r"argmap\[solver\]"):
        all_extensions(af, "preferred", engine="solver")
    with pytest.raises(argmap.SemanticsError, match="needs the solver"):
        all_extensions(af, "semi-stable")


def test_without_clingo_the_cli_notes_the_fallback_on_stderr(no_clingo: None, shared_dir: Path) -> None:
    path = shared_dir / "corpora" / "iccma" / "probo_ex1.apx"
    result = CliRunner().invoke(app, ["accept", str(path), "-s", "stable", "-f", "json"])
    assert result.exit_code == 0, result.output
    assert result.stderr.count("argmap[solver]") == 1
    assert json.loads(result.stdout)["extensions"] == [["a1", "a3", "a4"], ["a2", "a5"]]
    result = CliRunner().invoke(app, ["accept", str(path), "-s", "stable", "--engine", "solver"])
    assert result.exit_code == 2 and "argmap[solver]" in result.stderr


# -- argmap iccma ----------------------------------------------------------------------------------


def iccma(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["iccma", *args])
    return result.exit_code, result.stdout, result.stderr


def test_iccma_describes_itself() -> None:
    code, out, _ = iccma()
    assert code == 0 and out.strip()
    code, out, _ = iccma("--formats")
    assert (code, out) == (0, "[i23,apx,tgf]\n")
    code, out, _ = iccma("--problems")
    problems = out.strip().strip("[]").split(",")
    assert code == 0 and {"DC-CO", "DS-PR", "SE-ST", "EE-PR", "CE-CO", "DS-ID"} <= set(problems)


def test_iccma_answers_in_the_competition_format(clingo_here: None, tmp_path: Path) -> None:
    path = tmp_path / "f.af"
    path.write_text("p af 4\n# a comment\n1 2\n2 1\n2 3\n3 4\n")
    # preferred: {1,3} and {2,4}; grounded: {}
    assert iccma("-p", "DC-PR", "-f", str(path), "-a", "3")[:2] == (0, "YES\n")
    assert iccma("-p", "DS-PR", "-f", str(path), "-a", "3")[:2] == (0, "NO\n")
    assert iccma("-p", "DS-GR", "-f", str(path), "-a", "1")[:2] == (0, "NO\n")
    assert iccma("-p", "CE-CO", "-f", str(path))[:2] == (0, "3\n")
    code, out, _ = iccma("-p", "SE-PR", "-f", str(path))
    assert code == 0 and out in ("w 1 3\n", "w 2 4\n")
    assert iccma("-p", "EE-ST", "-f", str(path))[:2] == (0, "w 1 3\nw 2 4\n")
    odd = tmp_path / "odd.af"
    odd.write_text("p af 3\n1 2\n2 3\n3 1\n")
    assert iccma("-p", "SE-ST", "-f", str(odd))[:2] == (0, "NO\n")
    assert iccma("-p", "SE-GR", "-f", str(odd))[:2] == (0, "w\n")
    assert iccma("-p", "dc-pr", "-f", str(path), "-a", "1", "--engine", "python")[:2] == (0, "YES\n")


def test_iccma_bad_usage_exits_2(tmp_path: Path) -> None:
    path = tmp_path / "f.af"
    path.write_text("p af 2\n1 2\n")
    code, _, err = iccma("-p", "XX-PR", "-f", str(path))
    assert code == 2 and "--problems" in err
    code, _, err = iccma("-p", "DC-PR", "-f", str(path))
    assert code == 2 and "-a" in err
    code, _, err = iccma("-p", "SE-PR", "-f", str(path), "-a", "1")
    assert code == 2 and "-a" in err
    code, _, err = iccma("-p", "DC-PR", "-f", str(path), "-a", "9")
    assert code == 2 and "9" in err
    code, _, err = iccma("-p", "DC-PR", "-f", str(tmp_path / "missing.af"), "-a", "1")
    assert code == 2
    code, _, err = iccma("-p", "DC-PR", "-f", str(path), "-a", "1", "-fo", "xml")
    assert code == 2 and "-fo" in err


def test_iccma_timeout_exits_2(clingo_here: None, tmp_path: Path) -> None:
    path = tmp_path / "cycles.af"
    af = many_cycles(60)
    path.write_text(argmap.semantics.dumps_af(af, "i23"))
    code, _, err = iccma("-p", "CE-CO", "-f", str(path), "--timeout", "0.3")
    assert code == 2 and "--timeout" in err


def test_accept_cli_engine_and_timeout(clingo_here: None, tmp_path: Path) -> None:
    path = tmp_path / "cycles.af"
    path.write_text(argmap.semantics.dumps_af(many_cycles(60), "i23"))
    result = CliRunner().invoke(app, ["accept", str(path), "-s", "complete", "--timeout", "0.3"])
    assert result.exit_code == 2 and "--timeout" in result.stderr
    small = tmp_path / "small.af"
    small.write_text("p af 3\n1 2\n2 3\n3 1\n")
    result = CliRunner().invoke(app, ["accept", str(small), "-s", "semi-stable", "-f", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["extensions"] == [[]]


def test_accept_cli_on_a_map_file_agrees_between_engines(clingo_here: None, tmp_path: Path) -> None:
    m = argmap.ArgumentMap("brief")
    rec = m.recommendation("The U.S. should abstain.", id="abstain")
    m.argue([m.claim("The draft is flawed.", id="flawed")], rec, id="why")
    m.attack(m.claim("Its goals are laudable.", id="laudable"), "flawed")
    m.attack(m.claim("Laudable goals do not fix the text.", id="reply"), "laudable")
    m.attack("laudable", "reply")
    path = tmp_path / "brief.ttl"
    argmap.dump(m, path)
    outputs = []
    for engine in ("solver", "python"):
        result = CliRunner().invoke(
            app, ["accept", str(path), "-s", "preferred", "--engine", engine, "-f", "json"]
        )
        assert result.exit_code == 0, result.output
        outputs.append(json.loads(result.stdout))
    assert outputs[0] == outputs[1]
    assert sorted(map(sorted, outputs[0]["extensions"])) == [
        ["abstain", "flawed", "reply", "why"],
        ["laudable"],
    ]
