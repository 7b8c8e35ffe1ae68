"""argmap.disagree: where maps on one question part ways, and the stance matrix."""

from __future__ import annotations

import pytest

from argmap import ArgumentMap
from argmap.align import Alignment, Correspondence, align
from argmap.disagree import disagreements, stance_heatmap, stance_matrix


def debate() -> tuple[ArgumentMap, ArgumentMap]:
    a = ArgumentMap("pro")
    ra = a.recommendation("Uniforms should be introduced in schools.", id="r")
    a.argue([a.claim("Uniforms reduce discrimination of poor children.", id="disc")], ra)
    a.argue([a.claim("Uniforms help find truants.", id="truants")], ra)
    b = ArgumentMap("con")
    rb = b.recommendation("Uniforms should not be introduced in schools.", id="r")
    b.argue([b.claim("Uniforms suppress individuality.", id="indiv")], rb)
    b.claim("Uniforms reduce discrimination of poor children.", id="disc")
    b.attack(b.claim("Brand pressure just moves to shoes.", id="shoes"), "disc", id="att")
    return a, b


def test_disagreements_read_through_accepted_rows() -> None:
    a, b = debate()
    al = align(a, b)
    assert disagreements([a, b], al) == []  # nothing accepted, nothing claimed
    assert [(r.left, r.right) for r in al.rows if r.score < 0.5] == [("pro.truants", "con.indiv")]
    found = {(d.kind, d.left, d.right): d for d in disagreements([a, b], al.accept_all(0.5))}
    conflict = found[("conflicting recommendations", "pro.r", "con.r")]
    # "disc" is aligned, but only the pro side argues from it: both lines part ways
    assert set(conflict.detail) == {"pro.disc", "pro.truants", "con.indiv"}
    attacked = found[("attacked", "pro.disc", "con.disc")]
    assert attacked.detail == ("con.att",)


def test_opposite_statements() -> None:
    a, b = debate()
    row = Correspondence("pro.truants", "con.indiv", "statement", 0.5, 0.5, 0.5, 0.0,
                         accept=True, relation="opposite")
    [d] = disagreements([a, b], Alignment((row,)))
    assert (d.kind, d.left, d.right) == ("opposite", "pro.truants", "con.indiv")


def test_stance_matrix_and_heatmap() -> None:
    pytest.importorskip("pandas")
    m = ArgumentMap("s")
    fair = m.claim("Fees are fair.", id="fair")
    free = m.claim("Study should be free.", id="free")
    students, ministry = m.actor("Students", id="st"), m.actor("Ministry", id="min")
    m.stance(students, "opposes", fair)
    m.stance(students, "asserts", free)
    m.stance(ministry, "asserts", fair)
    roles = stance_matrix(m)
    assert roles.loc["st", "fair"] == "opposes" and roles.loc["min", "free"] == ""
    numbers = stance_matrix(m, numeric=True)
    assert numbers.loc["st", "fair"] == -1.0 and numbers.loc["min", "fair"] == 1.0
    page = stance_heatmap(m)
    assert page.count("<tr>") == 3 and "#86efac" in page
