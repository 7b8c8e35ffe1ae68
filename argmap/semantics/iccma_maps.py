"""The ICCMA formats (i23, apx, tgf) as maps (registered by :mod:`argmap.io.iccma_formats`).

An abstract framework read as a map: each argument becomes a claim (its id is the
argument's name when that is a usable id, else a slug of it; its text is the name) and
each attack an Attack between two claims (self-attacks included). A map written in these
formats is its structured Dung projection (:func:`argmap.semantics.dung_framework`):
statements and Arguments by id, plus an ``S#unsupported`` argument for each statement
that some Argument concludes. A map that came from a framework has no Arguments, so it
goes back as the same framework. The parsers and writers are those of
:mod:`argmap.semantics.iccma`.

==== ============ ===== ===== ====================================
name extensions   read  write sniffed from
==== ============ ===== ===== ====================================
i23  af, i23      yes   yes   a ``p af N`` header
apx  apx          yes   yes   ``arg(`` / ``att(`` facts
tgf  tgf          yes   yes   (extension only)
==== ============ ===== ===== ====================================

Examples
--------
>>> import argmap
>>> m = argmap.loads("p af 3\\n1 2\\n2 3\\n3 3\\n", "i23")
>>> sorted(n.id for n in m.statements()), len(list(m.attacks()))
(['1', '2', '3'], 3)
>>> print(argmap.dumps(m, "apx"), end="")
arg(1).
arg(2).
arg(3).
att(1,2).
att(2,3).
att(3,3).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import PurePath
from typing import TYPE_CHECKING

from pydantic import ValidationError

from argmap.errors import ModelError, ParseError
from argmap.ids import mint_id, slugify
from argmap.map import ArgumentMap
from argmap.model import ID_PATTERN, Attack, Claim, Node

__all__ = ["framework_to_map", "map_to_framework"]

if TYPE_CHECKING:
    from argmap.semantics.framework import AbstractFramework


def framework_to_map(
    af: AbstractFramework, *, name: str = "af", title: str | None = None
) -> ArgumentMap:
    """An abstract framework as a map: a claim per argument, an Attack per attack.

    Examples
    --------
    >>> from argmap.semantics import AbstractFramework
    >>> m = framework_to_map(AbstractFramework(["a", "Big claim"], [("a", "Big claim")]))
    >>> [(n.id, n.text) for n in m.statements()]
    [('a', 'a'), ('big-claim', 'Big claim')]
    """
    ids: dict[str, str] = {}
    taken: set[str] = set()
    for arg in af.arguments:
        wanted = arg if ID_PATTERN.match(arg) else slugify(arg)
        node_id = wanted if wanted and wanted not in taken else mint_id("claim", arg)
        ids[arg] = node_id
        taken.add(node_id)
    nodes: list[Node] = [Claim(id=ids[a], text=a) for a in af.arguments]
    for a, b in af.iter_attacks():
        attack_id = mint_id("attack", ids[a], "->", ids[b])
        nodes.append(Attack(id=attack_id, attacker=ids[a], target=ids[b]))
    return ArgumentMap.from_nodes(nodes, name=slugify(name) or "af", title=title)


def map_to_framework(m: ArgumentMap) -> AbstractFramework:
    """The map's structured Dung projection, arguments named by node id.

    When every name is a number (a map read from i23), they are ordered by value, so
    that i23's numbering survives a round trip.

    Examples
    --------
    >>> import argmap
    >>> m = argmap.loads("p af 10\\n10 2\\n", "i23")
    >>> map_to_framework(m).arguments[:3]
    ('1', '2', '3')
    """
    from argmap.semantics.framework import AbstractFramework
    from argmap.semantics.projection import dung_framework

    af = dung_framework(m).framework
    if af.arguments and all(a.isdigit() for a in af.arguments):
        order = sorted(af.arguments, key=int)
        return AbstractFramework(order, af.iter_attacks())
    return af


def _loader(format: str) -> Callable[..., ArgumentMap]:
    def loads(data: bytes, *, filename: str | None = None) -> ArgumentMap:
        from argmap.semantics.iccma import loads_af

        af = loads_af(data, format, filename=filename)
        stem = PurePath(filename).name.split(".")[0] if filename else format
        try:
            return framework_to_map(af, name=stem, title=stem if filename else None)
        except ValidationError as exc:  # an argument name no map statement can carry
            first = exc.errors()[0]
            given = first.get("input")
            node = given.get("id") if isinstance(given, dict) else None
            raise ParseError(
                f"argument cannot be a statement of a map: {first['msg']}", file=filename, node=node
            ) from None
        except ModelError as exc:
            raise ParseError(f"argument cannot be a statement of a map: {exc}", file=filename) from None

    return loads


def _dumper(format: str) -> Callable[[ArgumentMap], bytes]:
    def dumps(m: ArgumentMap) -> bytes:
        from argmap.semantics.iccma import dumps_af

        af = map_to_framework(m)
        plain = all(a.isdigit() for a in af.arguments) and list(af.arguments) == [
            str(i) for i in range(1, len(af) + 1)
        ]
        return dumps_af(af, format, names=not plain).encode("utf-8")

    return dumps


def _sniffer(format: str) -> Callable[[bytes], bool]:
    def sniff(head: bytes) -> bool:
        from argmap.semantics.iccma import guess_af_format

        return guess_af_format("", head) == format

    return sniff


loads_i23, loads_apx, loads_tgf = _loader("i23"), _loader("apx"), _loader("tgf")
dumps_i23, dumps_apx, dumps_tgf = _dumper("i23"), _dumper("apx"), _dumper("tgf")
sniff_i23, sniff_apx = _sniffer("i23"), _sniffer("apx")
