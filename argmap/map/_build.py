"""The builders of a map: one method per kind of node or relation, each making the model,
checking it against the map and adding it (the base class of :class:`ArgumentMap`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, TypeVar, cast

from pydantic import BaseModel, ValidationError

from argmap.errors import DuplicateNode, KindError, ModelError, NodeNotFound
from argmap.ids import mint_id
from argmap.map._graph import kind_word
from argmap.model import (
    ENTITY_KINDS,
    STATEMENT_KINDS,
    About,
    Actor,
    Alternative,
    Anchor,
    Argument,
    Attack,
    Claim,
    Evidence,
    Issue,
    Node,
    Recommendation,
    Source,
    Stance,
)

if TYPE_CHECKING:
    import networkx as nx

    from argmap.anchoring import ReanchorReport
    from argmap.map._core import ArgumentMap

    Ref = str | Node

N = TypeVar("N", bound=Node)
M = TypeVar("M", bound=BaseModel)

# How many characters of context an anchor keeps on each side of its quote.
ANCHOR_CONTEXT = 32


class MapBuilders:
    """``claim``, ``evidence``, ..., ``argue``, ``attack``, ``stance``, ``about``, ``anchor``.

    Every builder resolves the references it is given, makes the model (a bad field is a
    :class:`ModelError` naming the call), and adds it through :meth:`ArgumentMap.add`,
    which checks it against the map.
    """

    if TYPE_CHECKING:  # what the builders use of the map they are part of
        name: str
        _nodes: dict[str, Node]
        _abouts: set[tuple[str, str]]
        _g: nx.MultiDiGraph

        def resolve(self, ref: Ref) -> str: ...
        def add(self, node: N) -> N: ...
        def _touch(self) -> None: ...
        def _replace(self, node: Node) -> None: ...
        def _expect(
            self, ref: str, kinds: set[str] | frozenset[str], call: str, role: str
        ) -> None: ...

    def _make(self, cls: type[M], call: str, **fields: Any) -> M:
        try:
            return cls(**fields)
        except ValidationError as exc:
            problems = "; ".join(
                f"{'.'.join(str(p) for p in e['loc']) or cls.__name__}: {e['msg']}"
                for e in exc.errors()
            )
            raise ModelError(f"{call}: {problems}") from None

    def _entity(self, cls: type[N], call: str, text: str, id: str | None, **fields: Any) -> N:
        kind = cast(str, cls.model_fields["kind"].default)
        node_id = id if id is not None else mint_id(kind, text)
        fields = {k: v for k, v in fields.items() if v is not None}
        node = self._make(cls, call, id=node_id, text=text, **fields)
        self._check_text_kind(node, call)
        return self.add(node)

    def _check_text_kind(self, node: Node, call: str) -> None:
        existing = self._nodes.get(node.id)
        if existing is not None and existing.kind != node.kind:
            raise DuplicateNode(f"{call}: id {node.id!r} is already {kind_word(existing.kind)}")

    def claim(self, text: str, *, id: str | None = None, **fields: Any) -> Claim:
        """Add a claim: a proposition the author asserts.

        >>> from argmap import ArgumentMap
        >>> ArgumentMap("x").claim("The treaty was commandeered by Russia.", id="commandeered").id
        'commandeered'
        """
        return self._entity(Claim, "claim", text, id, **fields)

    def evidence(
        self, text: str, *, id: str | None = None, source: Ref | None = None, **fields: Any
    ) -> Evidence:
        """Add evidence: a fact, figure, event, document or testimony.

        >>> from argmap import ArgumentMap
        >>> ArgumentMap("x").evidence("76 nations are party to it.").kind
        'evidence'
        """
        return self._entity(Evidence, "evidence", text, id, source=self._opt(source), **fields)

    def recommendation(self, text: str, *, id: str | None = None, **fields: Any) -> Recommendation:
        """Add a recommendation: who should do what.

        >>> from argmap import ArgumentMap
        >>> ArgumentMap("x").recommendation("The U.S. should abstain.").kind
        'recommendation'
        """
        return self._entity(Recommendation, "recommendation", text, id, **fields)

    def actor(
        self, name: str, *, type: str = "other", id: str | None = None, **fields: Any
    ) -> Actor:
        """Add an actor: a person, organisation, state, body or group.

        >>> from argmap import ArgumentMap
        >>> ArgumentMap("x").actor("U.S. Chamber of Commerce", type="organisation").actor_type
        'organisation'
        """
        return self._entity(Actor, "actor", name, id, actor_type=type, **fields)

    def alternative(
        self, text: str, *, id: str | None = None, issue: Ref | None = None, **fields: Any
    ) -> Alternative:
        """Add an alternative: an option that competes with what is recommended against.

        >>> from argmap import ArgumentMap
        >>> ArgumentMap("x").alternative("Budapest Convention", id="budapest").id
        'budapest'
        """
        return self._entity(Alternative, "alternative", text, id, issue=self._opt(issue), **fields)

    def issue(self, text: str, *, id: str | None = None, **fields: Any) -> Issue:
        """Add an issue: the question the alternatives answer.

        >>> from argmap import ArgumentMap
        >>> ArgumentMap("x").issue("How should the U.S. vote?").kind
        'issue'
        """
        return self._entity(Issue, "issue", text, id, **fields)

    def source(
        self,
        title: str,
        *,
        id: str | None = None,
        author: Ref | None = None,
        publisher: Ref | None = None,
        date: str | None = None,
        url: str | None = None,
        **fields: Any,
    ) -> Source:
        """Add a source document (author and publisher are actors already in the map).

        >>> from argmap import ArgumentMap
        >>> ArgumentMap("x").source("A brief", id="brief", date="2024-08-28").date
        '2024-08-28'
        """
        return self._entity(
            Source,
            "source",
            title,
            id,
            author=self._opt(author),
            publisher=self._opt(publisher),
            date=date,
            url=url,
            **fields,
        )

    def _opt(self, ref: Ref | None) -> str | None:
        return None if ref is None else self.resolve(ref)

    def argue(
        self,
        premises: Ref | Sequence[Ref],
        conclusion: Ref,
        *,
        scheme: str | None = None,
        id: str | None = None,
        **fields: Any,
    ) -> Argument:
        """Add an argument: the premises, jointly (linked), support the conclusion.

        For convergent support, call ``argue`` once per independent reason.

        >>> from argmap import ArgumentMap
        >>> m = ArgumentMap("x")
        >>> a = m.argue([m.claim("P one."), m.claim("P two.")], m.claim("C."))
        >>> len(a.premises)
        2
        """
        if isinstance(premises, str) or not isinstance(premises, Sequence):
            premises = [premises]
        premise_ids = [self._resolve_for("argue", p, "premise") for p in premises]
        conclusion_id = self._resolve_for("argue", conclusion, "conclusion")
        for pid in premise_ids:
            self._expect(pid, STATEMENT_KINDS, "argue", "premise")
        self._expect_statement_conclusion(conclusion_id)
        node_id = (
            id if id is not None else mint_id("argument", *sorted(premise_ids), "->", conclusion_id)
        )
        node = self._make(
            Argument,
            "argue",
            id=node_id,
            premises=tuple(premise_ids),
            conclusion=conclusion_id,
            **({"scheme": scheme} if scheme is not None else {}),
            **fields,
        )
        self._check_text_kind(node, "argue")
        return self.add(node)

    def _expect_statement_conclusion(self, conclusion_id: str) -> None:
        kind = self._nodes[conclusion_id].kind
        if kind not in STATEMENT_KINDS:
            raise KindError(
                f"argue: the conclusion {conclusion_id!r} is {kind_word(kind)}; an argument "
                "concludes in a statement (claim, evidence or recommendation)"
            )

    def _resolve_for(self, call: str, ref: Ref, role: str) -> str:
        try:
            return self.resolve(ref)
        except NodeNotFound as exc:
            raise NodeNotFound(f"{call}: the {role} {ref!r} is not in map {self.name!r}") from exc

    def attack(
        self,
        attacker: Ref | Sequence[Ref],
        target: Ref,
        *,
        type: str | None = None,
        id: str | None = None,
        **fields: Any,
    ) -> Attack:
        """Add an attack of a statement on a statement (rebut, undermine), an argument or an
        attack (undercut).

        ``attacker`` may be a list of statements that attack only jointly (linked
        attackers); the target may be another attack, which answers that objection.

        >>> from argmap import ArgumentMap
        >>> m = ArgumentMap("x")
        >>> t = m.attack(m.claim("Its goals are laudable."), m.claim("The treaty is flawed."))
        >>> m.attack_type(t)
        'rebut'
        >>> u = m.attack([m.claim("Goals are words.", id="w"), m.claim("Words bind no one.",
        ...              id="b")], t, id="u")
        >>> u.attackers, m.attack_type(u)
        (('b', 'w'), 'undercut')
        """
        refs: list[Ref] = (
            list(attacker) if isinstance(attacker, (list, tuple)) else [cast("Ref", attacker)]
        )
        if not refs:
            raise ModelError("attack: name at least one attacker")
        attacker_ids = [self._resolve_for("attack", r, "attacker") for r in refs]
        target_id = self._resolve_for("attack", target, "target")
        if id is not None:
            node_id = id
        elif len(attacker_ids) == 1:
            node_id = mint_id("attack", attacker_ids[0], "->", target_id)
        else:
            node_id = mint_id("attack", *sorted(attacker_ids), "->", target_id)
        if len(attacker_ids) > 1:
            fields["co_attackers"] = tuple(attacker_ids[1:])
        node = self._make(
            Attack,
            "attack",
            id=node_id,
            attacker=attacker_ids[0],
            target=target_id,
            **({"attack_type": type} if type is not None else {}),
            **fields,
        )
        self._check_text_kind(node, "attack")
        return self.add(node)

    def stance(
        self, actor: Ref, role: str, target: Ref, *, id: str | None = None, **fields: Any
    ) -> Stance:
        """Add an actor's stance (asserts, endorses, opposes, addressed_by) on a target.

        >>> from argmap import ArgumentMap
        >>> m = ArgumentMap("x")
        >>> s = m.stance(m.actor("The Chamber"), "asserts", m.claim("It is flawed."))
        >>> s.role
        'asserts'
        """
        actor_id = self._resolve_for("stance", actor, "actor")
        target_id = self._resolve_for("stance", target, "target")
        node_id = id if id is not None else mint_id("stance", actor_id, role, target_id)
        node = self._make(
            Stance, "stance", id=node_id, actor=actor_id, role=role, target=target_id, **fields
        )
        self._check_text_kind(node, "stance")
        return self.add(node)

    def about(self, statement: Ref, subject: Ref) -> About:
        """Record that a statement is about an actor, alternative, issue or source.

        >>> from argmap import ArgumentMap
        >>> m = ArgumentMap("x")
        >>> m.about(m.claim("Russia commandeered it."), m.actor("Russia")).subject
        'russia-...'
        """
        stmt_id = self._resolve_for("about", statement, "statement")
        subject_id = self._resolve_for("about", subject, "subject")
        self._expect(stmt_id, STATEMENT_KINDS, "about", "statement")
        self._expect(subject_id, ENTITY_KINDS, "about", "subject")
        if (stmt_id, subject_id) not in self._abouts:
            self._abouts.add((stmt_id, subject_id))
            self._g.add_edge(stmt_id, subject_id, key="about")
            self._touch()
        return About(statement=stmt_id, subject=subject_id)

    def anchor(
        self,
        node: Ref,
        exact: str,
        *,
        source: Ref,
        prefix: str | None = None,
        suffix: str | None = None,
        start: int | None = None,
        end: int | None = None,
        text: str | None = None,
        occurrence: int = 1,
    ) -> Anchor:
        """Anchor a node to an exact quote in a source.

        Give ``text`` (the source's full text) and argmap finds the quote's
        ``occurrence``-th appearance and fills in offsets, prefix and suffix (32
        characters each); or give them yourself.

        >>> from argmap import ArgumentMap
        >>> m = ArgumentMap("x"); s = m.source("Doc", id="doc")
        >>> c = m.claim("It is flawed.")
        >>> a = m.anchor(c, "flawed", source=s, text="The text is flawed, sadly.")
        >>> (a.start, a.end, a.prefix, a.suffix)
        (12, 18, 'The text is ', ', sadly.')
        """
        node_id = self._resolve_for("anchor", node, "node")
        source_id = self._resolve_for("anchor", source, "source")
        self._expect(source_id, {"source"}, "anchor", "source")
        if text is not None:
            pos = -1
            for _ in range(max(occurrence, 1)):
                pos = text.find(exact, pos + 1)
                if pos < 0:
                    raise ModelError(
                        f"anchor: quote {exact!r} (occurrence {occurrence}) is not in the "
                        f"text of source {source_id!r}"
                    )
            if start is not None and start != pos:
                raise ModelError(f"anchor: quote {exact!r} is at {pos}, not at {start}")
            start, end = pos, pos + len(exact)
            if prefix is None:
                prefix = text[max(0, start - ANCHOR_CONTEXT) : start]
            if suffix is None:
                suffix = text[end : end + ANCHOR_CONTEXT]
        anchor = self._make(
            Anchor,
            "anchor",
            source=source_id,
            exact=exact,
            prefix=prefix or "",
            suffix=suffix or "",
            start=start,
            end=end,
        )
        current = self._nodes[node_id]
        if anchor not in current.anchors:
            self._replace(current.model_copy(update={"anchors": (*current.anchors, anchor)}))
        return anchor

    def reanchor(self, source: Ref, new_text: str, **options: Any) -> ReanchorReport:
        """Re-find every anchor into ``source`` in its revised text; kept, moved, fuzzy or
        lost each (see :func:`argmap.anchoring.reanchor` for ``options``)."""
        from argmap.anchoring import reanchor

        return reanchor(cast("ArgumentMap", self), source, new_text, **options)
