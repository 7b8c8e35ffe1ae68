"""Pictures as strings, bytes and files: SVG, PNG, HTML and DOT, and the notebook reprs."""

from __future__ import annotations

import html
import os
from pathlib import Path

from argmap.display._adapters import as_view, findings_of, is_report, is_trace, report_view
from argmap.display._dot import dot_source
from argmap.display._graphviz import run_dot
from argmap.display._html import (
    notebook_fragment,
    page,
    report_page,
    report_table,
    svg_fragment,
)
from argmap.display._view import DEFAULT_MAX_NODES, View
from argmap.errors import FormatError, GraphvizNotFound, RenderError
from argmap.io.atomic import write_bytes

__all__ = [
    "RENDER_FORMATS",
    "render",
    "render_bytes",
    "repr_html",
    "repr_mimebundle",
    "to_html",
    "to_png",
    "to_svg",
]

RENDER_FORMATS: dict[str, tuple[str, ...]] = {
    "svg": (".svg",),
    "png": (".png",),
    "html": (".html", ".htm"),
    "dot": (".dot", ".gv"),
}
"""The formats :func:`render` writes and the file extensions that name them."""


def to_svg(
    obj: object, *, recommendation: str | None = None, max_nodes: int = DEFAULT_MAX_NODES
) -> str:
    """The diagram of a map, trace or report as an SVG document (needs Graphviz's ``dot``).

    Examples
    --------
    >>> from argmap import ArgumentMap
    >>> from argmap.display import has_dot
    >>> m = ArgumentMap("s"); _ = m.argue([m.claim("P.", id="p")], m.recommendation("R."))
    >>> not has_dot() or "<svg" in to_svg(m)
    True
    """
    view = as_view(obj, recommendation=recommendation, max_nodes=max_nodes)
    return run_dot(dot_source(view), "svg").decode("utf-8")


def to_png(
    obj: object, *, recommendation: str | None = None, max_nodes: int = DEFAULT_MAX_NODES
) -> bytes:
    """The diagram as PNG bytes (needs Graphviz's ``dot``).

    >>> from argmap import ArgumentMap
    >>> from argmap.display import has_dot
    >>> not has_dot() or to_png(ArgumentMap("p")).startswith(b"\\x89PNG")
    True
    """
    view = as_view(obj, recommendation=recommendation, max_nodes=max_nodes)
    return run_dot(dot_source(view), "png")


def _extra_html(obj: object) -> str:
    """What a page shows beside the diagram: a report's table, a trace's explanation."""
    if is_report(obj):
        return _report_html(obj)
    if is_trace(obj):
        from argmap.query import Trace, explain

        if isinstance(obj, Trace):
            return f"<h2>justification</h2><pre>{html.escape(explain(obj))}</pre>"
    return ""


def _report_html(report: object) -> str:
    """A report's table: its own notebook HTML when it has one, else argmap's table."""
    own = getattr(type(report), "_repr_html_", None)
    if own is not None:
        text = own(report)
        if isinstance(text, str):
            return text
    return report_table(findings_of(report), ok=bool(getattr(report, "ok", True)))


def to_html(
    obj: object, *, recommendation: str | None = None, max_nodes: int = DEFAULT_MAX_NODES
) -> str:
    """A self-contained HTML page of the diagram: inline SVG, CSS and script, no downloads.

    A validation report that does not hold its map becomes a page with its table only.

    >>> from argmap import ArgumentMap
    >>> from argmap.display import has_dot
    >>> not has_dot() or "<title>Hello</title>" in to_html(ArgumentMap("h", title="Hello"))
    True
    """
    if is_report(obj) and report_view(obj, max_nodes=max_nodes) is None:
        return report_page("Validation report", _extra_html(obj))
    view = as_view(obj, recommendation=recommendation, max_nodes=max_nodes)
    svg = run_dot(dot_source(view, heading=False), "svg")
    return page(view, svg, extra_html=_extra_html(obj))


