"""Critical questions on a map: for every argument with a scheme, which of its scheme's
questions the map answers and which stay open.

An attack or argument *answers* a critical question of argument ``A`` when its
``question`` field names the question (full id ``<scheme>.<key>``, or the key within
``A``'s scheme) and it touches ``A``: an attack whose target is ``A``, one of ``A``'s
premises or ``A``'s conclusion; an argument whose conclusion is one of ``A``'s premises.
(Not an argument for ``A``'s own conclusion: that is a sibling reason, and it would
answer the questions of every convergent argument at once.) Every other question of the
scheme is *open*.
Arguments whose scheme the catalogue does not know have no rows.

:func:`critical_questions_sparql` computes the same from the map's RDF with the named
query ``critical_questions`` (scheme names normalised in SPARQL exactly as
:func:`argmap.schemes.normalize_scheme_name` does), and both give
:meth:`QuestionTable.to_sets` for comparison.

Examples
--------
>>> from argmap import ArgumentMap
>>> m = ArgumentMap("q")
>>> r = m.recommendation("The U.S. should abstain.", id="abstain")
>>> a = m.argue([m.claim("The text is flawed.", id="flawed")], r, id="a",
...             scheme="practical reasoning")
>>> t = m.attack(m.claim("Abstaining costs influence.", id="cost"), a, id="t",
...              question="side-effects")
>>> table = critical_questions(m)
>>> [(row.key, row.status) for row in table][-1]
('side-effects', 'answered')
>>> len(table.open())
4
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any, Literal

from argmap.errors import MissingDependency
from argmap.model import Argument, Attack, Node
from argmap.schemes import CriticalQuestion, Scheme, SchemeCatalogue, default_catalogue

if TYPE_CHECKING:
    from argmap.map import ArgumentMap, Ref

__all__ = [
    "Answerers",
    "QuestionRow",
    "QuestionTable",
    "critical_questions",
    "critical_questions_sparql",
    "answerers_in",
    "open_question_keys",
    "question_rows",
    "questions_by_argument",
]

Status = Literal["answered", "open"]


@dataclass(frozen=True)
class QuestionRow:
    """One critical question of one argument.

    ``question`` is the full id, ``key`` its key within the scheme, ``answer_type`` what
    answering it means (rebut, undermine, undercut), ``premise_role`` the role an
    undermining question concerns, ``premises`` the argument's premises, ``answered_by``
    the ids of the attacks and arguments that answer it (empty when open), ``quotes``
    the exact quotes anchoring the argument and its conclusion.
    """

    argument: str
    conclusion: str
    scheme: str
    scheme_label: str
    question: str
    key: str
    text: str
    answer_type: str
    premise_role: str | None
    premises: tuple[str, ...]
    status: Status
    answered_by: tuple[str, ...]
    quotes: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        """The row as plain JSON-ready data (tuples become lists)."""
        return {k: list(v) if isinstance(v, tuple) else v for k, v in asdict(self).items()}


class QuestionTable(list[QuestionRow]):
    """The rows of :func:`critical_questions`, in argument then question order."""

    def open(self) -> QuestionTable:
        """The open questions only."""
        return QuestionTable(r for r in self if r.status == "open")

    def answered(self) -> QuestionTable:
        """The answered questions only."""
        return QuestionTable(r for r in self if r.status == "answered")

    def to_dicts(self) -> list[dict[str, Any]]:
        """Every row as a dict (see :meth:`QuestionRow.to_dict`)."""
        return [r.to_dict() for r in self]

    def to_frame(self) -> Any:
        """A pandas DataFrame (pandas is optional: ``pip install 'argmap[pandas]'``)."""
        try:
            import pandas as pd
        except ImportError:
            raise MissingDependency(
                "QuestionTable.to_frame needs pandas: pip install 'argmap[pandas]'"
            ) from None
        columns = list(QuestionRow.__dataclass_fields__)
        return pd.DataFrame([asdict(r) for r in self], columns=columns)

    def to_sets(self, m: ArgumentMap) -> frozenset[tuple[str, str, str, frozenset[str]]]:
        """``(argument IRI, question id, status, answering IRIs)``: comparable across engines."""
        return frozenset(
            (m.iri_of(r.argument), r.question, r.status,
             frozenset(m.iri_of(x) for x in r.answered_by))
            for r in self
        )


def _behind(m: ArgumentMap, rec: str) -> list[Argument]:
    """The arguments in the support tree behind ``rec`` (any depth)."""
    seen: set[str] = set()
    out: list[Argument] = []
    todo = [rec]
    done: set[str] = set()
    while todo:
        node = todo.pop()
        if node in done:
            continue
        done.add(node)
        for a in m.arguments_for(node):
            if a.id not in seen:
                seen.add(a.id)
                out.append(a)
                todo.extend(a.premises)
    return out


Answerers = tuple[dict[str, list[tuple[str, str]]], dict[str, list[tuple[str, str]]]]
"""``(attacks, arguments)`` of :func:`answerers_in`."""


def answerers_in(nodes: Iterable[Node]) -> Answerers:
    """``(attacks, arguments)``: for each node id, ``(answerer id, question string)`` of the
    attacks among ``nodes`` that target it and of the arguments that conclude in it, with a
    ``question``."""
    attacks: dict[str, list[tuple[str, str]]] = {}
    arguments: dict[str, list[tuple[str, str]]] = {}
    for n in nodes:
        question = getattr(n, "question", None)
        if question is None:
            continue
        if isinstance(n, Attack):
            attacks.setdefault(n.target, []).append((n.id, question))
        elif isinstance(n, Argument):
            arguments.setdefault(n.conclusion, []).append((n.id, question))
    return attacks, arguments


def question_rows(
    args: Iterable[Argument],
    nodes: Mapping[str, Node],
    answerers: Answerers | None = None,
    *,
    catalogue: SchemeCatalogue | None = None,
) -> QuestionTable:
    """The rows of :func:`critical_questions` for ``args`` (in the order given), reading
    the other nodes from ``nodes`` (id -> model: a map's, or a trace's snapshot).

    ``answerers`` (from :func:`answerers_in` over ``nodes.values()``) may be passed when
    it is at hand; the catalogue is loaded only when some argument names a scheme.

    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap("q")
    >>> a = m.argue([m.claim("P.", id="p")], m.claim("C.", id="c"), id="a", scheme="sign")
    >>> [r.key for r in question_rows([a], {n.id: n for n in m})]
    ['observed', 'other-causes', 'strength']
    """
    rows = QuestionTable()
    resolved: dict[str, Scheme | None] = {}
    static: dict[str, list[tuple[CriticalQuestion, dict[str, Any]]]] = {}
    cat = catalogue
    new = object.__new__
    for a in args:
        if a.scheme is None:
            continue
        if a.scheme not in resolved:
            if cat is None:  # loaded only for a map that names some scheme
                cat = default_catalogue()
            resolved[a.scheme] = cat.resolve(a.scheme)
        scheme = resolved[a.scheme]
        if scheme is None:
            continue
        if answerers is None:
            answerers = answerers_in(nodes.values())
        by_attack, by_argument = answerers
        if scheme.key not in static:
            static[scheme.key] = [
                (q, {"scheme": scheme.key, "scheme_label": scheme.label, "question": q.id,
                     "key": q.key, "text": q.text, "answer_type": q.answer,
                     "premise_role": q.premise})
                for q in scheme.questions
            ]
        near = [
            *(p for node in (a.id, a.conclusion, *a.premises) for p in by_attack.get(node, ())),
            *(p for node in a.premises for p in by_argument.get(node, ())),
        ] if by_attack or by_argument else None
        base = {"argument": a.id, "conclusion": a.conclusion, "premises": a.premises,
                "quotes": _quotes(nodes, (a.id, a.conclusion))}
        for q, fixed in static[scheme.key]:
            by = (
                tuple(sorted({x for x, asked in near if asked == q.id or asked == q.key}))
                if near else ()
            )
            # The fields are checked above, so the row is filled in directly: a frozen
            # dataclass's own __init__ costs ten times as much, and traces make thousands.
            row = new(QuestionRow)
            row.__dict__.update(
                base, **fixed, status="answered" if by else "open", answered_by=by
            )
            rows.append(row)
    return rows


def _quotes(nodes: Mapping[str, Node], ids: Iterable[str]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for nid in ids:
        node = nodes.get(nid)
        for anchor in node.anchors if node is not None else ():
            seen.setdefault(anchor.exact, None)
    return tuple(seen)


def critical_questions(
    m: ArgumentMap,
    rec: Ref | None = None,
    *,
    catalogue: SchemeCatalogue | None = None,
    arguments: Iterable[str] | None = None,
) -> QuestionTable:
    """Every critical question of every argument with a known scheme, open or answered.

    With ``rec``, only the arguments in the support tree behind that statement; with
    ``arguments`` (ids), only those (a picture asks for the arguments it draws). The
    catalogue defaults to :func:`argmap.schemes.default_catalogue`.
    """
    if rec is None:
        args = sorted(m.arguments(), key=lambda a: a.id)
    else:
        args = sorted(_behind(m, m.resolve(rec)), key=lambda a: a.id)
    if arguments is not None:
        wanted = set(arguments)
        args = [a for a in args if a.id in wanted]
    return question_rows(args, _NodesOf(m), catalogue=catalogue)


def open_question_keys(
    m: ArgumentMap, *, catalogue: SchemeCatalogue | None = None
) -> list[tuple[str, str, str, tuple[str, ...]]]:
    """``(argument, conclusion, scheme label, keys of its open questions)`` for each argument
    with an open question, in argument order: :func:`critical_questions` grouped by argument
    (the validation rule ``open-critical-question`` uses it).

    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap("q"); _ = m.argue([m.claim("P.", id="p")], m.claim("C.", id="c"),
    ...     scheme="argument from expert opinion", id="a")
    >>> open_question_keys(m)[0][:3]
    ('a', 'c', 'argument from expert opinion')
    """
    found: dict[str, tuple[str, str, str, list[str]]] = {}
    for row in critical_questions(m, catalogue=catalogue):
        if row.status == "open":
            entry = found.setdefault(
                row.argument, (row.argument, row.conclusion, row.scheme_label, [])
            )
            entry[3].append(row.key)
    return [(a, c, label, tuple(keys)) for a, c, label, keys in found.values()]


class _NodesOf(Mapping[str, Node]):
    """A map's nodes as a read-only mapping (no copy)."""

    def __init__(self, m: ArgumentMap) -> None:
        self.m = m

    def __getitem__(self, key: str) -> Node:
        return self.m[key]

    def get(self, key: str, default: Any = None) -> Any:
        return self.m.get(key, default)

    def __iter__(self) -> Iterator[str]:
        return (n.id for n in self.m)

    def __len__(self) -> int:
        return len(self.m)

    def values(self) -> Any:
        return iter(self.m)


