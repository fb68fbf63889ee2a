"""The parts every stress template shares: the base class, parameter metadata, selection.

See :mod:`procure.analysis.templates` for the templates themselves. A template's
parameters are dataclass fields made with :func:`param`, whose metadata (label, kind,
help) lets the GUI draw the form; :func:`targets` picks the chips a template applies to
and :func:`blocked` is the "imports stop arriving" mechanics two templates share.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import MISSING, dataclass, field, fields
from typing import Any, ClassVar

from procure.analysis.overrides import Override
from procure.analysis.vintages import TemplatePlan, VintageSpec
from procure.domain.model import Chip, Scenario
from procure.errors import Problem, ValidationError

IN_TRANSIT = ("stranded", "cancelled", "delivered")


def param(label: str, kind: str, default: Any = MISSING, help: str = "") -> Any:
    """A template parameter: its form label and kind (period, vendors, fraction, ...)."""
    meta = {"label": label, "kind": kind, "help": help}
    if default is MISSING:
        return field(metadata=meta)
    return field(default=default, metadata=meta)


def fail(where: str, message: str) -> ValidationError:
    return ValidationError([Problem(where, message)], "stress template")


def period_index(s: Scenario, label: str | None, where: str, default: int | None = None) -> int:
    if label is None:
        if default is None:
            raise fail(where, "a period is required")
        return default
    if label not in s.periods:
        raise fail(where, f"{label!r} is not one of the periods")
    return s.periods.index(label)


def targets(
    s: Scenario, chips: Sequence[str], vendors: Sequence[str], categories: Sequence[str] = (),
    default_categories: Sequence[str] = (),
) -> list[Chip]:
    """The chips named, of the vendors named, of the categories named (or of the defaults)."""
    known_v = {v.id: v for v in s.vendors}
    known_c = {c.id for c in s.chips}
    problems = [Problem("chips", f"unknown chip {c!r}") for c in chips if c not in known_c]
    problems += [Problem("vendors", f"unknown vendor {v!r}") for v in vendors if v not in known_v]
    if problems:
        raise ValidationError(problems, "stress template")
    if not (chips or vendors or categories):
        categories = default_categories
    picked_v = set(vendors) | {v.id for v in s.vendors if v.category in set(categories)}
    return [c for c in s.chips if c.id in set(chips) or c.vendor in picked_v]


def orderable(chip: Chip, t: int) -> bool:
    return chip.supply is None or chip.supply[t] > 0


@dataclass(frozen=True)
class StressTemplate:
    """Base of the templates; subclasses set ``kind``, ``title`` and define :meth:`plan`."""

    kind: ClassVar[str] = ""
    title: ClassVar[str] = ""

    def plan(self, s: Scenario) -> TemplatePlan:
        raise NotImplementedError

    def label(self, s: Scenario | None = None) -> str:
        """A short name for tables and charts."""
        return self.title

    def to_data(self) -> dict[str, Any]:
        out: dict[str, Any] = {"template": self.kind}
        for f in fields(self):
            value = getattr(self, f.name)
            if value is None or value == () or (f.default is not MISSING and value == f.default):
                continue
            out[f.name] = list(value) if isinstance(value, tuple) else value
        return out


def blocked(
    s: Scenario, chips: list[Chip], start: int, end: int | None, in_transit: str
) -> tuple[list[Override], list[VintageSpec], list[tuple[str, int]]]:
    """Imports stop arriving in [start, end]: no orders that would arrive then; in transit."""
    n = len(s.periods)
    overrides: list[Override] = []
    vintages: list[VintageSpec] = []
    cancelled: list[tuple[str, int]] = []
    last_arrival = n - 1 if end is None else end
    for c in chips:
        lead = c.lead_time
        last_order = n - 1 if end is None else min(end - lead, n - 1)
        if last_order >= start:
            overrides.append(Override(("chips", c.id, "supply"), 0.0, "set",
                                      s.periods[start], s.periods[last_order]))
        for tau in range(max(0, start - lead), min(start, last_arrival - lead + 1)):
            if not orderable(c, tau) or in_transit == "delivered":
                continue
            if in_transit == "stranded":
                vintages.append(VintageSpec(c.id, tau, blocked=True))
            else:
                cancelled.append((c.id, tau))
    return overrides, vintages, cancelled


def describe_chips(s: Scenario, chips: list[Chip]) -> str:
    vendors = {v.id: v.name or v.id for v in s.vendors}
    picked = list(dict.fromkeys(c.vendor for c in chips))
    all_of = all(c.vendor not in picked or c in chips for c in s.chips)
    if picked and all_of and len(picked) <= 2:
        return " and ".join(vendors[v] for v in picked)
    names = [c.name or c.id for c in chips]
    return ", ".join(names[:3]) + (f" (+{len(names) - 3})" if len(names) > 3 else "")


@functools.cache
def _catalogue_memory() -> dict[str, str]:
    from procure.catalogue import load_catalogue

    try:
        entries = load_catalogue()
    except (OSError, ValueError):
        return {}
    return {a["id"]: a.get("memory_type") or "" for a in entries}


def memory_type(chip: Chip) -> str:
    """A chip's memory type: its ``x.memory_type``, else the catalogue entry it came from."""
    x = chip.x or {}
    if isinstance(x.get("memory_type"), str):
        return x["memory_type"]
    return _catalogue_memory().get(str(x.get("catalogue_id", "")), "")


def choice(value: str) -> str:
    if value not in IN_TRANSIT:
        raise fail("in_transit", f"must be one of {', '.join(IN_TRANSIT)}, got {value!r}")
    return value


__all__ = [
    "IN_TRANSIT",
    "StressTemplate",
    "blocked",
    "choice",
    "describe_chips",
    "fail",
    "memory_type",
    "orderable",
    "param",
    "period_index",
    "targets",
]
