"""Labellings: the IN / OUT / UNDEC status of every argument of a framework.

A labelling (Caminada 2006, "On the issue of reinstatement in argumentation", JELIA) gives
each argument one of three labels. It is *complete* when

- an argument is IN iff every attacker is OUT,
- an argument is OUT iff some attacker is IN,
- and UNDEC otherwise.

The IN arguments of the complete labellings are exactly Dung's complete extensions, so
every extension-based semantics has a labelling twin.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from enum import StrEnum

from argmap.semantics.framework import AbstractFramework

__all__ = ["Label", "Labelling"]

# Internal byte codes (one byte per argument in a bytearray).
IN, OUT, UNDEC = 1, 2, 3


class Label(StrEnum):
    """The three labels; each is also the plain string of its name.

    Examples:
        >>> Label.IN == "IN", Label("UNDEC") is Label.UNDEC
        (True, True)
    """

    IN = "IN"
    OUT = "OUT"
    UNDEC = "UNDEC"


_BY_CODE = (None, Label.IN, Label.OUT, Label.UNDEC)
_CODE = {Label.IN: IN, Label.OUT: OUT, Label.UNDEC: UNDEC}


class Labelling(Mapping[str, Label]):
    """A read-only mapping from every argument of a framework to its :class:`Label`.

    It stores one byte per argument, so the labelling of a million-argument framework is
    cheap; the sets of IN, OUT and UNDEC arguments are computed when asked.

    Examples:
        >>> af = AbstractFramework(attacks=[("a", "b")])
        >>> lab = Labelling.from_mapping(af, {"a": "IN", "b": "OUT"})
        >>> lab["a"], sorted(lab.out)
        (<Label.IN: 'IN'>, ['b'])
        >>> lab
        Labelling(IN=['a'], OUT=['b'], UNDEC=[])
        >>> lab.to_dict()
        {'a': 'IN', 'b': 'OUT'}
    """

    __slots__ = ("_codes", "framework")

    def __init__(self, framework: AbstractFramework, codes: bytes | bytearray) -> None:
        if len(codes) != len(framework):
            raise ValueError(f"{len(codes)} labels for {len(framework)} arguments")
        self.framework = framework
        self._codes = bytes(codes)

    @classmethod
    def from_mapping(cls, framework: AbstractFramework, labels: Mapping[str, str]) -> Labelling:
        """Build a labelling from ``{argument: "IN" | "OUT" | "UNDEC"}`` (every argument).

        Raises:
            ValueError: an argument without a label, or a label that is not one of the three.
        """
        codes = bytearray(len(framework))
        for i, name in enumerate(framework.arguments):
            try:
                codes[i] = _CODE[Label(labels[name])]
            except KeyError:
                raise ValueError(f"argument {name!r} has no label") from None
        return cls(framework, codes)

    @property
    def codes(self) -> bytes:
        """One byte per argument in index order: 1 = IN, 2 = OUT, 3 = UNDEC."""
        return self._codes

    def __getitem__(self, name: str) -> Label:
        i = self.framework._index.get(name)
        if i is None:
            raise KeyError(name)
        label = _BY_CODE[self._codes[i]]
        assert label is not None
        return label

    def __iter__(self) -> Iterator[str]:
        return iter(self.framework.arguments)

    def __len__(self) -> int:
        return len(self._codes)

    def _with(self, code: int) -> frozenset[str]:
        names = self.framework.arguments
        codes = self._codes
        return frozenset(names[i] for i in range(len(codes)) if codes[i] == code)

    @property
    def in_(self) -> frozenset[str]:
        """The IN arguments (the extension this labelling stands for)."""
        return self._with(IN)

    @property
    def out(self) -> frozenset[str]:
        """The OUT arguments."""
        return self._with(OUT)

    @property
    def undec(self) -> frozenset[str]:
        """The UNDEC arguments."""
        return self._with(UNDEC)

    @property
    def extension(self) -> frozenset[str]:
        """Same as :attr:`in_`."""
        return self._with(IN)

    def count(self, label: Label | str) -> int:
        """How many arguments carry ``label``.

        Examples:
            >>> af = AbstractFramework(["a", "b"])
            >>> Labelling.from_mapping(af, {"a": "IN", "b": "IN"}).count("IN")
            2
        """
        return self._codes.count(_CODE[Label(label)])

    def to_dict(self) -> dict[str, str]:
        """``{argument: "IN" | "OUT" | "UNDEC"}`` as plain strings, in argument order."""
        names = self.framework.arguments
        return {names[i]: str(_BY_CODE[c]) for i, c in enumerate(self._codes)}

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Labelling) and other.framework is self.framework:
            return self._codes == other._codes
        return Mapping.__eq__(self, other)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        parts = ", ".join(f"{label.value}={sorted(self._with(_CODE[label]))!r}" for label in Label)
        return f"Labelling({parts})"
