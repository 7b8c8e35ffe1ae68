"""The display marks arguments that leave critical questions open (DOT node attributes, so
every viewer shows them): a ``?N`` label beside the junction dot, an amber outline, the
class ``am-open-questions``, and the questions in the tooltip."""

from __future__ import annotations

import subprocess

from conftest import require

from argmap import ArgumentMap
from argmap.display import to_dot
from argmap.display._dot import QUESTION_COLOUR
from argmap.query.trace import trace
from tests.test_display_dot import parse


def questioned() -> ArgumentMap:
    m = ArgumentMap("cq")
    r = m.recommendation("Abstain.", id="r")
    m.argue([m.claim("A sign.", id="p")], r, id="a", scheme="sign")
    m.argue([m.claim("Flawed.", id="f")], r, id="b")  # no scheme: no mark
    m.attack(m.claim("Other causes fit.", id="o"), "a", id="t", question="other-causes")
    return m


def test_an_argument_with_open_questions_is_marked() -> None:
    m = questioned()
    dot = parse(to_dot(m))
    a, b = dot.nodes["a"], dot.nodes["b"]
    assert a["xlabel"] == "?2"
    assert a["color"] == QUESTION_COLOUR
    assert "am-open-questions" in a["class"].split()
    tip = a["tooltip"]
    assert "open critical questions (2):" in tip
    assert "? [observed] Was the finding really observed? (undermine)" in tip
    assert "answered [other-causes] by t" in tip
    assert "xlabel" not in b and "am-open-questions" not in b["class"].split()
    assert "question" not in b["tooltip"]


def test_answering_every_question_removes_the_mark() -> None:
    m = questioned()
    m.attack(m.claim("Not seen.", id="n"), "p", question="observed")
    m.argue([m.claim("Strong link.", id="s")], "p", question="strength")
    attrs = parse(to_dot(m)).nodes["a"]
    assert "xlabel" not in attrs and "am-open-questions" not in attrs["class"].split()
    assert "open critical questions" not in attrs["tooltip"]
    assert "answered [strength] by" in attrs["tooltip"]


def test_a_trace_draws_the_mark_too() -> None:
    dot = parse(to_dot(trace(questioned(), "r")))
    assert dot.nodes["a"]["xlabel"] == "?2"


def test_a_validation_flag_keeps_its_outline() -> None:
    from types import SimpleNamespace

    m = questioned()
    finding = SimpleNamespace(severity="error", rule="x", message="Bad.", nodes=("a",))
    report = SimpleNamespace(findings=[finding], ok=False, map=m)
    attrs = parse(to_dot(report)).nodes["a"]
    assert attrs["color"] != QUESTION_COLOUR and attrs["xlabel"] == "?2"


def test_graphviz_lays_out_the_badge() -> None:
    dot = require("dot", "apt-get install graphviz")
    svg = subprocess.run(
        [dot, "-Tsvg"], input=to_dot(questioned()), capture_output=True, text=True, check=True
    ).stdout
    assert ">?2</text>" in svg  # (Graphviz before 2.44 writes no class attributes)
