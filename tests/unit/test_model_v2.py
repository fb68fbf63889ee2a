"""Planning model version 2: hand-derived optima, one tiny scenario per new feature.

Each docstring shows the arithmetic. Every plan is re-checked by the independent
checker (extended for version 2) and its present-value objective recomputed.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from factories import build, two_vendor_data
from plan_checker import check_plan, solved_and_checked

from procure.domain.result import SolveStatus
from procure.errors import ValidationError
from procure.formats.result_json import result_to_data
from procure.formats.scenario_json import dumps_scenario, loads_scenario, scenario_from_data
from procure.optimiser import solve

EXAMPLES = Path(__file__).resolve().parents[2].parent / "shared" / "examples"


def v2(**overrides: object) -> dict:
    data = two_vendor_data(**overrides)
    data["format"] = "procure-scenario/2"
    return data


def solved(data: dict):
    return solved_and_checked(build(data))


def test_memory_row_forces_a_memory_rich_chip():
    """Chip a holds 10 GB, b 100 GB; 10 PFLOP/s and 0.5 TB. a + b >= 10 and
    0.01 a + 0.1 b >= 0.5 meet at b = 40/9, a = 50/9: 11,000/9. Duals: 100 = y + 0.01 m,
    150 = y + 0.1 m, so one more TB costs m = 5,000/9."""
    data = v2()
    data["chips"][0]["memory_gb"] = 10
    data["chips"][1]["memory_gb"] = 100
    data["workloads"][0]["memory_demand"] = 0.5
    r = solved(data)
    assert r.objective == pytest.approx(11000 / 9)
    assert r.buy["b"]["P1"] == pytest.approx(40 / 9)
    memory = r.constraint("memory:w:P1")
    assert memory.binding and memory.rhs == 0.5
    assert memory.lhs == pytest.approx(0.5)
    assert memory.shadow_price == pytest.approx(5000 / 9)


def test_memory_is_hard_even_with_a_shortfall_penalty():
    """With a penalty of 1 per PFLOP/s, compute may go unmet, memory may not: 5 units of b
    (0.5 TB) cost 750 and give 5 PFLOP/s; the other 5 PFLOP/s are cheaper unmet (5)."""
    data = v2(shortfall_penalty=1)
    data["chips"][1]["memory_gb"] = 100
    data["workloads"][0]["memory_demand"] = 0.5
    r = solved(data)
    assert r.buy["b"]["P1"] == pytest.approx(5)
    assert r.objective == pytest.approx(750 + 5)


def test_memory_the_fleet_cannot_hold_is_diagnosed_in_tb():
    data = v2()
    data["workloads"][0]["memory_demand"] = 2  # no chip has memory
    r = solve(build(data))
    assert r.status is SolveStatus.INFEASIBLE
    (relax,) = [d for d in r.diagnosis if d.constraint == "memory:w:P1"]
    assert relax.relax_by == pytest.approx(2, rel=1e-5)
    assert "TB" in relax.message


def ramp_data(efficiency_b: object) -> dict:
    data = v2(periods=["P1", "P2"])
    for chip in data["chips"]:
        chip["lifetime"] = 1
    data["chips"][1]["price"] = 50
    data["workloads"][0]["efficiency"]["b"] = efficiency_b
    return data


def test_a_ramp_delays_a_chips_use():
    """b (50) is useless in P1 (efficiency 0) and fully useful in P2: P1 buys 10 a (1,000),
    P2 10 b (500). Without the ramp b serves both: 1,000."""
    r = solved(ramp_data([0, 1]))
    assert r.objective == pytest.approx(1500)
    assert r.buy["a"]["P1"] == pytest.approx(10)
    assert r.buy["b"]["P2"] == pytest.approx(10)
    assert r.assign["b"]["w"] == {"P1": 0.0, "P2": pytest.approx(10)}
    assert solved(ramp_data(1)).objective == pytest.approx(1000)


def test_a_chip_holds_no_memory_where_it_cannot_run_the_workload():
    """In P1 only a runs the workload, so only a's memory counts there."""
    data = ramp_data([0, 1])
    data["chips"][1]["memory_gb"] = 1000
    data["workloads"][0]["memory_demand"] = [0.5, 0.5]
    data["chips"][0]["memory_gb"] = 100
    r = solved(data)
    assert r.constraint("memory:w:P1").lhs == pytest.approx(
        0.1 * r.assign["a"]["w"]["P1"])


def test_an_order_placed_arrives_in_its_period_and_costs_nothing():
    """Units live one period; 10 a on order arrive in P2, so only P1 is bought: 1,000.
    Their energy (1 kW x 1 per kW) is in energy_existing, not the objective."""
    data = v2(periods=["P1", "P2"], hours=1, energy_price=1)
    data["chips"][0].update(lifetime=1, power_kw=1)
    data["fleet"] = [{"chip": "a", "units": 10, "in_service_from": "P2"}]
    r = solved(data)
    assert r.buy["a"] == {"P1": pytest.approx(10), "P2": pytest.approx(0)}
    assert r.in_service["a"] == {"P1": pytest.approx(10), "P2": pytest.approx(10)}
    assert r.cost.capex == pytest.approx(1000)
    assert r.cost.energy_existing == pytest.approx(10)
    assert r.objective == pytest.approx(1000 + 10)  # the P1 units' energy


