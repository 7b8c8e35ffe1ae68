"""The writing side of :mod:`argmap.io.kialo`: the tree part of a map as a Kialo export.

The thesis is the statement numbered ``1.`` when the map was read from Kialo, else the
one statement that is argued for or against but argues for nothing; with several such
statements (or an issue with statements about it) the export gets a question ``1.``
(the issue, or the map's title) and one thesis under it each. Below each statement come
the arguments with one premise (``Pro:``) and the attacks (``Con:``) on it, in the order
of their Kialo numbers when they have them. A statement reached twice is written where
it was read from (else where first met) and linked everywhere else (``-> See 1.4.2.``).
Linked premises (one argument, several premises) are written one ``Pro:`` each;
undercuts, stances, actors and about-edges other than theses have no place in the tree.

Examples
--------
>>> import argmap
>>> m = argmap.ArgumentMap("w", title="Walk?")
>>> t = m.claim("We should walk.", id="t"); p = m.claim("It is healthy.", id="p")
>>> _ = m.argue(p, t, id="a")
>>> print(dumps(m).decode(), end="")
Discussion Title: Walk?
<BLANKLINE>
1. We should walk.
1.1. Pro: It is healthy.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from argmap.errors import FormatError
from argmap.limits import current, how_to_raise
from argmap.map import ArgumentMap
from argmap.model import Argument, Attack, Node

__all__ = ["dumps"]

KEY = "kialo"


def _kialo(node: Any) -> dict[str, Any]:
    value = node.data.get(KEY)
    return value if isinstance(value, dict) else {}


def _order(number: object) -> tuple[int, ...]:
    if isinstance(number, str) and re.fullmatch(r"(\d+\.)+", number):
        return tuple(int(x) for x in number[:-1].split("."))
    return (1 << 30,)


class _Tree:
    def __init__(self, m: ArgumentMap) -> None:
        self.m = m
        self.children: dict[str, list[tuple[tuple[int, ...], str, str, str, bool]]] = {}
        for rel in [*m.arguments(), *m.attacks()]:
            data = _kialo(rel)
            key = _order(data.get("number"))
            is_link = "link" in data
            if isinstance(rel, Argument):
                for premise in rel.premises:
                    self.add(rel.conclusion, key, rel.id, premise, "Pro", is_link)
            elif isinstance(rel, Attack) and m[rel.target].kind in (
                "claim",
                "evidence",
                "recommendation",
            ):
                self.add(rel.target, key, rel.id, rel.attacker, "Con", is_link)
        for kids in self.children.values():
            kids.sort(key=lambda k: (k[0], k[1], k[2]))
        self.numbers: dict[str, str] = {}
        self.lines: list[tuple[str, str, str | None]] = []  # number, side, text | link

    def add(
        self, parent: str, key: tuple[int, ...], rel: str, child: str, side: str, is_link: bool
    ) -> None:
        self.children.setdefault(parent, []).append((key, rel, child, side, is_link))

    def homes(self) -> set[tuple[str, str]]:
        """(relation, premise) pairs where a statement is written in full."""
        return {
            (rel, child)
            for kids in self.children.values()
            for _, rel, child, _, is_link in kids
            if not is_link
        }

    def walk(
        self, node: str, number: str, homes: set[tuple[str, str]], reachable: set[str]
    ) -> None:
        """Number ``node``'s subtree depth first (a loop, not recursion: a chain of
        thousands of claims is a tree thousands of levels deep)."""
        self.numbers[node] = number
        stack = [(number, enumerate(self.children.get(node, []), 1))]
        while stack:
            number, kids = stack[-1]
            step = next(kids, None)
            if step is None:
                stack.pop()
                continue
            index, (_, rel, child, side, _) = step
            here = f"{number}{index}."
            full = child not in self.numbers and (
                (rel, child) in homes
                or not any((r, c) in homes and r in reachable for r, c in self.pairs_of(child))
            )
            if full:
                self.lines.append((here, side, self.m[child].text))
                self.numbers[child] = here
                stack.append((here, enumerate(self.children.get(child, []), 1)))
            else:
                self.lines.append((here, side, "\0" + child))

    def pairs_of(self, child: str) -> Iterator[tuple[str, str]]:
        if not hasattr(self, "_rels_of"):
            self._rels_of: dict[str, list[str]] = {}
            for kids in self.children.values():
                for _, rel, c, _, _ in kids:
                    self._rels_of.setdefault(c, []).append(rel)
        for rel in self._rels_of.get(child, ()):
            yield rel, child

    def reachable(self, roots: list[str]) -> set[str]:
        seen: set[str] = set()
        rels: set[str] = set()
        stack = list(roots)
        while stack:
            node = stack.pop()
            if node in seen:
                continue
            seen.add(node)
            for _, rel, child, _, _ in self.children.get(node, []):
                rels.add(rel)
                stack.append(child)
        return rels


def _roots(m: ArgumentMap) -> tuple[Node | None, list[Node]]:
    """(question or None, theses)."""
    statements: list[Node] = sorted(
        m.statements(), key=lambda s: (_order(_kialo(s).get("number")), s.id)
    )
    for issue in sorted(m.issues(), key=lambda s: (_order(_kialo(s).get("number")), s.id)):
        about: list[Node] = [s for s in statements if issue.id in m.about_of(s.id)]
        if about:
            return issue, about
    numbered = [s for s in statements if _kialo(s).get("number") == "1."]
    if numbered:
        return None, numbered
    roots = [
        s
        for s in statements
        if not m.arguments_using(s.id)
        and not m.attacks_by(s.id)
        and (m.arguments_for(s.id) or m.attacks_on(s.id))
    ]
    if not roots:
        roots = statements[:1]
    return None, roots


def dumps(m: ArgumentMap) -> bytes:
    """The tree part of the map as a Kialo export.

    Examples
    --------
    >>> import argmap
    >>> dumps(argmap.ArgumentMap("empty"))
    b''
    """
    question, theses = _roots(m)
    if not theses:
        return b""
    tree = _Tree(m)
    head: list[str] = []
    if m.title:
        head += [f"Discussion Title: {m.title}", ""]
    roots = [t.id for t in theses]
    homes, reachable = tree.homes(), tree.reachable(roots)
    if question is None and len(theses) == 1:
        tree.lines.append(("1.", "", theses[0].text))
        tree.walk(theses[0].id, "1.", homes, reachable)
    else:
        title = question.text if question is not None else (m.title or "Theses")
        tree.lines.append(("1.", "", title))
        for index, thesis in enumerate(theses, 1):
            number = f"1.{index}."
            side = "Thesis" if _kialo(thesis).get("side") == "thesis" else ""
            tree.lines.append((number, side, thesis.text))
            tree.walk(thesis.id, number, homes, reachable)
    cap = current().max_depth
    depth = max(number.count(".") for number, _, _ in tree.lines)
    if cap is not None and depth > cap:  # the reader would refuse the file
        raise FormatError(
            f"kialo: the tree is {depth:,} levels deep, over the max_depth cap of {cap} that "
            f"reading it back applies ({how_to_raise('max_depth')})"
        )
    out = list(head)
    for number, side, text in tree.lines:
        if text is not None and text.startswith("\0"):
            target = tree.numbers.get(text[1:])
            # a statement never written in full (it sits outside the tree) is written here
            text = m[text[1:]].text if target is None else f"-> See {target}"
        label = f"{side}: " if side else ""
        out.append(f"{number} {label}{text}")
    sources = sorted(
        (s for s in m.sources() if isinstance(_kialo(s).get("entry"), str)),
        key=lambda s: _order(s.id[1:] + "."),
    )
    if sources:
        out += ["", "Sources:", *(str(_kialo(s)["entry"]) for s in sources)]
    return ("\n".join(out) + "\n").encode("utf-8")
