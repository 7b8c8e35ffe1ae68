"""examples/compare_versions/compare.py runs: diff of two versions, re-anchoring, picture."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from conftest import BRIEF

SCRIPT = Path(__file__).resolve().parents[1] / "examples" / "compare_versions" / "compare.py"


def test_compare_example_runs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec = importlib.util.spec_from_file_location("compare_example", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    d = module.main(BRIEF, tmp_path)
    assert {"id": "flaw_russia", "kind": "claim"} in d.to_dict()["removed"]
    assert {"id": "flaw_data_security", "kind": "claim", "fields": ["text"]} in d.to_dict()[
        "changed"
    ]
    [abstain] = [r for r in d.recommendations if r.id == "abstain"]
    assert abstain.premises_lost == ("flaw_russia",)
    out = capsys.readouterr().out
    assert "premises lost: flaw_russia" in out
    if BRIEF.is_file():
        assert "'moved'" in out and "'lost'" in out
