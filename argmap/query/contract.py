"""The trace as JSON: a documented, stable contract (``docs/trace-json.md``).

``argmap trace FILE --format json`` prints a JSON array with one object per traced
statement, and :meth:`Trace.to_dict` returns one such object. Its keys, in order:

``recommendation``
    The traced statement: ``{"id", "iri", "kind", "text", "label"}``.
``premises``
    Every premise reached, nearest first. Each is a *statement entry*:
    ``{"id", "iri", "kind", "text", "label", "level"}`` (``level``: argument steps on the
    shortest route from the traced statement).
``basic_premises``
    The premises with no argument of their own (statement entries).
``evidence``
    The evidence among the premises, at any depth (statement entries plus ``"source"``,
    the id of the evidence's source or null).
``arguments``
    Every argument for the traced statement or a premise: ``{"id", "iri", "kind",
    "text", "label", "scheme", "premises": [ids], "conclusion": id, "complete": bool,
    "questions": [...]}`` (``complete``: all its premises are grounded; ``questions``: the
    critical questions of its scheme, ``{"question", "key", "text", "answer_type",
    "premise_role", "status": "open" | "answered", "answered_by": [ids]}``, empty when the
    catalogue does not know the scheme).
``attacks``
    Every attack on the traced statement, a premise or an argument: ``{"id", "iri",
    "kind", "text", "label", "type", "target": id, "attacker": {"id", "iri", "kind",
    "text", "label"}, "co_attackers": [nodes like attacker] (linked attackers),
    "answered": bool, "answered_by": [attack ids]}``. An attack is answered when one of
    its attackers is attacked, or the attack itself is.
``actors``
    Who asserts or endorses the traced statement or a premise: ``{"id", "iri", "kind",
    "text", "label", "actor_type", "stances": [{"role", "node"}]}``.
``anchors``
    The quotes of the traced statement, the premises and the arguments: ``{"node",
    "source", "quote", "prefix", "suffix", "start", "end"}`` (offsets may be null).
``critical_premises``
    The premises whose loss alone leaves the traced statement with no complete support
    (statement entries).
``depth``
    The greatest level of any premise (0 when nothing argues for the statement).
``cycles``
    The cycles of support in the trace, each a sorted list of statement ids.

Lists of nodes keep trace order (nearest first, then by id); attacks and actors are
sorted by id. :data:`TRACE_JSON_SCHEMA` says the same as a JSON Schema, and
:func:`check_trace_json` checks a value against it with no third-party package.

Examples
--------
>>> from argmap import ArgumentMap
>>> from argmap.query import trace
>>> m = ArgumentMap("j"); r = m.recommendation("Act.", id="r")
>>> _ = m.argue([m.evidence("It works.", id="e")], r, id="a")
>>> d = trace_to_dict(trace(m, "r"))
>>> d["evidence"]
[{'id': 'e', 'iri': 'https://w3id.org/argmap/map/j/e', 'kind': 'evidence', 'text': 'It works.', 'label': None, 'level': 1, 'source': None}]
>>> check_trace_json([d])
[]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from argmap.query.trace import Trace

__all__ = ["TRACE_JSON_SCHEMA", "check_trace_json", "frame_rows", "trace_to_dict"]


def trace_to_dict(t: Trace, shared: bool = False) -> dict[str, Any]:
    """The JSON contract of one trace (see the module docstring).

    Made from the per-version tables of :mod:`argmap.query._tables` (the first conversion
    of a node works out its entries): fresh dicts and lists the caller owns, or, when
    ``shared``, the tables' own read-only entries in fresh lists (no copying).
    """
    from argmap.query._tables import trace_dict

    return trace_dict(t, shared)


def frame_rows(t: Trace) -> list[dict[str, Any]]:
    """One row per node of the trace (root, premises, arguments, attacks), for a frame."""
    levels = t.levels
    basic = set(t.basic_premises)
    critical = set(t.critical_premises)
    actors: dict[str, list[str]] = {}
    for st in t.stances:
        actors.setdefault(st.node, []).append(st.actor)
    quotes: dict[str, list[str]] = {}
    for a in t.anchors:
        quotes.setdefault(a.node, []).append(a.quote)

    def row(node_id: str, role: str, level: int | None) -> dict[str, Any]:
        node = t.node(node_id)
        return {
            "root": t.root,
            "id": node_id,
            "kind": node.kind,
            "role": role,
            "level": level,
            "basic": node_id in basic,
            "evidence": node.kind == "evidence" and role == "premise",
            "critical": node_id in critical,
            "text": node.text,
            "actors": "; ".join(sorted(set(actors.get(node_id, ())))),
            "quotes": " | ".join(quotes.get(node_id, ())),
        }

    rows = [row(t.root, "root", 0)]
    rows += [row(p, "premise", levels[p]) for p in t.premises]
    for arg_id in t.arguments:
        conclusion = getattr(t.node(arg_id), "conclusion", t.root)
        rows.append(row(arg_id, "argument", levels.get(conclusion, 0) + 1))
    rows += [row(att.id, "attack", None) for att in t.attacks]
    return rows


# ---------------------------------------------------------------------- the schema

_TEXT = {"type": "string"}
_OPT_TEXT = {"type": ["string", "null"]}
_IDS = {"type": "array", "items": {"type": "string"}}


def _obj(props: dict[str, Any], optional: tuple[str, ...] = ()) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": props,
        "required": [k for k in props if k not in optional],
        "additionalProperties": False,
    }


_NODE = {"id": _TEXT, "iri": _TEXT, "kind": _TEXT, "text": _TEXT, "label": _OPT_TEXT}
_STATEMENT_KIND = {"enum": ["claim", "evidence", "recommendation"]}
_STATEMENT = {**_NODE, "kind": _STATEMENT_KIND, "level": {"type": "integer", "minimum": 0}}

#: The JSON contract of one trace as a JSON Schema (draft 2020-12).
TRACE_JSON_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://w3id.org/argmap/schema/trace.json",
    "title": "argmap trace",
    "$defs": {
        "node": _obj(_NODE),
        "statement": _obj(_STATEMENT),
        "evidence": _obj({**_STATEMENT, "kind": {"enum": ["evidence"]}, "source": _OPT_TEXT}),
        "argument": _obj(
            {
                **_NODE,
                "kind": {"enum": ["argument"]},
                "scheme": _OPT_TEXT,
                "premises": _IDS,
                "conclusion": _TEXT,
                "complete": {"type": "boolean"},
                "questions": {"type": "array", "items": {"$ref": "#/$defs/question"}},
            },
            optional=("questions",),  # added later: a trace written before it still conforms
        ),
        "question": _obj(
            {
                "question": _TEXT,
                "key": _TEXT,
                "text": _TEXT,
                "answer_type": {"enum": ["rebut", "undermine", "undercut"]},
                "premise_role": _OPT_TEXT,
                "status": {"enum": ["open", "answered"]},
                "answered_by": _IDS,
            }
        ),
        "attack": _obj(
            {
                **_NODE,
                "kind": {"enum": ["attack"]},
                "type": {"enum": ["rebut", "undermine", "undercut"]},
                "target": _TEXT,
                "attacker": {"$ref": "#/$defs/node"},
                "co_attackers": {"type": "array", "items": {"$ref": "#/$defs/node"}},
                "answered": {"type": "boolean"},
                "answered_by": _IDS,
            }
        ),
        "actor": _obj(
            {
                **_NODE,
                "kind": {"enum": ["actor"]},
                "actor_type": _OPT_TEXT,
                "stances": {
                    "type": "array",
                    "items": _obj({"role": {"enum": ["asserts", "endorses"]}, "node": _TEXT}),
                },
            }
        ),
        "anchor": _obj(
            {
                "node": _TEXT,
                "source": _TEXT,
                "quote": _TEXT,
                "prefix": _TEXT,
                "suffix": _TEXT,
                "start": {"type": ["integer", "null"], "minimum": 0},
                "end": {"type": ["integer", "null"], "minimum": 0},
            }
        ),
    },
    **_obj(
        {
            "recommendation": _obj({**_NODE, "kind": _STATEMENT_KIND}),
            "premises": {"type": "array", "items": {"$ref": "#/$defs/statement"}},
            "basic_premises": {"type": "array", "items": {"$ref": "#/$defs/statement"}},
            "evidence": {"type": "array", "items": {"$ref": "#/$defs/evidence"}},
            "arguments": {"type": "array", "items": {"$ref": "#/$defs/argument"}},
            "attacks": {"type": "array", "items": {"$ref": "#/$defs/attack"}},
            "actors": {"type": "array", "items": {"$ref": "#/$defs/actor"}},
            "anchors": {"type": "array", "items": {"$ref": "#/$defs/anchor"}},
            "critical_premises": {"type": "array", "items": {"$ref": "#/$defs/statement"}},
            "depth": {"type": "integer", "minimum": 0},
            "cycles": {"type": "array", "items": _IDS},
        }
    ),
}

_TYPES: dict[str, tuple[type, ...]] = {
    "object": (dict,),
    "array": (list,),
    "string": (str,),
    "integer": (int,),
    "boolean": (bool,),
    "null": (type(None),),
}


def _check(value: Any, schema: dict[str, Any], where: str, out: list[str]) -> None:
    """The subset of JSON Schema that :data:`TRACE_JSON_SCHEMA` uses."""
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        schema = TRACE_JSON_SCHEMA["$defs"][name]
    if "type" in schema:
        names = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        ok = any(
            isinstance(value, _TYPES[n]) and not (n == "integer" and isinstance(value, bool))
            for n in names
        )
        if not ok:
            out.append(f"{where}: {value!r} is not of type {' or '.join(names)}")
            return
    if "enum" in schema and value not in schema["enum"]:
        out.append(f"{where}: {value!r} is not one of {schema['enum']}")
    if "minimum" in schema and isinstance(value, int) and value < schema["minimum"]:
        out.append(f"{where}: {value} is below {schema['minimum']}")
    if isinstance(value, dict):
        props = schema.get("properties", {})
        for key in schema.get("required", ()):
            if key not in value:
                out.append(f"{where}: missing key {key!r}")
        for key, item in value.items():
            if key in props:
                _check(item, props[key], f"{where}.{key}", out)
            elif schema.get("additionalProperties") is False:
                out.append(f"{where}: unexpected key {key!r}")
    if isinstance(value, list) and "items" in schema:
        for i, item in enumerate(value):
            _check(item, schema["items"], f"{where}[{i}]", out)


def check_trace_json(value: Any) -> list[str]:
    """Problems of ``value`` (a list of trace objects, or one) against the contract.

    An empty list means it conforms.

    >>> check_trace_json([{"depth": -1}])[:2]
    ["$[0]: missing key 'recommendation'", "$[0]: missing key 'premises'"]
    """
    out: list[str] = []
    if isinstance(value, list):
        for i, item in enumerate(value):
            _check(item, TRACE_JSON_SCHEMA, f"$[{i}]", out)
    else:
        _check(value, TRACE_JSON_SCHEMA, "$", out)
    return out
