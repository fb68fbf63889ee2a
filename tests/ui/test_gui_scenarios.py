"""The Scenarios page: what-ifs stored with the plan, stress tests, trade-offs, Monte Carlo."""

from __future__ import annotations

import itertools

import pytest
from analysis_factories import one_vendor_fleet, three_periods
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from procure.analysis import Variant, parse_template, put_variant, variants_of
from procure.domain.edits import SetField
from ui import formatting
from ui.models.comparison_model import ComparisonModel
from ui.models.shortfall_risk_model import ShortfallRiskModel
from ui.models.sweep_points_model import SweepPointsModel, per_step
from ui.models.variant_list_model import VariantListModel
from ui.plan_store import PlanStore
from ui.views.scenarios.simulation_panel import PROBABILITY
from ui.views.scenarios.variant_dialog import VariantDialog
from ui.workspace import SCENARIOS


def _open(window, scenario):
    window.set_store(PlanStore.new(scenario))
    window.workspace.show_page(SCENARIOS)
    return window.workspace.scenarios


def _with_whatifs(scenario, *specs):
    for name, spec in specs:
        scenario = put_variant(scenario, Variant(name, stress=parse_template(spec)))
    return scenario


def _run(qtbot, panel):
    with qtbot.waitSignal(panel.done, timeout=60_000):
        panel.run()
    return panel.outcome


def _names(view):
    return [view.model.index(r, 0).data() for r in range(view.model.rowCount())]


def test_a_new_whatif_from_a_template_is_stored_undoable_and_keeps_the_result_fresh(
        window, qtbot):
    view = _open(window, three_periods())
    document = window.document
    with qtbot.waitSignal(window.optimiser.solved, timeout=60_000):
        window.optimiser.optimise()
    window.workspace.show_page(SCENARIOS)  # optimising showed the result
    dialog = view.new_variant("export-licence")
    assert dialog.name.text() == "Export licence requirement"
    start = dialog.form.editors["start"]
    assert isinstance(start, QComboBox)
    start.setCurrentIndex(start.findData("P2"))
    dialog.description.setText("H20 style licence")
    dialog.accept()
    assert dialog.result() == VariantDialog.DialogCode.Accepted
    stored = variants_of(document.scenario)
    assert [v.name for v in stored] == ["Export licence requirement"]
    assert stored[0].stress.to_data() == {"template": "export-licence", "start": "P2"}
    assert stored[0].description == "H20 style licence"
    assert _names(view) == ["Export licence requirement"]
    assert not document.is_stale  # what-ifs are not inputs of the plan's own solve
    document.undo_stack.undo()
    assert variants_of(document.scenario) == () and _names(view) == []
    document.undo_stack.redo()
    assert _names(view) == ["Export licence requirement"]


def test_a_whatif_with_a_bad_change_is_refused_in_the_dialog(window, qtbot):
    view = _open(window, three_periods())
    dialog = view.new_variant("")
    qtbot.addWidget(dialog)
    dialog.name.setText("Typo")
    row = dialog.overrides.add_row("chips/zz/price", "scale", "1.2")
    dialog.accept()
    assert dialog.isVisible() and dialog.error.isVisibleTo(dialog)
    assert "zz" in dialog.error.text()
    assert variants_of(window.document.scenario) == ()
    dialog.overrides.table.item(row, 0).setText("chips/a/price")
    dialog.accept()
    assert not dialog.error.isVisibleTo(dialog) or not dialog.isVisible()
    (variant,) = variants_of(window.document.scenario)
    assert variant.overrides[0].path == ("chips", "a", "price")
    assert variant.overrides[0].value == pytest.approx(1.2)


def test_edit_duplicate_and_delete_whatifs(window, qtbot):
    base = _with_whatifs(three_periods(), ("Cut", "export-licence:start=P2"),
                         ("Shock", "price-shock:start=P1,change=0.1"))
    view = _open(window, base)
    view.select("Cut")
    dialog = view.edit_selected()
    qtbot.addWidget(dialog)
    dialog.name.setText("Cut from P3")
    start = dialog.form.editors["start"]
    start.setCurrentIndex(start.findData("P3"))
    dialog.accept()
    assert _names(view) == ["Cut from P3", "Shock"]  # edited in place, order kept
    assert variants_of(window.document.scenario)[0].stress.to_data()["start"] == "P3"
    view.select("Shock")
    assert view.duplicate_selected()
    assert _names(view) == ["Cut from P3", "Shock", "Shock (2)"]
    view.list.selectAll()
    assert view.delete_selected(confirm=False)
    assert _names(view) == []
    window.document.undo_stack.undo()  # one step brings all three back
    assert _names(view) == ["Cut from P3", "Shock", "Shock (2)"]


