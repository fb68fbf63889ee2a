"""The Hedge tab's rules without Qt: probabilities, the order rows, adopting as one edit."""

from __future__ import annotations

import pytest
from analysis_factories import hedge_plan_data

from procure.analysis.hedge import solve_hedge
from procure.analysis.hedge_choice import (
    adopt_orders,
    base_percent,
    order_rows,
    probability_problem,
)
from procure.analysis.hedge_plan import hedge_from_what_ifs
from procure.formats.scenario_json import scenario_from_data


def test_the_base_plan_gets_what_the_what_ifs_leave():
    assert base_percent([30, 25]) == pytest.approx(45)
    assert probability_problem([("high", 30), ("mid", 25)]) is None
    assert "110%" in probability_problem([("high", 70), ("mid", 40)])
    assert "'mid'" in probability_problem([("high", 70), ("mid", 0)])
    assert "at least one" in probability_problem([])


def test_adopting_the_hedge_adds_version_2_orders_in_one_edit_that_undoes():
    # The hand case of test_hedge_cli.py: the hedge of "high" at 60% buys 10 in P1,
    # betting on "high" would buy 20.
    base = scenario_from_data(hedge_plan_data())
    result = solve_hedge(hedge_from_what_ifs(base, [("high", 0.6)]))
    rows = order_rows(result)
    assert [(r.chip, r.period, r.hedged, r.unhedged) for r in rows] == [
        ("a", "P1", pytest.approx(10), pytest.approx(20))]
    edit = adopt_orders(base, result)
    assert edit is not None
    adopted, inverse = edit.apply(base)
    assert adopted.version == 2
    assert [(f.chip, f.units, f.in_service_from) for f in adopted.fleet] == [
        ("a", pytest.approx(10), "P1")]
    assert inverse.apply(adopted)[0] == base
