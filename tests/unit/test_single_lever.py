"""The diagnosis one limit at a time: each lever alone really suffices, or cannot."""

from __future__ import annotations

import pytest
from factories import build, two_vendor_data

from procure.domain.result import SolveStatus
from procure.explain import explain
from procure.formats.result_json import result_from_data, result_to_data
from procure.levers import levers_of
from procure.optimiser import solve
from procure.relaxation import apply_relaxations


def budget_and_risk():
    """Demand 10; a (100, imported, risk 0.5) and b (150, domestic, risk 0.1). Risk <= 0.2
    caps a at a quarter of spend (3.33 a + 6.67 b = 1,333.33); the 70% domestic floor
    alone caps it at 30% (1,306.5). Either is over the budget of 1,100: raising the
    budget alone is enough, loosening the risk limit alone is not."""
    return build(two_vendor_data(
        budget={"total": 1100},
        limits={"max_weighted_risk": 0.2, "category_share": {"domestic": {"min": 0.7}}}))


def test_each_limit_of_the_combined_set_gets_its_own_answer():
    scenario = budget_and_risk()
    result = solve(scenario)
    assert result.status is SolveStatus.INFEASIBLE
    combined = {d.constraint for d in result.diagnosis}
    assert {"budget:total", "weighted_risk"} <= combined
    levers = {lever.limit: lever for lever in levers_of(result.x)}
    assert set(levers) == {("budget", "total"), ("limits", "max_weighted_risk")}
    budget = levers[("budget", "total")]
    assert budget.enough_alone and [c.constraint for c in budget.changes] == ["budget:total"]
    # 1,333.33 - 1,100: more than the combined set's budget step, which leans on the risk
    # limit too.
    assert budget.changes[0].relax_by == pytest.approx(233.333, rel=1e-4)
    combined_budget = next(d for d in result.diagnosis if d.constraint == "budget:total")
    assert budget.changes[0].relax_by > combined_budget.relax_by
    assert not levers[("limits", "max_weighted_risk")].enough_alone


def test_the_single_change_alone_makes_the_plan_feasible():
    scenario = budget_and_risk()
    result = solve(scenario)
    budget = next(lever for lever in levers_of(result.x) if lever.enough_alone)
    assert solve(apply_relaxations(scenario, budget.changes)).status is SolveStatus.OPTIMAL
    combined_budget = tuple(d for d in result.diagnosis if d.constraint == "budget:total")
    # ... while the combined set's budget step alone does not (the planner's trap).
    assert solve(apply_relaxations(scenario, combined_budget)).status is SolveStatus.INFEASIBLE


def test_explain_offers_both_and_names_what_cannot_fix_it_alone():
    result = solve(budget_and_risk())
    text = explain(result)
    together, alone = text.split("Or change one limit only:")
    assert "Relaxing these limits together" in together
    assert "Raise the total budget by 233 CNY (alone enough)." in alone
    assert "Changing the weighted-risk limit alone cannot make the plan feasible." in alone
    zh = explain(result, lang="zh")
    assert "将总预算提高233元（仅此一项即可）。" in zh
    assert "仅调整加权风险上限无法使方案可行。" in zh


def test_the_levers_survive_a_result_file_and_the_spec_diagnosis_keeps_its_meaning():
    result = solve(budget_and_risk())
    again = result_from_data(result_to_data(result))
    assert levers_of(again.x) == levers_of(result.x)
    assert again.diagnosis == result.diagnosis  # the combined set, untouched


def test_a_feasible_plan_has_no_levers():
    assert levers_of(solve(build(two_vendor_data())).x) == []
