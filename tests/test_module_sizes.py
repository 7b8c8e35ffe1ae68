"""No module of the package is longer than 700 lines (the project's rule: split before that)."""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "argmap"
MAX_LINES = 700


ALLOWED: set[str] = set()  # no exceptions: split a module before it grows past the limit


def test_no_module_is_over_700_lines() -> None:
    too_long = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        name = path.relative_to(PACKAGE.parent).as_posix()
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > MAX_LINES and name not in ALLOWED:
            too_long[name] = lines
    assert not too_long, (
        f"modules over {MAX_LINES} lines (split them by what each part owns): {too_long}"
    )


def test_the_allow_list_names_existing_files() -> None:
    for name in ALLOWED:
        assert (PACKAGE.parent / name).is_file(), f"{name} is allowed to be long but does not exist"
