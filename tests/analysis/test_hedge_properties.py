"""Properties of hedges on random small cases.

Risk-neutral, the hedge is at least as good as the reference (its orders are
one candidate for the common orders) and at most as good as knowing the future
(each future's own optimum bounds its cost below), so both values are >= 0.
Every future's plan must also pass the independent checker, and the orders
through the horizon must be the same in every future.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from plan_checker import check_plan

from procure.analysis.hedge import solve_hedge
from procure.analysis.hedge_definition import Hedge, HedgeScenario
from procure.domain.result import SolveStatus
from procure.formats.scenario_json import scenario_from_data

PERIODS = ["P1", "P2", "P3"]


def _future(draw: st.DrawFn, integer: bool) -> dict[str, Any]:
    price = st.integers(50, 300)
    chips = [
        {"id": "a", "vendor": "A", "peak_pflops": 1, "lead_time": draw(st.integers(0, 1)),
         "price": [draw(price) for _ in PERIODS], "lot_size": 2 if integer else 1},
        {"id": "b", "vendor": "B", "peak_pflops": 2, "lead_time": 0,
         "price": [draw(price) for _ in PERIODS],
         "supply": [draw(st.integers(0, 10)) for _ in PERIODS]},
    ]
    if draw(st.booleans()):
        chips.reverse()  # the chip order may differ between futures
    return {
        "format": "procure-scenario/1",
        "periods": PERIODS,
        "vendors": [{"id": "A", "category": "imported", "risk": 0.5},
                    {"id": "B", "category": "domestic", "risk": 0.1}],
        "chips": chips,
        "workloads": [{"id": "w", "demand": [0] + [draw(st.integers(0, 30)) for _ in PERIODS[1:]],
                       "efficiency": {"a": 1, "b": draw(st.sampled_from([0.5, 1.0]))}}],
        "shortfall_penalty": draw(st.sampled_from([None, 400])),
        "integer": integer,
    }


@st.composite
def hedges(draw: st.DrawFn) -> Hedge:
    integer = draw(st.booleans())
    n = draw(st.integers(2, 3))
    weights = [draw(st.integers(1, 5)) for _ in range(n)]
    probs = [w / sum(weights) for w in weights]
    probs[-1] = 1.0 - sum(probs[:-1])
    entries = tuple(HedgeScenario(f"f{i}", p, scenario_from_data(_future(draw, integer)))
                    for i, p in enumerate(probs))
    return Hedge(entries, draw(st.sampled_from(PERIODS[:2])))


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hedges())
def test_values_are_non_negative_and_every_plan_is_sound(hedge: Hedge) -> None:
    r = solve_hedge(hedge)
    if r.status is SolveStatus.INFEASIBLE:
        assert r.diagnosis
        return
    assert r.status is SolveStatus.OPTIMAL
    tol = 1e-6 * max(1.0, abs(r.expected_cost))
    integer = hedge.scenarios[0].scenario.integer
    if integer:  # the MILP gap of 1e-6 applies to each solve
        tol = 1e-5 * max(1.0, abs(r.expected_cost))
    assert r.value_of_perfect_information >= -tol
    if r.value_of_hedging is not None:
        assert r.value_of_hedging >= -tol
    early = hedge.scenarios[0].scenario.periods[: hedge.decide_position() + 1]
    for entry, future in zip(hedge.scenarios, r.scenarios, strict=True):
        violations, objective = check_plan(entry.scenario, future.result)
        assert violations == []
        assert objective == pytest.approx(future.objective, rel=1e-6, abs=1e-6)
        for chip, by_period in r.here_and_now.items():
            for p in early:
                assert future.result.buy[chip][p] == pytest.approx(by_period[p], abs=1e-6)
