"""Argdown: the parser against the official tool, round trips through it, and errors.

The reference is ``@argdown/core`` (pinned in tests/node/package.json), run by
tests/node/argdown-json.mjs. Its JSON exports of two corpus files are also in
../shared/corpora/argdown/argdown-json/ (made by @argdown/cli), so part of the comparison
runs without Node.
"""

from __future__ import annotations

import json
import os
import subprocess
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, require
from hypothesis import HealthCheck, Phase, assume, given, settings
from hypothesis import strategies as st

import argmap
from argmap.errors import ParseError
from argmap.io import argdown
from argmap.io._argdown_parse import parse_argdown, structure, structure_from_json

from strategies import maps

NODE_DIR = ROOT / "tests" / "node"
BRIEF_TTL = ROOT / "examples" / "un_cybercrime_convention" / "brief.ttl"

# file -> (statements, arguments, relations) in @argdown/core's parse
COUNTS = {
    "argdown-primer.argdown": (17, 4, 10),
    "state-censorship.argdown": (28, 7, 4),
    "veggie_debate.argdown": (25, 22, 58),
}
# file -> argmap kinds after conversion (verified by hand against the files)
MAP_COUNTS = {
    # 17 classes + 3 arguments without PCS (gist claims); arguments: Argument 1 (its
    # PCS) + 5 support relations; attacks: the 5 attack relations
    "argdown-primer.argdown": {"claim": 20, "argument": 6, "attack": 5},
    # 28 classes; 7 PCS with 10 inference steps; 4 attack relations
    "state-censorship.argdown": {"claim": 28, "argument": 10, "attack": 4},
}


def _node() -> str:
    node = require("node", "install Node.js 20 (Debian: apt-get install nodejs npm)")
    if not (NODE_DIR / "node_modules" / "@argdown" / "core").is_dir():
        message = (
            "tests/node/node_modules is missing: run "
            "`npm ci --prefix tests/node --no-audit --no-fund`"
        )
        if os.environ.get("ARGMAP_REQUIRE_COMPONENTS"):
            pytest.fail(message + " (.ci/run must install it)")
        pytest.skip(message)
    return node


def tool() -> Any:
    """A function running @argdown/core on Argdown text, or skip/fail saying how."""
    node = _node()

    def run(text: str) -> dict[str, Any]:
        done = subprocess.run(
            [node, str(NODE_DIR / "argdown-json.mjs"), "-"],
            input=text,
            capture_output=True,
            text=True,
            check=True,
            timeout=120,
        )
        out = json.loads(done.stdout)
        assert out["errors"] == [], out["errors"]
        return dict(out["json"])

    return run


def tool_many() -> Any:
    """Like :func:`tool`, for a list of texts in one Node process (one export each)."""
    node = _node()

    def run(texts: list[str]) -> list[dict[str, Any]]:
        done = subprocess.run(
            [node, str(NODE_DIR / "argdown-json.mjs"), "--many"],
            input=json.dumps(texts),
            capture_output=True,
            text=True,
            check=True,
            timeout=300,
        )
        outs = json.loads(done.stdout)
        for text, out in zip(texts, outs, strict=True):
            assert out["errors"] == [], (out["errors"], text)
        return [dict(out["json"]) for out in outs]

    return run


def corpus(shared: Path, name: str) -> Path:
    path = shared / "corpora" / "argdown" / name
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    return path


@pytest.mark.parametrize("name", ["argdown-primer", "state-censorship"])
def test_parser_matches_the_cli_export(shared_dir: Path, name: str) -> None:
    text = corpus(shared_dir, f"{name}.argdown").read_text(encoding="utf-8")
    export = json.loads(corpus(shared_dir, f"argdown-json/{name}.json").read_text("utf-8"))
    assert structure(parse_argdown(text)) == structure_from_json(export)


@pytest.mark.parametrize("name", sorted(COUNTS))
def test_parser_matches_the_tool(shared_dir: Path, name: str) -> None:
    run = tool()
    text = corpus(shared_dir, name).read_text(encoding="utf-8")
    ref = structure_from_json(run(text))
    assert structure(parse_argdown(text, filename=name)) == ref
    assert (len(ref["statements"]), len(ref["arguments"]), len(ref["relations"])) == COUNTS[name]


