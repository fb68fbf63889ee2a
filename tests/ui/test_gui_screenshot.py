"""Render the main window with the demo plan solved (a CI artifact, not compared)."""

from __future__ import annotations

from pathlib import Path

from procure.domain.result import SolveStatus
from ui.plan_store import PlanStore
from ui.workspace import CHIPS

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"


def test_screenshot_of_the_demo_plan_solved(window, qtbot, demo_scenario):
    window.resize(1440, 900)
    window.show()
    window.set_store(PlanStore.new(demo_scenario))
    with qtbot.waitSignal(window.optimiser.solved, timeout=120_000) as blocker:
        window.optimiser.optimise()
    assert blocker.args[0].status is SolveStatus.OPTIMAL
    qtbot.wait(50)
    ARTIFACTS.mkdir(exist_ok=True)
    result_png = ARTIFACTS / "main-window.png"
    assert window.grab().save(str(result_png))
    window.workspace.show_page(CHIPS)
    qtbot.wait(20)
    assert window.grab().save(str(ARTIFACTS / "chips-page.png"))
    assert result_png.stat().st_size > 20_000  # a real picture, not an empty frame


def test_screenshot_of_the_scenarios_page(window, qtbot, demo_scenario):
    from procure.analysis import Variant, parse_template, put_variant
    from ui.workspace import SCENARIOS

    for name, spec in (("Nvidia cut in Q3", "export-licence:start=2026Q3"),
                       ("Cambricon exits", "supplier-exit:vendor=cambricon,start=2026Q4,"
                                           "support_quarters=2"),
                       ("In-house chip slips 2 quarters", "slip:quarters=2")):
        demo_scenario = put_variant(demo_scenario, Variant(name, stress=parse_template(spec)))
    window.resize(1440, 900)
    window.show()
    window.set_store(PlanStore.new(demo_scenario))
    window.workspace.show_page(SCENARIOS)
    view = window.workspace.scenarios
    with qtbot.waitSignal(view.stress.done, timeout=120_000):
        view.stress.run()
    assert view.stress.model.rowCount() == 7
    qtbot.wait(50)
    ARTIFACTS.mkdir(exist_ok=True)
    stress_png = ARTIFACTS / "scenarios-stress.png"
    assert window.grab().save(str(stress_png))
    view.tabs.setCurrentWidget(view.sweep)
    view.sweep.limit.setCurrentIndex(view.sweep.limit.findData("weighted_risk"))
    with qtbot.waitSignal(view.sweep.done, timeout=120_000):
        view.sweep.run()
    qtbot.wait(50)
    assert window.grab().save(str(ARTIFACTS / "scenarios-tradeoff.png"))
    assert stress_png.stat().st_size > 20_000
