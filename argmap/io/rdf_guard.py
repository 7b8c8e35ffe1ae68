"""What RDF input must pass before pyoxigraph sees it: one guard for every reader.

``argmap.load``, its lenient RDF reader and ``argmap.validate`` all call :func:`guard_rdf`:
JSON-LD is decoded under the caps, a remote ``@context`` is refused (argmap never fetches),
and anything a JSON-LD processor would drop without a word is refused with its place;
RDF/XML has its entities expanded by argmap's own guard, under one budget.
"""

from __future__ import annotations

import json
from typing import Any

from argmap.errors import LimitExceeded, ParseError
from argmap.io._jsonld_check import check_jsonld
from argmap.io._xml_entities import expand_entities
from argmap.limits import how_to_raise, load_json

__all__ = ["guard_rdf", "refuse_remote_contexts"]


def guard_rdf(data: bytes, syntax: str, file: str | None) -> bytes:
    """``data`` made safe for pyoxigraph, or a located refusal: JSON-LD under the caps, with
    no remote context and nothing a processor would drop silently; RDF/XML with its
    entities expanded by argmap's guard. Other syntaxes pass through unchanged."""
    if syntax == "jsonld":
        doc = load_json(data, file=file, what="JSON-LD")  # under max_depth and max_text
        refuse_remote_contexts(doc, file, source=data)
        check_jsonld(doc, file, source=data)
    elif syntax == "xml":
        data = expand_entities(data, file=file)
    return data


def refuse_remote_contexts(
    doc: Any, filename: str | None, depth: int = 0, *, source: bytes | None = None
) -> None:
    """A JSON-LD context given by URL would be fetched; argmap never fetches.

    ``source`` (the raw JSON) lets the error give the line of the offending context.
    """
    if depth > 1000:
        raise LimitExceeded(
            f"JSON-LD nested deeper than 1000 levels ({how_to_raise('max_depth')})",
            file=filename,
            line=1,
        )
    if isinstance(doc, dict):
        ctx = doc.get("@context")
        items = ctx if isinstance(ctx, list) else [ctx]
        for item in items:
            if isinstance(item, str):
                where = source.find(json.dumps(item).encode("utf-8")) if source else -1
                line = source.count(b"\n", 0, where) + 1 if source and where >= 0 else 1
                raise ParseError(
                    f"the JSON-LD names a remote context {item!r}; argmap never fetches one "
                    "(inline the context instead)",
                    file=filename,
                    line=line,
                )
        for value in doc.values():
            refuse_remote_contexts(value, filename, depth + 1, source=source)
    elif isinstance(doc, list):
        for value in doc:
            refuse_remote_contexts(value, filename, depth + 1, source=source)
