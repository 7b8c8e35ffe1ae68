"""Thin query methods on :class:`~argmap.ArgumentMap`, for notebooks.

Importing this module (``argmap`` does) attaches ``m.trace(statement)``,
``m.critical_premises(statement)`` and ``m.what_if(remove)``; each is one line over the
function of the same name in :mod:`argmap.query`.

>>> import argmap
>>> m = argmap.ArgumentMap("m"); r = m.recommendation("R.", id="r")
>>> _ = m.argue([m.evidence("E.", id="e")], r)
>>> m.trace("r").premises, m.critical_premises("r"), m.what_if(["e"]).recommendations
(('e',), ('e',), ('r',))
"""

from __future__ import annotations

from collections.abc import Iterable

from argmap.map import ArgumentMap, Ref
from argmap.query.support import WhatIf, critical_premises, what_if
from argmap.query.trace import Trace, trace

__all__: list[str] = []


def _trace(self: ArgumentMap, statement: Ref) -> Trace:
    """Trace a statement to its premises (see :func:`argmap.trace`)."""
    return trace(self, statement)


def _critical_premises(self: ArgumentMap, statement: Ref) -> tuple[str, ...]:
    """The premises whose loss alone unsupports a statement (see :func:`argmap.critical_premises`)."""
    return critical_premises(self, statement)


def _what_if(self: ArgumentMap, remove: Iterable[Ref]) -> WhatIf:
    """What loses complete support if ``remove`` falls (see :func:`argmap.what_if`)."""
    return what_if(self, remove)


ArgumentMap.trace = _trace  # type: ignore[attr-defined]
ArgumentMap.critical_premises = _critical_premises  # type: ignore[attr-defined]
ArgumentMap.what_if = _what_if  # type: ignore[attr-defined]
