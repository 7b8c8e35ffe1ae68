"""Argdown text to a neutral structure shaped like ``@argdown/core``'s JSON export.

The structure (:class:`ArgdownDocument`) mirrors what the official tool's
``export-json`` writes: statements grouped in *equivalence classes* keyed by title
(untitled ones numbered ``Untitled N`` in document order, as the tool does), arguments
keyed by title with their premise-conclusion structure (PCS), relations with
``relationType`` support / attack / undercut / contradictory, sections from Markdown
headings, and tags. :func:`structure` reduces either side to a plain comparable value,
which is how the tests hold this parser to the official one.

The supported subset is documented in :mod:`argmap.io.argdown`.

Examples
--------
>>> doc = parse_argdown("[A]: Apples are good.\\n  + [B]: They are sweet.\\n")
>>> doc.statements["A"].text, doc.relations[0].source, doc.relations[0].type
('Apples are good.', 'B', 'support')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from argmap.io._argdown_doc import (
    ArgdownArgument,
    ArgdownDocument,
    ArgdownRelation,
    Dropped,
    EquivalenceClass,
    Inference,
    Member,
    PcsItem,
    Section,
)
from argmap.io._argdown_model import normalise_relations
from argmap.io._report import ImportReport

__all__ = [
    "ArgdownArgument",
    "ArgdownDocument",
    "ArgdownRelation",
    "Dropped",
    "EquivalenceClass",
    "Inference",
    "Member",
    "PcsItem",
    "Section",
    "clean_text",
    "parse_argdown",
    "structure",
    "structure_from_json",
]

SHORTCODES: dict[str, str] = {}
for _name, _symbol in (
    ("A", "∀"), ("E", "∃"), ("->", "→"), ("<->", "↔"), ("~", "¬"), ("^", "∧"),
    ("v", "∨"), ("v_", "⊻"), ("<>", "◇"), ("[]", "◻"), ("heart", "❤"),
):  # fmt: skip
    SHORTCODES[f".{_name}."] = _symbol
    SHORTCODES[f":{_name}:"] = _symbol
_SHORTCODE_RE = re.compile("|".join(re.escape(k) for k in sorted(SHORTCODES, key=len)[::-1]))

# Relation markers, longest first. Value: (relation type, direction): "in" means the
# element on this line relates to its parent, "out" the parent relates to it.
_RELATIONS: dict[str, tuple[str, str]] = {
    "<+": ("support", "in"),
    "+>": ("support", "out"),
    "<-": ("attack", "in"),
    "->": ("attack", "out"),
    "<_": ("undercut", "in"),
    "_>": ("undercut", "out"),
    "><": ("contradictory", "out"),
    "+": ("support", "in"),
    "-": ("attack", "in"),
    "_": ("undercut", "in"),
}
_RELATION_RE = re.compile(r"^([ \t]*)(<\+|\+>|<-|->|<_|_>|><|\+|-|_)(?=[ \t])[ \t]*(.*)$")
_HEADING_RE = re.compile(r"^(#+) (.*)$")
_NUMBER_RE = re.compile(r"^([ \t]*)\((\d+)\)[ \t]*(.*)$")
_INFERENCE_RE = re.compile(r"^[ \t]*--+[ \t]*(.*?)[ \t]*$")
_LIST_RE = re.compile(r"^[ \t]*(\*|\d+\.)(?=\s)")
_DEF_RE = re.compile(r"^(\[([^\]]+?)\]|<([^>-][^>]*?)>)(:)?[ \t]*(.*)$", re.S)
_TAG_RE = re.compile(r"#(?:\(([^)]+)\)|([A-Za-z0-9\-\u00a0-\ud7ff\uf900-\ufdcf\ufdf0-\uffef]+))")
# a statement or argument reference (not a mention @[T], a link [t](u) or an escape)
_HEADING_REF_RE = re.compile(r"(?<![@\\])(\[[^\]\n]+\](?!\()|<[^>\n]+>)")
_LINK_RE = re.compile(r"\[([^\]]+?)\]\(([^)]+?)\)")
_COMMENT_RE = re.compile(r"<!--.*?-->|/\*.*?\*/|//[^\n]*", re.S)


def clean_text(raw: str, *, remove_tags: bool = False) -> tuple[str, list[str], str | None]:
    """Text as the tool reports it, the tags in it, and a trailing ``{data}`` block.

    Whitespace runs become one space, Markdown emphasis and link syntax go, shortcodes
    become symbols; mentions ``@[T]`` stay. Returns ``(text, tags, data_source)``.

    Examples
    --------
    >>> clean_text("a __bold__ [link](http://x) #t #(two words) {k: 1}")
    ('a bold link #t #(two words)', ['t', 'two words'], '{k: 1}')
    """
    data_src = None
    start = _trailing_data(raw)
    if start is not None:
        data_src = raw[start:].strip()
        raw = raw[:start]
    escaped: list[str] = []

    def hide(m: re.Match[str]) -> str:
        escaped.append(m.group(1))
        return f"\ue000{len(escaped) - 1}\ue001"

    raw = re.sub(r"\\(.)", hide, raw, flags=re.S)
    text = _LINK_RE.sub(lambda m: m.group(1), raw)
    text = re.sub(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1", r"\2", text, flags=re.S)
    text = re.sub(r"(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\1(?![\w*])", r"\2", text, flags=re.S)
    text = _SHORTCODE_RE.sub(lambda m: SHORTCODES[m.group(0)], text)
    tags = [m.group(1) or m.group(2) for m in _TAG_RE.finditer(text)]
    if remove_tags:
        text = _TAG_RE.sub("", text)
    text = re.sub(r"\s+", " ", text).strip()
    if escaped:
        text = re.sub(r"\ue000(\d+)\ue001", lambda m: escaped[int(m.group(1))], text)
        tags = [re.sub(r"\ue000(\d+)\ue001", lambda m: escaped[int(m.group(1))], t) for t in tags]
    return text, tags, data_src


def _trailing_data(raw: str) -> int | None:
    """Where a trailing, unescaped ``{...}`` data block starts in ``raw``, if any."""
    end = len(raw.rstrip())
    if end == 0 or raw[end - 1] != "}" or (end > 1 and raw[end - 2] == "\\"):
        return None
    depth = 0
    for k in range(end - 1, -1, -1):
        ch = raw[k]
        if k > 0 and raw[k - 1] == "\\":
            continue
        if ch == "}":
            depth += 1
        elif ch == "{":
            depth -= 1
            if depth == 0:
                return k
    return None


def _blank_comments(text: str) -> str:
    """Replace comments by spaces (keeping line breaks), except inside Markdown links."""
    links = [(m.start(), m.end()) for m in _LINK_RE.finditer(text)]

    def repl(m: re.Match[str]) -> str:
        if any(a <= m.start() < b for a, b in links):
            return m.group(0)
        return re.sub(r"[^\n]", " ", m.group(0))

    return _COMMENT_RE.sub(repl, text)


@dataclass
class _Elem:
    title: str
    kind: str  # statement | argument
    indent: int


class _Parser:
    def __init__(self, text: str, report: ImportReport) -> None:
        self.report = report
        self.doc = ArgdownDocument()
        self.untitled = 0
        self.untitled_arguments = 0
        self.section: str | None = None
        self.remove_tags = False
        text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
        text = self._front_matter(text)
        # Lines that held only a comment vanish (the tool skips them with their line
        # break); ``linenos`` keeps every kept line's number in the file.
        raw_lines = text.split("\n")
        self.lines: list[str] = []
        self.linenos: list[int] = []
        for number, (orig, line) in enumerate(
            zip(raw_lines, _blank_comments(text).split("\n"), strict=True), start=1
        ):
            if orig.strip() and not line.strip():
                continue
            self.lines.append(line)
            self.linenos.append(number)
        self.i = 0
        self.last_top: _Elem | None = None
        self.rel_seen: set[ArgdownRelation] = set()

    # -- helpers ---------------------------------------------------------------------
    def _front_matter(self, text: str) -> str:
        m = re.match(r"\A(\s*)(===+)[ \t]*\n(.*?)\n[ \t]*===+[ \t]*(?=\n|\Z)", text, re.S)
        if not m:
            return text
        data = self._yaml(m.group(3), line=m.group(1).count("\n") + 2, column=1)
        if data is not None and not isinstance(data, dict):
            self.report.add("front matter is not a YAML mapping", line=1, column=1)
            data = None
        self.doc.front_matter = data or {}
        model = self.doc.front_matter.get("model")
        if isinstance(model, dict) and model.get("removeTagsFromText"):
            self.remove_tags = True
        # keep line numbers: replace the block by as many empty lines
        return "\n" * m.group(0).count("\n") + text[m.end() :]

    def _yaml(self, source: str, *, line: int, column: int) -> Any:
        import yaml  # PyYAML: front matter and {data} blocks are YAML

        try:
            return yaml.safe_load(source)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            self.report.add(
                f"YAML data does not parse: {getattr(exc, 'problem', None) or exc}",
                line=line + (mark.line if mark else 0),
                column=(mark.column + 1) if mark and mark.line else column,
            )
            return None

    def _data(self, src: str | None, line: int, column: int) -> dict[str, Any] | None:
        if src is None:
            return None
        value = self._yaml(src, line=line, column=column)
        if value is None:
            return None
        if not isinstance(value, dict):
            self.report.add("a {data} block is not a mapping", line=line, column=column)
            return None
        return value

    def _new_untitled(self) -> str:
        self.untitled += 1
        return f"Untitled {self.untitled}"

    def ln(self, k: int) -> int:
        """The file line number of kept line ``k``."""
        if k < len(self.linenos):
            return self.linenos[k]
        return (self.linenos[-1] + 1) if self.linenos else 1

    def _blank(self, k: int) -> bool:
        return k >= len(self.lines) or not self.lines[k].strip()

    # -- elements ----------------------------------------------------------------------
    def _element(self, raw: str, line: int, column: int, role: str, indent: int) -> _Elem:
        """A statement or argument definition/reference/plain text; registers it."""
        m = _DEF_RE.match(raw)
        if m and m.group(2) is not None and m.group(2).startswith("-"):
            m = None
        if m and (m.group(4) or not m.group(5).strip() or not m.group(5)[:1].isalnum()):
            title = (m.group(2) or m.group(3)).strip()
            is_arg = m.group(3) is not None
            body = m.group(5) if m.group(4) else ""
            if not m.group(4) and m.group(5).strip():
                body = m.group(5)  # "[T] text" without colon: reference, then text
                if not m.group(5).lstrip().startswith(("{", "#")):
                    self.report.add(
                        f"text after the reference {m.group(1)} without ':' is not "
                        "supported (write '[Title]: text')",
                        line=line,
                        column=column + len(m.group(1)),
                    )
            return self._register(
                title, is_arg, body, line, column, role, indent, ref=not m.group(4)
            )
        title = self._new_untitled()
        return self._register(title, False, raw, line, column, role, indent, ref=False)

    def _register(
        self,
        title: str,
        is_arg: bool,
        body: str,
        line: int,
        column: int,
        role: str,
        indent: int,
        *,
        ref: bool,
    ) -> _Elem:
        text, tags, data_src = clean_text(body, remove_tags=self.remove_tags)
        data = self._data(data_src, line, column)
        for tag in tags:
            if tag not in self.doc.tags:
                self.doc.tags.append(tag)
        if is_arg:
            arg = self.doc.arguments.get(title)
            if arg is None:
                arg = self.doc.arguments[title] = ArgdownArgument(title, section=self.section)
            mrole = "argument-description"
            arg.members.append(Member(text, mrole, line, column, self.section, tags, data, ref))
            _merge(arg.tags, tags, arg.data, data)
            return _Elem(title, "argument", indent)
        ec = self.doc.statements.get(title)
        if ec is None:
            ec = self.doc.statements[title] = EquivalenceClass(title, section=self.section)
        ec.members.append(Member(text, role, line, column, self.section, tags, data, ref))
        _merge(ec.tags, tags, ec.data, data)
        return _Elem(title, "statement", indent)

    def _relate(self, parent: _Elem, child: _Elem, marker: str, line: int, column: int) -> None:
        rtype, direction = _RELATIONS[marker]
        src, trg = (child, parent) if direction == "in" else (parent, child)
        if rtype == "contradictory" and direction == "out" and child.kind == "argument":
            self.report.add(  # @argdown/core refuses it too
                f"a contradiction (><) cannot point to the argument <{child.title}>",
                line=line,
                column=column,
            )
            return
        if rtype == "undercut" and trg.kind != "argument":
            self.report.add(
                f"an undercut ({marker}) must target an argument, not [{trg.title}]",
                line=line,
                column=column,
            )
            return
        rel = ArgdownRelation(src.title, src.kind, trg.title, trg.kind, rtype, line)
        back = ArgdownRelation(trg.title, trg.kind, src.title, src.kind, rtype)
        if rel not in self.rel_seen and not (rtype == "contradictory" and back in self.rel_seen):
            self.rel_seen.add(rel)
            self.doc.relations.append(rel)

    # -- blocks ------------------------------------------------------------------------
    def parse(self) -> ArgdownDocument:
        while self.i < len(self.lines):
            line = self.lines[self.i]
            if not line.strip():
                self.i += 1
                continue
            if _HEADING_RE.match(line):
                self._heading()
            elif _NUMBER_RE.match(line) or _INFERENCE_RE.match(line):
                self._pcs()
            elif _LIST_RE.match(line):
                self.report.add(
                    "Markdown lists are not supported (write statements as paragraphs or "
                    "relations)",
                    line=self.ln(self.i),
                    column=len(line) - len(line.lstrip()) + 1,
                )
                self.i += 1
            else:
                self._paragraph()
        normalise_relations(self.doc)
        return self.doc

    def _heading(self) -> None:
        """A heading runs to the next blank line, as in the tool: a hard-wrapped heading
        is one title, and an element on one of its lines is refused, as the tool does."""
        start = self.i
        m = _HEADING_RE.match(self.lines[start])
        assert m is not None
        level = len(m.group(1))
        parts = [(m.group(2), len(m.group(1)) + 2)]
        self.i += 1
        while not self._blank(self.i):
            line = self.lines[self.i]
            if self._starts_block(line) or _LIST_RE.match(line):
                self.report.add(
                    "a heading runs to the next blank line: put one before this line",
                    line=self.ln(self.i),
                    column=len(line) - len(line.lstrip()) + 1,
                )
                break
            parts.append((line, 1))
            self.i += 1
        for k, (part, col) in enumerate(parts):
            ref = _HEADING_REF_RE.search(part)
            if ref:
                self.report.add(
                    f"a heading cannot hold the reference {ref.group(0)} (put it in a "
                    "paragraph of its own)",
                    line=self.ln(start + k),
                    column=col + ref.start(),
                )
        title, _, _ = clean_text("\n".join(p for p, _ in parts))
        parent = None
        for sec in reversed(self.doc.sections):
            if sec.level < level:
                parent = sec.id
                break
        sec = Section(f"s{len(self.doc.sections) + 1}", title, level, self.ln(start), parent)
        self.doc.sections.append(sec)
        self.section = sec.id
        self.last_top = None

    def _paragraph(self) -> None:
        """A top-level element, its continuation lines and its relation tree."""
        start = self.i
        first = self.lines[start]
        indent = len(first) - len(first.lstrip())
        body = [first.strip()]
        self.i += 1
        while not self._blank(self.i) and not self._starts_block(self.lines[self.i]):
            body.append(self.lines[self.i].strip())
            self.i += 1
        top = self._element(
            "\n".join(body), self.ln(start), indent + 1, "top-level-statement", indent
        )
        self._relation_tree(top)
        self.last_top = top

    def _starts_block(self, line: str) -> bool:
        return bool(
            _RELATION_RE.match(line)
            or _NUMBER_RE.match(line)
            or _INFERENCE_RE.match(line)
            or _HEADING_RE.match(line)
        )

    def _relation_tree(self, root: _Elem) -> None:
        """The indented relations under ``root``. Each relation is registered once the
        lines under its element are done (children first), the order in which the tool
        registers them: it decides which way round a repeated ``><`` or contrary is kept."""
        stack: list[tuple[_Elem, tuple[_Elem, _Elem, str, int, int] | None]] = [(root, None)]

        def close(down_to: int) -> None:
            while len(stack) > 1 and stack[-1][0].indent >= down_to:
                _, relation = stack.pop()
                assert relation is not None
                self._relate(*relation)

        while not self._blank(self.i):
            line = self.lines[self.i]
            m = _RELATION_RE.match(line)
            if not m:
                break
            indent = len(m.group(1).expandtabs(4))
            if indent <= root.indent:
                break
            marker = m.group(2)
            lineno, col = self.ln(self.i), len(m.group(1)) + 1
            body = [m.group(3)]
            self.i += 1
            while not self._blank(self.i) and not self._starts_block(self.lines[self.i]):
                body.append(self.lines[self.i].strip())
                self.i += 1
            close(indent)
            elem = self._element(
                "\n".join(body), lineno, col + len(marker) + 1, "relation-statement", indent
            )
            stack.append((elem, (stack[-1][0], elem, marker, lineno, col)))
        close(-1)

    def _pcs(self) -> None:
        """A premise-conclusion structure; it belongs to the argument just before it."""
        owner = self.last_top if self.last_top and self.last_top.kind == "argument" else None
        if owner is None:
            self.untitled_arguments += 1
            title = f"Untitled {self.untitled_arguments}"
            self.doc.arguments.setdefault(title, ArgdownArgument(title, section=self.section))
        else:
            title = owner.title
        arg = self.doc.arguments[title]
        if arg.pcs:
            self.report.add(
                f"argument <{title}> gets a second premise-conclusion structure",
                line=self.ln(self.i),
                column=1,
            )
        items: list[PcsItem] = []
        pending: Inference | None = None
        while self.i < len(self.lines):
            line = self.lines[self.i]
            if not line.strip():
                k = self.i
                while self._blank(k) and k < len(self.lines):
                    k += 1
                if (
                    k < len(self.lines)
                    and (_NUMBER_RE.match(self.lines[k]) or _INFERENCE_RE.match(self.lines[k]))
                    and pending is not None
                ):
                    self.i = k
                    continue
                break
            num = _NUMBER_RE.match(line)
            inf = _INFERENCE_RE.match(line)
            if num:
                lineno = self.ln(self.i)
                self.i += 1
                body = [num.group(3)]
                while not self._blank(self.i) and not self._starts_block(self.lines[self.i]):
                    body.append(self.lines[self.i].strip())
                    self.i += 1
                indent = len(num.group(1))
                elem = self._element("\n".join(body), lineno, indent + 1, "premise", indent)
                if elem.kind != "statement":
                    self.report.add(
                        f"a premise-conclusion item must be a statement, not the argument "
                        f"<{elem.title}>",
                        line=lineno,
                        column=indent + 1,
                    )
                    continue
                item = PcsItem(elem.title, "premise", int(num.group(2)), lineno, pending)
                if pending is not None:
                    item.role = "conclusion"
                    pending = None
                items.append(item)
                self._relation_tree(_Elem(elem.title, "statement", indent))
            elif inf:
                if pending is not None:
                    self.report.add("two inference lines in a row", line=self.ln(self.i), column=1)
                pending = self._inference()
            else:
                self.report.add(
                    "expected '(n) statement' or '--' inside a premise-conclusion structure",
                    line=self.ln(self.i),
                    column=len(line) - len(line.lstrip()) + 1,
                )
                self.i += 1
        if pending is not None or not items or items[-1].inference is None:
            self.report.add(
                f"the premise-conclusion structure of <{title}> does not end in a conclusion "
                "after an inference line ('----')",
                line=self.ln(self.i - 1),
                column=1,
            )
            return
        for item in items:
            if item.inference is not None:
                item.role = "intermediary-conclusion"
        items[-1].role = "main-conclusion"
        for item in items:
            ec = self.doc.statements[item.title]
            for member in ec.members:
                if member.role == "premise" and member.line == item.line:
                    member.role = item.role
        arg.pcs = items
        self.last_top = None

    def _inference(self) -> Inference:
        start = self.i
        line = self.lines[start]
        inline = _INFERENCE_RE.match(line)
        assert inline is not None
        rest = inline.group(1)
        self.i += 1
        source = ""
        if rest:  # "-- rules --" on one line
            source = re.sub(r"[ \t]*--+[ \t]*$", "", rest)
        elif line.strip() == "--" or re.fullmatch(r"[ \t]*--[ \t]*", line):
            body: list[str] = []
            while self.i < len(self.lines) and not re.fullmatch(
                r"[ \t]*--+[ \t]*", self.lines[self.i]
            ):
                body.append(self.lines[self.i].strip())
                self.i += 1
            if self.i >= len(self.lines):
                self.report.add(
                    "an inference started with '--' is never closed", line=self.ln(start), column=1
                )
            self.i += 1
            source = " ".join(body)
        text, _, data_src = clean_text(source)
        data = self._data(data_src, self.ln(start), 1)
        rules = [r.strip() for r in text.split(",") if r.strip()] if text else []
        return Inference(rules, data, self.ln(start))


def _merge(
    tags: list[str], new_tags: list[str], data: dict[str, Any], new: dict[str, Any] | None
) -> None:
    for tag in new_tags:
        if tag not in tags:
            tags.append(tag)
    if new:
        data.update(new)


def parse_argdown(
    text: str, *, filename: str | None = None, report: ImportReport | None = None
) -> ArgdownDocument:
    """Parse Argdown ``text`` (strict unless ``report`` is lenient).

    Examples
    --------
    >>> doc = parse_argdown("<A>: gist\\n\\n(1) p\\n----\\n(2) c\\n")
    >>> [(i.role, doc.statements[i.title].text) for i in doc.arguments["A"].pcs]
    [('premise', 'p'), ('main-conclusion', 'c')]
    >>> parse_argdown("* a list item\\n", filename="x.argdown")
    Traceback (most recent call last):
    ...
    argmap.errors.ParseError: x.argdown, line 1, column 1: Markdown lists are not supported ...
    """
    report = report if report is not None else ImportReport(file=filename)
    return _Parser(text, report).parse()


def structure(doc: ArgdownDocument) -> dict[str, Any]:
    """A plain, order-free summary of ``doc`` to compare with the tool's export.

    Statements: title -> sorted non-empty member texts and tags; arguments: title ->
    descriptions, PCS as (role, title) with inference rules; relations as tuples.

    Examples
    --------
    >>> structure(parse_argdown("[A]: a\\n  - [B]: b\\n"))["relations"]
    [('B', 'statement', 'A', 'statement', 'attack')]
    """
    statements = {
        t: {
            "texts": sorted({m.text for m in ec.members if m.text.strip()}),
            "tags": sorted(ec.tags),
        }
        for t, ec in doc.statements.items()
    }
    arguments = {
        t: {
            "descriptions": sorted({m.text for m in a.members if m.text.strip()}),
            "tags": sorted(a.tags),
            "pcs": [
                (i.role, i.title, tuple(i.inference.rules) if i.inference else None) for i in a.pcs
            ],
        }
        for t, a in doc.arguments.items()
    }
    relations = sorted(
        {(r.source, r.source_type, r.target, r.target_type, r.type) for r in doc.relations}
    )
    return {"statements": statements, "arguments": arguments, "relations": relations}


def structure_from_json(export: dict[str, Any]) -> dict[str, Any]:
    """The same summary as :func:`structure`, from ``@argdown/core``'s JSON export.

    Examples
    --------
    >>> structure_from_json({"statements": {}, "arguments": {}, "relations": []})
    {'statements': {}, 'arguments': {}, 'relations': []}
    """

    def norm(text: Any) -> str:
        return re.sub(r"\s+", " ", text or "").strip()

    kinds = {"equivalence-class": "statement", "argument": "argument", "inference": "inference"}
    statements = {
        t: {
            "texts": sorted({norm(m.get("text")) for m in ec["members"] if norm(m.get("text"))}),
            "tags": sorted(ec.get("tags") or []),
        }
        for t, ec in export["statements"].items()
    }
    arguments = {}
    for t, a in export["arguments"].items():
        pcs = []
        for item in a.get("pcs") or []:
            inf = item.get("inference")
            pcs.append(
                (
                    item["role"],
                    item["title"],
                    tuple(inf.get("inferenceRules") or []) if inf else None,
                )
            )
        arguments[t] = {
            "descriptions": sorted(
                {norm(m.get("text")) for m in a["members"] if norm(m.get("text"))}
            ),
            "tags": sorted(a.get("tags") or []),
            "pcs": pcs,
        }
    relations = sorted(
        {
            (r["from"], kinds[r["fromType"]], r["to"], kinds[r["toType"]], r["relationType"])
            for r in export["relations"]
        }
    )
    return {"statements": statements, "arguments": arguments, "relations": relations}
