"""DOT structure: junction nodes, attack style, shapes, labels, tooltips, large maps, traces.

These read the DOT text argmap writes with a small parser of its own (no Graphviz needed):
every node statement ``"id" [attrs];`` and edge statement ``"a" -> "b" [attrs];``.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import example, given, settings

import argmap
from argmap import ArgumentMap
from argmap.display import DEFAULT_MAX_NODES, RenderError, to_dot
from argmap.display._adapters import as_view
from argmap.display._dot import wrap
from argmap.display._view import map_view
from tests.strategies import maps

# ---------------------------------------------------------------------- a tiny DOT reader


@dataclass
class Dot:
    graph: dict[str, str] = field(default_factory=dict)
    nodes: dict[str, dict[str, str]] = field(default_factory=dict)
    edges: list[tuple[str, str, dict[str, str]]] = field(default_factory=list)
    ranks: list[tuple[str, list[str]]] = field(default_factory=list)

    def edges_between(self, a: str, b: str) -> list[dict[str, str]]:
        return [attrs for u, v, attrs in self.edges if (u, v) == (a, b)]

    def edges_of_class(self, cls: str) -> list[tuple[str, str, dict[str, str]]]:
        return [(u, v, a) for u, v, a in self.edges if cls in a.get("class", "").split()]


_QUOTED = r'"(?:[^"\\]|\\.)*"'


def _unquote(token: str) -> str:
    if token.startswith('"'):
        return re.sub(r"\\(.)", lambda m: {"n": "\n"}.get(m.group(1), m.group(1)), token[1:-1])
    return token


def _read_value(text: str, i: int) -> tuple[str, int]:
    if text[i] == '"':
        m = re.compile(_QUOTED).match(text, i)
        assert m, text[i : i + 40]
        return _unquote(m.group()), m.end()
    if text[i] == "<":
        depth, j = 0, i
        while True:
            if text[j] == "<":
                depth += 1
            elif text[j] == ">":
                depth -= 1
                if depth == 0:
                    return text[i : j + 1], j + 1
            j += 1
    m = re.compile(r"[^,\]\s]+").match(text, i)
    assert m
    return m.group(), m.end()


def _read_attrs(text: str) -> dict[str, str]:
    assert text.startswith("[") and text.endswith("]"), text[:60]
    body, i, out = text[1:-1], 0, {}
    while i < len(body):
        m = re.compile(r"\s*(\w+)=").match(body, i)
        assert m, body[i : i + 60]
        value, i = _read_value(body, m.end())
        out[m.group(1)] = value
        i = re.compile(r"\s*,?\s*").match(body, i).end()  # type: ignore[union-attr]
    return out


def parse(dot: str) -> Dot:
    lines = dot.rstrip("\n").splitlines()
    assert lines[0] == 'digraph "argmap" {' and lines[-1] == "}", (lines[0], lines[-1])
    out = Dot()
    for line in lines[1:-1]:
        s = line.strip()
        assert s.endswith(";") or s.startswith("{"), s
        if s.startswith("{"):
            m = re.fullmatch(r"\{ rank=(\w+); (.*) \}", s)
            assert m, s
            out.ranks.append((m.group(1), [_unquote(t) for t in re.findall(_QUOTED, m.group(2))]))
            continue
        s = s[:-1]
        for kw in ("graph", "node", "edge"):
            if s.startswith(kw + " ["):
                if kw == "graph":
                    out.graph = _read_attrs(s[len(kw) + 1 :])
                break
        else:
            m = re.compile(rf"({_QUOTED})(?: -> ({_QUOTED}))? (\[.*\])$", re.S).match(s)
            assert m, s
            attrs = _read_attrs(m.group(3))
            if m.group(2):
                out.edges.append((_unquote(m.group(1)), _unquote(m.group(2)), attrs))
            else:
                out.nodes[_unquote(m.group(1))] = attrs
    for u, v, _ in out.edges:
        assert u in out.nodes and v in out.nodes, (u, v)
    return out


# ---------------------------------------------------------------------- fixtures


@pytest.fixture
def small() -> ArgumentMap:
    m = ArgumentMap("small", title="Small map")
    src = m.source("The brief", id="brief", date="2024-08-28")
    rec = m.recommendation("The U.S. should abstain from the vote.", id="abstain")
    flawed = m.claim("The draft convention is fundamentally flawed.", id="flawed")
    rights = m.claim("It lacks human-rights safeguards.", id="rights")
    data = m.claim("It lacks data-security safeguards.", id="data")
    ev = m.evidence("76 nations are party to the Budapest Convention.", id="parties", source=src)
    m.argue([flawed], rec, id="a_rec", scheme="practical reasoning")
    m.argue([rights, data], flawed, id="a_linked")  # linked: one junction, two premises
    m.argue([ev], flawed, id="a_conv")  # convergent: a second junction
    adopt = m.claim("The convention should be adopted as it stands.", id="adopt")
    m.attack(adopt, rec, id="att_rebut")
    m.attack(m.claim("Safeguards can be added later.", id="later"), "a_linked", id="att_undercut")
    russia = m.actor("Russia", type="state", id="russia")
    chamber = m.actor("U.S. Chamber of Commerce", type="organisation", id="chamber")
    m.stance(chamber, "asserts", rec)
    m.stance(m.actor("Civil society groups", type="group", id="civil"), "opposes", adopt)
    budapest = m.alternative("Budapest Convention", id="budapest")
    m.about(ev, budapest)
    m.about(flawed, russia)
    m.anchor(flawed, "fundamentally flawed", source=src, start=10, end=30)
    return m


# ---------------------------------------------------------------------- structure


def test_layered_bottom_up_with_recommendations_on_top(small: ArgumentMap) -> None:
    dot = parse(to_dot(small))
    assert dot.graph["rankdir"] == "BT"
    assert ("max", ["abstain"]) in dot.ranks


def test_arguments_are_junction_nodes_joining_linked_premises(small: ArgumentMap) -> None:
    dot = parse(to_dot(small))
    for arg in ("a_rec", "a_linked", "a_conv"):
        attrs = dot.nodes[arg]
        assert attrs["shape"] == "circle" and attrs["label"] == "" and attrs["fixedsize"] == "true"
        assert float(attrs["width"]) < 0.3
    # linked premises meet in one junction; one arrow leaves it for the conclusion
    into_linked = sorted(u for u, v, a in dot.edges_of_class("am-premise") if v == "a_linked")
    assert into_linked == ["data", "rights"]
    assert dot.edges_between("a_linked", "flawed")[0]["class"] == "am-support"
    assert "am-linked" in dot.nodes["a_linked"]["class"]
    # convergent support: a second junction into the same conclusion
    assert dot.edges_between("a_conv", "flawed")
    for _, _, attrs in dot.edges_of_class("am-premise"):
        assert attrs["arrowhead"] == "none"


def test_attacks_are_red_dashed_and_typed(small: ArgumentMap) -> None:
    dot = parse(to_dot(small))
    support_colour = dot.edges_between("a_rec", "abstain")[0]["color"]
    rebut = dot.edges_between("adopt", "abstain")[0]
    undercut = dot.edges_between("later", "a_linked")[0]  # an undercut points at the junction
    for attrs in (rebut, undercut):
        assert attrs["style"] == "dashed"
        assert attrs["color"] != support_colour
        assert "am-attack" in attrs["class"].split()
    assert rebut["label"] == "rebut" and rebut["id"] == "n-att_rebut"
    assert undercut["label"] == "undercut"
    assert "rebut" in rebut["tooltip"]


def test_kinds_have_distinct_shapes(small: ArgumentMap) -> None:
    dot = parse(to_dot(small))
    shape = {
        n: dot.nodes[n]["shape"]
        for n in ("abstain", "flawed", "parties", "chamber", "budapest", "a_rec")
    }
    assert shape["chamber"] != shape["budapest"]
    assert {shape["chamber"], shape["budapest"]}.isdisjoint({shape["flawed"], shape["a_rec"]})
    assert shape["parties"] != shape["flawed"]
    assert dot.nodes["abstain"]["fillcolor"] != dot.nodes["flawed"]["fillcolor"]
    for node_id, kind in (
        ("abstain", "recommendation"),
        ("parties", "evidence"),
        ("chamber", "actor"),
        ("budapest", "alternative"),
    ):
        assert f"am-{kind}" in dot.nodes[node_id]["class"].split()
        assert dot.nodes[node_id]["id"] == f"n-{node_id}"


def test_text_wrapped_and_quotes_in_tooltips(small: ArgumentMap) -> None:
    dot = parse(to_dot(small))
    label = dot.nodes["flawed"]["label"]
    assert label.startswith("<") and "<BR/>" in label  # wrapped lines
    tip = dot.nodes["flawed"]["tooltip"]
    assert "The draft convention is fundamentally flawed." in tip
    assert "“fundamentally flawed” — The brief, 2024-08-28" in tip
    assert "about: Russia" in tip
    assert "asserted by U.S. Chamber of Commerce" not in tip  # only one assertion: an edge
    # stances are edges from the actor; the opposition is drawn, labelled
    assert dot.edges_between("civil", "adopt")[0]["label"] == "opposes"
    # an alternative is tied by a dotted about-edge to what is said about it
    assert dot.edges_between("budapest", "parties")[0]["style"] == "dotted"


def test_wrap() -> None:
    assert wrap("a " * 100, 10, 3)[-1].endswith("…")
    assert all(len(line) <= 10 for line in wrap("word " * 30, 10, 100))
    assert wrap("  spaced\n\ttext  ") == ["spaced text"]


def test_prolific_asserter_gets_a_count_not_edges() -> None:
    m = ArgumentMap("author")
    heiber = m.actor("Jordan Heiber", type="person", id="heiber")
    claims = [m.claim(f"Claim number {i}.", id=f"c{i}") for i in range(6)]
    for c in claims:
        m.stance(heiber, "asserts", c)
    dot = parse(to_dot(m))
    assert not [e for e in dot.edges if e[0] == "heiber"]
    assert "asserts 6 statements" in dot.nodes["heiber"]["label"]
    assert "asserted by Jordan Heiber" in dot.nodes["c0"]["tooltip"]


def test_labels_and_strengths_are_shown(small: ArgumentMap) -> None:
    small.set_labels({"abstain": "IN", "adopt": "OUT", "flawed": "UNDEC"}, semantics="grounded")
    small.set_strengths({"abstain": 0.8125})
    dot = parse(to_dot(small))
    assert "IN · strength 0.81" in dot.nodes["abstain"]["label"]
    assert "am-in" in dot.nodes["abstain"]["class"].split()
    assert "dashed" in dot.nodes["adopt"]["style"] and "OUT" in dot.nodes["adopt"]["label"]
    assert "UNDEC" in dot.nodes["flawed"]["label"]
    assert "acceptability: IN" in dot.nodes["abstain"]["tooltip"]


def test_awkward_text_is_escaped() -> None:
    m = ArgumentMap("esc", title='Title <b> & "quotes"')
    m.claim('He said "no" \\ then <left> & \\N went\non', id="c")
    dot = to_dot(m)
    parsed = parse(dot)
    label = parsed.nodes["c"]["label"]
    assert "&quot;no&quot;" in label and "&lt;left&gt;" in label and "&amp;" in label
    tip = parsed.nodes["c"]["tooltip"]
    assert "\\N" not in tip  # Graphviz would put the node name there
    assert "⧵N" in tip and "&#38;" in tip


# ---------------------------------------------------------------------- views


def _star(n_recs: int, depth: int, fan: int) -> ArgumentMap:
    m = ArgumentMap("big")
    for r in range(n_recs):
        rec = m.recommendation(f"Do thing {r}.", id=f"r{r}")
        frontier = [rec.id]
        for d in range(depth):
            nxt = []
            for parent in frontier:
                kids = [
                    m.claim(f"Reason {parent} {d} {k}.", id=f"{parent}_{k}") for k in range(fan)
                ]
                m.argue(kids[:1], parent)
                m.argue(kids[1:], parent)
                nxt += [k.id for k in kids]
            frontier = nxt
    return m


def test_large_map_shows_a_readable_subset() -> None:
    m = _star(n_recs=12, depth=4, fan=3)  # 12 * (1 + 3 + 9 + 27 + 81) = 1452 boxes
    assert sum(1 for _ in m.statements()) > DEFAULT_MAX_NODES
    view = map_view(m)
    assert view.boxes <= DEFAULT_MAX_NODES
    assert view.note is not None and "Showing" in view.note and "1,452" in view.note
    dot = parse(to_dot(m))
    recs = [n for n in dot.nodes if n.startswith("r") and "_" not in n]
    assert len(recs) == 5  # the leading recommendations
    # two levels below each: r0_0 (level 1) and r0_0_0 (level 2), not level 3
    assert "r0_0" in dot.nodes and "r0_0_0" in dot.nodes and "r0_0_0_0" not in dot.nodes
    assert "more argument" in dot.nodes["r0_0_0"]["label"]
    assert "Showing" in dot.graph["label"]


def test_many_leaves_are_staggered_over_three_rows() -> None:
    dot = parse(to_dot(_star(n_recs=12, depth=4, fan=3)))
    lengths = {a.get("minlen", "1") for _, _, a in dot.edges_of_class("am-premise")}
    assert lengths == {"1", "2", "3"}
    small = parse(to_dot(_star(n_recs=1, depth=2, fan=3)))
    assert all("minlen" not in a for _, _, a in small.edges)


def test_large_map_budget_is_respected() -> None:
    m = _star(n_recs=3, depth=3, fan=4)
    view = map_view(m, max_nodes=20)
    assert view.boxes <= 20


def test_recommendation_cuts_to_its_justification(small: ArgumentMap) -> None:
    small.claim("Unrelated remark.", id="unrelated")
    dot = parse(to_dot(small, recommendation="abstain"))
    assert "unrelated" not in dot.nodes
    assert {"abstain", "flawed", "rights", "data", "parties", "adopt", "later"} <= set(dot.nodes)
    assert "am-focus" in dot.nodes["abstain"]["class"].split()
    with pytest.raises(RenderError, match="not a statement"):
        to_dot(small, recommendation="russia")
    with pytest.raises(RenderError, match="no node"):
        to_dot(small, recommendation="no such thing at all")


def test_trace_highlights_critical_premises(small: ArgumentMap) -> None:
    from argmap.query.trace import trace

    small.attack("flawed", "adopt", id="answer")  # the map answers the rebuttal
    t = trace(small, "abstain")
    assert "flawed" in t.critical_premises
    dot = parse(to_dot(t))
    assert "am-critical" in dot.nodes["flawed"]["class"].split()
    assert dot.nodes["flawed"]["penwidth"] == "3"
    assert "critical premise" in dot.nodes["flawed"]["label"]
    assert "rights" in dot.nodes and "am-critical" not in dot.nodes["rights"]["class"].split()
    assert dot.edges_between("adopt", "abstain")  # the attack on the trace is drawn
    assert dot.edges_between("flawed", "adopt")  # and the map's answer to it
    assert "“fundamentally flawed” — The brief, 2024-08-28" in dot.nodes["flawed"]["tooltip"]


def test_report_with_its_map_flags_nodes(small: ArgumentMap) -> None:
    finding = SimpleNamespace(
        rule="grounding",
        severity="warning",
        message="No evidence.",
        nodes=(SimpleNamespace(id="rights"),),
        quote=None,
    )
    report = SimpleNamespace(findings=[finding], ok=True, map=small)
    dot = parse(to_dot(report))
    assert "am-warning" in dot.nodes["rights"]["class"].split()
    assert "warning: grounding" in dot.nodes["rights"]["label"]  # the rule id as a badge
    assert "warning: No evidence." in dot.nodes["rights"]["tooltip"]  # the message on hover


def test_real_validation_report_flags_nodes() -> None:
    from argmap.validate import validate

    m = ArgumentMap("v")
    m.recommendation("Do it.", id="r")
    m.claim("A claim.", id="c")
    report = validate(m)
    dot = parse(to_dot(report))
    assert "am-error" in dot.nodes["r"]["class"].split()
    assert "error: unsupported-recommendation" in dot.nodes["r"]["label"]
    assert "am-warning" in dot.nodes["c"]["class"].split()
    assert "info:" not in dot.nodes["c"]["label"] and "info:" in dot.nodes["c"]["tooltip"]


def test_cannot_draw_other_things() -> None:
    with pytest.raises(RenderError, match="cannot draw int"):
        to_dot(3)
    with pytest.raises(RenderError):
        as_view(SimpleNamespace(findings=[], ok=True))  # a report without its map


def test_brief_example_draws() -> None:
    path = (
        Path(__file__).resolve().parents[1] / "examples" / "un_cybercrime_convention" / "brief.ttl"
    )
    if not path.is_file():
        pytest.skip(f"{path} is absent: run examples/un_cybercrime_convention/build_map.py")
    brief = argmap.load(path)
    dot = parse(to_dot(brief))
    assert dot.nodes["abstain"]["shape"] == "box"
    assert dot.edges_of_class("am-attack")
    assert len([n for n, a in dot.nodes.items() if "am-argument" in a["class"]]) == 23


@settings(max_examples=60)
@given(maps(recursive_attacks=True))
def test_every_random_map_gives_well_formed_dot(m: ArgumentMap) -> None:
    text = to_dot(m)
    dot = parse(text)
    for s in m.statements():
        assert s.id in dot.nodes
    for a in m.arguments():
        assert a.id in dot.nodes
    assert len(dot.edges_of_class("am-attack")) == sum(1 for _ in m.attacks())


def _bracket_map(text: str, label: str | None = None, title: str | None = None) -> ArgumentMap:
    m = ArgumentMap("b", title=title)
    m.claim(text, id="c", label=label)
    return m


# Found by hypothesis: Graphviz refuses a label text that is exactly "]" or "]]" between two
# tags; "\u00a0]" is one once its whitespace collapses (the node text), and so is a label
# or a map title.
BRACKETS = [
    _bracket_map("\u00a0]"),
    _bracket_map("\u2028]]"),
    _bracket_map("x", label="]"),
    _bracket_map("x", title="]]"),
]


@pytest.mark.parametrize("m", BRACKETS, ids=["text", "text-2", "label", "title"])
def test_a_lone_bracket_is_written_as_a_character_reference(m: ArgumentMap) -> None:
    text = to_dot(m)
    assert "&#93;" in text
    assert ">]<" not in text and ">]]<" not in text


@pytest.mark.skipif(
    shutil.which("dot") is None, reason="dot is not installed (apt-get install graphviz)"
)
@settings(max_examples=20)
@given(maps(recursive_attacks=True))
@example(BRACKETS[0])
@example(BRACKETS[1])
@example(BRACKETS[2])
@example(BRACKETS[3])
def test_graphviz_accepts_random_maps(m: ArgumentMap) -> None:
    done = subprocess.run(["dot", "-Tsvg"], input=to_dot(m).encode(), capture_output=True)
    assert done.returncode == 0, done.stderr.decode()
    assert b"<svg" in done.stdout
