"""`--lenient` and `--report` on every command that reads a map; strict errors list all.

The broken files are made from a shared AIF nodeset (read in place, never copied into the
repository) by deleting edges, as a corpus' own messiness would: an RA-node without a
premise, a CA-node without an attacker, and a CA-node whose attacker is its target.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import argmap
from argmap.cli import app
from argmap.io import load_with_report, loads_with_report

runner = CliRunner()
NODESET = Path("corpora") / "aif" / "iac" / "nodeset8354.json"
RA, CA, SELF = "156166", "156169", "156174"  # the RA and CAs broken below


def _edges_into(doc: dict[str, Any], node: str) -> list[dict[str, Any]]:
    return [e for e in doc["edges"] if e["toID"] == node]


def _broken(shared: Path, tmp_path: Path, *, self_attack: bool = True) -> Path:
    """The nodeset with RA's premise and CA's attacker deleted, and SELF attacking itself."""
    doc = json.loads((shared / NODESET).read_text(encoding="utf-8"))
    kinds = {n["nodeID"]: n["type"] for n in doc["nodes"]}
    assert (kinds[RA], kinds[CA], kinds[SELF]) == ("RA", "CA", "CA")
    doomed = {id(e) for e in _edges_into(doc, RA) + _edges_into(doc, CA)}
    doc["edges"] = [e for e in doc["edges"] if id(e) not in doomed]
    if self_attack:
        target = next(e["toID"] for e in doc["edges"] if e["fromID"] == SELF)
        for edge in _edges_into(doc, SELF):
            edge["fromID"] = target
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


@pytest.fixture
def broken(shared_dir: Path, tmp_path: Path) -> Path:
    return _broken(shared_dir, tmp_path)


def test_info_lenient_exits_0_and_names_each_record(broken: Path, tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    result = runner.invoke(app, ["info", str(broken), "--lenient", "--report", str(report)])
    assert result.exit_code == 0, result.output
    for node in (RA, CA, SELF):
        assert f"node {node}" in result.stderr
    assert "RA-node has no premise" in result.stderr
    assert "CA-node has no attacker" in result.stderr
    assert "attacks itself" in result.stderr
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["ok"] is False and data["lenient"] is True and data["format"] == "aif"
    assert data["skipped"] == 2
    assert [p["node"] for p in data["problems"]] == [RA, CA]
    assert [p["node"] for p in data["notes"]] == [SELF]
    assert set(data["problems"][0]) == {"message", "file", "line", "column", "node", "path"}


def test_strict_error_names_every_problem(broken: Path, tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    result = runner.invoke(app, ["info", str(broken), "--report", str(report)])
    assert result.exit_code == 2
    assert "2 problems" in result.stderr
    assert f"node {RA}" in result.stderr and f"node {CA}" in result.stderr
    assert "--lenient" in result.stderr
    data = json.loads(report.read_text(encoding="utf-8"))  # written on failure too
    assert data["ok"] is False and [p["node"] for p in data["problems"]] == [RA, CA]
    with pytest.raises(argmap.ImportFailed) as caught:
        argmap.load(broken)
    assert [p.node for p in caught.value.problems] == [RA, CA]
    assert isinstance(caught.value, argmap.ParseError)


def test_the_self_attack_alone_is_no_error(shared_dir: Path, tmp_path: Path) -> None:
    doc = json.loads((shared_dir / NODESET).read_text(encoding="utf-8"))
    target = next(e["toID"] for e in doc["edges"] if e["fromID"] == SELF)
    for edge in _edges_into(doc, SELF):
        edge["fromID"] = target
    path = tmp_path / "self.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    m, report = load_with_report(path)  # strict
    assert report.ok and [n.node for n in report.notes] == [SELF]
    assert [(t.attacker, t.target) for t in m.attacks() if t.id == SELF] == [(target, target)]
    assert "self-attack" in {f.rule for f in argmap.validate(m).warnings}
    back = argmap.loads(argmap.dumps(m, "turtle"), "turtle")  # the RDF round trip keeps it
    assert back == m


def test_strict_lists_at_most_twenty_with_the_total() -> None:
    nodes = [{"nodeID": str(i), "text": "Default Inference", "type": "RA"} for i in range(25)]
    data = json.dumps({"nodes": nodes, "edges": []})
    with pytest.raises(argmap.ImportFailed) as caught:
        argmap.loads(data, "aif")
    text = str(caught.value)
    assert "25 problems" in text and "... and 5 more" in text
    assert text.count("RA-node has no premise") == 20
    m, report = loads_with_report(data, "aif", lenient=True)
    assert len(report) == 25 and not list(m.arguments())


@pytest.mark.parametrize(
    "args",
    [
        ["info", "{f}"],
        ["convert", "{f}", "{tmp}/out.ttl"],
        ["export", "{f}", "--to", "nt"],
        ["trace", "{f}"],
        ["validate", "{f}"],
        ["accept", "{f}"],
        ["render", "{f}", "{tmp}/out.dot"],
    ],
    ids=lambda a: a[0],
)
def test_every_reading_command_takes_lenient_and_report(
    broken: Path, tmp_path: Path, args: list[str]
) -> None:
    argv = [a.format(f=broken, tmp=tmp_path) for a in args]
    strict = runner.invoke(app, argv)
    assert strict.exit_code == 2 and f"node {RA}" in strict.stderr, strict.output
    report = tmp_path / "r.json"
    result = runner.invoke(app, [*argv, "--lenient", "--report", str(report)])
    # validate exits 1 for what it finds in the sound map (errors), never 2
    assert result.exit_code in ((0, 1) if args[0] == "validate" else (0,)), result.output
    assert f"node {RA}" in result.stderr and f"node {CA}" in result.stderr
    assert json.loads(report.read_text(encoding="utf-8"))["skipped"] == 2


def test_push_takes_lenient(broken: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    result = runner.invoke(app, ["push", str(broken), "--store", str(store), "--lenient"])
    assert result.exit_code == 0, result.output
    assert f"node {CA}" in result.stderr


def test_every_reading_command_documents_the_flags() -> None:
    for command in ("info", "convert", "export", "trace", "validate", "accept", "render", "push"):
        result = runner.invoke(app, [command, "--help"], env={"COLUMNS": "200"})
        assert "--lenient" in result.output and "--report" in result.output, command


BROKEN = {
    "turtle": b"@prefix am: <https://w3id.org/argmap/ns#> .\n<x> a am:Claim ;",
    "nt": b"<x> <y> .\n",
    "jsonld": b'{"@id": ',
    "xml": b"<?xml version='1.0'?>\n<rdf:RDF",
    "i23": b"p af 2\n1 3\n",
    "apx": b"arg(a).\natt(a,b).\n",
    "tgf": b"a\n#\na b\n",
}


@pytest.mark.parametrize("fmt", sorted(BROKEN))
def test_lenient_is_accepted_by_formats_read_whole(fmt: str, tmp_path: Path) -> None:
    """Broken syntax (RDF) or any fault (ICCMA) refuses the file even when lenient."""
    m = argmap.ArgumentMap("whole")
    m.attack(m.claim("A.", id="a"), m.claim("B.", id="b"))
    ext = argmap.io.get(fmt).extensions[0]
    path = tmp_path / f"m.{ext}"
    argmap.dump(m, path)
    back, report = load_with_report(path, lenient=True)
    assert len(list(back.statements())) == 2 and report.ok
    broken = tmp_path / f"broken.{ext}"
    broken.write_bytes(BROKEN[fmt])
    with pytest.raises(argmap.ParseError):
        argmap.load(broken, fmt, lenient=True)


@pytest.mark.parametrize(("command", "name", "text"), [
    ("validate", "m.ttl", None),
    ("accept", "m.apx", "arg(a).\narg(b).\natt(a,b).\natt(b,b).\n"),
])
def test_report_for_files_read_whole(
    tmp_path: Path, command: str, name: str, text: str | None
) -> None:
    path = tmp_path / name
    if text is None:
        m = argmap.ArgumentMap("whole")
        m.attack(m.claim("A.", id="a"), m.claim("B.", id="b"))
        argmap.dump(m, path)
    else:
        path.write_text(text, encoding="utf-8")
    report = tmp_path / "r.json"
    result = runner.invoke(app, [command, str(path), "--lenient", "--report", str(report)])
    assert result.exit_code in (0, 1), result.output
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["ok"] is True and data["skipped"] == 0 and data["file"] == str(path)
    assert data["format"] == argmap.io.guess(path).name


RDF_BAD_NODES = b"""@prefix am: <https://w3id.org/argmap/ns#> .
<http://ex.org/c> a am:Claim ; am:text "C." .
<http://ex.org/p> a am:Claim .
<http://ex.org/a> a am:Argument ; am:conclusion <http://ex.org/c> ; am:premise <http://ex.org/p> .
<http://ex.org/b> a am:Argument ; am:conclusion <http://ex.org/c> .
"""


def test_rdf_nodes_the_map_cannot_hold_are_skipped_and_named(tmp_path: Path) -> None:
    path = tmp_path / "bad.ttl"
    path.write_bytes(RDF_BAD_NODES)
    strict = runner.invoke(app, ["info", str(path)])
    assert strict.exit_code == 2 and "3 problems" in strict.stderr
    report = tmp_path / "r.json"
    result = runner.invoke(app, ["info", str(path), "--lenient", "--report", str(report),
                                 "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["claims"] == 1
    nodes = [p["node"] for p in json.loads(report.read_text(encoding="utf-8"))["problems"]]
    # p has no text; a rests on p (skipped in its turn, and said); b has no premise
    assert nodes == ["<http://ex.org/p>", "<http://ex.org/a>", "<http://ex.org/b>"]
    for node in nodes:
        assert node in result.stderr
    # validate, strict, still checks the triples one by one and names the same nodes
    found = runner.invoke(app, ["validate", str(path), "--format", "json"])
    assert found.exit_code == 1
    assert {"argument-without-premise", "missing-text"} <= {
        f["rule"] for f in json.loads(found.stdout)["findings"]}


BRAT_DATA = Path(__file__).resolve().parent / "data" / "brat"


def test_brat_and_kialo_read_leniently_and_strict_names_every_bad_record(tmp_path: Path) -> None:
    ann = tmp_path / "trees.ann"
    (tmp_path / "trees.txt").write_bytes((BRAT_DATA / "trees.txt").read_bytes())
    ann.write_bytes(
        (BRAT_DATA / "trees.ann").read_bytes()
        + b"R99\tsupports Arg1:T98 Arg2:T97\nR98\tattacks Arg1:T96 Arg2:T1\n"
    )
    kialo = tmp_path / "d.kialo.txt"
    kialo.write_text("1. T.\n1.1. Pro: P.\n1.3.1. Con: orphan\n1.4.1. Con: orphan2\n")
    for path, bad in ((ann, ("R99", "R98")), (kialo, ("c1.3.1", "c1.4.1"))):
        strict = runner.invoke(app, ["info", str(path)])
        assert strict.exit_code == 2 and all(node in strict.output for node in bad)
        lenient = runner.invoke(app, ["info", str(path), "--lenient"])
        assert lenient.exit_code == 0, lenient.output
        assert all(node in lenient.output for node in bad)
        m, report = load_with_report(path, lenient=True)
        assert len(report.problems) == 2 and len(m) > 0
