"""``argmap.model.built`` (the bulk readers' fast constructor) against ``model_validate``.

For any fields, ``built`` either declines (None) or gives the very model that validation
gives: equal, with the same dump, the same field order and the same set fields.
"""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from argmap.model import MODEL_BY_KIND, Anchor, Claim, built


def _mostly(good: list[Any], bad: list[Any]) -> st.SearchStrategy[Any]:
    """Mostly valid values (so both branches are taken often), sometimes invalid ones."""
    return st.one_of(*[st.sampled_from(good)] * 12, st.sampled_from(bad))


IDS = _mostly(["a", "b", "c", "p1", "x_y", "ok.id"], ["-bad", "", " a", "z" * 201, 3])
TEXTS = _mostly(["A text.", "tab\there", "é ü", "B."], ["", "   ", "bad\x00char", "\ud800"])
IRIS = _mostly(["http://ex.org/a", "urn:x"], ["no scheme", "http://a b", "http://a\n"])
DATES = _mostly(["2024", "2024-08", "2024-08-28"], ["2024-13-01", "24", "٢٠٢٤", "2024-1-1"])
ENUMS = st.sampled_from(
    ["rebut", "undermine", "undercut", "asserts", "opposes", "state", "other", "nonsense", None]
)
ANCHORS = st.builds(
    dict,
    source=IDS,
    exact=TEXTS,
    prefix=st.sampled_from(["", "pre "]),
    suffix=st.sampled_from(["", " post"]),
    start=_mostly([None, 0, 5], [-1, True, "5"]),
    end=st.sampled_from([None, 0, 7, 12]),
)


def _value(name: str) -> st.SearchStrategy[Any]:
    if name in ("premises", "co_attackers"):
        return st.lists(IDS, min_size=1, max_size=3).map(tuple) | st.just(["a"])
    if name in ("tags",):
        return st.lists(TEXTS, max_size=3).map(tuple)
    if name == "same_as":
        return st.lists(IRIS, max_size=2).map(tuple)
    if name in ("iri", "url"):
        return st.none() | IRIS
    if name == "date":
        return st.none() | DATES
    if name in ("attack_type", "role", "actor_type"):
        return ENUMS
    if name == "data":
        return _mostly([{}, {"note": "n"}], [{1: "x"}, []])
    if name == "anchors":
        return st.lists(ANCHORS, max_size=2).map(
            lambda items: tuple(Anchor.model_validate(a) for a in items if _valid_anchor(a))
        )
    if name in ("text", "label", "scheme", "question"):
        return st.none() | TEXTS if name != "text" else TEXTS
    if name == "kind":
        return st.sampled_from(sorted(MODEL_BY_KIND))
    return IDS


def _valid_anchor(fields: dict[str, Any]) -> bool:
    try:
        Anchor.model_validate(fields)
    except ValidationError:
        return False
    return True


@st.composite
def _cases(draw: st.DrawFn) -> tuple[type[Any], dict[str, Any]]:
    cls = draw(st.sampled_from([*MODEL_BY_KIND.values(), Anchor]))
    if cls is Anchor:
        return cls, draw(ANCHORS)
    names = [n for n in cls.model_fields if n != "kind" or draw(st.booleans())]
    kind = cls.model_fields["kind"].default
    fields = {}
    for name in names:
        required = cls.model_fields[name].is_required()
        if required or draw(st.booleans()):
            fields[name] = (
                kind if name == "kind" and draw(st.integers(0, 9)) else draw(_value(name))
            )
    if draw(st.integers(0, 19)) == 0:
        fields["unknown"] = "x"
    return cls, fields


def _same(a: Any, b: Any) -> None:
    assert a == b
    assert type(a) is type(b)
    assert list(a.__dict__) == list(b.__dict__)
    assert a.model_dump() == b.model_dump()
    assert a.model_fields_set == b.model_fields_set


@settings(max_examples=1500, deadline=None)
@given(_cases())
def test_built_is_validation_or_declines(case: tuple[type[Any], dict[str, Any]]) -> None:
    cls, fields = case
    try:
        expected = cls.model_validate(dict(fields))
    except ValidationError:
        expected = None
    got = built(cls, dict(fields))
    if got is not None:
        assert expected is not None, f"built accepted what validation refuses: {fields}"
        _same(got, expected)


def test_built_takes_the_common_shapes() -> None:
    anchor = built(Anchor, {"source": "s", "exact": "quote", "start": 0, "end": 5})
    assert anchor is not None
    fields = {"id": "c", "text": "T.", "kind": "claim", "anchors": (anchor,), "tags": ("b", "a")}
    claim = built(Claim, fields)
    assert claim is not None
    _same(claim, Claim.model_validate(fields))


def test_built_rebuilds_every_node_of_the_brief() -> None:
    import importlib.util
    from pathlib import Path

    script = Path(__file__).resolve().parents[1] / "examples/un_cybercrime_convention/build_map.py"
    spec = importlib.util.spec_from_file_location("brief_map_for_built", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    m = module.build()
    for node in m:
        fields = {k: getattr(node, k) for k in node.model_fields_set}
        fields["anchors"] = tuple(reversed(node.anchors))  # built puts them in order again
        got = built(type(node), fields)
        assert got is not None, node.id
        _same(got, type(node).model_validate(fields))
        for anchor in node.anchors:
            _same(built(Anchor, dict(anchor.__dict__)), anchor)
