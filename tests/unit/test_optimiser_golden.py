"""Hand-derived optima, one scenario per constraint kind.

Each docstring shows the arithmetic; every plan is also re-checked by the
independent checker and its objective recomputed from the plan.
"""

from __future__ import annotations

import pytest
from factories import build, two_vendor, two_vendor_data, with_chip, with_vendor
from plan_checker import solved_and_checked

from procure.domain.result import SolveStatus
from procure.optimiser import solve

solved = solved_and_checked


def shadow(result, name):
    return result.constraint(name).shadow_price


def test_demand_only_buys_the_cheapest_chip():
    """10 PFLOP/s at 100 per PFLOP/s on chip a: 1,000; one more PFLOP/s costs 100."""
    r = solved(two_vendor())
    assert r.objective == pytest.approx(1000)
    assert r.buy["a"]["P1"] == pytest.approx(10)
    assert shadow(r, "demand:w:P1") == pytest.approx(100)
    assert r.constraint("demand:w:P1").binding
    assert r.share["by_vendor"] == pytest.approx({"A": 1.0, "B": 0.0})
    assert r.hhi == pytest.approx(1.0)
    assert r.weighted_risk == pytest.approx(0.5)


def test_supply_limit_moves_the_rest_to_the_dearer_chip():
    """Only 4 units of a: 4 x 100 + 6 x 150 = 1,300; one more a saves 150 - 100 = 50."""
    r = solved(build(with_chip(two_vendor_data(), "a", supply=4)))
    assert r.objective == pytest.approx(1300)
    assert shadow(r, "supply:a:P1") == pytest.approx(-50)
    assert shadow(r, "demand:w:P1") == pytest.approx(150)
    report = r.constraint("supply:a:P1")
    assert (report.lhs, report.rhs, report.slack) == pytest.approx((4, 4, 0))


def test_period_budget_pulls_purchases_forward():
    """a costs 100 in P1 and 200 in P2; demand 10 only in P2; the P1 budget of 500 buys 5
    early, the rest at 200: 500 + 1,000 = 1,500. One more CNY in P1 saves (200-100)/100 = 1."""
    data = two_vendor_data(
        periods=["P1", "P2"],
        chips=[{"id": "a", "vendor": "A", "peak_pflops": 1, "price": [100, 200]}],
        workloads=[{"id": "w", "demand": [0, 10], "efficiency": {"a": 1}}],
        budget={"per_period": [500, 1e6]},
    )
    r = solved(build(data))
    assert r.objective == pytest.approx(1500)
    assert r.buy["a"] == pytest.approx({"P1": 5, "P2": 5})
    assert shadow(r, "budget:P1") == pytest.approx(-1)
    assert r.constraint("budget:P2").binding is False


def test_total_budget_trades_capex_for_energy():
    """a: 100 capex + 1 kW x 100 energy = 200 a unit; b: 150, no power. Cheapest is 10 b
    (1,500), but the budget of 1,200 capex forces 6 a + 4 b: capex 1,200, energy 600.
    One more CNY of budget swaps 1/50 a for b: saves 50/50 = 1."""
    data = two_vendor_data(hours=100, energy_price=1, budget={"total": 1200})
    data = with_chip(data, "a", power_kw=1)
    r = solved(build(data))
    assert r.objective == pytest.approx(1800)
    assert r.cost.capex == pytest.approx(1200)
    assert r.cost.energy_new == pytest.approx(600)
    assert shadow(r, "budget:total") == pytest.approx(-1)


def test_power_cap():
    """a: 1 kW, b: 0.5 kW, cap 7 kW: x_a + 0.5 x_b <= 7 and x_a + x_b = 10 give 4 a + 6 b
    = 1,300; one more kW lets 2 b become 2 a: saves 100."""
    data = with_chip(with_chip(two_vendor_data(power_cap_kw=7), "a", power_kw=1), "b",
                     power_kw=0.5)
    r = solved(build(data))
    assert r.objective == pytest.approx(1300)
    assert shadow(r, "power:P1") == pytest.approx(-100)
    assert r.constraint("power:P1").lhs == pytest.approx(7)


