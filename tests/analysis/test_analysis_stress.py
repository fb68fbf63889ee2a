"""Stress templates and the re-plan / hold answers, on plans small enough to solve by hand."""

from __future__ import annotations

import pytest
from analysis_factories import domestic_exit, in_house_ramp, three_periods
from factories import build, two_vendor, two_vendor_data, with_chip

from benchmarks.scenarios import generate
from procure.analysis.compare import comparison_of
from procure.analysis.stress import (
    StressOptions,
    analysis_penalty,
    memo_variants,
    run_stress,
    run_stresses,
)
from procure.analysis.templates import parse_template
from procure.analysis.variants import Variant, stress_case
from procure.errors import Cancelled, ProcureError
from procure.formats.scenario_json import read_scenario
from procure.resources import demo_plan_path


def stress(scenario, spec, **options):
    template = parse_template(spec)
    return run_stress(scenario, Variant(spec, stress=template), options=StressOptions(**options))


def test_import_cut_with_enough_domestic_capacity_costs_the_price_difference():
    # Base: 10 units of a at 100. Without a: 10 units of b at 150, i.e. +10 x 50.
    out = stress(two_vendor(), "export-licence:start=P1")
    assert out.base.total_cost == pytest.approx(1000)
    for answer in (out.replan, out.hold):
        assert answer.total_cost == pytest.approx(1500)
        assert answer.extra_cost == pytest.approx(500)
        assert answer.shortfall_total == pytest.approx(0)
        assert answer.buy["a"]["P1"] == pytest.approx(0)


def test_licence_cut_strands_the_units_in_transit_when_holding():
    # Base: 10 a ordered in P1 (lead time 1) for P2-P3. A licence from P2 stops them arriving.
    out = stress(three_periods(), "export-licence:start=P2")
    assert out.base.total_cost == pytest.approx(1000)
    assert out.replan.total_cost == pytest.approx(1500)  # knew: 10 b in P2
    assert out.replan.stranded_spend == pytest.approx(0)
    assert out.hold.total_cost == pytest.approx(2500)  # paid for the a, then bought the b
    assert out.hold.stranded_units == pytest.approx(10)
    assert out.hold.stranded_spend == pytest.approx(1000)
    assert out.hold.buy["a"] == pytest.approx({"P1": 10, "P2": 0, "P3": 0})  # copy merged back


@pytest.mark.parametrize(("in_transit", "hold_cost", "cancelled"), [
    ("cancelled", 1500, 1000), ("delivered", 1000, 0), ("stranded", 2500, 0),
])
def test_orders_in_transit_at_an_import_ban(in_transit, hold_cost, cancelled):
    out = stress(three_periods(), f"import-ban:start=P2,chips=a,in_transit={in_transit}")
    assert out.hold.total_cost == pytest.approx(hold_cost)
    assert out.hold.cancelled_spend == pytest.approx(cancelled)
    assert out.replan.total_cost == pytest.approx(1000 if in_transit == "delivered" else 1500)


def test_licence_fee_and_volume_cap():
    # a costs 125 with the fee and 4 of its 8 units may be had: 4 x 125 + 6 x 150 = 1,400;
    # the base buys 8 a and 2 b for 1,100.
    scenario = build(with_chip(two_vendor_data(), "a", supply=8))
    out = stress(scenario, "licence-fee:start=P1,fee=0.25,volume_share=0.5")
    assert out.base.total_cost == pytest.approx(1100)
    assert out.replan.total_cost == pytest.approx(1400)
    assert out.replan.buy["a"]["P1"] == pytest.approx(4)


def test_supplier_exit_without_support_makes_its_fleet_go_dark():
    # Base: 10 a in P1 serve P1-P3. A exits from P2 with no support: a serves P1 only.
    scenario = domestic_exit()
    out = stress(scenario, "supplier-exit:vendor=A,start=P2,support_quarters=0")
    assert out.base.total_cost == pytest.approx(1000)
    assert out.replan.total_cost == pytest.approx(1500)  # knew: 10 b in P1
    assert out.hold.total_cost == pytest.approx(2500)  # 10 a in P1, then 10 b in P2
    assert out.hold.stranded_spend == pytest.approx(0)  # the a served in P1


def test_supplier_exit_retires_the_existing_fleet_after_its_support():
    data = two_vendor_data(periods=["P1", "P2", "P3", "P4"],
                           fleet=[{"chip": "a", "units": 4}, {"chip": "b", "units": 2}])
    data["vendors"][0]["category"] = "domestic"
    case = stress_case(build(data), Variant("exit", stress=parse_template(
        "supplier-exit:vendor=A,start=P2,support_quarters=1")))
    assert case.scenario.fleet[0].retire_after == "P2"
    assert case.scenario.fleet[1].retire_after is None
    chips = {c.id: c for c in case.scenario.chips}
    assert chips["a"].supply == (0, 0, 0, 0)  # P1's orders moved to their vintage copy
    assert chips["a@P1"].supply == (10**15, 0, 0, 0)  # no supply limit: "very large"
    assert chips["a@P1"].lifetime == 2  # in service P1-P2, then unsupported


def test_in_house_slip_at_the_start_of_its_ramp():
    # Base: 10 c in P2 at 80. Slipping one quarter, P2's demand needs 10 b at 150.
    out = stress(in_house_ramp(), "slip:quarters=1")
    assert out.event == "P2"
    assert out.base.total_cost == pytest.approx(800)
    assert out.replan.total_cost == pytest.approx(1500)
    assert out.hold.total_cost == pytest.approx(1500)


