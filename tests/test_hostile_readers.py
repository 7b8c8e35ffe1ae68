"""Hostile input to the readers the committed fuzz targets do not cover (issues 17/18).

SADFace, arggraph XML (microtext), CAF, Carneades YAML and Kialo text are fuzzed here with
the same contract as ``fuzz/targets.py``: any input ends in a sound map or a located
ParseError, never another exception. The explicit cases are what a mutation run found.
Seeds are made by argmap's own writers or by hand (the shared corpora may not be copied).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import argmap
from argmap.errors import ParseError
from argmap.semantics.iccma import load_af

from fuzz.mutations import mutated
from fuzz.targets import Target, _verify_map, check, sample_maps

_SADFACE = json.dumps(
    {
        "metadata": {"core": {"id": "doc-1", "title": "A seed"}},
        "resources": [],
        "nodes": [
            {"id": "p", "type": "atom", "text": "Fees lengthen studies.", "metadata": {}},
            {"id": "c", "type": "atom", "text": "Fees should go.", "metadata": {}},
            {"id": "u", "type": "atom", "text": "Loans exist.", "metadata": {}},
            {"id": "s", "type": "scheme", "name": "support"},
            {"id": "x", "type": "scheme", "name": "conflict"},
        ],
        "edges": [
            {"id": "1", "source_id": "p", "target_id": "s"},
            {"id": "2", "source_id": "s", "target_id": "c"},
            {"id": "3", "source_id": "u", "target_id": "x"},
            {"id": "4", "source_id": "x", "target_id": "p"},
        ],
    },
    indent=1,
).encode()

_ARGGRAPH = b"""<?xml version='1.0' encoding='UTF-8'?>
<arggraph id="seed" topic_id="fees" stance="con">
  <edu id="e1"><![CDATA[Fees should go.]]></edu>
  <edu id="e2"><![CDATA[They lengthen studies.]]></edu>
  <edu id="e3"><![CDATA[Loans exist.]]></edu>
  <adu id="a1" type="pro"/>
  <adu id="a2" type="pro"/>
  <adu id="a3" type="opp"/>
  <edge id="c1" src="e1" trg="a1" type="seg"/>
  <edge id="c2" src="e2" trg="a2" type="seg"/>
  <edge id="c3" src="e3" trg="a3" type="seg"/>
  <edge id="c4" src="a2" trg="a1" type="sup"/>
  <edge id="c5" src="a3" trg="c4" type="und"/>
