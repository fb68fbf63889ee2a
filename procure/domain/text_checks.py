"""Checks on the text of a scenario: what every writer (JSON, workbook, memo, database) needs.

A lone surrogate (``"\\ud83d"`` from a JSON escape) cannot be written as UTF-8, so it
would pass reading and break solving, exports and storage later; a control character
in a name breaks the workbook writer and can forge lines in the CLI's tables; a name
of thousands of characters cannot be laid out in the memo. All are refused here,
once, for every source, with where they are. Free ``x`` data may hold any text
except lone surrogates.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from procure.errors import Problem

MAX_TEXT = 200  # characters in an id, a name or a label (see docs/limits.md)
_SURROGATE = re.compile("[\ud800-\udfff]")
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def text_problems(scenario: Any) -> list[Problem]:
    """Every bad text in ``scenario``, walked iteratively (no recursion on hostile depth)."""
    problems: list[Problem] = []
    stack: list[tuple[Any, str, bool]] = [(scenario, "", False)]
    while stack:
        value, where, free = stack.pop()
        if isinstance(value, str):
            problem = _check(value, where, free)
            if problem is not None:
                problems.append(problem)
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            for field in dataclasses.fields(value):
                inner = getattr(value, field.name)
                path = f"{where}.{field.name}" if where else field.name
                stack.append((inner, path, free or field.name == "x"))
        elif isinstance(value, dict):
            for key, inner in value.items():
                stack.append((key, f"{where} (a key)", free))
                stack.append((inner, f"{where}.{key}", free))
        elif isinstance(value, (list, tuple)):
            stack.extend((inner, f"{where}[{i}]", free) for i, inner in enumerate(value))
    return sorted(problems, key=lambda p: p.location)


def _check(text: str, where: str, free: bool) -> Problem | None:
    bad = _SURROGATE.search(text)
    if bad is not None:
        return Problem(where, f"contains an invalid character (a lone surrogate "
                              f"U+{ord(bad.group()):04X}); it cannot be stored or exported")
    if free:
        return None
    bad = _CONTROL.search(text)
    if bad is not None:
        return Problem(where, f"contains a control character (U+{ord(bad.group()):04X}); "
                              "names, ids and labels must be plain text")
    if len(text) > MAX_TEXT:
        return Problem(where, f"is {len(text):,} characters long; at most {MAX_TEXT} are allowed")
    return None
