"""Notebook reprs: maps, traces and validation reports draw themselves in Jupyter.

Each class defines its own ``_repr_html_`` and ``_repr_mimebundle_``, which call
:func:`argmap.display.repr_html` and :func:`argmap.display.repr_mimebundle` when a notebook
asks (the HTML page's viewer in an ``<iframe srcdoc>``, then a static SVG for notebooks that
run no scripts, and the SVG as ``image/svg+xml``). The repr never raises for a missing
``dot``: it shows the reading view and says how to install Graphviz.
"""

from __future__ import annotations

__all__ = ["attach_reprs"]


def attach_reprs() -> list[str]:
    """The classes that draw themselves in a notebook (kept for notebooks that called it
    when the views were attached at import; nothing is attached now).

    >>> "ArgumentMap" in attach_reprs()
    True
    """
    return ["ArgumentMap", "Trace", "ValidationReport"]
