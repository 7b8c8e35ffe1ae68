"""Prolog-style terms as Carneades 4 writes statement ids, scheme premises and patterns.

Carneades 4 names a statement by a ground atomic formula (``price(volvo,medium)``,
``¬riskyOperation``); its argument schemes and issue schemes use the same syntax with
variables (capitalised names). Only what those files need is here: atoms, numbers,
quoted strings, variables, compound terms, lists and the prefix negation ``¬``.

A term is a plain tuple: ``("atom", name)``, ``("var", name)``, ``("num", text)``,
``("str", text)``, ``("list", items)`` or ``("cmp", functor, args)``.

Examples
--------
>>> normalize("price( volvo , medium )")
'price(volvo,medium)'
>>> normalize("¬riskyOperation")
'¬riskyOperation'
>>> t = parse("safety(O,V1)")
>>> b = match(t, parse("safety(volvo,high)"), {})
>>> sorted(b), show(substitute(parse("buy(O)"), b))
(['O', 'V1'], 'buy(volvo)')
"""

from __future__ import annotations

import re
from typing import Any

__all__ = [
    "Term",
    "args_of",
    "functor",
    "is_ground",
    "match",
    "normalize",
    "parse",
    "show",
    "substitute",
    "variables",
]

Term = tuple[Any, ...]
Bindings = dict[str, Term]

_TOKEN = re.compile(
    r"""\s*(?:
      (?P<num>-?\d+(?:\.\d+)?)
    | (?P<name>[^\W\d]\w*)
    | (?P<str>"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')
    | (?P<punct>[(),\[\]|¬])
    )""",
    re.VERBOSE | re.UNICODE,
)


class _TermSyntaxError(ValueError):
    """Text that is not a term (callers keep such ids as opaque names)."""


