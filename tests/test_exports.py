"""The public surface: everything users need is importable from `argmap`, nothing stale."""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
from pathlib import Path

import argmap
import argmap.errors

INIT = Path(argmap.__file__)


def test_all_names_exist() -> None:
    for name in argmap.__all__:
        assert hasattr(argmap, name), name


def _all_groups() -> list[list[str]]:
    """``__all__`` as written: runs of names between comment lines."""
    source = INIT.read_text(encoding="utf-8")
    tree = ast.parse(source)
    node = next(
        n
        for n in tree.body
        if isinstance(n, ast.Assign) and any(getattr(t, "id", "") == "__all__" for t in n.targets)
    )
    assert isinstance(node.value, ast.List)
    lines = source.splitlines()
    groups: list[list[str]] = [[]]
    elements = iter(node.value.elts)
    element = next(elements, None)
    for number in range(node.lineno, (node.end_lineno or node.lineno) + 1):
        text = lines[number - 1].strip()
        if text.startswith("#"):
            groups.append([])
        while element is not None and element.lineno == number:
            assert isinstance(element, ast.Constant)
            groups[-1].append(element.value)
            element = next(elements, None)
    return [g for g in groups if g]


def test_all_is_sorted_within_groups_and_unique() -> None:
    assert len(argmap.__all__) == len(set(argmap.__all__))
    groups = _all_groups()
    assert sum(len(g) for g in groups) == len(argmap.__all__)
    for group in groups:
        assert group == sorted(group), group


def test_public_callables_have_docstrings() -> None:
    for name in argmap.__all__:
        obj = getattr(argmap, name)
        if callable(obj):
            assert obj.__doc__, name


def test_errors_share_one_root() -> None:
    for name in argmap.__all__:
        obj = getattr(argmap, name)
        if isinstance(obj, type) and issubclass(obj, Warning):
            assert obj.__module__ == "argmap.errors", name
        elif isinstance(obj, type) and issubclass(obj, Exception):
            assert issubclass(obj, argmap.ArgmapError), name


def _argmap_modules() -> list[str]:
    names = ["argmap"]
    for info in pkgutil.walk_packages(argmap.__path__, "argmap."):
        names.append(info.name)
    return names


def test_every_exception_class_lives_in_errors_and_is_exported() -> None:
    """Tracebacks name ``argmap.errors.X``, and ``from argmap import X`` works for each."""
    outside = []
    for module_name in _argmap_modules():
        module = importlib.import_module(module_name)
        for name, obj in inspect.getmembers(module, inspect.isclass):
            if obj.__module__ != module_name or not issubclass(obj, BaseException):
                continue
            if module_name != "argmap.errors" and not name.startswith("_"):
                outside.append(f"{module_name}.{name}")
    assert outside == []
    for name in argmap.errors.__all__:
        assert getattr(argmap, name) is getattr(argmap.errors, name), name


def test_validate_and_limits_are_modules_that_answer_the_call() -> None:
    """``import argmap.validate`` gives the module; ``argmap.validate(m)`` still validates."""
    import types

    import argmap.limits as limits_module
    import argmap.validate as validate_module

    assert isinstance(validate_module, types.ModuleType)
    assert isinstance(limits_module, types.ModuleType)
    assert argmap.validate is validate_module and argmap.limits is limits_module
    m = argmap.ArgumentMap("x")
    m.recommendation("Do it.", id="r")
    report = argmap.validate(m)
    assert {f.rule for f in report} == {f.rule for f in validate_module.validate(m)}
    with argmap.limits(max_nodes=3) as caps:
        assert caps.max_nodes == 3 == limits_module.current().max_nodes
    assert limits_module.current().max_nodes != 3
