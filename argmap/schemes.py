"""Argumentation schemes and their critical questions, as a catalogue.

A :class:`Scheme` is a recurring pattern of inference (practical reasoning, argument from
expert opinion, ...) with named premise roles and the critical questions that test an
argument built on it. Each :class:`CriticalQuestion` says what answering it against an
argument amounts to: an undermining of a named premise, an undercut of the inference or
a rebuttal of the conclusion (``answer``).

The built-in catalogue ships as ``argmap/data/schemes.ttl`` (RDF, in the argmap
ontology's terms: ``am:Scheme``, ``am:PremiseRole``, ``am:CriticalQuestion``).
:func:`default_catalogue` loads it; :meth:`SchemeCatalogue.load` adds users' own schemes
from a YAML, TOML or Turtle file; :meth:`SchemeCatalogue.resolve` finds a scheme by any
of its names, forgiving case, spacing, ``CamelCase`` and a leading "argument from" (so
the AIF names ``VerbalClassification`` and ``Example`` find their schemes).

A question's identifier is ``<scheme key>.<question key>`` (``practical-reasoning.
side-effects``); an argument or attack names the question it answers in its
``question`` field, by full identifier or by key within the scheme of the argument.

Examples
--------
>>> cat = default_catalogue()
>>> cat.resolve("Argument from Expert Opinion").key
'expert-opinion'
>>> cat.resolve("VerbalClassification").label
'argument from verbal classification'
>>> [q.id for q in cat["practical reasoning"].questions][-1]
'practical-reasoning.side-effects'
>>> cat["practical reasoning"].question("side-effects").answer
'rebut'
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import rdflib
import yaml
from pydantic import BaseModel, ConfigDict, ValidationError
from rdflib.namespace import RDF, RDFS

from argmap.errors import SchemeError, UnknownScheme
from argmap.model import AttackType
from argmap.namespace import AM

__all__ = [
    "SCHEMES_NS",
    "CriticalQuestion",
    "PremiseRole",
    "Scheme",
    "SchemeCatalogue",
    "default_catalogue",
    "normalize_scheme_name",
]

#: Where the catalogue's schemes, roles and questions get their IRIs.
SCHEMES_NS = "https://w3id.org/argmap/schemes#"
_KEY = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
_ANSWER_IRI: dict[str, rdflib.URIRef] = {
    "rebut": AM.Rebut, "undermine": AM.Undermine, "undercut": AM.Undercut,
}
_ANSWER_OF = {v: k for k, v in _ANSWER_IRI.items()}

# The normalisation steps, in order; the SPARQL twin (argmap/queries/critical_questions.rq)
# applies the same regular expressions with REPLACE, so the two resolve names alike.
_STEPS: tuple[tuple[str, str], ...] = (
    (r"[^a-z0-9]+", " "),
    (r"^ +| +$", ""),
    (r"^(argument (from|by|of) |argument |appeal to |from |the )", ""),
    (r" (argument|scheme)$", ""),
)
_CAMEL = re.compile(r"([a-z0-9])([A-Z])")
_COMPILED = tuple((re.compile(p), r) for p, r in _STEPS)


def normalize_scheme_name(name: str) -> str:
    """The form under which a scheme name is looked up.

    ``CamelCase`` is split, case, punctuation and spacing are ignored, and a leading
    "argument from", "argument", "appeal to", "from" or "the" and a trailing "argument" or
    "scheme" are dropped.

    >>> normalize_scheme_name("Argument from Expert_Opinion")
    'expert opinion'
    >>> normalize_scheme_name("AlternativesArgument")
    'alternatives'
    """
    text = _CAMEL.sub(r"\1 \2", name).lower()
    for pattern, repl in _COMPILED:
        text = pattern.sub(repl, text)
    return text


@dataclass(frozen=True)
class PremiseRole:
    """The part one premise plays in a scheme.

    >>> PremiseRole("goal", "goal premise").label
    'goal premise'
    """

    key: str
    label: str
    comment: str = ""


@dataclass(frozen=True)
class CriticalQuestion:
    """A question that tests an argument built on scheme ``scheme`` (a scheme key).

    ``answer`` is what answering it against the argument amounts to (``undermine`` the
    premise role ``premise``, ``undercut`` the inference, ``rebut`` the conclusion).

    >>> CriticalQuestion("analogy", "differences", "Do the cases differ?", "undercut").id
    'analogy.differences'
    """

    scheme: str
    key: str
    text: str
    answer: AttackType
    premise: str | None = None

    @property
    def id(self) -> str:
        """``<scheme key>.<question key>``: how a map's ``question`` field names it."""
        return f"{self.scheme}.{self.key}"


