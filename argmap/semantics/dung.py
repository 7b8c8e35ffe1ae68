"""Dung's extension semantics: grounded, complete, preferred and stable.

Definitions (Dung 1995, "On the acceptability of arguments and its fundamental role in
nonmonotonic reasoning, logic programming and n-person games", AIJ 77(2)); in labelling
form (Caminada 2006; see :mod:`argmap.semantics.labelling`):

- **complete**: every labelling that obeys the IN/OUT/UNDEC rules;
- **grounded**: the complete labelling with the fewest IN (it is unique);
- **preferred**: the complete labellings whose IN set is maximal under ⊆;
- **stable**: the complete labellings without UNDEC (there may be none).

Algorithms:

- grounded: the linear-time labelling of Modgil & Caminada (2009, "Proof theories and
  algorithms for abstract argumentation frameworks", Argumentation in AI, alg. 6.1
  "grounded labelling"): unattacked arguments are IN, whatever they attack is OUT, and an
  argument whose last attacker turned OUT becomes IN; what is left is UNDEC. Each argument
  and each attack is visited at most twice, over integer adjacency lists.
- preferred: the iterative maximisation of PrefSAT (Cerutti, Dunne, Giacomin & Vallati
  2013, "Computing preferred extensions in abstract argumentation: a SAT-based approach",
  TAFA, LNCS 8306), with a goal-directed admissible-set search
  (:mod:`argmap.semantics._admissible`) as its oracle instead of a SAT solver. Start from
  the grounded extension (every preferred extension contains it); grow the current set by
  asking for an admissible set that contains it and some argument it leaves undecided,
  closing each answer to the least complete extension above it; when nothing grows it,
  it is preferred. Then ask for an admissible set (containing the grounded extension) with
  an argument outside every preferred extension found so far; none means all are found.
  The number of searches is about (number of preferred extensions) × (growth steps + 1)
  + 1; each is exponential only in the worst case.
- stable: the preferred labellings without UNDEC (every stable extension is preferred).
- complete, preferred and stable first split the framework: the grounded labelling fixes
  its IN and OUT arguments in every complete labelling, and the arguments it leaves UNDEC
  fall into weakly connected components that are solved one by one and combined (so ten
  independent disputes cost ten small searches, not one search over 2^10 answers).
  Acceptance questions only look at the component of the argument asked about.
- complete: depth-first search with constraint propagation over IN/OUT/UNDEC
  (:mod:`argmap.semantics._search`), enumerating every labelling; arguments in no
  preferred extension start as "not IN", so it only branches on credulously accepted
  ones. There can be exponentially many complete labellings.

Acceptance: an argument is *credulously* accepted when it is IN in some labelling of the
semantics and *sceptically* accepted when it is IN in all of them. With no labelling at
all (stable semantics on a framework without stable extensions) nothing is credulously
and everything is sceptically accepted, as the definitions say.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Literal, get_args

from argmap.errors import SemanticsError
from argmap.semantics._admissible import AdmissibleSearch
from argmap.semantics._search import OUT as _BIT_OUT
from argmap.semantics._search import UND as _BIT_UND
from argmap.semantics._search import Search
from argmap.semantics.framework import AbstractFramework
from argmap.semantics.labelling import IN, OUT, UNDEC, Labelling
from argmap.semantics.projection import Projection, as_framework

if TYPE_CHECKING:
    from argmap.map import ArgumentMap

__all__ = [
    "SEMANTICS",
    "Semantics",
    "complete_extensions",
    "complete_labellings",
    "extensions",
    "grounded_extension",
    "grounded_labelling",
    "is_credulously_accepted",
    "is_sceptically_accepted",
    "labellings",
    "preferred_extensions",
    "preferred_labellings",
    "sceptical_labelling",
    "stable_extensions",
    "stable_labellings",
    "summarise",
]

Semantics = Literal["grounded", "complete", "preferred", "stable"]
SEMANTICS: tuple[str, ...] = get_args(Semantics)


def _check_semantics(semantics: str) -> None:
    if semantics not in SEMANTICS:
        raise SemanticsError(
            f"unknown semantics {semantics!r}; expected one of {', '.join(SEMANTICS)}"
        )


# -- grounded ---------------------------------------------------------------------------------


def _grounded_codes(af: AbstractFramework) -> bytearray:
    """The grounded labelling as one code per argument (1 IN, 2 OUT, 3 UNDEC)."""
    succ = af.successors()
    n = len(succ)
    alive = list(af.in_degrees())  # attackers not (yet) OUT
    lab = bytearray(n)
    queue = [i for i in range(n) if not alive[i]]
    append = queue.append
    for a in queue:  # the list grows while we walk it
        lab[a] = IN
        for b in succ[a]:
            if lab[b] != OUT:
                lab[b] = OUT
                for c in succ[b]:
                    k = alive[c] - 1
                    alive[c] = k
                    if not k:
                        append(c)
    return lab.replace(b"\x00", b"\x03")


def grounded_labelling(af: AbstractFramework) -> Labelling:
    """The grounded labelling, in time linear in arguments plus attacks.

    Examples:
        >>> af = AbstractFramework(attacks=[("a", "b"), ("b", "c"), ("d", "e"), ("e", "d")])
        >>> grounded_labelling(af)
        Labelling(IN=['a', 'c'], OUT=['b'], UNDEC=['d', 'e'])
    """
    return Labelling(af, _grounded_codes(af))


def grounded_extension(af: AbstractFramework) -> frozenset[str]:
    """The grounded extension: the IN arguments of :func:`grounded_labelling`.

    Examples:
        >>> sorted(grounded_extension(AbstractFramework(attacks=[("a", "b"), ("b", "c")])))
        ['a', 'c']
    """
    return grounded_labelling(af).in_


# -- complete, stable, preferred ---------------------------------------------------------------


def _sorted(af: AbstractFramework, codes: list[bytes]) -> list[Labelling]:
    """Labellings in a stable order: by the sorted indices of their IN arguments."""
    key = [(sorted(i for i, c in enumerate(cs) if c == IN), cs) for cs in codes]
    key.sort()
    return [Labelling(af, cs) for _, cs in key]


def _complete_connected(af: AbstractFramework) -> Iterator[bytes]:
    """Enumerate complete labellings with the propagation search.

    Arguments in no preferred extension are in no complete one either, so the preferred
    extensions are computed first and every other argument starts as "not IN"; the search
    then only branches on credulously accepted arguments.
    """
    credulous = bytearray(len(af))
    for codes in _preferred_connected(af):
        for i, c in enumerate(codes):
            if c == IN:
                credulous[i] = 1
    search = Search(af)
    return search.solutions((i, _BIT_OUT | _BIT_UND) for i, c in enumerate(credulous) if not c)


def complete_labellings(af: AbstractFramework) -> list[Labelling]:
    """Every complete labelling (there can be exponentially many).

    Examples:
        >>> af = AbstractFramework(attacks=[("a", "b"), ("b", "a")])
        >>> [sorted(lab.in_) for lab in complete_labellings(af)]
        [[], ['a'], ['b']]
    """
    return _sorted(af, list(_iter_complete(af)))


def _stable_connected(af: AbstractFramework) -> Iterator[bytes]:
    """Stable labellings are the preferred ones without UNDEC."""
    undec = bytes([UNDEC])
    return (codes for codes in _preferred_connected(af) if undec not in codes)


# -- splitting a framework: the grounded part, then independent components -------------------


def _components(af: AbstractFramework, grounded: bytes | bytearray) -> list[list[int]]:
    """The weakly connected components of the arguments the grounded labelling leaves UNDEC.

    Every complete labelling agrees with the grounded one on its IN and OUT arguments, and
    an UNDEC argument has no IN attacker, so the complete labellings are the grounded
    decisions combined with one complete labelling of each component (Baroni, Giacomin &
    Guida 2005 use the same directionality for their SCC-recursive schema).
    """
    n = len(grounded)
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    succ = af.successors()
    for a in range(n):
        if grounded[a] == UNDEC:
            for b in succ[a]:
                if grounded[b] == UNDEC:
                    ra, rb = find(a), find(b)
                    if ra != rb:
                        parent[ra] = rb
    groups: dict[int, list[int]] = {}
    for a in range(n):
        if grounded[a] == UNDEC:
            groups.setdefault(find(a), []).append(a)
    return list(groups.values())


def _sub(af: AbstractFramework, members: list[int]) -> AbstractFramework:
    """The framework induced by ``members`` (indices of ``af``), in that order."""
    local = {g: i for i, g in enumerate(members)}
    succ = af.successors()
    src: list[int] = []
    dst: list[int] = []
    for i, g in enumerate(members):
        for t in succ[g]:
            j = local.get(t)
            if j is not None:
                src.append(i)
                dst.append(j)
    names = af.arguments
    return AbstractFramework.from_indices(len(members), src, dst, [names[g] for g in members])


def _by_component(
    af: AbstractFramework, solve: Callable[[AbstractFramework], Iterator[bytes]]
) -> Iterator[bytes]:
    """Labellings of ``af``: the grounded decisions times ``solve`` on each component."""
    grounded = _grounded_codes(af)
    parts = []
    for members in _components(af, grounded):
        found = list(solve(_sub(af, members)))
        if not found:
            return  # one component without a labelling: none for the whole framework
        parts.append((members, found))
    for combo in itertools.product(*(found for _, found in parts)):
        codes = bytearray(grounded)
        for (members, _), local in zip(parts, combo, strict=True):
            for i, g in enumerate(members):
                codes[g] = local[i]
        yield bytes(codes)


def _iter_complete(af: AbstractFramework) -> Iterator[bytes]:
    return _by_component(af, _complete_connected)


def _iter_preferred(af: AbstractFramework) -> Iterator[bytes]:
    return _by_component(af, _preferred_connected)


def _iter_stable(af: AbstractFramework) -> Iterator[bytes]:
    return _by_component(af, _stable_connected)


def _local(
    af: AbstractFramework, i: int
) -> tuple[bytes, tuple[AbstractFramework, int] | None, list[AbstractFramework]]:
    """The grounded codes; the component holding argument ``i`` with its index there (None
    when the grounded labelling decides ``i``); and the other components."""
    grounded = bytes(_grounded_codes(af))
    mine: tuple[AbstractFramework, int] | None = None
    others = []
    for members in _components(af, grounded):
        sub = _sub(af, members)
        if grounded[i] == UNDEC and i in members:
            mine = (sub, members.index(i))
        else:
            others.append(sub)
    return grounded, mine, others


def _has_stable(parts: list[AbstractFramework]) -> bool:
    return all(next(_stable_connected(sub), None) is not None for sub in parts)


def stable_labellings(af: AbstractFramework) -> list[Labelling]:
    """Every stable labelling (complete, without UNDEC); possibly none.

    Every stable extension is preferred, so this filters the preferred labellings.

    Examples:
        >>> odd = AbstractFramework(attacks=[("a", "b"), ("b", "c"), ("c", "a")])
        >>> stable_labellings(odd)
        []
    """
    return _sorted(af, list(_iter_stable(af)))


def _closure(af: AbstractFramework, members: list[int]) -> bytes:
    """The least complete labelling whose IN set contains the admissible set ``members``.

    The grounded algorithm, started with ``members`` already IN: whatever they attack is
    OUT, and an argument whose attackers are all OUT becomes IN.
    """
    succ = af.successors()
    n = len(succ)
    alive = list(af.in_degrees())
    lab = bytearray(n)
    queue = [i for i in range(n) if not alive[i]]
    queue.extend(members)
    for a in queue:
        if lab[a] == IN:
            continue
        lab[a] = IN
        for b in succ[a]:
            if lab[b] != OUT:
                lab[b] = OUT
                for c in succ[b]:
                    k = alive[c] - 1
                    alive[c] = k
                    if not k and not lab[c]:
                        queue.append(c)
    return bytes(lab.replace(b"\x00", b"\x03"))


def _preferred_connected(af: AbstractFramework) -> Iterator[bytes]:
    """Yield the preferred labellings one by one (PrefSAT's loop; see the module doc)."""
    search = AdmissibleSearch(af)
    n = len(af)
    grounded = bytes(_grounded_codes(af))
    ground = [i for i in range(n) if grounded[i] == IN]
    found: list[list[int]] = []  # for each preferred extension, the arguments outside it
    best: bytes | None = grounded  # every preferred extension contains the grounded one
    while True:
        if best is None:
            start = search.find(ground, found, learn=True)
            if start is None:
                return
            best = _closure(af, start)
        while True:
            inside = [i for i in range(n) if best[i] == IN]
            # candidates for growth: neither attacked by nor attacking the current set
            rest = [i for i in range(n) if best[i] == UNDEC]
            bigger = search.find(inside, [rest], learn=best == grounded) if rest else None
            if bigger is None:
                break
            best = _closure(af, bigger)
        yield best
        if best == grounded:
            return  # nothing grows the grounded extension: it is the only preferred one
        outside = [i for i in range(n) if best[i] != IN]
        if not outside:
            return
        found.append(outside)
        best = None


def preferred_labellings(af: AbstractFramework) -> list[Labelling]:
    """Every preferred labelling (complete, with a ⊆-maximal IN set).

    Examples:
        >>> af = AbstractFramework(attacks=[("a", "b"), ("b", "a"), ("b", "c")])
        >>> [sorted(lab.in_) for lab in preferred_labellings(af)]
        [['a', 'c'], ['b']]
    """
    return _sorted(af, list(_iter_preferred(af)))


def labellings(af: AbstractFramework, semantics: Semantics | str = "grounded") -> list[Labelling]:
    """The labellings of ``af`` under ``semantics`` (grounded gives exactly one).

    Raises:
        SemanticsError: an unknown semantics name.

    Examples:
        >>> af = AbstractFramework(attacks=[("a", "b"), ("b", "a")])
        >>> len(labellings(af, "grounded")), len(labellings(af, "stable"))
        (1, 2)
    """
    _check_semantics(semantics)
    if semantics == "grounded":
        return [grounded_labelling(af)]
    if semantics == "complete":
        return complete_labellings(af)
    if semantics == "preferred":
        return preferred_labellings(af)
    return stable_labellings(af)


def extensions(
    af: AbstractFramework, semantics: Semantics | str = "grounded"
) -> list[frozenset[str]]:
    """The extensions (IN sets) of ``af`` under ``semantics``, in a stable order.

    Examples:
        >>> af = AbstractFramework(attacks=[("a", "b"), ("b", "a")])
        >>> [sorted(e) for e in extensions(af, "preferred")]
        [['a'], ['b']]
    """
    return [lab.in_ for lab in labellings(af, semantics)]


def complete_extensions(af: AbstractFramework) -> list[frozenset[str]]:
    """Every complete extension.

    Examples:
        >>> [sorted(e) for e in complete_extensions(AbstractFramework(attacks=[("a", "b")]))]
        [['a']]
    """
    return extensions(af, "complete")


def preferred_extensions(af: AbstractFramework) -> list[frozenset[str]]:
    """Every preferred extension.

    Examples:
        >>> [sorted(e) for e in preferred_extensions(AbstractFramework(attacks=[("a", "a")]))]
        [[]]
    """
    return extensions(af, "preferred")


def stable_extensions(af: AbstractFramework) -> list[frozenset[str]]:
    """Every stable extension.

    Examples:
        >>> [sorted(e) for e in stable_extensions(AbstractFramework(attacks=[("a", "b")]))]
        [['a']]
    """
    return extensions(af, "stable")


# -- acceptance --------------------------------------------------------------------------------


def is_credulously_accepted(
    af: AbstractFramework | ArgumentMap,
    argument: object,
    semantics: Semantics | str = "preferred",
    *,
    projection: Projection | str = "structured",
) -> bool:
    """Whether ``argument`` is IN in at least one labelling of ``semantics``.

    ``af`` may be a framework (``argument`` is a name) or a map (``argument`` is an id,
    IRI, exact text or node of a statement or Argument; the map is projected first, see
    :mod:`argmap.semantics.projection`). Under complete and preferred semantics this is
    one search for an admissible set containing the argument (every admissible set lies
    inside a preferred extension); under stable semantics the stable labellings are
    enumerated until one has it IN.

    Raises:
        SemanticsError: an unknown argument or semantics.

    Examples:
        >>> af = AbstractFramework(attacks=[("a", "b"), ("b", "a")])
        >>> is_credulously_accepted(af, "a"), is_credulously_accepted(af, "a", "grounded")
        (True, False)
    """
    _check_semantics(semantics)
    framework, name = as_framework(af, argument, projection)
    assert name is not None
    i = framework.index(name)
    if semantics == "grounded":
        return _grounded_codes(framework)[i] == IN
    grounded, mine, others = _local(framework, i)
    if semantics == "stable":
        if grounded[i] == OUT or not _has_stable(others):
            return False
        if mine is None:
            return True
        sub, j = mine
        return any(codes[j] == IN for codes in _stable_connected(sub))
    if mine is None:
        return grounded[i] == IN
    sub, j = mine
    return AdmissibleSearch(sub).find([j]) is not None


def is_sceptically_accepted(
    af: AbstractFramework | ArgumentMap,
    argument: object,
    semantics: Semantics | str = "preferred",
    *,
    projection: Projection | str = "structured",
) -> bool:
    """Whether ``argument`` is IN in every labelling of ``semantics``.

    ``af`` and ``argument`` as in :func:`is_credulously_accepted`. Complete and grounded:
    membership of the grounded extension. Preferred and stable: the labellings are
    enumerated until one leaves the argument out.

    Raises:
        SemanticsError: an unknown argument or semantics.

    Examples:
        >>> af = AbstractFramework(attacks=[("a", "b"), ("b", "a"), ("a", "c"), ("b", "c"),
        ...                                 ("c", "d")])
        >>> is_sceptically_accepted(af, "d"), is_sceptically_accepted(af, "d", "grounded")
        (True, False)
    """
    _check_semantics(semantics)
    framework, name = as_framework(af, argument, projection)
    assert name is not None
    i = framework.index(name)
    if semantics in ("grounded", "complete"):
        return _grounded_codes(framework)[i] == IN
    grounded, mine, others = _local(framework, i)
    if semantics == "stable":
        if not _has_stable(others):
            return True  # no stable extension at all
        if mine is None:
            return grounded[i] == IN
        sub, j = mine
        return all(codes[j] == IN for codes in _stable_connected(sub))
    if mine is None:
        return grounded[i] == IN
    sub, j = mine
    return all(codes[j] == IN for codes in _preferred_connected(sub))


def sceptical_labelling(
    af: AbstractFramework, semantics: Semantics | str = "grounded"
) -> Labelling:
    """One label per argument that sums up every labelling of ``semantics``.

    An argument is IN when it is IN in every labelling, OUT when it is OUT in every
    labelling, UNDEC otherwise; with no labelling at all (stable semantics without a
    stable extension) every argument is UNDEC. For grounded and complete semantics this
    is the grounded labelling.

    Examples:
        >>> af = AbstractFramework(attacks=[("a", "b"), ("b", "a"), ("a", "c"), ("b", "c"),
        ...                                 ("c", "d")])
        >>> sceptical_labelling(af, "preferred")
        Labelling(IN=['d'], OUT=['c'], UNDEC=['a', 'b'])
    """
    _check_semantics(semantics)
    if semantics in ("grounded", "complete"):
        return grounded_labelling(af)
    return summarise(af, labellings(af, semantics))


def summarise(af: AbstractFramework, found: list[Labelling]) -> Labelling:
    """IN (OUT) where every labelling in ``found`` says IN (OUT), UNDEC elsewhere or if none.

    Examples:
        >>> af = AbstractFramework(attacks=[("a", "b"), ("b", "a")])
        >>> summarise(af, preferred_labellings(af))
        Labelling(IN=[], OUT=[], UNDEC=['a', 'b'])
    """
    n = len(af)
    if not found:
        return Labelling(af, bytes([UNDEC]) * n)
    codes = bytearray(found[0].codes)
    for other in found[1:]:
        oc = other.codes
        for i in range(n):
            if oc[i] != codes[i]:
                codes[i] = UNDEC
    return Labelling(af, codes)