@pytest.mark.parametrize("name", sorted(COUNTS))
def test_round_trip_through_the_tool(shared_dir: Path, name: str) -> None:
    run = tool()
    text = corpus(shared_dir, name).read_text(encoding="utf-8")
    m = argdown.loads(text, filename=name)
    written = argdown.map_to_argdown(m).text
    assert structure_from_json(run(written)) == structure_from_json(run(text))
    # and argmap reads its own output back to the same map
    assert argdown.loads(written) == argdown.loads(text)


@pytest.mark.parametrize("name", sorted(MAP_COUNTS))
def test_map_counts(shared_dir: Path, name: str) -> None:
    m = argmap.load(corpus(shared_dir, name))
    counts = m.counts()
    assert {k: counts[k] for k in MAP_COUNTS[name]} == MAP_COUNTS[name]


def test_primer_mapping(shared_dir: Path) -> None:
    m = argmap.load(corpus(shared_dir, "argdown-primer.argdown"))
    arg1 = next(a for a in m.arguments() if a.label == "Argument 1")
    assert sorted(m[p].text[:13] for p in arg1.premises) == ["First premise", "Let's do that"]
    assert arg1.scheme == "Some inference rule: p ∧ (p → q) → q"
    assert arg1.data["argdown"]["inferences"]["3"]["data"] == {"some_additional_data": [1, 2]}
    gist = next(c for c in m.claims() if c.label == "Argument title")
    assert gist.data["argdown"]["sketch"] is True and gist.tags == ("tag",)
    intro_attack = next(a for a in m.attacks() if a.target == arg1.id)
    assert m.attack_type(intro_attack) == "undercut"
    assert intro_attack.data["argdown"]["relation"]["type"] == "attack"


def test_state_censorship_front_matter_and_steps(shared_dir: Path) -> None:
    m = argmap.load(corpus(shared_dir, "state-censorship.argdown"))
    assert m.title == "Censorship from the State"
    doc = m["argdown-document"]
    assert doc.data["argdown"]["front_matter"]["author"] == "Gregor Betz"
    steps = [
        a
        for a in m.arguments()
        if a.data["argdown"].get("title") == ("Importance of inclusive public debate")
    ]
    assert len(steps) == 2  # one intermediary conclusion: two inference steps
    final = next(a for a in steps if a.label)
    assert m[final.conclusion].text.startswith("Legislation against incitement")
    irc = next(c for c in m.claims() if c.label == "IRC-legislation")
    assert irc.data["argdown"]["data"] == {"isInMap": False}


def test_brief_example_round_trip() -> None:
    if not BRIEF_TTL.is_file():
        pytest.skip(f"{BRIEF_TTL} is not written yet (another issue)")
    run = tool()
    m = argmap.load(BRIEF_TTL)
    out = argdown.map_to_argdown(m)
    ref = structure_from_json(run(out.text))
    back = argdown.loads(out.text)
    assert structure(parse_argdown(out.text)) == ref
    assert len(ref["statements"]) == len(list(m.statements()))
    assert len(list(back.arguments())) == len(list(m.arguments()))
    assert len(list(back.attacks())) == len(list(m.attacks()))
    for arg in m.arguments():
        title = out_title(back, arg.label or arg.id)
        assert title is not None, arg.id


def out_title(m: argmap.ArgumentMap, title: str) -> str | None:
    """The argument of ``m`` read from an Argdown argument called ``title``, if any."""
    for arg in m.arguments():
        if arg.data.get("argdown", {}).get("title") == title:
            return title
    return None


@settings(max_examples=40, suppress_health_check=list(HealthCheck))
@given(m=maps())
def test_random_maps_survive_argdown(m: argmap.ArgumentMap) -> None:
    # Documented limit: control, format and private-use characters are not kept exactly.
    assume(all(_plain(n.text) and _plain(n.label or "") for n in m.nodes()))
    text = argdown.map_to_argdown(m).text
    back = argdown.loads(text)
    assert len(list(back.statements())) == len(list(m.statements()))
    assert sorted(s.text.split() for s in back.statements()) == sorted(
        s.text.split() for s in m.statements()
    )
    assert len(list(back.arguments())) == len(list(m.arguments()))
    # Argdown relations are a set: two attacks between one pair are written once
    pairs = {(a.attacker, a.target) for a in m.attacks()}
    assert len({(a.attacker, a.target) for a in back.attacks()}) == len(pairs)
    # stable from the second write on (a repeated attack is written once, see above)
    again = argdown.map_to_argdown(back).text
    assert argdown.map_to_argdown(argdown.loads(again)).text == again