@dataclass(frozen=True)
class Scheme:
    """An argumentation scheme: its key, label, aliases, premise roles and questions."""

    key: str
    label: str
    comment: str = ""
    aliases: tuple[str, ...] = ()
    premises: tuple[PremiseRole, ...] = ()
    questions: tuple[CriticalQuestion, ...] = field(default=())

    def question(self, ref: str) -> CriticalQuestion | None:
        """The question named ``ref`` (its key, or its full id), or None.

        >>> default_catalogue()["analogy"].question("analogy.differences").key
        'differences'
        """
        for q in self.questions:
            if ref == q.key or ref == q.id:
                return q
        return None

    def names(self) -> tuple[str, ...]:
        """Every name the scheme answers to: key, label and aliases."""
        return (self.key, self.label, *self.aliases)


# ----------------------------------------------------------------- user files


class _RoleIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    key: str
    label: str
    comment: str = ""


class _QuestionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    key: str
    text: str
    answer: Literal["rebut", "undermine", "undercut"]
    premise: str | None = None


class _SchemeIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    key: str
    label: str
    comment: str = ""
    aliases: list[str] = []
    premises: list[_RoleIn] = []
    questions: list[_QuestionIn] = []


class _FileIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    schemes: list[_SchemeIn]


def _check_scheme(s: Scheme, where: str) -> Scheme:
    if not _KEY.fullmatch(s.key):
        raise SchemeError(f"{where}: scheme key {s.key!r} is not lower-case words joined by '-'")
    roles = [r.key for r in s.premises]
    for key in roles + [q.key for q in s.questions]:
        if not _KEY.fullmatch(key):
            raise SchemeError(
                f"{where}: scheme {s.key!r}: key {key!r} is not lower-case words joined by '-'"
            )
    for what, keys in (("premise role", roles), ("question", [q.key for q in s.questions])):
        if len(set(keys)) != len(keys):
            raise SchemeError(f"{where}: scheme {s.key!r} names one {what} key twice")
    for q in s.questions:
        if q.premise is not None and q.premise not in roles:
            raise SchemeError(
                f"{where}: question {q.id!r} concerns premise {q.premise!r}, which scheme "
                f"{s.key!r} does not have (it has: {', '.join(roles) or 'none'})"
            )
        if q.answer == "undermine" and q.premise is None:
            raise SchemeError(f"{where}: question {q.id!r} undermines but names no premise")
    return s


def _from_records(data: Any, where: str) -> list[Scheme]:
    try:
        parsed = _FileIn.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(x) for x in e['loc'])}: {e['msg']}" for e in exc.errors()
        )
        raise SchemeError(f"{where}: not a scheme file ({problems})") from None
    return [
        _check_scheme(
            Scheme(
                key=s.key, label=s.label, comment=s.comment, aliases=tuple(s.aliases),
                premises=tuple(PremiseRole(r.key, r.label, r.comment) for r in s.premises),
                questions=tuple(
                    CriticalQuestion(s.key, q.key, q.text, q.answer, q.premise)
                    for q in s.questions
                ),
            ),
            where,
        )
        for s in parsed.schemes
    ]


def _one(g: rdflib.Graph, s: Any, p: Any, where: str, what: str) -> Any:
    values = list(g.objects(s, p))
    if len(values) != 1:
        raise SchemeError(f"{where}: {what} {s} needs exactly one {g.qname(p)}, has {len(values)}")
    return values[0]


def _from_graph(g: rdflib.Graph, where: str) -> list[Scheme]:
    out = []
    for s in sorted(g.subjects(RDF.type, AM.Scheme), key=str):
        key = str(_one(g, s, AM.key, where, "scheme"))
        roles: dict[Any, PremiseRole] = {}
        for r in sorted(g.objects(s, AM.premiseRole), key=str):
            rkey = str(_one(g, r, AM.key, where, "premise role"))
            roles[r] = PremiseRole(
                rkey, str(_one(g, r, RDFS.label, where, "premise role")),
                str(g.value(r, RDFS.comment) or ""),
            )
        questions = []
        for q in sorted(g.objects(s, AM.criticalQuestion), key=str):
            answer = _ANSWER_OF.get(_one(g, q, AM.answerType, where, "question"))
            if answer is None:
                raise SchemeError(f"{where}: question {q}: am:answerType is not "
                                  "am:Rebut, am:Undermine or am:Undercut")
            role = g.value(q, AM.concernsPremise)
            if role is not None and role not in roles:
                raise SchemeError(f"{where}: question {q} concerns {role}, "
                                  f"not a premise role of scheme {key!r}")
            questions.append(CriticalQuestion(
                key, str(_one(g, q, AM.key, where, "question")),
                str(_one(g, q, AM.questionText, where, "question")), answer,  # type: ignore[arg-type]
                roles[role].key if role is not None else None,
            ))
        out.append(_check_scheme(Scheme(
            key, str(_one(g, s, RDFS.label, where, "scheme")),
            str(g.value(s, RDFS.comment) or ""),
            tuple(sorted(str(a) for a in g.objects(s, AM.alias))),
            tuple(sorted(roles.values(), key=lambda r: r.key)),
            tuple(sorted(questions, key=lambda q: q.key)),
        ), where))
    return out


