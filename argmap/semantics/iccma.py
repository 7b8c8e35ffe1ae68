"""Read and write abstract frameworks in the ICCMA exchange formats.

Three formats, so the frameworks argmap derives can be checked by other solvers:

``i23``
    ICCMA 2023: a header ``p af N``, then one attack ``i j`` per line over the integers
    ``1..N``; lines starting with ``#`` are comments. Arguments are named ``"1" .. "N"``
    (comment lines that some converters use to record original names are ignored).
``apx``
    ASPARTIX facts: ``arg(a).`` and ``att(a,b).``; ``%`` starts a comment. Names are
    ASP constants, integers, or double-quoted strings (escapes ``\\\\``, ``\\"``,
    ``\\n``).
``tgf``
    Trivial Graph Format: one argument per line, a line ``#``, then one attack
    ``a b`` per line. Only the first token of an argument line is its name (TGF allows a
    label after it, which is ignored), and tokens after the second on an attack line are
    ignored likewise.

Names in the output are the framework's own names; i23 numbers the arguments ``1..N`` in
framework order (``names=True`` adds a ``# i name`` comment line for each).

Examples:
    >>> af = loads_af("p af 3\\n1 2\\n2 3\\n", "i23")
    >>> af.arguments, sorted(af.attacks)
    (('1', '2', '3'), [('1', '2'), ('2', '3')])
    >>> print(dumps_af(af, "apx"), end="")
    arg(1).
    arg(2).
    arg(3).
    att(1,2).
    att(2,3).
    >>> loads_af(dumps_af(af, "tgf"), "tgf") == af
    True
"""

from __future__ import annotations

import re
from pathlib import Path

from argmap.errors import FormatError, ParseError, SemanticsError
from argmap.limits import check_count, check_size, input_path, read_capped
from argmap.semantics.framework import AbstractFramework
from argmap.util import no_gc, not_text, strip_bom

__all__ = [
    "AF_FORMATS",
    "dump_af",
    "dumps_af",
    "guess_af_format",
    "load_af",
    "loads_af",
]

AF_FORMATS: dict[str, tuple[str, ...]] = {
    "i23": (".af", ".i23"),
    "apx": (".apx",),
    "tgf": (".tgf",),
}
"""Each ICCMA format with the file extensions that select it."""

_I23_BODY = re.compile(rb"(?:[ \t]*(?:\d+[ \t]+\d+)?[ \t]*\r?\n)*")
_I23_HEADER = re.compile(r"p\s+af\s+(\d+)")


def guess_af_format(path: str | Path, head: bytes | None = None) -> str | None:
    """The ICCMA format of a file, from its extension or else its first bytes; or None.

    Examples:
        >>> guess_af_format("x.apx"), guess_af_format("x.txt", b"p af 2\\n1 2\\n")
        ('apx', 'i23')
        >>> guess_af_format("x.ttl") is None
        True
    """
    suffix = Path(path).suffix.lower()
    for name, extensions in AF_FORMATS.items():
        if suffix in extensions:
            return name
    if head is None:
        return None
    text = strip_bom(head).lstrip()
    while text.startswith(b"#") and not text.startswith(b"#\n"):
        text = text.partition(b"\n")[2].lstrip()
    if _I23_HEADER.match(text.decode("ascii", "replace")):
        return "i23"
    if re.match(rb"(?:%[^\n]*\n\s*)*(arg|att)\s*\(", text):
        return "apx"
    return None


def _text(data: str | bytes, filename: str | None) -> str:
    if isinstance(data, str):
        return data
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ParseError("the file is not UTF-8 text", file=filename, line=line) from None


def loads_af(data: str | bytes, format: str, *, filename: str | None = None) -> AbstractFramework:
    """Parse a framework from ``data`` in ICCMA ``format`` ("i23", "apx" or "tgf").

    Raises:
        FormatError: an unknown format name.
        ParseError: malformed input, with the file name and line number.

    Examples:
        >>> loads_af("arg(a).\\narg(b).\\natt(a,b).\\n", "apx").attackers("b")
        ('a',)
        >>> loads_af("p af 2\\n1 3\\n", "i23", filename="x.af")
        Traceback (most recent call last):
        ...
        argmap.errors.ParseError: x.af, line 2: argument 3 is outside 1..2
    """
    check_size(len(data), file=filename)
    # a UTF-8 byte-order mark is no part of the framework (argmap.io._bom)
    data = strip_bom(data) if isinstance(data, bytes) else data.removeprefix("\ufeff")
    binary = not_text(data) if isinstance(data, bytes) else None
    if binary is not None:
        raise ParseError(f"not a framework: {binary}", file=filename, line=1)
    if format == "i23":
        return _loads_i23(data if isinstance(data, bytes) else data.encode(), filename)
    if format == "apx":
        return _loads_apx(_text(data, filename), filename)
    if format == "tgf":
        return _loads_tgf(_text(data, filename), filename)
    raise FormatError(f"unknown ICCMA format {format!r}; expected one of {', '.join(AF_FORMATS)}")