@pytest.mark.parametrize(
    ("limits", "vendor_cap", "row", "expected_shadow"),
    [
        ({}, 0.5, "vendor_share:A", -480),
        ({"vendor_max_share": 0.5}, None, "vendor_share:A", -480),
        ({"category_share": {"domestic": {"min": 0.5}}}, None, "category_min:domestic", 480),
        ({"category_share": {"imported": {"max": 0.5}}}, None, "category_max:imported", -480),
    ],
)
def test_share_limits(limits, vendor_cap, row, expected_shadow):
    """Spend of A at most half: 100 x_a <= 0.5 (100 x_a + 150 x_b), x_a + x_b = 10 give
    x_a = 1500 a / (100 + 50 a) = 6 at a = 0.5: cost 1,500 - 50 x_a = 1,200.
    d cost / d a = -50 x 150,000 / 125^2 = -480 per 1.0 of the limit."""
    data = two_vendor_data(limits=limits)
    if vendor_cap is not None:
        data = with_vendor(data, "A", max_share=vendor_cap)
    r = solved(build(data))
    assert r.objective == pytest.approx(1200)
    assert r.buy["a"]["P1"] == pytest.approx(6)
    assert shadow(r, row) == pytest.approx(expected_shadow, rel=1e-6)
    assert r.share["by_vendor"]["A"] == pytest.approx(0.5)


def test_weighted_risk():
    """0.5 S_A + 0.1 S_B <= 0.3 S gives S_A <= S_B: 6 a + 4 b = 1,200.
    x_a = 1500 (rho - 0.1) / (35 + 50 rho): dx/drho = 24, so d cost/d rho = -1,200."""
    r = solved(two_vendor(limits={"max_weighted_risk": 0.3}))
    assert r.objective == pytest.approx(1200)
    assert r.weighted_risk == pytest.approx(0.3)
    assert shadow(r, "weighted_risk") == pytest.approx(-1200, rel=1e-6)


def test_outage_coverage_keeps_a_second_vendor_serving():
    """30% must survive either vendor's outage: x_b >= 3 (A dark) and x_a >= 3 (B dark):
    7 a + 3 b = 1,150. One more PFLOP/s that must survive A swaps an a for a b: +50."""
    r = solved(two_vendor(limits={"outage_coverage": 0.3}))
    assert r.objective == pytest.approx(1150)
    assert r.assign["b"]["w"]["P1"] == pytest.approx(3)
    assert shadow(r, "outage:A:w:P1") == pytest.approx(50)
    assert r.constraint("outage:B:w:P1").slack == pytest.approx(4)
    names = [c.name for c in r.constraints if c.kind == "outage"]
    assert names == ["outage:A:w:P1", "outage:B:w:P1"]


@pytest.mark.parametrize(("penalty", "objective", "shortfall"), [(120, 1200, 10), (200, 1500, 0)])
def test_shortfall_penalty(penalty, objective, shortfall):
    """Only b (150 per PFLOP/s) can serve: a penalty of 120 is cheaper than buying."""
    data = two_vendor_data(
        shortfall_penalty=penalty,
        workloads=[{"id": "w", "demand": 10, "efficiency": {"b": 1}}],
    )
    r = solved(build(data))
    assert r.objective == pytest.approx(objective)
    assert r.shortfall["w"]["P1"] == pytest.approx(shortfall)
    assert r.cost.shortfall_penalty == pytest.approx(penalty * shortfall)
    assert r.constraint("demand:w:P1").lhs == pytest.approx(10)


def test_lead_times_lifetimes_and_retirements():
    """5 existing units retire after P1; new units serve one period after ordering and only
    for one period, so P2 needs 5 ordered in P1 and P3 needs 5 ordered in P2:
    5 x 100 + 5 x 110 = 1,050. Orders in P3 could never serve."""
    data = two_vendor_data(
        periods=["P1", "P2", "P3"],
        chips=[{"id": "a", "vendor": "A", "peak_pflops": 1, "price": [100, 110, 120],
                "lead_time": 1, "lifetime": 1}],
        workloads=[{"id": "w", "demand": 5, "efficiency": {"a": 1}}],
        fleet=[{"chip": "a", "units": 5, "retire_after": "P1"}],
    )
    r = solved(build(data))
    assert r.objective == pytest.approx(1050)
    assert r.buy["a"] == pytest.approx({"P1": 5, "P2": 5, "P3": 0})
    assert r.in_service["a"] == pytest.approx({"P1": 5, "P2": 5, "P3": 5})


