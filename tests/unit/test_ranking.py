"""One ranking and one count of binding limits for the CLI, the window, memo and workbook."""

from __future__ import annotations

import pytest
from factories import build, two_vendor_data, with_chip, with_vendor

from procure.domain.constraints import Group
from procure.explain import binding_limits
from procure.exports import prose
from procure.optimiser import solve
from procure.ranking import binding_count, planner_limits, ranked_limits


@pytest.fixture(scope="module")
def solved():
    """A caps at 30% of spend, b has supply 6, power and a budget bind nothing: the
    share cap and the supply bind; capacity rows bind too (units in service)."""
    data = with_vendor(two_vendor_data(), "A", max_share=0.3)
    data = with_chip(data, "b", supply=6)
    data["workloads"][0]["demand"] = 8
    scenario = build(data)
    return scenario, solve(scenario)


def test_planner_limits_come_before_the_rows_that_follow_from_the_plan(solved):
    _scenario, result = solved
    ranked = ranked_limits(result)
    groups = [r.group for r in ranked]
    assert Group.DERIVED in groups and groups[0] is not Group.DERIVED
    first_derived = groups.index(Group.DERIVED)
    assert all(g is Group.DERIVED for g in groups[first_derived:])
    assert binding_count(result) == first_derived == len(planner_limits(result))


def test_every_view_uses_the_same_order(solved):
    scenario, result = solved
    order = [r.report.name for r in ranked_limits(result)]
    assert [c.name for c, _ in binding_limits(result)] == order  # CLI and window
    memo = [n.constraint.name for n in prose.binding_limits(scenario, result, "en")]
    assert memo == [name for name in order if name in memo]


def test_a_share_price_is_per_percentage_point_as_its_sentence(solved):
    _scenario, result = solved
    share = next(r for r in ranked_limits(result) if r.report.name == "vendor_share:A")
    assert share.price_per_step == pytest.approx(share.report.shadow_price * 0.01)
    sentence = {c.name: s for c, s in binding_limits(result)}["vendor_share:A"]
    assert "one percentage point" in sentence


def test_the_workbook_gives_the_same_count(solved, tmp_path):
    from openpyxl import load_workbook

    from procure.exports import write_workbook

    scenario, result = solved
    path = tmp_path / "plan.xlsx"
    write_workbook(scenario, result, path)
    summary = {row[0]: row[1] for row in load_workbook(path)["Summary"].iter_rows(
        min_row=1, max_col=2, values_only=True)}
    assert summary["Binding limits (set by the planner)"] == binding_count(result)


def test_a_demand_price_is_the_one_its_sentence_states():
    """With outage coverage, one more PFLOP/s of demand moves the outage rows too: the
    price used to rank and to show is the full one the sentence states."""
    from procure.metrics import demand_price

    data = two_vendor_data(limits={"outage_coverage": 0.5})
    scenario = build(data)
    result = solve(scenario)
    demand = next(r for r in ranked_limits(result) if r.report.kind == "demand")
    assert demand.price == pytest.approx(demand_price(result, demand.report.name))
    sentence = {c.name: s for c, s in binding_limits(result)}[demand.report.name]
    from procure.wording import money

    assert money(demand.price) in sentence
