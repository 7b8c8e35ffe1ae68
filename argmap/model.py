"""The kinds of node an argument map holds, as closed pydantic models.

Models are plain data: they know their own fields and refuse malformed values, but
nothing about graphs or RDF. Which kind may point at which is the map's business
(:class:`argmap.ArgumentMap` refuses an argument that concludes in an actor); the
models only hold ids.

Statements (what can be believed): :class:`Claim`, :class:`Evidence`,
:class:`Recommendation`. Other entities: :class:`Actor`, :class:`Alternative`,
:class:`Issue`, :class:`Source`. Reified relations: :class:`Argument` (linked premises
to one conclusion), :class:`Attack` and :class:`Stance`. :class:`About` is a bare edge
and :class:`Anchor` ties any node to a quote in a source.

Examples
--------
>>> Claim(id="flawed", text="The draft text is fundamentally flawed.").kind
'claim'
>>> Argument(id="a1", premises=("p2", "p1"), conclusion="c").premises
('p1', 'p2')
>>> Claim(id="x", text="   ")
Traceback (most recent call last):
...
pydantic_core._pydantic_core.ValidationError: 1 validation error for Claim
...
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable
from typing import Annotated, Any, ClassVar, Literal, TypeAlias, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator, model_validator

__all__ = [
    "ACTOR_TYPES",
    "ATTACK_TYPES",
    "ENTITY_KINDS",
    "KINDS",
    "RELATION_KINDS",
    "STANCE_ROLES",
    "STATEMENT_KINDS",
    "About",
    "Actor",
    "Alternative",
    "Anchor",
    "Argument",
    "Attack",
    "Claim",
    "Entity",
    "Evidence",
    "Issue",
    "Node",
    "Recommendation",
    "Relation",
    "Source",
    "Stance",
    "Statement",
    "all_writable",
    "built",
    "field_template",
    "iri_ok",
    "trusted",
    "writable",
]

ID_PATTERN = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9._~\-]{0,199}$")

STATEMENT_KINDS: frozenset[str] = frozenset({"claim", "evidence", "recommendation"})
ENTITY_KINDS: frozenset[str] = frozenset({"actor", "alternative", "issue", "source"})
RELATION_KINDS: frozenset[str] = frozenset({"argument", "attack", "stance"})
KINDS: frozenset[str] = STATEMENT_KINDS | ENTITY_KINDS | RELATION_KINDS

AttackType: TypeAlias = Literal["rebut", "undermine", "undercut"]
StanceRole: TypeAlias = Literal["asserts", "endorses", "opposes", "addressed_by"]
ActorType: TypeAlias = Literal["person", "organisation", "state", "body", "group", "other"]
ATTACK_TYPES: tuple[str, ...] = ("rebut", "undermine", "undercut")
STANCE_ROLES: tuple[str, ...] = ("asserts", "endorses", "opposes", "addressed_by")
ACTOR_TYPES: tuple[str, ...] = ("person", "organisation", "state", "body", "group", "other")

M = TypeVar("M", bound=BaseModel)

_FROZEN = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False)
# Characters no RDF syntax carries faithfully (XML 1.0 cannot hold C0 controls other
# than tab, newline and carriage return; UTF-8 cannot hold lone surrogates).
_UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def writable(value: str) -> str:
    """``value`` if RDF can carry every character of it, else a ValueError naming the first."""
    bad = _UNWRITABLE.search(value)
    if bad:
        raise ValueError(
            f"text holds the character U+{ord(bad.group()):04X} at {bad.start()}, "
            "which RDF cannot carry"
        )
    return value


Text = Annotated[str, AfterValidator(writable)]


def _check_id(value: str) -> str:
    if not ID_PATTERN.match(value):
        raise ValueError(
            f"id {value!r} is not usable: ids are 1-200 characters of letters, digits and "
            "'._~-', starting with a letter, digit or '_'"
        )
    return value


def _check_iri(value: str) -> str:
    if not re.match(r"^[A-Za-z][A-Za-z0-9+.\-]*:[^\s<>\"{}|\\^`]*$", value):
        raise ValueError(f"{value!r} is not an absolute IRI")
    return value


class Anchor(BaseModel):
    """A quote in a source that a node was read from (W3C Web Annotation selectors).

    ``start``/``end`` are character offsets into the source's text (``end`` exclusive),
    ``prefix``/``suffix`` the text just before and after, for re-finding the quote when
    offsets drift.

    Examples
    --------
    >>> Anchor(source="brief", exact="fundamentally flawed", start=10, end=30).end
    30
    """

    model_config = _FROZEN

    source: str
    exact: Annotated[str, Field(min_length=1)]
    prefix: str = ""
    suffix: str = ""
    start: Annotated[int, Field(ge=0)] | None = None
    end: Annotated[int, Field(ge=0)] | None = None

    @model_validator(mode="after")
    def _check(self) -> Anchor:
        # one validator for every check: each Python hop costs more than the check itself
        _check_id(self.source)
        writable(self.exact + self.prefix + self.suffix)
        if self.start is not None and self.end is not None and self.end < self.start:
            raise ValueError(f"anchor end {self.end} comes before start {self.start}")
        return self

    def sort_key(self) -> tuple[str, int, int, str, str, str]:
        """A total order, so a node's anchors have one canonical sequence."""
        return (
            self.source,
            -1 if self.start is None else self.start,
            -1 if self.end is None else self.end,
            self.exact,
            self.prefix,
            self.suffix,
        )


