"""Writing Argdown: :func:`map_to_argdown` and :func:`dumps`.

Re-exported by :mod:`argmap.io.argdown`, which describes the subset both ways.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from argmap.ids import mint_id
from argmap.io._argdown_parse import SHORTCODES
from argmap.map import ArgumentMap
from argmap.model import Argument, Attack, Node

_DOC_ID = "argdown-document"


_ESCAPE_RE = re.compile(r"([\\#*_\[\]<>{}@/`])")
_STATEMENT_TITLE_BAD = re.compile(r"[\[\]\n\r]")
_ARGUMENT_TITLE_BAD = re.compile(r"[<>\n\r]")


@dataclass
class ArgdownExport:
    """The Argdown text and what Argdown could not carry."""

    text: str
    skipped: list[str] = field(default_factory=list)


def escape_text(text: str) -> str:
    """Text on one line, with every character Argdown reads as syntax escaped.

    Examples
    --------
    >>> escape_text("Costs #1 [sic] are <high> {x}\\nsecond line")
    'Costs \\\\#1 \\\\[sic\\\\] are \\\\<high\\\\> \\\\{x\\\\} second line'
    """
    one_line = re.sub(r"\s+", " ", text).strip()
    out = _ESCAPE_RE.sub(r"\\\1", one_line)
    for code in sorted(SHORTCODES, key=len, reverse=True):
        if code in out:
            out = out.replace(code, "\\" + code)
    if re.match(r"^(\+|-|_|>|\(\d+\))", out):
        out = "\\" + out
    return out


def _flow(data: dict[str, Any]) -> str:
    """A ``{...}`` data block (JSON is YAML flow syntax)."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def _clean_tag(tag: str) -> str:
    """A tag as Argdown can spell it: word characters, digits, '-' and single spaces."""
    return " ".join(re.sub(r"[^\w\s\-]|_", " ", tag).split())


def _tag_literal(tag: str) -> str:
    tag = _clean_tag(tag)
    if not tag:
        return ""
    if re.fullmatch(r"[A-Za-z0-9\-\u00a0-\ud7ff\uf900-\ufdcf\ufdf0-\uffef]+", tag):
        return "#" + tag
    return "#(" + tag.replace(")", "]").replace("(", "[") + ")"


