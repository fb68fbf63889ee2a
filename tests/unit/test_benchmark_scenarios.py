"""The benchmark scenario generator gives valid, feasible, reproducible scenarios.

No timing assertions here: the benchmarks measure time, the tests only check
that what they measure is a sound scenario.
"""

from __future__ import annotations

import pytest

from benchmarks.scenarios import generate
from procure.domain.validation import ensure_valid
from procure.optimiser import solve

SMALL = (20, 4, 8)


def test_small_scenario_is_valid_and_feasible() -> None:
    scenario = ensure_valid(generate(*SMALL))

    assert len(scenario.chips) == 20
    assert len(scenario.workloads) == 4
    assert len(scenario.periods) == 8
    assert {v.category for v in scenario.vendors} == {"imported", "domestic", "in-house"}
    result = solve(scenario)
    assert result.status.value == "optimal"
    binding = {c.name.split(":")[0] for c in result.constraints if c.binding}
    assert "outage" in binding
    assert binding & {"vendor_share", "category_min", "category_max", "weighted_risk"}


def test_demand_grows_and_about_half_the_pairs_are_eligible() -> None:
    scenario = generate(100, 10, 12)

    for w in scenario.workloads:
        assert all(a <= b for a, b in zip(w.demand, w.demand[1:], strict=False))
        assert w.demand[-1] > w.demand[0]
    pairs = sum(len(w.efficiency) for w in scenario.workloads)
    assert 0.4 < pairs / (100 * 10) < 0.6


def test_same_seed_same_scenario_other_seed_other_scenario() -> None:
    assert generate(*SMALL, seed=3) == generate(*SMALL, seed=3)
    assert generate(*SMALL, seed=3) != generate(*SMALL, seed=4)


@pytest.mark.parametrize("rows", [1, 500])
def test_fleet_rows_gives_that_many_fleet_entries(rows: int) -> None:
    scenario = ensure_valid(generate(*SMALL, fleet_rows=rows))

    assert len(scenario.fleet) == rows
    assert solve(scenario).status.value == "optimal"
