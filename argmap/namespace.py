"""The argmap vocabulary as a closed rdflib namespace.

Generated from ontology/argmap.ttl by tools/gen_namespace.py: do not edit by hand.
A misspelt term fails loudly (``_fail = True``).

>>> str(AM.Claim)
'https://w3id.org/argmap/ns#Claim'
"""

from __future__ import annotations

from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef

__all__ = ["AM", "NS"]

NS = "https://w3id.org/argmap/ns#"


class AM(DefinedNamespace):
    """Terms of the argmap ontology (https://w3id.org/argmap/ns#)."""

    _fail = True
    _NS = Namespace("https://w3id.org/argmap/ns#")

    Actor: URIRef  # A person, organisation, state, body or group that asserts, is addresse
    ActorType: URIRef  # What sort of actor: person, organisation, state, body, group or other.
    AddressedBy: URIRef  # The statement (typically a recommendation) is addressed to the actor.
    Alternative: URIRef  # An option that competes with, or replaces, what is recommended against
    Anchor: URIRef  # An exact quote in a source, with the text around it and its character
    Argument: URIRef  # An inference (AIF RA-node): its premises, jointly, support one conclus
    ArgumentMap: URIRef  # One argument map; its nodes live in the named graph that bears the map
    Asserts: URIRef  # The actor puts the statement forward as its own.
    Attack: URIRef  # A conflict (AIF CA-node): one or more attacker statements (jointly) ag
    AttackType: URIRef  # How an attack lands: rebut, undermine or undercut.
    Body: URIRef  # An intergovernmental or official body, such as a UN committee.
    Claim: URIRef  # A proposition the author asserts.
    CriticalQuestion: URIRef  # A question that tests an argument built on a scheme. Answering it agai
    Endorses: URIRef  # The actor supports a statement or option put forward by others.
    Evidence: URIRef  # A fact, figure, event, document or testimony offered in support of a s
    Group: URIRef  # A loose group of actors, such as civil society groups.
    Issue: URIRef  # The question that a set of alternatives answers.
    Node: URIRef  # Anything an argument map holds as a node: a statement, an entity or a
    Opposes: URIRef  # The actor rejects the statement or option.
    Organisation: URIRef  # A company, association, NGO or other organisation.
    OtherActor: URIRef  # An actor of no listed type.
    Person: URIRef  # A human being.
    PremiseRole: URIRef  # The part one premise plays in a scheme (the goal, the means, the exper
    Rebut: URIRef  # The attack targets a statement that is the conclusion of an argument.
    Recommendation: URIRef  # A prescriptive claim: who should do what.
    Scheme: URIRef  # A recurring pattern of inference (practical reasoning, argument from e
    Source: URIRef  # A document that nodes are read from or that evidence comes from.
    Stance: URIRef  # An actor's position on a statement, alternative or issue: asserts, end
    StanceRole: URIRef  # What an actor does with a statement: asserts, endorses, opposes, or is
    State: URIRef  # A country or its government.
    Statement: URIRef  # Something that can be believed or disbelieved (an AIF information node
    Undercut: URIRef  # The attack targets an argument (the inference itself) or another attac
    Undermine: URIRef  # The attack targets a statement used as a premise.
    about: URIRef  # The statement is about this actor, alternative, issue or source.
    acceptability: URIRef  # The node's label under the map's computed semantics: IN, OUT or UNDEC.
    actor: URIRef  # The actor who takes the stance.
    actorType: URIRef  # What sort of actor this is.
    alias: URIRef  # Another name a scheme goes by in other tools and corpora (AIFdb, OVA,
    anchor: URIRef  # A quote in a source that the node was read from.
    answerType: URIRef  # What answering the question against the argument amounts to: am:Underm
    attackType: URIRef  # Rebut, undermine or undercut.
    attacker: URIRef  # A statement that attacks; several attackers of one attack hold only jo
    author: URIRef  # The actor who wrote the source.
    concernsPremise: URIRef  # The premise role an undermining question puts in doubt.
    conclusion: URIRef  # The statement the argument supports.
    criticalQuestion: URIRef  # A critical question of the scheme.
    data: URIRef  # Extra data about a node as one JSON object (rdf:JSON): what an outside
    date: URIRef  # The source's publication date (xsd:date, xsd:gYearMonth or xsd:gYear).
    end: URIRef  # Character offset just past the quote's last character.
    exact: URIRef  # The exact quoted text.
    id: URIRef  # The node's local id in its map, written when its IRI does not end in i
    issue: URIRef  # The issue an alternative answers.
    key: URIRef  # The short identifier of a scheme, premise role or critical question in
    label: URIRef  # A short title for a node (Argdown's [Title]).
    prefix: URIRef  # The text just before the quote.
    premise: URIRef  # A statement the argument rests on; all premises of one argument are ne
    premiseRole: URIRef  # A premise role of the scheme.
    publisher: URIRef  # The actor who published the source.
    question: URIRef  # The critical question an attack raises or an argument answers, as the
    questionText: URIRef  # The critical question as a reader would ask it.
    role: URIRef  # What the actor does with the stance's target.
    scheme: URIRef  # The argumentation scheme the argument instantiates (practical reasonin
    semantics: URIRef  # The argumentation semantics the map's acceptability and strength value
    source: URIRef  # The source an anchor quotes, or that a piece of evidence comes from.
    start: URIRef  # Character offset of the quote's first character in the source text.
    strength: URIRef  # The node's gradual strength in [0, 1] under the map's computed gradual
    suffix: URIRef  # The text just after the quote.
    tag: URIRef  # A free tag (Argdown #tag, a heading, a grouping).
    target: URIRef  # What an attack lands on (a statement, an argument or another attack),
    text: URIRef  # The node's text in the map's own words: a statement's content, an acto
    title: URIRef  # The title of an argument map.
    url: URIRef  # Where the source can be read.
