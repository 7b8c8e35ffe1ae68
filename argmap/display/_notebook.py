"""Notebook reprs: maps, traces and validation reports draw themselves in Jupyter.

:func:`attach_reprs` gives each class a ``_repr_html_`` (the HTML page's viewer in an
``<iframe srcdoc>``, then a static SVG for notebooks that run no scripts; a report also gets
its findings table) and a ``_repr_mimebundle_`` (that HTML and the SVG as
``image/svg+xml``). A class that already defines its own ``_repr_html_`` is left alone. The
repr never raises for a missing ``dot``: it shows the reading view and says how to install
Graphviz.
"""

from __future__ import annotations

from argmap.display._render import _notebook_bundle as _repr_mimebundle_
from argmap.display._render import _notebook_repr as _repr_html_
from argmap.map import ArgumentMap

__all__ = ["attach_reprs"]


def _attach(cls: type) -> bool:
    current = cls.__dict__.get("_repr_html_")
    stand_in = getattr(current, "__module__", None) == "argmap"  # the package's lazy stand-in
    if current is not None and current is not _repr_html_ and not stand_in:
        return False
    cls._repr_html_ = _repr_html_  # type: ignore[attr-defined]
    cls._repr_mimebundle_ = _repr_mimebundle_  # type: ignore[attr-defined]
    return True


def attach_reprs() -> list[str]:
    """Give maps, traces and validation reports their notebook view; returns the classes.

    >>> "ArgumentMap" in attach_reprs()
    True
    """
    done = []
    classes: list[type] = [ArgumentMap]
    try:
        from argmap.query.trace import Trace

        classes.append(Trace)
    except ImportError:  # pragma: no cover
        pass
    try:
        from argmap.validate import ValidationReport

        classes.append(ValidationReport)
    except ImportError:  # pragma: no cover
        pass
    for cls in classes:
        if _attach(cls):
            done.append(cls.__name__)
    return done
