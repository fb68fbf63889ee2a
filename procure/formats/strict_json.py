"""JSON parsing that refuses what the standard library silently accepts.

Duplicate keys, ``NaN`` and ``Infinity`` are input errors in Procure's files:
the first would hide a typo, the others are not numbers a plan can use.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from procure.errors import Problem, ValidationError


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
        return json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constants)
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno}, column {exc.colno}"
        raise ValidationError([Problem(where, f"not valid JSON: {exc.msg}")], source) from exc
    except ValueError as exc:  # duplicate keys and NaN/Infinity from the hooks
        raise ValidationError([Problem("", f"not valid JSON: {exc}")], source) from exc


def load_file(path: str | Path) -> Any:
    """Read and parse a UTF-8 JSON file (a byte-order mark is accepted)."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        problem = Problem("", f"cannot read the file: {exc.strerror}")
        raise ValidationError([problem], str(path)) from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        problem = Problem(f"byte {exc.start}", "the file is not UTF-8 text")
        raise ValidationError([problem], str(path)) from exc
    return loads(text, str(path))


def dumps(data: Any) -> str:
    """Serialise with the layout Procure writes everywhere (stable, readable, UTF-8)."""
    return json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"
