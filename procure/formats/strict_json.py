"""JSON parsing that refuses what the standard library silently accepts.

Duplicate keys, ``NaN`` and ``Infinity`` are input errors in Procure's files:
the first would hide a typo, the others are not numbers a plan can use. So are the
shapes of an attack rather than a plan (see docs/limits.md): a file over
:data:`MAX_FILE_BYTES`, nesting deeper than :data:`MAX_DEPTH`, a list longer than
:data:`MAX_LIST`, a number too large for a float (``1e400``) or an integer beyond
:data:`MAX_INT`. Each is refused with where it is, before any other code sees it.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

from procure.errors import Problem, ValidationError
from procure.fs import MiB, read_bounded

MAX_FILE_BYTES = 8 * MiB  # a real plan is a few hundred kB
MAX_DEPTH = 64  # levels of nested lists and objects (a plan needs 6; ``x`` data a few more)
MAX_LIST = 100_000  # items in one list or keys in one object
MAX_INT = 2**53  # integers beyond this are not exact as floats, which the model uses


class _DuplicateKeyError(ValueError):
    pass


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _DuplicateKeyError(f"duplicate key {key!r}")
        result[key] = value
    return result


def _no_constants(name: str) -> Any:
    raise ValueError(f"{name} is not allowed (numbers must be finite)")


def loads(text: str, source: str | None = None) -> Any:
    """Parse ``text``; raise :class:`ValidationError` naming the line and column."""
    if text.startswith("\ufeff"):
        text = text[1:]
    try:
        data = json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constants,
                          parse_int=_bounded_int)
    except RecursionError as exc:
        problem = Problem("", f"not valid JSON: nested more than {MAX_DEPTH} levels deep")
        raise ValidationError([problem], source) from exc
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno}, column {exc.colno}"
        raise ValidationError([Problem(where, f"not valid JSON: {exc.msg}")], source) from exc
    except ValueError as exc:  # duplicate keys and NaN/Infinity from the hooks
        raise ValidationError([Problem("", f"not valid JSON: {exc}")], source) from exc
    problem = check_shape(data)
    if problem is not None:
        raise ValidationError([problem], source)
    return data


def _bounded_int(text: str) -> int:
    if len(text) > 400:  # spares int() a long string; check_shape names where it is
        raise ValueError(f"an integer of {len(text)} digits is far too large")
    return int(text)


def check_shape(data: Any) -> Problem | None:
    """The first place where ``data`` is too deep, too long or holds a non-finite number.

    Walked with an explicit stack, so the check itself cannot overflow Python's.
    """
    stack: list[tuple[Any, str, int]] = [(data, "", 0)]
    while stack:
        value, where, depth = stack.pop()
        if isinstance(value, float) and not math.isfinite(value):
            return Problem(where, "the number is too large (beyond what a float can hold)")
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_INT:
            return Problem(where, f"the integer {value:.3g} is too large (at most 2^53)")
        if not isinstance(value, (list, dict)):
            continue
        if depth >= MAX_DEPTH:
            short = where if len(where) < 80 else where[:77] + "..."
            return Problem(short, f"nested more than {MAX_DEPTH} levels deep")
        if len(value) > MAX_LIST:
            return Problem(where, f"{len(value):,} items; at most {MAX_LIST:,} are allowed")
        if isinstance(value, dict):
            stack.extend((v, f"{where}.{k}" if where else str(k), depth + 1)
                         for k, v in value.items())
        else:
            stack.extend((v, f"{where}[{i}]", depth + 1) for i, v in enumerate(value))
    return None


def load_file(path: str | Path) -> Any:
    """Read and parse a UTF-8 JSON file (a byte-order mark is accepted)."""
    path = Path(path)
    raw = read_bounded(path, MAX_FILE_BYTES, "JSON file")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        problem = Problem(f"byte {exc.start}", "the file is not UTF-8 text")
        raise ValidationError([problem], str(path)) from exc
    return loads(text, str(path))


def dumps(data: Any) -> str:
    """Serialise with the layout Procure writes everywhere (stable, readable, UTF-8)."""
    return json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"