def _plain(text: str) -> bool:
    return all(
        ch.isspace() or unicodedata.category(ch) not in ("Cc", "Cf", "Co", "Cs", "Cn")
        for ch in text
    )


def test_random_maps_match_the_tool() -> None:
    run = tool()

    @settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
    @given(m=maps())
    def check(m: argmap.ArgumentMap) -> None:
        assume(all(_plain(n.text) and _plain(n.label or "") for n in m.nodes()))
        text = argdown.map_to_argdown(m).text
        assert structure(parse_argdown(text)) == structure_from_json(run(text))

    check()


@pytest.mark.parametrize(
    ("text", "line", "column", "message"),
    [
        ("[A]: ok\n\n* a list\n", 3, 1, "Markdown lists are not supported"),
        ("[A]: ok\n\n(1) p\n(2) q\n", 4, 1, "does not end in a conclusion"),
        ("[A]: a\n  _> [B]: b\n", 2, 3, r"an undercut \(_>\) must target an argument"),
        ("[A]: a {k: [1,}\n", 1, None, "YAML data does not parse"),
        ("[A]: a\n  >< <B>: b\n", 2, 3, r"a contradiction \(><\) cannot point to the argument"),
    ],
)
def test_errors_name_line_and_column(
    text: str, line: int, column: int | None, message: str
) -> None:
    with pytest.raises(ParseError, match=message) as info:
        argdown.loads(text, filename="in.argdown")
    assert info.value.file == "in.argdown" and info.value.line == line
    if column is not None:
        assert info.value.column == column


def test_lenient_reports_and_keeps_the_rest() -> None:
    m, report = argdown.argdown_to_map(
        "[A]: a\n\n* list\n\n[B]: b\n  - [A]\n", filename="x.argdown", lenient=True
    )
    assert [p.line for p in report] == [3]
    assert len(list(m.attacks())) == 1


def test_kinds_and_escapes_round_trip() -> None:
    m = argmap.ArgumentMap("k")
    e = m.evidence("76 nations #1 are party [sic] <b> {x} a//b .^.", id="e")
    r = m.recommendation("Abstain.", id="r")
    m.argue([e], r, id="a", label="Why")
    back = argdown.loads(argdown.dumps(m))
    assert sorted((s.kind, s.text) for s in back.statements()) == [
        ("evidence", "76 nations #1 are party [sic] <b> {x} a//b .^."),
        ("recommendation", "Abstain."),
    ]


def test_repeated_pcs_number_is_written_back_without_an_extra_inference() -> None:
    """Issue 16, Argdown (c): ``(3) ... ---- (3) ...`` (accepted by @argdown/core) keeps
    one inference before the first (3); a second would split the argument in two."""
    src = "<A>\n\n(1) [P]: p.\n(2) [Q]: q.\n----\n(3) [R]: r.\n(3) [S]: s.\n----\n(4) [T]: t.\n"
    m = argdown.loads(src)
    text = argdown.dumps(m).decode()
    assert "----\n(3) [R]\n(3) [S]\n----\n(4) [T]" in text
    back = argdown.loads(text)
    assert [(a.premises, a.conclusion) for a in back.arguments()] == [
        (a.premises, a.conclusion) for a in m.arguments()
    ]


# ------------------------------------------------------- issue 16: Argdown as its authors write it

