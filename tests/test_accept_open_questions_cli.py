"""`argmap accept --open-questions-attack`: the CLI face of accept(m, open_questions="attack").

On a small map the labels printed are those the definition gives: the map's framework plus
one unattacked attacker per open critical question, aimed at its argument (grounded labels
worked out here by brute force over every subset of arguments).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_semantics_open_questions import brute_grounded
from typer.testing import CliRunner

import argmap
from argmap.cli import app
from argmap.questions import critical_questions
from argmap.semantics import map_framework

runner = CliRunner()


def small_map() -> argmap.ArgumentMap:
    """``r`` rests on ``a`` (a sign argument, its three questions open) and on ``b``
    (practical reasoning, every question answered by an attack whose attacker is itself
    defeated); ``s`` rests on ``c``, which names no scheme."""
    m = argmap.ArgumentMap("oq")
    r = m.recommendation("Abstain.", id="r")
    m.argue([m.claim("A sign.", id="p")], r, id="a", scheme="sign")
    m.argue([m.claim("The draft is flawed.", id="f")], r, id="b", scheme="practical reasoning")
    for q in ("alternatives", "best-means", "feasible", "other-goals", "side-effects"):
        x = m.claim(f"Doubt: {q}.", id=f"x-{q}")
        m.attack(x, "b", id=f"t-{q}", question=q)
        m.attack(m.claim(f"Reply: {q}.", id=f"y-{q}"), x, id=f"u-{q}")
    m.argue([m.claim("Q.", id="q")], m.claim("S.", id="s"), id="c")
    return m


def _labels(tmp_path: Path, *extra: str) -> dict[str, str]:
    path = tmp_path / "m.ttl"
    argmap.dump(small_map(), path)
    result = runner.invoke(app, ["accept", str(path), "--format", "json", *extra])
    assert result.exit_code == 0, result.output
    labels: dict[str, str] = json.loads(result.stdout)["labels"]
    return labels


def test_the_flag_changes_labels_as_the_definition_says(tmp_path: Path) -> None:
    m = small_map()
    plain = _labels(tmp_path)
    asked = _labels(tmp_path, "--open-questions-attack")
    # the definition, worked out by brute force
    af = map_framework(m).framework
    extra = {(f"{r.argument}#cq:{r.question}", r.argument) for r in critical_questions(m).open()}
    assert {target for _, target in extra} == {"a"}
    grounded = brute_grounded([*af.arguments, *(x for x, _ in extra)], set(af.attacks) | extra)
    assert set(asked) == set(plain)  # the implicit attackers are never reported
    for node, label in asked.items():
        assert (label == "IN") == (node in grounded), node
    assert (plain["a"], asked["a"]) == ("IN", "OUT")  # three open questions
    assert plain["b"] == asked["b"] == "IN"  # every question answered, the answers defeated
    assert plain["r"] == asked["r"] == "IN"  # r still stands on b
    assert plain["s"] == asked["s"] == "IN"  # no scheme: untouched
    assert {k for k in plain if plain[k] != asked[k]} == {"a"}


def test_the_flag_needs_a_map_and_a_dung_semantics(tmp_path: Path) -> None:
    path = tmp_path / "m.ttl"
    argmap.dump(small_map(), path)
    result = runner.invoke(app, ["accept", str(path), "-s", "carneades",
                                 "--open-questions-attack"])
    assert result.exit_code == 2
    assert "--open-questions-attack" in result.output
    af = tmp_path / "f.af"
    af.write_text("p af 2\n1 2\n", encoding="utf-8")
    result = runner.invoke(app, ["accept", str(af), "--open-questions-attack"])
    assert result.exit_code == 2


@pytest.mark.parametrize("semantics", ["preferred", "stable"])
def test_the_flag_matches_the_python_option(tmp_path: Path, semantics: str) -> None:
    m = small_map()
    want = argmap.accept(m, semantics, open_questions="attack", engine="python")
    got = _labels(tmp_path, "--open-questions-attack", "-s", semantics, "--engine", "python")
    assert got == {k: str(v) for k, v in want.labels.items()}
