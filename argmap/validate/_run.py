"""``validate``: run the rules on a map, an rdflib graph, a file or RDF text.

An :class:`~argmap.ArgumentMap` goes straight to the map rules. RDF (a graph, an RDF
file, RDF text) is first checked triple by triple for structural problems the in-memory
map could never hold; then, when the triples load into a map, the logical, grounding and
hygiene rules run on it. Other formats (Argdown, AIF JSON, ...) are loaded and checked as
maps.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from itertools import repeat
from operator import itemgetter
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from argmap.errors import ArgmapError, LimitExceeded, ParseError
from argmap.io.rdf_guard import guard_rdf
from argmap.limits import check_size, input_path, read_capped
from argmap.map import ArgumentMap
from argmap.rdf import SYNTAXES
from argmap.util import no_gc
from argmap.validate._catalog import CATEGORIES, RULES
from argmap.validate._finding import SEVERITY_RANK, Finding, RuleError, Severity, check_severity
from argmap.validate._lazy import LazyFindings, Record, records_of, sort_records
from argmap.validate._maprules import MAP_RULES, MapIndex
from argmap.validate._report import ValidationReport
from argmap.validate._structural import check_triples

__all__ = ["RDF_SYNTAXES", "RdfInput", "UserRule", "read_input", "validate"]

_ids_of = itemgetter(0)  # a hit's node ids

UserRule = Callable[[ArgumentMap], Iterable[Finding]]

RDF_SYNTAXES = SYNTAXES  # the RDF syntaxes validate reads triple by triple


@dataclass
class RdfInput:
    """Parsed RDF: the raw data and its syntax (to load it as a map), the triples or quads
    (for the structural rules), and where they came from."""

    data: bytes
    syntax: str
    quads: list[Any]
    file: str | None
    subject: str

    def load(self) -> ArgumentMap:
        """The map these triples describe (the format registry's reader)."""
        from argmap.io import get

        loads = get(self.syntax).loads
        assert loads is not None
        return loads(self.data, filename=self.file)


def _parse_rdf(data: bytes, syntax: str, file: str | None, subject: str) -> RdfInput:
    fmt = RDF_SYNTAXES[syntax]
    check_size(len(data), file=file)
    data = guard_rdf(data, syntax, file)  # the same guards as argmap.load
    try:
        quads = list(ox.parse(data, format=fmt))
    except MemoryError as exc:
        if "buffer maximal size" not in str(exc):
            raise
        raise LimitExceeded(
            f"not valid {fmt.name} for argmap: one term is longer than the RDF parser's "
            "buffer of 16 MiB (pyoxigraph); split the text",
            file=file,
        ) from None
    except SyntaxError as exc:
        message = re.sub(r"^Parser error at line \d+ column \d+: ", "", str(exc))
        raise ParseError(
            f"not valid {fmt.name}: {message}", file=file, line=exc.lineno, column=exc.offset
        ) from None
    except ValueError as exc:
        raise ParseError(f"not valid {fmt.name}: {exc}", file=file) from None
    return RdfInput(data, syntax, quads, file, subject)


def _sniff_syntax(data: bytes) -> str:
    head = data[:4096].lstrip()
    if head.startswith((b"{", b"[")):
        return "jsonld"
    if head.startswith((b"<?xml", b"<rdf:RDF")):
        return "xml"
    return "trig"


def _looks_like_rdf_text(text: str) -> bool:
    head = text.lstrip()[:200]
    return "\n" in text or head.startswith(("@", "<", "{", "[", "PREFIX", "prefix", "BASE", "#"))


def _from_rdflib(graph: Any) -> RdfInput:
    quads = graph.__class__.__name__ in ("Dataset", "ConjunctiveGraph")
    syntax = "nquads" if quads else "nt"
    data = graph.serialize(format=syntax, encoding="utf-8")
    return _parse_rdf(data, syntax, None, "rdflib graph")


def read_input(
    source: ArgumentMap | Any, format: str | None = None
) -> ArgumentMap | RdfInput:
    """A map, or parsed RDF, from whatever :func:`validate` accepts.

    Raises :class:`~argmap.errors.ParseError` for input that cannot be read at all
    (a missing file, broken syntax) and :class:`~argmap.errors.FormatError` for an
    unknown format.
    """
    if isinstance(source, ArgumentMap):
        return source
    if hasattr(source, "serialize") and hasattr(source, "triples"):
        return _from_rdflib(source)
    if isinstance(source, str) and not _looks_like_rdf_text(source):
        source = input_path(source)
    if isinstance(source, os.PathLike):
        from argmap.io import get, guess, load, strip_bom

        path = Path(source)
        if not path.exists() or path.is_dir():
            what = "is a folder, not a file" if path.is_dir() else "no such file"
            raise ParseError(what, file=str(path))
        try:
            data = strip_bom(read_capped(path))
        except OSError as exc:
            raise ParseError(f"cannot read: {exc.strerror}", file=str(path)) from None
        fmt = get(format) if format else guess(path, data[:4096])
        if fmt.name in RDF_SYNTAXES:
            return _parse_rdf(data, fmt.name, str(path), path.name)
        return load(path, fmt.name)
    if isinstance(source, str | bytes):
        from argmap.io import strip_bom

        data = strip_bom(source.encode("utf-8") if isinstance(source, str) else source)
        if format is not None:
            from argmap.io import get, loads

            fmt = get(format)
            if fmt.name not in RDF_SYNTAXES:
                return loads(data, fmt.name)
            return _parse_rdf(data, fmt.name, None, "RDF text")
        syntax = _sniff_syntax(data)
        try:
            return _parse_rdf(data, syntax, None, "RDF text")
        except ParseError:
            if syntax != "trig":
                raise
            try:
                return _parse_rdf(data, "nquads", None, "RDF text")
            except ParseError:
                pass
            raise
    raise TypeError(
        f"validate: cannot read a {type(source).__name__}; give an ArgumentMap, an rdflib "
        "Graph, a path, or RDF text"
    )


def _not_loadable(exc: Exception, file: str | None, found: list[Finding]) -> Finding:
    """The not-loadable finding: an error with the reader's reason when no structural error
    explains the failure, else an info note that the other rules did not run."""
    rule = RULES["not-loadable"]
    if any(f.severity == "error" for f in found):
        return Finding(
            rule.id, "info",
            "The map cannot be loaded until the errors above are fixed, so the logical, "
            "grounding and hygiene rules did not run.",
        )
    reason = str(exc)
    if (file and reason.startswith(file + ", ")) or (file and reason.startswith(file + ": ")):
        reason = reason[len(file) + 2:]
    return Finding(
        rule.id, rule.severity,
        f"The RDF cannot be read as an argument map, so only the structural rules ran: {reason}",
    )


def expand_rules(names: str | Iterable[str], what: str, lenient: bool) -> set[str]:
    if isinstance(names, str):
        names = [names]
    out: set[str] = set()
    for name in names:
        if name in CATEGORIES:
            out |= {r.id for r in RULES.values() if r.category == name}
        elif name in RULES or lenient:
            out.add(name)
        else:
            raise RuleError(
                f"{what}: there is no rule or category {name!r}; rules are "
                f"{', '.join(sorted(RULES))}; categories are {', '.join(CATEGORIES)}"
            )
    return out


def _severity_map(
    severities: Mapping[str, str] | None, lenient: bool
) -> dict[str, Severity]:
    out: dict[str, Severity] = {}
    if not severities:
        return out
    # categories first, so a rule named on its own wins over its category
    for key, value in sorted(severities.items(), key=lambda kv: kv[0] not in CATEGORIES):
        sev = check_severity(value, f"severities[{key!r}]")
        for rule in expand_rules(key, "severities", lenient):
            out[rule] = sev
    return out


def validate(
    source: ArgumentMap | Any,
    *,
    rules: str | Iterable[str] | None = None,
    disable: str | Iterable[str] = (),
    severities: Mapping[str, str] | None = None,
    extra_rules: Iterable[UserRule] = (),
    format: str | None = None,
) -> ValidationReport:
    """Check a map for consistency and return a :class:`ValidationReport`.

    Parameters
    ----------
    source:
        An :class:`~argmap.ArgumentMap`, an :class:`rdflib.Graph`, a path (any format
        argmap reads), or RDF text (Turtle, N-Triples, TriG, N-Quads, JSON-LD, RDF/XML).
    rules:
        Run only these rule ids or categories (``"structural"``, ``"logical"``,
        ``"grounding"``, ``"hygiene"``); default all.
    disable:
        Rule ids or categories to skip (also applies to the rule ids of ``extra_rules``).
    severities:
        Change severities: ``{"orphan-node": "info", "grounding": "error"}``; keys are
        rule ids (built-in or your own) or categories.
    extra_rules:
        Your own rules: plain functions ``(m) -> Iterable[Finding]``
        (see :meth:`Finding.of`). They run on the map (for RDF input, once it loads).
    format:
        The input format, when a path or text does not tell.

    Returns
    -------
    ValidationReport

    Raises
    ------
    ParseError
        The input cannot be read at all (no such file, broken syntax).
    RuleError
        An unknown rule id or category, or a bad severity.

    Examples
    --------
    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap("x")
    >>> r = m.recommendation("The U.S. should abstain.", id="abstain")
    >>> report = validate(m, disable="grounding")
    >>> [f.rule for f in report]
    ['orphan-node']
    >>> report.ok
    True
    >>> validate(m, rules=["unsupported-recommendation"]).ok
    False

    RDF input is checked triple by triple first:

    >>> ttl = '''@prefix am: <https://w3id.org/argmap/ns#> .
    ... <http://ex.org/a> a am:Argument ; am:premise <http://ex.org/nowhere> .'''
    >>> sorted(f.rule for f in validate(ttl, rules="structural"))
    ['argument-without-conclusion', 'dangling-reference', 'not-loadable']

    A rule of your own:

    >>> def no_tbd(m):
    ...     for s in m.statements():
    ...         if "TBD" in s.text:
    ...             yield Finding.of(m, "no-tbd", "This statement is a placeholder.", s)
    >>> _ = m.claim("TBD", id="todo")
    >>> [f.rule for f in validate(m, rules=[], extra_rules=[no_tbd])]
    ['no-tbd']
    """
    # Every step builds many small containers and no reference cycles; the collector's full
    # passes over a million node models would cost more than the work itself.
    with no_gc():
        return _validate(source, rules, disable, severities, list(extra_rules), format)


def _validate(
    source: ArgumentMap | Any,
    rules: str | Iterable[str] | None,
    disable: str | Iterable[str],
    severities: Mapping[str, str] | None,
    extra: list[UserRule],
    format: str | None,
) -> ValidationReport:
    for fn in extra:
        if not callable(fn):
            raise RuleError(f"extra_rules: {fn!r} is not a function (m) -> findings")
    lenient = bool(extra)
    chosen = set(RULES) if rules is None else expand_rules(rules, "rules", lenient)
    disabled = expand_rules(disable, "disable", lenient)
    chosen -= disabled
    sev = _severity_map(severities, lenient)

    data = read_input(source, format)
    findings: list[Finding] = []
    ran: list[str] = []
    m: ArgumentMap | None
    if isinstance(data, ArgumentMap):
        m = data
        subject = f"map {m.name!r}"
        map_rules = [r for r in RULES.values() if r.on_map and r.id in chosen]
    else:
        subject = data.subject
        rdf_rules = [r for r in RULES.values() if r.on_rdf and r.id in chosen]
        ran += [r.id for r in rdf_rules]
        enabled = {r.id for r in rdf_rules}
        findings += check_triples(data.quads, enabled.__contains__)
        m = None
        map_rules = [r for r in RULES.values() if r.on_map and not r.on_rdf and r.id in chosen]
        if map_rules or extra or "not-loadable" in enabled:  # else nothing needs the map
            try:
                m = data.load()
            except ArgmapError as exc:
                if "not-loadable" in enabled:
                    findings.append(_not_loadable(exc, data.file, findings))
    # Map rules yield light hits, made into findings only when the report is read. Each
    # becomes a record numbered in the order found (after the findings of the RDF rules,
    # before those of your rules), and the records are sorted once.
    before = len(findings)
    records: list[Record] = []
    base = ""
    if m is not None:
        ix = MapIndex(m, [r.id for r in map_rules])
        base = ix.base
        for rule in map_rules:
            ran.append(rule.id)
            rank = SEVERITY_RANK[sev.get(rule.id, rule.severity)]
            hits = list(MAP_RULES[rule.id](ix))
            numbers = range(before + len(records), before + len(records) + len(hits))
            records += zip(repeat(rank), repeat(rule.id), map(_ids_of, hits), numbers, hits,
                           strict=False)
        for fn in extra:
            ran.append(getattr(fn, "__name__", repr(fn)))
            for f in fn(m):
                if not isinstance(f, Finding):
                    raise RuleError(
                        f"extra rule {getattr(fn, '__name__', fn)!r} yielded {f!r}, not a "
                        "Finding (make one with Finding.of(m, rule, message, *nodes))"
                    )
                if f.rule not in disabled:
                    findings.append(f)
    if sev:
        findings = [f.with_severity(sev[f.rule]) if f.rule in sev else f for f in findings]
    after = before + len(records)  # the first number after the map rules' hits
    records += records_of(findings[:before], 0)
    records += records_of(findings[before:], after)
    sort_records(records)
    return ValidationReport(LazyFindings(records, base), rules=ran, subject=subject,
                            engine="python", map=m)
