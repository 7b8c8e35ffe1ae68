"""The vocabulary, in one place: every module takes its IRIs and term tables from here.

argmap's own terms come from the generated closed namespace :data:`~argmap.namespace.AM`
(so a misspelt term fails when this module is imported, not in a query months later); the
W3C terms argmap uses (XSD, RDF, OWL) are spelt once below. The tables say how the model's
words (kinds, attack types, roles, actor types, reference fields) meet the ontology's terms.

>>> CLASS_OF_KIND["evidence"], ATTACK_TYPE_TERM["undercut"]
('Evidence', 'Undercut')
>>> KIND_OF_TERM[NS + "Claim"], KIND_WORDS["attack"]
('claim', 'an attack')
>>> XSD + "integer" in INTEGER_TYPES
True
"""

from __future__ import annotations

from argmap.namespace import AM, NS

__all__ = [
    "ACTOR_TYPE_TERM",
    "AM",
    "ATTACK_TYPE_TERM",
    "CLASS_OF_KIND",
    "INTEGER_TYPES",
    "KIND_OF_TERM",
    "KIND_WORDS",
    "MULTI_REFERENCES",
    "NS",
    "OWL_NS",
    "OWL_SAME_AS",
    "PROPERTIES",
    "RDF_JSON",
    "RDF_LANG_STRING",
    "RDF_NS",
    "RDF_TYPE",
    "ROLE_TERM",
    "SINGLE_REFERENCES",
    "WORD_OF_TERM",
    "XSD",
    "term",
]

RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDF_TYPE = RDF_NS + "type"
RDF_JSON = RDF_NS + "JSON"
RDF_LANG_STRING = RDF_NS + "langString"
XSD = "http://www.w3.org/2001/XMLSchema#"
OWL_NS = "http://www.w3.org/2002/07/owl#"
OWL_SAME_AS = OWL_NS + "sameAs"

#: Every XSD datatype whose values are integers (SHACL's and SPARQL's view of "a number").
INTEGER_TYPES: frozenset[str] = frozenset(
    XSD + t
    for t in (
        "integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
        "nonPositiveInteger", "negativeInteger", "unsignedLong", "unsignedInt",
        "unsignedShort", "unsignedByte",
    )
)  # fmt: skip


def term(local: str) -> str:
    """The IRI of the ontology term ``local``; an unknown name raises at once.

    >>> term("Claim")
    'https://w3id.org/argmap/ns#Claim'
    >>> term("Clam")
    Traceback (most recent call last):
    ...
    AttributeError: term 'Clam' not in namespace 'https://w3id.org/argmap/ns#'
    """
    return str(getattr(AM, local))


def _checked(table: dict[str, str]) -> dict[str, str]:
    for local in table.values():
        term(local)
    return table


#: model kind -> ontology class (local name)
CLASS_OF_KIND: dict[str, str] = _checked(
    {
        "claim": "Claim",
        "evidence": "Evidence",
        "recommendation": "Recommendation",
        "actor": "Actor",
        "alternative": "Alternative",
        "issue": "Issue",
        "source": "Source",
        "argument": "Argument",
        "attack": "Attack",
        "stance": "Stance",
    }
)
#: ontology class IRI -> model kind
KIND_OF_TERM: dict[str, str] = {NS + c: k for k, c in CLASS_OF_KIND.items()}
#: model kind -> the words messages use for a node of it
KIND_WORDS: dict[str, str] = {
    "claim": "a claim",
    "evidence": "evidence",
    "recommendation": "a recommendation",
    "actor": "an actor",
    "alternative": "an alternative",
    "issue": "an issue",
    "source": "a source",
    "argument": "an argument",
    "attack": "an attack",
    "stance": "a stance",
}

#: attack type -> ontology individual (local name)
ATTACK_TYPE_TERM: dict[str, str] = _checked(
    {"rebut": "Rebut", "undermine": "Undermine", "undercut": "Undercut"}
)
#: stance role -> ontology individual
ROLE_TERM: dict[str, str] = _checked(
    {"asserts": "Asserts", "endorses": "Endorses", "opposes": "Opposes",
     "addressed_by": "AddressedBy"}
)  # fmt: skip
#: actor type -> ontology individual
ACTOR_TYPE_TERM: dict[str, str] = _checked(
    {"person": "Person", "organisation": "Organisation", "state": "State", "body": "Body",
     "group": "Group", "other": "OtherActor"}
)  # fmt: skip
#: model field -> (its words -> individual IRI, and back)
WORD_OF_TERM: dict[str, dict[str, str]] = {
    "attack_type": {NS + v: k for k, v in ATTACK_TYPE_TERM.items()},
    "role": {NS + v: k for k, v in ROLE_TERM.items()},
    "actor_type": {NS + v: k for k, v in ACTOR_TYPE_TERM.items()},
}

#: model fields that name one other node -> the ontology property that says it
SINGLE_REFERENCES: dict[str, str] = _checked(
    {
        "conclusion": "conclusion",
        "target": "target",
        "actor": "actor",
        "source": "source",
        "issue": "issue",
        "author": "author",
        "publisher": "publisher",
    }
)
#: model fields that name several nodes (or one of several) -> the ontology property
MULTI_REFERENCES: dict[str, str] = _checked(
    {"premises": "premise", "attacker": "attacker", "co_attackers": "attacker"}
)

#: every ontology property argmap writes (local names), checked against the namespace
PROPERTIES: tuple[str, ...] = tuple(
    _checked(
        {
            name: name
            for name in (
                "text",
                "label",
                "id",
                "tag",
                "data",
                "premise",
                "conclusion",
                "scheme",
                "question",
                "attacker",
                "target",
                "attackType",
                "actor",
                "role",
                "about",
                "anchor",
                "source",
                "exact",
                "prefix",
                "suffix",
                "start",
                "end",
                "author",
                "publisher",
                "date",
                "url",
                "actorType",
                "issue",
                "title",
                "acceptability",
                "strength",
                "semantics",
            )
        }
    )
)