# A minimal file of each idiom of issue 16 (Argdown (a)-(e)), and of the relations between
# arguments that @argdown/core rewrites in its model step.
IDIOMS = {
    # (a) sketched as a support, then reconstructed with a PCS concluding the thesis
    "a-sketch-then-reconstruct": (
        "[T]: The thesis.\n  <+ <A>: A sketch of the reason.\n\n"
        "<A>\n\n(1) [P]: A premise.\n----\n(2) [T]\n"
    ),
    "a-outgoing": (
        "<A>: A sketch.\n  +> [T]: The thesis.\n  -> [U]: Another claim.\n\n"
        "<A>\n\n(1) [P]: A premise.\n----\n(2) [T]\n"
    ),
    # (b) hard-wrapped headings
    "b-wrapped-heading": (
        "# A heading that is\nhard-wrapped over\nthree lines\n\n[T]: t\n  + [U]: u\n\n"
        "## A sub heading\nwrapped too {k: 1}\n\n[V]: v\n  - [T]\n"
    ),
    # (c) repeated PCS numbers
    "c-repeated-numbers": (
        "<A>\n\n(1) [P]: p.\n(2) [Q]: q.\n----\n(3) [R]: r.\n(3) [S]: s.\n----\n(4) [T]: t.\n"
    ),
    # (d) an undercut of an argument without a PCS
    "d-undercut-of-a-gist": "[X]: An objection.\n  _> <A>: A gist.\n\n[T]: t\n  <+ <A>\n",
    # (e) attack, contrary (strict mode), contradictory, undercut
    "e-loose": "[A]: a\n  - [B]: b\n  >< [D]: d\n\n[B]\n  - [A]\n\n[D]\n  >< [A]\n",
    "e-strict": (
        "===\nmodel:\n  mode: strict\n===\n\n"
        "[A]: a\n  - [B]: b\n  + [C]: c\n  >< [D]: d\n\n[B]\n  - [A]\n"
    ),
    "e-undercut-attack-support-of-a-pcs": (
        "<A>: a\n  <_ [X]: x\n  <- [Y]: y\n  <+ [Z]: z\n\n<A>\n\n(1) [P]: p\n----\n(2) [Q]: q\n\n"
        "[W]: w\n  -> [P]\n  -> <A>\n"
    ),
    "arguments-relate-to-arguments": (
        "<A>: a\n  +> <B>: b\n  -> <C>: c\n\n<A>\n\n(1) [P]: p\n----\n(2) [Q]: q\n\n"
        "<B>\n\n(1) [R]: r\n----\n(2) [S]: s\n"
    ),
}


def titles_and_relations(export: dict[str, Any]) -> dict[str, Any]:
    """Statement titles, argument titles and relations (from, to, type and the kinds of
    both ends) of one @argdown/core export.

    A contradictory or contrary relation is symmetric ("not both true"), so it is taken
    as an unordered pair: the tool merges ``[A] >< [B]`` with ``[B] >< [A]`` as written,
    but keeps both when one of them comes from an argument's conclusion (its model step
    compares directions only there), and argmap writes the pair once."""
    summary = structure_from_json(export)
    relations = set()
    for source, source_type, target, target_type, kind in summary["relations"]:
        ends = sorted([(source, source_type), (target, target_type)])
        if kind in ("contradictory", "contrary"):
            (source, source_type), (target, target_type) = ends
        relations.add((source, source_type, target, target_type, kind))
    return {
        "statements": sorted(summary["statements"]),
        "arguments": sorted(summary["arguments"]),
        "relations": sorted(relations),
    }


def round_trip_check(texts: dict[str, str]) -> None:
    """Each text, and what argmap writes of it, parse in @argdown/core to the same titles
    and relations; argmap's parser agrees with the tool on the original."""
    run = tool_many()
    names = list(texts)
    written = [argdown.map_to_argdown(argdown.loads(texts[n], filename=n)).text for n in names]
    before = run([texts[n] for n in names])
    after = run(written)
    for name, text, ref, back, out in zip(
        names, texts.values(), before, after, written, strict=True
    ):
        assert structure(parse_argdown(text)) == structure_from_json(ref), name
        assert titles_and_relations(back) == titles_and_relations(ref), (name, text, out)


def test_round_trip_keeps_titles_and_relations(shared_dir: Path) -> None:
    """Issue 16, item 3: Argdown -> argmap -> Argdown, both parsed by @argdown/core, gives
    the same statement titles, argument titles and relations (from, to, type), for every
    file in ../shared/corpora/argdown and a minimal file of each idiom (a)-(e).

    Both sides are compared as the tool exports them, that is after its own model step
    (argmap's parser does the same step, io/_argdown_model.py): a relation of an argument
    with a PCS becomes one of its conclusion, so the redundant support of (a) is dropped
    on both sides, and an undercut of such an argument targets its inference."""
    files = sorted((shared_dir / "corpora" / "argdown").glob("*.argdown"))
    assert files, "no Argdown corpus files"
    texts = {p.name: p.read_text(encoding="utf-8") for p in files}
    round_trip_check({**texts, **IDIOMS})


