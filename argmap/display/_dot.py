"""Graphviz DOT for an argument map, written in pure Python (no ``dot`` needed).

The diagram is layered bottom-up (``rankdir=BT``): evidence at the bottom, recommendations on
top. Every argument is a small dark junction dot: its premises run into the dot and one arrow
leaves it for the conclusion, so linked premises (which hold only jointly) meet in one dot,
while convergent reasons (each enough alone) have a dot each. Attacks are red dashed arrows
labelled rebut, undermine or undercut (an undercut points at a junction dot). An argument
that leaves critical questions of its scheme open (:func:`argmap.critical_questions`) has an
amber outline and a ``?N`` label beside its dot, and lists the questions in its tooltip. Shapes tell the
kinds apart: rounded boxes for claims, bold blue boxes for recommendations, folded notes for
evidence, ellipses for actors, hexagons for alternatives, octagons for issues. Text is wrapped;
the full text and the quotes a node was read from are in its tooltip (shown on hover in SVG).

An actor that asserts many of the drawn statements (the author, typically) is not joined to
each of them by an edge; its box says how many it asserts, and each statement's tooltip says
who asserts it.

Examples
--------
>>> from argmap import ArgumentMap
>>> m = ArgumentMap("d")
>>> r = m.recommendation("Adopt the plan.", id="adopt")
>>> a = m.argue([m.claim("It is cheap.", id="cheap"), m.claim("It works.", id="works")], r)
>>> _ = m.attack(m.claim("It failed in Rome.", id="rome"), "works")
>>> dot = to_dot(m)
>>> 'rankdir="BT"' in dot
True
>>> into = ('"cheap" -> "arg', '"works" -> "arg')  # linked premises meet in one junction
>>> sum(line.strip().startswith(into) for line in dot.splitlines())
2
>>> [line.split("[")[0].strip() for line in dot.splitlines() if "am-attack" in line]
['"rome" -> "works"']
"""

from __future__ import annotations

import textwrap
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

from argmap.display._adapters import as_view
from argmap.display._view import DEFAULT_MAX_NODES, Flag, View
from argmap.map import ArgumentMap
from argmap.model import STATEMENT_KINDS, About, Argument, Attack, Evidence, Node, Source, Stance
from argmap.questions import QuestionRow, critical_questions

__all__ = [
    "dumps_dot",
    "ABOUT_EDGE_LIMIT",
    "ASSERT_EDGE_LIMIT",
    "QUESTION_COLOUR",
    "STAGGER_ABOVE",
    "STYLES",
    "dot_source",
    "node_tooltip",
    "quote",
    "to_dot",
    "wrap",
]

FONT = "Helvetica,Arial,sans-serif"
INK = "#334155"
ATTACK_COLOUR = "#dc2626"
STANCE_COLOUR = "#7e22ce"
ABOUT_COLOUR = "#94a3b8"
CRITICAL_COLOUR = "#d97706"
QUESTION_COLOUR = "#b45309"
"""Outline and ``?N`` label of an argument that leaves critical questions open."""
MARK_COLOURS = {"added": "#16a34a", "removed": "#dc2626", "changed": "#d97706"}
"""Outline colours of a diff's union picture (View.marks)."""
ASSERT_EDGE_LIMIT = 3
"""An actor asserting more drawn statements than this gets a count, not an edge to each."""
STAGGER_ABOVE = 40
"""Views with more leaf premises than this spread them over three rows."""
ABOUT_EDGE_LIMIT = 8
"""An alternative or issue that more drawn statements are about gets a count, not edges."""

