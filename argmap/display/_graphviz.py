"""Running the Graphviz ``dot`` program: DOT text in, SVG or PNG out.

``dot`` is found on ``PATH`` (or named by ``$ARGMAP_DOT``). When it is missing,
:class:`GraphvizNotFound` says how to install it; DOT output does not need it.

Examples
--------
>>> not has_dot() or run_dot('digraph { a -> b }', "svg").startswith(b"<?xml")
True
"""

from __future__ import annotations

import os
import shutil
import subprocess

from argmap.errors import GraphvizNotFound, RenderError

__all__ = ["INSTALL_HINT", "dot_program", "has_dot", "run_dot"]

INSTALL_HINT = (
    "install Graphviz: `apt-get install graphviz` (Debian, Ubuntu), `brew install graphviz` "
    "(macOS), `conda install graphviz`, or see https://graphviz.org/download/"
)
_FORMATS = ("svg", "png")


def dot_program() -> str:
    """The path of the ``dot`` program, or :class:`GraphvizNotFound` saying how to install it.

    >>> import os
    >>> old = os.environ.get("PATH", ""); os.environ["PATH"] = "/nonexistent"
    >>> try:
    ...     dot_program()
    ... except GraphvizNotFound as exc:
    ...     print("apt-get install graphviz" in str(exc))
    ... finally:
    ...     os.environ["PATH"] = old
    True
    """
    override = os.environ.get("ARGMAP_DOT")
    path = shutil.which(override) if override else shutil.which("dot")
    if path is None:
        wanted = f"{override!r} (from $ARGMAP_DOT)" if override else "'dot'"
        raise GraphvizNotFound(
            f"render: the Graphviz program {wanted} is not on PATH; SVG, PNG, HTML and "
            f"notebook pictures need it. To fix it, {INSTALL_HINT}. DOT output "
            "(render(m, 'map.dot')) works without it."
        )
    return path


def has_dot() -> bool:
    """Whether the ``dot`` program is installed.

    >>> isinstance(has_dot(), bool)
    True
    """
    try:
        dot_program()
    except GraphvizNotFound:
        return False
    return True


def run_dot(source: str, fmt: str) -> bytes:
    """Lay out ``source`` (DOT text) with ``dot`` and return the picture in ``fmt``.

    ``fmt`` is ``"svg"`` or ``"png"``. Graphviz's warnings are ignored; a failure raises
    :class:`RenderError` with what ``dot`` printed.
    """
    if fmt not in _FORMATS:
        raise RenderError(f"render: dot output {fmt!r} is not one of {', '.join(_FORMATS)}")
    program = dot_program()
    try:
        done = subprocess.run(
            [program, f"-T{fmt}"],
            input=source.encode("utf-8"),
            capture_output=True,
            check=False,
        )
    except OSError as exc:
        raise RenderError(f"render: could not run {program}: {exc.strerror}") from None
    if done.returncode != 0 or not done.stdout:
        message = done.stderr.decode("utf-8", "replace").strip() or "no output"
        raise RenderError(f"render: {program} -T{fmt} failed (exit {done.returncode}): {message}")
    return done.stdout