def load_af(path: str | Path, format: str | None = None) -> AbstractFramework:
    """Read a framework from a file; the format comes from the extension or the content.

    Raises:
        FormatError: the format cannot be told.
        ParseError: malformed input, with the file name and line number.
    """
    path = input_path(path)
    try:
        data = read_capped(path)
    except FileNotFoundError:
        raise ParseError("no such file", file=str(path)) from None
    except IsADirectoryError:
        raise ParseError("is a folder, not a file", file=str(path)) from None
    except OSError as exc:
        raise ParseError(f"cannot read: {exc.strerror}", file=str(path)) from None
    fmt = format or guess_af_format(path, data[:4096])
    if fmt is None:
        raise FormatError(
            f"{path}: cannot tell the ICCMA format; name it (i23, apx or tgf) or use the "
            "extension .af, .apx or .tgf"
        )
    return loads_af(data, fmt, filename=str(path))


# -- i23 -------------------------------------------------------------------------------------


def _loads_i23(data: bytes, filename: str | None) -> AbstractFramework:
    n = -1
    header_line = 0
    pos = 0
    number = 0
    while pos < len(data):
        end = data.find(b"\n", pos)
        end = len(data) if end < 0 else end
        number += 1
        line = data[pos:end].strip()
        pos = end + 1
        if not line or line.startswith(b"#"):
            continue
        match = _I23_HEADER.fullmatch(line.decode("ascii", "replace"))
        if not match:
            raise ParseError(
                f"expected the header 'p af N', found {line[:40].decode('utf-8', 'replace')!r}",
                file=filename,
                line=number,
            )
        n = int(match.group(1))
        header_line = number
        check_count(n, "arguments the header declares", file=filename, line=number)
        break
    if n < 0:
        raise ParseError("no 'p af N' header", file=filename, line=1)
    rest = data[pos:]
    if b"#" in rest:  # comment lines among the attacks: drop them first
        rest = b"\n".join(ln for ln in rest.split(b"\n") if not ln.lstrip().startswith(b"#"))
    if rest and not rest.endswith(b"\n"):
        rest += b"\n"
    if _plain_i23(rest) or _I23_BODY.fullmatch(rest):
        with no_gc():  # millions of ints and lists, no cycles
            numbers = list(map(int, rest.split()))
            if not numbers or (min(numbers) >= 1 and max(numbers) <= n):
                return AbstractFramework.from_indices(
                    n, [s - 1 for s in numbers[0::2]], [t - 1 for t in numbers[1::2]]
                )
    lines = data.split(b"\n")
    # something is wrong: walk the lines again to say where
    for number, raw in enumerate(lines[header_line:], header_line + 1):
        line = raw.strip()
        if not line or line.startswith(b"#"):
            continue
        parts = line.split()
        if len(parts) != 2 or not all(p.isdigit() for p in parts):
            raise ParseError(
                f"expected an attack 'i j', found {line[:40].decode('utf-8', 'replace')!r}",
                file=filename,
                line=number,
            )
        for p in parts:
            if not 1 <= int(p) <= n:
                raise ParseError(f"argument {int(p)} is outside 1..{n}", file=filename, line=number)
    raise ParseError("malformed attack lines", file=filename, line=header_line + 1)


def _plain_i23(body: bytes) -> bool:
    """Is ``body`` exactly lines ``digits SPACE digits NEWLINE`` (what ICCMA files and
    :func:`dump_af` write)? Checked in bulk: with the digits deleted, only one ``" \\n"``
    per line may be left, and the two numbers of every line must both be there. Anything
    else (tabs, CR, blank lines, extra spaces) goes to the line-by-line pattern."""
    lines = body.count(b"\n")
    if body and not body.endswith(b"\n"):
        return False
    if body.translate(None, b"0123456789") != b" \n" * lines:
        return False
    # " 12\n" or "12 \n" also leave " \n": a missing number shows as a space at a line's
    # start or end
    return not (body.startswith(b" ") or b"\n " in body or b" \n" in body)


def _dumps_i23(af: AbstractFramework, names: bool) -> str:
    out = [f"p af {len(af)}"]
    if names:
        out.extend(f"# {i} {name}" for i, name in enumerate(af.arguments, 1))
    for i, targets in enumerate(af.successors(), 1):
        out.extend(f"{i} {j + 1}" for j in targets)
    return "\n".join(out) + "\n"


# -- apx -------------------------------------------------------------------------------------

_NAME = r'("(?:[^"\\\n]|\\.)*"|[^\s(),"%.]+)'
_APX = re.compile(
    r"\s+|%[^\n]*|arg\s*\(\s*"
    + _NAME
    + r"\s*\)\s*\.|att\s*\(\s*"
    + _NAME
    + r"\s*,\s*"
    + _NAME
    + r"\s*\)\s*\."
)
_PLAIN_APX = re.compile(r"[a-z][A-Za-z0-9_]*|0|[1-9][0-9]*")


