"""The public surface: everything users need is importable from `argmap`, nothing stale."""

from __future__ import annotations

import argmap


def test_all_names_exist() -> None:
    for name in argmap.__all__:
        assert hasattr(argmap, name), name


def test_all_is_sorted_within_groups_and_unique() -> None:
    assert len(argmap.__all__) == len(set(argmap.__all__))


def test_public_callables_have_docstrings() -> None:
    for name in argmap.__all__:
        obj = getattr(argmap, name)
        if callable(obj):
            assert obj.__doc__, name


def test_errors_share_one_root() -> None:
    for name in argmap.__all__:
        obj = getattr(argmap, name)
        if isinstance(obj, type) and issubclass(obj, Exception):
            assert issubclass(obj, argmap.ArgmapError), name
