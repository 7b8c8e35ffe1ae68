"""Kialo discussion exports: the tree, links, theses, sources, round trips, hostile input."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

import argmap
from argmap.errors import ArgmapError, FormatError, LimitExceeded, ParseError
from argmap.io import kialo
from argmap.io.registry import guess
from argmap.testing import assert_consistent

DATA = Path(__file__).parent / "data" / "kialo"
TREES = DATA / "trees.txt"
THESES = DATA / "theses.txt"


def test_trees_claims_sides_and_multiline() -> None:
    m, report = kialo.kialo_to_map(TREES.read_bytes(), filename=str(TREES))
    assert report.ok
    assert m.title == "Should towns plant more street trees?"
    assert m["c1"].text == "Towns should plant more street trees."
    assert m["c1.3"].text == (
        "Trees make streets quieter.\nThey also hide traffic from view,\n"
        "which makes people feel calmer."
    )
    assert m["r1.1"].kind == "argument" and m["r1.1"].conclusion == "c1"
    assert m["r1.2"].kind == "attack" and (m["r1.2"].attacker, m["r1.2"].target) == (
        "c1.2",
        "c1",
    )
    assert m["c1.1.2.1"].data["kialo"] == {"number": "1.1.2.1.", "side": "con"}


def test_links_sources_and_markdown_links() -> None:
    m = argmap.load(TREES)  # a .txt, recognised from its first line
    link = m["r1.2.1.1"]
    assert link.premises == ("c1.1",) and link.conclusion == "c1.2.1"
    assert link.data["kialo"]["link"] == "1.1."
    assert "c1.2.1.1" not in m  # a link line is no claim of its own
    source = m["s1"]
    assert source.kind == "source" and source.url == "https://example.org/street-trees"
    assert m["c1.1.1"].data["kialo"]["sources"] == ["s1"]
    assert m["c1.3.1.1"].data["kialo"]["links"] == ["https://example.org/planting-guide"]


def test_several_theses_make_a_question() -> None:
    m = argmap.load(THESES)
    assert m["c1"].kind == "issue"
    assert sorted(m.statements_about("c1")) == ["c1.1", "c1.2"]
    assert m["c1.2"].data["kialo"]["side"] == "thesis"
    assert m["r1.2.2"].premises == ("c1.1.2",) and m["r1.2.2"].conclusion == "c1.2"


@pytest.mark.parametrize("path", [TREES, THESES], ids=lambda p: p.name)
def test_round_trip_gives_the_same_export(path: Path, tmp_path: Path) -> None:
    m = argmap.load(path)
    assert kialo.dumps(m).decode() == path.read_text(encoding="utf-8")
    out = tmp_path / "copy.kialo"
    argmap.dump(m, out)
    assert argmap.load(out) == m
    assert_consistent(m)


def test_detection_does_not_steal_other_text(tmp_path: Path) -> None:
    brat_text = Path(__file__).parent / "data" / "brat" / "trees.txt"
    with pytest.raises(FormatError, match="cannot tell the format"):
        argmap.load(brat_text)
    other = tmp_path / "list.txt"
    other.write_text("1. milk\n2. bread\n1.1. not a claim\n", encoding="utf-8")
    with pytest.raises(FormatError):
        argmap.load(other)
    assert guess("x.txt", b"1. T.\n1.1. Con: C.\n").name == "kialo"
    assert guess("x.txt", b"\xef\xbb\xbfDiscussion Title: T\n").name == "kialo"


def test_writes_the_tree_of_a_map_built_by_hand() -> None:
    m = argmap.ArgumentMap("h", title="Walk?")
    t = m.claim("We should walk.", id="t")
    p = m.claim("It is healthy.", id="p")
    q = m.claim("It is slow.", id="q")
    m.argue([p, q], t, id="linked")  # linked premises: one Pro each
    m.attack(q, p, id="x")
    text = kialo.dumps(m).decode()
    assert text.splitlines()[2:] == [
        "1. We should walk.",
        "1.1. Pro: It is healthy.",
        "1.1.1. Con: It is slow.",
        "1.2. Pro: -> See 1.1.1.",
    ]
    back = kialo.loads(text)
    assert_consistent(back)


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        ("1. T.\n1.2.1. Pro: P.\n", "has no parent 1.2.", 2),
        ("1. T.\n1.1. Pro: P.\n1.1. Con: Q.\n", r"numbered twice \(first on line 2\)", 3),
        ("1. T.\n1.1. Pro: -> See 1.9.\n", "link to 1.9., which is no claim", 2),
        ("1. T.\n1.1. Pro: P.\n1.2. Con: -> See 1.3.\n1.3. Pro: -> See 1.1.\n", "itself a link", 3),
        ("1. T.\n1.1. Pro: P.\n1.1.1. Pro: -> See 1.1.\n", "uses its own conclusion", 3),
        ("1. T.\n1.1. Pro: P.\n1.1.1. Con: -> See 1.1.\n", "attacks itself", 3),
        ("1. T.\n1.1. Pro: P.\n1.1.1. Con: -> See 1.1.1.\n", "itself a link", 3),
        ("1. T.\n1.1. Pro: \n", "has no words", 2),
        ("1. T.\n1.1. Pro: P.\n1.1.1. Q.\n", "has no side", 3),
        ("Hello\n1. T.\n", "text before the thesis", 1),
        ("1. T.\n1.1. Pro: A\x01B\n", "U\\+0001", 2),
        ("1. Con: T.\n", "the thesis '1.' has no side", 1),
    ],
)
def test_hostile_exports_are_located(text: str, message: str, line: int) -> None:
    with pytest.raises(ParseError, match=message) as info:
        kialo.loads(text, filename="d.txt")
    assert not isinstance(info.value, ValidationError)
    assert (info.value.file, info.value.line) == ("d.txt", line)
    m, report = kialo.kialo_to_map(text, filename="d.txt", lenient=True)
    assert line in [p.line for p in report.problems]
    assert_consistent(m)


def test_lenient_reports_each_problem_and_keeps_the_rest() -> None:
    text = "1. T.\n1.1. Pro: P.\n1.3.1. Con: orphan\n1.2. Con: -> See 9.\n1.4. Con: Q.\n"
    m, report = kialo.kialo_to_map(text, filename="d.txt", lenient=True)
    assert [p.line for p in report.problems] == [3, 4]
    assert sorted(n.id for n in m) == ["c1", "c1.1", "c1.4", "r1.1", "r1.4"]


def test_no_thesis_not_utf8_and_caps(tmp_path: Path) -> None:
    with pytest.raises(ParseError, match="no thesis"):
        kialo.loads("Discussion Title: Empty\n\n", lenient=True)
    with pytest.raises(ParseError, match="not UTF-8") as info:
        kialo.loads(b"1. T.\n1.1. Pro: \xff\n", filename="u.txt")
    assert info.value.line == 2
    deep = "1. T.\n" + "".join("1." + "1." * i + " Pro: x\n" for i in range(1, 12))
    with argmap.limits(max_depth=5), pytest.raises(LimitExceeded, match="max_depth") as deep_info:
        kialo.loads(deep, filename="deep.txt")
    assert deep_info.value.line == 6
    wide = "1. T.\n" + "".join(f"1.{i}. Pro: x{i}\n" for i in range(1, 40))
    with argmap.limits(max_nodes=10), pytest.raises(LimitExceeded, match="max_nodes"):
        kialo.loads(wide)
    big = tmp_path / "big.txt"
    big.write_text(wide, encoding="utf-8")
    with pytest.raises(LimitExceeded, match="max_bytes"):
        argmap.load(big, limits=argmap.Limits(max_bytes=100))
    with argmap.limits(max_text=5), pytest.raises(LimitExceeded, match="max_text"):
        kialo.loads("1. T.\n1.1. Pro: a long claim\n")


# ---------------------------------------------------------------- properties

LINE = st.text(st.sampled_from("abcxyz äß漢🙂,.?!()[]"), min_size=1, max_size=20).filter(
    lambda s: s.strip() == s and s and not s.startswith(("->", "Sources")) and s[0] != "1"
)


@st.composite
def exports(draw: st.DrawFn) -> str:
    """A valid export: a tree of claims (some multi-line) with links to other claims."""
    lines = ["Discussion Title: " + draw(LINE), "", "1. " + draw(LINE)]
    claims = ["1."]

    def children(parent: str, depth: int) -> None:
        for index in range(1, draw(st.integers(0, 3 if depth < 3 else 0)) + 1):
            if len(lines) > 30:
                return
            number = f"{parent}{index}."
            side = draw(st.sampled_from(["Pro", "Con"]))
            linkable = [c for c in claims if c != parent]
            if linkable and draw(st.integers(0, 4)) == 0:
                lines.append(f"{number} {side}: -> See {draw(st.sampled_from(linkable))}")
                continue
            words = draw(st.lists(LINE, min_size=1, max_size=3))
            lines.append(f"{number} {side}: " + "\n".join(words))
            claims.append(number)
            children(number, depth + 1)

    children("1.", 0)
    return "\n".join(lines) + "\n"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(exports())
def test_round_trip_property(text: str) -> None:
    m = kialo.loads(text)
    assert kialo.dumps(m).decode() == text
    assert_consistent(m, allow="logical")  # links may run in circles


@settings(max_examples=40, deadline=None)
@given(st.binary(max_size=300) | st.text(max_size=300).map(str.encode))
def test_any_bytes_load_or_fail_located(data: bytes) -> None:
    try:
        kialo.loads(data, filename="f.txt", lenient=True)
    except ArgmapError as exc:
        assert isinstance(exc, ParseError) and exc.file == "f.txt"


def test_forward_links_round_trip() -> None:
    text = (
        "Discussion Title: X\n\n1. T.\n1.1. Pro: A.\n1.1.1. Con: -> See 1.2.1.\n"
        "1.2. Con: C.\n1.2.1. Pro: D.\n"
    )
    m = kialo.loads(text)
    assert m["r1.1.1"].attacker == "c1.2.1" and m["r1.1.1"].target == "c1.1"
    assert kialo.dumps(m).decode() == text


def _chain(n: int) -> argmap.ArgumentMap:
    m = argmap.ArgumentMap("chain")
    prev = m.claim("C0.", id="c0")
    for i in range(1, n):
        c = m.claim(f"C{i}.", id=f"c{i}")
        m.argue([c], prev, id=f"a{i}")
        prev = c
    return m


def test_a_tree_deeper_than_the_read_cap_is_refused_when_written() -> None:
    """Found crawling the corpora: admbuster_1000.af as Kialo was written 500 levels deep
    and then refused on reading (max_depth); a chain of 1,500 claims crashed the writer
    with RecursionError."""
    m = _chain(1500)
    with pytest.raises(FormatError, match="the tree is 1,500 levels deep, over the max_depth"):
        argmap.dumps(m, "kialo")
    with argmap.limits(max_depth=2000):
        back = argmap.loads(argmap.dumps(m, "kialo"), "kialo")
    assert len(list(back.claims())) == 1500
