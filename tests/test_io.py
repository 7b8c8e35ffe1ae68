"""load/loads/dump/dumps: formats by name, extension or content; atomic writes; clear errors."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import argmap
from argmap.errors import FormatError, LimitExceeded, ParseError
from argmap.io import formats, get, guess
from argmap.io.atomic import write_bytes


def _map() -> argmap.ArgumentMap:
    m = argmap.ArgumentMap("io")
    m.argue([m.claim("P.", id="p")], m.recommendation("R.", id="r"), id="a")
    return m


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("m.ttl", "turtle"),
        ("m.nt", "nt"),
        ("m.jsonld", "jsonld"),
        ("m.trig", "trig"),
        ("m.nq", "nquads"),
        ("m.rdf", "xml"),
    ],
)
def test_dump_and_load_guess_the_format(tmp_path: Path, name: str, fmt: str) -> None:
    path = tmp_path / name
    argmap.dump(_map(), path)
    assert guess(path).name == fmt
    assert argmap.load(path) == _map()


def test_content_sniffing_when_the_extension_says_nothing(tmp_path: Path) -> None:
    path = tmp_path / "map.data"
    path.write_text(argmap.dumps(_map(), "turtle"))
    assert argmap.load(path) == _map()


def test_unknown_format_names_are_refused() -> None:
    with pytest.raises(FormatError, match=r"unknown format 'yaml-ld'.*turtle"):
        argmap.dumps(_map(), "yaml-ld")
    with pytest.raises(FormatError, match="cannot tell the format"):
        guess(Path("x.unknown"), b"plain words")


def test_missing_file_and_folder_are_parse_errors(tmp_path: Path) -> None:
    with pytest.raises(ParseError, match="no such file") as info:
        argmap.load(tmp_path / "absent.ttl")
    assert "absent.ttl" in str(info.value)
    with pytest.raises(ParseError, match="folder"):
        argmap.load(tmp_path)


def test_size_cap(tmp_path: Path) -> None:
    path = tmp_path / "m.ttl"
    argmap.dump(_map(), path)
    with pytest.raises(LimitExceeded, match="over the max_bytes cap"):
        argmap.load(path, max_bytes=10)


def test_failed_write_leaves_the_old_file(tmp_path: Path) -> None:
    path = tmp_path / "m.ttl"
    argmap.dump(_map(), path)
    before = path.read_bytes()

    def explode() -> bytes:
        raise RuntimeError("disk on fire")

    with pytest.raises(RuntimeError):
        write_bytes(path, explode)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["m.ttl"]


def test_write_keeps_permissions(tmp_path: Path) -> None:
    path = tmp_path / "m.ttl"
    path.write_text("old")
    os.chmod(path, 0o600)
    argmap.dump(_map(), path)
    assert path.stat().st_mode & 0o777 == 0o600


def test_failed_load_leaves_no_trace(tmp_path: Path) -> None:
    path = tmp_path / "bad.ttl"
    path.write_text("@prefix am: <https://w3id.org/argmap/ns#> .\n<http://x/a> a am:Argument .\n")
    with pytest.raises(ParseError, match="argument without"):
        argmap.load(path)


def test_registry_lists_rdf_formats() -> None:
    names = {f.name for f in formats()}
    assert {"turtle", "nt", "jsonld", "trig", "nquads", "xml"} <= names
    assert get("TTL").name == "turtle" and get(".jsonld").name == "jsonld"