# ----------------------------------------------------------------- the catalogue


class SchemeCatalogue:
    """Schemes by key, with a lookup by any name (see :func:`normalize_scheme_name`).

    >>> cat = SchemeCatalogue([Scheme("from-precedent", "argument from precedent")])
    >>> cat.resolve("Precedent").key, len(cat), cat.resolve("nope") is None
    ('from-precedent', 1, True)
    """

    def __init__(self, schemes: Iterable[Scheme] = ()) -> None:
        self._schemes: dict[str, Scheme] = {}
        self._names: dict[str, str] = {}
        for s in schemes:
            self.add(s)

    def __len__(self) -> int:
        return len(self._schemes)

    def __iter__(self) -> Iterator[Scheme]:
        return iter(self._schemes.values())

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and self.resolve(name) is not None

    def __getitem__(self, name: str) -> Scheme:
        found = self.resolve(name)
        if found is None:
            raise UnknownScheme(f"no scheme in the catalogue answers to {name!r}")
        return found

    def __repr__(self) -> str:
        return f"<SchemeCatalogue of {len(self)} schemes>"

    def copy(self) -> SchemeCatalogue:
        """A catalogue with the same schemes, to add to without touching this one."""
        return SchemeCatalogue(self)

    def resolve(self, name: str) -> Scheme | None:
        """The scheme that answers to ``name`` (key, label or alias, in any spelling)."""
        key = self._names.get(normalize_scheme_name(name))
        return None if key is None else self._schemes[key]

    def by_normalized(self, normalized: str) -> Scheme | None:
        """The scheme whose name normalises to ``normalized`` (see the SPARQL twin)."""
        key = self._names.get(normalized)
        return None if key is None else self._schemes[key]

    def question(self, qid: str) -> CriticalQuestion | None:
        """The question with full id ``<scheme key>.<question key>``, or None."""
        scheme, _, key = qid.partition(".")
        s = self._schemes.get(scheme)
        return None if s is None else s.question(key)

    def add(self, scheme: Scheme, *, replace: bool = False) -> None:
        """Add ``scheme``; with ``replace`` it takes the place of the scheme of its key.

        A name (key, label or alias) that another scheme already answers to is refused,
        and so is a second scheme with the same key unless ``replace`` is set.
        """
        _check_scheme(scheme, "SchemeCatalogue.add")
        old = self._schemes.get(scheme.key)
        if old is not None and not replace:
            raise SchemeError(f"scheme {scheme.key!r} is already in the catalogue; "
                              "pass replace=True to put the new one in its place")
        names = {normalize_scheme_name(n) for n in scheme.names()} - {""}
        for n in names:
            other = self._names.get(n)
            if other is not None and other != scheme.key:
                raise SchemeError(
                    f"scheme {scheme.key!r}: the name {n!r} already belongs to scheme {other!r}"
                )
        if old is not None:
            for n in {normalize_scheme_name(x) for x in old.names()}:
                self._names.pop(n, None)
        self._schemes[scheme.key] = scheme
        for n in names:
            self._names[n] = scheme.key

    def load(self, path: str | Path, *, format: str | None = None,
             replace: bool = False) -> SchemeCatalogue:
        """A new catalogue: this one plus the schemes of a YAML, TOML or Turtle file.

        ``format`` is ``yaml``, ``toml`` or ``turtle`` (default: from the file's suffix).
        A file that fails leaves this catalogue as it was (the result is a copy).
        """
        p = Path(path)
        try:
            text = p.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise SchemeError(f"{p}: cannot read the scheme file: {exc}") from None
        return self.loads(text, format=format or _format_of(p), where=str(p), replace=replace)

    def loads(self, text: str, *, format: str, where: str = "<string>",
              replace: bool = False) -> SchemeCatalogue:
        """Like :meth:`load`, from text.

        >>> cat = default_catalogue().loads('''
        ... schemes:
        ...   - key: precedent
        ...     label: argument from precedent
        ...     premises: [{key: case, label: precedent case}]
        ...     questions:
        ...       - {key: differs, text: "Does this case differ?", answer: undercut}
        ... ''', format="yaml")
        >>> cat.resolve("Precedent").questions[0].id
        'precedent.differs'
        """
        schemes = _parse(text, format, where)
        out = self.copy()
        for s in schemes:
            try:
                out.add(s, replace=replace)
            except SchemeError as exc:
                raise SchemeError(f"{where}: {exc}") from None
        return out

    def to_graph(self) -> rdflib.Graph:
        """The catalogue as RDF, in the ontology's terms (what schemes.ttl holds)."""
        g = rdflib.Graph()
        g.bind("am", str(AM._NS))
        g.bind("sch", SCHEMES_NS)
        for s in self:
            node = rdflib.URIRef(SCHEMES_NS + s.key)
            g.add((node, RDF.type, AM.Scheme))
            g.add((node, AM.key, rdflib.Literal(s.key)))
            g.add((node, RDFS.label, rdflib.Literal(s.label)))
            if s.comment:
                g.add((node, RDFS.comment, rdflib.Literal(s.comment)))
            for a in s.aliases:
                g.add((node, AM.alias, rdflib.Literal(a)))
            for r in s.premises:
                rn = rdflib.URIRef(f"{SCHEMES_NS}{s.key}.{r.key}")
                g.add((node, AM.premiseRole, rn))
                g.add((rn, RDF.type, AM.PremiseRole))
                g.add((rn, AM.key, rdflib.Literal(r.key)))
                g.add((rn, RDFS.label, rdflib.Literal(r.label)))
                if r.comment:
                    g.add((rn, RDFS.comment, rdflib.Literal(r.comment)))
            for q in s.questions:
                qn = rdflib.URIRef(f"{SCHEMES_NS}{q.id}.q")
                g.add((node, AM.criticalQuestion, qn))
                g.add((qn, RDF.type, AM.CriticalQuestion))
                g.add((qn, AM.key, rdflib.Literal(q.key)))
                g.add((qn, AM.questionText, rdflib.Literal(q.text)))
                g.add((qn, AM.answerType, _ANSWER_IRI[q.answer]))
                if q.premise is not None:
                    g.add((qn, AM.concernsPremise,
                           rdflib.URIRef(f"{SCHEMES_NS}{s.key}.{q.premise}")))
        return g

    @classmethod
    def from_graph(cls, g: rdflib.Graph, *, where: str = "<graph>") -> SchemeCatalogue:
        """The schemes an RDF graph describes (``am:Scheme`` nodes)."""
        return cls(_from_graph(g, where))


