"""Which critical question an attack or argument answers survives the formats that can say
it: RDF (``am:question``), AIF and xAIF (a ``question`` key on the RA/CA node), Argdown
(data: ``question`` on a PCS argument, ``answers`` on a relation's source)."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_io_argdown import tool

import argmap
from argmap.io import aif, argdown, registry
from argmap.io._argdown_parse import structure_from_json
from argmap.questions import critical_questions

SCHEMES = ["sign", "practical reasoning", "Example", None]
QUESTIONS = ["observed", "strength", "other-causes", "side-effects", "alternatives",
             "sign.observed", "practical-reasoning.feasible", None]
KEEPING = ["turtle", "jsonld", "nt", "xml", "aif", "xaif", "argdown"]


@st.composite
def questioned_maps(draw: Any) -> argmap.ArgumentMap:
    m = argmap.ArgumentMap("qq")
    n = draw(st.integers(2, 5))
    ids = [f"s{i}" for i in range(n)]
    m.recommendation("Statement s0.", id="s0")
    for i in ids[1:]:
        m.claim(f"Statement {i}.", id=i)
    for k in range(draw(st.integers(1, 3))):
        c = draw(st.sampled_from(ids))
        p = draw(st.sampled_from([i for i in ids if i != c]))
        if any(a.conclusion == c and a.premises == (p,) for a in m.arguments()):
            continue
        m.argue([p], c, id=f"a{k}", scheme=draw(st.sampled_from(SCHEMES)),
                question=draw(st.sampled_from(QUESTIONS)))
    args = [a.id for a in m.arguments()]
    for k in range(draw(st.integers(0, 3))):
        target = draw(st.sampled_from(ids + args))
        attacker = draw(st.sampled_from([i for i in ids if i != target]))
        if any(t.attacker == attacker and t.target == target for t in m.attacks()):
            continue
        m.attack(attacker, target, id=f"t{k}", question=draw(st.sampled_from(QUESTIONS)))
    return m


def _signature(m: argmap.ArgumentMap) -> tuple[Counter[Any], Counter[Any]]:
    """Ids differ across formats (Argdown mints its own): compare what each relation joins,
    by the statements' texts, with its question; and the question table without ids."""
    text = {s.id: s.text for s in m.statements()}

    def end(node_id: str) -> Any:
        node = m[node_id]
        if isinstance(node, argmap.Argument):
            return ("argument", tuple(text[p] for p in node.premises), text[node.conclusion])
        return text[node_id]

    relations = Counter(
        [("argument", end(a.id), a.question) for a in m.arguments()]
        + [("attack", text[t.attacker], end(t.target), t.question) for t in m.attacks()]
    )
    table = Counter(
        (end(r.argument), r.question, r.status, len(r.answered_by))
        for r in critical_questions(m)
    )
    return relations, table


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(questioned_maps(), st.sampled_from(KEEPING))
def test_questions_survive_a_round_trip(m: argmap.ArgumentMap, name: str) -> None:
    fmt = registry.get(name)
    assert fmt.loads is not None and fmt.dumps is not None
    back = fmt.loads(fmt.dumps(m))
    assert _signature(back) == _signature(m)


def test_aif_says_it_with_a_question_key() -> None:
    m = argmap.ArgumentMap("aq")
    m.argue([m.claim("P.", id="p")], m.claim("C.", id="c"), id="a", scheme="sign")
    m.attack(m.claim("O.", id="o"), "a", id="t", question="other-causes")
    doc = aif.map_to_aif(m).json
    nodes = {n["nodeID"]: n for n in doc["nodes"]}
    assert nodes["t"]["question"] == "other-causes" and nodes["t"]["type"] == "CA"
    assert "question" not in nodes["a"] and nodes["a"]["scheme"] == "sign"
    # read back: on the model, not left over in the node's AIF data
    t = aif.loads(aif.dumps(m))["t"]
    assert t.question == "other-causes"  # type: ignore[attr-defined]
    assert "question" not in t.data["aif"]
    # a value that is not a question stays verbatim
    doc["nodes"] = [dict(n, question=7) if n["nodeID"] == "t" else n for n in doc["nodes"]]
    import json

    odd = aif.loads(json.dumps(doc))["t"]
    assert odd.question is None and odd.data["aif"]["question"] == 7  # type: ignore[attr-defined]


ARGDOWN = """\
[Cost]: Abstaining costs influence. {answers: {"<Why>": side-effects, "[Flawed]": x}}
  -> <Why>
  +> [Flawed]

[Seen]: It was seen. {answers: "not a mapping"}
  -> [Flawed]

<Why>: Why abstain. {question: sign.observed}

(1) [Flawed]: The text is flawed.
-- practical reasoning --
(2) [Abstain]: Abstain.
"""


def test_argdown_reads_question_and_answers_data() -> None:
    m = argdown.loads(ARGDOWN)
    why = next(a for a in m.arguments() if a.label == "Why")
    assert why.question == "sign.observed"
    assert "question" not in why.data["argdown"].get("data", {})
    (undercut,) = [t for t in m.attacks() if t.target == why.id]
    assert undercut.question == "side-effects"
    support = next(a for a in m.arguments() if a.id != why.id)
    assert support.question == "x"
    cost = next(s for s in m.statements() if s.label == "Cost")
    assert "answers" not in cost.data["argdown"].get("data", {})
    seen = next(s for s in m.statements() if s.label == "Seen")
    assert seen.data["argdown"]["data"]["answers"] == "not a mapping"  # kept verbatim
    assert all(t.question is None for t in m.attacks() if t.attacker == seen.id)
    # written back: the same questions, the same data
    again = argdown.loads(argdown.dumps(m))
    assert _signature(again) == _signature(m)
    assert again == argdown.loads(argdown.dumps(again))


def test_argdown_output_with_questions_parses_in_the_tool() -> None:
    run = tool()
    m = argmap.ArgumentMap("tq")
    m.recommendation("Abstain.", id="r")
    m.argue([m.claim("Flawed.", id="f")], "r", id="a", scheme="practical reasoning",
            label="Why")
    m.attack(m.claim("Costs.", id="c"), "a", question="side-effects")
    m.argue([m.claim("Seen.", id="s")], "f", question="sign.observed")
    written = argdown.dumps(m).decode()
    ref = run(written)
    assert structure_from_json(ref)["relations"]
    by_title = {s["title"]: s for s in ref["statements"].values()}
    assert by_title["c"]["data"]["answers"] == {"<Why>": "side-effects"}


@pytest.mark.parametrize("name", ["kialo", "carneades", "caf"])
def test_formats_that_cannot_say_it_drop_it(name: str) -> None:
    """Kialo, Carneades (YAML and CAF) have no place for it; documented in docs/schemes.md."""
    m = argmap.ArgumentMap("drop")
    m.argue([m.claim("P.", id="p")], m.recommendation("C.", id="c"), id="a", scheme="sign")
    m.attack(m.claim("O.", id="o"), "a", question="other-causes")
    fmt = registry.get(name)
    assert fmt.loads is not None and fmt.dumps is not None
    back = fmt.loads(fmt.dumps(m))
    assert all(n.question is None for n in back if n.kind in ("argument", "attack"))