def _tokens(text: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    pos = 0
    text = text.strip()
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if m is None or m.end() == pos:
            raise _TermSyntaxError(f"unexpected {text[pos]!r} at {pos} in {text!r}")
        kind = m.lastgroup or ""
        out.append((kind, m.group(kind)))
        pos = m.end()
        while pos < len(text) and text[pos].isspace():
            pos += 1
    return out


def parse(text: str) -> Term:
    """The term ``text`` writes; raises :class:`_TermSyntaxError` when it is none.

    Examples
    --------
    >>> parse("f(X,[a,b])")
    ('cmp', 'f', (('var', 'X'), ('list', (('atom', 'a'), ('atom', 'b')))))
    """
    toks = _tokens(text)
    if not toks:
        raise _TermSyntaxError("empty term")
    term, pos = _term(toks, 0, text)
    if pos != len(toks):
        raise _TermSyntaxError(f"trailing {toks[pos][1]!r} in {text!r}")
    return term


def _term(toks: list[tuple[str, str]], pos: int, text: str) -> tuple[Term, int]:
    if pos >= len(toks):
        raise _TermSyntaxError(f"{text!r} ends too early")
    kind, value = toks[pos]
    if value == "¬":
        inner, pos = _term(toks, pos + 1, text)
        return ("cmp", "¬", (inner,)), pos
    if value == "[":
        items, pos = _seq(toks, pos + 1, "]", text)
        return ("list", tuple(items)), pos
    if kind == "num":
        return ("num", value), pos + 1
    if kind == "str":
        return ("str", value), pos + 1
    if kind != "name":
        raise _TermSyntaxError(f"unexpected {value!r} in {text!r}")
    if pos + 1 < len(toks) and toks[pos + 1][1] == "(":
        args, pos = _seq(toks, pos + 2, ")", text)
        return ("cmp", value, tuple(args)), pos
    if value[0].isupper() or value[0] == "_":
        return ("var", value), pos + 1
    return ("atom", value), pos + 1


def _seq(toks: list[tuple[str, str]], pos: int, close: str, text: str) -> tuple[list[Term], int]:
    items: list[Term] = []
    if pos < len(toks) and toks[pos][1] == close:
        return items, pos + 1
    while True:
        item, pos = _term(toks, pos, text)
        items.append(item)
        if pos >= len(toks):
            raise _TermSyntaxError(f"{text!r}: missing {close!r}")
        sep = toks[pos][1]
        if sep == close:
            return items, pos + 1
        if sep != ",":
            raise _TermSyntaxError(f"{text!r}: expected ',' or {close!r}, found {sep!r}")
        pos += 1


def show(term: Term) -> str:
    """The canonical text of ``term`` (no blanks, as Carneades 4 prints terms).

    Examples
    --------
    >>> show(parse("buy( volvo )"))
    'buy(volvo)'
    """
    kind = term[0]
    if kind == "cmp":
        if term[1] == "¬" and len(term[2]) == 1:
            return "¬" + show(term[2][0])
        return f"{term[1]}({','.join(show(a) for a in term[2])})"
    if kind == "list":
        return "[" + ",".join(show(a) for a in term[1]) + "]"
    return str(term[1])


def normalize(text: str) -> str:
    """``text`` in canonical form when it is a term, else unchanged (an opaque id).

    Examples
    --------
    >>> normalize("not a term!")
    'not a term!'
    """
    try:
        return show(parse(text))
    except _TermSyntaxError:
        return text


def functor(term: Term) -> str | None:
    """The predicate name of an atom or compound term (``None`` for anything else).

    Examples
    --------
    >>> functor(parse("price(volvo,low)")), functor(parse("X"))
    ('price', None)
    """
    if term[0] == "atom":
        return str(term[1])
    if term[0] == "cmp":
        return str(term[1])
    return None


def args_of(term: Term) -> tuple[Term, ...]:
    """The arguments of a compound term (none for other terms).

    Examples
    --------
    >>> [show(a) for a in args_of(parse("price(volvo,low)"))]
    ['volvo', 'low']
    """
    return tuple(term[2]) if term[0] == "cmp" else ()


def variables(term: Term) -> set[str]:
    """The names of the variables in ``term``.

    Examples
    --------
    >>> sorted(variables(parse("f(X,g(Y),a)")))
    ['X', 'Y']
    """
    if term[0] == "var":
        return {str(term[1])}
    if term[0] == "cmp":
        return set().union(*(variables(a) for a in term[2])) if term[2] else set()
    if term[0] == "list":
        return set().union(*(variables(a) for a in term[1])) if term[1] else set()
    return set()


def is_ground(term: Term) -> bool:
    """True when ``term`` has no variables.

    Examples
    --------
    >>> is_ground(parse("f(a)")), is_ground(parse("f(A)"))
    (True, False)
    """
    return not variables(term)


def match(pattern: Term, term: Term, bindings: Bindings) -> Bindings | None:
    """Extend ``bindings`` so that ``pattern`` becomes ``term``, or ``None`` when impossible.

    One-way matching: only the pattern's variables are bound (``term`` is ground).

    Examples
    --------
    >>> match(parse("f(X,X)"), parse("f(a,b)"), {}) is None
    True
    """
    if pattern[0] == "var":
        name = str(pattern[1])
        if name == "_":
            return bindings
        if name in bindings:
            return bindings if bindings[name] == term else None
        bound = dict(bindings)
        bound[name] = term
        return bound
    if pattern[0] != term[0]:
        return None
    if pattern[0] == "cmp":
        if pattern[1] != term[1] or len(pattern[2]) != len(term[2]):
            return None
        items_p, items_t = pattern[2], term[2]
    elif pattern[0] == "list":
        if len(pattern[1]) != len(term[1]):
            return None
        items_p, items_t = pattern[1], term[1]
    else:
        return bindings if pattern == term else None
    out: Bindings = bindings
    for p, t in zip(items_p, items_t, strict=True):
        step = match(p, t, out)
        if step is None:
            return None
        out = step
    return out


def substitute(term: Term, bindings: Bindings) -> Term:
    """``term`` with each bound variable replaced by its value.

    Examples
    --------
    >>> show(substitute(parse("f(X,Y)"), {"X": parse("a")}))
    'f(a,Y)'
    """
    if term[0] == "var":
        return bindings.get(str(term[1]), term)
    if term[0] == "cmp":
        return ("cmp", term[1], tuple(substitute(a, bindings) for a in term[2]))
    if term[0] == "list":
        return ("list", tuple(substitute(a, bindings) for a in term[1]))
    return term
