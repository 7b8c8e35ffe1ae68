"""The package's layers, read from the import statements of every module in argmap/.

Layers, lowest first (a module may import from its own layer and from lower ones):

    base (errors, ids, vocab, util, limits ...) -> {model, anchoring, schemes} -> {map, align}
    -> {rdf, query, queries, disagree, questions} -> io -> {validate, semantics, testing}
    -> {display, store, diff, corpus} -> {cli, the package itself}

Also: no import circles between modules (imports under ``if TYPE_CHECKING:`` are for the
type checker and do not count), and no private name (``_x``, or a name from a ``_x``
module) imported from another package. A new module must be given a layer here.

Inside the package ``argmap.map`` the same rule holds, lowest first: ``_graph`` (the graph's
plumbing) -> {``_build`` (the builders), ``_ops`` (whole-map operations)} -> ``_core`` (the
class) -> the package's ``__init__``.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "argmap"

LAYERS: list[set[str]] = [
    {
        "argmap.errors", "argmap.ids", "argmap.namespace", "argmap.vocab", "argmap.util",
        "argmap.ntriples", "argmap.callable_module", "argmap.limits", "argmap.stream_caps",
    },
    {"argmap.model", "argmap.anchoring", "argmap.schemes"},
    {"argmap.map", "argmap.align"},
    {"argmap.rdf", "argmap.query", "argmap.queries", "argmap.disagree", "argmap.questions"},
    {"argmap.io"},
    {"argmap.validate", "argmap.semantics", "argmap.testing"},
    {"argmap.display", "argmap.store", "argmap.diff", "argmap.corpus"},
    {"argmap.cli", "argmap", "argmap.__main__"},
]  # fmt: skip

MAP_LAYERS: list[set[str]] = [
    {"argmap.map._graph"},
    {"argmap.map._build", "argmap.map._ops"},
    {"argmap.map._core"},
    {"argmap.map"},
]


# Methods defined on a lower layer's class that forward to a higher layer's public function,
# importing it when called (``m.trace(...)``, a notebook's ``_repr_html_``). Such an import
# runs after every module has loaded, so it makes no load-time edge; only these may do it.
FORWARDS: dict[str, set[str]] = {
    "argmap.map._core": {"argmap.query", "argmap.rdf", "argmap.display"},
    "argmap.query.trace": {"argmap.display"},
}


def _modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


MODULES = _modules()


def _unit(module: str) -> str:
    """The layer unit of a module: a top-level module itself, or its subpackage."""
    parts = module.split(".")
    if len(parts) == 1:
        return "argmap"
    if f"{parts[0]}.{parts[1]}" in MODULES and MODULES[f"{parts[0]}.{parts[1]}"].name != (
        "__init__.py"
    ):
        return f"{parts[0]}.{parts[1]}"
    return ".".join(parts[:2])


def _package(module: str) -> str:
    """The package a module belongs to (top-level modules belong to ``argmap``)."""
    path = MODULES[module]
    if path.name == "__init__.py":
        return module
    return module.rsplit(".", 1)[0]


def _layer(unit: str) -> int | None:
    for number, layer in enumerate(LAYERS):
        if unit in layer:
            return number
    return None


def _runtime_nodes(tree: ast.AST) -> Iterator[tuple[ast.AST, bool]]:
    """Every node, and whether it is in the body of a method (a function in a class),
    leaving out the bodies of ``if TYPE_CHECKING:``."""
    todo: list[tuple[ast.AST, bool, bool]] = [(tree, False, False)]
    while todo:
        node, in_class, in_method = todo.pop()
        yield node, in_method
        for child in ast.iter_child_nodes(node):
            test = getattr(child, "test", None)
            if isinstance(child, ast.If) and getattr(test, "id", getattr(test, "attr", "")) == (
                "TYPE_CHECKING"
            ):
                todo.extend((c, in_class, in_method) for c in child.orelse)
                continue
            method = in_method or (
                in_class and isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef)
            )
            todo.append((child, isinstance(child, ast.ClassDef), method))


def _forward(module: str, target: str) -> bool:
    return any(
        target == t or target.startswith(t + ".") for t in FORWARDS.get(module, ())
    )


def _imports(module: str) -> Iterator[tuple[str, str | None, int]]:
    """(imported module, imported name or None, line) for each runtime import of argmap,
    leaving out the forwards a method may make (:data:`FORWARDS`)."""
    for target, name, line, in_method in _all_imports(module):
        if not (in_method and _forward(module, target)):
            yield target, name, line


def _all_imports(module: str) -> Iterator[tuple[str, str | None, int, bool]]:
    path = MODULES[module]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = _package(module)
    for node, in_method in _runtime_nodes(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                source = ".".join(base + ([node.module] if node.module else []))
            else:
                source = node.module or ""
            if source != "argmap" and not source.startswith("argmap."):
                continue
            for alias in node.names:
                full = f"{source}.{alias.name}"
                if full in MODULES:
                    yield full, None, node.lineno, in_method
                else:
                    yield source, alias.name, node.lineno, in_method
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name == "argmap" or alias.name.startswith("argmap."):
                    yield alias.name, None, node.lineno, in_method


EDGES: dict[str, set[str]] = defaultdict(set)
FOUND: list[tuple[str, str, str | None, int]] = []
for _name in MODULES:
    for _target, _imported, _line in _imports(_name):
        FOUND.append((_name, _target, _imported, _line))
        if _target in MODULES and _target != _name and not _name.startswith(_target + "."):
            EDGES[_name].add(_target)


def test_every_module_has_a_layer() -> None:
    assert sorted({_unit(m) for m in MODULES if _layer(_unit(m)) is None}) == []


def test_nothing_imports_upward() -> None:
    upward = []
    for module, target, _imported, line in FOUND:
        mine, theirs = _layer(_unit(module)), _layer(_unit(target))
        if mine is not None and theirs is not None and theirs > mine:
            upward.append(f"{MODULES[module].relative_to(PACKAGE.parent)}:{line} imports {target}")
    assert upward == []


def test_no_private_name_crosses_a_package() -> None:
    crossing = []
    for module, target, imported, line in FOUND:
        if target not in MODULES or _package(module) == _package(target):
            continue
        inner = target.split(".")[1:]
        private_module = any(p.startswith("_") and not p.startswith("__") for p in inner)
        private_name = imported is not None and imported.startswith("_")
        if private_module or private_name:
            what = f"{target}.{imported}" if imported else target
            crossing.append(f"{MODULES[module].relative_to(PACKAGE.parent)}:{line} uses {what}")
    assert crossing == []


def test_no_import_circles() -> None:
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    circles: list[list[str]] = []

    def visit(node: str) -> None:  # Tarjan's strongly connected components
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in EDGES.get(node, ()):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                circles.append(sorted(component))

    for module in sorted(MODULES):
        if module not in index:
            visit(module)
    assert circles == []


@pytest.mark.parametrize("module", ["argmap.model"])
def test_the_model_imports_only_pydantic_and_the_base(module: str) -> None:
    targets = {_unit(t) for m, t, _i, _l in FOUND if m == module}
    assert all(_layer(t) == 0 for t in targets), targets


def test_the_map_package_is_layered_too() -> None:
    inside = {m for m in MODULES if m == "argmap.map" or m.startswith("argmap.map.")}
    assert inside == set().union(*MAP_LAYERS)
    level = {m: n for n, layer in enumerate(MAP_LAYERS) for m in layer}
    upward = [
        f"{module}:{line} imports {target}"
        for module, target, _imported, line in FOUND
        if module in level and target in level and level[target] > level[module]
    ]
    assert upward == []


def test_forwards_are_methods_importing_public_names() -> None:
    """A forward imports a public name, from inside a method, and nothing else crosses."""
    seen = []
    for module in FORWARDS:
        for target, name, line, in_method in _all_imports(module):
            if _forward(module, target):
                assert in_method, f"{module}:{line} imports {target} outside a method"
                assert not (name or "").startswith("_"), f"{module}:{line} uses {name}"
                seen.append(target)
    assert {"argmap.query", "argmap.display"} <= set(seen)
