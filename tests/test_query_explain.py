"""argmap.query.explain: the indented, readable justification of a trace."""

from __future__ import annotations

import argmap
from argmap import ArgumentMap
from argmap.query import explain, trace

PRACTICAL_OPEN = [
    ("alternatives", "Are there other actions that would reach the goal as well or better?",
     "undercuts the inference"),
    ("best-means", "Of the available actions, is this one the most efficient or least costly?",
     "undercuts the inference"),
    ("feasible", "Can the agent actually carry out the action?", "undermines the means premise"),
    ("other-goals", "Does the agent have other goals that this action works against?",
     "undercuts the inference"),
    ("side-effects",
     "Would the action have costs or side effects that outweigh reaching the goal?",
     "rebuts the conclusion"),
]


def test_explain_linked_convergent_shared_and_attacked() -> None:
    m = ArgumentMap("x")
    m.source("The brief", id="brief")
    text = "The U.S. should abstain. The draft is flawed."
    m.recommendation("The U.S. should abstain.", id="abstain")
    m.anchor("abstain", "should abstain", source="brief", text=text)
    m.claim("The draft is flawed.", id="flawed")
    m.anchor("flawed", "The draft is flawed", source="brief", text=text)
    m.claim("There are better options.", id="better")
    m.evidence("Article 35 is vague.", id="art35")
    m.claim("Vague articles invite abuse.", id="vague")
    m.argue(["flawed", "better"], "abstain", id="a1", scheme="practical reasoning")
    m.argue(["flawed"], "abstain", id="a2")
    m.argue(["art35", "vague"], "flawed", id="a3")
    m.actor("Chamber", id="chamber")
    m.actor("Heiber", id="heiber")
    m.stance("chamber", "asserts", "abstain")
    m.stance("heiber", "endorses", "abstain")
    m.stance("heiber", "asserts", "flawed")
    m.claim("Its goals are laudable.", id="laudable")
    m.claim("Goals are not text.", id="reply")
    m.attack("laudable", "flawed", id="t1")
    m.attack("reply", "laudable", id="t2")
    m.attack("reply", "a2", id="t3")
    assert explain(trace(m, "abstain")) == "\n".join([
        "recommendation [abstain] The U.S. should abstain.",
        '  quote: "should abstain" (brief 9-23)',
        "  asserted by: Chamber [chamber]",
        "  endorsed by: Heiber [heiber]",
        "  because (argument a1, practical reasoning):",
        *(
            f"    open question [{key}] {text} (if answered against it: {what})"
            for key, text, what in PRACTICAL_OPEN
        ),
        "    claim [better] There are better options.",
        "    claim [flawed] The draft is flawed. (critical)",
        '      quote: "The draft is flawed" (brief 25-44)',
        "      asserted by: Heiber [heiber]",
        '      attacked: rebut [t1] by claim [laudable] "Its goals are laudable." '
        "(answered by t2)",
        "      because (argument a3):",
        "        evidence [art35] Article 35 is vague. (critical)",
        "        claim [vague] Vague articles invite abuse. (critical)",
        "  or because (argument a2):",
        '    attacked: undercut [t3] by claim [reply] "Goals are not text." (unanswered)',
        "    claim [flawed] The draft is flawed. (critical) (see above)",
        "summary: 4 premises (3 basic, 1 evidence), 3 arguments, depth 2; critical: flawed, "
        "art35, vague; 2 attacks (1 unanswered); no cycles; 5 open critical questions "
        "(0 answered)",
    ])


def test_explain_marks_cycles_and_incomplete_arguments() -> None:
    m = ArgumentMap("c")
    m.recommendation("R.", id="r")
    m.claim("A.", id="a")
    m.claim("B.", id="b")
    m.argue(["a"], "r", id="ar")
    m.argue(["b"], "a", id="ba")
    m.argue(["a"], "b", id="ab")
    assert explain(trace(m, "r")) == "\n".join([
        "recommendation [r] R.",
        "  because (argument ar) (incomplete):",
        "    claim [a] A.",
        "      because (argument ba) (incomplete):",
        "        claim [b] B.",
        "          because (argument ab) (incomplete):",
        "            claim [a] A. (cycle: leads back up this chain)",
        "summary: 2 premises (0 basic, 0 evidence), 3 arguments, depth 2; critical: none; "
        "0 attacks; cycles: a <-> b",
    ])


def test_explain_unargued_statement() -> None:
    m = ArgumentMap("u")
    m.recommendation("Do it.", id="r")
    assert explain(trace(m, "r")) == (
        "recommendation [r] Do it.\n"
        "  (nothing in the map argues for it)\n"
        "summary: 0 premises (0 basic, 0 evidence), 0 arguments, depth 0; critical: none; "
        "0 attacks; no cycles"
    )


def test_exported_explain_writes_the_same_text_and_adds_standards_on_request() -> None:
    m = argmap.ArgumentMap("x")
    r = m.recommendation("Do it.", id="r")
    m.argue([m.evidence("It worked.", id="e")], r, id="a")
    t = trace(m, "r")
    assert argmap.explain(t) == explain(t)
    with_standards = argmap.explain(t, standards=m)
    assert with_standards.startswith(explain(t) + "\n")
    assert "proof standards for [r] Do it." in with_standards


def test_explain_shows_open_and_answered_questions_under_their_argument() -> None:
    m = ArgumentMap("q")
    m.recommendation("Act.", id="r")
    m.claim("A sign.", id="s")
    m.argue(["s"], "r", id="a", scheme="argument from sign")
    m.claim("Other causes fit.", id="o")
    m.attack("o", "a", id="t", question="other-causes")
    m.claim("It was seen.", id="seen")
    m.argue(["seen"], "s", id="b", question="sign.observed")  # supports the premise
    text = explain(trace(m, "r")).splitlines()
    at = text.index("  because (argument a, argument from sign):")
    assert text[at + 1].startswith('    attacked: undercut [t] by claim [o]')
    assert text[at + 2:at + 5] == [
        "    answered question [observed] Was the finding really observed? (answered by "
        "argument b)",
        "    answered question [other-causes] Could the sign be explained by something else? "
        "(answered by attack t)",
        "    open question [strength] How strong is the link between the sign and what it "
        "signals? (if answered against it: undermines the indication premise)",
    ]
    assert text[-1].endswith("; 1 open critical question (2 answered)")
    # an argument with no scheme, or one the catalogue does not know, gets no lines
    m2 = ArgumentMap("n")
    m2.argue([m2.claim("P.", id="p")], m2.recommendation("R.", id="r"), scheme="made up")
    assert "question" not in explain(trace(m2, "r"))
