"""docs/security.md names real tests: every ``test_...`` it cites exists in tests/."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_cited_test_exists() -> None:
    doc = (ROOT / "docs" / "security.md").read_text(encoding="utf-8")
    cited = set(re.findall(r"`(?:[\w/]+\.py::)?(test_\w+)`", doc))
    defined = set()
    for path in (ROOT / "tests").glob("test_*.py"):
        defined |= set(re.findall(r"^def (test_\w+)", path.read_text(encoding="utf-8"), re.M))
    assert len(cited) > 40
    assert sorted(cited - defined) == []
    for klass in range(1, 16):
        assert re.search(rf"^\| {klass} \|", doc, re.M), f"class {klass} has no row"