def _text_and_tags(text: str, tags: tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
    """Escaped text with the tags it already spells out left live, and the other tags."""
    body = escape_text(text)
    rest = []
    for tag in tags:
        literal = _tag_literal(tag)
        escaped = escape_text(literal)
        if not literal:
            continue
        if escaped in body:
            body = body.replace(escaped, literal, 1)
        else:
            rest.append(tag)
    return body, tuple(rest)


def _tags(tags: tuple[str, ...]) -> str:
    return " ".join(lit for lit in (_tag_literal(tag) for tag in tags) if lit)


class _Writer:
    def __init__(self, m: ArgumentMap) -> None:
        self.m = m
        self.skipped: list[str] = []
        self.titles: dict[str, str] = {}
        self.used: dict[str, set[str]] = {}
        self.lines: list[str] = []
        # node id -> (line index, head, head with a description, tags, data) of its
        # declaration
        self.decls: dict[str, tuple[int, str, str, tuple[str, ...], dict[str, Any]]] = {}
        self.strict = False  # front matter model.mode: strict (contrary, entails)

    def _declare(
        self,
        node_id: str,
        head: str,
        rest: tuple[str, ...],
        data: dict[str, Any],
        described: str | None = None,
    ) -> str:
        """A declaration line (``head``, then tags and data; ``described`` instead of
        ``head`` when a tail follows), remembered so that a relation written later can
        add to its data (see :meth:`_answer`)."""
        described = described or head
        self.decls[node_id] = (len(self.lines), head, described, rest, data)
        tail = " ".join(x for x in (_tags(rest), _flow(data) if data else "") if x)
        return described + " " + tail if tail else head

    def _answer(self, owner: str, target_ref: str, question: str) -> None:
        """Say in ``owner``'s data that its relation to ``target_ref`` answers ``question``."""
        if owner not in self.decls:
            self.skipped.append(f"critical question {question!r} of a relation from {owner!r}")
            return
        index, head, described, rest, data = self.decls[owner]
        answers = dict(data.get("answers") or {})
        answers[target_ref] = question
        line = self._declare(owner, head, rest, {**data, "answers": answers}, described)
        self.lines[index] = line
        self.decls[owner] = (index, *self.decls[owner][1:])

    def _title(self, node: Node, *, wanted: str | None = None) -> str:
        if node.id in self.titles:
            return self.titles[node.id]
        info = self._info(node)
        base = wanted or info.get("title") or node.label or node.id
        # statements ([T]) and arguments (<T>) have separate titles in Argdown, and each
        # can hold the other's brackets ([a<b>], <a[b]>), as @argdown/core reads them
        space = "argument" if isinstance(node, Argument) else "statement"
        bad = _ARGUMENT_TITLE_BAD if space == "argument" else _STATEMENT_TITLE_BAD
        base = bad.sub(" ", str(base)).strip() or node.id
        base = base.lstrip("-")
        used = self.used.setdefault(space, set())
        title, n = base, 1
        while title in used:
            n += 1
            title = f"{base} ({n})"
        used.add(title)
        self.titles[node.id] = title
        return title

    @staticmethod
    def _info(node: Node) -> dict[str, Any]:
        info = node.data.get("argdown")
        return info if isinstance(info, dict) else {}

    def run(self) -> ArgdownExport:
        m = self.m
        doc = next((s for s in m.sources() if s.id == _DOC_ID), None)
        fm = dict(self._info(doc).get("front_matter") or {}) if doc else {}
        if not fm and m.title:
            fm = {"title": m.title}
        model = fm.get("model")
        self.strict = isinstance(model, dict) and model.get("mode") == "strict"
        if fm:
            import yaml

            self.lines += [
                "===",
                yaml.safe_dump(fm, allow_unicode=True, sort_keys=False).strip(),
                "===",
                "",
            ]
        sketches = {n.id for n in m.statements() if self._info(n).get("sketch")}
        # an argument read from a bare relation ([A] +> [B]) has no title to aim an
        # undercut at: when something undercuts it, it is written with a PCS instead
        relation_args = {
            a.id
            for a in m.arguments()
            if "relation" in self._info(a)
            and all(self._gist_target(t, sketches) for t in m.attacks_on(a))
        }
        steps = {a.id for a in m.arguments() if "step" in self._info(a)}
        for stmt in m.statements():
            if stmt.id in sketches:
                self._title(stmt)
        for arg in m.arguments():
            if arg.id not in relation_args and arg.id not in steps:
                self._title(arg)
        self._statements(sketches)
        self._arguments(relation_args | steps, sketches)
        self._relations(relation_args, sketches)
        for arg in m.arguments():
            if arg.id in steps and arg.question is not None:  # only the final step says it
                self.skipped.append(f"critical question of inference step {arg.id!r}")
        for kind in ("actor", "alternative", "issue", "source", "stance"):
            for node in m.nodes(kind=kind):
                if node.id != _DOC_ID:
                    self.skipped.append(f"{kind} {node.id!r}")
        if any(True for _ in m.abouts()):
            self.skipped.append("about-edges")
        text = "\n".join(self.lines).rstrip() + "\n"
        return ArgdownExport(text, self.skipped)

    def _ref(self, node_id: str, sketches: set[str]) -> str:
        node = self.m[node_id]
        if isinstance(node, Argument) or node_id in sketches:
            return f"<{self._title(node)}>"
        return f"[{self._title(node)}]"

    def _statements(self, sketches: set[str]) -> None:
        section: str | None = None
        ordered = sorted(
            self.m.statements(), key=lambda n: self._info(n).get("order", float("inf"))
        )
        for stmt in ordered:
            info = self._info(stmt)
            sec = info.get("section")
            if sec and sec != section:
                self.lines += [f"# {escape_text(str(sec))}", ""]
                section = sec
            data = dict(info.get("data") or {})
            if stmt.kind != "claim":
                data["kind"] = stmt.kind
            body, rest = _text_and_tags(stmt.text, stmt.tags)
            title = self._title(stmt)
            head = f"<{title}>: " if stmt.id in sketches else f"[{title}]: "
            if info.get("reference_only"):
                self.lines += [self._declare(stmt.id, head[:-2], rest, data), ""]
                continue
            self.lines += [self._declare(stmt.id, head + body, rest, data), ""]
            for other in info.get("members", []) + info.get("descriptions", []):
                self.lines += [head + escape_text(str(other)), ""]

    def _arguments(self, skip: set[str], sketches: set[str]) -> None:
        m = self.m
        for arg in m.arguments():
            if arg.id in skip:
                continue
            info = self._info(arg)
            title = self._title(arg)
            data = dict(info.get("data") or {})
            if arg.question is not None:
                data["question"] = arg.question
            body, rest = _text_and_tags(arg.text, arg.tags)
            head = f"<{title}>"
            described = f"{head}: {escape_text(arg.label or title)}"  # data follows text
            if arg.text.strip():
                head = described = f"{head}: {body}"
            self.lines += [self._declare(arg.id, head, rest, data, described)]
            for other in info.get("descriptions", []):
                self.lines += ["", f"<{title}>: " + escape_text(str(other))]
            self.lines += [""]
            self.lines += self._pcs_lines(arg, info, sketches)
            self.lines += [""]

    def _pcs_lines(self, arg: Argument, info: dict[str, Any], sketches: set[str]) -> list[str]:
        pcs = info.get("pcs")
        inferences = info.get("inferences") or {}
        if pcs and self._pcs_matches(arg, pcs):
            out = []
            placed: set[str] = set()
            for ptitle, role, number in pcs:
                # an inference line comes before a conclusion, once: a premise that repeats
                # the number of the conclusion above it ("(3) ... ---- (3) ...", which
                # @argdown/core accepts) must not get a second one
                inf = None if role == "premise" or str(number) in placed else inferences.get(
                    str(number)
                )
                if inf is not None:
                    placed.add(str(number))
                    out.append(self._inference_line(inf.get("rules") or [], inf.get("data")))
                node_id = mint_id("claim", ptitle)
                node = self.m.get(node_id) or self._by_title(ptitle)
                ref = self._ref(node.id, sketches) if node is not None else f"[{ptitle}]"
                out.append(f"({number}) {ref}")
            return out
        out = [f"({k}) {self._ref(p, sketches)}" for k, p in enumerate(arg.premises, start=1)]
        rules = [r.strip() for r in (arg.scheme or "").split(",") if r.strip()]
        out.append(self._inference_line(rules, None))
        out.append(f"({len(arg.premises) + 1}) {self._ref(arg.conclusion, sketches)}")
        return out

    def _by_title(self, title: str) -> Node | None:
        for node in self.m.statements():
            if self._info(node).get("title") == title:
                return node
        return None

    def _pcs_matches(self, arg: Argument, pcs: list[Any]) -> bool:
        """The stored PCS still ends in the argument's conclusion and holds its premises."""
        nodes = [self._by_title(str(p[0])) for p in pcs]
        if any(n is None for n in nodes):
            return False
        ids = [n.id for n in nodes if n is not None]
        return ids[-1] == arg.conclusion and set(arg.premises) <= set(ids)

    @staticmethod
    def _inference_line(rules: list[str], data: Any) -> str:
        if not rules and not data:
            return "----"
        body = ", ".join(escape_text(r).replace(",", "\\,") for r in rules)
        if data:
            body = (body + " " if body else "") + _flow(data)
        return f"-- {body} --"

    def _relations(self, relation_args: set[str], sketches: set[str]) -> None:
        m = self.m
        groups: dict[str, list[str]] = defaultdict(list)
        done: set[tuple[Any, ...]] = set()
        for arg in m.arguments():
            if arg.id not in relation_args:
                continue
            rel = self._info(arg)["relation"]
            src, owner = self._end(arg.premises[0], rel.get("from"), rel.get("fromType"), sketches)
            target = self._ref(arg.conclusion, sketches)
            groups[src].append(f"  +> {target}")
            if arg.question is not None:
                self._answer(owner, target, arg.question)
        # a symmetric relation read from Argdown (contradictory; contrary in strict mode) is
        # two attacks: it is written once, from the end Argdown wrote it from
        forward = {
            self._rel_key(att) for att in m.attacks() if self._is_forward(att, sketches)
        }
        for att in m.attacks():
            if att.co_attackers or m[att.target].kind == "attack":
                what = "linked attackers" if att.co_attackers else "an attack on an attack"
                self.skipped.append(f"attack {att.id!r} ({what})")
                continue
            rel = self._info(att).get("relation") or {}
            src, owner = self._end(att.attacker, rel.get("from"), rel.get("fromType"), sketches)
            rtype = rel.get("type")
            target = self._gist_target(att, sketches) or self._ref(att.target, sketches)
            if att.question is not None:
                self._answer(owner, target, att.question)
            if rtype == "contradictory" or (rtype == "contrary" and self.strict):
                # one relation for the pair: "><", or "->" that strict mode reads as contrary
                key = self._rel_key(att)
                if key in done or (key in forward and not self._is_forward(att, sketches)):
                    continue
                done.add(key)
                groups[src].append(f"  {'><' if rtype == 'contradictory' else '->'} {target}")
            elif rtype == "undercut" or (
                rtype is None
                and (att.attack_type == "undercut" or isinstance(m[att.target], Argument))
            ):
                groups[src].append(f"  _> {target}")
            else:
                if rtype == "contrary":
                    self.skipped.append(
                        f"attack {att.id!r}: contrary is Argdown's strict mode, and the front "
                        "matter does not set it; written as an attack"
                    )
                groups[src].append(f"  -> {target}")
        for arg in m.arguments():
            # support of an argument with a PCS (no argmap form: kept in its data)
            for inc in self._info(arg).get("incoming", []):
                source = self._by_title(str(inc.get("from")))
                if source is None or (inc.get("fromType") == "argument") != (source.id in sketches):
                    self.skipped.append(f"support of {arg.id!r} from {inc.get('from')!r}")
                    continue
                groups[self._ref(source.id, sketches)].append(f"  +> <{self._title(arg)}>")
            # a relation @argdown/core drops as the argument itself ([T] <+ <A> where <A>
            # concludes [T]): written back while it still is the argument itself
            for red in self._info(arg).get("redundant", []):
                concl = self._info(m[arg.conclusion]).get("title")
                if red.get("fromType") == "argument" and red.get("to") == concl:
                    mark = "+>" if red.get("type") in ("support", "entails") else "->"
                    ref = self._ref(arg.conclusion, sketches)
                    groups[f"<{self._title(arg)}>"].append(f"  {mark} {ref}")
        for src, lines in groups.items():
            self.lines += [src, *lines, ""]

    def _gist_target(self, att: Attack, sketches: set[str]) -> str | None:
        """``<G>`` when ``att`` was read from an undercut of the argument ``<G>`` without a
        PCS (the map undercuts what ``<G>``'s gist supports), else None."""
        rel = self._info(att).get("relation") or {}
        target = self.m[att.target]
        if rel.get("type") != "undercut" or not isinstance(target, Argument):
            return None
        for premise in target.premises:
            if premise in sketches and self._info(self.m[premise]).get("title") == rel.get("to"):
                return self._ref(premise, sketches)
        return None

    def _rel_key(self, att: Node) -> tuple[Any, ...]:
        rel = self._info(att).get("relation") or {}
        return tuple(rel.get(k) for k in ("from", "fromType", "to", "toType", "type"))

    def _is_forward(self, att: Attack, sketches: set[str]) -> bool:
        """The attack runs the way its Argdown relation was written (from its ``from``)."""
        rel = self._info(att).get("relation") or {}
        if rel.get("type") not in ("contradictory", "contrary"):
            return False
        attacker = self.m[att.attacker]
        is_arg = isinstance(attacker, Argument) or attacker.id in sketches
        kind = "argument" if is_arg else "statement"
        return (self._info(attacker).get("title"), kind) == (rel.get("from"), rel.get("fromType"))

    def _end(
        self, node_id: str, title: Any, kind: Any, sketches: set[str]
    ) -> tuple[str, str]:
        """How a relation's source is written, and whose declaration that is."""
        if kind == "argument" and isinstance(title, str) and node_id not in sketches:
            for arg in self.m.arguments_for(node_id):
                if self._info(arg).get("title") == title and "pcs" in self._info(arg):
                    return f"<{self._title(arg)}>", arg.id
        return self._ref(node_id, sketches), node_id


def map_to_argdown(m: ArgumentMap) -> ArgdownExport:
    """The map as Argdown text, and what Argdown could not carry.

    Examples
    --------
    >>> m = ArgumentMap("w")
    >>> a = m.argue([m.claim("P.", id="p")], m.claim("C.", id="c"), id="a", label="Arg")
    >>> print(map_to_argdown(m).text)
    [p]: P.
    <BLANKLINE>
    [c]: C.
    <BLANKLINE>
    <Arg>
    <BLANKLINE>
    (1) [p]
    ----
    (2) [c]
    <BLANKLINE>
    """
    return _Writer(m).run()


def dumps(m: ArgumentMap) -> bytes:
    """The map as Argdown (UTF-8 bytes; the registry's writer).

    Examples
    --------
    >>> dumps(ArgumentMap("e"))
    b'\\n'
    """
    return map_to_argdown(m).text.encode("utf-8")
