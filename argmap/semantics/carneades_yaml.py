"""Read and write Carneades 4 argument graphs (YAML).

=========================  ==============================================================
Carneades 4 YAML           argmap
=========================  ==============================================================
``meta``, ``language``,    a :class:`~argmap.Source` (id from the title) keeping them, with
``argument_schemes``,      ``assumptions``, ``tests``, ``references`` and any other
``issue_schemes``, ...     top-level entry, verbatim in ``data["carneades"]["document"]``
statement ``key: text``    :class:`~argmap.Claim`; the key (``price(volvo,low)``,
                           ``¬riskyOperation``) in ``data["carneades"]["id"]``, the node id
                           the key itself when argmap can use it, else a minted one
issue                      :class:`~argmap.Issue`; positions and proof standard in
                           ``data["carneades"]``; each position is *about* the issue
argument                   :class:`~argmap.Argument` (scheme name as ``scheme``); weight,
                           parameters, roles and premise order in ``data["carneades"]``
argument ``undercutter``   an undercut :class:`~argmap.Attack` by the undercutter statement
=========================  ==============================================================

Arguments without premises (argmap's Argument needs one) stay in the document verbatim
and are evaluated all the same. YAML is read with the safe loader only (``yaml.safe_load``'s
constructor, over libyaml's parser when PyYAML has it: no tag builds an object); a recursive alias, an argument whose conclusion is its own premise, and every
reference to a statement, scheme or weighing function that is not there are located
errors (file and line), or, with ``lenient=True``, problems in the report.

Examples
--------
>>> m = loads('''
... statements:
...   p: P holds.
...   ¬p: P does not hold.
...   q: Q.
... issues:
...   i1: {positions: [p, ¬p], standard: CCE}
... arguments:
...   a1: {conclusion: p, premises: [q]}
... assumptions: [q]
... ''')
>>> [(c.id, c.data["carneades"]["id"]) for c in m.claims()][:2]
[('p', 'p'), ('p-dce70b201f', '¬p')]
>>> print(dumps(m).decode().split("statements:")[1].split("issues:")[0].strip())
p: P holds.
  ¬p: P does not hold.
  q: Q.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from argmap.errors import LimitExceeded, ParseError, SemanticsError
from argmap.ids import mint_id, slugify
from argmap.io import Imported, ImportReport
from argmap.limits import check_nodes, check_size, current, how_to_raise
from argmap.map import ArgumentMap
from argmap.model import ID_PATTERN, Argument, Attack, Claim, Issue, Node, Source
from argmap.semantics._carneades_graph import STANDARDS
from argmap.semantics._carneades_terms import normalize
from argmap.semantics._carneades_theory import Theory
from argmap.semantics.carneades import KEY, document_of

__all__ = ["carneades_to_map", "dumps", "loads", "sniff_carneades"]

_SECTIONS = ("statements", "issues", "arguments")
_BASIC = ("linked", "convergent", "cumulative", "factorized")
_ORDER = (
    "meta",
    "language",
    "weighing_functions",
    "argument_schemes",
    "issue_schemes",
    "statements",
    "issues",
    "arguments",
    "assumptions",
    "references",
    "tests",
)


def _load_yaml(text: str, filename: str | None) -> tuple[Any, dict[tuple[str, str], int]]:
    """Safe-load ``text``; refuse recursive aliases and alias bombs; key -> line per section."""
    # libyaml's parser when PyYAML has it (about 10x faster), the safe constructor always
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text)
    try:
        root = loader.get_single_node()
    except yaml.YAMLError as exc:
        raise _yaml_error(exc, filename, text) from None
    finally:
        loader.dispose()
    lines: dict[tuple[str, str], int] = {}
    if root is None:
        return {}, lines
    cap = current().max_nodes
    limit = 10 * cap if cap else 10_000_000
    size: dict[int, int] = {}  # expanded size of each node (aliases counted each time)
    visiting: set[int] = set()

    def walk(node: yaml.Node) -> int:
        key = id(node)
        if key in size:
            return size[key]
        if key in visiting:
            raise ParseError(
                "a recursive YAML alias (the value contains itself: a cycle)",
                file=filename,
                line=node.start_mark.line + 1,
                column=node.start_mark.column + 1,
            )
        visiting.add(key)
        total = 1
        if isinstance(node, yaml.SequenceNode):
            total += sum(walk(child) for child in node.value)
        elif isinstance(node, yaml.MappingNode):
            total += sum(walk(k) + walk(v) for k, v in node.value)
        visiting.discard(key)
        if total > limit:
            raise LimitExceeded(
                f"YAML expands to more than {limit:,} values, ten per node of the max_nodes "
                f"cap (an alias bomb?) ({how_to_raise('max_nodes')})",
                file=filename,
                line=node.start_mark.line + 1,
            )
        size[key] = total
        return total

    try:
        walk(root)
    except RecursionError:
        raise LimitExceeded("YAML nested too deeply", file=filename) from None
    if isinstance(root, yaml.MappingNode):
        for k, v in root.value:
            if isinstance(v, yaml.MappingNode) and k.value in (*_SECTIONS, "argument_schemes"):
                for kk, _ in v.value:
                    lines[(str(k.value), str(kk.value))] = kk.start_mark.line + 1
            lines[("", str(k.value))] = k.start_mark.line + 1
    try:
        return yaml.SafeLoader("").construct_document(root), lines
    except yaml.YAMLError as exc:
        raise _yaml_error(exc, filename, text) from None


def _yaml_error(exc: yaml.YAMLError, filename: str | None, text: str) -> ParseError:
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or str(exc)
    line = column = None
    if mark is not None:
        line, column = mark.line + 1, mark.column + 1
    elif isinstance(getattr(exc, "position", None), int):  # a ReaderError: a bad character
        at: int = exc.position  # type: ignore[attr-defined]
        char = exc.character  # type: ignore[attr-defined]
        code = char if isinstance(char, int) else ord(str(char)[:1] or "\0")
        problem = f"{exc.reason} (U+{code:04X})"  # type: ignore[attr-defined]
        line = text.count("\n", 0, at) + 1
        column = at - (text.rfind("\n", 0, at) + 1) + 1
    return ParseError(
        f"not YAML that Carneades reads: {problem}", file=filename, line=line, column=column
    )


def _node_id(key: str, kind: str, taken: set[str]) -> str:
    nid = key if ID_PATTERN.match(key) and key not in taken else mint_id(kind, key)
    taken.add(nid)
    return nid


def carneades_to_map(
    data: bytes | str, *, filename: str | None = None, lenient: bool = False
) -> Imported:
    """Read a Carneades 4 YAML argument graph; returns ``(map, report)``.

    Raises:
        ParseError: (strict) the first problem, with file and line.

    Examples
    --------
    >>> carneades_to_map(b"statements: {p: P.}\\narguments: {a: {conclusion: q, premises: [p]}}",
    ...                  filename="g.yml")
    Traceback (most recent call last):
    ...
    argmap.errors.ParseError: g.yml, line 2, node a: the conclusion 'q' is not a statement
    >>> m, report = carneades_to_map(
    ...     b"statements: {p: P.}\\narguments: {a: {conclusion: q, premises: [p]}}",
    ...     lenient=True)
    >>> len(list(m.arguments())), str(report)
    (0, "line 2, node a: the conclusion 'q' is not a statement")
    """
    raw = data.encode("utf-8") if isinstance(data, str) else bytes(data)
    check_size(len(raw), file=filename)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ParseError(f"not UTF-8 text ({exc.reason})", file=filename, line=line) from None
    doc, lines = _load_yaml(text, filename)
    if doc is None:
        doc = {}
    if not isinstance(doc, dict):
        raise ParseError(
            "not a Carneades argument graph: expected a mapping", file=filename, path="$"
        )
    report = ImportReport(file=filename, lenient=lenient)
    return _Reader(doc, lines, report, filename).read()


class _Reader:
    def __init__(
        self,
        doc: dict[Any, Any],
        lines: dict[tuple[str, str], int],
        report: ImportReport,
        filename: str | None,
    ) -> None:
        self.doc = doc
        self.lines = lines
        self.report = report
        self.filename = filename
        self.nodes: list[Node] = []
        self.abouts: list[tuple[str, str]] = []
        self.taken: set[str] = set()
        self.sid: dict[str, str] = {}  # normalized statement key -> node id
        self.theory = Theory()
        self.kept: dict[str, Any] = {}  # document entries kept verbatim

    def problem(self, message: str, section: str, key: str) -> None:
        line = self.lines.get((section, key)) or self.lines.get(("", section))
        self.report.add(message, node=key or None, line=line)

    def section(self, name: str) -> dict[Any, Any]:
        value = self.doc.get(name)
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.problem(f"{name}: expected a mapping of ids", name, "")
            return {}
        return value

    def read(self) -> Imported:
        doc = self.doc
        for key in doc:
            if not isinstance(key, str):
                self.problem(f"top-level key {key!r} is not a name", "", str(key))
        meta_raw = doc.get("meta")
        meta: dict[Any, Any] = meta_raw if isinstance(meta_raw, dict) else {}
        title = str(meta.get("title") or (self.filename or "carneades")).strip() or "carneades"
        shapes = {"language": dict, "weighing_functions": dict, "issue_schemes": dict,
                  "argument_schemes": list}
        wrong = [k for k, kind in shapes.items() if not isinstance(doc.get(k) or kind(), kind)]
        for name in wrong:  # each at its own line, not as an AttributeError from the theory
            kind = "mapping" if shapes[name] is dict else "list"
            self.problem(f"{name}: expected a {kind}", name, "")
        try:
            if not wrong:
                self.theory = Theory.from_doc(doc)
        except SemanticsError as exc:
            self.problem(str(exc), "argument_schemes", "")
        except (AttributeError, TypeError) as exc:
            self.problem(f"malformed theory: {exc}", "argument_schemes", "")
        self.statements()
        self.issues()
        self.arguments()
        self.references("assumptions", doc.get("assumptions"))
        tests = doc.get("tests")
        if isinstance(tests, dict):
            for label in ("in", "out", "undecided"):
                self.references("tests", tests.get(label))
        elif tests is not None:
            self.problem("tests: expected in/out/undecided lists", "tests", "")
        document = {k: v for k, v in doc.items() if k not in _SECTIONS}
        document["order"] = [str(k) for k in doc]
        if self.kept:
            document["arguments"] = self.kept
        src_id = _node_id(slugify(title) or "carneades", "source", self.taken)
        source = Source(
            id=src_id, text=title, data={KEY: {"format": "carneades-yaml", "document": document}}
        )
        nodes = [source, *self.nodes]

        def refused(node: Any, exc: Exception) -> None:
            self.report.add(str(exc), node=getattr(node, "id", None))

        check_nodes(nodes, file=self.filename)
        m = ArgumentMap.from_nodes(nodes, self.abouts, name=src_id, title=title, on_error=refused)
        return Imported(m, self.report)

    def references(self, section: str, value: Any) -> None:
        if value is None:
            return
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list) or not all(isinstance(v, str) for v in items):
            self.problem(f"{section}: expected a list of statement ids", section, "")
            return
        if self.theory.schemes:  # schemes may construct statements the file does not list
            return
        for v in items:
            if normalize(v) not in self.sid:
                self.problem(f"{section}: {v!r} is not a statement", section, "")

    def statements(self) -> None:
        for key, value in self.section("statements").items():
            if not isinstance(key, str) or not key.strip():
                self.problem(f"statement key {key!r} is not a name", "statements", str(key))
                continue
            extra: dict[str, Any] = {}
            if isinstance(value, dict):
                extra = {str(k): v for k, v in value.items() if k != "text"}
                text = value.get("text")
            else:
                text = value
            if isinstance(text, bool | int | float):
                text = str(text).lower() if isinstance(text, bool) else str(text)
            if text is not None and not isinstance(text, str):
                self.problem("a statement's text must be a string", "statements", key)
                continue
            norm = normalize(key)
            if norm in self.sid:
                self.problem(f"statement {key!r} is declared twice", "statements", key)
                continue
            nid = _node_id(key, "claim", self.taken)
            self.sid[norm] = nid
            c = {"id": key, **extra}
            if not isinstance(value, dict):
                c["form"] = "text"
            self.nodes.append(Claim(id=nid, text=(text or "").strip() or key, data={KEY: c}))

    def issues(self) -> None:
        owner: dict[str, str] = {}
        for key, value in self.section("issues").items():
            key = str(key)
            if not isinstance(value, dict) or not isinstance(value.get("positions"), list):
                self.problem("an issue needs a list of positions", "issues", key)
                continue
            positions = [str(p) for p in value["positions"]]
            bad = [p for p in positions if normalize(p) not in self.sid]
            if bad:
                self.problem(f"position {bad[0]!r} is not a statement", "issues", key)
                continue
            twice = [p for p in positions if normalize(p) in owner]
            if twice:
                other = owner[normalize(twice[0])]
                self.problem(
                    f"statement {twice[0]!r} is already a position of issue {other!r}",
                    "issues",
                    key,
                )
                continue
            standard = value.get("standard")
            if standard is not None and str(standard).upper() not in STANDARDS:
                self.problem(
                    f"proof standard {standard!r} is not one of {', '.join(STANDARDS)}",
                    "issues",
                    key,
                )
                continue
            for p in positions:
                owner[normalize(p)] = key
            meta_raw = value.get("meta")
            meta: dict[Any, Any] = meta_raw if isinstance(meta_raw, dict) else {}
            text = str(meta.get("title") or meta.get("question") or "") or (
                f"{key}: " + " | ".join(positions)
            )
            nid = _node_id(key, "issue", self.taken)
            extra = {str(k): v for k, v in value.items()}
            self.nodes.append(Issue(id=nid, text=text, data={KEY: {"id": key, **extra}}))
            self.abouts += [(self.sid[normalize(p)], nid) for p in positions]

    def arguments(self) -> None:
        schemes = set(self.theory.schemes) | set(_BASIC) | set(self.theory.weighing_functions)
        for key, value in self.section("arguments").items():
            key = str(key)
            if not isinstance(value, dict):
                self.problem("an argument must be a mapping", "arguments", key)
                continue
            conclusion = value.get("conclusion")
            if not isinstance(conclusion, str) or normalize(conclusion) not in self.sid:
                self.problem(f"the conclusion {conclusion!r} is not a statement", "arguments", key)
                continue
            raw_premises = value.get("premises") or []
            if isinstance(raw_premises, dict):
                roles = [str(r).lower() for r in raw_premises]
                premises = [str(p) for p in raw_premises.values()]
            elif isinstance(raw_premises, list):
                roles = []
                premises = [str(p) for p in raw_premises]
            else:
                self.problem(
                    "premises: expected a list or a role: statement mapping", "arguments", key
                )
                continue
            bad = [p for p in premises if normalize(p) not in self.sid]
            if bad:
                self.problem(f"premise {bad[0]!r} is not a statement", "arguments", key)
                continue
            if normalize(conclusion) in {normalize(p) for p in premises}:
                self.problem(
                    f"argument uses its own conclusion {conclusion!r} as a premise (a cycle)",
                    "arguments",
                    key,
                )
                continue
            if len({normalize(p) for p in premises}) != len(premises):
                self.problem("a premise is named twice", "arguments", key)
                continue
            scheme = value.get("scheme")
            if scheme is not None and (
                not isinstance(scheme, str)
                or (scheme not in schemes and scheme.lower() not in schemes)
            ):
                self.problem(f"scheme {scheme!r} is not defined", "arguments", key)
                continue
            weight = value.get("weight")
            if weight is not None and (
                isinstance(weight, bool)
                or not isinstance(weight, int | float)
                or not 0 <= weight <= 1
            ):
                self.problem(f"weight {weight!r} is not a number from 0 to 1", "arguments", key)
                continue
            undercutter = value.get("undercutter")
            if undercutter is not None and (
                not isinstance(undercutter, str) or normalize(undercutter) not in self.sid
            ):
                self.problem(f"undercutter {undercutter!r} is not a statement", "arguments", key)
                continue
            if not premises:
                self.kept[key] = value
                self.report.note("argument without premises: kept in the document", node=key)
                continue
            nid = _node_id(key, "argument", self.taken)
            order = [self.sid[normalize(p)] for p in premises]
            c = {k: v for k, v in value.items() if k not in ("conclusion", "premises")}
            c.update(id=key, premise_order=order, premises_form=type(raw_premises).__name__)
            if roles:
                c["roles"] = roles
            self.nodes.append(
                Argument(
                    id=nid,
                    premises=tuple(order),
                    conclusion=self.sid[normalize(conclusion)],
                    scheme=scheme,
                    data={KEY: c},
                )
            )
            if undercutter is not None:
                self.nodes.append(
                    Attack(
                        id=mint_id("attack", nid, undercutter),
                        attacker=self.sid[normalize(undercutter)],
                        target=nid,
                        attack_type="undercut",
                        data={KEY: {"undercutter": True}},
                    )
                )


def loads(data: bytes | str, *, filename: str | None = None, lenient: bool = False) -> ArgumentMap:
    """Read a Carneades 4 YAML argument graph into a map (the registry's reader).

    Examples
    --------
    >>> len(loads(b"statements: {p: P.}"))
    2
    """
    return carneades_to_map(data, filename=filename, lenient=lenient).map


def to_document(m: ArgumentMap) -> dict[str, Any]:
    """The Carneades 4 document of a map: what was read back verbatim, else built anew.

    A map not read from Carneades gives its statements, its arguments (with a ``weight``
    where the argument's data holds one), its issues with positions, and as assumptions
    the statements no argument concludes in.

    Examples
    --------
    >>> import argmap
    >>> m = argmap.ArgumentMap("x"); p = m.claim("P.", id="p")
    >>> _ = m.argue([p], m.claim("Q.", id="q"), id="a", data={"weight": 0.6})
    >>> to_document(m)["arguments"]
    {'a': {'conclusion': 'q', 'premises': ['p'], 'weight': 0.6}}
    """
    kept = document_of(m)
    doc: dict[str, Any] = {k: v for k, v in (kept or {}).items() if k != "order"}
    cid: dict[str, str] = {}
    statements: dict[str, Any] = {}
    for node in m.nodes(("claim", "evidence", "recommendation")):
        c = dict(node.data.get(KEY) or {}) if node.data else {}
        key = str(c.pop("id", node.id))
        cid[node.id] = key
        form = c.pop("form", None)
        statements[key] = node.text if form == "text" or not c else {"text": node.text, **c}
    issues: dict[str, Any] = {}
    for node in m.issues():
        c = dict(node.data.get(KEY) or {}) if node.data else {}
        key = str(c.pop("id", node.id))
        if "positions" not in c:
            c["positions"] = [cid[s] for s in m.statements_about(node.id) if s in cid]
        if c["positions"]:
            issues[key] = c
    arguments: dict[str, Any] = dict(doc.pop("arguments", None) or {})
    for arg in m.arguments():
        c = dict(arg.data.get(KEY) or {}) if arg.data else {}
        key = str(c.pop("id", arg.id))
        order = c.pop("premise_order", None) or list(arg.premises)
        form = c.pop("premises_form", "list")
        roles = c.pop("roles", None)
        premises = [cid[p] for p in order]
        entry: dict[str, Any] = {"conclusion": cid[arg.conclusion]}
        entry["premises"] = (
            dict(zip(roles, premises, strict=False)) if form == "dict" and roles else premises
        )
        if kept is None and arg.data.get("weight") is not None:
            entry["weight"] = arg.data["weight"]
        if kept is None and arg.scheme:
            entry["meta"] = {"scheme": arg.scheme}
        entry.update(c)
        arguments[key] = entry
    for att in m.attacks():
        if att.data.get(KEY, {}).get("undercutter") and att.target in m:
            target = m[att.target]
            key = str((target.data.get(KEY) or {}).get("id", target.id))
            arguments.setdefault(key, {})["undercutter"] = cid[att.attacker]
    doc["statements"] = statements
    if issues:
        doc["issues"] = issues
    if arguments:
        doc["arguments"] = arguments
    if kept is None:
        concluded = {a.conclusion for a in m.arguments()}
        doc["assumptions"] = [cid[s] for s in cid if s not in concluded]
    order = list((kept or {}).get("order") or [])
    keys = [k for k in order if k in doc] + [k for k in _ORDER if k in doc and k not in order]
    keys += [k for k in doc if k not in keys]
    return {k: doc[k] for k in keys}


def dumps(m: ArgumentMap) -> bytes:
    """The map as Carneades 4 YAML (see :func:`to_document`).

    Examples
    --------
    >>> dumps(loads(b"statements: {p: P.}")).decode()
    'statements:\\n  p: P.\\n'
    """
    text = yaml.safe_dump(
        to_document(m), allow_unicode=True, sort_keys=False, default_flow_style=False, width=100
    )
    return text.encode("utf-8")


_TOP = re.compile(
    rb"^(statements|argument_schemes|issue_schemes|assumptions|issues|arguments):",
    re.MULTILINE,
)


def sniff_carneades(head: bytes) -> bool:
    """True when ``head`` looks like a Carneades 4 YAML graph (top-level ``statements:``, ...).

    Examples
    --------
    >>> sniff_carneades(b"meta:\\n  title: T\\nstatements:\\n  p: P.\\n")
    True
    >>> sniff_carneades(b'{"statements": []}')
    False
    """
    text = head.lstrip()
    if text[:1] in (b"{", b"[", b"<", b"@"):
        return False
    return _TOP.search(head) is not None