def _format_of(p: Path) -> str:
    suffix = p.suffix.lower()
    fmt = {".yaml": "yaml", ".yml": "yaml", ".toml": "toml", ".ttl": "turtle"}.get(suffix)
    if fmt is None:
        raise SchemeError(f"{p}: cannot tell the scheme file's format from {suffix!r}; "
                          "name it .yaml, .toml or .ttl (or pass --scheme-format)")
    return fmt


def _parse(text: str, format: str, where: str) -> list[Scheme]:
    if format == "yaml":
        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            raise SchemeError(f"{where}: not valid YAML: {exc}") from None
        return _from_records(data, where)
    if format == "toml":
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise SchemeError(f"{where}: not valid TOML: {exc}") from None
        return _from_records(data, where)
    if format == "turtle":
        try:
            g = rdflib.Graph().parse(data=text, format="turtle")
        except Exception as exc:  # rdflib raises many kinds for bad syntax
            raise SchemeError(f"{where}: not valid Turtle: {exc}") from None
        return _from_graph(g, where)
    raise SchemeError(f"{where}: unknown scheme file format {format!r}: use yaml, toml or turtle")


@cache
def _builtin() -> tuple[Scheme, ...]:
    text = resources.files("argmap").joinpath("data/schemes.ttl").read_text("utf-8")
    return tuple(_parse(text, "turtle", "argmap/data/schemes.ttl"))


def default_catalogue() -> SchemeCatalogue:
    """The built-in catalogue (a fresh copy: add to it freely).

    >>> len(default_catalogue()) >= 14
    True
    """
    return SchemeCatalogue(_builtin())