STYLES: dict[str, dict[str, str]] = {
    "recommendation": {
        "shape": "box", "style": "rounded,filled,bold", "fillcolor": "#dbeafe",
        "color": "#1d4ed8", "penwidth": "2",
    },
    "claim": {
        "shape": "box", "style": "rounded,filled", "fillcolor": "#f8fafc", "color": "#64748b",
    },
    "evidence": {"shape": "note", "style": "filled", "fillcolor": "#dcfce7", "color": "#15803d"},
    "actor": {
        "shape": "ellipse", "style": "filled", "fillcolor": "#f3e8ff", "color": STANCE_COLOUR,
    },
    "alternative": {
        "shape": "hexagon", "style": "filled", "fillcolor": "#fef9c3", "color": "#a16207",
    },
    "issue": {"shape": "octagon", "style": "filled", "fillcolor": "#ffedd5", "color": "#c2410c"},
}
"""Graphviz attributes per node kind (shape and colours)."""

_HEADERS = {
    "recommendation": "recommendation",
    "evidence": "evidence",
    "actor": "actor",
    "alternative": "alternative",
    "issue": "issue",
}
_KIND_ORDER = ("recommendation", "claim", "evidence", "issue", "alternative", "actor", "argument")
_LABEL_COLOURS = {"IN": "#15803d", "OUT": "#6b7280", "UNDEC": "#b45309"}
_SEVERITY_COLOURS = {"error": "#dc2626", "warning": "#d97706"}
_ROLE_WORDS = {"asserts": "asserts", "endorses": "endorses", "opposes": "opposes",
               "addressed_by": "is addressed by"}
_WRAP = 28
_MAX_LINES = 7
_TOOLTIP_TEXT = 1200
_TOOLTIP_QUOTE = 400


def to_dot(
    obj: object,
    *,
    recommendation: str | None = None,
    max_nodes: int = DEFAULT_MAX_NODES,
) -> str:
    """The DOT source of a map, a trace, or a validation report.

    Parameters
    ----------
    obj:
        An :class:`~argmap.ArgumentMap`, a trace, or a validation report that holds its map.
    recommendation:
        For a map: draw only the justification of this statement (id, IRI or text).
    max_nodes:
        Above this many boxes, a map is drawn as its leading part with a note.

    Examples
    --------
    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap("x", title="X")
    >>> _ = m.argue([m.evidence("76 nations are party.", id="e")], m.claim("It works.", id="c"))
    >>> print(to_dot(m).splitlines()[0])
    digraph "argmap" {
    >>> 'shape="note"' in to_dot(m)
    True
    """
    return dot_source(as_view(obj, recommendation=recommendation, max_nodes=max_nodes))


def dumps_dot(m: ArgumentMap) -> bytes:
    """The whole map as DOT text: the ``dot`` format of :func:`argmap.dump` and ``argmap
    convert``, the same picture ``argmap render x.dot`` draws, without a size cap."""
    return (to_dot(m, max_nodes=max(len(m), 1)) + "\n").encode("utf-8")


def quote(value: str) -> str:
    r"""A DOT double-quoted string (an escString: newlines become ``\n``).

    >>> print(quote('say "hi"\\now'))
    "say \"hi\"\\now"
    """
    cleaned = "\n".join(value.splitlines()).replace("\t", " ")  # every line break is \n
    cleaned = cleaned.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{cleaned}"'


def _html(value: str) -> str:
    """Escape text for a Graphviz HTML-like label (on one line: whitespace runs collapse).

    ``]`` is written as ``&#93;``: Graphviz (2.43 at least) refuses a text run that is
    exactly ``]`` or ``]]`` between two tags, as in ``<B>]</B>``, which a statement such as
    ``"\u00a0]"`` becomes once its whitespace is collapsed.

    >>> _html(" ]  <a> & ")
    '&#93; &lt;a&gt; &amp;'
    """
    return (
        " ".join(value.split())
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("]", "&#93;")
    )


def wrap(text: str, width: int = _WRAP, max_lines: int = _MAX_LINES) -> list[str]:
    """Wrap ``text`` into at most ``max_lines`` lines, ending with an ellipsis when cut.

    >>> wrap("The draft convention is fundamentally flawed and should not pass.", 20)
    ['The draft convention', 'is fundamentally', 'flawed and should', 'not pass.']
    >>> wrap("word " * 40, 10, 2)
    ['word word', 'word word…']
    """
    lines = textwrap.wrap(" ".join(text.split()), width=width, break_on_hyphens=False) or [""]
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        last = lines[-1]
        lines[-1] = (last[: width - 1].rstrip() if len(last) >= width else last) + "…"
    return lines


