"""The node models: closed, plain data that refuses malformed values."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from argmap.model import Anchor, Argument, Attack, Claim, Evidence, Source, Stance


def test_models_are_closed() -> None:
    with pytest.raises(ValidationError, match="Extra inputs are not permitted"):
        Claim(id="c", text="A claim.", colour="red")  # type: ignore[call-arg]


def test_models_are_frozen() -> None:
    c = Claim(id="c", text="A claim.")
    with pytest.raises(ValidationError):
        c.text = "Another."  # type: ignore[misc]


@pytest.mark.parametrize("text", ["", "   ", "\n\t"])
def test_statements_need_text(text: str) -> None:
    with pytest.raises(ValidationError, match="needs a non-empty text"):
        Claim(id="c", text=text)


def test_relations_need_no_text() -> None:
    assert Argument(id="a", premises=("p",), conclusion="c").text == ""


@pytest.mark.parametrize("bad", ["", "has space", "-lead", "a/b", "x" * 201, "é"])
def test_ids_are_checked(bad: str) -> None:
    with pytest.raises(ValidationError, match="id"):
        Claim(id=bad, text="A claim.")


def test_text_that_rdf_cannot_carry_is_refused() -> None:
    with pytest.raises(ValidationError, match="U\\+0000"):
        Claim(id="c", text="null \x00 byte")
    with pytest.raises(ValidationError, match="U\\+D800"):
        Claim(id="c", text="lone \ud800 surrogate")
    assert Claim(id="c", text="tab\tnewline\ncr\r").text == "tab\tnewline\ncr\r"


def test_argument_premises_sorted_unique_and_not_circular() -> None:
    assert Argument(id="a", premises=("b", "a"), conclusion="c").premises == ("a", "b")
    with pytest.raises(ValidationError, match="twice"):
        Argument(id="a", premises=("b", "b"), conclusion="c")
    with pytest.raises(ValidationError, match="own conclusion"):
        Argument(id="a", premises=("c",), conclusion="c")
    with pytest.raises(ValidationError):
        Argument(id="a", premises=(), conclusion="c")


def test_attack_on_itself_is_allowed() -> None:
    # abstract frameworks allow self-attacks and corpora hold them; validation warns
    assert Attack(id="t", attacker="x", target="x").target == "x"


def test_stance_role_and_attack_type_are_closed() -> None:
    with pytest.raises(ValidationError):
        Stance(id="s", actor="a", role="likes", target="c")  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        Attack(id="t", attacker="x", target="y", attack_type="smash")  # type: ignore[arg-type]


def test_anchor_offsets_in_order() -> None:
    with pytest.raises(ValidationError, match="before start"):
        Anchor(source="s", exact="abc", start=10, end=5)
    with pytest.raises(ValidationError):
        Anchor(source="s", exact="", start=1, end=1)


def test_anchors_tags_same_as_are_canonical() -> None:
    a1 = Anchor(source="s", exact="b", start=5, end=6)
    a2 = Anchor(source="s", exact="a", start=1, end=2)
    c = Claim(
        id="c",
        text="T.",
        anchors=(a1, a2, a1),
        tags=("z", "a", "z"),
        same_as=("http://x.org/b", "http://x.org/a"),
    )
    assert c.anchors == (a2, a1)
    assert c.tags == ("a", "z")
    assert c.same_as == ("http://x.org/a", "http://x.org/b")


def test_source_dates_and_urls() -> None:
    for date in ("2024", "2024-08", "2024-08-28"):
        assert Source(id="s", text="S", date=date).date == date
    with pytest.raises(ValidationError, match="date"):
        Source(id="s", text="S", date="28 Aug 2024")
    with pytest.raises(ValidationError, match="IRI"):
        Source(id="s", text="S", url="not a url")


def test_evidence_kind_tag() -> None:
    assert Evidence(id="e", text="76 nations.").kind == "evidence"
