"""What a semantics says about a framework or a map, and writing it back onto the map.

:func:`accept` runs a semantics and returns an :class:`Acceptance`: the extensions and one
label per argument (the sceptical summary of :func:`~argmap.semantics.dung.sceptical_labelling`:
IN when IN in every labelling, OUT when OUT in every labelling, else UNDEC). Its
:meth:`~Acceptance.to_dict` is the JSON contract of ``argmap accept``::

    {"semantics": "grounded" | "complete" | "preferred" | "stable"
                  | "semi-stable" | "stage" | "ideal",
     "extensions": [[name, ...], ...],        # grounded, ideal: exactly one
     "labels": {name: "IN" | "OUT" | "UNDEC"}}

For a map, names are node ids of statements and Arguments; the projection's auxiliary
arguments are left out (and extensions that differ only in them are reported once).

:func:`label_map` stores the labels on the map (``m.labels``, ``m.semantics``; exported to
RDF as ``am:acceptability`` and ``am:semantics``) and, unless told not to, the DF-QuAD
strengths (``m.strengths``; ``am:strength``), where ``trace``, the displays and the RDF
export show them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from itertools import compress
from typing import TYPE_CHECKING, Any

from argmap.semantics.dung import Semantics, grounded_labelling, labellings, summarise
from argmap.semantics.framework import AbstractFramework
from argmap.semantics.labelling import IN, OUT, Label, Labelling
from argmap.semantics.projection import Projection
from argmap.util import no_gc

if TYPE_CHECKING:
    from argmap.map import ArgumentMap
    from argmap.schemes import SchemeCatalogue
    from argmap.semantics.open_questions import OpenQuestions

__all__ = ["Acceptance", "accept", "label_map"]


@dataclass(frozen=True)
class Acceptance:
    """Extensions and labels under one semantics (see the module docstring).

    Examples:
        >>> acc = accept(AbstractFramework(attacks=[("a", "b"), ("b", "a")]), "preferred")
        >>> acc.to_dict()
        {'semantics': 'preferred', 'extensions': [['a'], ['b']],
         'labels': {'a': 'UNDEC', 'b': 'UNDEC'}}
    """

    semantics: str
    extensions: tuple[tuple[str, ...], ...]
    labels: dict[str, Label]

    def to_dict(self) -> dict[str, Any]:
        """The JSON-able contract: ``{"semantics", "extensions", "labels"}``."""
        return {
            "semantics": self.semantics,
            "extensions": [list(e) for e in self.extensions],
            "labels": {k: str(v) for k, v in self.labels.items()},
        }


def accept(
    source: AbstractFramework | ArgumentMap,
    semantics: Semantics | str = "grounded",
    *,
    projection: Projection | str = "structured",
    engine: str = "auto",
    timeout: float | None = None,
    open_questions: OpenQuestions | str = "ignore",
    catalogue: SchemeCatalogue | None = None,
) -> Acceptance:
    """Run ``semantics`` on a framework or a map (projected with ``projection``).

    With ``open_questions="attack"`` every critical question the map leaves open counts
    as an unattacked undercut of its argument (:mod:`argmap.semantics.open_questions`;
    ``catalogue``: the schemes to ask, default the built-in ones). Off by default.

    Names inside each extension keep the framework's order; extensions come in a stable
    order. ``engine`` and ``timeout`` are those of :mod:`argmap.semantics.tasks`: the
    clingo solver when installed (``auto``), else the pure-Python search.

    Raises:
        SemanticsError: an unknown semantics, projection or engine.
        SolverTimeout: no answer within ``timeout`` seconds.

    Examples:
        >>> from argmap import ArgumentMap
        >>> m = ArgumentMap("x")
        >>> r = m.recommendation("Abstain.", id="r")
        >>> _ = m.argue([m.evidence("It is flawed.", id="e")], r, id="a")
        >>> _ = m.attack(m.claim("Its goals are laudable.", id="g"), "e")
        >>> accept(m).labels
        {'r': <Label.OUT: 'OUT'>, 'e': <Label.OUT: 'OUT'>, 'g': <Label.IN: 'IN'>,
         'a': <Label.OUT: 'OUT'>}
    """
    if isinstance(source, AbstractFramework):
        af = source
        keep = tuple(af.arguments)
    else:
        from argmap.semantics.open_questions import questioned_framework  # maps only

        mf = questioned_framework(source, projection, open_questions, catalogue)
        af = mf.framework
        keep = mf.nodes
    found = _labellings(af, str(semantics), engine, timeout)
    # complete: IN/OUT in every complete labelling is exactly the grounded labelling
    summary = grounded_labelling(af) if semantics == "complete" else summarise(af, found)
    if keep == af.arguments and isinstance(summary, Labelling):  # a framework read whole
        with no_gc():
            labels: dict[str, Label] = dict(zip(keep, map(_BY_CODE.__getitem__, summary.codes), strict=True))
            extensions: dict[tuple[str, ...], None] = {}
            for lab in found:
                extensions[tuple(compress(keep, map(_IS_IN.__eq__, lab.codes)))] = None
        return Acceptance(str(semantics), tuple(extensions), labels)
    labels = {name: summary[name] for name in keep}
    order = {name: i for i, name in enumerate(af.arguments)}
    kept = set(keep)
    extensions = {}
    for lab in found:
        ext = tuple(sorted((a for a in lab.in_ if a in kept), key=order.__getitem__))
        extensions[ext] = None
    return Acceptance(str(semantics), tuple(extensions), labels)


_BY_CODE = (Label.UNDEC, Label.IN, Label.OUT, Label.UNDEC)  # byte code -> label
_IS_IN = IN


def _labellings(
    af: AbstractFramework, semantics: str, engine: str, timeout: float | None
) -> list[Labelling]:
    from argmap.semantics import solver, tasks

    if tasks.resolve_engine(engine, semantics) == "python":
        return tasks.within(lambda: labellings(af, semantics), timeout)
    found = solver.solver_extensions(af, semantics, timeout=timeout)
    succ = af.successors()
    index = af.index
    result = []
    for ext in found:  # the labelling of an extension: IN, OUT what it attacks, else UNDEC
        codes = bytearray(b"\x03" * len(af))
        members = [index(a) for a in ext]
        for i in members:
            for t in succ[i]:
                codes[t] = OUT
        for i in members:
            codes[i] = IN
        result.append(Labelling(af, codes))
    return result


def label_map(
    m: ArgumentMap,
    semantics: Semantics | str = "grounded",
    *,
    projection: Projection | str = "structured",
    engine: str = "auto",
    timeout: float | None = None,
    strengths: bool | None = None,
    base_scores: Mapping[str, float] | None = None,
    default: float = 0.5,
    open_questions: OpenQuestions | str = "ignore",
) -> Acceptance:
    """Compute acceptability (and strengths) and store them on the map.

    Sets ``m.labels`` (every statement and Argument: IN, OUT or UNDEC, the sceptical
    summary under ``semantics``) and ``m.semantics``; with ``strengths``, also
    ``m.strengths`` (DF-QuAD, base scores from ``base_scores``, else each node's
    ``data["base_score"]``, else ``default``). DF-QuAD runs on the bipolar projection,
    which cannot hold attacks on attacks or linked attackers: for such a map the default
    (``strengths=None``) leaves ``m.strengths`` empty, and ``strengths=True`` raises.

    Raises:
        SemanticsError: an unknown semantics or projection, or a bad base score.

    Examples:
        >>> from argmap import ArgumentMap
        >>> m = ArgumentMap("x")
        >>> r = m.recommendation("Abstain.", id="r")
        >>> _ = m.argue([m.evidence("It is flawed.", id="e")], r, id="a")
        >>> _ = label_map(m)
        >>> m.labels["r"], m.semantics, round(m.strengths["r"], 4)
        ('IN', 'grounded', 0.875)
    """
    result = accept(
        m, semantics, projection=projection, engine=engine, timeout=timeout,
        open_questions=open_questions,
    )
    m.set_labels({k: str(v) for k, v in result.labels.items()}, semantics=str(semantics))
    if strengths is None:
        strengths = not any(t.co_attackers or m[t.target].kind == "attack" for t in m.attacks())
    if strengths:
        from argmap.semantics.gradual import map_strengths

        m.set_strengths(map_strengths(m, base_scores, default=default))
    return result