def test_in_house_slip_known_late_delays_the_units_already_ordered():
    # Known only in P3: the 10 c ordered in P2 arrive in P3, so P2 goes short by 10 PFLOP/s
    # when holding; re-planning buys 10 b in P2 instead.
    scenario = in_house_ramp()
    out = stress(scenario, "slip:quarters=1,known=P3")
    assert out.replan.total_cost == pytest.approx(1500)
    assert out.replan.shortfall_total == pytest.approx(0)
    assert out.hold.total_cost == pytest.approx(800)
    assert out.hold.shortfall == pytest.approx({"w": 10})
    penalty = analysis_penalty(stress_case(scenario, Variant(
        "s", stress=parse_template("slip:quarters=1,known=P3"))).scenario)
    assert out.hold.objective == pytest.approx(800 + 10 * penalty)
    assert out.hold.objective > out.replan.objective


def test_hbm_shortage_cuts_the_chips_with_that_memory():
    data = with_chip(two_vendor_data(), "a", supply=8, x={"memory_type": "HBM3e"})
    data = with_chip(data, "b", x={"memory_type": "GDDR6"})
    # 4 of a's 8 units: 4 x 100 + 6 x 150 = 1,300 against 8 x 100 + 2 x 150 = 1,100.
    out = stress(build(data), "hbm-shortage:start=P1,cut=0.5")
    assert out.replan.total_cost == pytest.approx(1300)
    template = parse_template("hbm-shortage:start=P1,memory=gddr")
    assert [c.id for c in template.affected(build(data))] == ["b"]


@pytest.mark.parametrize(("change", "extra"), [(0.2, 200), (0.6, 500)])
def test_price_shock_costs_at_most_the_switch_to_the_next_chip(change, extra):
    out = stress(two_vendor(), f"price-shock:start=P1,vendors=A,change={change}")
    assert out.replan.extra_cost == pytest.approx(extra)


def test_hard_demand_reports_an_infeasible_shock_with_its_diagnosis():
    data = two_vendor_data()
    data["chips"][1]["supply"] = 5
    out = stress(build(data), "export-licence:start=P1", demand="hard")
    assert out.replan.status == "infeasible"
    assert out.replan.total_cost is None
    assert out.replan.diagnosis == ("Secure 5 more units of b in P1 (supply allocation).",)
    priced = stress(build(data), "export-licence:start=P1")
    assert priced.replan.shortfall_total == pytest.approx(5)
    assert priced.replan.total_cost == pytest.approx(750)


SPECS = ("export-licence:start={p}", "import-ban:start={p},in_transit=stranded",
         "licence-fee:start={p}", "hbm-shortage:start={p},chips={c}",
         "price-shock:start={p},change=0.5", "slip:quarters=2,chips={c},known={p}")


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_hold_is_never_cheaper_than_replan(seed):
    scenario = generate(8, 2, 5, seed=seed)
    period, chip = scenario.periods[2], scenario.chips[0].id
    variants = [Variant(s.format(p=period, c=chip), stress=parse_template(s.format(
        p=period, c=chip))) for s in SPECS]
    compared = 0
    for out in run_stresses(scenario, variants):
        # Outage coverage stays hard under a shock: a re-plan can be infeasible, and then
        # so is hold, which has fewer choices.
        if not out.replan.has_plan:
            assert not out.hold.has_plan, out.name
            continue
        if not out.hold.has_plan:
            continue
        compared += 1
        tol = 1e-6 * max(abs(out.replan.objective), 1.0)
        assert out.hold.objective >= out.replan.objective - tol, out.name
        if out.hold.shortfall_total == out.replan.shortfall_total == 0:
            assert out.hold.total_cost >= out.replan.total_cost - tol, out.name
    assert compared >= 3


def test_demo_stresses_in_parallel_match_sequential_and_feed_the_memo():
    demo = read_scenario(demo_plan_path())
    variants = [Variant(s, stress=parse_template(s)) for s in (
        "export-licence:start=2026Q3", "supplier-exit:vendor=cambricon,start=2026Q4")]
    one = run_stresses(demo, variants, options=StressOptions(workers=1))
    two = run_stresses(demo, variants, options=StressOptions(workers=2))
    for a, b in zip(one, two, strict=True):
        assert a.hold.total_cost == pytest.approx(b.hold.total_cost, rel=1e-9)
        assert a.replan.total_cost == pytest.approx(b.replan.total_cost, rel=1e-9)
    memo = memo_variants(one)
    assert [name for name, _ in memo][:2] == [
        "export-licence:start=2026Q3 (re-plan, 13.6% of demand unmet)",
        "export-licence:start=2026Q3 (hold, 13.8% of demand unmet)",
    ]
    assert memo[1][1].objective == pytest.approx(one[0].hold.total_cost)  # no penalty
    rows = comparison_of(one).rows
    assert [r.answer for r in rows] == ["base", "replan", "hold", "replan", "hold"]
    assert "Base plan" in comparison_of(one).table()


def test_hold_needs_a_base_plan_and_cancel_is_honoured():
    infeasible = two_vendor(budget={"total": 10})  # 10 PFLOP/s cannot be had for 10
    with pytest.raises(ProcureError, match="base plan has no plan"):
        stress(infeasible, "export-licence:start=P1")
    with pytest.raises(Cancelled):
        run_stress(two_vendor(), Variant("x", stress=parse_template("export-licence:start=P1")),
                   should_stop=lambda: True)
