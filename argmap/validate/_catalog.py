"""The rule catalogue: every built-in rule's id, category, default severity and meaning,
with a short example of a map that breaks it.

Each example is runnable: ``python`` examples build a map ``m`` with the public API,
``turtle`` examples are RDF text (structural problems the in-memory map refuses to hold,
so they can only arrive from RDF). ``tests/test_validate_rules.py`` runs every example and
checks that its rule fires.

Examples
--------
>>> RULES["circular-support"].severity
'error'
>>> sorted({r.category for r in RULES.values()})
['grounding', 'hygiene', 'logical', 'structural']
>>> [r.id for r in RULES.values() if r.category == "hygiene"]
['duplicate-statement', 'orphan-node']
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, TypeAlias

from argmap.validate._finding import Severity

__all__ = ["CATEGORIES", "RULES", "TURTLE_HEAD", "Category", "Rule"]

Category: TypeAlias = Literal["structural", "logical", "grounding", "hygiene"]
CATEGORIES: tuple[Category, ...] = ("structural", "logical", "grounding", "hygiene")

TURTLE_HEAD = """\
@prefix am: <https://w3id.org/argmap/ns#> .
@prefix : <https://w3id.org/argmap/map/x/> .
<https://w3id.org/argmap/map/x> a am:ArgumentMap .
"""


@dataclass(frozen=True)
class Rule:
    """A built-in rule.

    Attributes
    ----------
    id:
        What findings, ``disable=`` and ``severities=`` call it.
    category:
        structural, logical, grounding or hygiene.
    severity:
        The default severity (change it with ``validate(..., severities={id: ...})``).
    title:
        A few words.
    description:
        What the rule checks and why it matters.
    example:
        A short map that breaks the rule (Python building ``m``, or Turtle).
    example_kind:
        ``"python"`` or ``"turtle"``.
    on_rdf:
        Checked directly on the triples of RDF input (before loading them into a map).
    on_map:
        Checked on an in-memory :class:`~argmap.ArgumentMap`.
    shacl:
        Also expressed in ``ontology/shapes.ttl`` (and held to agree with the Python check).
    """

    id: str
    category: Category
    severity: Severity
    title: str
    description: str
    example: str
    example_kind: Literal["python", "turtle"] = "python"
    on_rdf: bool = False
    on_map: bool = True
    shacl: bool = False

    def describe(self) -> str:
        """The rule's documentation, with its example, as Markdown text.

        >>> print(RULES["orphan-node"].describe().splitlines()[0])
        ### orphan-node (hygiene, warning): node tied to nothing
        """
        where = []
        if self.on_rdf:
            where.append("on RDF triples, before loading")
        if self.on_map:
            where.append("on the in-memory map")
        if self.shacl:
            where.append("in ontology/shapes.ttl")
        lang = "python" if self.example_kind == "python" else "turtle"
        return (
            f"### {self.id} ({self.category}, {self.severity}): {self.title}\n\n"
            f"{self.description}\n\nChecked {', '.join(where)}. A map that breaks it:\n\n"
            f"```{lang}\n{self.example.rstrip()}\n```\n"
        )


def _t(body: str) -> str:
    return TURTLE_HEAD + body.strip() + "\n"


def _structural(
    id: str, title: str, description: str, body: str, *, on_map: bool = False,
    shacl: bool = True, category: Category = "structural", severity: Severity = "error",
) -> Rule:
    return Rule(
        id, category, severity, title, description, _t(body), "turtle",
        on_rdf=True, on_map=on_map, shacl=shacl,
    )


_RULES: list[Rule] = [
    # ------------------------------------------------------------ structural
    _structural(
        "argument-without-premise",
        "argument with no premise",
        "An argument must rest on at least one statement; without a premise nothing "
        "supports its conclusion.",
        """
:flawed a am:Claim ; am:text "The draft text is flawed." .
:a1 a am:Argument ; am:conclusion :flawed .
""",
    ),
    _structural(
        "argument-without-conclusion",
        "argument with no conclusion",
        "An argument must support exactly one conclusion; without one it supports nothing.",
        """
:flawed a am:Claim ; am:text "The draft text is flawed." .
:a1 a am:Argument ; am:premise :flawed .
""",
    ),
    _structural(
        "attack-without-attacker",
        "attack with no attacker",
        "An attack must name the statement that attacks.",
        """
