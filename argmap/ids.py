"""Deterministic ids and IRIs.

An id is minted from what a node *is* (its kind and text, or what a relation joins), never
from when it was added, so the same map built twice, in any order, on any machine, gets the
same ids and IRIs.

Examples
--------
>>> mint_id("claim", "The draft text is fundamentally flawed.")
'the-draft-text-is-fundamentally-flawed-...'
>>> mint_id("claim", "x") == mint_id("claim", "x")
True
>>> slugify("Ünïcode & “quotes”!")
'unicode-quotes'
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import quote, unquote

__all__ = ["id_from_iri", "iri_for", "mint_id", "slugify"]

_SLUG_LEN = 48


def slugify(text: str, max_len: int = _SLUG_LEN) -> str:
    """Lower-case ASCII words of ``text`` joined by ``-``, cut at a word boundary."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > max_len:
            break
        slug = candidate
    if not slug and words:
        slug = words[0][:max_len]
    return slug


def _digest(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:10]


def mint_id(kind: str, *parts: str) -> str:
    """An id for a node of ``kind`` identified by ``parts``.

    Statements and entities read as a slug of their text with a short hash (so that two
    kinds with one text, or two texts with one slug, never collide); relations read as
    their kind with a hash of the ids they join.
    """
    digest = _digest(kind, *parts)
    if kind in ("argument", "attack", "stance"):
        return f"{kind}-{digest}"
    slug = slugify(parts[0]) if parts else ""
    return f"{slug}-{digest}" if slug else f"{kind}-{digest}"


def iri_for(base: str, node_id: str) -> str:
    """The IRI of ``node_id`` in a map whose node IRIs start with ``base``."""
    return base + quote(node_id, safe="._~-")


def id_from_iri(base: str, iri: str) -> str | None:
    """The id that :func:`iri_for` made ``iri`` from, or None when it did not."""
    if not iri.startswith(base):
        return None
    rest = unquote(iri[len(base) :])
    return rest or None
