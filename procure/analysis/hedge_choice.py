"""What the window's Hedge tab needs from a hedge besides the solve: the planner's
probabilities checked, the early orders side by side, and adopting them as an edit.

Kept out of Qt so that the rules (probabilities in whole percent summing to at most
100, the base plan taking the rest; adopted orders becoming version-2 fleet entries
arriving in their period) are the same for every front end and tested plainly.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from procure.analysis.hedge import HedgeResult
from procure.domain.edits import AddRows, Edit, EditGroup, SetField
from procure.domain.model import FleetEntry, Scenario

SMALL = 1e-6
ADOPTED_KEY = "hedge"  # FleetEntry.x["procure"]["adopted"]: where an adopted order came from


def base_percent(percents: Sequence[float]) -> float:
    """What the base plan gets: 100% less the what-ifs' share."""
    return 100.0 - math.fsum(percents)


def probability_problem(choices: Sequence[tuple[str, float]]) -> str | None:
    """Why the chosen what-ifs' probabilities (in percent) cannot be hedged, or None."""
    if not choices:
        return "Choose at least one what-if to hedge against."
    for name, p in choices:
        if not p > 0:
            return f"The what-if {name!r} has probability {p:g}%: give it more than 0%."
    total = math.fsum(p for _, p in choices)
    if total > 100.0 + 1e-9:
        return (f"The what-ifs' probabilities add up to {total:g}%, more than 100%: "
                "lower them so that they sum to 100% at most (the base plan gets the rest).")
    return None


@dataclass(frozen=True)
class OrderRow:
    """One chip and period of the early orders: the hedge's and the unhedged plan's."""

    chip: str
    period: str
    hedged: float
    unhedged: float | None


def order_rows(result: HedgeResult) -> list[OrderRow]:
    """The here-and-now orders next to the reference plan's, rows where either orders."""
    ref = result.reference.here_and_now or {}
    rows = []
    for chip, by_period in (result.here_and_now or {}).items():
        for period, units in by_period.items():
            theirs = ref.get(chip, {}).get(period)
            if units > SMALL or (theirs is not None and theirs > SMALL):
                rows.append(OrderRow(chip, period, units, theirs))
    return rows


def adopt_orders(scenario: Scenario, result: HedgeResult, name: str = "") -> Edit | None:
    """The one edit that commits the hedge's early orders to the plan (None: no orders).

    A committed order is what the plan already owns from its period on, which is what a
    version-2 fleet entry with ``in_service_from`` says; the plan becomes version 2 in the
    same edit, so one undo takes both back.
    """
    rows = order_rows(result)
    entries = [FleetEntry(r.chip, r.hedged, None,
                          {"procure": {"adopted": {ADOPTED_KEY: name or result.name or ""}}},
                          r.period)
               for r in rows if r.hedged > SMALL]
    if not entries:
        return None
    edits: list[Edit] = []
    if scenario.version != 2:
        edits.append(SetField(("version",), 2))
    start = len(scenario.fleet)
    edits.append(AddRows("fleet", tuple((start + i, e) for i, e in enumerate(entries))))
    return EditGroup(tuple(edits), "Adopt the hedge's orders")


__all__ = ["OrderRow", "adopt_orders", "base_percent", "order_rows", "probability_problem"]