class _Node(BaseModel):
    """Fields every node has. Not used directly."""

    model_config = _FROZEN
    text_required: ClassVar[bool] = True

    id: str
    text: str = ""
    label: str | None = None
    iri: str | None = None
    anchors: tuple[Anchor, ...] = ()
    tags: tuple[Text, ...] = ()
    same_as: tuple[str, ...] = ()
    data: dict[str, Any] = Field(default_factory=dict)

    @field_validator("iri")
    @classmethod
    def _iri_ok(cls, value: str | None) -> str | None:
        return None if value is None else _check_iri(value)

    @field_validator("same_as")
    @classmethod
    def _same_as_ok(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(sorted({_check_iri(v) for v in value}))

    @field_validator("tags")
    @classmethod
    def _tags_ok(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for tag in value:
            if not tag.strip():
                raise ValueError("a tag must not be empty")
        return tuple(sorted(set(value)))

    @field_validator("anchors")
    @classmethod
    def _anchors_sorted(cls, value: tuple[Anchor, ...]) -> tuple[Anchor, ...]:
        return tuple(sorted(set(value), key=Anchor.sort_key))

    @model_validator(mode="after")
    def _check_node(self) -> _Node:
        _check_id(self.id)
        writable(self.text if self.label is None else self.text + self.label)
        if self.text_required and not self.text.strip():
            raise ValueError(f"{type(self).__name__} {self.id!r} needs a non-empty text")
        return self

    def __hash__(self) -> int:  # frozen models with a dict field: hash by identity of content
        return hash((type(self).__name__, self.id))


class Claim(_Node):
    """A proposition the author asserts.

    >>> Claim(id="c", text="The treaty was commandeered.").text
    'The treaty was commandeered.'
    """

    kind: Literal["claim"] = "claim"


class Evidence(_Node):
    """A fact, figure, event, document or testimony offered in support.

    ``source`` optionally names the :class:`Source` the evidence comes from.

    >>> Evidence(id="e", text="76 nations are party.", source="brief").source
    'brief'
    """

    kind: Literal["evidence"] = "evidence"
    source: str | None = None


class Recommendation(_Node):
    """A prescriptive claim: who should do what.

    >>> Recommendation(id="abstain", text="The U.S. should abstain.").kind
    'recommendation'
    """

    kind: Literal["recommendation"] = "recommendation"


class Actor(_Node):
    """A person, organisation, state, body or group. ``text`` is its name.

    >>> Actor(id="russia", text="Russia", actor_type="state").actor_type
    'state'
    """

    kind: Literal["actor"] = "actor"
    actor_type: ActorType = "other"


class Alternative(_Node):
    """An option that competes with, or replaces, what is recommended against.

    >>> Alternative(id="budapest", text="Budapest Convention").kind
    'alternative'
    """

    kind: Literal["alternative"] = "alternative"
    issue: str | None = None


class Issue(_Node):
    """The question that alternatives answer.

    >>> Issue(id="vote", text="How should the U.S. vote?").kind
    'issue'
    """

    kind: Literal["issue"] = "issue"


class Source(_Node):
    """A document: ``text`` is its title; author and publisher are Actor ids.

    >>> Source(id="brief", text="A brief", date="2024-08-28").date
    '2024-08-28'
    """

    kind: Literal["source"] = "source"
    author: str | None = None
    publisher: str | None = None
    date: str | None = None
    url: str | None = None

    @field_validator("date")
    @classmethod
    def _date_ok(cls, value: str | None) -> str | None:
        if value is None:
            return None
        if re.fullmatch(r"\d{4}", value) or re.fullmatch(r"\d{4}-\d{2}", value):
            return value
        try:
            _dt.date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"date {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD") from None
        return value

    @field_validator("url")
    @classmethod
    def _url_ok(cls, value: str | None) -> str | None:
        return None if value is None else _check_iri(value)


class Argument(_Node):
    """An inference: linked premises that jointly support one conclusion.

    Several arguments for one conclusion are convergent: each suffices alone.
    Premises are kept sorted, since their order carries no meaning.

    >>> Argument(id="a", premises=("p",), conclusion="c", scheme="practical reasoning").scheme
    'practical reasoning'
    """

    text_required: ClassVar[bool] = False
    kind: Literal["argument"] = "argument"
    premises: Annotated[tuple[str, ...], Field(min_length=1)]
    conclusion: str
    scheme: Text | None = None
    #: The critical question this argument answers (see :mod:`argmap.schemes`).
    question: Text | None = None

    @field_validator("premises")
    @classmethod
    def _premises_ok(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        if len(set(value)) != len(value):
            raise ValueError(f"premises {value!r} name one statement twice")
        return tuple(sorted(value))

    @model_validator(mode="after")
    def _not_circular(self) -> Argument:
        if self.conclusion in self.premises:
            raise ValueError(
                f"argument {self.id!r} uses its own conclusion {self.conclusion!r} as a premise"
            )
        return self


class Attack(_Node):
    """A conflict: ``attacker`` (a statement) against ``target``.

    A statement target is rebutted (it is a conclusion) or undermined (it is a premise);
    an argument target is undercut, and so is an attack target (an attack on an attack
    answers the objection itself: AIF CA -> CA, ArgMicro ``und`` on ``reb``).
    ``attack_type`` may be declared; when it is not, the map derives it from the target
    (see :meth:`ArgumentMap.attack_type`). A statement may attack itself (abstract
    frameworks allow it, and corpora hold such records); validation warns about it (rule
    ``self-attack``).

    Several statements may attack only jointly (linked attackers, like an argument's
    premises): ``co_attackers`` holds the others. Their order carries no meaning, so the
    model keeps the smallest id in ``attacker`` and the rest, sorted, in ``co_attackers``;
    :attr:`attackers` gives them all.

    >>> Attack(id="t", attacker="x", target="a1", attack_type="undercut").attack_type
    'undercut'
    >>> t = Attack(id="t", attacker="y", co_attackers=("x",), target="c")
    >>> t.attacker, t.co_attackers, t.attackers
    ('x', ('y',), ('x', 'y'))
    >>> Attack(id="s", attacker="x", target="x").target
    'x'
    """

    text_required: ClassVar[bool] = False
    kind: Literal["attack"] = "attack"
    attacker: str
    target: str
    attack_type: AttackType | None = None
    co_attackers: tuple[str, ...] = ()
    #: The critical question this attack raises (see :mod:`argmap.schemes`).
    question: Text | None = None

    @model_validator(mode="after")
    def _linked(self) -> Attack:
        if self.co_attackers:
            everyone = sorted({self.attacker, *self.co_attackers})
            if len(everyone) != 1 + len(self.co_attackers):
                raise ValueError(f"attack {self.id!r} names one attacker twice")
            if self.target in everyone:
                raise ValueError(f"attack {self.id!r}: {self.target!r} attacks itself")
            # frozen model: set the canonical order in place, as validation does
            object.__setattr__(self, "attacker", everyone[0])
            object.__setattr__(self, "co_attackers", tuple(everyone[1:]))
        return self

    @property
    def attackers(self) -> tuple[str, ...]:
        """Every attacking statement: ``attacker`` and the linked ``co_attackers``."""
        return (self.attacker, *self.co_attackers) if self.co_attackers else (self.attacker,)


class Stance(_Node):
    """An actor's position on a statement, alternative or issue.

    >>> Stance(id="s", actor="chamber", role="asserts", target="abstain").role
    'asserts'
    """

    text_required: ClassVar[bool] = False
    kind: Literal["stance"] = "stance"
    actor: str
    role: StanceRole
    target: str


class About(BaseModel):
    """A statement is about an actor, alternative, issue or source (a bare edge).

    >>> About(statement="c", subject="russia")
    About(statement='c', subject='russia')
    """

    model_config = _FROZEN

    statement: str
    subject: str


Statement: TypeAlias = Claim | Evidence | Recommendation
Entity: TypeAlias = Actor | Alternative | Issue | Source
Relation: TypeAlias = Argument | Attack | Stance
Node: TypeAlias = (
    Claim
    | Evidence
    | Recommendation
    | Actor
    | Alternative
    | Issue
    | Source
    | Argument
    | Attack
    | Stance
)

MODEL_BY_KIND: dict[str, type[_Node]] = {
    "claim": Claim,
    "evidence": Evidence,
    "recommendation": Recommendation,
    "actor": Actor,
    "alternative": Alternative,
    "issue": Issue,
    "source": Source,
    "argument": Argument,
    "attack": Attack,
    "stance": Stance,
}


# ---------------------------------------------------------------------- bulk building
#
# A reader that makes 100,000 models spends most of its time in pydantic's validation
# (each Python validator is a hop out of Rust) or, with ``model_construct``, in resolving
# every default. ``built`` does the same checks in plain Python for fields that already
# have the exact types (``str``, ``int``, ``tuple``, ``dict``, ``Anchor``), and sets the
# model's state directly; for anything else it returns None, and the caller validates
# as usual (so every error message is pydantic's own). tests/test_model.py checks it
# against ``model_validate`` on random fields.

_TEMPLATES: dict[type[BaseModel], tuple[dict[str, Any], tuple[str, ...], frozenset[str]]] = {}


def _template(cls: type[BaseModel]) -> tuple[dict[str, Any], tuple[str, ...], frozenset[str]]:
    """(defaults in field order, fields made by a factory, required fields) of ``cls``."""
    found = _TEMPLATES.get(cls)
    if found is None:
        defaults: dict[str, Any] = {}
        factories, required = [], []
        for name, info in cls.model_fields.items():
            if info.default_factory is not None:
                factories.append(name)
                defaults[name] = None
            elif info.is_required():
                required.append(name)
                defaults[name] = None
            else:
                defaults[name] = info.default
        found = _TEMPLATES[cls] = (defaults, tuple(factories), frozenset(required))
    return found


def _make(cls: type[M], fields: dict[str, Any]) -> M:
    defaults, factories, _required = _TEMPLATES.get(cls) or _template(cls)
    values = defaults.copy()
    values.update(fields)
    for name in factories:
        if name not in fields:
            values[name] = {}  # the one factory-made field (data) is a dict
    model = _new(cls)
    _set(model, "__dict__", values)
    _set(model, "__pydantic_fields_set__", set(fields))
    _set(model, "__pydantic_extra__", None)
    _set(model, "__pydantic_private__", None)
    return model


_new, _set = object.__new__, object.__setattr__
field_template = _template
"""``field_template(cls)``: (the defaults in field order, the fields a factory makes, the
required fields) of a model class, for a bulk reader that checks a column at once."""
trusted = _make
"""``trusted(cls, fields)``: the model :func:`built` would make, from fields the caller
has already checked as ``built`` does (for a bulk reader that checks a column at once);
no check at all, so anything not checked that way goes through ``built``."""


def all_writable(texts: Iterable[str]) -> bool:
    """True when RDF can carry every character of every text (one scan over them all).

    >>> all_writable(["a", "b\\n"]), all_writable(["a", "\\x00"])
    (True, False)
    """
    return _UNWRITABLE.search("\n".join(texts)) is None


def _strs(value: Any) -> bool:
    return type(value) is tuple and all(type(v) is str for v in value)


def _opt_str(fields: dict[str, Any], name: str) -> bool:
    value = fields.get(name)
    return value is None or type(value) is str


def _iri_ok(value: str) -> bool:
    return _IRI.match(value) is not None


iri_ok = _iri_ok
"""``iri_ok(value)``: True when ``value`` is an absolute IRI the models accept (a scheme,
then no spaces, angle brackets, quotes or the other characters IRIs exclude)."""


_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:[^\s<>\"{}|\\^`]*$")
_YEAR_OR_MONTH = re.compile(r"\d{4}(?:-\d{2})?")


def _anchor_built(fields: dict[str, Any]) -> Anchor | None:
    source, exact = fields.get("source"), fields.get("exact")
    prefix, suffix = fields.get("prefix", ""), fields.get("suffix", "")
    start, end = fields.get("start"), fields.get("end")
    if not (
        type(source) is str
        and type(exact) is str
        and exact
        and type(prefix) is str
        and type(suffix) is str
        and (start is None or (type(start) is int and start >= 0))
        and (end is None or (type(end) is int and end >= 0))
        and ID_PATTERN.match(source)
        and not _UNWRITABLE.search(exact + prefix + suffix)
        and not (start is not None and end is not None and end < start)
        and fields.keys() <= _ANCHOR_FIELDS
    ):
        return None
    return _make(Anchor, fields)


_ANCHOR_FIELDS = frozenset(Anchor.model_fields)


def built(cls: type[M], fields: dict[str, Any]) -> M | None:
    """``cls.model_validate(fields)`` for fields that pass every check with the exact
    types, built without pydantic's per-field work; None when a check or a type is not
    met (then validate, which says what is wrong).

    >>> built(Claim, {"id": "c", "text": "It holds."}) == Claim(id="c", text="It holds.")
    True
    >>> built(Argument, {"id": "a", "premises": ("q", "p"), "conclusion": "c"}).premises
    ('p', 'q')
    >>> built(Claim, {"id": "c", "text": "  "}) is None  # validation would refuse it
    True
    """
    if cls is Anchor:
        return _anchor_built(fields)  # type: ignore[return-value]
    if not issubclass(cls, _Node):
        return None
    defaults, _factories, required = _template(cls)
    if not (fields.keys() <= defaults.keys() and required <= fields.keys()):
        return None
    node_id, text, label = fields["id"], fields.get("text", ""), fields.get("label")
    if not (
        type(node_id) is str
        and type(text) is str
        and (label is None or type(label) is str)
        and fields.get("kind", defaults["kind"]) == defaults["kind"]
        and ID_PATTERN.match(node_id)
        and not _UNWRITABLE.search(text if label is None else text + label)
        and (not cls.text_required or text.strip())
    ):
        return None
    fields = dict(fields)
    iri = fields.get("iri")
    if iri is not None and not (type(iri) is str and _iri_ok(iri)):
        return None
    if "anchors" in fields:
        anchors = fields["anchors"]
        if type(anchors) is not tuple or any(type(a) is not Anchor for a in anchors):
            return None
        if len(anchors) > 1:
            fields["anchors"] = tuple(sorted(set(anchors), key=Anchor.sort_key))
    if "tags" in fields:
        tags = fields["tags"]
        if not _strs(tags) or any(not t.strip() or _UNWRITABLE.search(t) for t in tags):
            return None
        fields["tags"] = tuple(sorted(set(tags)))
    if "same_as" in fields:
        same = fields["same_as"]
        if not _strs(same) or not all(_iri_ok(v) for v in same):
            return None
        fields["same_as"] = tuple(sorted(set(same)))
    if "data" in fields:
        data = fields["data"]
        if type(data) is not dict or any(type(k) is not str for k in data):
            return None
        fields["data"] = dict(data)
    if not _KIND_CHECKS[cls](fields):
        return None
    return _make(cls, fields)


def _argument_ok(fields: dict[str, Any]) -> bool:
    premises, conclusion = fields["premises"], fields["conclusion"]
    if not (_strs(premises) and premises and type(conclusion) is str):
        return False
    if len(set(premises)) != len(premises) or conclusion in premises:
        return False
    fields["premises"] = tuple(sorted(premises))
    return _texts_ok(fields, "scheme", "question")


def _attack_ok(fields: dict[str, Any]) -> bool:
    attacker, target = fields["attacker"], fields["target"]
    co = fields.get("co_attackers", ())
    if not (type(attacker) is str and type(target) is str and _strs(co)):
        return False
    if fields.get("attack_type") not in (None, *ATTACK_TYPES):
        return False
    if co:
        everyone = sorted({attacker, *co})
        if len(everyone) != 1 + len(co) or target in everyone:
            return False
        fields["attacker"], fields["co_attackers"] = everyone[0], tuple(everyone[1:])
    return _texts_ok(fields, "question")


def _texts_ok(fields: dict[str, Any], *names: str) -> bool:
    for name in names:
        value = fields.get(name)
        if value is not None and (type(value) is not str or _UNWRITABLE.search(value)):
            return False
    return True


def _source_ok(fields: dict[str, Any]) -> bool:
    if not all(_opt_str(fields, name) for name in ("author", "publisher", "date", "url")):
        return False
    url, date = fields.get("url"), fields.get("date")
    if url is not None and not _iri_ok(url):
        return False
    if date is not None and not _YEAR_OR_MONTH.fullmatch(date):
        try:
            _dt.date.fromisoformat(date)
        except ValueError:
            return False
    return True


_KIND_CHECKS: dict[type[_Node], Any] = {
    Claim: lambda f: True,
    Recommendation: lambda f: True,
    Issue: lambda f: True,
    Evidence: lambda f: _opt_str(f, "source"),
    Alternative: lambda f: _opt_str(f, "issue"),
    Actor: lambda f: f.get("actor_type", "other") in ACTOR_TYPES,
    Source: _source_ok,
    Argument: _argument_ok,
    Attack: _attack_ok,
    Stance: lambda f: (
        type(f["actor"]) is str and type(f["target"]) is str and f["role"] in STANCE_ROLES
    ),
}
