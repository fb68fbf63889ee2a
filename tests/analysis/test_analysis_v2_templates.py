"""Version-2 stress templates: a lost risk group, an exchange-rate shock, ramps and fx."""

from __future__ import annotations

from pathlib import Path

import pytest

from procure.analysis.overrides import apply_overrides
from procure.analysis.stress import StressOptions, analysis_penalty, run_stress
from procure.analysis.templates import parse_template
from procure.analysis.variants import Variant
from procure.errors import ProcureError
from procure.formats.scenario_json import read_scenario

EXAMPLE = Path(__file__).resolve().parents[2].parent / "shared" / "examples" / "example-v2.json"


@pytest.fixture(scope="module")
def v2():
    if not EXAMPLE.is_file():
        pytest.skip("the shared version-2 example is not available")
    return read_scenario(EXAMPLE)


def stress(scenario, spec):
    template = parse_template(spec)
    return run_stress(scenario, Variant(spec, stress=template), options=StressOptions())


def test_fx_shock_raises_the_rate_from_its_quarter(v2):
    plan = parse_template("fx-shock:start=2026Q3,currency=USD,change=0.2").plan(v2)
    shocked = apply_overrides(v2, plan.overrides)
    assert shocked.fx["USD"] == pytest.approx((7.1, 7.15, 7.2 * 1.2, 7.25 * 1.2))
    out = stress(v2, "fx-shock:start=2026Q1,currency=USD,change=0.5")
    # dearer dollars: the re-plan cannot cost less than the base plan
    assert out.replan.total_cost >= out.base.total_cost - 1e-6


def test_fx_shock_on_a_currency_the_plan_lacks_is_refused(v2):
    with pytest.raises(ProcureError, match="no rate for 'EUR'"):
        parse_template("fx-shock:start=2026Q1,currency=EUR").plan(v2)


def test_group_loss_stops_every_chip_of_the_group(v2):
    plan = parse_template("group-loss:start=2026Q3,group=domestic-foundry").plan(v2)
    lost = apply_overrides(v2, plan.overrides)
    chips = {c.id: c for c in lost.chips}
    assert chips["asic1"].supply[2:] == (0.0, 0.0)
    assert chips["910c"].supply[2:] == (0.0, 0.0)  # unlimited before: 0 from the quarter on
    assert chips["h20"].supply == v2.chips[0].supply  # not in the group
    assert lost.fleet == v2.fleet  # installed units kept by default


def test_group_loss_can_take_the_installed_units_dark(v2):
    plan = parse_template("group-loss:start=2026Q3,group=domestic-foundry,fleet=dark").plan(v2)
    lost = apply_overrides(v2, plan.overrides)
    assert [f.retire_after for f in lost.fleet] == ["2026Q4", "2026Q2", "2026Q2"]
    plan = parse_template("group-loss:start=2026Q1,group=domestic-foundry,fleet=dark").plan(v2)
    assert [f.units for f in apply_overrides(v2, plan.overrides).fleet] == [2000, 0, 0]


def test_group_loss_names_the_known_groups(v2):
    with pytest.raises(ProcureError, match="known: domestic-foundry"):
        parse_template("group-loss:start=2026Q1,group=smic").plan(v2)


def test_analysis_penalty_uses_the_ramp_and_the_plan_currency(v2):
    # h20: 13,400 USD x 7.25 at 0.45; asic1 at 0.3 in 2026Q1 is dearer per PFLOP/s than later
    penalty = analysis_penalty(v2)
    tail = [sum(v2.energy_cost_per_kw()[t:]) for t in range(4)]
    asic = max((60000 + 0.5 * tail[t]) / (0.5 * e) for t, e in enumerate((0.3, 0.4, 0.5, 0.5)))
    h20 = max((13400 * r + 0.6 * tail[t]) / (0.148 * 0.45)
              for t, r in enumerate((7.1, 7.15, 7.2, 7.25)))
    c910 = max((180000 + 1.1 * tail[t]) / (0.78 * 0.35) for t in range(4))
    assert penalty == pytest.approx(10 * max(asic, h20, c910))


def test_group_loss_stress_runs_hold_and_replan(v2):
    out = stress(v2, "group-loss:start=2026Q4,group=domestic-foundry")
    assert out.replan is not None and out.hold is not None
    for answer in out.answers():
        if answer.buy:
            assert answer.buy.get("asic1", {}).get("2026Q4", 0.0) == pytest.approx(0.0)


def test_hbm_shortage_can_cut_the_memory_of_a_groups_chips(v2):
    spec = "hbm-shortage:start=2026Q1,group=domestic-foundry,cuts=memory,cut=0.5"
    plan = parse_template(spec).plan(v2)
    cut = {c.id: c.memory_gb for c in apply_overrides(v2, plan.overrides).chips}
    assert cut == {"h20": 96, "910c": 64, "asic1": 32}
    assert plan.notes == ()


def test_hbm_memory_cut_binds_memory_and_costs_more():
    import dataclasses

    if not EXAMPLE.is_file():
        pytest.skip("the shared version-2 example is not available")
    s = read_scenario(EXAMPLE)
    w = dataclasses.replace(s.workloads[0], memory_demand=(40.0, 60.0, 80.0, 420.0))
    s = dataclasses.replace(s, workloads=(w,))
    out = stress(s, "hbm-shortage:start=2026Q1,chips=asic1+910c,cuts=memory,cut=0.5")
    assert out.replan.total_cost > out.base.total_cost + 1.0  # memory is scarcer: dearer


def test_hbm_shortage_cuts_is_checked(v2):
    with pytest.raises(ProcureError, match="supply or memory"):
        parse_template("hbm-shortage:start=2026Q1,cuts=units").plan(v2)