:flawed a am:Claim ; am:text "The draft text is flawed." .
:t1 a am:Attack ; am:target :flawed .
""",
    ),
    _structural(
        "attack-without-target",
        "attack with no target",
        "An attack must name the statement or argument it attacks.",
        """
:laudable a am:Claim ; am:text "The goals are laudable." .
:t1 a am:Attack ; am:attacker :laudable .
""",
    ),
    _structural(
        "stance-incomplete",
        "stance without actor, role or target",
        "A stance says who (an actor) does what (asserts, endorses, opposes, is addressed "
        "by) with what (a statement, alternative or issue); all three are needed.",
        """
:russia a am:Actor ; am:text "Russia" .
:s1 a am:Stance ; am:actor :russia ; am:role am:Endorses .
""",
    ),
    _structural(
        "dangling-reference",
        "reference to a missing node",
        "A premise, conclusion, attacker, target, actor, source, issue, author, publisher, "
        "about-subject or anchor that points at something the map does not hold.",
        """
:abstain a am:Recommendation ; am:text "The U.S. should abstain." .
:a1 a am:Argument ; am:premise :not-in-the-map ; am:conclusion :abstain .
""",
    ),
    _structural(
        "wrong-kind",
        "reference to a node of the wrong kind",
        "A reference to a node of a kind the relation does not allow: an argument that "
        "concludes in an actor, an attack on a stance, a stance on an argument, evidence "
        "whose source is a claim, an about-edge from an actor.",
        """
:flawed a am:Claim ; am:text "The draft text is flawed." .
:russia a am:Actor ; am:text "Russia" .
:a1 a am:Argument ; am:premise :flawed ; am:conclusion :russia .
""",
    ),
    _structural(
        "stance-actor-not-actor",
        "stance whose actor is not an actor",
        "The actor of a stance must be an actor (a person, organisation, state, body or "
        "group), not a claim or a source.",
        """
:flawed a am:Claim ; am:text "The draft text is flawed." .
:abstain a am:Recommendation ; am:text "The U.S. should abstain." .
:s1 a am:Stance ; am:actor :flawed ; am:role am:Asserts ; am:target :abstain .
""",
    ),
    _structural(
        "too-many-values",
        "two values where one is allowed",
        "A property that holds one value holds two: an argument with two conclusions, an "
        "attack with two targets, a node with two texts, an anchor with two start offsets.",
        """
:p a am:Claim ; am:text "P." .
:c1 a am:Claim ; am:text "C one." .
:c2 a am:Claim ; am:text "C two." .
:a1 a am:Argument ; am:premise :p ; am:conclusion :c1, :c2 .
""",
    ),
    _structural(
        "unknown-value",
        "unknown stance role, attack type or actor type",
        "am:role, am:attackType and am:actorType take one of the ontology's named values.",
        """
:russia a am:Actor ; am:text "Russia" .
:abstain a am:Recommendation ; am:text "The U.S. should abstain." .
:s1 a am:Stance ; am:actor :russia ; am:role am:Likes ; am:target :abstain .
""",
    ),
    _structural(
        "missing-text",
        "statement or entity without text",
        "Claims, evidence, recommendations, actors, alternatives, issues and sources need a "
        "non-blank am:text (the statement itself, or the name or title).",
        """
:c1 a am:Claim ; am:text "   " .
""",
    ),
    _structural(
        "two-kinds",
        "subject with two kinds",
        "One IRI typed with two argmap classes (a claim that is also an actor); a node has "
        "exactly one kind.",
        """
:russia a am:Actor, am:Claim ; am:text "Russia" .
""",
    ),
    _structural(
        "anchor-source-missing",
        "anchor without its source",
        "An anchor quotes a source; it must name one, and that must be a source of the map.",
        """
:flawed a am:Claim ; am:text "The draft text is flawed." ; am:anchor :q1 .
:q1 a am:Anchor ; am:exact "fundamentally flawed" .
""",
    ),
    _structural(
        "anchor-without-quote",
        "anchor without a quote",
        "An anchor must hold the exact quoted words (am:exact), and they may not be empty.",
        """