def _tooltip(value: str) -> str:
    r"""Tooltip text that survives Graphviz, which reads entities and backslash escapes in it.

    A backslash becomes U+29F5 (a look-alike: Graphviz would read ``\N`` as the node
    name however it is escaped) and ``&`` the entity ``&#38;``.

    >>> _tooltip("a\\N & b")
    'a⧵N &#38; b'
    """
    return value.replace("\\", "\u29f5").replace("&", "&#38;")


def _attrs(values: dict[str, str]) -> str:
    parts = []
    for key in sorted(values):
        value = _tooltip(values[key]) if key == "tooltip" else values[key]
        shown = value if value.startswith("<") and value.endswith(">") else quote(value)
        parts.append(f"{key}={shown}")
    return "[" + ", ".join(parts) + "]"


def _elem_id(node_id: str) -> str:
    return "n-" + node_id


def _source_name(m: ArgumentMap, source_id: str) -> str:
    src = m.get(source_id)
    if not isinstance(src, Source):
        return source_id
    return f"{src.text}, {src.date}" if src.date else src.text


def node_tooltip(m: ArgumentMap, node: Node, extra: Sequence[str] = ()) -> str:
    """The hover text of a node: its full text, its quotes and their sources, and ``extra``.

    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap("q"); src = m.source("The brief", id="brief")
    >>> c = m.claim("It is flawed.", id="c")
    >>> _ = m.anchor(c, "is flawed", source=src, start=3, end=12)
    >>> print(node_tooltip(m, m["c"]))
    claim c
    It is flawed.
    “is flawed” — The brief
    """
    lines = [f"{node.kind} {node.id}" + (f" [{node.label}]" if node.label else "")]
    text = " ".join(node.text.split())
    if len(text) > _TOOLTIP_TEXT:
        text = text[: _TOOLTIP_TEXT - 1] + "…"
    if text:
        lines.append(text)
    if isinstance(node, Argument) and node.scheme:
        lines.append(f"scheme: {node.scheme}")
    if isinstance(node, Evidence) and node.source and not node.anchors:
        lines.append(f"source: {_source_name(m, node.source)}")
    for anchor in node.anchors:
        exact = " ".join(anchor.exact.split())
        if len(exact) > _TOOLTIP_QUOTE:
            exact = exact[: _TOOLTIP_QUOTE - 1] + "…"
        lines.append(f"“{exact}” — {_source_name(m, anchor.source)}")
    lines.extend(extra)
    return "\n".join(lines)


def _acceptability(m: ArgumentMap, node_id: str) -> list[str]:
    out = []
    if node_id in m.labels:
        out.append(m.labels[node_id])
    if node_id in m.strengths:
        out.append(f"strength {m.strengths[node_id]:.2f}")
    return out


def _stagger(view: View, arguments: Sequence[Argument]) -> dict[str, int]:
    """Edge lengths that spread many leaf premises over several rows (as ``unflatten`` does).

    A premise with no drawn argument of its own is a leaf; when a view has more than
    :data:`STAGGER_ABOVE` of them, they go one, two or three rows below their junction in
    turn, so a wide bottom row becomes three narrower ones.
    """
    concluded = {a.conclusion for a in arguments}
    leaves = sorted(
        {p for a in arguments for p in a.premises if p in view.nodes and p not in concluded}
    )
    if len(leaves) <= STAGGER_ABOVE:
        return {}
    return {leaf: 1 + i % 3 for i, leaf in enumerate(leaves)}


def _worst(flags: Iterable[Flag]) -> str | None:
    """The most severe of error and warning among ``flags`` (None: none of those)."""
    severities = {f.severity for f in flags}
    for severity in ("error", "warning"):
        if severity in severities:
            return severity
    return None


