"""The lenient-capable readers the registry hands to :func:`argmap.io.load_with_report`.

Each takes ``(data: bytes, *, filename, lenient)`` and returns
:class:`~argmap.io._report.Imported`: the map of what was sound and the report of every
record skipped. Formats whose ``*_to_map`` function already has that shape register it
directly; the two here wrap a parse step in front of one.
"""

from __future__ import annotations

from argmap.io._report import Imported, ImportReport, Problem

__all__ = ["import_aif", "import_argdown"]


def import_aif(data: bytes | str, *, filename: str | None = None, lenient: bool = False) -> Imported:
    """AIF JSON or xAIF: the document's bad records and the map's, in one report.

    Examples
    --------
    >>> m, report = import_aif(b'{"nodes": [{"nodeID": "1", "text": "RA", "type": "RA"}],'
    ...                        b' "edges": []}', lenient=True)
    >>> [p.node for p in report]
    ['1']
    """
    from argmap.io._aif_schema import parse_aif
    from argmap.io.aif import read_document
    from argmap.util import no_gc

    report = ImportReport(file=filename, lenient=lenient)
    with no_gc():  # the decoded JSON and the models hold no reference cycles
        doc = parse_aif(data, filename=filename, report=report)
        return read_document(doc, filename=filename, report=report, texts_capped=True)


def import_argdown(
    data: bytes | str, *, filename: str | None = None, lenient: bool = False
) -> Imported:
    """Argdown text (UTF-8).

    Examples
    --------
    >>> import_argdown(b"[T]: A statement.").report.ok
    True
    """
    from argmap.io.argdown import argdown_to_map

    if isinstance(data, bytes):
        raw = data
        try:
            data = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = raw[: exc.start].count(b"\n") + 1
            problem = Problem(f"not UTF-8 text (byte {exc.start})", file=filename, line=line)
            raise problem.to_error() from None
    return argdown_to_map(data, filename=filename, lenient=lenient)
