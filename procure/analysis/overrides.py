"""Overrides: changes of a base plan's parameters, kept as data, applied by a pure function.

A scenario variant ("what if Nvidia's supply halves from 2026Q3") is the base plan
plus a few overrides, not a second copy of the plan: the variant follows every
later edit of the base, and a reviewer reads exactly what it changes. An override
names a value with the path vocabulary of :mod:`procure.domain.edits`
(``("chips", "h20", "supply")``, ``("limits", "max_weighted_risk")``,
``("fleet", 0, "retire_after")``), an operation and, for per-period fields, a
range of periods::

    Override(("chips", "h20", "supply"), 0.5, op="scale", start="2026Q3")
    Override(("chips", "*", "price"), 1.1, op="scale", start="2027Q1", end="2027Q4")
    Override(("limits", "category_share", "imported", "max"), 0.1)

``"*"`` in place of an id applies the override to every row of that list.
Operations: ``set`` (the value, or one value per period of the range), ``scale``
(multiply), ``add``, ``min`` (cap at the value) and ``max`` (floor at it). A
per-period field that is absent (no supply limit, no per-period budget, no
power cap) counts as unlimited: scaling it keeps it unlimited, and setting part of
its range writes :data:`NO_LIMIT` in the other periods, the spec's "very large
number" for no limit.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from procure.domain.edits import PER_PERIOD, EditPath, get_in, path_text, set_in
from procure.domain.model import CategoryShare, Scenario
from procure.errors import Problem, ValidationError

NO_LIMIT = 1e15
"""Written for "no limit" where an unlimited per-period field gets values in some periods."""

OPS = ("set", "scale", "add", "min", "max")
_UNLIMITED_WHEN_ABSENT = frozenset({"supply", "power_cap_kw", "per_period"})
_DEFAULT_WHEN_ABSENT = {"hours": 0.0, "energy_price": 0.0, "pue": 1.0}
_ROWS = ("vendors", "chips", "workloads", "fleet")
_DATA_KEYS = ("path", "op", "value", "from", "to")

Value = float | tuple[float, ...] | str | None


def _fail(location: str, message: str) -> ValidationError:
    return ValidationError([Problem(location, message)], "override")


@dataclass(frozen=True)
class Override:
    """One change of the base plan; see the module docstring for the vocabulary."""

    path: EditPath
    value: Value
    op: str = "set"
    start: str | None = None  # first period changed (per-period fields); None: the first
    end: str | None = None  # last period changed, inclusive; None: the last

    def describe(self) -> str:
        """``chips.h20.supply x0.5 from 2026Q3``: how the comparison table names it."""
        text = "/".join(str(p) for p in self.path)
        verb = {"set": "=", "scale": "x", "add": "+", "min": "at most ", "max": "at least "}
        value = self.value if not isinstance(self.value, tuple) else list(self.value)
        out = f"{text} {verb.get(self.op, self.op)}{value}"
        if self.start or self.end:
            out += f" ({self.start or 'start'} to {self.end or 'end'})"
        return out

    def to_data(self) -> dict[str, Any]:
        """The JSON object stored under ``x.procure.variants[].overrides``."""
        out: dict[str, Any] = {"path": list(self.path), "op": self.op}
        out["value"] = list(self.value) if isinstance(self.value, tuple) else self.value
        if self.start is not None:
            out["from"] = self.start
        if self.end is not None:
            out["to"] = self.end
        return out

    @classmethod
    def from_data(cls, data: Any, location: str = "override") -> Override:
        """Read an override object strictly: unknown keys and wrong types are errors."""
        if not isinstance(data, Mapping):
            raise _fail(location, "must be an object")
        unknown = sorted(set(data) - set(_DATA_KEYS))
        if unknown:
            raise _fail(location, f"unknown keys {unknown} (allowed: {', '.join(_DATA_KEYS)})")
        path = data.get("path")
        if (not isinstance(path, list) or not path
                or not all(isinstance(p, (str, int)) and not isinstance(p, bool) for p in path)):
            raise _fail(f"{location}.path", "must be a non-empty list of names and indices")
        op = data.get("op", "set")
        if op not in OPS:
            raise _fail(f"{location}.op", f"must be one of {', '.join(OPS)}, got {op!r}")
        value = data.get("value")
        if isinstance(value, list):
            value = tuple(value)
        for key in ("from", "to"):
            if data.get(key) is not None and not isinstance(data[key], str):
                raise _fail(f"{location}.{key}", "must be a period label")
        return cls(tuple(path), value, op, data.get("from"), data.get("to"))


def parse_override(path: str, op: str, value: str, start: str | None = None,
                   end: str | None = None) -> Override:
    """An override typed as text, as the command line and the GUI's table take it:
    the path joined with ``/`` (``chips/910c/supply``, ``fleet/0/units``), a number, a
    comma-separated list (one number per period) or text (``retire_after``)."""
    pieces = [p.strip() for p in path.strip().strip("/").split("/")]
    if not path.strip() or not all(pieces):
        raise _fail("path", f"{path!r} is not a path like chips/ID/price")
    parts: list[str | int] = []
    for piece in pieces:
        parts.append(int(piece) if parts and parts[-1] == "fleet" and piece.isdigit() else piece)
    if op not in OPS:
        raise _fail("op", f"must be one of {', '.join(OPS)}, got {op!r}")
    parsed: Value = value.strip()
    if not parsed:
        raise _fail("value", "a value is required")
    try:
        numbers = [float(v.replace("_", "")) for v in str(parsed).split(",")]
        parsed = numbers[0] if len(numbers) == 1 else tuple(numbers)
    except ValueError:
        pass  # text: a period label for retire_after, a name
    return Override(tuple(parts), parsed, op, start or None, end or None)


def apply_overrides(scenario: Scenario, overrides: Iterable[Override]) -> Scenario:
    """``scenario`` with every override applied in order (a new scenario; nothing mutated)."""
    for override in overrides:
        scenario = apply_override(scenario, override)
    return scenario


def apply_override(scenario: Scenario, override: Override) -> Scenario:
    """``scenario`` with one override applied; ValidationError if it does not fit."""
    if override.op not in OPS:
        raise _fail(path_text(override.path), f"unknown operation {override.op!r}")
    for path in expand_path(scenario, override.path):
        scenario = _apply_one(scenario, override, path)
    return scenario


def expand_path(scenario: Scenario, path: EditPath) -> list[EditPath]:
    """The concrete paths a path with ``"*"`` wildcards names (rows in their order)."""
    out: list[EditPath] = [()]
    for i, part in enumerate(path):
        if part == "*" and i > 0 and path[i - 1] in _ROWS:
            grown: list[EditPath] = []
            for prefix in out:
                rows = get_in(scenario, prefix, scenario.periods)
                keys = range(len(rows)) if path[i - 1] == "fleet" else [r.id for r in rows]
                grown += [(*prefix, key) for key in keys]
            out = grown
        else:
            out = [(*prefix, part) for prefix in out]
    return out


def _split_period(path: EditPath, periods: Sequence[str]) -> tuple[EditPath, str | None]:
    """``(..., "price", "2026Q2")`` -> (``(..., "price")``, ``"2026Q2"``)."""
    if len(path) >= 2 and _per_period(path[:-1]) and path[-1] in periods:
        return path[:-1], str(path[-1])
    return path, None


def _per_period(path: EditPath) -> bool:
    """A per-period field, including a version-2 exchange rate ``("fx", "USD")``."""
    return bool(path) and (path[-1] in PER_PERIOD or (len(path) == 2 and path[0] == "fx"))


def _apply_one(s: Scenario, o: Override, path: EditPath) -> Scenario:
    field_path, period = _split_period(path, s.periods)
    where = path_text(path)
    field = str(field_path[-1])
    if _per_period(field_path):
        start, end = (period, period) if period is not None else (o.start, o.end)
        if period is not None and (o.start or o.end):
            raise _fail(where, "names one period already; leave out from/to")
        current = get_in(s, field_path, s.periods)
        new = per_period_values(current, field, o, s.periods, start, end, where)
        return set_in(s, field_path, new, s.periods)
    if o.start is not None or o.end is not None:
        raise _fail(where, "is not a per-period value; from/to do not apply")
    s = _ensure_category_entry(s, field_path)
    current = get_in(s, field_path, s.periods)
    return set_in(s, field_path, _scalar(current, o, where), s.periods)


def _ensure_category_entry(s: Scenario, path: EditPath) -> Scenario:
    """Setting ``limits.category_share.<k>.max`` creates the entry ``k`` if it is absent."""
    if (len(path) == 4 and path[:2] == ("limits", "category_share")
            and s.limits.category_share.get(str(path[2])) is None):
        return set_in(s, path[:3], CategoryShare(), s.periods)
    return s


def _range(periods: Sequence[str], start: str | None, end: str | None, where: str) -> range:
    for label in (start, end):
        if label is not None and label not in periods:
            raise _fail(where, f"{label!r} is not one of the periods")
    first = periods.index(start) if start is not None else 0
    last = periods.index(end) if end is not None else len(periods) - 1
    if last < first:
        raise _fail(where, f"the range ends ({end}) before it starts ({start})")
    return range(first, last + 1)


def _combine(old: float, value: float, op: str) -> float:
    if op == "set":
        return value
    if op == "scale":
        return old * value
    if op == "add":
        return old + value
    return min(old, value) if op == "min" else max(old, value)


def _number(value: Any, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise _fail(where, f"needs a finite number, got {value!r}")
    return float(value)


def per_period_values(
    current: tuple[float, ...] | None, field: str, o: Override, periods: Sequence[str],
    start: str | None, end: str | None, where: str,
) -> tuple[float, ...] | None:
    """The new per-period tuple of ``field`` (None stays None when it stays unlimited)."""
    span = _range(periods, start, end, where)
    if isinstance(o.value, tuple):
        if len(o.value) != len(span):
            raise _fail(where, f"needs {len(span)} values (one per period of the range), "
                               f"got {len(o.value)}")
        values = [_number(v, where) for v in o.value]
    else:
        values = [_number(o.value, where)] * len(span)
    unlimited = current is None and field in _UNLIMITED_WHEN_ABSENT
    if current is None:
        fill = math.inf if unlimited else _DEFAULT_WHEN_ABSENT.get(field, 0.0)
        current = (fill,) * len(periods)
    out = list(current)
    for t, value in zip(span, values, strict=True):
        out[t] = _combine(out[t], value, o.op)
    if unlimited and all(math.isinf(v) for v in out):
        return None
    return tuple(NO_LIMIT if math.isinf(v) else v for v in out)


def _scalar(current: Any, o: Override, where: str) -> Any:
    if isinstance(o.value, tuple):
        raise _fail(where, "is one value, not one per period")
    if o.op == "set":
        return o.value
    if isinstance(current, bool) or not isinstance(current, (int, float)):
        raise _fail(where, f"'{o.op}' needs a number to change (it is {current!r}); use 'set'")
    new = _combine(float(current), _number(o.value, where), o.op)
    return round(new) if isinstance(current, int) else new


__all__ = [
    "NO_LIMIT", "OPS", "Override", "apply_override", "apply_overrides", "expand_path",
    "parse_override",
]
