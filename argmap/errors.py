"""Every error argmap raises on purpose.

One root, :class:`ArgmapError`; each leaf also inherits the builtin it refines, so
``except KeyError`` keeps working for code that predates argmap::

    ArgmapError
    ├── ModelError (ValueError)          a node or relation that cannot exist
    │   ├── KindError (TypeError)        a reference to a node of the wrong kind
    │   ├── DuplicateNode                an id or IRI already taken by another node
    │   └── MergeConflict                two maps disagree about one IRI
    ├── NodeNotFound (KeyError)          no node answers to that id, IRI or text
    ├── ParseError (ValueError)          input that is not what its format says
    │   ├── LimitExceeded                input over a configured size/count/depth cap
    │   └── ImportFailed                 several bad records, all listed (strict reading)
    ├── FormatError (ValueError)         an unknown or unsupported format name
    ├── QueryError                       a query that cannot be answered as asked
    │   └── QuerySyntaxError (ValueError) SPARQL a store refused (also a StoreError)
    ├── ReadOnlyError (TypeError)        a change to a result shared read-only (to_dict(shared=True))
    ├── ValidationFailed (AssertionError) an assertion helper found problems
    ├── RuleError (ValueError)           an unknown validation rule, category or severity
    ├── MissingDependency (ImportError)  an optional package the call needs is not installed
    ├── RenderError                      a diagram could not be drawn
    │   └── GraphvizNotFound (FileNotFoundError)  the ``dot`` program is not installed
    ├── SemanticsError                   an argumentation framework problem
    │   └── SolverTimeout (TimeoutError) a solver query over its time limit (--timeout)
    ├── SchemeError (ValueError)         a scheme file or catalogue that is not valid
    │   └── UnknownScheme (KeyError)     no scheme or critical question answers to a name
    ├── WriteError (OSError)             an output file that could not be written
    └── StoreError                       a triple store refused, failed or was unreachable
        ├── StoreUnavailable (ConnectionError)
        ├── StoreAuthError (PermissionError)
        └── StoreProtocolError           a response that does not follow the protocol

and one warning, :class:`StoreCleanupWarning` (a ``UserWarning``): a push or delete that
succeeded but left a graph it no longer needs.
"""

from __future__ import annotations

__all__ = [
    "ArgmapError",
    "DuplicateNode",
    "FormatError",
    "GraphvizNotFound",
    "ImportFailed",
    "KindError",
    "LimitExceeded",
    "MergeConflict",
    "MissingDependency",
    "ModelError",
    "NodeNotFound",
    "ParseError",
    "QueryError",
    "QuerySyntaxError",
    "ReadOnlyError",
    "RenderError",
    "RuleError",
    "SchemeError",
    "SemanticsError",
    "SolverTimeout",
    "StoreAuthError",
    "StoreCleanupWarning",
    "StoreError",
    "StoreProtocolError",
    "StoreUnavailable",
    "UnknownScheme",
    "ValidationFailed",
    "WriteError",
]


class ArgmapError(Exception):
    """The root of every error argmap raises on purpose."""


class ModelError(ArgmapError, ValueError):
    """A node or relation that cannot exist in an argument map."""


class KindError(ModelError, TypeError):
    """A reference to a node of the wrong kind (an argument concluding in an actor, ...)."""


class DuplicateNode(ModelError):
    """An id or IRI that another, different node already holds."""


class MergeConflict(ModelError):
    """Two maps that describe one IRI differently."""


