"""Purchases as a decision maker orders them: whole units, whole lots where lots are given.

The optimiser solves a continuous plan unless the scenario asks for integer mode, so
a result may buy 153,078.8 H200 where the lot size is 8. Nobody orders 0.8 of a chip.
The memo and the workbook therefore present each order (chip, period) rounded **up**
to whole lots (a lot size of 1 means whole units): rounding up keeps every unit of
capacity the plan relies on, so demand and outage coverage still hold; it may spend a
little more than the optimiser's figures, and that difference is stated beside the
orders. The optimiser's own figures (cost, capex, shares) stay those of the plan as
solved; for a plan whose figures are whole lots throughout, solve in integer mode
(``"integer": true``). See docs/exports.md, "Whole units".
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from procure.domain.model import Scenario
from procure.domain.result import Result

NOISE = 1e-6  # a fraction of a lot below this is the solver's rounding, not an order


@dataclass(frozen=True)
class Order:
    chip: str
    period: str
    lot_size: int
    lots: int
    as_solved: float  # the optimiser's units

    @property
    def units(self) -> int:
        return self.lots * self.lot_size


@dataclass(frozen=True)
class WholeOrders:
    """The plan's orders in whole lots, and what rounding them up adds."""

    orders: tuple[Order, ...]
    added_units: float
    added_capex: float

    @property
    def rounded(self) -> bool:
        """Whether any order changed (a plan solved in integer mode is whole already)."""
        return self.added_units > NOISE

    @property
    def total_units(self) -> int:
        return sum(o.units for o in self.orders)

    def units_of(self, chip: str) -> int:
        return sum(o.units for o in self.orders if o.chip == chip)

    def units(self, chip: str, period: str) -> int:
        return sum(o.units for o in self.orders if o.chip == chip and o.period == period)


def whole_orders(s: Scenario, r: Result) -> WholeOrders:
    """``r``'s purchases rounded up to whole lots of each chip, order by order."""
    chips = {c.id: c for c in s.chips}
    orders = []
    added_units = added_capex = 0.0
    for chip_id, per in r.buy.items():
        chip = chips.get(chip_id)
        lot = max(int(chip.lot_size), 1) if chip is not None else 1
        for period, units in per.items():
            if units <= NOISE * lot:
                continue
            lots = max(math.ceil(units / lot - NOISE), 1)
            orders.append(Order(chip_id, period, lot, lots, float(units)))
            extra = lots * lot - units
            if extra > NOISE:
                added_units += extra
                if chip is not None and period in s.periods:
                    added_capex += extra * chip.price[s.periods.index(period)]
    return WholeOrders(tuple(orders), added_units, added_capex)