def test_a_sketch_then_reconstruct_is_accepted() -> None:
    """Issue 16, Argdown (a): ``[T] <+ <A>`` where <A>'s PCS concludes [T] is the argument
    itself: read as one argument, the redundant relation noted in the report and kept in
    the argument's ``data["argdown"]["redundant"]``, and written back."""
    m, report = argdown.argdown_to_map(IDIOMS["a-sketch-then-reconstruct"])
    (arg,) = m.arguments()
    assert [m[p].label for p in arg.premises] == ["P"] and m[arg.conclusion].label == "T"
    assert not list(m.attacks())
    (note,) = report.notes
    assert "is the argument itself" in note.message and note.node == arg.id
    (trace,) = arg.data["argdown"]["redundant"]
    assert (trace["from"], trace["to"], trace["type"]) == ("A", "T", "support")
    text = argdown.dumps(m).decode()
    assert "<A>\n  +> [T]\n" in text
    assert argdown.loads(text) == m


def test_b_wrapped_heading_is_one_title() -> None:
    """Issue 16, Argdown (b): a heading runs to the next blank line, as in @argdown/core:
    its continuation lines join its title and are no statements."""
    doc = parse_argdown(IDIOMS["b-wrapped-heading"])
    assert [(s.title, s.level, s.line) for s in doc.sections] == [
        ("A heading that is hard-wrapped over three lines", 1, 1),
        ("A sub heading wrapped too", 2, 8),
    ]
    assert sorted(doc.statements) == ["T", "U", "V"]
    m = argdown.loads(IDIOMS["b-wrapped-heading"])
    assert {s.data["argdown"]["section"] for s in m.statements()} == {
        "A heading that is hard-wrapped over three lines",
        "A sub heading wrapped too",
    }


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [("# Heading\n[T]: t\n", 2, 1), ("# Heading\nwrapped <A> here\n\n[T]: t\n", 2, 9)],
)
def test_b_element_inside_a_heading_is_refused(text: str, line: int, column: int) -> None:
    """Issue 16, Argdown (b): a statement or argument on a heading's lines is refused where
    @argdown/core refuses it (it needs a blank line before it)."""
    with pytest.raises(ParseError, match="heading") as info:
        argdown.loads(text, filename="h.argdown")
    assert (info.value.line, info.value.column) == (line, column)


def test_e_relation_types_are_kept() -> None:
    """Issue 16, Argdown (e): an attack between statements (loose mode) is one directed
    attack; a contrary (strict mode: "not both true") and a contradictory are symmetric,
    two attacks; each is written back as the same relation type."""
    loose = argdown.loads(IDIOMS["e-loose"])
    strict = argdown.loads(IDIOMS["e-strict"])

    def kinds(m: argmap.ArgumentMap) -> list[tuple[str, str, str]]:
        return sorted(
            (
                m[a.attacker].label or "",
                m[a.target].label or "",
                a.data["argdown"]["relation"]["type"],
            )
            for a in m.attacks()
        )

    assert kinds(loose) == [
        ("A", "B", "attack"), ("A", "D", "contradictory"),
        ("B", "A", "attack"), ("D", "A", "contradictory"),
    ]  # fmt: skip
    assert kinds(strict) == [
        ("A", "B", "contrary"), ("A", "D", "contradictory"),
        ("B", "A", "contrary"), ("D", "A", "contradictory"),
    ]  # fmt: skip
    (entails,) = strict.arguments()
    assert entails.data["argdown"]["relation"]["type"] == "entails"
    text = argdown.dumps(strict).decode()
    assert text.count("-> [A]") + text.count("-> [B]") == 1  # one contrary for the pair
    assert argdown.loads(text) == strict


def test_e_contrary_without_strict_mode_is_two_attacks() -> None:
    """Issue 16, Argdown (e): loose Argdown has no contrary; a contrary of a map whose
    front matter is not strict is written as an attack each way, and the export says so."""
    m = argdown.loads(IDIOMS["e-strict"])
    doc = m["argdown-document"]
    bare = argmap.ArgumentMap.from_nodes([n for n in m.nodes() if n.id != doc.id], name="bare")
    out = argdown.map_to_argdown(bare)
    assert "[B]\n  -> [A]\n" in out.text and "[A]\n  -> [B]\n" in out.text
    assert sum("contrary" in s for s in out.skipped) == 2
    assert len(list(argdown.loads(out.text).attacks())) == len(list(m.attacks()))


