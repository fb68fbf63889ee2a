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
