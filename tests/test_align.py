"""argmap.align and merge: proposals, the edited table, merging only what was accepted."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import argmap
import argmap.align as align_module
from argmap import ArgumentMap
from argmap.align import Alignment, align, merge

BENCH = Path(__file__).resolve().parents[1] / "benchmarks"


def two_maps() -> tuple[ArgumentMap, ArgumentMap]:
    a = ArgumentMap("a")
    r = a.recommendation("Tuition fees should not be charged in Germany.", id="r")
    a.argue([a.claim("Studying must remain a basic right for everyone.", id="right")], r)
    a.actor("German government", id="gov")
    b = ArgumentMap("b")
    r2 = b.recommendation("Universities in Germany should not charge tuition fees.", id="r")
    b.argue([b.claim("Every citizen has a basic right to studying.", id="right")], r2)
    b.claim("Universities should charge tuition fees in Germany.", id="pro")
    b.actor("The German government", id="govt")
    return a, b


def test_align_proposes_pairs_with_scores() -> None:
    a, b = two_maps()
    rows = {(r.left, r.right): r for r in align(a, b).rows}
    assert ("a.r", "b.r") in rows and ("a.right", "b.right") in rows
    assert ("a.gov", "b.govt") in rows and rows[("a.gov", "b.govt")].kind == "actor"
    assert all(0 <= r.score <= 1 for r in rows.values())
    assert all(not r.accept for r in rows.values())  # nothing is accepted for the user


def test_negated_pairs_are_marked_opposite_and_never_merged() -> None:
    a, _ = two_maps()
    b2 = ArgumentMap("b2")
    b2.claim("Universities should charge tuition fees in Germany.", id="pro")
    [row] = [r for r in align(a, b2).rows if r.left == "a.r"]
    assert row.relation == "opposite"
    with pytest.raises(argmap.MergeConflict, match=r"a\.r"):
        merge([a, b2], Alignment((row,)).accept_all())


def test_merge_links_only_accepted_pairs_and_keeps_provenance() -> None:
    a, b = two_maps()
    proposals = align(a, b)
    untouched = merge([a, b], proposals)  # nothing accepted: no links
    assert all(not n.same_as for n in untouched)
    assert len(untouched) == len(a) + len(b)
    rows = tuple(r.__class__(**{**r.__dict__, "accept": r.left == "a.r"}) for r in proposals.rows)
    m = merge([a, b], Alignment(rows))
    assert m["a.r"].same_as == (b.iri_of("r"),) and m["b.r"].same_as == (a.iri_of("r"),)
    assert m["a.right"].same_as == ()
    assert m["b.right"].data["from_map"] == "b" and m["a.r"].iri == a.iri_of("r")
    assert argmap.trace(m, "a.r").premises == ("a.right",)


def test_merge_refuses_pairs_of_different_kinds_naming_them() -> None:
    a, b = two_maps()
    row = align(a, b).rows[0].__class__("a.gov", "b.right", "actor", 1.0, 1.0, 1.0, 0.0,
                                        accept=True)
    with pytest.raises(argmap.MergeConflict, match=r"'a.gov' \(actor\).*'b.right' \(claim\)"):
        merge([a, b], Alignment((row,)))


def test_table_round_trips_through_csv_and_frame(tmp_path: Path) -> None:
    a, b = two_maps()
    al = align(a, b).accept_all(min_score=0.5)
    path = tmp_path / "alignment.csv"
    al.to_csv(path)
    assert Alignment.from_csv(path) == al
    pytest.importorskip("pandas")
    frame = al.to_frame()
    frame.loc[:, "accept"] = False
    assert Alignment.from_frame(frame).accepted() == ()
    bad = tmp_path / "bad.csv"
    bad.write_text("left,right\nx,y\n", encoding="utf-8")
    with pytest.raises(argmap.ModelError, match="row 2"):
        Alignment.from_csv(bad)


def test_align_needs_distinct_names() -> None:
    with pytest.raises(argmap.ModelError, match="distinct names"):
        align(ArgumentMap("same"), ArgumentMap("same"))


def test_precision_and_recall_on_argmicro(shared_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = shared_dir / "corpora" / "microtexts" / "arggraph-en"
    sys.path.insert(0, str(BENCH))
    try:
        import eval_align
    finally:
        sys.path.remove(str(BENCH))
    precision, recall, tp, proposed, gold = eval_align.evaluate(0.3, corpus)
    assert gold == 6 and proposed >= tp
    assert precision >= 0.5 and recall >= 0.3  # the figures in benchmarks/RESULTS.md
    monkeypatch.setattr(align_module, "_fuzz", None)  # the difflib fallback also runs
    assert eval_align.evaluate(0.3, corpus)[4] == 6
