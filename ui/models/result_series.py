"""The series the result charts draw, read from a result (and the scenario's prices).

The result file states spend by vendor, category, period and chip, but not by
category *and* period; the stacked spend chart needs that, so it is summed here
from the orders and the prices. (Asked of the core as ``spend["by_category_period"]``;
when the result carries it, it is used as is.)
"""

from __future__ import annotations

from collections.abc import Sequence

from procure.domain.model import Scenario
from procure.domain.result import Result

Series = list[tuple[str, list[float]]]


def result_periods(result: Result) -> list[str]:
    for by_period in result.buy.values():
        return list(by_period)
    return []


def spend_by_category_period(result: Result, scenario: Scenario) -> Series:
    """``[(category, [spend per period])]`` in the scenario's category order."""
    periods = result_periods(result)
    given = result.spend.get("by_category_period")
    if given:
        return [(k, [float(v.get(p, 0.0)) for p in periods]) for k, v in given.items()]
    category = {v.id: v.category for v in scenario.vendors}
    chips = {c.id: c for c in scenario.chips}
    index = {p: i for i, p in enumerate(scenario.periods)}
    totals: dict[str, list[float]] = {k: [0.0] * len(periods) for k in scenario.categories()}
    for chip_id, by_period in result.buy.items():
        chip = chips.get(chip_id)
        if chip is None or chip.vendor not in category:
            continue
        row = totals.setdefault(category[chip.vendor], [0.0] * len(periods))
        for j, period in enumerate(periods):
            if period in index:
                row[j] += float(by_period.get(period, 0.0)) * chip.price[index[period]]
    return [(k, v) for k, v in totals.items() if any(v)]


def served_and_demand(result: Result) -> list[tuple[str, list[float], list[float]]]:
    """Per workload: effective compute assigned and demand, per period (PFLOP/s).

    Read from the ``demand:{workload}:{period}`` rows: their right-hand side is the
    demand and their left-hand side the compute assigned plus any shortfall.
    """
    periods = result_periods(result)
    served: dict[str, dict[str, float]] = {}
    demand: dict[str, dict[str, float]] = {}
    for report in result.constraints:
        if report.kind != "demand" or len(report.parts) != 2:
            continue
        workload, period = report.parts
        short = (result.shortfall or {}).get(workload, {}).get(period, 0.0)
        served.setdefault(workload, {})[period] = report.lhs - short
        demand.setdefault(workload, {})[period] = report.rhs
    return [
        (w, [served[w].get(p, 0.0) for p in periods], [demand[w].get(p, 0.0) for p in periods])
        for w in served
    ]


def fold_small(items: Sequence[tuple[str, float]], keep: int,
               other: str) -> list[tuple[str, float]]:
    """The ``keep`` largest items, the rest summed as ``other`` (so a pie stays readable)."""
    ranked = sorted(items, key=lambda kv: -kv[1])
    head, tail = ranked[:keep], ranked[keep:]
    rest = sum(v for _, v in tail)
    return head + ([(other, rest)] if rest > 0 else [])
