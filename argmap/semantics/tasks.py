"""The ICCMA reasoning tasks on either engine: clingo when installed, else pure Python.

Five questions, named as the ICCMA competitions name them:

- **SE**: some extension (:func:`some_extension`; ``None`` when there is none);
- **EE**: every extension (:func:`all_extensions`);
- **CE**: how many extensions (:func:`count_extensions`);
- **DC**: is an argument credulously accepted, in some extension (:func:`credulous`);
- **DS**: is it sceptically accepted, in every extension (:func:`sceptical`).

Each takes a framework or a map (projected as :func:`~argmap.semantics.accept` does), a
semantics, an ``engine`` and a ``timeout`` in seconds:

- ``engine="solver"``: :mod:`argmap.semantics.solver` (clingo; the ``solver`` extra);
- ``engine="python"``: the pure-Python search of :mod:`argmap.semantics.dung` (grounded,
  complete, preferred, stable only);
- ``engine="auto"`` (default): the solver when clingo can be imported, else the
  pure-Python search, saying so once per process (a :class:`RuntimeWarning`, or the
  command line's note on stderr).

Grounded semantics is always answered by the linear pure-Python algorithm. A ``timeout``
stops the solver's search (:class:`~argmap.errors.SolverTimeout`); the pure-Python search
then runs in a forked child process that is killed and reaped when the time is up.
"""

from __future__ import annotations

import multiprocessing
import warnings
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Literal, TypeVar, get_args

from argmap.errors import SemanticsError, SolverTimeout
from argmap.semantics import dung, solver
from argmap.semantics.framework import AbstractFramework
from argmap.semantics.projection import Projection, as_framework, map_framework

if TYPE_CHECKING:
    from argmap.map import ArgumentMap

__all__ = [
    "ALL_SEMANTICS",
    "ENGINES",
    "ICCMA_SEMANTICS",
    "TASKS",
    "Engine",
    "all_extensions",
    "count_extensions",
    "credulous",
    "resolve_engine",
    "sceptical",
    "some_extension",
]

Engine = Literal["auto", "solver", "python"]
ENGINES: tuple[str, ...] = get_args(Engine)
TASKS = ("SE", "EE", "CE", "DC", "DS")
ICCMA_SEMANTICS = {
    "CO": "complete",
    "PR": "preferred",
    "ST": "stable",
    "GR": "grounded",
    "SST": "semi-stable",
    "STG": "stage",
    "ID": "ideal",
}
"""ICCMA's abbreviations and the semantics they name."""
ALL_SEMANTICS: tuple[str, ...] = ("grounded", *solver.SOLVER_SEMANTICS)

FALLBACK_NOTE = (
    "clingo is not installed, so argmap uses its pure-Python search "
    "(slower on hard frameworks); pip install 'argmap[solver]' for the solver"
)
_noted = False

T = TypeVar("T")


def _warn(message: str) -> None:
    warnings.warn(message, RuntimeWarning, stacklevel=4)


def resolve_engine(
    engine: Engine | str = "auto",
    semantics: str = "preferred",
    *,
    notify: Callable[[str], None] | None = None,
) -> str:
    """The engine that will answer: ``"solver"`` or ``"python"``.

    ``auto`` without clingo falls back to ``python`` and calls ``notify`` (by default a
    :class:`RuntimeWarning`) once per process with :data:`FALLBACK_NOTE`.

    Raises:
        SemanticsError: an unknown engine or semantics, ``solver`` without clingo, or a
            semantics only the solver answers asked of ``python``.

    Examples:
        >>> resolve_engine("python", "stable")
        'python'
    """
    global _noted
    if engine not in ENGINES:
        raise SemanticsError(f"unknown engine {engine!r}; expected one of {', '.join(ENGINES)}")
    if semantics not in ALL_SEMANTICS:
        raise SemanticsError(
            f"unknown semantics {semantics!r}; expected one of {', '.join(ALL_SEMANTICS)}"
        )
    if semantics == "grounded":
        return "python"
    if engine == "auto":
        if solver.clingo_available():
            return "solver"
        if not _noted:
            _noted = True
            (notify or _warn)(FALLBACK_NOTE)
        engine = "python"
    if engine == "solver" and not solver.clingo_available():
        raise SemanticsError(
            "--engine solver needs clingo: pip install 'argmap[solver]' (or --engine python)"
        )
    if engine == "python" and semantics not in dung.SEMANTICS:
        hint = (
            "pip install 'argmap[solver]'" if not solver.clingo_available() else "--engine solver"
        )
        raise SemanticsError(
            f"{semantics} semantics needs the solver engine ({hint}); the pure-Python "
            f"search answers {', '.join(dung.SEMANTICS)}"
        )
    return engine


def _child(conn: Any, fn: Callable[[], Any]) -> None:  # pragma: no cover - runs in the child
    try:
        conn.send((True, fn()))
    except BaseException as exc:  # send any failure back to the parent
        conn.send((False, exc))
    finally:
        conn.close()


def within(fn: Callable[[], T], timeout: float | None) -> T:
    """Run ``fn`` (pure Python), in a forked child that is killed after ``timeout`` s.

    Without ``fork`` (Windows) or without a timeout, ``fn`` runs here, unlimited.
    """
    if timeout is None or "fork" not in multiprocessing.get_all_start_methods():
        return fn()
    if timeout <= 0:
        raise SemanticsError(f"a time limit must be positive, got {timeout} s (--timeout)")
    ctx = multiprocessing.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(child, fn), daemon=True)
    proc.start()
    child.close()
    try:
        if not parent.poll(timeout):
            raise SolverTimeout(
                f"the pure-Python search did not answer within {timeout} s (--timeout)"
            )
        ok, value = parent.recv()
    finally:
        if proc.is_alive():
            proc.kill()
        proc.join()  # reaped: no zombie is left behind
        parent.close()
    if not ok:
        raise value
    return value  # type: ignore[no-any-return]