def _label(
    header: str | None,
    title: str | None,
    lines: Iterable[str],
    badges: Iterable[tuple[str, str]],
) -> str:
    parts = []
    if header:
        parts.append(f'<FONT POINT-SIZE="8" COLOR="#64748b">{_html(header.upper())}</FONT>')
    if title:
        parts.append(f"<B>{_html(title)}</B>")
    parts.extend(_html(line) for line in lines)
    parts.extend(
        f'<FONT POINT-SIZE="9" COLOR="{colour}"><B>{_html(text)}</B></FONT>'
        for text, colour in badges
    )
    return "<" + "<BR/>".join(parts) + ">"


class _Writer:
    """Builds the DOT text of one view."""

    def __init__(self, view: View, *, heading: bool = True) -> None:
        self.heading = heading
        self.view = view
        self.m = view.map
        self.out: list[str] = []
        self.asserted_by: dict[str, list[str]] = defaultdict(list)
        self.asserts_count: dict[str, int] = defaultdict(int)
        self.stance_edges: list[Stance] = []
        self.about_edges: list[About] = []
        self.about_count: dict[str, int] = defaultdict(int)
        self.questions: dict[str, list[QuestionRow]] = {}
        drawn = (n for n in view.nodes if self.m[n].kind == "argument")
        for row in critical_questions(self.m, arguments=drawn):
            self.questions.setdefault(row.argument, []).append(row)
        self._plan_stances()
        self._plan_abouts()

    def _plan_stances(self) -> None:
        drawn = self.view.nodes
        per_actor: dict[str, list[Stance]] = defaultdict(list)
        for stance in self.view.stances():
            per_actor[stance.actor].append(stance)
        for actor_id, stances in sorted(per_actor.items()):
            asserts = [s for s in stances if s.role == "asserts"]
            collapse = len(asserts) > ASSERT_EDGE_LIMIT or actor_id not in drawn
            name = self.m[actor_id].text
            for stance in stances:
                if actor_id in drawn and not (collapse and stance.role == "asserts"):
                    self.stance_edges.append(stance)
                else:
                    self.asserted_by[stance.target].append(
                        f"{_ROLE_WORDS[stance.role]}: {name}"
                        if stance.role != "asserts"
                        else f"asserted by {name}"
                    )
                    if stance.role == "asserts":
                        self.asserts_count[actor_id] += 1

    def _plan_abouts(self) -> None:
        per_subject: dict[str, list[About]] = defaultdict(list)
        for about in self.view.abouts():
            if self.m[about.subject].kind in ("alternative", "issue"):
                per_subject[about.subject].append(about)
        for subject, abouts in sorted(per_subject.items()):
            if len(abouts) > ABOUT_EDGE_LIMIT:
                self.about_count[subject] = len(abouts)
            else:
                self.about_edges.extend(abouts)

    # ---------------------------------------------------------------- nodes

    def _ordered(self) -> list[Node]:
        nodes = [self.m[n] for n in self.view.nodes]
        rank = {k: i for i, k in enumerate(_KIND_ORDER)}
        return sorted(nodes, key=lambda n: (rank.get(n.kind, 99), n.id))

    def _badges(self, node: Node) -> list[tuple[str, str]]:
        badges: list[tuple[str, str]] = []
        accept = _acceptability(self.m, node.id)
        if accept:
            colour = _LABEL_COLOURS.get(self.m.labels.get(node.id, ""), INK)
            badges.append((" · ".join(accept), colour))
        if node.id in self.view.critical:
            badges.append(("critical premise", CRITICAL_COLOUR))
        mark = self.view.marks.get(node.id)
        if mark in MARK_COLOURS:
            badges.append((mark, MARK_COLOURS[mark]))
        for flag in self.view.flags.get(node.id, ()):
            if flag.severity in _SEVERITY_COLOURS:  # info findings stay in the tooltip
                badges.append((f"{flag.severity}: {flag.rule}", _SEVERITY_COLOURS[flag.severity]))
        hidden = self.view.hidden_support.get(node.id)
        if hidden:
            badges.append((f"+{hidden} more argument{'s' if hidden != 1 else ''} below", INK))
        if node.kind == "actor" and self.asserts_count.get(node.id):
            n = self.asserts_count[node.id]
            badges.append((f"asserts {n} statement{'s' if n != 1 else ''}", STANCE_COLOUR))
        if self.about_count.get(node.id):
            n = self.about_count[node.id]
            badges.append((f"subject of {n} statements", INK))
        return badges

    def _box(self, node: Node) -> None:
        style = dict(STYLES[node.kind])
        header = _HEADERS.get(node.kind)
        if node.kind == "actor":
            actor_type = getattr(node, "actor_type", "other")
            header = f"actor · {actor_type}" if actor_type != "other" else "actor"
        width = _WRAP if node.kind in ("claim", "evidence", "recommendation") else 24
        attrs = {
            **style,
            "id": _elem_id(node.id),
            "class": f"am-node am-{node.kind}",
            "label": _label(header, node.label, wrap(node.text, width), self._badges(node)),
        }
        extra = list(self.asserted_by.get(node.id, ()))
        if node.kind in STATEMENT_KINDS:
            subjects = [self.m[s].text for s in self.m.about_of(node.id)]
            if subjects:
                extra.append("about: " + "; ".join(subjects))
        extra += [f"acceptability: {a}" for a in _acceptability(self.m, node.id)]
        extra += [f"{f.severity}: {f.message}" for f in self.view.flags.get(node.id, ())]
        attrs["tooltip"] = node_tooltip(self.m, node, extra)
        label = self.m.labels.get(node.id)
        if label == "OUT":
            attrs["style"] += ",dashed"
            attrs["fontcolor"] = "#6b7280"
            attrs["class"] += " am-out"
        elif label in ("IN", "UNDEC"):
            attrs["class"] += f" am-{label.lower()}"
        if node.id in self.view.critical:
            attrs["color"] = CRITICAL_COLOUR
            attrs["penwidth"] = "3"
            attrs["class"] += " am-critical"
        if node.id in self.view.focus:
            attrs["penwidth"] = "3"
            attrs["class"] += " am-focus"
        worst = _worst(self.view.flags.get(node.id, ()))
        if worst is not None:
            attrs["color"] = _SEVERITY_COLOURS[worst]
            attrs["penwidth"] = "3"
            attrs["class"] += f" am-flag am-{worst}"
        self._mark(node.id, attrs)
        self.out.append(f"  {quote(node.id)} {_attrs(attrs)};")

    def _mark(self, node_id: str, attrs: dict[str, str]) -> None:
        """Colour what a diff marks as added, removed or changed (View.marks)."""
        mark = self.view.marks.get(node_id)
        if mark in MARK_COLOURS:
            attrs["color"] = MARK_COLOURS[mark]
            attrs["penwidth"] = "3"
            attrs["class"] = attrs.get("class", "") + f" am-{mark}"
            if mark == "removed":
                attrs["style"] = attrs.get("style", "") + ",dashed"

    def _junction(self, arg: Argument) -> None:
        label = self.m.labels.get(arg.id)
        fill = {"OUT": "#f8fafc", "UNDEC": "#fbbf24"}.get(label or "", INK)
        conclusion = self.m[arg.conclusion].text
        extra = [
            f"{'linked premises' if len(arg.premises) > 1 else 'premise'}: "
            + ", ".join(arg.premises),
            "conclusion: " + " ".join(conclusion.split())[:200],
        ]
        extra += [f"acceptability: {a}" for a in _acceptability(self.m, arg.id)]
        extra += [f"{f.severity}: {f.message}" for f in self.view.flags.get(arg.id, ())]
        rows = self.questions.get(arg.id, ())
        still = [r for r in rows if r.status == "open"]
        if still:
            extra.append(f"open critical questions ({len(still)}):")
            extra += [f"? [{r.key}] {r.text} ({r.answer_type})" for r in still]
        extra += [
            f"answered [{r.key}] by {', '.join(r.answered_by)}"
            for r in rows
            if r.status == "answered"
        ]
        attrs = {
            "shape": "circle",
            "label": "",
            "width": "0.16" if len(arg.premises) > 1 else "0.12",
            "fixedsize": "true",
            "style": "filled",
            "fillcolor": fill,
            "color": _SEVERITY_COLOURS.get(_worst(self.view.flags.get(arg.id, ())) or "", INK),
            "id": _elem_id(arg.id),
            "class": "am-node am-argument" + (" am-linked" if len(arg.premises) > 1 else ""),
            "tooltip": node_tooltip(self.m, arg, extra),
        }
        if still:  # a badge beside the dot; a validation flag's colour wins the outline
            attrs["xlabel"] = f"?{len(still)}"
            attrs["fontcolor"] = QUESTION_COLOUR
            attrs["fontsize"] = "9"
            attrs["penwidth"] = "2"
            attrs["class"] += " am-open-questions"
            if _worst(self.view.flags.get(arg.id, ())) is None:
                attrs["color"] = QUESTION_COLOUR
        self._mark(arg.id, attrs)
        self.out.append(f"  {quote(arg.id)} {_attrs(attrs)};")

    # ---------------------------------------------------------------- edges

    def _support_edges(self, arg: Argument, stagger: Mapping[str, int]) -> None:
        drawn = self.view.nodes
        for premise in arg.premises:
            if premise in drawn:
                attrs = {"arrowhead": "none", "color": INK, "class": "am-premise"}
                if stagger.get(premise, 1) > 1:
                    attrs["minlen"] = str(stagger[premise])
                self.out.append(f"  {quote(premise)} -> {quote(arg.id)} {_attrs(attrs)};")
        if arg.conclusion in drawn:
            attrs = {"color": INK, "class": "am-support"}
            self.out.append(f"  {quote(arg.id)} -> {quote(arg.conclusion)} {_attrs(attrs)};")

    def _attack_edge(self, attack: Attack, split: set[str]) -> None:
        """One dashed edge attacker -> target; an attack that is itself attacked, or has
        linked attackers, is a small point on its way instead, where the attacks on it
        (and the other attackers) come in."""
        kind = self.m.attack_type(attack.id)
        tip = [f"{kind}: {' + '.join(attack.attackers)} attacks {attack.target}"]
        if attack.text:
            tip.append(" ".join(attack.text.split()))
        tip += [f"{f.severity}: {f.message}" for f in self.view.flags.get(attack.id, ())]
        attrs = {
            "color": ATTACK_COLOUR,
            "fontcolor": ATTACK_COLOUR,
            "style": "dashed",
            "penwidth": "1.6",
            "label": kind,
            "id": _elem_id(attack.id),
            "class": f"am-attack am-{kind}",
            "tooltip": "\n".join(tip),
        }
        self._mark(attack.id, attrs)
        if attack.id not in split:
            self.out.append(
                f"  {quote(attack.attacker)} -> {quote(attack.target)} {_attrs(attrs)};"
            )
            return
        point = {
            "shape": "point",
            "width": "0.09",
            "color": ATTACK_COLOUR,
            "id": attrs.pop("id"),
            "class": attrs["class"] + " am-attack-point",
            "tooltip": attrs["tooltip"],
        }
        self.out.append(f"  {quote(attack.id)} {_attrs(point)};")
        inbound = {k: v for k, v in attrs.items() if k not in ("label", "fontcolor")}
        inbound["arrowhead"] = "none"
        inbound["class"] = "am-attacker"
        for x in attack.attackers:
            self.out.append(f"  {quote(x)} -> {quote(attack.id)} {_attrs(inbound)};")
        self.out.append(f"  {quote(attack.id)} -> {quote(attack.target)} {_attrs(attrs)};")

    def _stance_edge(self, stance: Stance) -> None:
        addressed = stance.role == "addressed_by"
        attrs = {
            "color": STANCE_COLOUR,
            "fontcolor": STANCE_COLOUR,
            "style": "dotted",
            "label": "addressed to" if addressed else _ROLE_WORDS[stance.role],
            "arrowhead": "vee",
            "arrowtail": "vee",
            "dir": "back" if addressed else "forward",
            "id": _elem_id(stance.id),
            "class": f"am-stance am-{stance.role}",
            "tooltip": (
                f"{stance.target} is addressed to {self.m[stance.actor].text}"
                if addressed
                else f"{self.m[stance.actor].text} {_ROLE_WORDS[stance.role]} {stance.target}"
            ),
        }
        self.out.append(f"  {quote(stance.actor)} -> {quote(stance.target)} {_attrs(attrs)};")

    def _about_edges(self) -> None:
        """About-edges to drawn alternatives and issues (about-actors go in tooltips).

        Drawn subject to statement, so a subject sits just below what is said about it.
        """
        for about in self.about_edges:
            attrs = {
                "color": ABOUT_COLOUR,
                "style": "dotted",
                "dir": "none",
                "class": "am-about",
                "tooltip": f"{about.statement} is about {self.m[about.subject].text}",
            }
            self.out.append(
                f"  {quote(about.subject)} -> {quote(about.statement)} {_attrs(attrs)};"
            )

    # ---------------------------------------------------------------- whole

    def _graph_label(self) -> str:
        view = self.view
        lines = [f'<FONT POINT-SIZE="16"><B>{_html(view.title)}</B></FONT>']
        if view.note:
            lines += [
                f'<FONT POINT-SIZE="10" COLOR="#475569">{_html(line)}</FONT>'
                for line in wrap(view.note, 110, 4)
            ]
        return "<" + "<BR/>".join(lines) + ">"

    def write(self) -> str:
        view, m = self.view, self.m
        out = self.out
        out.append('digraph "argmap" {')
        graph = {
            "rankdir": "BT",
            "splines": "spline",  # routes around boxes (tools/measure_edges.py)
            "newrank": "true",
            "nodesep": "0.2",
            "ranksep": "0.4",
            "fontname": FONT,
            "bgcolor": "white",
            "pad": "0.3",
            "labelloc": "t",
            "outputorder": "edgesfirst",
            "id": "argmap",
            "class": "argmap",
            "tooltip": view.title,
        }
        if self.heading:
            graph["label"] = self._graph_label()
        out.append(f"  graph {_attrs(graph)};")
        out.append(f"  node {_attrs({'fontname': FONT, 'fontsize': '11', 'margin': '0.12,0.06'})};")
        out.append(f"  edge {_attrs({'fontname': FONT, 'fontsize': '10', 'arrowsize': '0.7'})};")
        arguments: list[Argument] = []
        for node in self._ordered():
            if isinstance(node, Argument):
                self._junction(node)
                arguments.append(node)
            elif node.kind in STYLES:
                self._box(node)
        stagger = _stagger(view, arguments)
        for arg in arguments:
            self._support_edges(arg, stagger)
        attacks = view.attacks()
        drawn_attacks = {a.id for a in attacks}
        split = {a.target for a in attacks if a.target in drawn_attacks}
        split |= {a.id for a in attacks if a.co_attackers}
        for attack in attacks:
            self._attack_edge(attack, split)
        for stance in self.stance_edges:
            self._stance_edge(stance)
        self._about_edges()
        premises = {p for a in arguments for p in a.premises}
        top = sorted(
            n for n in view.nodes if m[n].kind == "recommendation" and n not in premises
        )
        if top:
            out.append("  { rank=max; " + " ".join(quote(n) for n in top) + " }")
        out.append("}")
        return "\n".join(out) + "\n"


def dot_source(view: View, *, heading: bool = True) -> str:
    """The DOT text of a :class:`~argmap.display._view.View`.

    ``heading``: put the title and the view's note on top of the diagram (pages that
    show them in HTML leave them out).

    >>> from argmap import ArgumentMap
    >>> from argmap.display._view import map_view
    >>> dot_source(map_view(ArgumentMap("empty"))).count("->")
    0
    """
    return _Writer(view, heading=heading).write()
