"""argmap.anchoring: quotes found without counting characters, and re-found in a revised brief."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import argmap
import argmap.anchoring as anchoring
from argmap import ArgumentMap
from argmap.anchoring import find_anchor, reanchor
from argmap.cli import app

runner = CliRunner()

FIRST = "It is a first-of-its-kind treaty"  # paragraph 1: nothing changes before it
LAUDABLE = "the UN’s goals are laudable"  # after the inserted paragraph: moves
FLAWED = "are fundamentally flawed"  # moves
SECURITY = "it does not adequately address data security issues"  # words inserted inside
RUSSIA = "the treaty has been “commandeered” by Russia"  # its sentence is deleted: lost
QUOTES = {"first": FIRST, "laudable": LAUDABLE, "flawed": FLAWED, "security": SECURITY,
          "russia": RUSSIA}
NOTE = "\n\nEditor’s note: this commentary was updated after the August session.\n"
DELETED = (
    "First, we should all be concerned that the treaty has been “commandeered” by Russia, "
    "warranting skepticism among democratic countries and stakeholders alike."
)


def revise(text: str) -> str:
    """The brief, revised: a paragraph inserted, words inserted in a quote, a sentence cut."""
    end_of_first = text.index("online child exploitation")
    end_of_first = text.index("\n", end_of_first)
    out = text[:end_of_first] + NOTE + text[end_of_first:]
    assert DELETED in out
    out = out.replace(DELETED, "")
    inside = "it does not adequately address"
    assert inside in out
    return out.replace(inside, "it does not adequately or credibly address")


def brief_map(text: str) -> ArgumentMap:
    m = ArgumentMap("brief")
    src = m.source("U.S. Chamber of Commerce on the UN Cybercrime Convention", id="brief")
    for node_id, quote in QUOTES.items():
        m.anchor(m.claim(quote, id=node_id), quote, source=src, text=text)
    return m


def test_anchor_finds_offsets_prefix_and_suffix(brief_text: str) -> None:
    m = brief_map(brief_text)
    a = m["flawed"].anchors[0]
    assert brief_text[a.start : a.end] == FLAWED
    assert brief_text[: a.start].endswith(a.prefix) and len(a.prefix) == anchoring.CONTEXT
    assert brief_text[a.end :].startswith(a.suffix)
    assert find_anchor(FLAWED, brief_text) == (a.exact, a.start, a.end, a.prefix, a.suffix)


def test_reanchor_on_a_revised_brief(brief_text: str) -> None:
    m = brief_map(brief_text)
    new = revise(brief_text)
    report = m.reanchor("brief", new)
    status = {r.node: r.status for r in report}
    assert status == {
        "first": "kept",
        "laudable": "moved",
        "flawed": "moved",
        "security": "fuzzy",
        "russia": "lost",
    }
    by_node = {r.node: r for r in report}
    assert by_node["laudable"].anchor.start == by_node["laudable"].old.start + len(NOTE)
    fuzzy = by_node["security"]
    assert fuzzy.anchor.exact == "it does not adequately or credibly address data security issues"
    assert 50 <= fuzzy.score < 100
    for node_id in QUOTES:  # the map now holds the new anchors, both selectors agreeing
        [a] = m[node_id].anchors
        if node_id == "russia":
            assert (a.start, a.end, a.exact) == (None, None, RUSSIA)
            continue
        assert new[a.start : a.end] == a.exact
        assert new[: a.start].endswith(a.prefix) and new[a.end :].startswith(a.suffix)
    assert report.count("lost") == 1


def test_reanchor_without_apply_leaves_the_map(brief_text: str) -> None:
    m = brief_map(brief_text)
    before = m.copy()
    reanchor(m, "brief", revise(brief_text), apply=False)
    assert m == before


def test_difflib_fallback(brief_text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(anchoring, "_fuzz", None)
    m = brief_map(brief_text)
    status = {r.node: r.status for r in reanchor(m, "brief", revise(brief_text))}
    assert status["security"] == "fuzzy" and status["russia"] == "lost"
    typo = brief_text.replace("fundamentally flawed", "fundamentaly flawed")
    m2 = brief_map(brief_text)
    [res] = [r for r in reanchor(m2, "brief", typo) if r.node == "flawed"]
    assert res.status == "fuzzy" and res.anchor.exact.endswith("flawed")


def test_reanchor_refuses_a_non_source(brief_text: str) -> None:
    with pytest.raises(argmap.ModelError, match="not a source"):
        reanchor(brief_map(brief_text), "flawed", brief_text)


@settings(max_examples=60, deadline=None)
@given(
    st.text("abcde ", min_size=1, max_size=60),
    st.text("abcde ", min_size=1, max_size=8),
    st.text("xyz ", max_size=10),
    st.integers(0, 60),
)
def test_moved_quotes_are_found_exactly(before: str, quote: str, insert: str, at: int) -> None:
    text = before + "Q" + quote + "Q" + before
    m = ArgumentMap("p")
    m.anchor(m.claim("C.", id="c"), "Q" + quote + "Q", source=m.source("S", id="s"), text=text)
    at = min(at, text.index("Q"))
    new = text[:at] + insert + text[at:]
    [r] = m.reanchor("s", new).results
    assert r.status in ("kept", "moved")
    assert new[r.anchor.start : r.anchor.end] == "Q" + quote + "Q"
    assert r.anchor.start == r.old.start + len(insert)


def test_cli_reanchor(brief_text: str, tmp_path: Path) -> None:
    m = brief_map(brief_text)
    path = tmp_path / "brief.ttl"
    argmap.dump(m, path)
    same = tmp_path / "same.txt"
    same.write_text(brief_text, encoding="utf-8")
    assert runner.invoke(app, ["reanchor", str(path), "brief", str(same)]).exit_code == 0
    revised = tmp_path / "revised.txt"
    revised.write_text(revise(brief_text), encoding="utf-8")
    out = tmp_path / "out.ttl"
    result = runner.invoke(
        app, ["reanchor", str(path), "brief", str(revised), "-o", str(out), "-f", "json"]
    )
    assert result.exit_code == 1, result.output
    rows = {r["node"]: r["status"] for r in json.loads(result.stdout)["anchors"]}
    assert rows["russia"] == "lost" and rows["security"] == "fuzzy"
    assert argmap.load(out)["laudable"].anchors[0].start is not None
    assert runner.invoke(app, ["reanchor", str(path), "nope", str(revised)]).exit_code == 2
    binary = tmp_path / "bin.txt"
    binary.write_bytes(b"\xff\xfe\xfa")
    assert runner.invoke(app, ["reanchor", str(path), "brief", str(binary)]).exit_code == 2