def test_discounting_moves_a_purchase_later_by_exactly_its_present_value():
    """Demand only in P2; a costs 100 in P1, 101 in P2. Undiscounted the P1 order wins
    (1,000); at 8% a year, 101 x 1.08**-0.25 = 99.07 < 100, so it moves to P2."""
    data = v2(periods=["P1", "P2"])
    data["chips"][0]["price"] = [100, 101]
    data["workloads"][0]["demand"] = [0, 10]
    assert solved(data).buy["a"]["P1"] == pytest.approx(10)
    data["discount_rate"] = 0.08
    r = solved(data)
    assert r.buy["a"]["P2"] == pytest.approx(10)
    assert r.objective == pytest.approx(1010 * 1.08 ** -0.25)
    assert r.cost.capex == pytest.approx(1010)  # nominal
    assert r.present_value.capex == pytest.approx(1010 * 1.08 ** -0.25)
    data["periods_per_year"] = 1  # a year per period: d = 1 / 1.08
    assert solved(data).objective == pytest.approx(1010 / 1.08)


def test_an_fx_change_flips_the_vendor_choice():
    """a costs 14 USD: 98 CNY at 7.0 (cheaper than b's 100), 105 CNY at 7.5."""
    data = v2(currency="CNY", fx={"USD": 7.0})
    data["chips"][0].update(price=14, price_currency="USD")
    data["chips"][1]["price"] = 100
    r = solved(data)
    assert r.buy["a"]["P1"] == pytest.approx(10)
    assert r.objective == pytest.approx(980)
    assert r.spend["by_vendor"]["A"] == pytest.approx(980)  # in the plan's currency
    data["fx"] = {"USD": 7.5}
    r = solved(data)
    assert r.buy["b"]["P1"] == pytest.approx(10)
    assert r.objective == pytest.approx(1000)


def three_vendor_data() -> dict:
    data = v2()
    data["vendors"].append({"id": "C", "category": "domestic"})
    data["chips"].append({"id": "c", "vendor": "C", "peak_pflops": 1, "price": 120})
    data["chips"][1]["price"] = 110
    data["workloads"][0]["efficiency"]["c"] = 1
    data["limits"] = {"outage_coverage": 0.5}
    return data


def test_a_group_outage_forces_a_third_vendor():
    """Half of 10 PFLOP/s must survive any one vendor: 5 a + 5 b = 1,050. If A and B share
    a foundry, 5 must come from C: 5 a + 5 c = 1,100."""
    data = three_vendor_data()
    assert solved(data).objective == pytest.approx(1050)
    data["risk_groups"] = [{"id": "fab", "vendors": ["A", "B"]}]
    r = solved(data)
    assert r.objective == pytest.approx(1100)
    assert r.buy["c"]["P1"] == pytest.approx(5)
    row = r.constraint("outage_group:fab:w:P1")
    assert row.binding and row.lhs == pytest.approx(5)
    assert r.share["by_group"]["fab"] == pytest.approx(500 / 1100)


def test_a_group_share_cap():
    """A's chip in a group capped at 30% of spend: 100 a <= 0.3 (100 a + 150 b) with
    a + b = 10 gives a = 450/115... solved exactly: a = 45 b / 70, b = 700/115."""
    data = v2()
    data["risk_groups"] = [{"id": "g", "chips": ["a"], "max_share": 0.3}]
    r = solved(data)
    b = 700 / 115
    a = 10 - b
    assert r.buy["b"]["P1"] == pytest.approx(b)
    assert r.objective == pytest.approx(100 * a + 150 * b)
    assert r.share["by_group"]["g"] == pytest.approx(0.3)
    row = r.constraint("group_share:g")
    assert row.binding and row.rhs == pytest.approx(0.3 * r.objective)


def test_group_share_and_memory_duals_match_finite_differences():
    data = v2()
    data["chips"][0]["memory_gb"] = 10
    data["chips"][1]["memory_gb"] = 100
    data["workloads"][0]["memory_demand"] = 0.5
    data["risk_groups"] = [{"id": "g", "chips": ["b"], "max_share": 0.6}]
    base = solved(data)
    h = 1e-4
    moved = copy.deepcopy(data)
    moved["workloads"][0]["memory_demand"] = 0.5 + h
    fd = (solved(moved).objective - base.objective) / h
    assert base.constraint("memory:w:P1").shadow_price == pytest.approx(fd, rel=1e-3)
    moved = copy.deepcopy(data)
    moved["risk_groups"][0]["max_share"] = 0.6 + h
    fd = (solved(moved).objective - base.objective) / h
    assert base.constraint("group_share:g").shadow_price == pytest.approx(fd, rel=1e-3)


def test_a_version_1_file_with_version_2_fields_is_refused_with_locations():
    data = two_vendor_data(discount_rate=0.08)
    data["workloads"][0]["efficiency"]["a"] = [1]
    with pytest.raises(ValidationError) as info:
        scenario_from_data(data)
    locations = {p.location for p in info.value.problems}
    assert {"discount_rate", 'workloads[0].efficiency["a"]'} <= locations