:brief a am:Source ; am:text "The brief" .
:flawed a am:Claim ; am:text "The draft text is flawed." ; am:anchor :q1 .
:q1 a am:Anchor ; am:source :brief ; am:start 10 ; am:end 30 .
""",
    ),
    _structural(
        "anchor-offsets",
        "anchor offsets that do not fit the quote",
        "An anchor's offsets must be non-negative integers, given both or neither, and "
        "end - start must equal the length of the quote; otherwise the quote cannot be "
        "found again in the source.",
        """
:brief a am:Source ; am:text "The brief" .
:flawed a am:Claim ; am:text "The draft text is flawed." ; am:anchor :q1 .
:q1 a am:Anchor ; am:source :brief ; am:exact "fundamentally flawed" ; am:start 10 ; am:end 12 .
""",
        on_map=True,
    ),
    _structural(
        "attack-type-mismatch",
        "declared attack type that does not fit the target",
        "An undercut attacks an argument (the inference); a rebut or an undermine attacks a "
        "statement. A declared type that contradicts the target is a mistake.",
        """
:laudable a am:Claim ; am:text "The goals are laudable." .
:flawed a am:Claim ; am:text "The draft text is flawed." .
:t1 a am:Attack ; am:attacker :laudable ; am:target :flawed ; am:attackType am:Undercut .
""",
    ),
    _structural(
        "not-loadable",
        "RDF that does not load as a map",
        "The RDF parses but cannot be read as an argument map, so only the structural rules "
        "ran; the message carries the reader's reason. When other structural errors explain "
        "the failure, this is only an info note that the other rules did not run. (Python "
        "only; pySHACL has no such step.)",
        """
<https://w3id.org/argmap/map/y> a am:ArgumentMap .
""",
        shacl=False,
    ),
    # ------------------------------------------------------------ logical
    _structural(
        "premise-is-conclusion",
        "argument that uses its own conclusion as a premise",
        "An argument whose conclusion is among its premises assumes what it sets out to show.",
        """
:flawed a am:Claim ; am:text "The draft text is flawed." .
:a1 a am:Argument ; am:premise :flawed ; am:conclusion :flawed .
""",
        on_map=True,
        category="logical",
    ),
    _structural(
        "self-attack",
        "statement that attacks itself",
        "An attack whose attacker is its own target: the statement contradicts itself. "
        "A map may hold one (abstract frameworks allow self-attacks, and corpora record "
        "them), so this is a warning: such a statement is never accepted under the usual "
        "semantics.",
        """
:flawed a am:Claim ; am:text "The draft text is flawed." .
:t1 a am:Attack ; am:attacker :flawed ; am:target :flawed .
""",
        on_map=True,
        category="logical",
        severity="warning",
    ),
    Rule(
        "circular-support",
        "logical",
        "error",
        "circular support",
        "A statement that supports itself through a chain of arguments (A supports B, B "
        "supports A): the chain proves nothing, since each link assumes the other.",
        """\
m = ArgumentMap("x")
a = m.claim("The convention is flawed.", id="flawed")
b = m.recommendation("The U.S. should abstain.", id="abstain")
m.argue([a], b)
m.argue([b], a)
""",
    ),
    Rule(
        "premise-attacks-own-argument",
        "logical",
        "error",
        "premise that attacks its own argument",
        "A statement that is a premise of an argument and also attacks that argument, its "
        "conclusion, or one of its other premises: the argument undoes itself.",
        """\
m = ArgumentMap("x")
p = m.claim("The treaty's goals are laudable.", id="laudable")
q = m.claim("The draft text is flawed.", id="flawed")
c = m.recommendation("The U.S. should abstain.", id="abstain")
arg = m.argue([p, q], c)
m.attack(p, arg)
""",
    ),
    Rule(
        "actor-contradicts-self",
        "logical",
        "error",
        "actor that asserts two statements that attack each other",
        "Two statements that attack each other, both asserted (or endorsed) by the same "
        "actor: the actor contradicts itself.",
        """\