def _framework(
    source: AbstractFramework | ArgumentMap, argument: object, projection: Projection | str
) -> tuple[AbstractFramework, str | None]:
    return as_framework(source, argument, projection)


def _visible(
    source: AbstractFramework | ArgumentMap,
    projection: Projection | str,
    found: list[frozenset[str]],
) -> list[frozenset[str]]:
    """For a map: extensions without the projection's auxiliary arguments, each once."""
    if isinstance(source, AbstractFramework):
        return found
    keep = frozenset(map_framework(source, projection).nodes)
    return list(dict.fromkeys(e & keep for e in found))


def all_extensions(
    source: AbstractFramework | ArgumentMap,
    semantics: str = "preferred",
    *,
    engine: Engine | str = "auto",
    timeout: float | None = None,
    projection: Projection | str = "structured",
) -> list[frozenset[str]]:
    """EE: every extension of ``semantics``, in a stable order (by the sorted indices).

    Raises:
        SemanticsError: see :func:`resolve_engine`.
        SolverTimeout: no answer within ``timeout`` seconds.

    Examples:
        >>> from argmap.semantics import AbstractFramework
        >>> af = AbstractFramework(attacks=[("a", "b"), ("b", "a")])
        >>> [sorted(e) for e in all_extensions(af, "stable", engine="python")]
        [['a'], ['b']]
    """
    af, _ = _framework(source, None, projection)
    if resolve_engine(engine, semantics) == "solver":
        found = solver.solver_extensions(af, semantics, timeout=timeout)
    else:
        found = within(lambda: dung.extensions(af, semantics), timeout)
    return _visible(source, projection, found)


def some_extension(
    source: AbstractFramework | ArgumentMap,
    semantics: str = "preferred",
    *,
    engine: Engine | str = "auto",
    timeout: float | None = None,
    projection: Projection | str = "structured",
) -> frozenset[str] | None:
    """SE: one extension of ``semantics``, or None when there is none.

    Examples:
        >>> from argmap.semantics import AbstractFramework
        >>> odd = AbstractFramework(attacks=[("a", "b"), ("b", "c"), ("c", "a")])
        >>> some_extension(odd, "stable", engine="python") is None
        True
    """
    af, _ = _framework(source, None, projection)
    if resolve_engine(engine, semantics) == "solver":
        one = solver.solver_some_extension(af, semantics, timeout=timeout)
    elif semantics == "grounded":
        one = dung.grounded_extension(af)
    else:
        found = within(lambda: dung.extensions(af, semantics), timeout)
        one = found[0] if found else None
    return None if one is None else _visible(source, projection, [one])[0]


def count_extensions(
    source: AbstractFramework | ArgumentMap,
    semantics: str = "preferred",
    *,
    engine: Engine | str = "auto",
    timeout: float | None = None,
    projection: Projection | str = "structured",
) -> int:
    """CE: the number of extensions of ``semantics``.

    Examples:
        >>> from argmap.semantics import AbstractFramework
        >>> count_extensions(AbstractFramework(attacks=[("a", "b"), ("b", "a")]), "complete",
        ...                  engine="python")
        3
    """
    if not isinstance(source, AbstractFramework):  # extensions differing in aux args: once
        return len(
            all_extensions(source, semantics, engine=engine, timeout=timeout, projection=projection)
        )
    if resolve_engine(engine, semantics) == "solver":
        return solver.solver_count(source, semantics, timeout=timeout)
    return within(lambda: len(dung.extensions(source, semantics)), timeout)


def credulous(
    source: AbstractFramework | ArgumentMap,
    argument: object,
    semantics: str = "preferred",
    *,
    engine: Engine | str = "auto",
    timeout: float | None = None,
    projection: Projection | str = "structured",
) -> bool:
    """DC: whether ``argument`` is in some extension of ``semantics``.

    Examples:
        >>> from argmap.semantics import AbstractFramework
        >>> credulous(AbstractFramework(attacks=[("a", "b"), ("b", "a")]), "a", engine="python")
        True
    """
    af, name = _framework(source, argument, projection)
    assert name is not None
    if resolve_engine(engine, semantics) == "solver":
        return solver.solver_credulous(af, name, semantics, timeout=timeout)
    return within(lambda: dung.is_credulously_accepted(af, name, semantics), timeout)


def sceptical(
    source: AbstractFramework | ArgumentMap,
    argument: object,
    semantics: str = "preferred",
    *,
    engine: Engine | str = "auto",
    timeout: float | None = None,
    projection: Projection | str = "structured",
) -> bool:
    """DS: whether ``argument`` is in every extension of ``semantics`` (true if none).

    Examples:
        >>> from argmap.semantics import AbstractFramework
        >>> sceptical(AbstractFramework(attacks=[("a", "b"), ("b", "a")]), "a", engine="python")
        False
    """
    af, name = _framework(source, argument, projection)
    assert name is not None
    if resolve_engine(engine, semantics) == "solver":
        return solver.solver_sceptical(af, name, semantics, timeout=timeout)
    return within(lambda: dung.is_sceptically_accepted(af, name, semantics), timeout)
