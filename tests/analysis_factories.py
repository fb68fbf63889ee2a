"""Small plans whose stress, sweep and Monte Carlo answers can be worked out by hand."""

from __future__ import annotations

from typing import Any

from factories import build, two_vendor_data

from procure.domain.model import Scenario


def three_periods(**overrides: Any) -> Scenario:
    """P1..P3. Vendor A (imported) sells chip a at 100 with lead time 1; vendor B (domestic)
    sells chip b at 150 with lead time 0; both 1 PFLOP/s at efficiency 1; demand 0, 10, 10.
    Optimum: 10 units of a ordered in P1 (in service from P2), cost 1,000."""
    data: dict[str, Any] = {
        "format": "procure-scenario/1",
        "name": "three periods",
        "periods": ["P1", "P2", "P3"],
        "vendors": [
            {"id": "A", "category": "imported", "risk": 0.5},
            {"id": "B", "category": "domestic", "risk": 0.1},
        ],
        "chips": [
            {"id": "a", "vendor": "A", "peak_pflops": 1, "price": 100, "lead_time": 1},
            {"id": "b", "vendor": "B", "peak_pflops": 1, "price": 150},
        ],
        "workloads": [{"id": "w", "demand": [0, 10, 10], "efficiency": {"a": 1, "b": 1}}],
    }
    data.update(overrides)
    return build(data)


def domestic_exit() -> Scenario:
    """P1..P3, demand 10 throughout. Domestic vendor A's chip a costs 100, vendor B's chip b
    150, both lead time 0. Optimum: 10 a in P1, cost 1,000."""
    data = two_vendor_data(periods=["P1", "P2", "P3"])
    data["vendors"][0]["category"] = "domestic"
    return build(data)


def in_house_ramp() -> Scenario:
    """P1..P3, demand 0, 10, 10. In-house chip c at 80 can be had from P2 (supply 0, 10, 10);
    domestic chip b at 150; lead times 0. Optimum: 10 c in P2, cost 800."""
    data = two_vendor_data(periods=["P1", "P2", "P3"])
    data["vendors"][0] = {"id": "own", "category": "in-house", "risk": 0.3}
    data["chips"][0] = {"id": "c", "vendor": "own", "peak_pflops": 1, "price": 80,
                        "supply": [0, 10, 10]}
    data["workloads"][0]["demand"] = [0, 10, 10]
    data["workloads"][0]["efficiency"] = {"c": 1, "b": 1}
    return build(data)


def one_vendor_fleet(periods: int = 4, units: float = 10.0) -> Scenario:
    """One vendor whose existing fleet of ``units`` exactly meets a demand of ``units``
    PFLOP/s in every period: nothing to buy, and any disruption is a shortfall."""
    labels = [f"P{i + 1}" for i in range(periods)]
    return build({
        "format": "procure-scenario/1",
        "periods": labels,
        "vendors": [{"id": "A", "category": "imported", "risk": 0.5}],
        "chips": [{"id": "a", "vendor": "A", "peak_pflops": 1, "price": 100, "supply": 0}],
        "workloads": [{"id": "w", "demand": units, "efficiency": {"a": 1}}],
        "fleet": [{"chip": "a", "units": units}],
    })


def hedge_plan_data(**top: Any) -> dict[str, Any]:
    """Chip a at 100 in P1 and 150 after; demand 10 from P2 (the base plan) or 20 (the
    stored what-if "high"); "broke" caps the budget from P2. The hedge of "high" at 60%
    buys 10 in P1: expected cost 1,900 (see ``tests/analysis/test_hedge_cli.py``)."""
    data: dict[str, Any] = {
        "format": "procure-scenario/1",
        "name": "hand plan",
        "periods": ["P1", "P2", "P3"],
        "vendors": [{"id": "A", "category": "imported", "risk": 0.1}],
        "chips": [{"id": "a", "vendor": "A", "name": "Alpha", "peak_pflops": 1,
                   "price": [100, 150, 150]}],
        "workloads": [{"id": "w", "demand": [0, 10, 10], "efficiency": {"a": 1}}],
        "x": {"procure": {"variants": [
            {"name": "high", "overrides": [
                {"path": ["workloads", "w", "demand"], "op": "set", "value": 20, "from": "P2"}]},
            {"name": "broke", "overrides": [
                {"path": ["budget", "total"], "op": "set", "value": 500}], "event": "P2"},
        ]}},
    }
    data.update(top)
    return data
