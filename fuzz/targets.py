"""What each parser must do with any input, and the small valid files fuzzing starts from.

A *target* is one parser. :func:`check` feeds it bytes and enforces the contract from
issue 9: the input ends either

* in an object that holds up — a map with no structural validation error that survives
  an N-Triples round trip unchanged (and, for the RDF syntaxes, a round trip through its
  own syntax), or a framework that survives its own format; or
* in a :class:`~argmap.errors.ParseError` (a subclass of ``ArgmapError``) that says where:
  a line, a column or a node, or a :class:`~argmap.errors.LimitExceeded` for a cap.

Anything else — another exception type, an error with no location, a map that fails a
structural rule or loses something on the way back — raises :class:`Finding` (or lets the
stray exception through), which is what the fuzzers report.

Seeds are built here from argmap's own API, so the committed corpus derives from nothing
but this project (the shared corpora have licences that forbid copying them in).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import argmap
from argmap.errors import LimitExceeded, ParseError
from argmap.semantics.framework import AbstractFramework
from argmap.semantics.iccma import dumps_af, loads_af

__all__ = ["TARGETS", "Finding", "Target", "check", "sample_maps"]

RDF_FORMATS = ("turtle", "nt", "jsonld", "xml", "trig")
MAP_FORMATS = (*RDF_FORMATS, "aif", "xaif", "argdown")
AF_FORMATS = ("i23", "apx", "tgf")


class Finding(AssertionError):
    """An input that broke a parser's contract."""


@dataclass(frozen=True)
class Target:
    """One parser under fuzzing."""

    name: str
    parse: Callable[[bytes], Any]
    verify: Callable[[Any], None]
    seeds: Callable[[], list[bytes]]


def _located(exc: ParseError) -> bool:
    if isinstance(exc, LimitExceeded):
        return True
    return any(x is not None for x in (exc.line, exc.column, exc.node, exc.path))


def check(target: Target, data: bytes) -> str:
    """Run one input through ``target``; return ``"ok"`` or ``"error"``, or raise."""
    try:
        result = target.parse(data)
    except ParseError as exc:
        if not _located(exc):
            raise Finding(f"{target.name}: {type(exc).__name__} without a location: {exc}") from exc
        return "error"
    except argmap.ArgmapError as exc:
        raise Finding(
            f"{target.name}: {type(exc).__name__} is not a ParseError (an input error must "
            f"say where): {exc}"
        ) from exc
    target.verify(result)
    return "ok"


# --- maps ------------------------------------------------------------------------------


def _verify_map(fmt: str) -> Callable[[Any], None]:
    def verify(m: argmap.ArgumentMap) -> None:
        with argmap.limits(max_bytes=None, max_nodes=None):  # caps are for input only
            _verify(m)

    def _verify(m: argmap.ArgumentMap) -> None:
        report = argmap.validate(m)
        structural = [f for f in report if f.rule in _STRUCTURAL]
        if structural:
            raise Finding(f"{fmt}: loaded a map that breaks structural rules: {structural[:3]}")
        again = argmap.loads(argmap.dumps(m, "nt"), "nt")
        if again != m:
            raise Finding(f"{fmt}: the map changed on an N-Triples round trip")
        if fmt in RDF_FORMATS and argmap.loads(argmap.dumps(m, fmt), fmt) != m:
            raise Finding(f"{fmt}: the map changed on a round trip through {fmt}")

    return verify


def _structural() -> frozenset[str]:
    from argmap.validate import rules

    return frozenset(r.id for r in rules("structural"))


_STRUCTURAL = _structural()


def sample_maps() -> list[argmap.ArgumentMap]:
    """Small maps that between them use every kind, field and relation."""
    m = argmap.ArgumentMap("fuzz-seed", title="A seed map")
    chamber = m.actor("The Chamber", type="organisation", id="chamber")
    brief = m.source(
        "A brief", id="brief", author=chamber, date="2024-08-28", url="https://example.org/brief"
    )
    issue = m.issue("How should the U.S. vote?", id="vote")
    alt = m.alternative("The Budapest Convention", id="budapest", issue=issue)
    rec = m.recommendation("The U.S. should abstain.", id="abstain", tags=("bottom-line",))
    c1 = m.claim("The treaty is flawed.", id="flawed", label="in")
    c2 = m.claim("Its goals are laudable.", id="laudable", data={"n": 1, "why": ["x"]})
    e1 = m.evidence("76 nations are party to it.", id="parties", source=brief)
    a1 = m.argue([c1, e1], rec, scheme="argument from alternatives", id="arg1")
    m.argue([e1], c1, id="arg2")
    m.attack(c2, c1, id="att1")
    m.attack(c1, a1, type="undercut", id="att2")
    m.stance(chamber, "asserts", c1, id="st1")
    m.stance(chamber, "endorses", alt, id="st2")
    m.about(c1, alt)
    text = "Preamble. The treaty is flawed, sadly. 76 nations are party to it."
    m.anchor(c1, "flawed", source=brief, text=text)
    m.anchor(e1, "76 nations", source=brief, text=text)

    small = argmap.ArgumentMap("tiny")
    p = small.claim("P.", id="p")
    small.argue([small.evidence('E \u00e9 \u4e2d "q" <x> # } \\', id="e")], p, id="a")

    return [m, small]