def test_stress_test_compares_replan_and_hold_with_hand_checked_costs(window, qtbot):
    # Base: 10 a ordered in P1 (lead 1) for 1,000. A licence from P2 stops them arriving:
    # re-plan buys 10 b in P2 (1,500); hold paid for the a and then buys the b (2,500).
    view = _open(window, _with_whatifs(three_periods(), ("Licence", "export-licence:start=P2")))
    run = _run(qtbot, view.stress)
    rows = {(r.scenario, r.answer): r for r in run.comparison.rows}
    assert rows[("Licence", "replan")].total_cost == pytest.approx(1500)
    assert rows[("Licence", "hold")].total_cost == pytest.approx(2500)
    assert rows[("Licence", "hold")].stranded_spend == pytest.approx(1000)
    model = view.stress.model
    assert model.rowCount() == 3
    texts = [[model.index(r, c).data() for c in range(model.columnCount())]
             for r in range(3)]
    assert texts[2][:2] == ["Licence", "hold"] and texts[2][5].startswith("+")
    verdict = [c.key for c in model.COLUMNS].index("verdict")
    assert texts[2][verdict] == "1,500 CNY dearer"
    assert view.stress.cost_chart.chart().series()  # the bars are drawn
    assert view.memo_button.isEnabled() and view.excel_button.isEnabled()
    dialog = view.stress.show_answer(2)  # hold: the stranded a ordered in P1, then 10 b
    qtbot.addWidget(dialog)
    plan = dialog.model
    vertical = Qt.Orientation.Vertical
    rows = {plan.headerData(r, vertical): [plan.index(r, c).data()
                                           for c in range(plan.columnCount())]
            for r in range(plan.rowCount())}
    assert rows["b"] == ["·", "10", "·", "10"]  # P1, P2, P3, total
    assert rows["a (ordered P1)"][0] == "10"  # in transit at the licence: stranded


def test_stress_options_hold_only_and_selection(window, qtbot):
    view = _open(window, _with_whatifs(three_periods(), ("Licence", "export-licence:start=P2"),
                                       ("Dearer", "price-shock:start=P1,change=0.5")))
    view.select("Dearer")
    view.stress.replan.setChecked(False)
    run = _run(qtbot, view.stress)
    assert [(r.scenario, r.answer) for r in run.comparison.rows] == [
        ("Base plan", "base"), ("Dearer", "hold")]


def test_changing_the_plan_marks_an_analysis_stale(window, qtbot):
    view = _open(window, _with_whatifs(three_periods(), ("Licence", "export-licence:start=P2")))
    _run(qtbot, view.sweep)
    assert not view.sweep.stale_label.isVisibleTo(view.sweep)
    window.document.push(SetField(("chips", "a", "price"), (120.0, 120.0, 120.0)))
    assert view.sweep.stale_label.isVisibleTo(view.sweep)
    assert view.stress.outcome is None and not view.stress.stale_label.isVisibleTo(view.stress)


def test_sweep_draws_a_monotone_curve_with_the_current_plan_marked(window, qtbot):
    view = _open(window, three_periods())
    panel = view.sweep
    limit = panel.limit.findData("category_max:imported")
    panel.limit.setCurrentIndex(limit)
    assert panel.start_value.value() == pytest.approx(0.0)
    assert panel.stop_value.value() == pytest.approx(100.0)
    panel.points.setValue(5)
    curve = _run(qtbot, panel)
    costs = [p.total_cost for p in curve.points]
    # 0%: everything from B at 150; 100%: everything from A at 100 (shares of spend).
    assert costs[0] == pytest.approx(1500) and costs[-1] == pytest.approx(1000)
    assert all(a >= b - 1e-6 for a, b in itertools.pairwise(costs))
    assert curve.current_cost == pytest.approx(1000)
    assert len(panel.chart.chart().series()) == 2  # no imported cap set: nothing to mark
    assert panel.model.rowCount() == 5
    tighter = [per_step(curve, p.marginal) for p in curve.points if p.marginal is not None]
    assert all(t >= -1e-6 for t in tighter)  # tightening a cap never saves money
    # "Cost of one step tighter" is that cost: the next tighter point's total minus this one's.
    by_value = sorted(curve.points, key=lambda p: p.value)
    loosest, next_tighter = by_value[-1], by_value[-2]
    assert curve.step_cost(loosest) == pytest.approx(
        next_tighter.total_cost - loosest.total_cost)
    assert curve.step_cost(by_value[0]) is None  # nothing tighter than the tightest
    column = [c.key for c in panel.model.COLUMNS].index("step_cost")
    row = curve.points.index(loosest)
    assert panel.model.index(row, column).data() == formatting.money(
        next_tighter.total_cost - loosest.total_cost, "CNY")


