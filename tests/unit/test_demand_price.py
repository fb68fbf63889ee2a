"""The price of one more PFLOP/s of demand, as a planner means it (#11 review defect).

With outage coverage, raising a workload's demand also raises what must survive each
vendor's outage, so the sentence must give the demand row's price plus delta times the
outage rows' prices: checked here against a finite difference of the whole scenario.
"""

from __future__ import annotations

import copy

import pytest
from factories import build, two_vendor_data

from procure.explain import binding_limits
from procure.metrics import demand_price
from procure.optimiser import solve


def test_the_demand_price_includes_the_outage_rows_it_moves():
    """Half of 10 PFLOP/s must survive losing A or B: 5 a (100) + 5 b (150). One more
    PFLOP/s of demand is half a and half b: 125, although the demand row alone says 100."""
    data = two_vendor_data(limits={"outage_coverage": 0.5})
    base = solve(build(data))
    h = 1e-3
    moved = copy.deepcopy(data)
    moved["workloads"][0]["demand"] = 10 + h
    finite = (solve(build(moved)).objective - base.objective) / h
    assert finite == pytest.approx(125, rel=1e-6)
    assert demand_price(base, "demand:w:P1") == pytest.approx(finite, rel=1e-6)
    sentences = [s for c, s in binding_limits(base) if c.name == "demand:w:P1"]
    assert sentences and "125 CNY" in sentences[0]
