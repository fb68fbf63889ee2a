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
            for chip, eff in w.efficiency.items():
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
