"""Argdown, both directions (checked against the official ``@argdown/core``).

Reading: :func:`loads` / :func:`argdown_to_map` (parser in
:mod:`argmap.io._argdown_parse`). Writing: :func:`dumps` / :func:`map_to_argdown`, in a
form that ``@argdown/core`` parses back to the same statements, arguments (with their
premise-conclusion structures) and relations; the tests check this with the official tool.

Supported subset
----------------
* YAML front matter between ``===`` lines (``title`` becomes the map title; the whole
  block is kept; ``model.removeTagsFromText`` is honoured).
* Statements: ``[Title]: text``, references ``[Title]``, untitled paragraphs (named
  ``Untitled N`` in document order, as the tool does); several texts under one title form
  one equivalence class (the first text is the claim, the rest are kept in ``data``).
* Arguments: ``<Title>: description``, references ``<Title>``, and the
  premise-conclusion structure that follows one: ``(n) statement`` lines, inference lines
  ``----``, ``-- rule, rule {data} --`` and the multi-line ``--``/rules/``--`` form;
  intermediary conclusions (each inference step becomes one argmap argument; ``uses``
  in the inference data picks the step's premises).
* Relations on indented lines, nested by indentation: ``+ - _`` (incoming: the line's
  element supports / attacks / undercuts its parent), ``<+ <- <_`` (the same, explicit),
  ``+> -> _>`` (outgoing) and ``><`` (contradictory); after a PCS statement too.
* The tool's model step (:mod:`argmap.io._argdown_model`): a relation of an argument
  with a PCS is one of its conclusion; ``[T]`` with ``<+ <A>`` where ``<A>``'s PCS
  concludes ``[T]`` is the argument itself, dropped as the tool drops it (noted in the
  report and kept in ``data["argdown"]["redundant"]`` of the argument, written back);
  strict mode (front matter ``model: {mode: strict}``): *entails* and *contrary*
  between statements.
* ``#tag``, ``#(tag with spaces)``; ``{key: value}`` data after any element or
  inference (YAML); Markdown headings ``#``... as sections (kept in ``data``; a heading
  runs to the next blank line, so a hard-wrapped one is one title); comments
  ``<!-- -->``, ``/* */``, ``//``; backslash escapes; ``**bold**``/``_italic_`` and
  ``[links](url)`` reduced to their text; logic shortcodes ``.^. .v. .->. .<->. .~.
  .A. .E.`` (and the ``:x:`` forms) become symbols, as the tool shows them.

Critical questions (``question`` on an argument or attack, see :mod:`argmap.schemes`)
travel as data: an argument with a PCS says the question its final inference answers with
``{question: practical-reasoning.side-effects}`` after its ``<Title>``; a relation (attack
or support) says it in its *source* element's data, keyed by the target as written:
``[Cost]: Abstaining costs influence. {answers: {"<Why>": side-effects}}`` then
``[Cost]`` / ``  -> <Why>``. (An Argdown relation has no data of its own.)

Mapped partially: an argument without a PCS becomes a *gist* claim (its description,
labelled with its title) that supports/attacks what the argument does; support *of* an
argument with a PCS has no argmap form and is kept in that argument's ``data`` (noted in
the report, and written back); an attack on an argument with a PCS becomes an attack on its final
inference (the map calls it an undercut; the Argdown type is kept in ``data``); an
undercut of an argument without a PCS undercuts what its gist supports. An attack
between statements is one attack; ``><`` (contradictory) and a contrary (strict mode)
are symmetric, "not both true": two attacks, written back as one relation of the same
type (docs/interop.md). Statement kinds evidence / recommendation travel as
``{kind: ...}`` data.

Refused with :class:`~argmap.errors.ParseError` (file, line, column): Markdown lists,
a PCS that does not end in a conclusion, an undercut of a statement, ``><`` pointing to
an argument and a statement or argument on a heading's lines (both refused by the tool
too), malformed YAML data, non-UTF-8 input. Written text keeps Unicode; control, format and private-use characters
are not guaranteed to survive a round trip. Not read: the tool's selection/colour settings,
``@``-mentions as links (they stay in the text), images and shortcodes beyond logic.

Not written (listed in :func:`map_to_argdown`'s ``skipped``): actors, sources, stances,
about-edges, anchors, and attacks Argdown has no syntax for: an attack on an attack (an
Argdown relation has no identity to aim at) and an attack by several linked attackers.

Examples
--------
>>> m = loads("[Rain]: It rains.\\n  +> [Wet]: The street is wet.\\n")
>>> [(a.premises, a.conclusion) for a in m.arguments()]
[(('rain-...',), 'wet-...')]
>>> print(dumps(m).decode().strip())
[Rain]: It rains.
<BLANKLINE>
[Wet]: The street is wet.
<BLANKLINE>
[Rain]
  +> [Wet]
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from pydantic import ValidationError

from argmap.ids import mint_id, slugify
from argmap.io._argdown_parse import (
    ArgdownArgument,
    ArgdownDocument,
    ArgdownRelation,
    Dropped,
    parse_argdown,
)
from argmap.io._argdown_write import (
    _DOC_ID,
    ArgdownExport,
    _tag_literal,
    dumps,
    map_to_argdown,
)
from argmap.io._argdown_write import escape_text as escape_text
from argmap.io._report import Imported, ImportReport
from argmap.limits import check_nodes
from argmap.map import ArgumentMap
from argmap.model import Argument, Attack, Claim, Evidence, Node, Recommendation, Source

__all__ = ["ArgdownExport", "argdown_to_map", "dumps", "loads", "map_to_argdown"]

_KINDS = {"claim": Claim, "evidence": Evidence, "recommendation": Recommendation}


def _first_line(items: Sequence[Any]) -> int | None:
    return next((item.line for item in items if getattr(item, "line", 0)), None)


def _strip_tags(text: str, tags: list[str]) -> str:
    """``text`` without the tags spelled at its end (the writer appends them there)."""
    literals = sorted({_tag_literal(t) for t in tags} - {""}, key=len, reverse=True)
    stripped = True
    while stripped:
        stripped = False
        for literal in literals:
            if text.endswith(" " + literal):
                text = text[: -len(literal) - 1].rstrip()
                stripped = True
    return text


def _is_auto(title: str) -> bool:
    return re.fullmatch(r"Untitled \d+", title) is not None


# ---------------------------------------------------------------------------- reading


class _Reader:
    def __init__(self, doc: ArgdownDocument, report: ImportReport) -> None:
        self.doc = doc
        self.report = report
        self.nodes: dict[str, Node] = {}
        self.stmt_id: dict[str, str] = {}
        self.arg_main: dict[str, str] = {}  # argument title -> its final Argument id
        self.arg_concl: dict[str, str] = {}  # argument title -> conclusion / gist claim id
        self.gist: dict[str, str] = {}
        self.incoming: dict[str, list[dict[str, str]]] = defaultdict(list)
        self.sections = {s.id: s.title for s in doc.sections}
        # (source type, source title) -> {"[target]" or "<target>": critical question}
        self.answers: dict[tuple[str, str], dict[str, str]] = {}

    def run(self) -> list[Node]:
        for title, ec in self.doc.statements.items():
            with self._refusing(f"statement [{title}]", _first_line(ec.members)):
                self._statement(title)
        for arg in self.doc.arguments.values():
            line = _first_line(arg.members) or _first_line(arg.pcs)
            with self._refusing(f"argument <{arg.title}>", line):
                if arg.pcs:
                    self._pcs(arg)
                else:
                    self._gist(arg)
        for rel in self.doc.relations:
            with self._refusing(f"relation {rel.type} to {rel.target!r}", rel.line or None):
                self._relation(rel)
        for dropped in self.doc.dropped:
            self._dropped(dropped)
        for arg_id, notes in self.incoming.items():
            node = self.nodes[arg_id]
            data = {**node.data, "argdown": {**node.data["argdown"], "incoming": notes}}
            self.nodes[arg_id] = node.model_copy(update={"data": data})
        fm = self.doc.front_matter
        if fm:
            title = str(fm.get("title") or "Argdown document")
            self.nodes[_DOC_ID] = Source(
                id=_DOC_ID, text=title, data={"argdown": {"front_matter": _jsonable(fm)}}
            )
        return list(self.nodes.values())

    @contextmanager
    def _refusing(self, what: str, line: int | None) -> Iterator[None]:
        """Report a record argmap's models refuse (strict: raise; lenient: skip it)."""
        try:
            yield
        except ValidationError as exc:
            problems = "; ".join(
                f"{'.'.join(str(x) for x in e['loc']) or 'value'}: {e['msg']}" for e in exc.errors()
            )
            self.report.add(f"{what} cannot be held: {problems}", line=line)
        except KeyError as exc:  # it names a statement or argument skipped above (lenient)
            self.report.add(
                f"{what} rests on {exc.args[0]!r}, which was skipped", line=line
            )

    def _statement(self, title: str) -> None:
        ec = self.doc.statements[title]
        texts = [_strip_tags(m.text, ec.tags) for m in ec.members if m.text.strip()]
        info: dict[str, Any] = {"title": title, "order": len(self.stmt_id)}
        if len(dict.fromkeys(texts)) > 1:
            info["members"] = list(dict.fromkeys(texts))[1:]
        kind = "claim"
        data = dict(ec.data)
        if data.get("kind") in _KINDS:
            kind = str(data.pop("kind"))
        self._take_answers(data, "statement", title)
        if data:
            info["data"] = _jsonable(data)
        if ec.section:
            info["section"] = self.sections.get(ec.section)
        if not texts:
            info["reference_only"] = True
        node_id = mint_id(kind, title)
        cls = _KINDS[kind]
        node = cls(
            id=node_id,
            text=texts[0] if texts else title,
            label=None if _is_auto(title) else title,
            tags=tuple(ec.tags),
            data={"argdown": info},
        )
        self.nodes[node_id] = node
        self.stmt_id[title] = node_id

    def _take_answers(self, data: dict[str, Any], kind: str, title: str) -> None:
        """Move a well-formed ``answers`` mapping out of an element's data (see the module
        docstring); a malformed one stays in the data, as any other key would."""
        answers = data.get("answers")
        if isinstance(answers, dict) and answers and all(
            isinstance(k, str) and isinstance(v, str) and v.strip() for k, v in answers.items()
        ):
            self.answers[(kind, title)] = dict(answers)
            del data["answers"]

    def _question(self, rel: ArgdownRelation) -> str | None:
        """The critical question a relation answers (its source's ``answers`` data)."""
        answers = self.answers.get((rel.source_type, rel.source))
        if not answers:
            return None
        key = f"[{rel.target}]" if rel.target_type == "statement" else f"<{rel.target}>"
        return answers.get(key)

    def _arg_info(self, arg: ArgdownArgument) -> dict[str, Any]:
        info: dict[str, Any] = {"title": arg.title}
        descriptions = list(
            dict.fromkeys(_strip_tags(m.text, arg.tags) for m in arg.members if m.text.strip())
        )
        if len(descriptions) > 1:
            info["descriptions"] = descriptions[1:]
        data = dict(arg.data or {})
        self._take_answers(data, "argument", arg.title)
        question = data.get("question")
        if arg.pcs and isinstance(question, str) and question.strip():
            info["question"] = data.pop("question")  # the final step's, taken out below
        if data:
            info["data"] = _jsonable(data)
        if arg.section:
            info["section"] = self.sections.get(arg.section)
        return info

    def _pcs(self, arg: ArgdownArgument) -> None:
        base = mint_id("argument", arg.title)
        steps: list[tuple[list[str], str, Any]] = []
        pool: list[str] = []
        by_number = {item.number: item.title for item in arg.pcs}
        for item in arg.pcs:
            if item.inference is None:
                pool.append(item.title)
                continue
            uses = (item.inference.data or {}).get("uses")
            if isinstance(uses, list) and all(isinstance(u, int) and u in by_number for u in uses):
                premises = [by_number[u] for u in uses]
            else:
                premises = pool
            steps.append((premises, item.title, item.inference))
            pool = [item.title]
        pcs = [[i.title, i.role, i.number] for i in arg.pcs]
        inferences = {
            str(i.number): {"rules": i.inference.rules, "data": _jsonable(i.inference.data)}
            for i in arg.pcs
            if i.inference is not None
        }
        for k, (premises, conclusion, inference) in enumerate(steps, start=1):
            final = k == len(steps)
            node_id = base if final else f"{base}-{k}"
            prem_ids = list(dict.fromkeys(self.stmt_id[p] for p in premises))
            concl_id = self.stmt_id[conclusion]
            if not prem_ids or concl_id in prem_ids:
                self.report.add(
                    f"inference step {k} of <{arg.title}> has no premise or uses its "
                    "conclusion as a premise",
                    line=inference.line,
                    column=1,
                )
                continue
            info = self._arg_info(arg) if final else {"title": arg.title, "step": k}
            question = info.pop("question", None)
            if final:
                info["pcs"] = pcs
                info["inferences"] = inferences
            self.nodes[node_id] = Argument(
                id=node_id,
                premises=tuple(prem_ids),
                conclusion=concl_id,
                scheme=", ".join(inference.rules) or None,
                question=question,
                label=arg.title if final and not _is_auto(arg.title) else None,
                text=_strip_tags(arg.description, arg.tags) if final else "",
                tags=tuple(arg.tags) if final else (),
                data={"argdown": info},
            )
            if final:
                self.arg_main[arg.title] = node_id
                self.arg_concl[arg.title] = concl_id

    def _gist(self, arg: ArgdownArgument) -> None:
        node_id = mint_id("claim", "<" + arg.title + ">")
        info = self._arg_info(arg)
        info["sketch"] = True
        info["order"] = len(self.doc.statements) + len(self.gist)
        self.nodes[node_id] = Claim(
            id=node_id,
            text=_strip_tags(arg.description, arg.tags) or arg.title,
            label=arg.title,
            tags=tuple(arg.tags),
            data={"argdown": info},
        )
        if not arg.description:
            info["reference_only"] = True
        self.gist[arg.title] = node_id
        self.arg_concl[arg.title] = node_id

    def _dropped(self, dropped: Dropped) -> None:
        """Trace a relation @argdown/core drops as redundant: a report note, and the
        relation (with the reason) in ``data["argdown"]["redundant"]`` of the argument."""
        rel = dropped.relation
        title = rel.source if rel.source_type == "argument" else rel.target
        arg_id = self.arg_main.get(title)
        self.report.note(
            f"line {rel.line}: {dropped.reason}; dropped, as @argdown/core does", node=arg_id
        )
        if arg_id is None:
            return
        node = self.nodes[arg_id]
        info = dict(node.data["argdown"])
        info["redundant"] = [
            *info.get("redundant", []),
            {
                "from": rel.source,
                "fromType": rel.source_type,
                "to": rel.target,
                "toType": rel.target_type,
                "type": rel.type,
                "reason": dropped.reason,
            },
        ]
        self.nodes[arg_id] = node.model_copy(update={"data": {**node.data, "argdown": info}})

    def _end(self, title: str, kind: str) -> str | None:
        if kind == "statement":
            return self.stmt_id.get(title)
        return self.arg_concl.get(title)

    def _relation(self, rel: ArgdownRelation) -> None:
        info = {
            "from": rel.source,
            "fromType": rel.source_type,
            "to": rel.target,
            "toType": rel.target_type,
            "type": rel.type,
        }
        src = self._end(rel.source, rel.source_type)
        if src is None:
            self.report.add(
                f"relation from <{rel.source}>, which has no conclusion", line=rel.line or None
            )
            return
        if rel.target_type == "statement" or rel.target in self.gist:
            target = self._end(
                rel.target, "statement" if rel.target_type == "statement" else "argument"
            )
        else:
            target = self.arg_main.get(rel.target)
        if target is None or target == src:
            self.report.add(
                f"relation {rel.type} from {rel.source!r} to {rel.target!r} "
                "joins nothing argmap can hold",
                line=rel.line or None,
            )
            return
        target_node = self.nodes[target]
        data = {"argdown": {"relation": info}}
        if rel.type in ("support", "entails"):
            if isinstance(target_node, Argument):
                self.incoming[target].append(info)
                self.report.note(
                    f"support of argument <{rel.target}> from {rel.source!r} has no argmap "
                    "form; kept in the argument's data",
                )
                return
            node_id = mint_id("argument", src, "->", target, "argdown")
            self.nodes[node_id] = Argument(
                id=node_id, premises=(src,), conclusion=target, data=data,
                question=self._question(rel),
            )
            return
        attack_type = None
        if rel.type == "undercut":
            if not isinstance(target_node, Argument):
                outgoing = sorted(
                    n.id
                    for n in self.nodes.values()
                    if isinstance(n, Argument) and target in n.premises
                )
                if outgoing:
                    target = outgoing[0]
            attack_type = "undercut" if isinstance(self.nodes[target], Argument) else None
        pairs = [(src, target)]
        if rel.type in ("contradictory", "contrary"):  # both "not both true": symmetric
            pairs.append((target, src))
        question = self._question(rel)
        for a, t in pairs:
            node_id = mint_id("attack", a, "->", t, rel.type)
            self.nodes[node_id] = Attack(
                id=node_id, attacker=a, target=t, attack_type=attack_type, data=data,
                question=question if a == src else None,
            )


