"""How ``@argdown/core`` normalises relations once a file is parsed, done the same way.

The official tool's model step (its ``ModelPlugin``, version 2.0.1) rewrites the
relations as written before anyone sees them, and :mod:`argmap.io._argdown_parse` calls
:func:`normalise_relations` so that argmap reads what the tool reads:

1. A relation *from* an argument with a premise-conclusion structure (PCS) becomes a
   relation from that argument's main conclusion. Where this repeats a relation already
   there, or relates the conclusion to itself, it is dropped: ``[T]`` with ``<+ <A>``
   where ``<A>``'s PCS concludes ``[T]`` (the "sketch first, reconstruct later" idiom) is
   the argument itself, written twice.
2. An undercut of an argument with a PCS targets the argument's last inference.
3. In strict mode (front matter ``model: {mode: strict}``) a support between two
   statements is *entails* and an attack between two statements is *contrary*, one
   relation per pair whichever way it is written ("not both true" has no direction).
4. An attack of a statement on an argument with a PCS is dropped when the statement is
   already contrary, contradictory or attacking one of the argument's premises.

Dropped relations of kinds 1 and 4 are returned as :class:`Dropped` records (the reader
keeps them as a trace); mere duplicates vanish, as they do in the tool.

Examples
--------
>>> from argmap.io._argdown_parse import parse_argdown
>>> doc = parse_argdown("[T]: t\\n  <+ <A>\\n\\n<A>\\n\\n(1) [P]: p\\n----\\n(2) [T]\\n")
>>> doc.relations, [(d.relation.source, d.relation.target) for d in doc.dropped]
([], [('A', 'T')])
"""

from __future__ import annotations

from dataclasses import replace

from argmap.io._argdown_doc import ArgdownArgument, ArgdownDocument, ArgdownRelation, Dropped

__all__ = ["normalise_relations"]


_VERB = {"attack": "attacking", "contrary": "contrary to", "contradictory": "contradictory to"}


def _strict(doc: ArgdownDocument) -> bool:
    model = doc.front_matter.get("model")
    return isinstance(model, dict) and model.get("mode") == "strict"


def _transform_arguments(doc: ArgdownDocument) -> bool:
    model = doc.front_matter.get("model")
    return not (isinstance(model, dict) and model.get("transformArgumentRelations") is False)


def _key(rel: ArgdownRelation) -> tuple[str, str, str, str, str]:
    return (rel.source, rel.source_type, rel.target, rel.target_type, rel.type)


def normalise_relations(doc: ArgdownDocument) -> list[Dropped]:
    """Rewrite ``doc.relations`` as the tool's model step does; return what it dropped."""
    dropped: list[Dropped] = []
    relations = list(doc.relations)
    reconstructed = {t: a for t, a in doc.arguments.items() if a.pcs}
    if _transform_arguments(doc):
        relations = _from_conclusions(relations, reconstructed, dropped)
    if _strict(doc):
        relations = _strict_statement_relations(relations)
    doc.relations = _redundant_attacks(relations, reconstructed, dropped)
    doc.dropped = dropped
    return dropped


def _from_conclusions(
    relations: list[ArgdownRelation],
    reconstructed: dict[str, ArgdownArgument],
    dropped: list[Dropped],
) -> list[ArgdownRelation]:
    """Steps 1 and 2 of the module docstring."""
    out: list[ArgdownRelation] = []
    seen: set[tuple[str, str, str, str, str]] = set()
    later = {_key(r) for r in relations}
    for rel in relations:
        new = rel
        if rel.source_type == "argument" and rel.source in reconstructed:
            arg = reconstructed[rel.source]
            conclusion = arg.pcs[-1].title
            new = replace(new, source=conclusion, source_type="statement")
            if new.target_type == "statement" and new.target == conclusion:
                dropped.append(
                    Dropped(
                        rel,
                        f"<{rel.source}> concludes [{conclusion}]: a {rel.type} of "
                        f"[{conclusion}] by <{rel.source}> is the argument itself",
                    )
                )
                continue
        if new.type == "undercut" and new.target_type == "argument" and new.target in reconstructed:
            new = replace(new, target_type="inference")
        key = _key(new)
        if key in seen or (new is not rel and key in later):
            continue  # the same relation is (or will be) there already
        seen.add(key)
        out.append(new)
    return out


def _strict_statement_relations(relations: list[ArgdownRelation]) -> list[ArgdownRelation]:
    """Step 3: entails and contrary between statements, one contrary per pair."""
    out: list[ArgdownRelation] = []
    contrary: set[frozenset[str]] = set()
    for rel in relations:
        if rel.source_type == "statement" and rel.target_type == "statement":
            if rel.type == "support":
                rel = replace(rel, type="entails")
            elif rel.type == "attack":
                pair = frozenset((rel.source, rel.target))
                if pair in contrary:
                    continue
                contrary.add(pair)
                rel = replace(rel, type="contrary")
        out.append(rel)
    return out


def _redundant_attacks(
    relations: list[ArgdownRelation],
    reconstructed: dict[str, ArgdownArgument],
    dropped: list[Dropped],
) -> list[ArgdownRelation]:
    """Step 4: an attack on an argument already made on one of its premises."""
    # statement -> (relation, the statement at its other end) for the relations between
    # statements that make such an attack redundant
    against: dict[str, list[tuple[ArgdownRelation, str]]] = {}
    for r in relations:
        if r.source_type != "statement" or r.target_type != "statement":
            continue
        if r.type in ("attack", "contradictory", "contrary"):
            against.setdefault(r.source, []).append((r, r.target))
        if r.type in ("contradictory", "contrary"):
            against.setdefault(r.target, []).append((r, r.source))
    out: list[ArgdownRelation] = []
    for rel in relations:
        arg = reconstructed.get(rel.target)
        if (
            rel.source_type != "statement"
            or rel.type != "attack"
            or rel.target_type != "argument"
            or arg is None
        ):
            out.append(rel)
            continue
        premises = {i.title for i in arg.pcs if i.role == "premise"}
        hit = next((r for r, other in against.get(rel.source, []) if other in premises), None)
        if hit is None:
            out.append(rel)
            continue
        other = hit.target if hit.source == rel.source else hit.source
        dropped.append(
            Dropped(
                rel,
                f"[{rel.source}] is already {_VERB[hit.type]} the premise [{other}] of "
                f"<{rel.target}>",
            )
        )
    return out
