"""Which binding limits matter, in one order and one count for every view.

The CLI (``procure explain``), the window's Binding limits tab, the memo and the
workbook all rank binding limits here, so they agree on which comes first and on how
many there are. The rules:

* only rows that bind with a price count (a binding row whose shadow price is
  negligible changes nothing if relaxed);
* the limits a planner sets (budgets, shares, risk, coverage, supply, power, demand)
  come first, above the rows that follow from the plan (capacity: "units in
  service"), which are listed after them and never counted as levers;
* within each part, the costliest first: what relaxing the limit by one percent of
  its size (one percentage point for a share, 0.01 for the risk limit) would save;
* each price is given per the step a planner thinks in (:attr:`RowKind.step`: one
  percentage point, 0.01 of risk, one currency unit, one kW, one unit, one PFLOP/s),
  the same step the limit's sentence uses, and it is the price the sentence states:
  one more PFLOP/s of demand also moves the outage rows of that workload and period,
  so its price includes theirs (:func:`procure.metrics.demand_price`).
"""

from __future__ import annotations

from dataclasses import dataclass

from procure.domain.constraints import DEMAND, Group, RowKind, find_kind
from procure.domain.result import ConstraintReport, Result
from procure.metrics import demand_price

NEGLIGIBLE = 1e-9  # a shadow price below this share of the total cost is not worth a line


@dataclass(frozen=True)
class RankedLimit:
    """A binding row with a price, as every view ranks and prices it."""

    report: ConstraintReport
    kind: RowKind | None
    price: float = 0.0  # change of total cost per 1.0 of the limit, as its sentence says

    @property
    def planner_set(self) -> bool:
        return self.kind is None or self.kind.planner_set

    @property
    def group(self) -> Group:
        return self.kind.group if self.kind is not None else Group.DERIVED

    @property
    def step(self) -> float:
        """The step the price is given per (0.01 of a share or risk limit, else 1)."""
        return self.kind.step if self.kind is not None else 1.0

    @property
    def price_per_step(self) -> float:
        """Change of total cost per step of the limit (:attr:`price` x step)."""
        return self.price * self.step

    @property
    def impact(self) -> float:
        """What relaxing it a natural amount is worth: one step of a share or risk limit,
        one percent of the right-hand side of the others."""
        price = abs(self.price)
        if self.kind is not None and self.kind.share:
            return price * self.step
        return price * max(abs(self.report.rhs), 1.0) * 0.01


def ranked_limits(result: Result) -> list[RankedLimit]:
    """Binding rows with a price: the planner's limits first, costliest first, then the
    derived ones (capacity)."""
    scale = max(abs(result.objective or 0.0), 1.0)
    hot = [RankedLimit(c, find_kind(c.name), price_of(result, c)) for c in result.constraints
           if c.binding and c.shadow_price is not None
           and abs(c.shadow_price) > NEGLIGIBLE * scale]
    hot.sort(key=lambda r: (not r.planner_set, -r.impact, r.report.name))
    return hot


def price_of(result: Result, report: ConstraintReport) -> float:
    """The price a limit's sentence states: for demand, with the outage rows it moves."""
    if find_kind(report.name) is DEMAND:
        full = demand_price(result, report.name)
        if full is not None:
            return full
    return report.shadow_price or 0.0


def planner_limits(result: Result) -> list[RankedLimit]:
    """Only the limits a planner sets, in rank order."""
    return [r for r in ranked_limits(result) if r.planner_set]


def binding_count(result: Result) -> int:
    """How many limits a planner sets bind at a cost: the one count every view gives."""
    return len(planner_limits(result))