def test_monte_carlo_is_reproducible_and_takes_typed_probabilities(window, qtbot):
    # One vendor whose fleet exactly meets demand over 4 periods: a shortfall happens
    # whenever the vendor is out in some period, P = 1 - (1 - p)^4.
    view = _open(window, one_vendor_fleet())
    panel = view.simulation
    item = panel.probabilities.item(0, PROBABILITY)
    item.setText("20%")
    assert panel.settings().explicit == {"A": pytest.approx(0.2)}
    assert panel.probabilities.item(0, PROBABILITY).text() == "20.0%"
    panel.futures.setValue(20_000)
    panel.seed.setValue(7)
    first = _run(qtbot, panel)
    assert first.total.probability == pytest.approx(1 - 0.8 ** 4, abs=0.015)
    again = _run(qtbot, panel)
    assert again.total.probability == first.total.probability
    assert again.total.expected == first.total.expected
    assert panel.model.rowCount() == 2  # the workload and "all"
    item = panel.probabilities.item(0, PROBABILITY)
    item.setText("150%")  # refused, value kept
    assert panel.settings().explicit == {"A": pytest.approx(0.2)}


def test_cancel_stops_an_analysis_and_shows_nothing(window, qtbot):
    view = _open(window, three_periods())
    panel = view.simulation
    panel.futures.setValue(1_000_000)
    with qtbot.waitSignal(panel.runner.cancelled, timeout=10_000):
        panel.run()
        panel.cancel()
    assert panel.outcome is None
    assert panel.run_button.isEnabled()
    assert panel.wait_for_done(60_000)


def test_analyses_export_to_a_workbook(window, qtbot, tmp_path):
    view = _open(window, _with_whatifs(three_periods(), ("Licence", "export-licence:start=P2")))
    _run(qtbot, view.stress)
    _run(qtbot, view.sweep)
    path = tmp_path / "analysis.xlsx"
    with qtbot.waitSignal(view.export_runner.finished, timeout=30_000):
        assert view.export_workbook(path)
    workbook = load_workbook(path)
    assert workbook.sheetnames == ["Scenario comparison", "Trade-off"]
    memo = tmp_path / "memo.pdf"
    with qtbot.waitSignal(view.export_runner.finished, timeout=60_000):
        assert view.export_memo(memo)
    assert memo.read_bytes().startswith(b"%PDF")


def test_switching_scenario_variant_clears_the_analyses(window, qtbot):
    view = _open(window, three_periods())
    _run(qtbot, view.sweep)
    window.document.add_variant("copy")
    assert view.sweep.outcome is None and view.sweep.model.rowCount() == 0


@pytest.mark.parametrize("model_class", [VariantListModel, ComparisonModel, SweepPointsModel,
                                         ShortfallRiskModel])
def test_analysis_models_pass_the_model_tester(qtmodeltester, window, qtbot, model_class):
    view = _open(window, _with_whatifs(three_periods(), ("Licence", "export-licence:start=P2")))
    _run(qtbot, view.stress)
    _run(qtbot, view.sweep)
    _run(qtbot, view.simulation)
    model = {VariantListModel: view.model, ComparisonModel: view.stress.model,
             SweepPointsModel: view.sweep.model,
             ShortfallRiskModel: view.simulation.model}[model_class]
    assert model.rowCount() > 0
    qtmodeltester.check(model)


def test_every_template_text_is_offered_for_translation():
    from procure.analysis import TEMPLATES, template_fields
    from ui.views.scenarios.template_texts import TEMPLATE_TEXTS

    needed = set()
    for kind, cls in TEMPLATES.items():
        needed.add(cls.title)
        for field in template_fields(kind):
            needed |= {field["label"], *(field.get("choices") or [])}
            if field.get("help"):
                needed.add(field["help"])
    assert needed <= set(TEMPLATE_TEXTS)


def test_progress_messages_of_the_analyses_are_translated(qapp):
    from ui import i18n
    from ui.views.scenarios.analysis_panel import progress_text

    assert progress_text("Solved 3 of 14 stressed plans") == "Solved 3 of 14 stressed plans"
    i18n.install("zh_CN")
    try:
        assert progress_text("Solved 3 of 14 stressed plans") == "已求解 3/14 个压力情景计划"
        assert progress_text("Simulated 500 of 1000 futures") == "已模拟 500/1000 个未来情形"
        assert progress_text("Summarising") == "正在汇总"
    finally:
        i18n.install("en")


def test_the_page_is_built_when_first_shown_and_catches_up_with_edits(window, qtbot):
    from ui.workspace import PLAN

    window.set_store(PlanStore.new(three_periods()))
    workspace = window.workspace
    assert workspace._scenarios is None  # opening a plan does not build it
    view = workspace.scenarios
    workspace.show_page(PLAN)
    scenario = _with_whatifs(window.document.scenario, ("Cut", "export-licence:start=P2"))
    window.document.push(SetField(("x",), scenario.x))
    assert _names(view) == []  # hidden: not reloaded on every edit
    workspace.show_page(SCENARIOS)
    assert _names(view) == ["Cut"]