def questions_by_argument(
    m: ArgumentMap, *, catalogue: SchemeCatalogue | None = None
) -> dict[str, QuestionTable]:
    """The open questions of each argument that has any, by argument id.

    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap("q")
    >>> _ = m.argue([m.claim("P.", id="p")], m.claim("C.", id="c"), id="a", scheme="sign")
    >>> [r.key for r in questions_by_argument(m)["a"]]
    ['observed', 'other-causes', 'strength']
    """
    out: dict[str, QuestionTable] = {}
    for row in critical_questions(m, catalogue=catalogue).open():
        out.setdefault(row.argument, QuestionTable()).append(row)
    return out


def critical_questions_sparql(
    source: Any, *, catalogue: SchemeCatalogue | None = None
) -> frozenset[tuple[str, str, str, frozenset[str]]]:
    """The twin of :func:`critical_questions` (whole map) by SPARQL over ``source`` (an
    rdflib Graph or a pyoxigraph Store holding one exported map), as
    :meth:`QuestionTable.to_sets` gives it.

    >>> from argmap import ArgumentMap, to_rdflib
    >>> m = ArgumentMap("q")
    >>> _ = m.argue([m.claim("P.", id="p")], m.claim("C.", id="c"), id="a", scheme="Sign")
    >>> critical_questions_sparql(to_rdflib(m)) == critical_questions(m).to_sets(m)
    True
    """
    from argmap.query.sparql import run_query

    cat = catalogue if catalogue is not None else default_catalogue()
    rows = run_query(source, "critical_questions")
    schemes: dict[str, str] = {}
    near: dict[str, set[tuple[str, str]]] = {}
    for r in rows:
        scheme = cat.by_normalized(r["name"])
        if scheme is None:
            continue
        schemes[r["argument"]] = scheme.key
        pairs = near.setdefault(r["argument"], set())
        if r["answerer"] is not None:
            pairs.add((r["answerer"], r["question"]))
    out = set()
    for arg, key in schemes.items():
        for q in cat[key].questions:
            by = frozenset(x for x, asked in near[arg] if asked in (q.id, q.key))
            out.add((arg, q.id, "answered" if by else "open", by))
    return frozenset(out)