def render_bytes(
    obj: object,
    format: str,
    *,
    recommendation: str | None = None,
    max_nodes: int = DEFAULT_MAX_NODES,
) -> bytes:
    """The picture in ``format`` (``svg``, ``png``, ``html`` or ``dot``) as bytes.

    >>> from argmap import ArgumentMap
    >>> render_bytes(ArgumentMap("b"), "dot")[:15]
    b'digraph "argmap'
    """
    fmt = format.lower().lstrip(".")
    if fmt not in RENDER_FORMATS:
        raise FormatError(
            f"render: unknown format {format!r}; use one of {', '.join(RENDER_FORMATS)}"
        )
    if fmt == "html":
        return to_html(obj, recommendation=recommendation, max_nodes=max_nodes).encode("utf-8")
    if is_report(obj) and report_view(obj, max_nodes=max_nodes) is None:
        raise RenderError(
            f"render: this validation report does not hold its map, so it has no diagram; "
            f"write it as .html (a table), not .{fmt}"
        )
    view = as_view(obj, recommendation=recommendation, max_nodes=max_nodes)
    source = dot_source(view)
    if fmt == "dot":
        return source.encode("utf-8")
    return run_dot(source, fmt)


def _format_of(path: Path) -> str | None:
    suffix = path.suffix.lower()
    for name, extensions in RENDER_FORMATS.items():
        if suffix in extensions:
            return name
    return None


def render(
    obj: object,
    path: str | os.PathLike[str],
    *,
    format: str | None = None,
    recommendation: str | None = None,
    max_nodes: int = DEFAULT_MAX_NODES,
) -> Path:
    """Write a picture of a map, a trace or a validation report to ``path``.

    The format comes from the extension (``.svg``, ``.png``, ``.html``, ``.dot``) unless
    ``format`` names it. SVG, PNG and HTML need Graphviz's ``dot`` program; DOT does not.
    The file is written atomically: on any error, what was at ``path`` is untouched.

    Parameters
    ----------
    obj:
        An :class:`~argmap.ArgumentMap`, a trace, or a validation report.
    path:
        Where to write.
    format:
        ``"svg"``, ``"png"``, ``"html"`` or ``"dot"`` (default: from the extension).
    recommendation:
        For a map: draw only the justification of this statement (id, IRI or text).
    max_nodes:
        A map with more boxes than this is drawn as its leading part, with a note.

    Returns
    -------
    pathlib.Path
        The path written.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap("r"); _ = m.argue([m.evidence("E.", id="e")], m.recommendation("R."))
    >>> out = render(m, pathlib.Path(tempfile.mkdtemp()) / "map.dot")
    >>> out.read_text().count("->")
    2
    >>> render(m, "map.jpeg")
    Traceback (most recent call last):
    ...
    argmap.errors.FormatError: render: cannot tell the format of 'map.jpeg' from its extension; ...
    """
    target = Path(path)
    fmt = format or _format_of(target)
    if fmt is None:
        raise FormatError(
            f"render: cannot tell the format of {str(path)!r} from its extension; name it "
            ".svg, .png, .html or .dot, or pass format= (--format on the command line)"
        )
    data = render_bytes(obj, fmt, recommendation=recommendation, max_nodes=max_nodes)
    write_bytes(target, data)
    return target


def _notebook_parts(obj: object) -> tuple[str, bytes | None]:
    """The notebook HTML of a map, trace or report, and its SVG (None without ``dot``)."""
    view: View | None
    if is_report(obj):
        table = _report_html(obj)
        view = report_view(obj)
        if view is None:
            return table, None
    else:
        table = ""
        view = as_view(obj)
    try:
        svg: bytes | None = run_dot(dot_source(view, heading=False), "svg")
        problem = None
    except GraphvizNotFound as exc:
        svg, problem = None, str(exc)
    except RenderError as exc:
        svg, problem = None, str(exc)
    return notebook_fragment(view, svg, problem=problem) + table, svg


def repr_html(obj: object) -> str | None:
    """What a notebook shows for a map, trace or report (never raises for a missing ``dot``).

    The viewer of the HTML page in a frame (reading view, pan, zoom, fit, find, click for
    quotes), then a static picture shown where scripts do not run.

    >>> from argmap import ArgumentMap
    >>> "argmap-view" in (repr_html(ArgumentMap("n")) or "")
    True
    """
    return _notebook_parts(obj)[0]


def repr_mimebundle(obj: object) -> dict[str, str]:
    """The notebook's bundle: ``text/html`` (:func:`repr_html`) and, when Graphviz is
    installed, ``image/svg+xml`` (the static diagram, for front ends that show no HTML).

    >>> from argmap import ArgumentMap
    >>> "text/html" in repr_mimebundle(ArgumentMap("n"))
    True
    """
    text, svg = _notebook_parts(obj)
    bundle = {"text/html": text}
    if svg is not None:
        bundle["image/svg+xml"] = svg_fragment(svg)
    return bundle
