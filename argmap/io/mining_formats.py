"""Registers the argument-mining formats (issue 24) with :mod:`argmap.io.registry`.

====== ===================== ===== ===== ==============================================
name   extensions            read  write sniffed from
====== ===================== ===== ===== ==============================================
brat   ann                   yes   yes   a first line ``T1<TAB>Type start end``
kialo  kialo.txt, kialo      yes   yes   ``Discussion Title:``, or ``1. ...`` followed by
                                         ``1.1. Pro:`` / ``1.1. Con:``
====== ===================== ===== ===== ==============================================

A plain ``.txt`` file is Kialo only when it starts like an export; any other text is
left alone (``.txt`` is no extension of any format). A brat ``.ann`` is read with the
``.txt`` beside it, and written with it (:func:`argmap.dump`).

Examples
--------
>>> from argmap.io.registry import guess
>>> guess("debate.txt", b"Discussion Title: Cars?\\n\\n1. Ban cars.\\n").name
'kialo'
>>> guess("essay01.ann", b"T1\\tMajorClaim 0 4\\tYes.\\n").name
'brat'
>>> guess("notes.txt", b"1. buy milk\\n2. call mum\\n")
Traceback (most recent call last):
...
argmap.errors.FormatError: notes.txt: cannot tell the format; name it: ... (`argmap formats` lists the names)
"""

from __future__ import annotations

from argmap.io import brat, kialo
from argmap.io.registry import Format, register

__all__: list[str] = []

register(
    Format(
        "brat",
        extensions=("ann",),
        loads=brat.loads,
        imports=brat.brat_to_map,
        dumps=brat.dumps,
        dump=brat.dump,
        sniff=brat.sniff_brat,
        media_type="text/plain",
        aliases=("brat-standoff", "standoff"),
        description="brat standoff annotations (.ann with its .txt): argument spans, "
        "relations, stances",
    )
)
register(
    Format(
        "kialo",
        extensions=("kialo.txt", "kialo"),
        loads=kialo.loads,
        imports=kialo.kialo_to_map,
        dumps=kialo.dumps,
        sniff=kialo.sniff_kialo,
        media_type="text/plain",
        description="Kialo discussion export (plain text pro/con tree); writes the tree part",
    )
)
