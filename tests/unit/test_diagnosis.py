"""Infeasible scenarios: the expected diagnosis, and relaxations that really work."""

from __future__ import annotations

import pytest
from factories import build, two_vendor_data, with_chip, with_vendor
from plan_checker import check_plan

from procure.domain.result import SolveStatus
from procure.explain import explain
from procure.formats.result_json import result_from_data, result_to_data
from procure.optimiser import solve
from procure.relaxation import apply_relaxations


def diagnose(data):
    scenario = build(data)
    result = solve(scenario)
    assert result.status is SolveStatus.INFEASIBLE
    assert result.objective is None and result.cost is None
    assert result.constraints == () and result.buy == {}
    assert result.diagnosis, "an infeasible result must say what to relax"
    fixed = apply_relaxations(scenario, result.diagnosis)
    again = solve(fixed)
    assert again.status is SolveStatus.OPTIMAL, result.diagnosis
    assert check_plan(fixed, again)[0] == []
    return {d.constraint: d for d in result.diagnosis}


def test_total_budget_too_small():
    """10 PFLOP/s at 100 a unit needs 1,000; the budget is 600."""
    data = two_vendor_data(budget={"total": 600})
    found = diagnose(data)
    assert list(found) == ["budget:total"]
    assert found["budget:total"].relax_by == pytest.approx(400, rel=1e-5)
    assert found["budget:total"].message == "Raise the total budget by 400 CNY."


def test_period_budget_message_names_the_period():
    data = two_vendor_data(periods=["2026Q3"], currency="CNY", budget={"per_period": 2e8})
    data["workloads"][0]["demand"] = 3e6  # 3 M units at 100 = 300 m
    found = diagnose(data)
    assert found["budget:2026Q3"].relax_by == pytest.approx(1e8, rel=1e-5)
    assert found["budget:2026Q3"].message == "Raise the 2026Q3 budget by 100 m CNY."


def test_short_supply_asks_for_more_supply():
    """Only chip a can serve and only 4 can be had: secure 6 more."""
    data = two_vendor_data(workloads=[{"id": "w", "demand": 10, "efficiency": {"a": 1}}])
    found = diagnose(with_chip(data, "a", supply=4))
    assert list(found) == ["supply:a:P1"]
    assert found["supply:a:P1"].relax_by == pytest.approx(6, rel=1e-5)
    assert "Secure 6 more units of a in P1" in found["supply:a:P1"].message


def test_vendor_cap_relaxation_in_units_of_the_limit():
    """A may take 30% but B's chip is 10x dearer per PFLOP/s and capped in supply: the
    cheapest fix lets A take more: with 4 b (600) A needs 6 a (600), i.e. 50%."""
    data = with_vendor(two_vendor_data(), "A", max_share=0.3)
    data = with_chip(data, "b", supply=4)
    found = diagnose(data)
    assert "vendor_share:A" in found
    relax = found["vendor_share:A"]
    assert relax.relax_by == pytest.approx(0.2, rel=1e-4)
    assert relax.message == "Let A take 50.0% instead of 30.0% of new spend."


def test_existing_fleet_over_the_power_cap():
    data = two_vendor_data(power_cap_kw=5, fleet=[{"chip": "a", "units": 20}])
    found = diagnose(with_chip(data, "a", power_kw=1))
    assert found["power:P1"].relax_by == pytest.approx(15, rel=1e-5)
    assert found["power:P1"].message == "Provide 15 kW more power in P1."


def test_contradictory_category_limits():
    data = two_vendor_data(limits={"category_share": {"domestic": {"min": 0.7, "max": 0.5}}})
    found = diagnose(data)
    assert set(found) & {"category_min:domestic", "category_max:domestic"}
    assert sum(d.relax_by for d in found.values()) == pytest.approx(0.2, rel=1e-4)


def test_outage_coverage_without_a_second_vendor():
    """Only A's chip can serve the workload, so no capacity survives A's outage."""
    data = two_vendor_data(
        workloads=[{"id": "w", "demand": 10, "efficiency": {"a": 1}}],
        limits={"outage_coverage": 0.3},
    )
    found = diagnose(data)
    assert list(found) == ["outage:A:w:P1"]
    assert found["outage:A:w:P1"].relax_by == pytest.approx(3, rel=1e-5)
    assert "outage of A" in found["outage:A:w:P1"].message


def test_demand_nobody_can_serve_is_dropped():
    data = two_vendor_data(workloads=[{"id": "w", "demand": 10, "efficiency": {}}])
    found = diagnose(data)
    assert found["demand:w:P1"].relax_by == pytest.approx(10, rel=1e-5)


def test_integer_mode_infeasible():
    data = with_chip(two_vendor_data(integer=True, budget={"total": 950}), "a", lot_size=4)
    found = diagnose(data)
    assert "budget:total" in found


def test_infeasible_result_round_trips_and_explains():
    scenario = build(two_vendor_data(budget={"total": 600}))
    result = solve(scenario)
    data = result_to_data(result)
    assert data["objective"] is None and data["cost"] is None
    assert data["constraints"] == [] and data["buy"] == {}
    assert data["diagnosis"][0]["constraint"] == "budget:total"
    again = result_from_data(data)
    assert again.diagnosis == result.diagnosis
    text = explain(again)
    assert "infeasible" in text and "Raise the total budget by 400 CNY." in text


def test_an_integer_diagnosis_applied_makes_the_plan_feasible_to_the_last_lot():
    """Found by the property test: one vendor capped at 30% of spend, whole units only.
    The elastic search left one demand relaxation short by solver tolerance, so the
    relaxed plan was infeasible by a hair (a whole lot short). Relaxations now carry the
    row's own feasibility tolerance, and a plan that the MIP calls infeasible by less than
    the spec's tolerance is taken from the elastic model (re-checked) instead of an error."""
    import json
    from pathlib import Path

    from procure.formats.scenario_json import scenario_from_data
    from procure.relaxation import apply_relaxations

    data = json.loads((Path(__file__).resolve().parents[1] / "data" / "integer-hair.json")
                      .read_text())
    s = scenario_from_data(data)
    r = solve(s)
    assert r.status is SolveStatus.INFEASIBLE
    fixed = apply_relaxations(s, r.diagnosis)
    again = solve(fixed)
    assert again.status is SolveStatus.OPTIMAL
    assert check_plan(fixed, again)[0] == []
    # The same plan with the old, a-hair-too-small relaxation of the last demand:
    data["budget"] = {"total": 500.0001331}
    data["vendors"][0]["max_share"] = 1
    data["workloads"][0]["demand"] = [0, 1.0499899500000023, 10.850000850001098]
    hair = scenario_from_data(data)
    result = solve(hair)
    assert result.status is SolveStatus.OPTIMAL
    assert check_plan(hair, result)[0] == []