def test_version_2_validation_locates_every_problem():
    data = v2(fx={"USD": [0]}, currency="CNY", discount_rate=-1)
    data["chips"][0]["price_currency"] = "EUR"
    data["risk_groups"] = [{"id": "A", "vendors": ["Z"]}]
    data["workloads"][0]["efficiency"]["a"] = [1.5]
    with pytest.raises(ValidationError) as info:
        scenario_from_data(data)
    locations = {p.location for p in info.value.problems}
    assert {'fx["USD"]["P1"]', "discount_rate", "chips[0].price_currency",
            "risk_groups[0].id", "risk_groups[0].vendors[0]", "risk_groups[0]",
            'workloads[0].efficiency["a"]["P1"]'} <= locations


def test_a_version_2_file_using_nothing_new_has_the_version_1_optimum():
    v1 = json.loads((EXAMPLES / "example-small.json").read_text())
    as_v2 = dict(v1, format="procure-scenario/2")
    r1, r2 = solve(scenario_from_data(v1)), solve(scenario_from_data(as_v2))
    assert r2.objective == r1.objective
    data = result_to_data(r2)
    assert data["format"] == "procure-result/2"
    assert data["cost"]["present_value"]["capex"] == data["cost"]["capex"]
    assert result_to_data(r1)["format"] == "procure-result/1"


@pytest.mark.parametrize("name", ["example-v2", "example-small"])
def test_the_worked_examples(name: str):
    scenario = scenario_from_data(json.loads((EXAMPLES / f"{name}.json").read_text()))
    reference = json.loads((EXAMPLES / f"{name}.result.json").read_text())
    r = solve(scenario)
    assert r.objective == pytest.approx(reference["objective"], rel=1e-9)
    assert check_plan(scenario, r)[0] == []
    mine = result_to_data(r)
    assert mine["format"] == reference["format"]
    assert {c["name"] for c in mine["constraints"]} == {c["name"] for c in reference["constraints"]}
    if "present_value" in reference["cost"]:
        assert mine["cost"]["present_value"] == pytest.approx(reference["cost"]["present_value"])
        assert mine["share"]["by_group"] == pytest.approx(reference["share"]["by_group"])


def test_version_2_scenarios_round_trip_losslessly():
    scenario = scenario_from_data(json.loads((EXAMPLES / "example-v2.json").read_text()))
    again = loads_scenario(dumps_scenario(scenario))
    assert again == scenario
    assert dumps_scenario(again) == dumps_scenario(scenario)


def test_upgrade_rewrites_a_version_1_file_as_version_2_with_the_same_optimum(tmp_path, capsys):
    from procure.cli.main import main

    out = tmp_path / "v2.json"
    assert main(["upgrade", str(EXAMPLES / "example-small.json"), "-o", str(out)]) == 0
    assert "upgraded to procure-scenario/2" in capsys.readouterr().err
    upgraded = json.loads(out.read_text())
    assert upgraded["format"] == "procure-scenario/2"
    before = solve(scenario_from_data(json.loads((EXAMPLES / "example-small.json").read_text())))
    after = solve(scenario_from_data(upgraded))
    assert after.objective == before.objective
    assert main(["upgrade", str(out)]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out) == upgraded and "already version 2" in captured.err
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "procure-scenario/1"}')
    assert main(["upgrade", str(bad)]) == 2


def test_diagnoses_of_the_new_rows_applied_make_the_plan_feasible():
    """Memory nobody can hold, a group forbidden (cap 0) that holds the only chips, and a
    group outage no other vendor can cover: each diagnosis, applied (and applied as the
    one undoable edit it names), makes the plan feasible."""
    from procure.relaxation import apply_relaxations, relaxation_edits

    memory = v2()
    memory["workloads"][0]["memory_demand"] = 2
    forbidden = v2()
    forbidden["risk_groups"] = [{"id": "g", "vendors": ["A", "B"], "max_share": 0}]
    outage = v2(limits={"outage_coverage": 0.5})
    outage["risk_groups"] = [{"id": "g", "vendors": ["A", "B"]}]
    expected = {"memory:w:P1": ("workloads", "w", "memory_demand"),
                "group_share:g": ("risk_groups", "g", "max_share"),
                "outage_group:g:w:P1": ("limits", "outage_coverage")}
    for data in (memory, forbidden, outage):
        scenario = build(data)
        result = solve(scenario)
        assert result.status is SolveStatus.INFEASIBLE
        names = {d.constraint for d in result.diagnosis}
        assert names & set(expected), names
        fixed = apply_relaxations(scenario, result.diagnosis)
        assert solve(fixed).status is SolveStatus.OPTIMAL
        edits = relaxation_edits(scenario, result.diagnosis)
        for relax, edit in zip(result.diagnosis, edits, strict=True):
            if relax.constraint in expected:
                assert edit.path == expected[relax.constraint]
        edited = scenario
        for edit in edits:
            edited, _ = edit.apply(edited)
        assert edited == fixed