</arggraph>
"""


def _seeds(fmt: str) -> list[bytes]:
    own = {"sadface": [_SADFACE], "microtext": [_ARGGRAPH]}.get(fmt)
    if own is not None:
        return own
    return [argmap.io.dumps_bytes(m, fmt) for m in sample_maps()]


FORMATS = ["sadface", "microtext", "caf", "carneades", "kialo"]
TARGETS = {
    fmt: Target(
        name=fmt,
        parse=lambda data, fmt=fmt: argmap.loads(data, fmt),
        verify=_verify_map(fmt),
        seeds=lambda fmt=fmt: _seeds(fmt),
    )
    for fmt in FORMATS
}


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_seeds_load(fmt: str) -> None:
    assert [check(TARGETS[fmt], s) for s in _seeds(fmt)] == ["ok"] * len(_seeds(fmt))


@pytest.mark.parametrize("fmt", FORMATS)
@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_mutated_input_ends_in_a_map_or_a_located_error(fmt: str, data: st.DataObject) -> None:
    seed = data.draw(st.sampled_from(_seeds(fmt)), label="seed")
    raw = data.draw(mutated(seed, json_aware=fmt == "sadface"), label="input")
    assert check(TARGETS[fmt], raw) in {"ok", "error"}


# --- what the mutation runs found ----------------------------------------------------------


@pytest.mark.parametrize("fmt", ["microtext", "caf"])
@pytest.mark.parametrize("encoding", ["ttf-8", "utf-32"])
def test_an_xml_declaration_naming_an_unreadable_encoding_is_a_located_error(
    fmt: str, encoding: str
) -> None:
    """It escaped as LookupError (an unknown name) or ValueError (a multi-byte encoding)."""
    seed = _seeds(fmt)[0]
    body = seed[seed.index(b"?>") + 2 :] if seed.startswith(b"<?xml") else seed
    data = f'<?xml version="1.0" encoding="{encoding}"?>'.encode() + body
    with pytest.raises(ParseError, match=f"the declared encoding '{encoding}' cannot be read") as e:
        argmap.loads(data, fmt)
    assert e.value.line == 1


@pytest.mark.parametrize(
    ("fmt", "data", "where"),
    [
        ("carneades", b"- 1\n- 2\n", {"path": "$"}),
        ("carneades", b"statements:\n  a: A.\nb: \x1a\n", {"line": 3, "column": 4}),
        ("carneades", b"statements:\n  a: A.\nlanguage: [x]\n", {"line": 3}),
        ("carneades", b"statements:\n  a: A.\nargument_schemes: {x: 1}\n", {"line": 3}),
        ("kialo", b"Discussion Title: T\n\nno numbered lines\n", {"path": "$"}),
        ("caf", b'<caf><statements><statement/></statements></caf>',
         {"path": "statements/statement[1]"}),
        ("microtext", b'<arggraph id="g"><edu id="e1">A.</edu><ddge id="c6"/></arggraph>',
         {"path": "arggraph/*[2]"}),
        ("microtext", b'<arggraph id="g"><edu id="e1">A.</edu><edge src="e1"/></arggraph>',
         {"path": "arggraph/*[2]"}),
    ],
    ids=["yaml list", "yaml control character", "language list", "schemes mapping",
         "kialo without thesis", "caf statement without id", "unknown element",
         "edge without id"],
)
def test_whole_document_and_anonymous_problems_say_where(
    fmt: str, data: bytes, where: dict[str, object]
) -> None:
    """Each was a ParseError with no line, node or path (or an AttributeError's words)."""
    with pytest.raises(ParseError) as e:
        argmap.loads(data, fmt)
    err = e.value.problems[0] if hasattr(e.value, "problems") else e.value
    assert {k: getattr(err, k) for k in where} == where
    assert "object has no attribute" not in str(err)


_TWO_ADUS = (
    '<arggraph id="g"><edu id="e1">A.</edu><edu id="e2">B.</edu>'
    '<adu id="a1" type="pro"/><adu id="a2" type="pro"/>'
    '<edge id="c1" src="e1" trg="a1" type="seg"/><edge id="c2" src="e2" trg="a2" type="seg"/>'
    "%s</arggraph>"
)


@pytest.mark.parametrize(
    ("edges", "message"),
    [
        ('<edge id="&apos;c4" src="a2" trg="a1" type="sup"/>', "node 'c4: id \"'c4\" is not usable"),
        ('<edge id="c4" src="a1" trg="a1" type="sup"/>', "node c4: argument 'c4' uses its own"),
        ('<edge id="c4" src="a2" trg="a1" type="sup"/><edge id="c5" src="a2" trg="c4" '
         'type="add"/>', "node c4: premises .* name one statement twice"),
    ],
    ids=["edge id", "own conclusion", "premise twice"],
)
def test_an_arggraph_relation_the_model_refuses_is_a_located_error(
    edges: str, message: str
) -> None:
    """Found by the mutation run above: these escaped as pydantic's ValidationError."""
    with pytest.raises(ParseError, match=message):
        argmap.loads((_TWO_ADUS % edges).encode(), "microtext")
    m, report = argmap.io.loads_with_report((_TWO_ADUS % edges).encode(), "microtext",
                                            lenient=True)
    assert len(report.problems) == 1 and {"a1", "a2"} <= {n.id for n in m}


def _packed(kind: str, data: bytes) -> bytes:
    import bz2
    import gzip
    import io
    import lzma
    import zipfile

    if kind == "zip":
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as z:
            z.writestr("map.json", data)
        return buf.getvalue()
    if kind.startswith("utf"):
        return data.decode("utf-8").encode(kind)  # Python writes the byte-order mark
    return {"gzip": gzip.compress, "bzip2": bz2.compress, "xz": lzma.compress}[kind](data)


@pytest.mark.parametrize("kind", ["gzip", "bzip2", "xz", "zip", "utf-16", "utf-32"])
def test_compressed_or_utf16_input_is_named_for_what_it_is(kind: str, tmp_path: Path) -> None:
    """It was 'not UTF-8 text (invalid start byte at byte 1)', true but no help."""
    seed = _seeds("sadface")[0]
    path = tmp_path / "map.json"
    path.write_bytes(_packed(kind, seed))
    word = {"utf-16": "UTF-16", "utf-32": "UTF-16 or UTF-32", "zip": "a zip"}.get(kind, kind)
    with pytest.raises(ParseError, match=f"map.json, line 1: not a map: {word}"):
        argmap.load(path)
    framework = tmp_path / "f.apx"
    framework.write_bytes(_packed(kind, b"arg(a).\natt(a,a).\n"))
    with pytest.raises(ParseError, match=f"f.apx, line 1: not a framework: {word}"):
        load_af(framework)
