"""The structural rules, checked directly on RDF triples.

The in-memory :class:`~argmap.ArgumentMap` refuses most structurally broken things (an
argument with no premise, a reference to a missing node), so such problems can only
arrive as RDF. This module checks them on the triples, before any attempt to load them
into a map, in a few dictionary passes: index the triples by predicate and subject, then
look at each typed subject once.

Each check mirrors one constraint of ``ontology/shapes.ttl`` exactly (same targets, same
value-node semantics, same rule id), so that the Python validator and pySHACL report the
same violations; ``tests/test_validate_shacl.py`` holds them to it.

Examples
--------
>>> import pyoxigraph as ox
>>> ttl = b'''@prefix am: <https://w3id.org/argmap/ns#> .
... <http://ex.org/a1> a am:Argument ; am:conclusion <http://ex.org/c> .
... <http://ex.org/c> a am:Claim ; am:text "C." .'''
>>> [f.rule for f in check_triples(ox.parse(ttl, format=ox.RdfFormat.TURTLE))]
['argument-without-premise']
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import pyoxigraph as ox

from argmap.namespace import NS
from argmap.validate._catalog import RULES
from argmap.validate._finding import Finding
from argmap.validate._triples import (
    _ACTOR_TYPES,
    _ALLOWED_WORDS,
    _ATTACK_TYPES,
    _KIND_WORD,
    _ROLES,
    _TEXTED,
    Term,
    TripleIndex,
    _integer_ok,
    _key,
    _lexical_len,
    _number,
    _pattern_ok,
    _plain_int,
    _show,
    _span,
    _strlen,
)

__all__ = ["TripleIndex", "check_triples"]

# Which properties hold one value, on which classes (sh:maxCount 1 in the shapes).
_FUNCTIONAL: dict[str, tuple[str, ...]] = {
    "text": ("Node",), "label": ("Node",), "id": ("Node",), "data": ("Node",),
    "conclusion": ("Argument",), "scheme": ("Argument",), "question": ("Argument", "Attack"),
    "attackType": ("Attack",), "target": ("Attack", "Stance"),
    "actor": ("Stance",), "role": ("Stance",),
    "source": ("Evidence", "Anchor"), "issue": ("Alternative",),
    "author": ("Source",), "publisher": ("Source",), "date": ("Source",), "url": ("Source",),
    "actorType": ("Actor",),
    "exact": ("Anchor",), "prefix": ("Anchor",), "suffix": ("Anchor",), "start": ("Anchor",),
    "end": ("Anchor",),
}
_KIND_OF_CLASS = {"Node": "node", **_KIND_WORD}
# (class, property, allowed classes, role word, rule for a node of the wrong kind)
_REFERENCES: tuple[tuple[str, str, tuple[str, ...], str, str], ...] = (
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
_REQUIRED: tuple[tuple[str, str, str, str], ...] = (
    ("Argument", "premise", "argument-without-premise",
     "Argument {name!r} has no premise, so nothing supports its conclusion."),
    ("Argument", "conclusion", "argument-without-conclusion",
     "Argument {name!r} has no conclusion, so it supports nothing."),
    ("Attack", "attacker", "attack-without-attacker",
     "Attack {name!r} does not say which statement attacks."),
    ("Attack", "target", "attack-without-target", "Attack {name!r} does not say what it attacks."),
    ("Stance", "actor", "stance-incomplete", "Stance {name!r} has no actor."),
    ("Stance", "role", "stance-incomplete", "Stance {name!r} has no role."),
    ("Stance", "target", "stance-incomplete", "Stance {name!r} has no target."),
)
_ENUMS: tuple[tuple[str, str, frozenset[str], str], ...] = (
    ("Attack", "attackType", _ATTACK_TYPES, "am:Rebut, am:Undermine or am:Undercut"),
    ("Stance", "role", _ROLES, "am:Asserts, am:Endorses, am:Opposes or am:AddressedBy"),
    ("Actor", "actorType", _ACTOR_TYPES,
     "am:Person, am:Organisation, am:State, am:Body, am:Group or am:OtherActor"),
)


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


class _Checker:
    """The checks, each a loop over one class's members or one property's table."""

    def __init__(self, ix: TripleIndex, enabled: Callable[[str], bool]) -> None:
        self.ix = ix
        self.enabled = enabled
        self.out: list[Finding] = []
        self.owners = ix.owners()

    def emit(self, rule: str, focus: str, message: str, *also: Term | str) -> None:
        ix = self.ix
        nodes = [ix.ref(focus)]
        for term in also:
            ref = ix.ref(term) if isinstance(term, str) else ix.ref_of(term)
            if ref is not None:
                nodes.append(ref)
        self.out.append(
            Finding(rule, RULES[rule].severity, message, tuple(nodes), *ix.quote(focus))
        )

    def run(self) -> list[Finding]:
        on = self.enabled
        checks: list[tuple[tuple[str, ...], Callable[[], None]]] = [
            (("two-kinds",), self.two_kinds),
            (("too-many-values",), self.cardinalities),
            (("argument-without-premise", "argument-without-conclusion",
              "attack-without-attacker", "attack-without-target", "stance-incomplete"),
             self.required),
            (("dangling-reference", "wrong-kind", "stance-actor-not-actor"), self.references),
            (("missing-text",), self.texts),
            (("unknown-value",), self.enums),
            (("premise-is-conclusion",), self.premise_is_conclusion),
            (("self-attack",), self.self_attack),
            (("attack-type-mismatch",), self.attack_types),
            (("anchor-source-missing", "anchor-without-quote", "anchor-offsets"), self.anchors),
            (("anchor-offsets",), self.offsets),
        ]
        for rules, check in checks:
            if any(on(r) for r in rules):
                check()
        return [f for f in self.out if on(f.rule)]

    # ------------------------------------------------------------ the checks

    def two_kinds(self) -> None:
        for s, kinds in self.ix.concrete.items():
            if len(kinds) > 1:
                shown = " and ".join(f"am:{c}" for c in sorted(kinds))
                self.emit("two-kinds", s,
                          f"{self.ix.node_id(s)!r} is typed both as {shown}; a node has exactly "
                          "one kind.")

    def cardinalities(self) -> None:
        ix = self.ix
        for pred, classes in _FUNCTIONAL.items():
            for s, found in ix.values[pred].items():
                if len(found) < 2:
                    continue
                sup = ix.closure.get(s, ())
                for cls in classes:
                    if cls in sup:
                        shown = ", ".join(_show(o) for o in sorted(found, key=str)[:3])
                        what = _KIND_OF_CLASS.get(cls, cls.lower())
                        self.emit("too-many-values", s,
                                  f"The {what} {ix.node_id(s)!r} has {len(found)} values for "
                                  f"am:{pred} where one is allowed ({shown}).")
                        break

    def required(self) -> None:
        ix = self.ix
        for cls, pred, rule, template in _REQUIRED:
            table = ix.values[pred]
            for s in ix.members[cls]:
                if s not in table:
                    self.emit(rule, s, template.format(name=ix.node_id(s)))

    def _check_value(self, s: str, o: Term, allowed: tuple[str, ...], role: str,
                     kind_rule: str) -> None:
        ix = self.ix
        key = _key(o)
        sup = ix.closure.get(key, ()) if key is not None else ()
        if "Node" not in sup:
            self.emit("dangling-reference", s,
                      f"The {role} of {ix.name(s)} is {_show(o)}, which is not a node of the "
                      "map.")
        elif not any(c in sup for c in allowed):
            assert key is not None
            if kind_rule == "stance-actor-not-actor":
                message = (f"Stance {ix.node_id(s)!r} is taken by {ix.name(key)}, which is not "
                           "an actor.")
            else:
                message = (f"The {role} of {ix.name(s)} is {ix.name(key)}, but it must be "
                           f"{_ALLOWED_WORDS['|'.join(allowed)]}.")
            self.emit(kind_rule, s, message, o)

    def references(self) -> None:
        ix = self.ix
        closure = ix.closure
        for cls, pred, allowed, role, kind_rule in _REFERENCES:
            for s, found in ix.values[pred].items():
                if cls not in closure.get(s, ()):
                    continue
                for o in found:
                    key = o.value if type(o) is ox.NamedNode else _key(o)
                    sup = closure.get(key, ()) if key is not None else ()
                    for c in allowed:
                        if c in sup:
                            break
                    else:
                        self._check_value(s, o, allowed, role, kind_rule)
        # about: from a statement, to an actor, alternative, issue or source
        subjects = ("Actor", "Alternative", "Issue", "Source")
        for s, found in ix.values["about"].items():
            if "Statement" not in closure.get(s, ()):
                self.emit("wrong-kind", s,
                          f"{_cap(ix.name(s))} is said to be about something, but only a "
                          "statement can be about something.")
            for o in found:
                sup = closure.get(_key(o) or "", ())
                if not any(c in sup for c in subjects):
                    self._check_value(s, o, subjects, "subject", "wrong-kind")
        # am:anchor points at an anchor
        for s, found in ix.values["anchor"].items():
            if "Node" not in closure.get(s, ()):
                continue
            for o in found:
                key = _key(o)
                if key is None or "Anchor" not in closure.get(key, ()):
                    self.emit("dangling-reference", s,
                              f"{_cap(ix.name(s))} points with am:anchor at {_show(o)}, which "
                              "is not an anchor of the map.")

    def texts(self) -> None:
        ix = self.ix
        table = ix.values["text"]
        seen: set[str] = set()
        for cls in sorted(_TEXTED):
            for s in ix.members[cls]:
                if s in seen:
                    continue
                seen.add(s)
                found = table.get(s)
                if not found:
                    self.emit("missing-text", s, f"{_cap(ix.name(s))} has no text.")
                elif not all(_pattern_ok(o) for o in found):
                    self.emit("missing-text", s, f"{_cap(ix.name(s))} has a blank text.")

    def enums(self) -> None:
        ix = self.ix
        for cls, pred, allowed, words in _ENUMS:
            for s, found in ix.values[pred].items():
                if cls not in ix.closure.get(s, ()):
                    continue
                for o in found:
                    if not (type(o) is ox.NamedNode and o.value in allowed):
                        self.emit("unknown-value", s,
                                  f"{_cap(ix.name(s))} has the {_words(pred)} {_show(o)}; it "
                                  f"must be {words}.")

    def premise_is_conclusion(self) -> None:
        ix = self.ix
        conclusions = ix.values["conclusion"]
        for s, premises in ix.values["premise"].items():
            if "Argument" not in ix.closure.get(s, ()) or s not in conclusions:
                continue
            for term in sorted(set(premises) & set(conclusions[s]), key=str):
                self.emit("premise-is-conclusion", s,
                          f"Argument {ix.node_id(s)!r} uses its own conclusion {_show(term)} as "
                          "a premise, so it assumes what it sets out to show.", term)

    def self_attack(self) -> None:
        ix = self.ix
        targets = ix.values["target"]
        for s, attackers in ix.values["attacker"].items():
            if "Attack" not in ix.closure.get(s, ()) or s not in targets:
                continue
            for term in sorted(set(attackers) & set(targets[s]), key=str):
                self.emit("self-attack", s,
                          f"{_show(term)} attacks itself (attack {ix.node_id(s)!r}).", term)

    def attack_types(self) -> None:
        ix = self.ix
        closure = ix.closure
        targets = ix.values["target"]
        undercut = NS + "Undercut"
        statement_types = {NS + "Rebut", NS + "Undermine"}
        for s, found in ix.values["attackType"].items():
            if "Attack" not in closure.get(s, ()):
                continue
            types = list(found)
            iris = {o.value for o in types if type(o) is ox.NamedNode}
            name = ix.node_id(s)
            for t in targets.get(s, ()):
                sup = closure.get(_key(t) or "", ())
                if (undercut in iris and "Node" in sup and "Argument" not in sup
                        and "Attack" not in sup):
                    self.emit("attack-type-mismatch", s,
                              f"Attack {name!r} is declared an undercut, but its target "
                              f"{_show(t)} is neither an argument nor an attack; an undercut "
                              "attacks an inference or an objection.", t)
                    break
            if all(type(o) is ox.NamedNode and o.value in statement_types for o in types):
                for t in targets.get(s, ()):
                    sup = closure.get(_key(t) or "", ())
                    if "Argument" in sup or "Attack" in sup:
                        what = "an argument" if "Argument" in sup else "an attack"
                        self.emit("attack-type-mismatch", s,
                                  f"Attack {name!r} is declared a rebut or undermine, but its "
                                  f"target {_show(t)} is {what}; attacks on {what} "
                                  "are undercuts.", t)
                        break

    def _anchor_problem(self, s: str, rule: str, message: str) -> None:
        """Emit a finding about anchor ``s``, naming its quote and the node that holds it."""
        ix = self.ix
        owner = self.owners.get(s)
        where = f" of {ix.name(owner)}" if owner is not None else ""
        quote = next((str(o.value) for o in ix.values["exact"].get(s, ())
                      if isinstance(o, ox.Literal)), "")
        shown = f" {quote!r}" if quote else ""
        text = message.format(quote=shown, where=where)
        if owner is not None:
            self.emit(rule, s, text, owner)
        else:
            self.emit(rule, s, text)

    def anchors(self) -> None:
        ix = self.ix
        closure = ix.closure
        src_table, exact_table = ix.values["source"], ix.values["exact"]
        start_table, end_table = ix.values["start"], ix.values["end"]
        problem = self._anchor_problem
        for s in ix.members["Anchor"]:
            sources = src_table.get(s)
            if not sources:
                problem(s, "anchor-source-missing",
                        "The quote{quote}{where} names no source, so nobody can look it up.")
            else:
                for o in sources:
                    key = o.value if type(o) is ox.NamedNode else _key(o)
                    if key is None or "Source" not in closure.get(key, ()):
                        problem(s, "anchor-source-missing",
                                "The quote{quote}{where} names " + _show(o).replace("{", "{{")
                                .replace("}", "}}") + " as its source, which is not a source "
                                "of the map.")
            exact = exact_table.get(s)
            if not exact:
                problem(s, "anchor-without-quote", "The anchor{where} holds no quote (am:exact).")
            elif not all((n := _lexical_len(o)) is not None and n >= 1 for o in exact):
                problem(s, "anchor-without-quote", "The anchor{where} quotes nothing.")
            starts = start_table.get(s)
            ends = end_table.get(s)
            if not starts and not ends:
                continue
            for pred, found in (("start", starts), ("end", ends)):
                for o in found or ():
                    if not _integer_ok(o):
                        problem(s, "anchor-offsets",
                                "The quote{quote}{where} has the " + pred + " offset "
                                + _show(o).replace("{", "{{").replace("}", "}}")
                                + ", which is not a whole number of characters.")

    def offsets(self) -> None:
        """The SPARQL constraint of ``amsh:AnchorOffsetsShape``."""
        ix = self.ix
        exact_table = ix.values["exact"]
        start_table, end_table = ix.values["start"], ix.values["end"]
        for s in ix.members["Anchor"]:
            starts = start_table.get(s)
            ends = end_table.get(s)
            if not starts and not ends:
                continue
            message = _offsets_problem(starts or {}, ends or {}, exact_table.get(s) or {})
            if message is not None:
                self._anchor_problem(s, "anchor-offsets",
                                     "The quote{quote}{where} "
                                     + message.replace("{", "{{").replace("}", "}}") + ".")


def _words(pred: str) -> str:
    return {"attackType": "attack type", "actorType": "actor type"}.get(pred, pred)


def _offsets_problem(
    starts: dict[Term, None], ends: dict[Term, None], exacts: dict[Term, None]
) -> str | None:
    """What is wrong with an anchor's offsets (as the SPARQL query sees it), or None."""
    if starts and not ends:
        return "has a start offset but no end"
    if ends and not starts:
        return "has an end offset but no start"
    if len(starts) == 1 and len(ends) == 1 and len(exacts) == 1:
        start_i, end_i = _plain_int(next(iter(starts))), _plain_int(next(iter(ends)))
        length_i = _strlen(next(iter(exacts)))
        if (start_i is not None and end_i is not None and length_i is not None
                and end_i - start_i == length_i):
            return None  # the usual case, decided without Decimal arithmetic
    for so in starts:
        start = _number(so)
        for eo in ends:
            end = _number(eo)
            if start is None or end is None:
                continue
            span = _span(start, end)
            if span < 0:
                return f"ends (at {end}) before it starts (at {start})"
            for xo in exacts:
                length = _strlen(xo)
                if length is not None and span != length:
                    return (f"is {length} characters long, but its offsets {start}–{end} span "
                            f"{span}")
    return None


def check_triples(
    triples: Iterable[Any] | TripleIndex, enabled: Callable[[str], bool] | None = None
) -> list[Finding]:
    """Check the structural rules (and the two logical rules SHACL can state) on triples.

    Parameters
    ----------
    triples:
        pyoxigraph triples or quads (quads of every graph are taken together), or an
        index already built from them.
    enabled:
        Which rule ids to report (default: all).

    Returns
    -------
    The findings, in a stable order.
    """
    ix = triples if isinstance(triples, TripleIndex) else TripleIndex(triples)
    return _Checker(ix, enabled or (lambda rule: True)).run()
