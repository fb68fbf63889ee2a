"""The Hedge tab: a hand-checked hedge of two what-ifs, refusals, Cancel, Adopt as one undo.

The plan (``hedge_plan_data``): chip a at 100 in P1 and 150 after, demand 10 from P2;
the what-ifs raise it to 20 ("high", 30%) or 15 ("mid", 30%) from P2; base plan 40%.
News in P2, so P1's orders are common. Buying a 11th..15th unit in P1 costs 100 and
saves 150 only with probability 60% (90): the hedge buys 10 in P1 and costs 1,000,
1,750 (mid) and 2,500 (high): expected 1,675. The unhedged plan (the base plan's own,
the most likely) also buys 10: hedging is worth nothing here; wait-and-see is
0.4 * 1,000 + 0.3 * 1,500 + 0.3 * 2,000 = 1,450, so knowing the future is worth 225.
"""

from __future__ import annotations

import pytest
from analysis_factories import hedge_plan_data
from PySide6.QtWidgets import QTableWidget

from procure.formats.scenario_json import scenario_from_data
from ui.plan_store import PlanStore
from ui.workspace import SCENARIOS


def _plan():
    data = hedge_plan_data()
    data["x"]["procure"]["variants"].append({"name": "mid", "overrides": [
        {"path": ["workloads", "w", "demand"], "op": "set", "value": 15, "from": "P2"}]})
    return scenario_from_data(data)


def _hedge_tab(window):
    window.set_store(PlanStore.new(_plan()))
    window.workspace.show_page(SCENARIOS)
    view = window.workspace.scenarios
    view.tabs.setCurrentWidget(view.hedge)
    return view, view.hedge


def _cells(table: QTableWidget) -> list[list[str]]:
    return [[table.item(r, c).text() for c in range(table.columnCount())]
            for r in range(table.rowCount())]


def _run(qtbot, panel):
    with qtbot.waitSignal(panel.done, timeout=60_000):
        panel.run()
    return panel.outcome


def test_the_tab_hedges_two_what_ifs_to_the_hand_checked_answer(window, qtbot):
    _view, panel = _hedge_tab(window)
    panel.set_probability("high", 30)
    panel.set_probability("mid", 30)
    assert panel.base_label.text() == "Base plan: 40%"
    assert panel.horizon.currentText() == "P1"  # the what-ifs' news comes in P2
    _hedge, result = _run(qtbot, panel)
    assert result.expected_cost == pytest.approx(1675)
    assert result.wait_and_see == pytest.approx(1450)
    assert result.value_of_perfect_information == pytest.approx(225)
    assert _cells(panel.orders) == [["Alpha", "P1", "10", "10"]]
    futures = _cells(panel.futures)
    assert [row[:3] for row in futures] == [["base plan", "40%", "1,000 CNY"],
                                            ["high", "30%", "2,500 CNY"],
                                            ["mid", "30%", "1,750 CNY"]]
    text = panel.summary.toPlainText()
    assert "Alpha: 10 units in P1" in text and "225 CNY" in text
    assert panel.chart.chart().series()  # hedged and unhedged bars
    dialog = panel.show_future(1)  # high: 10 more in P2 on top of the 10 of P1
    qtbot.addWidget(dialog)
    plan = dialog.model
    assert [plan.index(0, c).data() for c in range(plan.columnCount())] == ["10", "10", "·",
                                                                           "20"]


def test_probabilities_over_100_percent_are_refused_with_a_message(window, qtbot):
    _view, panel = _hedge_tab(window)
    panel.set_probability("high", 70)
    panel.set_probability("mid", 40)
    assert panel.base_label.text() == "Base plan: -10%"
    with qtbot.waitSignal(panel.failed) as failed:
        panel.run()
    assert "110%" in failed.args[0].message and "100%" in failed.args[0].message
    assert panel.outcome is None and not panel.runner.is_busy


def test_no_what_if_chosen_is_refused(window, qtbot):
    _view, panel = _hedge_tab(window)
    with qtbot.waitSignal(panel.failed) as failed:
        panel.run()
    assert "at least one what-if" in failed.args[0].message


def test_cancel_stops_the_hedge_and_shows_nothing(window, qtbot):
    _view, panel = _hedge_tab(window)
    panel.set_probability("high", 30)
    with qtbot.waitSignal(panel.runner.cancelled, timeout=30_000):
        panel.run()
        panel.cancel()
    assert panel.outcome is None and panel.orders.rowCount() == 0
    assert panel.run_button.isEnabled()
    assert panel.wait_for_done(60_000)


