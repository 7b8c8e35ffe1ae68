"""The errors rendering raises (leaves of :class:`argmap.errors.ArgmapError`).

::

    ArgmapError
    └── RenderError                      a diagram could not be drawn
        └── GraphvizNotFound (FileNotFoundError)   the ``dot`` program is not installed
"""

from __future__ import annotations

from argmap.errors import ArgmapError

__all__ = ["GraphvizNotFound", "RenderError"]


class RenderError(ArgmapError):
    """A diagram could not be drawn (Graphviz failed, or the object cannot be drawn)."""


class GraphvizNotFound(RenderError, FileNotFoundError):
    """The Graphviz ``dot`` program, which lays out SVG, PNG and HTML output, is missing."""
