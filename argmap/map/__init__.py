"""ArgumentMap: the one in-memory truth of an argument map.

The map stores node models and a networkx ``MultiDiGraph`` of how they connect, and
refuses what cannot be: an argument that concludes in an actor, an attack on an actor, a
stance whose actor is a claim, a reference to a node that is not there. Algorithms live
elsewhere as plain functions (:mod:`argmap.query`, :mod:`argmap.validate`, ...).

The package: ``_core`` holds the class (storage and lookup), ``_build`` its builders
(``claim``, ``argue``, ``attack``, ...; the class's base), ``_ops`` the whole-map
operations as functions (:func:`copy_map`, :func:`merge_into`, :func:`compose`, building
from node models, removal), and ``_graph`` the plumbing under the networkx graph.

Graph edges (all keyed by role, none carry attributes)::

    premise     statement -> argument        conclusion  argument -> statement
    attacker    statement -> attack          target      attack -> statement | argument | attack
    actor       actor -> stance              target      stance -> statement | alternative | issue
    about       statement -> actor | alternative | issue | source
    source      evidence -> source           issue       alternative -> issue
    author      source -> actor              publisher   source -> actor

Removal cascades: removing a statement removes the arguments that conclude in it, the
attacks it makes or suffers, the stances on it, and takes it out of the premises of
other arguments (an argument left with no premise goes too); removing an argument removes
the attacks on it; removing an attack removes the attacks on that attack; removing an actor removes its stances and clears it as a source's
author or publisher; removing a source drops the anchors that quote it and clears it as
the source of evidence; removing an issue clears it from alternatives.

Examples
--------
>>> m = ArgumentMap("demo")
>>> flawed = m.claim("The draft convention is flawed.", id="flawed")
>>> abstain = m.recommendation("The U.S. should abstain.", id="abstain")
>>> arg = m.argue([flawed], abstain, scheme="practical reasoning")
>>> m["abstain"].text
'The U.S. should abstain.'
>>> [a.conclusion for a in m.arguments_for("abstain")]
['abstain']
>>> m.iri_of("flawed")
'https://w3id.org/argmap/map/demo/flawed'
>>> m.actor("Russia", type="state", id="russia").actor_type
'state'
>>> m.argue(["flawed"], "russia")
Traceback (most recent call last):
...
argmap.errors.KindError: argue: the conclusion 'russia' is an actor; an argument concludes in a statement (claim, evidence or recommendation)
"""

from __future__ import annotations

from argmap.map._core import DEFAULT_MAP_BASE, ArgumentMap, Ref
from argmap.map._ops import compose, copy_map, merge_into

__all__ = ["DEFAULT_MAP_BASE", "ArgumentMap", "Ref", "compose", "copy_map", "merge_into"]
