"""Registers the ICCMA formats (i23, apx, tgf) with :mod:`argmap.io.registry`.

They are read and written as maps by :mod:`argmap.semantics.iccma_maps` (an argument is a
claim, an attack an Attack; a map is written as its structured Dung projection), imported
when first used.
"""

from __future__ import annotations

from argmap.io.registry import Format, Lazy, register

__all__: list[str] = []

_MAPS = "argmap.semantics.iccma_maps"

register(
    Format(
        "i23",
        extensions=("af", "i23"),
        loads=Lazy(f"{_MAPS}:loads_i23"),
        dumps=Lazy(f"{_MAPS}:dumps_i23"),
        sniff=Lazy(f"{_MAPS}:sniff_i23"),
        media_type="text/plain",
        aliases=("iccma", "iccma23"),
        description="ICCMA 2023 abstract framework ('p af N', then 'i j' attacks)",
    )
)
register(
    Format(
        "apx",
        extensions=("apx",),
        loads=Lazy(f"{_MAPS}:loads_apx"),
        dumps=Lazy(f"{_MAPS}:dumps_apx"),
        sniff=Lazy(f"{_MAPS}:sniff_apx"),
        media_type="text/plain",
        aliases=("aspartix",),
        description="ASPARTIX abstract framework (arg(a). att(a,b).)",
    )
)
register(
    Format(
        "tgf",
        extensions=("tgf",),
        loads=Lazy(f"{_MAPS}:loads_tgf"),
        dumps=Lazy(f"{_MAPS}:dumps_tgf"),
        media_type="text/plain",
        description="Trivial Graph Format abstract framework (names, '#', attacks)",
    )
)