def test_d_undercut_of_a_gist_stays_an_undercut() -> None:
    """Issue 16, Argdown (d)/(e): an undercut of an argument without a PCS is written
    back as an undercut (``_>``), not as an attack."""
    text = argdown.dumps(argdown.loads(IDIOMS["d-undercut-of-a-gist"])).decode()
    assert "[X]\n  _> <A>" in text


_WORDS = ["It rains.", "The street is wet.", "Costs are high #cost", "ünïcödé 漢字", "a *b* c"]


@st.composite
def argdown_texts(draw: st.DrawFn) -> str:
    """A small Argdown file: statements (titled, and untitled paragraphs), headings (some
    hard-wrapped), arguments with and without a PCS (one or two inference steps; the PCS
    may conclude a statement the argument is also written as supporting: idiom (a)), and
    relation trees of every kind and direction, in loose or strict mode."""
    statements = [f"S{k}" for k in range(draw(st.integers(1, 5)))]
    arguments = [f"A{k}" for k in range(draw(st.integers(0, 3)))]
    lines = ["===", "model:", "  mode: strict", "===", ""] if draw(st.booleans()) else []
    words = st.sampled_from(_WORDS)
    for k, title in enumerate(statements):
        if draw(st.integers(0, 3)) == 0:
            wrapped = draw(st.booleans())
            lines += [f"{'#' * draw(st.integers(1, 2))} Part {k}"] + ["wrapped on"] * wrapped
            lines += [""]
        lines += [f"[{title}]: {draw(words)}", ""]
    lines += [f"A plain paragraph {k}." for k in range(draw(st.integers(0, 1)))] + [""]
    for title in arguments:
        lines += [f"<{title}>: {draw(words)}", ""]
        if draw(st.booleans()):
            premises = draw(
                st.lists(st.sampled_from(statements), min_size=1, max_size=2, unique=True)
            )
            others = [s for s in statements if s not in premises] + [f"C{title}"]
            conclusion = draw(st.sampled_from(others))
            pcs = [f"[{p}]" for p in premises]
            if draw(st.booleans()):  # an intermediary conclusion
                pcs += ["----", f"[I{title}]"]
            pcs += ["----", f"[{conclusion}]"]
            number = 0
            for item in pcs:
                if item != "----":
                    number += 1
                lines += [item if item == "----" else f"({number}) {item}"]
            lines += [""]
    ends = [f"[{s}]" for s in statements] + [f"<{a}>" for a in arguments]

    def child_of(parent: str, depth: int) -> list[str]:
        child = draw(st.sampled_from([e for e in ends if e != parent] or [parent]))
        if child == parent:
            return []
        # "><" only between statements as written; an undercut needs an argument to hit
        markers = ["+>", "->", "<+", "<-"]
        markers += ["_>"] if child.startswith("<") else ["><"]
        markers += ["<_"] if parent.startswith("<") else []
        out = [f"{'  ' * depth}{draw(st.sampled_from(markers))} {child}"]
        if depth < 2 and draw(st.integers(0, 2)) == 0:
            out += child_of(child, depth + 1)
        return out

    for _ in range(draw(st.integers(0, 5))):
        parent = draw(st.sampled_from(ends))
        tree = child_of(parent, 1)
        if tree:
            lines += [parent, *tree, ""]
    return "\n".join(lines)


def test_random_argdown_round_trip() -> None:
    """Issue 16, item 3, on generated files: the same titles and relations after
    Argdown -> argmap -> Argdown (compared after @argdown/core's model step, as above),
    and argmap's parser agrees with the tool. Twelve files per Node run."""

    # no shrinking (each step runs Node); a failure names the file, and what was written
    @settings(
        max_examples=4,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        phases=[Phase.explicit, Phase.reuse, Phase.generate],
    )
    @given(texts=st.lists(argdown_texts(), min_size=12, max_size=12))
    def check(texts: list[str]) -> None:
        round_trip_check({f"generated-{k}": t for k, t in enumerate(texts)})

    check()
