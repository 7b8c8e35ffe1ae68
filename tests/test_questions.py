"""Critical questions on maps: a hand-made map per scheme where answering each question
flips it from open to answered; in-memory and SPARQL answers agree on random maps."""

from __future__ import annotations

from typing import Any

import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap import ArgumentMap
from argmap.questions import critical_questions, critical_questions_sparql
from argmap.rdf import from_ntriples, ntriples
from argmap.schemes import CriticalQuestion, Scheme, default_catalogue

CATALOGUE = default_catalogue()
CASES = [(s, q) for s in CATALOGUE for q in s.questions]


def scheme_map(scheme: Scheme) -> ArgumentMap:
    """One argument on ``scheme``: a premise per role (or one), a conclusion."""
    m = ArgumentMap("cq")
    roles = [r.key for r in scheme.premises] or ["only"]
    premises = [m.claim(f"Premise {r}.", id=f"p-{r}") for r in roles]
    m.argue(premises, m.claim("The conclusion.", id="c"), id="a", scheme=scheme.label)
    return m


def target_for(q: CriticalQuestion) -> str:
    if q.answer == "undermine":
        return f"p-{q.premise}"
    return "a" if q.answer == "undercut" else "c"


def statuses(m: ArgumentMap) -> dict[str, str]:
    return {r.question: r.status for r in critical_questions(m)}


@pytest.mark.parametrize(("scheme", "q"), CASES, ids=[q.id for _, q in CASES])
@pytest.mark.parametrize("how", ["key", "id"])
def test_answering_a_question_flips_it_from_open_to_answered(
    scheme: Scheme, q: CriticalQuestion, how: str
) -> None:
    m = scheme_map(scheme)
    assert set(statuses(m).values()) == {"open"}
    assert set(statuses(m)) == {x.id for x in scheme.questions}
    objection = m.claim("An objection.", id="x")
    m.attack(objection, target_for(q), id="t", question=q.key if how == "key" else q.id)
    after = statuses(m)
    assert after.pop(q.id) == "answered"
    assert set(after.values()) <= {"open"}
    row = next(r for r in critical_questions(m) if r.question == q.id)
    assert row.answered_by == ("t",) and row.answer_type == q.answer


def test_a_supporting_argument_answers_too() -> None:
    m = scheme_map(CATALOGUE["expert opinion"])
    m.argue([m.claim("She chaired the panel.", id="chair")], "p-expertise", id="b",
            question="expert-opinion.expert")
    assert statuses(m)["expert-opinion.expert"] == "answered"
    # the answering argument itself has no scheme, so it has no rows of its own
    assert {r.argument for r in critical_questions(m)} == {"a"}


def test_a_question_far_from_the_argument_answers_nothing() -> None:
    m = scheme_map(CATALOGUE["analogy"])
    elsewhere = m.claim("Something else.", id="else")
    m.attack(m.claim("An objection.", id="x"), elsewhere, question="differences")
    m.attack(m.claim("Another.", id="y"), "a", question="no-such-question")
    assert set(statuses(m).values()) == {"open"}


def test_unknown_scheme_and_no_scheme_have_no_rows() -> None:
    m = ArgumentMap("cq")
    m.argue([m.claim("P.", id="p")], m.claim("C.", id="c"), scheme="argument from astrology")
    m.argue([m.claim("Q.", id="q")], "c")
    assert critical_questions(m) == []


def test_rec_restricts_to_the_support_tree_and_rows_carry_quotes() -> None:
    m = ArgumentMap("cq")
    src = m.source("The brief.", id="brief")
    r = m.recommendation("Abstain.", id="r")
    flawed = m.claim("The text is flawed.", id="flawed")
    m.anchor(r, "we urge abstention", source=src)
    m.argue([flawed], r, id="a1", scheme="practical reasoning")
    m.argue([m.claim("It weakens privacy.", id="priv")], flawed, id="a2",
            scheme="negative consequences")
    m.argue([m.claim("X.", id="x")], m.claim("Unrelated.", id="u"), id="a3", scheme="sign")
    table = critical_questions(m, "r")
    assert {row.argument for row in table} == {"a1", "a2"}
    assert {row.argument for row in critical_questions(m)} == {"a1", "a2", "a3"}
    a1 = [row for row in table if row.argument == "a1"]
    assert all(row.quotes == ("we urge abstention",) for row in a1)
    d = a1[0].to_dict()
    assert d["premises"] == ["flawed"] and d["status"] == "open"


def test_to_frame() -> None:
    pd = pytest.importorskip("pandas", reason="pip install pandas (the 'pandas' extra)")
    m = scheme_map(CATALOGUE["sign"])
    frame = critical_questions(m).to_frame()
    assert isinstance(frame, pd.DataFrame)
    assert list(frame["status"]) == ["open"] * 3
    assert {"argument", "scheme", "question", "answered_by", "quotes"} <= set(frame.columns)


