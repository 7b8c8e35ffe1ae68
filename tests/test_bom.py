"""A UTF-8 byte-order mark is accepted in every text format argmap reads (argmap/io/_bom.py)."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import argmap
from argmap.cli import app

runner = CliRunner()
BOM = codecs.BOM_UTF8

# the read-only formats, written by hand (the others are written by argmap itself)
SAMPLES = {
    "microtext": b"""<?xml version='1.0' encoding='UTF-8'?>
<arggraph id="t"><edu id="e1">C.</edu><edu id="e2">P.</edu>
<adu id="a1" type="pro"/><adu id="a2" type="pro"/>
<edge id="s1" src="e1" trg="a1" type="seg"/><edge id="s2" src="e2" trg="a2" type="seg"/>
<edge id="c1" src="a2" trg="a1" type="sup"/></arggraph>""",
    "sadface": json.dumps({
        "metadata": {"core": {"title": "t"}},
        "nodes": [{"id": "p", "type": "atom", "text": "P."},
                  {"id": "c", "type": "atom", "text": "C."},
                  {"id": "s", "type": "scheme", "name": "support"}],
        "edges": [{"id": "1", "source_id": "p", "target_id": "s"},
                  {"id": "2", "source_id": "s", "target_id": "c"}],
    }).encode("utf-8"),
}


def _map() -> argmap.ArgumentMap:
    m = argmap.ArgumentMap("bom", title="Byte-order mark")
    p = m.claim("Über premise.", id="p")
    m.argue([p], m.claim("Conclusion.", id="c"), id="a")
    m.attack(m.claim("Objection.", id="o"), "p", id="t")
    return m


def _anchored() -> argmap.ArgumentMap:
    """A map brat can say: statements anchored in one source text."""
    text = "Adopt it. It works."
    m = argmap.ArgumentMap("m")
    src = m.source("m", id="m")
    c = m.claim("Adopt it.", id="T1")
    p = m.claim("It works.", id="T2")
    m.anchor(c, "Adopt it.", source=src, text=text)
    m.anchor(p, "It works.", source=src, text=text)
    m.argue([p], c, id="R1")
    return m


def _sample(name: str) -> bytes:
    if name in SAMPLES:
        return SAMPLES[name]
    return argmap.io.dumps_bytes(_map(), name)


READERS = [f.name for f in argmap.formats() if f.loads is not None]


def test_every_reading_format_is_covered() -> None:
    assert {"turtle", "nt", "jsonld", "trig", "nquads", "xml", "aif", "xaif", "argdown",
            "microtext", "sadface", "carneades", "caf", "i23", "apx", "tgf"} <= set(READERS)


@pytest.mark.parametrize("name", READERS)
def test_a_byte_order_mark_changes_nothing(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if name == "brat":  # an .ann reads with its .txt beside it: by path only
        for folder in ("plain", "bom"):
            (tmp_path / folder).mkdir()
            argmap.dump(_anchored(), tmp_path / folder / "m.ann")
        ann = tmp_path / "bom" / "m.ann"
        ann.write_bytes(BOM + ann.read_bytes())
        plain_map = argmap.load(tmp_path / "plain" / "m.ann")
        assert argmap.load(ann) == plain_map
        assert argmap.load(ann, lenient=True) == plain_map
        return
    data = _sample(name)
    plain = argmap.loads(data, name)
    assert argmap.loads(BOM + data, name) == plain
    file = f"m.{argmap.io.get(name).extensions[0]}"  # the same name: readers name maps by it
    for folder, content in (("plain", data), ("bom", BOM + data)):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / file).write_bytes(content)
    monkeypatch.chdir(tmp_path / "plain")
    from_file = argmap.load(file)
    monkeypatch.chdir(tmp_path / "bom")
    assert argmap.load(file) == from_file  # the format is still guessed, the mark ignored
    assert argmap.load(file, lenient=True) == from_file


@pytest.mark.parametrize("name", ["turtle", "i23", "aif"])
def test_commands_accept_a_byte_order_mark(name: str, tmp_path: Path) -> None:
    path = tmp_path / f"m.{argmap.io.get(name).extensions[0]}"
    path.write_bytes(BOM + _sample(name))
    for argv in (["info", str(path)], ["validate", str(path)], ["accept", str(path)]):
        result = runner.invoke(app, argv)
        assert result.exit_code in (0, 1) and "error" not in result.stderr, (argv, result.output)


def test_text_with_a_bom_character_reads_too() -> None:
    ttl = argmap.dumps(_map(), "turtle")
    assert argmap.loads("\ufeff" + ttl, "turtle") == argmap.loads(ttl, "turtle")
    assert argmap.validate("\ufeff" + ttl).ok == argmap.validate(ttl).ok