def _map_seeds(fmt: str) -> Callable[[], list[bytes]]:
    def seeds() -> list[bytes]:
        out = [argmap.io.dumps_bytes(m, fmt) for m in sample_maps()]
        out.extend(_EXTRA_SEEDS.get(fmt, []))
        return out

    return seeds


_ARGDOWN = b"""===
title: Seed
===

# A heading

[Flawed]: The treaty is flawed. #core
  + <Budapest>: It works already.
  - [Laudable]: Its goals are laudable.

<Budapest>

(1) [Parties]: 76 nations are party to it.
(2) Parties matter.
----
(3) [Flawed]
  >< [Adopt]: Adopt it.
"""

_AIF = json.dumps(
    {
        "nodes": [
            {"nodeID": "1", "text": "It is flawed.", "type": "I"},
            {"nodeID": "2", "text": "76 parties.", "type": "I"},
            {"nodeID": "3", "text": "Default Inference", "type": "RA"},
            {"nodeID": "4", "text": "Default Conflict", "type": "CA"},
            {"nodeID": "5", "text": "Goals laudable.", "type": "I"},
            {"nodeID": "6", "text": "Chamber : It is flawed.", "type": "L"},
            {"nodeID": "7", "text": "Asserting", "type": "YA"},
        ],
        "edges": [
            {"edgeID": "1", "fromID": "2", "toID": "3"},
            {"edgeID": "2", "fromID": "3", "toID": "1"},
            {"edgeID": "3", "fromID": "5", "toID": "4"},
            {"edgeID": "4", "fromID": "4", "toID": "1"},
            {"edgeID": "5", "fromID": "6", "toID": "7"},
            {"edgeID": "6", "fromID": "7", "toID": "1"},
        ],
        "locutions": [{"nodeID": "6", "personID": "1"}],
        "participants": [{"participantID": "1", "firstname": "The", "surname": "Chamber"}],
    },
    indent=1,
).encode()

_EXTRA_SEEDS: dict[str, list[bytes]] = {
    "argdown": [_ARGDOWN],
    "aif": [_AIF],
    "turtle": [
        b"@prefix am: <https://w3id.org/argmap/ns#> .\n"
        b"<https://w3id.org/argmap/map/t> a am:ArgumentMap .\n"
        b'<https://w3id.org/argmap/map/t/c> a am:Claim ; am:text "C"@en ; '
        b"am:inMap <https://w3id.org/argmap/map/t> .\n_:b <http://x/p> ( 1 2 ) .\n"
    ],
}


# --- frameworks ------------------------------------------------------------------------


def _parse_af_any(data: bytes) -> list[tuple[str, AbstractFramework]]:
    """Every ICCMA format on the same bytes: each must parse or raise a located ParseError."""
    out: list[tuple[str, AbstractFramework]] = []
    failure: ParseError | None = None
    for fmt in AF_FORMATS:
        try:
            out.append((fmt, loads_af(data, fmt)))
        except ParseError as exc:
            if not _located(exc):
                raise Finding(f"iccma/{fmt}: ParseError without a location: {exc}") from exc
            failure = exc
    if not out and failure is not None:
        raise failure
    return out


def _verify_af(parsed: list[tuple[str, AbstractFramework]]) -> None:
    for fmt, af in parsed:
        if fmt == "i23":  # i23 renames arguments 1..N: compare shapes
            again = loads_af(dumps_af(af, "i23"), "i23")
            if (len(again.arguments), len(again.attacks)) != (len(af.arguments), len(af.attacks)):
                raise Finding("iccma/i23: the framework changed on a round trip")
        elif loads_af(dumps_af(af, fmt), fmt) != af:
            raise Finding(f"iccma/{fmt}: the framework changed on a round trip")


def _af_seeds() -> list[bytes]:
    return [
        b"p af 4\n# a comment\n1 2\n2 3\n3 1\n4 4\n",
        b'arg(a).\narg(b).\narg("x y").\natt(a,b).\natt(b,"x y"). % note\n',
        b"a\nb label\nc\n#\na b\nb c\n",
    ]


def _map_target(fmt: str) -> Target:
    return Target(
        name=fmt,
        parse=lambda data: argmap.loads(data, fmt),
        verify=_verify_map(fmt),
        seeds=_map_seeds(fmt),
    )


TARGETS: dict[str, Target] = {fmt: _map_target(fmt) for fmt in MAP_FORMATS}
TARGETS["iccma"] = Target(name="iccma", parse=_parse_af_any, verify=_verify_af, seeds=_af_seeds)