# ------------------------------------------------------------ random maps

SCHEME_NAMES = ["practical reasoning", "PracticalReasoning", "ExpertOpinion", "from sign",
                "argument from analogy", "Example", "sign scheme", "astrology", "Default Inference"]
QUESTION_NAMES = [
    *sorted({q.key for s in CATALOGUE for q in s.questions}
            | {q.id for s in CATALOGUE for q in s.questions}),
    "nonsense",
]


@st.composite
def question_maps(draw: Any) -> ArgumentMap:
    m = ArgumentMap("rq")
    n = draw(st.integers(2, 6))
    ids = [f"s{i}" for i in range(n)]
    for i in ids:
        m.claim(f"Statement {i}.", id=i)
    args = []
    for k in range(draw(st.integers(0, 5))):
        conclusion = draw(st.sampled_from(ids))
        rest = [i for i in ids if i != conclusion]
        premises = draw(st.lists(st.sampled_from(rest), min_size=1, max_size=2, unique=True))
        arg_id = f"a{k}"
        if arg_id in m:
            continue
        try:
            m.argue(premises, conclusion, id=arg_id,
                    scheme=draw(st.none() | st.sampled_from(SCHEME_NAMES)),
                    question=draw(st.none() | st.sampled_from(QUESTION_NAMES)))
        except argmap.ArgmapError:
            continue
        args.append(arg_id)
    for k in range(draw(st.integers(0, 5))):
        attacker = draw(st.sampled_from(ids))
        target = draw(st.sampled_from([i for i in ids + args if i != attacker]))
        try:
            m.attack(attacker, target, id=f"t{k}",
                     question=draw(st.none() | st.sampled_from(QUESTION_NAMES)))
        except argmap.ArgmapError:
            continue
    return m


@settings(max_examples=60, deadline=None)
@given(question_maps())
def test_in_memory_equals_rdflib_equals_pyoxigraph(m: ArgumentMap) -> None:
    expected = critical_questions(m).to_sets(m)
    assert critical_questions_sparql(argmap.to_rdflib(m)) == expected
    store = ox.Store()
    store.bulk_load(ntriples(m), format=ox.RdfFormat.N_TRIPLES)
    assert critical_questions_sparql(store) == expected


@settings(max_examples=20, deadline=None)
@given(question_maps())
def test_the_embedded_store_answers_the_same(m: ArgumentMap) -> None:
    """The map saved in argmap's embedded store (its own named graph): same answers."""
    with argmap.open_store(None) as store:
        store.save(m)
        assert critical_questions_sparql(store.raw) == critical_questions(m).to_sets(m)


@settings(max_examples=40, deadline=None)
@given(question_maps())
def test_question_fields_round_trip_through_rdf(m: ArgumentMap) -> None:
    back = from_ntriples(ntriples(m))
    assert [(n.id, getattr(n, "question", None)) for n in sorted(back, key=lambda n: n.id)] == [
        (n.id, getattr(n, "question", None)) for n in sorted(m, key=lambda n: n.id)
    ]
    assert critical_questions(back) == critical_questions(m)


def test_a_sibling_argument_for_the_same_conclusion_answers_nothing() -> None:
    m = ArgumentMap("cq")
    c = m.claim("Other options exist.", id="c")
    m.argue([m.claim("Budapest works.", id="b")], c, id="a1", scheme="alternatives",
            question="alternatives.acceptable")
    m.argue([m.claim("OECD works.", id="o")], c, id="a2", scheme="alternatives",
            question="alternatives.acceptable")
    assert set(statuses(m).values()) == {"open"}
    m.argue(["c"], m.recommendation("Abstain.", id="r"), id="top", scheme="alternatives")
    rows = [r for r in critical_questions(m, "r") if r.argument == "top"]
    answered = [r for r in rows if r.status == "answered"]
    assert [(r.key, r.answered_by) for r in answered] == [("acceptable", ("a1", "a2"))]


def test_two_questions_on_one_attack_are_too_many_values_in_python_and_shacl() -> None:
    from argmap.validate import validate, validate_rdf
    from argmap.validate._catalog import TURTLE_HEAD

    text = TURTLE_HEAD + """
:p a am:Claim ; am:text "P." .
:c a am:Claim ; am:text "C." .
:x a am:Claim ; am:text "X." .
:a a am:Argument ; am:premise :p ; am:conclusion :c ; am:scheme "sign" ; am:question "q" .
:t a am:Attack ; am:attacker :x ; am:target :a ; am:question "sign.observed", "sign.strength" .
"""
    ours = {(f.rule, f.nodes[0].id) for f in validate(text) if f.rule == "too-many-values"}
    assert ours == {("too-many-values", "t")}
    pytest.importorskip("pyshacl", reason="pip install pyshacl (the 'shacl' extra)")
    theirs = {(f.rule, f.nodes[0].id) for f in validate_rdf(text) if f.rule == "too-many-values"}
    assert theirs == ours