def _unquote(token: str) -> str:
    if token.startswith('"'):
        return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) == "n" else m.group(1), token[1:-1])
    return token


def _loads_apx(text: str, filename: str | None) -> AbstractFramework:
    arguments: dict[str, None] = {}
    attacks: list[tuple[str, str, int]] = []
    pos = 0
    end = len(text)
    line, counted = 1, 0  # the line at ``counted``, advanced as we go (not recounted)
    while pos < end:
        line += text.count("\n", counted, pos)
        counted = pos
        match = _APX.match(text, pos)
        if match is None or match.end() == pos:
            snippet = text[pos : pos + 30].split("\n")[0]
            raise ParseError(
                f"expected arg(x). or att(x,y)., found {snippet!r}", file=filename, line=line
            )
        if match.group(1) is not None:
            arguments[_unquote(match.group(1))] = None
        elif match.group(2) is not None:
            attacks.append((_unquote(match.group(2)), _unquote(match.group(3)), line))
        pos = match.end()
    for a, b, line in attacks:
        for name in (a, b):
            if name not in arguments:
                raise ParseError(
                    f"att({a},{b}) names {name!r}, which no arg(...) declares",
                    file=filename,
                    line=line,
                )
    return AbstractFramework(arguments, [(a, b) for a, b, _ in attacks])


def _apx_name(name: str) -> str:
    if _PLAIN_APX.fullmatch(name):
        return name
    escaped = name.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def _dumps_apx(af: AbstractFramework) -> str:
    names = [_apx_name(a) for a in af.arguments]
    out = [f"arg({a})." for a in names]
    for i, targets in enumerate(af.successors()):
        out.extend(f"att({names[i]},{names[j]})." for j in targets)
    return "\n".join(out) + "\n" if out else ""


# -- tgf -------------------------------------------------------------------------------------


def _loads_tgf(text: str, filename: str | None) -> AbstractFramework:
    arguments: dict[str, None] = {}
    attacks: list[tuple[str, str]] = []
    in_edges = False
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line:
            continue
        if not in_edges:
            if line == "#":
                in_edges = True
            elif line.startswith("#"):
                raise ParseError(
                    f"an argument name cannot start with '#' ({line[:40]!r}); the line that "
                    "ends the arguments is '#' alone",
                    file=filename,
                    line=number,
                )
            else:
                arguments[line.split()[0]] = None
            continue
        parts = line.split()
        if len(parts) < 2:
            raise ParseError(
                f"expected an attack 'a b', found {line!r}", file=filename, line=number
            )
        a, b = parts[0], parts[1]
        for name in (a, b):
            if name not in arguments:
                raise ParseError(
                    f"attack {a} {b} names {name!r}, which is not listed before '#'",
                    file=filename,
                    line=number,
                )
        attacks.append((a, b))
    return AbstractFramework(arguments, attacks)


def _dumps_tgf(af: AbstractFramework) -> str:
    for name in af.arguments:
        if not name or name.startswith("#") or any(c.isspace() for c in name):
            raise SemanticsError(
                f"argument {name!r} cannot be written as TGF (empty, starts with '#', or "
                "holds white space); write apx instead"
            )
    out = list(af.arguments)
    out.append("#")
    out.extend(f"{a} {b}" for a, b in af.iter_attacks())
    return "\n".join(out) + "\n"


# -- writing ---------------------------------------------------------------------------------


def dumps_af(af: AbstractFramework, format: str, *, names: bool = False) -> str:
    """The framework as text in ICCMA ``format`` ("i23", "apx" or "tgf").

    Args:
        af: the framework.
        format: the format name.
        names: for i23, add a ``# i name`` comment line per argument.

    Raises:
        FormatError: an unknown format name.
        SemanticsError: a name the format cannot hold (TGF names without white space).

    Examples:
        >>> af = AbstractFramework(["x", "y"], [("x", "y")])
        >>> print(dumps_af(af, "i23", names=True), end="")
        p af 2
        # 1 x
        # 2 y
        1 2
        >>> print(dumps_af(AbstractFramework(["Big claim"]), "apx"), end="")
        arg("Big claim").
    """
    if format == "i23":
        return _dumps_i23(af, names)
    if format == "apx":
        return _dumps_apx(af)
    if format == "tgf":
        return _dumps_tgf(af)
    raise FormatError(f"unknown ICCMA format {format!r}; expected one of {', '.join(AF_FORMATS)}")


def dump_af(
    af: AbstractFramework, path: str | Path, format: str | None = None, *, names: bool = False
) -> None:
    """Write the framework to ``path`` (atomically); the format defaults from the extension.

    Raises:
        FormatError: the format cannot be told from the extension.
    """
    from argmap.io.atomic import write_bytes

    path = Path(path)
    fmt = format or guess_af_format(path)
    if fmt is None:
        raise FormatError(f"{path}: name the ICCMA format (i23, apx or tgf) or use its extension")
    write_bytes(path, dumps_af(af, fmt, names=names).encode("utf-8"))