def _jsonable(value: Any) -> Any:
    """YAML values (dates, sets...) as JSON-able values."""
    return json.loads(json.dumps(value, default=str))


def argdown_to_map(
    text: str,
    *,
    filename: str | None = None,
    lenient: bool = False,
    name: str | None = None,
) -> Imported:
    """Parse Argdown into a map; returns ``(map, report)``.

    Examples
    --------
    >>> m, report = argdown_to_map("<A>: gist\\n\\n(1) p\\n(2) q\\n----\\n(3) c\\n")
    >>> [len(a.premises) for a in m.arguments()], report.ok
    ([2], True)
    >>> argdown_to_map("(1) p\\n", filename="x.argdown")
    Traceback (most recent call last):
    ...
    argmap.errors.ParseError: x.argdown, line 1, column 1: the premise-conclusion structure ...
    """
    report = ImportReport(file=filename, lenient=lenient)
    doc = parse_argdown(text, filename=filename, report=report)
    nodes = _Reader(doc, report).run()
    title = doc.front_matter.get("title") if doc.front_matter else None
    stem = name or (re.sub(r"\.[^.]*$", "", filename.rsplit("/", 1)[-1]) if filename else "argdown")

    def refused(node: Any, exc: Exception) -> None:
        report.add(str(exc), node=getattr(node, "id", None))

    check_nodes(nodes, file=filename)
    m = ArgumentMap.from_nodes(
        nodes,
        name=slugify(stem) or "argdown",
        title=str(title) if title else None,
        on_error=refused,
    )
    return Imported(m, report)


def loads(data: bytes | str, *, filename: str | None = None, lenient: bool = False) -> ArgumentMap:
    """Read Argdown text (the registry's reader; strict unless ``lenient``).

    Examples
    --------
    >>> len(loads(b"[T]: A statement."))
    1
    """
    if isinstance(data, bytes):
        raw = data
        try:
            data = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = raw[: exc.start].count(b"\n") + 1
            ImportReport(file=filename).add(f"not UTF-8 text (byte {exc.start})", line=line)
            raise  # pragma: no cover
    return argdown_to_map(data, filename=filename, lenient=lenient).map


# ---------------------------------------------------------------------------- writing
