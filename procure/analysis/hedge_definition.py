"""What a hedge is: futures with probabilities, a decision horizon, a risk attitude.

Kept apart from the solving so that the file reader, the plan's what-ifs and the
GUI build the same object and have it checked by the same rules (the spec's
"same periods, same chips, same currency ..."), each problem located in the
hedge's own paths.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from procure.domain.model import Scenario
from procure.errors import Problem, ValidationError

PROBABILITY_TOLERANCE = 1e-9


@dataclass(frozen=True)
class HedgeScenario:
    """One future: its name, its probability and its complete scenario.

    ``location`` is where the scenario came from in the hedge's input
    (``scenarios[1].scenario`` or ``scenarios[1].file``), so a mismatch found
    later names the place a planner edits.
    """

    name: str
    probability: float
    scenario: Scenario
    location: str = ""
    x: Mapping[str, Any] | None = None
    order_map: Mapping[tuple[str, str], str | None] | None = None
    """(chip, period) -> the chip whose order stands for it in this future, or None.

    Only for futures made from a plan's stress templates, whose *vintage copies*
    (``h20@2026Q2``) carry the orders an event changes: a shared order of h20 in
    2026Q2 is an order of the copy in that future. None: the event cancels the
    order there (not delivered, not paid), so that future's order is not linked.
    A ``procure-hedge/1`` file has no such map: its futures share chip ids."""

    def order_chip(self, chip: str, period: str) -> str | None:
        if self.order_map is None:
            return chip
        return self.order_map.get((chip, period), chip)

    def copies(self) -> set[str]:
        return {c for c in (self.order_map or {}).values() if c is not None}


@dataclass(frozen=True)
class Hedge:
    """A two-stage plan to choose: one set of orders through ``decide_through``."""

    scenarios: tuple[HedgeScenario, ...]
    decide_through: str
    name: str | None = None
    cvar_alpha: float | None = None
    cvar_weight: float = 0.0
    reference: str | None = None
    x: Mapping[str, Any] | None = None
    risk_x: Mapping[str, Any] | None = None

    @property
    def reference_name(self) -> str:
        """The named reference, else the most probable future (the first on a tie)."""
        if self.reference is not None:
            return self.reference
        best = max(s.probability for s in self.scenarios)
        return next(s.name for s in self.scenarios if s.probability == best)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(s.name for s in self.scenarios)

    def decide_position(self) -> int:
        """Index of ``decide_through`` in the (common) periods."""
        return self.scenarios[0].scenario.periods.index(self.decide_through)


def _where(entry: HedgeScenario, index: int) -> str:
    return entry.location or f"scenarios[{index}].scenario"


def _lots(s: Scenario) -> dict[str, int]:
    return {c.id: c.lot_size for c in s.chips}


def _consistency(first: HedgeScenario, entry: HedgeScenario, index: int) -> list[Problem]:
    """The fields that must agree with the first future for the orders to be comparable."""
    a, b = first.scenario, entry.scenario
    where = _where(entry, index)
    against = f"the first future {first.name!r}"
    problems: list[Problem] = []
    if tuple(b.periods) != tuple(a.periods):
        problems.append(Problem(f"{where}.periods",
                                f"must be the same periods as {against} ({', '.join(a.periods)})"))
    ids_a = {c.id for c in a.chips} - first.copies()
    ids_b = {c.id for c in b.chips} - entry.copies()
    if ids_a != ids_b:
        parts = []
        if ids_a - ids_b:
            parts.append(f"missing {sorted(ids_a - ids_b)}")
        if ids_b - ids_a:
            parts.append(f"extra {sorted(ids_b - ids_a)}")
        problems.append(Problem(f"{where}.chips",
                                f"must have the same chip ids as {against} ({'; '.join(parts)})"))
    if a.integer != b.integer:
        problems.append(Problem(f"{where}.integer", f"must be {str(a.integer).lower()} as in "
                                f"{against}: orders in lots and in units cannot be shared"))
    elif a.integer and ids_a == ids_b and _lots(a) != _lots(b):
        differ = sorted(c for c in ids_a if _lots(a)[c] != _lots(b)[c])
        pos = {c.id: i for i, c in enumerate(b.chips)}
        problems.extend(Problem(f"{where}.chips[{pos[c]}].lot_size",
                                f"must be {_lots(a)[c]} as in {against} (integer mode shares "
                                "orders in lots)") for c in differ)
    if a.currency != b.currency:
        problems.append(Problem(f"{where}.currency",
                                f"must be the plan currency of {against} "
                                f"({a.currency or 'not given'}, got {b.currency or 'not given'}): "
                                "costs in different currencies cannot be added"))
    return problems


def _number_problem(value: Any, location: str, low: float, high: float,
                    high_open: bool) -> Problem | None:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        return Problem(location, "must be a number")
    if value < low or value > high or (high_open and value == high):
        closing = ")" if high_open else "]"
        return Problem(location, f"must be in [{low:g}, {high:g}{closing}, got {value:g}")
    return None


def _risk_problems(hedge: Hedge) -> list[Problem]:
    problems: list[Problem] = []
    weight = _number_problem(hedge.cvar_weight, "risk.cvar_weight", 0.0, 1.0, False)
    if weight:
        problems.append(weight)
    if hedge.cvar_alpha is not None:
        alpha = _number_problem(hedge.cvar_alpha, "risk.cvar_alpha", 0.0, 1.0, True)
        if alpha:
            problems.append(alpha)
    elif weight is None and hedge.cvar_weight > 0:
        problems.append(Problem("risk.cvar_alpha",
                                "is required when risk.cvar_weight is more than 0"))
    return problems


def _entry_problems(entries: Sequence[HedgeScenario]) -> list[Problem]:
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for i, entry in enumerate(entries):
        if not entry.name.strip():
            problems.append(Problem(f"scenarios[{i}].name", "must be non-empty text"))
        elif entry.name in seen:
            problems.append(Problem(f"scenarios[{i}].name", f"{entry.name!r} is also the "
                                    f"name of scenarios[{seen[entry.name]}]"))
        else:
            seen[entry.name] = i
        p = entry.probability
        if isinstance(p, bool) or not isinstance(p, int | float) or not math.isfinite(p):
            problems.append(Problem(f"scenarios[{i}].probability", "must be a number"))
        elif not p > 0:
            problems.append(Problem(f"scenarios[{i}].probability",
                                    f"must be more than 0, got {p:g}"))
    probabilities = [e.probability for e in entries]
    if entries and all(isinstance(p, int | float) and math.isfinite(p) for p in probabilities):
        total = math.fsum(probabilities)
        if abs(total - 1.0) > PROBABILITY_TOLERANCE:
            problems.append(Problem("scenarios", f"the probabilities must add up to 1, "
                                    f"they add up to {total:.12g}"))
    return problems


def hedge_problems(hedge: Hedge) -> list[Problem]:
    """Every problem of ``hedge`` across its futures; empty when it can be solved.

    The futures themselves are assumed valid scenarios (they were read or
    checked before); this checks only what makes them one hedge.
    """
    entries = hedge.scenarios
    if not entries:
        return [Problem("scenarios", "needs at least one future")]
    problems = _entry_problems(entries)
    first = entries[0]
    for i, entry in enumerate(entries[1:], start=1):
        problems.extend(_consistency(first, entry, i))
    if hedge.decide_through not in first.scenario.periods:
        problems.append(Problem("decide_through", f"{hedge.decide_through!r} is not one of the "
                                f"periods ({', '.join(first.scenario.periods)})"))
    if hedge.reference is not None and hedge.reference not in hedge.names:
        problems.append(Problem("reference", f"{hedge.reference!r} is not the name of a future "
                                f"({', '.join(repr(n) for n in hedge.names)})"))
    return problems + _risk_problems(hedge)


def ensure_valid_hedge(hedge: Hedge, source: str | None = None) -> Hedge:
    """``hedge`` unchanged, or :class:`ValidationError` with every problem."""
    problems = hedge_problems(hedge)
    if problems:
        raise ValidationError(problems, source or "hedge")
    return hedge


__all__ = ["Hedge", "HedgeScenario", "ensure_valid_hedge", "hedge_problems"]
