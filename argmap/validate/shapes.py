"""The shapes both structural checkers work from: one table each, used by the Python
checker on RDF triples (:mod:`argmap.validate._structural`) and by the SPARQL checker that
runs in a store (:mod:`argmap.store.validate`); ``ontology/shapes.ttl`` states the same for
SHACL engines (the tests hold the three together).

>>> sorted(CLOSURE["Claim"])
['Claim', 'Node', 'Statement']
>>> ("Argument", "premise", ("Statement",), "premise", "wrong-kind") in REFERENCES
True
"""

from __future__ import annotations

from argmap.vocab import CLASS_OF_KIND, PROPERTIES, WORD_OF_TERM

__all__ = [
    "ACTOR_TYPES",
    "ALLOWED_WORDS",
    "ATTACK_TYPES",
    "CLOSURE",
    "CONCRETE",
    "ENUMS",
    "FUNCTIONAL",
    "KIND_OF_CLASS",
    "KIND_WORD",
    "PREDICATES",
    "REFERENCES",
    "REQUIRED",
    "ROLES",
    "TEXTED",
]

CLOSURE: dict[str, frozenset[str]] = {
    **{c: frozenset({c, "Statement", "Node"}) for c in ("Claim", "Evidence", "Recommendation")},
    **{
        c: frozenset({c, "Node"})
        for c in ("Actor", "Alternative", "Issue", "Source", "Argument", "Attack", "Stance")
    },
    "Anchor": frozenset({"Anchor"}),
    "Statement": frozenset({"Statement", "Node"}),
    "Node": frozenset({"Node"}),
}

CONCRETE = frozenset(
    {
        "Claim",
        "Evidence",
        "Recommendation",
        "Actor",
        "Alternative",
        "Issue",
        "Source",
        "Argument",
        "Attack",
        "Stance",
        "Anchor",
    }
)

TEXTED = frozenset({"Statement", "Actor", "Alternative", "Issue", "Source"})

# the properties the shapes constrain (tags, computed labels and strengths, and the map's
# own title and semantics are not)
PREDICATES = frozenset(PROPERTIES) - {"tag", "title", "acceptability", "strength", "semantics"}

ATTACK_TYPES = frozenset(WORD_OF_TERM["attack_type"])

ROLES = frozenset(WORD_OF_TERM["role"])

ACTOR_TYPES = frozenset(WORD_OF_TERM["actor_type"])

KIND_WORD = {**{c: k for k, c in CLASS_OF_KIND.items()}, "Anchor": "anchor"}

ALLOWED_WORDS = {
    "Statement": "a statement (claim, evidence or recommendation)",
    "Statement|Argument": "a statement or an argument",
    "Statement|Argument|Attack": "a statement, an argument or an attack",
    "Statement|Alternative|Issue": "a statement, an alternative or an issue",
    "Source": "a source",
    "Issue": "an issue",
    "Actor": "an actor",
    "Actor|Alternative|Issue|Source": "an actor, an alternative, an issue or a source",
}

# Which properties hold one value, on which classes (sh:maxCount 1 in the shapes).
FUNCTIONAL: dict[str, tuple[str, ...]] = {
    "text": ("Node",),
    "label": ("Node",),
    "id": ("Node",),
    "data": ("Node",),
    "conclusion": ("Argument",),
    "scheme": ("Argument",),
    "question": ("Argument", "Attack"),
    "attackType": ("Attack",),
    "target": ("Attack", "Stance"),
    "actor": ("Stance",),
    "role": ("Stance",),
    "source": ("Evidence", "Anchor"),
    "issue": ("Alternative",),
    "author": ("Source",),
    "publisher": ("Source",),
    "date": ("Source",),
    "url": ("Source",),
    "actorType": ("Actor",),
    "exact": ("Anchor",),
    "prefix": ("Anchor",),
    "suffix": ("Anchor",),
    "start": ("Anchor",),
    "end": ("Anchor",),
}

KIND_OF_CLASS = {"Node": "node", **KIND_WORD}

REFERENCES: tuple[tuple[str, str, tuple[str, ...], str, str], ...] = (
    ("Argument", "premise", ("Statement",), "premise", "wrong-kind"),
    ("Argument", "conclusion", ("Statement",), "conclusion", "wrong-kind"),
    ("Attack", "attacker", ("Statement",), "attacker", "wrong-kind"),
    ("Attack", "target", ("Statement", "Argument", "Attack"), "target", "wrong-kind"),
    ("Stance", "actor", ("Actor",), "actor", "stance-actor-not-actor"),
    ("Stance", "target", ("Statement", "Alternative", "Issue"), "target", "wrong-kind"),
    ("Evidence", "source", ("Source",), "source", "wrong-kind"),
    ("Alternative", "issue", ("Issue",), "issue", "wrong-kind"),
    ("Source", "author", ("Actor",), "author", "wrong-kind"),
    ("Source", "publisher", ("Actor",), "publisher", "wrong-kind"),
)

REQUIRED: tuple[tuple[str, str, str, str], ...] = (
    (
        "Argument",
        "premise",
        "argument-without-premise",
        "Argument {name!r} has no premise, so nothing supports its conclusion.",
    ),
    (
        "Argument",
        "conclusion",
        "argument-without-conclusion",
        "Argument {name!r} has no conclusion, so it supports nothing.",
    ),
    (
        "Attack",
        "attacker",
        "attack-without-attacker",
        "Attack {name!r} does not say which statement attacks.",
    ),
    ("Attack", "target", "attack-without-target", "Attack {name!r} does not say what it attacks."),
    ("Stance", "actor", "stance-incomplete", "Stance {name!r} has no actor."),
    ("Stance", "role", "stance-incomplete", "Stance {name!r} has no role."),
    ("Stance", "target", "stance-incomplete", "Stance {name!r} has no target."),
)

ENUMS: tuple[tuple[str, str, frozenset[str], str], ...] = (
    ("Attack", "attackType", ATTACK_TYPES, "am:Rebut, am:Undermine or am:Undercut"),
    ("Stance", "role", ROLES, "am:Asserts, am:Endorses, am:Opposes or am:AddressedBy"),
    (
        "Actor",
        "actorType",
        ACTOR_TYPES,
        "am:Person, am:Organisation, am:State, am:Body, am:Group or am:OtherActor",
    ),
)