class NodeNotFound(ArgmapError, KeyError):
    """No node in the map answers to the given id, IRI or text."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else ""


class ParseError(ArgmapError, ValueError):
    """Input that does not follow its format.

    The location is kept in attributes as well as in the message, so tools can point at it:
    ``line`` and ``column`` in the text, ``node`` (the id of the record at fault) and ``path``
    (where in a JSON document's structure, such as ``nodes[3]``; ``$`` for the whole).
    """

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        line: int | None = None,
        column: int | None = None,
        node: str | None = None,
        path: str | None = None,
    ) -> None:
        self.message = message
        self.file = file
        self.line = line
        self.column = column
        self.node = node
        self.path = path
        where = []
        if file:
            where.append(str(file))
        if line is not None:
            where.append(f"line {line}")
        if column is not None:
            where.append(f"column {column}")
        if node:
            where.append(f"node {node}")
        if path and path != "$" and path not in message:
            where.append(f"at {path}")
        prefix = ", ".join(where)
        super().__init__(f"{prefix}: {message}" if prefix else message)


class ImportFailed(ParseError):
    """A strict read that met several bad records: every one is listed, not only the first.

    ``problems`` holds each one as a :class:`ParseError` (file, line, node, path); the
    message lists the first :attr:`SHOWN` of them and says how many there are in all. The
    location attributes are the first problem's.

    Examples
    --------
    >>> err = ImportFailed([ParseError("RA-node without a premise", file="x.json", node="7"),
    ...                     ParseError("CA-node without an attacker", file="x.json", node="9")])
    >>> print(err)
    x.json: 2 problems (read with --lenient, or lenient=True, to keep what is sound):
      node 7: RA-node without a premise
      node 9: CA-node without an attacker
    >>> err.node, len(err.problems)
    ('7', 2)
    """

    SHOWN = 20

    def __init__(self, problems: list[ParseError]) -> None:
        if not problems:
            raise ValueError("ImportFailed needs at least one problem")
        first = problems[0]
        self.problems = list(problems)
        self.message = first.message
        self.file = first.file
        self.line = first.line
        self.column = first.column
        self.node = first.node
        self.path = first.path
        files = {p.file for p in problems}
        shared = first.file if len(files) == 1 else None
        lines = []
        for p in problems[: self.SHOWN]:
            text = str(p)
            if (shared and text.startswith(f"{shared}, ")) or (shared and text.startswith(f"{shared}: ")):
                text = text[len(shared) + 2 :]
            lines.append(f"  {text}")
        if len(problems) > self.SHOWN:
            lines.append(f"  ... and {len(problems) - self.SHOWN} more")
        head = f"{shared}: " if shared else ""
        Exception.__init__(
            self,
            f"{head}{len(problems)} problems (read with --lenient, or lenient=True, to keep "
            "what is sound):\n" + "\n".join(lines),
        )


class LimitExceeded(ParseError):
    """Input over one of the configured caps (size, node count, text length, nesting)."""


class FormatError(ArgmapError, ValueError):
    """An unknown format name, or a format that cannot do what was asked (read or write)."""


class QueryError(ArgmapError):
    """A query that cannot be answered as asked (for example a trace of an actor)."""


class ReadOnlyError(ArgmapError, TypeError):
    """A change to a result that is shared and read-only (``Trace.to_dict(shared=True)``)."""


class WriteError(ArgmapError, OSError):
    """An output file that could not be written (disk full, a folder, no permission, ...).

    ``filename`` is the path, ``strerror`` the reason and ``errno`` the system's error
    number (``None`` when argmap refused on its own). The old file is intact.

    >>> str(WriteError("out.ttl", "is a folder"))
    'out.ttl: cannot write: is a folder'
    """

    def __init__(self, path: str, reason: str, errno: int | None = None) -> None:
        super().__init__(errno, reason, path)

    def __str__(self) -> str:
        return f"{self.filename}: cannot write: {self.strerror}"


class ValidationFailed(ArgmapError, AssertionError):
    """Raised by the assertion helpers in :mod:`argmap.testing`."""


class RuleError(ArgmapError, ValueError):
    """An unknown rule id or category, a severity other than error/warning/info, or a
    user rule that yields something other than :class:`~argmap.validate.Finding` objects."""


class MissingDependency(ArgmapError, ImportError):
    """An optional package (pandas, pySHACL) that the call needs is not installed."""


class RenderError(ArgmapError):
    """A diagram could not be drawn (Graphviz failed, or the object cannot be drawn)."""


class GraphvizNotFound(RenderError, FileNotFoundError):
    """The Graphviz ``dot`` program, which lays out SVG, PNG and HTML output, is missing."""


class SemanticsError(ArgmapError):
    """An argumentation framework that cannot be built or solved as asked."""


class SolverTimeout(SemanticsError, TimeoutError):
    """A solver query that did not answer within its time limit; the solver was stopped."""


class SchemeError(ArgmapError, ValueError):
    """A scheme catalogue or user scheme file (YAML, TOML, Turtle) that is not valid, or a
    scheme whose name clashes with one already in the catalogue."""


class UnknownScheme(SchemeError, KeyError):
    """No scheme (or critical question) in the catalogue answers to the name given."""


class StoreError(ArgmapError):
    """A triple store refused a request, failed, or could not be reached."""


class QuerySyntaxError(QueryError, StoreError, ValueError):
    """SPARQL text a store refused: it does not parse, or uses what argmap refuses
    (``SERVICE`` on the embedded store). The query's fault, not the store's: the command
    line exits 2 for it, not 3; ``except StoreError`` still catches it."""


class StoreUnavailable(StoreError, ConnectionError):
    """Nothing answered at the store's address, or it went away mid-request."""


class StoreAuthError(StoreError, PermissionError):
    """The store refused the credentials (or asked for some and got none)."""


class StoreProtocolError(StoreError):
    """The store answered, but not as the SPARQL 1.1 protocols say it should."""


class StoreCleanupWarning(UserWarning):
    """A push or delete succeeded but could not remove a graph it no longer needs."""
