"""Hypothesis strategies that break valid files the way real damage and malice do.

Byte-level: truncation, byte flips, inserted syntax characters and huge numbers, deleted
spans, duplicated and swapped lines. JSON-level (for AIF, xAIF, JSON-LD): a value
replaced by the wrong type, a huge number or deep nesting; a key removed; a list item
duplicated (duplicate ids). :func:`mutated` mixes them; the test suite draws from it.
"""

from __future__ import annotations

import json
from typing import Any

from hypothesis import strategies as st

__all__ = ["mutated"]

TOKENS = [
    b'"',
    b"'",
    b"<",
    b">",
    b"{",
    b"}",
    b"[",
    b"]",
    b"(",
    b")",
    b"\\",
    b"\x00",
    b"\xff",
    b"\xc3",
    b"\n",
    b"\r\n",
    b"\t",
    b" ",
    b"#",
    b"@",
    b"%",
    b";",
    b",",
    b".",
    b":",
    b"&",
    b"-1",
    b"0",
    b"99999999999999999999999999",
    b"1e999",
    b"NaN",
    b"true",
    b"null",
    b"@prefix",
    b"_:b",
    b"^^",
    b"@en",
    b"--",
    b"----",
    b"(1)",
    b"<!ENTITY",
    b"&lol;",
    b"\xef\xbb\xbf",
    b"\xe2\x80\xae",
    "\U0001f600".encode(),
    b"p af ",
    b"arg(",
    b"att(",
]

WRONG_VALUES: list[Any] = [
    None,
    True,
    0,
    -1,
    10**30,
    1e308,
    "",
    "x" * 300,
    [],
    {},
    [None],
    {"a": {}},
    "\u0000",
    "-->",
    "../../etc/passwd",
    "http://example.org/ctx.jsonld",
]


_DEEP = "\u2063deep\u2063"  # a placeholder no seed contains


@st.composite
def _byte_op(draw: st.DrawFn, data: bytes) -> bytes:
    op = draw(st.sampled_from(["truncate", "flip", "insert", "delete", "dup_line", "swap"]))
    n = len(data)
    pos = draw(st.integers(0, n))
    if op == "truncate":
        return data[:pos]
    if op == "flip" and n:
        at = min(pos, n - 1)
        return data[:at] + bytes([data[at] ^ draw(st.integers(1, 255))]) + data[at + 1 :]
    if op == "insert":
        token = draw(st.sampled_from(TOKENS) | st.binary(min_size=1, max_size=8))
        return data[:pos] + token * draw(st.integers(1, 3)) + data[pos:]
    if op == "delete":
        return data[:pos] + data[pos + draw(st.integers(1, 40)) :]
    lines = data.split(b"\n")
    if len(lines) < 2:
        return data
    i = draw(st.integers(0, len(lines) - 1))
    j = draw(st.integers(0, len(lines) - 1))
    if op == "dup_line":
        lines.insert(j, lines[i])
    else:
        lines[i], lines[j] = lines[j], lines[i]
    return b"\n".join(lines)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(value, dict):
        for k, v in value.items():
            out.extend(_paths(v, (*prefix, k)))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            out.extend(_paths(v, (*prefix, i)))
    return out


@st.composite
def _json_op(draw: st.DrawFn, data: bytes) -> bytes:
    try:
        doc = json.loads(data)
    except ValueError:
        return data
    paths = [p for p in _paths(doc) if p]
    if not paths:
        return data
    path = draw(st.sampled_from(paths))
    parent = doc
    for key in path[:-1]:
        parent = parent[key]
    key = path[-1]
    op = draw(st.sampled_from(["wrong", "deep", "remove", "duplicate", "rename"]))
    if op == "wrong":
        parent[key] = draw(st.sampled_from(WRONG_VALUES))
    elif op == "deep":
        parent[key] = _DEEP
    elif op == "remove":
        del parent[key]
    elif op == "duplicate" and isinstance(parent, list):
        parent.insert(key, json.loads(json.dumps(parent[key])))
    elif op == "rename" and isinstance(parent, dict):
        parent[draw(st.sampled_from(["@context", "@id", "nodeID", "type", "x"]))] = parent.pop(key)
    text = json.dumps(doc)
    if f'"{_DEEP}"' in text:  # written as text: json.dumps itself cannot nest 2000 deep
        depth = draw(st.sampled_from([3, 50, 99, 150, 2000]))
        opener, closer = draw(st.sampled_from([("[", "]"), ('{"k": ', "}")]))
        text = text.replace(f'"{_DEEP}"', opener * depth + "1" + closer * depth, 1)
    return text.encode("utf-8")


@st.composite
def mutated(draw: st.DrawFn, seed: bytes, *, json_aware: bool = False) -> bytes:
    """``seed`` after one to four random mutations."""
    data = seed
    for _ in range(draw(st.integers(1, 4))):
        use_json = json_aware and draw(st.booleans())
        data = draw(_json_op(data)) if use_json else draw(_byte_op(data))
    return data
