"""accept() and label_map(): the JSON contract, and labels and strengths stored on the map."""

from __future__ import annotations

import json

import pytest

import argmap
from argmap.errors import SemanticsError
from argmap.semantics import AbstractFramework, Label, accept, label_map


def brief() -> argmap.ArgumentMap:
    """A recommendation, its argument, an objection and a reply."""
    m = argmap.ArgumentMap("brief")
    rec = m.recommendation("The U.S. should abstain.", id="abstain")
    m.argue([m.claim("The draft is flawed.", id="flawed")], rec, id="why")
    m.attack(m.claim("Its goals are laudable.", id="laudable"), "flawed")
    m.attack(m.claim("Laudable goals do not fix the text.", id="reply"), "laudable")
    m.actor("Chamber", id="chamber")
    return m


def test_contract_on_a_framework() -> None:
    af = AbstractFramework(["2", "10", "1"], [("1", "2"), ("2", "1"), ("2", "10")])
    result = accept(af, "preferred")
    assert result.to_dict() == {
        "semantics": "preferred",
        "extensions": [["2"], ["10", "1"]],  # names and extensions in the framework's order
        "labels": {"2": "UNDEC", "10": "UNDEC", "1": "UNDEC"},
    }
    assert json.loads(json.dumps(result.to_dict())) == result.to_dict()
    grounded = accept(af)
    assert grounded.semantics == "grounded" and len(grounded.extensions) == 1


def test_contract_on_a_map_hides_auxiliary_arguments() -> None:
    result = accept(brief(), "complete")
    assert set(result.labels) == {"abstain", "flawed", "laudable", "reply", "why"}
    assert result.extensions == (("abstain", "flawed", "reply", "why"),)
    assert result.labels["laudable"] is Label.OUT


def test_label_map_stores_labels_semantics_and_strengths() -> None:
    m = brief()
    version = m.version
    result = label_map(m, "preferred")
    assert m.version > version
    assert m.semantics == "preferred"
    assert m.labels == {k: str(v) for k, v in result.labels.items()}
    assert m.labels["abstain"] == "IN" and m.labels["laudable"] == "OUT"
    assert set(m.strengths) == set(m.labels)
    assert 0.5 < m.strengths["abstain"] <= 1.0
    label_map(m, "grounded", strengths=False, base_scores={"laudable": 0.0})
    assert m.semantics == "grounded"


def test_labels_and_strengths_reach_the_rdf_export() -> None:
    m = brief()
    label_map(m)
    text = argmap.dumps(m, "turtle")
    assert "acceptability" in text and "strength" in text
    back = argmap.loads(text, "turtle")
    assert back.labels == m.labels and back.semantics == "grounded"
    assert back.strengths == pytest.approx(m.strengths)


def test_unknown_semantics() -> None:
    with pytest.raises(SemanticsError, match="unknown semantics"):
        label_map(brief(), "eager")  # ideal is answered by the solver now