def test_adopting_the_orders_is_one_undo_step(window, qtbot):
    _view, panel = _hedge_tab(window)
    panel.set_probability("high", 30)
    panel.set_probability("mid", 30)
    _run(qtbot, panel)
    document = window.document
    before = document.scenario
    steps = document.undo_stack.count()
    assert panel.adopt_button.isEnabled()
    assert panel.adopt()
    after = document.scenario
    assert after.version == 2
    (entry,) = after.fleet
    assert (entry.chip, entry.units, entry.in_service_from) == ("a", pytest.approx(10), "P1")
    assert document.undo_stack.count() == steps + 1
    assert not panel.adopt_button.isEnabled()  # not twice: that would double the orders
    assert panel.stale_label.isVisibleTo(panel)  # the plan now differs from the hedged one
    document.undo_stack.undo()
    assert document.scenario == before


def test_an_infeasible_hedge_shows_its_diagnosis_and_offers_nothing_to_adopt(window, qtbot):
    # "broke" caps the budget at 500 from P2: 10 units at 100 cannot be bought at all.
    _view, panel = _hedge_tab(window)
    panel.set_probability("broke", 50)
    panel.hard.setChecked(True)
    _hedge, result = _run(qtbot, panel)
    assert result.status.value == "infeasible"
    text = panel.summary.toPlainText()
    assert "No single set of orders through P1 serves every future" in text
    assert "'broke' cannot be served even on its own: Raise the total budget by 500 CNY" in text
    assert panel.orders.rowCount() == 0 and not panel.adopt_button.isEnabled()


def test_an_unhedged_plan_infeasible_in_a_future_is_said_so(window, qtbot):
    # Betting on "high" (60%) buys 20 in P1 for 2,000; "tight" (40%) caps the budget at
    # 1,500: those orders cannot be carried there, so there is no value of hedging to quote.
    data = hedge_plan_data()
    data["x"]["procure"]["variants"].append({"name": "tight", "overrides": [
        {"path": ["budget", "total"], "op": "set", "value": 1500}], "event": "P2"})
    window.set_store(PlanStore.new(scenario_from_data(data)))
    window.workspace.show_page(SCENARIOS)
    panel = window.workspace.scenarios.hedge
    panel.set_probability("high", 60)
    panel.set_probability("tight", 40)
    panel.hard.setChecked(True)
    assert panel.base_label.text() == "Base plan: 0%"
    _hedge, result = _run(qtbot, panel)
    assert result.value_of_hedging is None and result.reference.infeasible_in == ("tight",)
    assert _cells(panel.futures)[1][3] == "infeasible"
    assert "'tight'" in panel.summary.toPlainText()


def test_screenshot_of_the_hedge_tab(window, qtbot, demo_scenario):
    """A CI artifact (docs/screenshots/scenarios-hedge.png is copied from it)."""
    from pathlib import Path

    from procure.analysis import Variant, parse_template, put_variant

    for name, spec in (("Nvidia cut in Q3", "export-licence:start=2026Q3"),
                       ("In-house chip slips 2 quarters", "slip:quarters=2")):
        demo_scenario = put_variant(demo_scenario, Variant(name, stress=parse_template(spec)))
    window.resize(1440, 900)
    window.show()
    window.set_store(PlanStore.new(demo_scenario))
    window.workspace.show_page(SCENARIOS)
    panel = window.workspace.scenarios.hedge
    window.workspace.scenarios.tabs.setCurrentWidget(panel)
    panel.set_probability("Nvidia cut in Q3", 30)
    panel.set_probability("In-house chip slips 2 quarters", 20)
    _hedge, result = _run(qtbot, panel)
    assert result.expected_cost is not None and panel.futures.rowCount() == 3
    qtbot.wait(50)
    artifacts = Path(__file__).resolve().parents[2] / "artifacts"
    artifacts.mkdir(exist_ok=True)
    png = artifacts / "scenarios-hedge.png"
    assert window.grab().save(str(png))
    assert png.stat().st_size > 20_000


def test_the_hedges_progress_is_said_in_chinese(qapp):
    from ui import i18n
    from ui.views.scenarios.hedge_panel import hedge_progress_text

    assert hedge_progress_text("Holding 'high''s orders in 'mid'") == \
        "Holding the orders of \u201chigh\u201d in \u201cmid\u201d"
    i18n.install("zh_CN")
    try:
        assert hedge_progress_text("Solving 'high' on its own") == "正在单独求解\u201chigh\u201d"
        assert hedge_progress_text("Solving the hedged programme") == "正在求解对冲规划"
    finally:
        i18n.install("en")
