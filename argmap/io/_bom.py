"""The one place a UTF-8 byte-order mark is taken off input before any reader sees it
(defined in :mod:`argmap.util`, below the ICCMA readers, which must not load argmap.io).

Editors on Windows start UTF-8 files with the bytes ``EF BB BF``. They mean nothing in
UTF-8, and most parsers argmap uses take them for content (a Turtle file would begin
with a subject named U+FEFF), so :func:`argmap.load`, :func:`argmap.loads`,
:func:`argmap.validate` and the ICCMA readers all strip the mark here first.

Examples
--------
>>> strip_bom(b"\\xef\\xbb\\xbf@prefix am: <x> .")
b'@prefix am: <x> .'
>>> strip_bom(b"@prefix")
b'@prefix'
"""

from __future__ import annotations

from argmap.util import strip_bom

__all__ = ["strip_bom"]
