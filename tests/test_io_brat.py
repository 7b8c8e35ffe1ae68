"""brat standoff (.ann + .txt): anchored statements, relations, stances, round trips, hostile input."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import argmap
from argmap.cli import app
from argmap.errors import ArgmapError, LimitExceeded, ParseError
from argmap.io import brat
from argmap.io.registry import guess
from argmap.testing import assert_consistent
from tests.strategies import maps

DATA = Path(__file__).parent / "data" / "brat"
TREES = DATA / "trees.ann"
runner = CliRunner()


def _records(ann: str) -> set[tuple[str, ...]]:
    """The spans, relations, attributes and notes of an .ann, as comparable records."""
    out: set[tuple[str, ...]] = set()
    for line in ann.splitlines():
        fields = line.split("\t")
        if line.startswith("T"):
            out.add(("T", fields[0], fields[1]))
        elif line.startswith(("R", "A", "#")):
            out.add((line[0], *fields))
        elif line.strip():
            out.add(("other", line))
    return out


def test_trees_spans_anchor_exactly() -> None:
    m, report = brat.brat_to_map(TREES.read_bytes(), filename=str(TREES))
    assert report.ok and not report.notes
    text = (DATA / "trees.txt").read_text(encoding="utf-8")
    assert m["trees"].kind == "source" and m["trees"].data["brat"]["text"] == text
    claims = {c.id: c for c in m.claims()}
    assert sorted(claims) == [f"T{i}" for i in range(1, 10)]
    for claim in claims.values():
        (anchor,) = claim.anchors
        assert anchor.source == "trees"
        assert text[anchor.start : anchor.end] == anchor.exact == claim.text
        assert anchor.prefix == text[max(0, anchor.start - 32) : anchor.start]
    assert claims["T1"].data["brat"]["type"] == "MajorClaim"
    assert claims["T3"].data["brat"]["type"] == "Premise"


def test_trees_relations_stances_and_notes() -> None:
    m = argmap.load(TREES)  # found by its extension; the .txt read from beside it
    assert m["R1"].premises == ("T3",) and m["R1"].conclusion == "T2"
    assert (m["R2"].attacker, m["R2"].target) == ("T5", "T4")
    # Stance For/Against relates the claim to each major claim (T1 and T9)
    assert {(a.id, a.conclusion) for a in m.arguments() if a.id.startswith("A")} == {
        ("A1.T1", "T1"),
        ("A1.T9", "T9"),
        ("A3.T1", "T1"),
        ("A3.T9", "T9"),
    }
    assert {(a.id, a.target) for a in m.attacks() if a.id.startswith("A")} == {
        ("A2.T1", "T1"),
        ("A2.T9", "T9"),
    }
    assert m["T2"].data["brat"]["attributes"] == [{"id": "A1", "name": "Stance", "value": "For"}]
    assert m["T5"].data["brat"]["notes"][0]["text"].startswith("concession answered")


def test_trees_round_trip_is_byte_identical(tmp_path: Path) -> None:
    m = argmap.load(TREES)
    assert brat.dumps(m).decode() == TREES.read_text(encoding="utf-8")
    out = tmp_path / "copy.ann"
    argmap.dump(m, out)  # writes the .txt beside the .ann
    assert out.with_suffix(".txt").read_bytes() == (DATA / "trees.txt").read_bytes()
    again = argmap.load(out)
    assert _records(out.read_text()) == _records(TREES.read_text())
    assert {n.id for n in again} - {"copy"} == {n.id for n in m} - {"trees"}


def test_discontinuous_spellings_attributes_and_kept_lines() -> None:
    path = DATA / "spellings.ann"
    m, report = brat.brat_to_map(path.read_bytes(), filename=str(path))
    assert report.ok
    t1 = m["T1"]
    assert [(a.start, a.end) for a in t1.anchors] == [(94, 112), (113, 124)]
    assert t1.text == "Trees cool the air on hot days"
    assert m["R1"].kind == "argument" and m["R2"].kind == "attack"
    assert "R3" not in m  # 'Sequence' is neither: kept verbatim and noted
    assert len(report.notes) == 3
    kept = [k["text"] for k in m["spellings"].data["brat"]["other"]]
    assert kept == [
        "N1\tReference T1 Wikipedia:534366\tTree",
        "*\tEquiv T2 T3",
        "R3\tSequence Arg1:T2 Arg2:T3",
    ]
    assert m["T3"].data["brat"]["attributes"] == [{"id": "A2", "name": "Negation", "value": None}]
    assert _records(brat.dumps(m).decode()) == _records(path.read_text())


def test_brat_maps_validate_and_render(tmp_path: Path) -> None:
    for name in ("trees.ann", "spellings.ann"):
        m = argmap.load(DATA / name)
        report = assert_consistent(m)
        assert not [f for f in report if f.rule.startswith("anchor")]
        assert not [f for f in report if f.rule == "unanchored-statement"]
    m = argmap.load(TREES)
    assert argmap.loads(argmap.dumps(m, "turtle"), "turtle") == m


def test_cli_trace_validate_render_on_brat(tmp_path: Path) -> None:
    for name in ("trees.ann", "trees.txt"):
        shutil.copy(DATA / name, tmp_path / name)
    ann = str(tmp_path / "trees.ann")
    result = runner.invoke(app, ["validate", ann])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["trace", ann, "--recommendation", "T2", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert "their leaves shade the pavement" in result.output
    out = tmp_path / "out.dot"
    result = runner.invoke(app, ["render", ann, str(out)])
    assert result.exit_code == 0, result.output
    assert "Trees cool the air" in out.read_text(encoding="utf-8")
    copy = tmp_path / "sub" / "copy.ann"
    result = runner.invoke(app, ["convert", ann, str(copy)])
    assert result.exit_code == 0, result.output
    assert copy.with_suffix(".txt").read_bytes() == (DATA / "trees.txt").read_bytes()
    assert copy.read_bytes() == TREES.read_bytes()


def test_formats_lists_brat_and_kialo() -> None:
    result = runner.invoke(app, ["formats"])
    assert result.exit_code == 0
    assert "brat" in result.output and "kialo" in result.output
    assert guess("x.ann", b"T1\tClaim 0 1\tx\n").name == "brat"


TEXT = "We should act. It is cheap. It is slow."


@pytest.mark.parametrize(
    ("ann", "message", "line"),
    [
        ("T1\tClaim 0 99\tx", "runs past the end of the text", 1),
        ("T1\tClaim 10 5\tx", "runs backwards", 1),
        ("T1\tClaim 5 5\tx", "is empty", 1),
        (
            "T1\tClaim 0 14\tWe should act.\nT2\tClaim 10 20\tact. It is",
            "overlaps the span of T1",
            2,
        ),
        ("T1\tClaim 0 14\tWe should act.\nT2\tClaim 0 14\tWe should act.", "overlaps", 2),
        ("T1\tClaim 0 8;5 14\tWe should act.", "fragments of this span overlap", 1),
        (
            "T1\tClaim 0 14\tWe should act.\nR1\tsupports Arg1:T1 Arg2:T7",
            "'T7', which is no span",
            2,
        ),
        ("T1\tClaim 0 14\tWe should act.\nR1\tattacks Arg1:T1 Arg2:T1", "joins T1 to itself", 2),
        ("T1\tClaim 0 14\tWe should act.\nA1\tStance T4 For", "names 'T4', which is no span", 2),
        ("T1\tClaim 0 14\tWe should act.\n#1\tAnnotatorNotes T4\tx", "which is no span", 2),
        ("T1\tClaim zero 14\tWe", "needs 'Type start end", 1),
        ("T1 Claim 0 14 We should act.", "no tab", 1),
        ("T1\tClaim 0 14\tWe should act.\nT1\tClaim 15 27\tIt is cheap.", "used twice", 2),
        ("T1\tClaim 0 14\tWe must act.", "are not the text at 0 14", 1),
        ("R1\tsupports T1 T2", "relation needs", 1),
        ("A1\tStance", "attribute needs", 1),
    ],
)
def test_hostile_annotations_are_located(ann: str, message: str, line: int) -> None:
    with pytest.raises(ParseError, match=message) as info:
        brat.loads(ann + "\n", text=TEXT, filename="bad.ann")
    assert (info.value.file, info.value.line) == ("bad.ann", line)
    m, report = brat.brat_to_map(ann + "\n", text=TEXT, filename="bad.ann", lenient=True)
    assert [p.line for p in report.problems] == [line]
    assert_consistent(m)


def test_control_characters_are_a_located_parse_error() -> None:
    text = "A\x01B is odd."
    with pytest.raises(ParseError, match="U\\+0001") as info:
        brat.loads("T1\tClaim 0 3\tA\x01B\n", text=text, filename="c.ann")
    assert info.value.line == 1 and info.value.node == "T1"
    m = brat.loads("T1\tClaim 4 6\tis\n", text=text)  # near it is fine: the prefix stops
    assert m["T1"].anchors[0].prefix == "B "


def test_lenient_reports_every_skipped_record_and_keeps_the_rest() -> None:
    ann = "\n".join(
        [
            "T1\tMajorClaim 0 14\tWe should act.",
            "T2\tPremise 15 27\tIt is cheap.",
            "T3\tPremise 28 99\tIt is slow.",  # past the text
            "R1\tsupports Arg1:T2 Arg2:T1",
            "R2\tattacks Arg1:T3 Arg2:T1",  # names the skipped T3
            "A1\tStance T2 Maybe",  # kept as an attribute, noted
        ]
    )
    with pytest.raises(ParseError, match="line 3"):
        brat.loads(ann, text=TEXT, filename="l.ann")
    m, report = brat.brat_to_map(ann, text=TEXT, filename="l.ann", lenient=True)
    assert [(p.line, p.node) for p in report.problems] == [(3, "T3"), (5, "R2")]
    assert sorted(n.id for n in m) == ["R1", "T1", "T2", "l"]
    assert any("Maybe" in str(n) for n in report.notes)


def test_not_utf8_and_missing_text(tmp_path: Path) -> None:
    with pytest.raises(ParseError, match="not UTF-8") as info:
        brat.loads(b"T1\tClaim 0 1\t\xff\n", text="x", filename="u.ann")
    assert info.value.line == 1
    (tmp_path / "v.ann").write_bytes(b"T1\tClaim 0 1\tx\n")
    (tmp_path / "v.txt").write_bytes(b"ok\n\xc3\x28")
    with pytest.raises(ParseError, match="the text is not UTF-8") as info:
        argmap.load(tmp_path / "v.ann")
    assert info.value.file == str(tmp_path / "v.txt") and info.value.line == 2
    (tmp_path / "w.ann").write_bytes(b"T1\tClaim 0 1\tx\n")
    with pytest.raises(ParseError, match=r"needs its \.txt beside it"):
        argmap.load(tmp_path / "w.ann")
    with pytest.raises(ParseError, match="pass text="):
        brat.loads("T1\tClaim 0 1\tx\n")


def test_huge_inputs_hit_the_caps(tmp_path: Path) -> None:
    shutil.copy(DATA / "trees.txt", tmp_path / "big.txt")
    (tmp_path / "big.ann").write_bytes(TREES.read_bytes())
    with pytest.raises(LimitExceeded, match="max_bytes"):
        argmap.load(tmp_path / "big.ann", limits=argmap.Limits(max_bytes=400))
    (tmp_path / "big.txt").write_bytes(b"x" * 2000)
    (tmp_path / "big.ann").write_bytes(b"T1\tClaim 0 1\tx\n")
    with pytest.raises(LimitExceeded, match=r"big\.txt") as info:
        argmap.load(tmp_path / "big.ann", limits=argmap.Limits(max_bytes=1000))
    assert isinstance(info.value, ArgmapError)
    many = "".join(f"T{i}\tClaim {i} {i + 1}\tx\n" for i in range(50))
    with pytest.raises(LimitExceeded, match="max_nodes"), argmap.limits(max_nodes=20):
        brat.loads(many, text="x" * 60)
    with pytest.raises(LimitExceeded, match="max_text"), argmap.limits(max_text=10):
        brat.loads("T1\tClaim 0 30\t" + "y" * 30 + "\n", text="y" * 30)


# ---------------------------------------------------------------- properties

WORDS = st.text(st.sampled_from("abcdefgh ijk.,äß漢🙂"), min_size=1, max_size=8).filter(
    lambda w: w.strip() == w and w != ""
)


@st.composite
def annotations(draw: st.DrawFn) -> tuple[str, str]:
    """A text and a valid .ann over it: spans (some discontinuous), relations, stances."""
    words = draw(st.lists(WORDS, min_size=2, max_size=25))
    starts, text = [], ""
    for word in words:
        starts.append(len(text))
        text += word + draw(st.sampled_from([" ", "\n", "  "]))
    lines, ids, i, t = [], [], 0, 0
    kinds = st.sampled_from(["MajorClaim", "Claim", "Premise", "Backing"])
    while i < len(words):
        if draw(st.booleans()):
            i += 1
            continue
        t += 1
        tid = f"T{t}"
        frags = [(starts[i], starts[i] + len(words[i]))]
        if i + 2 < len(words) and draw(st.booleans()):  # discontinuous: skip one word
            frags.append((starts[i + 2], starts[i + 2] + len(words[i + 2])))
            i += 3
        else:
            i += 1
        offsets = ";".join(f"{s} {e}" for s, e in frags)
        lines.append(f"{tid}\t{draw(kinds)} {offsets}\t{' '.join(text[s:e] for s, e in frags)}")
        ids.append(tid)
    if len(ids) >= 2:
        pairs = st.tuples(st.sampled_from(ids), st.sampled_from(ids)).filter(lambda p: p[0] != p[1])
        for r, (a, b) in enumerate(draw(st.lists(pairs, max_size=8)), 1):
            kind = draw(st.sampled_from(["supports", "attacks", "Support", "Attack"]))
            lines.append(f"R{r}\t{kind} Arg1:{a} Arg2:{b}")
        for n, tid in enumerate(draw(st.lists(st.sampled_from(ids), unique=True, max_size=3)), 1):
            lines.append(f"A{n}\tStance {tid} {draw(st.sampled_from(['For', 'Against']))}")
    return text, "".join(line + "\n" for line in lines)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(annotations())
def test_round_trip_keeps_spans_and_relations(doc: tuple[str, str]) -> None:
    text, ann = doc
    m = brat.loads(ann, text=text)
    out = brat.dumps(m).decode()
    assert _records(out) == _records(ann)
    again = brat.loads(out, text=brat.text_of(m))
    assert again == m
    assert_consistent(m, allow="logical")  # random relations may run in circles


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(maps())
def test_any_map_writes_brat_that_reads_back_or_fails_located(m: argmap.ArgumentMap) -> None:
    ann = brat.dumps(m)
    try:
        back, report = brat.brat_to_map(ann, text=brat.text_of(m), lenient=True)
    except ArgmapError:
        return
    assert report.ok or all(p.line is not None for p in report.problems)
    assert len(list(back.claims())) <= len(list(m.statements()))


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "T1",
                "T2",
                "R1",
                "A1",
                "#1",
                "E1",
                "\t",
                " ",
                "Claim",
                "supports",
                "Stance",
                "For",
                "Arg1:T1",
                "Arg2:T2",
                "0",
                "3",
                "9",
                ";",
                "\n",
                "x",
            ]
        ),
        max_size=40,
    ).map("".join)
)
def test_any_annotation_text_loads_or_fails_located(ann: str) -> None:
    try:
        m, report = brat.brat_to_map(ann, text="abc def ghi", filename="f.ann", lenient=True)
    except ArgmapError as exc:
        assert isinstance(exc, ParseError) and exc.file == "f.ann"
        return
    assert all(p.line is not None for p in report.problems)
    assert_consistent(m, allow="logical")
