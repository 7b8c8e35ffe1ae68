"""docs/api.md: every example runs, and every public name is described there."""

from __future__ import annotations

import doctest
import re
from pathlib import Path

import argmap

API = Path(__file__).resolve().parents[1] / "docs" / "api.md"


def test_every_example_in_the_api_page_runs() -> None:
    result = doctest.testfile(
        str(API),
        module_relative=False,
        optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE,
        verbose=False,
    )
    assert result.attempted > 50
    assert result.failed == 0


def test_every_public_name_is_on_the_api_page() -> None:
    text = API.read_text(encoding="utf-8")
    described = set(re.findall(r"`([A-Za-z_][A-Za-z0-9_]*)", text))
    used = set(re.findall(r"argmap\.([A-Za-z_][A-Za-z0-9_]*)", text))
    missing = [name for name in argmap.__all__ if name not in described | used]
    assert missing == []
