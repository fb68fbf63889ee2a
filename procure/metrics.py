"""Figures about a plan that the result file does not state: the weakest outage case.

The result gives weighted risk and HHI; how much of each workload survives the
loss of one vendor is computed here from the planned assignment, exactly as
the spec's outage rows count it (capacity already serving the workload, no
re-dispatch). It lives in the core, not in :mod:`procure.exports`, because it is
a figure of the plan, not of a file: the GUI's headline shows it as well as the
memo.
"""

from __future__ import annotations

from dataclasses import dataclass

from procure.domain.constraints import Group, find_kind
from procure.domain.model import Scenario
from procure.domain.result import Result


@dataclass(frozen=True)
class OutageCase:
    """The weakest outage case: the share of a workload's demand left if a vendor fails."""

    vendor: str
    workload: str
    period: str
    remaining: float


def weakest_outage(s: Scenario, r: Result) -> OutageCase | None:
    """For each vendor, workload and period, compute demand served without that vendor."""
    peak = {c.id: c.peak_pflops for c in s.chips}
    vendor_of = {c.id: c.vendor for c in s.chips}
    worst: OutageCase | None = None
    for w in s.workloads:
        for j, period in enumerate(s.periods):
            demand = w.demand[j]
            if demand <= 0:
                continue
            by_vendor: dict[str, float] = {}
            for chip in w.efficiency:
                eff = w.efficiency_by_period(chip, len(s.periods))[j]
                units = r.assign.get(chip, {}).get(w.id, {}).get(period, 0.0)
                by_vendor[vendor_of.get(chip, "")] = (
                    by_vendor.get(vendor_of.get(chip, ""), 0.0) + peak.get(chip, 0.0) * eff * units
                )
            total = sum(by_vendor.values())
            for v in s.vendors:
                remaining = (total - by_vendor.get(v.id, 0.0)) / demand
                if worst is None or remaining < worst.remaining - 1e-12:
                    worst = OutageCase(v.id, w.id, period, remaining)
    return worst


def demand_price(r: Result, name: str) -> float | None:
    """What one more PFLOP/s of demand ``demand:{w}:{t}`` costs in the scenario.

    The demand row's shadow price prices that row alone; but a planner who raises the
    demand also raises every outage row of the same workload and period (their
    right-hand side is delta x D), so the full price is the demand row's plus, for each
    such row, its shadow price times delta (its rhs over the demand's rhs).
    """
    try:
        row = r.constraint(name)
    except KeyError:
        return None
    if row.shadow_price is None:
        return None
    total = row.shadow_price
    workload, period = row.parts
    if row.rhs <= 0:
        return total
    for other in r.constraints:
        kind = find_kind(other.name)
        if kind is not None and kind.group is Group.COVERAGE and other.parts[-2:] == (
            workload, period
        ):
            total += (other.shadow_price or 0.0) * other.rhs / row.rhs
    return total