def test_energy_of_existing_fleet_is_reported_but_not_optimised():
    data = two_vendor_data(hours=10, energy_price=2, pue=1.5,
                           fleet=[{"chip": "b", "units": 4}])
    data = with_chip(data, "b", power_kw=1)
    r = solved(build(data))
    assert r.cost.energy_existing == pytest.approx(4 * 1 * 10 * 2 * 1.5)
    assert r.objective == pytest.approx(600)  # the 4 existing b cover 4; 6 a bought


def test_integer_mode_buys_whole_lots():
    """a comes in lots of 4: 2 lots (8 units, 800) plus 2 b (300) = 1,100 beats 3 lots (1,200)
    and 10 b (1,500)."""
    data = with_chip(two_vendor_data(integer=True), "a", lot_size=4)
    r = solved(build(data))
    assert r.objective == pytest.approx(1100)
    assert r.buy["a"]["P1"] == pytest.approx(8)
    assert r.buy["b"]["P1"] == pytest.approx(2)
    # With every order fixed, the remaining LP only assigns units: its duals are those of a
    # zero-cost problem, reported as the spec allows and labelled as such.
    assert r.x["shadow_prices"].startswith("duals of the LP")
    assert all(c.shadow_price is not None for c in r.constraints)
    assert r.x["mip_gap"] is not None


def test_example_matches_the_reference_objective(example_path):
    from procure.formats.scenario_json import read_scenario

    scenario = read_scenario(example_path)
    r = solved(scenario)
    assert r.objective == pytest.approx(36_732_599.05, rel=1e-6)
    assert r.share["by_vendor"] == pytest.approx({"nvidia": 0, "huawei": 0.4, "own": 0.6})
    assert shadow(r, "vendor_share:own") == pytest.approx(-31_082_886.955, rel=1e-6)
    assert shadow(r, "demand:infer:2026Q4") == pytest.approx(326_322.8487, rel=1e-6)


def test_no_purchases_gives_zero_shares():
    r = solved(two_vendor(fleet=[{"chip": "a", "units": 20}],
                          limits={"vendor_max_share": 0.1}))
    assert r.objective == pytest.approx(0)
    assert r.share["by_vendor"] == {"A": 0.0, "B": 0.0}
    assert r.weighted_risk == 0.0 and r.hhi == 0.0


def test_fixed_orders_are_held():
    """Holding 4 units of b (600) leaves 6 of a (600): 1,200 instead of 1,000."""
    from procure.optimiser import SolveOptions

    r = solve(two_vendor(), SolveOptions(fixed_orders={"b": {"P1": 4}}))
    assert r.objective == pytest.approx(1200)
    assert r.buy["a"]["P1"] == pytest.approx(6)
    assert r.buy["b"]["P1"] == pytest.approx(4)


def test_fixed_orders_over_budget_are_diagnosed():
    from procure.optimiser import SolveOptions

    r = solve(two_vendor(budget={"total": 500}), SolveOptions(fixed_orders={"b": {"P1": 4}}))
    assert r.status is SolveStatus.INFEASIBLE
    assert [d.constraint for d in r.diagnosis] == ["budget:total"]
    assert r.diagnosis[0].relax_by == pytest.approx(700, rel=1e-5)


def test_fixed_orders_must_name_known_chips_and_periods():
    from procure.errors import ValidationError
    from procure.optimiser import SolveOptions

    with pytest.raises(ValidationError, match="unknown chip"):
        solve(two_vendor(), SolveOptions(fixed_orders={"zz": {"P1": 1}}))
    with pytest.raises(ValidationError, match="unknown period"):
        solve(two_vendor(), SolveOptions(fixed_orders={"a": {"P9": 1}}))


def test_fixed_orders_in_integer_mode_must_be_whole_lots():
    from procure.errors import ValidationError
    from procure.optimiser import SolveOptions

    scenario = build(with_chip(two_vendor_data(integer=True), "a", lot_size=4))
    with pytest.raises(ValidationError, match="whole lots of 4"):
        solve(scenario, SolveOptions(fixed_orders={"a": {"P1": 6}}))
    r = solve(scenario, SolveOptions(fixed_orders={"a": {"P1": 4}}))
    assert r.buy["a"]["P1"] == pytest.approx(4)
    assert r.objective == pytest.approx(400 + 6 * 150)