m = ArgumentMap("x")
russia = m.actor("Russia", type="state", id="russia")
x = m.claim("The treaty protects human rights.", id="protects")
y = m.claim("The treaty endangers human rights.", id="endangers")
m.attack(x, y)
m.attack(y, x)
m.stance(russia, "asserts", x)
m.stance(russia, "asserts", y)
""",
    ),
    Rule(
        "endorses-and-opposes",
        "logical",
        "error",
        "actor that endorses and opposes one thing",
        "An actor that both asserts or endorses a statement (or alternative) and opposes it.",
        """\
m = ArgumentMap("x")
chamber = m.actor("U.S. Chamber of Commerce", type="organisation", id="chamber")
r = m.recommendation("The U.S. should abstain.", id="abstain")
m.stance(chamber, "endorses", r)
m.stance(chamber, "opposes", r)
""",
    ),
    # ------------------------------------------------------------ grounding
    Rule(
        "unsupported-recommendation",
        "grounding",
        "error",
        "recommendation with no support",
        "A recommendation that no argument supports: the map does not say why it should "
        "be done.",
        """\
m = ArgumentMap("x")
m.recommendation("The U.S. should abstain.", id="abstain")
""",
    ),
    Rule(
        "ungrounded-recommendation",
        "grounding",
        "warning",
        "recommendation resting on claims alone",
        "A recommendation whose every chain of reasons ends in bare claims: no piece of "
        "evidence stands anywhere behind it.",
        """\
m = ArgumentMap("x")
r = m.recommendation("The U.S. should abstain.", id="abstain")
m.argue([m.claim("The draft text is flawed.", id="flawed")], r)
""",
    ),
    Rule(
        "evidence-without-source",
        "grounding",
        "warning",
        "evidence with neither source nor anchor",
        "Evidence that names no source and quotes none: a reader cannot check it.",
        """\
m = ArgumentMap("x")
m.evidence("76 nations are party to the Budapest Convention.", id="parties")
""",
    ),
    Rule(
        "unanswered-attack",
        "grounding",
        "warning",
        "unanswered attack on a premise of a recommendation",
        "A statement attacks a premise that a recommendation rests on (directly or through "
        "a chain of arguments), and nothing in the map attacks that attacker, or the attack "
        "itself, in turn.",
        """\
m = ArgumentMap("x")
r = m.recommendation("The U.S. should abstain.", id="abstain")
p = m.claim("The draft text is flawed.", id="flawed")
m.argue([p], r)
m.attack(m.claim("The draft was fixed in July.", id="fixed"), p)
""",
    ),
    Rule(
        "unanchored-statement",
        "grounding",
        "info",
        "statement with no quote",
        "A statement that is not anchored to any quote in a source, so a reader cannot see "
        "where in the text it comes from (informational: interpretive statements have none).",
        """\
m = ArgumentMap("x")
m.claim("The draft text is flawed.", id="flawed")
""",
    ),
    Rule(
        "open-critical-question",
        "grounding",
        "info",
        "critical question left open",
        "An argument names a scheme whose catalogue entry (argmap.schemes) asks a critical "
        "question that no attack or argument in the map answers (names in its question "
        "field): a weak point the text leaves unaddressed (informational: most questions of "
        "most texts stay open). One finding per argument, naming its open questions.",
        """\
m = ArgumentMap("x")
r = m.recommendation("The U.S. should abstain.", id="abstain")
p = m.claim("The draft text is flawed.", id="flawed")
m.argue([p], r, scheme="practical reasoning", id="a1")
""",
    ),
    # ------------------------------------------------------------ hygiene
    Rule(
        "duplicate-statement",
        "hygiene",
        "warning",
        "duplicate statements",
        "Two or more statements with the same text once case, spacing and punctuation are "
        "ignored: probably one statement entered twice, which splits its support.",
        """\
m = ArgumentMap("x")
m.claim("The draft text is flawed.", id="flawed")
m.claim("the draft  text is flawed", id="flawed-again")
""",
    ),
    Rule(
        "orphan-node",
        "hygiene",
        "warning",
        "node tied to nothing",
        "A statement, actor, alternative, issue or source that no argument, attack, stance, "
        "about-edge, anchor or source field mentions: it plays no part in the map.",
        """\
m = ArgumentMap("x")
m.actor("Russia", type="state", id="russia")
""",
    ),
]

RULES: dict[str, Rule] = {r.id: r for r in _RULES}
