"""A trace as text, with the proof standards its statement meets on request.

:func:`argmap.query.explain` writes the justification; this adds the Carneades block, which
needs the semantics layer, so the query layer stays below it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from argmap.query.explain import explain as explain_trace
from argmap.semantics.carneades import explain_standards

if TYPE_CHECKING:
    from argmap.map import ArgumentMap
    from argmap.query.trace import Trace

__all__ = ["explain"]


def explain(
    t: Trace,
    *,
    standards: ArgumentMap | None = None,
    weights: Mapping[str, float] | None = None,
) -> str:
    """The justification of a trace as indented text (:func:`argmap.query.explain`).

    With ``standards`` (the traced map), a last block says which proof standards the
    statement meets when its pro and con arguments are weighed as Carneades does, with
    ``weights`` (argument or attack id -> 0..1) over the weights the map holds (see
    :func:`argmap.semantics.carneades.explain_standards`).

    Examples
    --------
    >>> from argmap import ArgumentMap
    >>> from argmap.query import trace
    >>> m = ArgumentMap("x")
    >>> r = m.recommendation("Abstain.", id="r")
    >>> _ = m.argue([m.evidence("Flawed.", id="e")], r, id="a")
    >>> _ = m.attack(m.claim("Laudable goals.", id="g"), r, id="t")
    >>> print(explain(trace(m, "r"), standards=m, weights={"a": 0.9, "t": 0.2}))
    recommendation [r] Abstain.
    ...
    proof standards for [r] Abstain.
      pro: a 0.90; con (¬r): t 0.20
      PE  IN    preponderance of the evidence
      CCE IN    clear and convincing evidence (margin > 0.5)
      BRD IN    beyond reasonable doubt (margin > 0.5, rival < 0.3)
      DV  OUT   dialectical validity (no rival argument weighs anything)
    """
    text = explain_trace(t)
    if standards is None:
        return text
    return text + "\n" + explain_standards(standards, t.root, weights=weights)
