"""A new planner builds and solves a small plan from an empty one, through the editors."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from procure.domain.result import SolveStatus
from ui.views.table_view import TableView

REPO = Path(__file__).resolve().parents[2]


def test_build_and_solve_a_small_plan_from_scratch(window, qtbot):
    window.start_page.empty_button.click()
    workspace = window.workspace
    chips_page = workspace.pages[2]
    chips_page.table.add_action.trigger()
    chips = chips_page.model
    assert chips.rowCount() == 1
    assert not window.optimiser.optimise()  # a new chip has no compute yet: flagged
    assert chips.setData(chips.index(0, 3), "0.5")  # peak PFLOP/s
    prices = chips_page.prices.view
    prices.setCurrentIndex(prices.model().index(0, 0))
    assert prices.paste("100000\t100000\t90000\t90000\n")
    workloads_page = workspace.pages[3]
    workloads_page.table.add_action.trigger()
    demand: TableView = workloads_page.demand.view
    demand.setCurrentIndex(demand.model().index(0, 0))
    assert demand.paste("10\t20\t30\t40\n")
    efficiency = workloads_page.efficiency.view.model()
    assert efficiency.setData(efficiency.index(0, 0), "0.8")
    assert len(window.document.problems) == 0
    with qtbot.waitSignal(window.optimiser.solved, timeout=60_000) as blocker:
        window.actions_.optimise.trigger()
    result = blocker.args[0]
    assert result.status is SolveStatus.OPTIMAL
    # 40 PFLOP/s at 0.8 x 0.5 per unit needs 100 units, bought as late as each period allows.
    assert sum(result.buy["chip-1"].values()) == pytest.approx(100.0)


def test_the_translations_are_complete_and_up_to_date():
    ts = REPO / "resources" / "i18n" / "procure_zh_CN.ts"
    unfinished = [m.findtext("source") for m in ET.parse(ts).getroot().iter("message")
                  if m.find("translation").get("type") == "unfinished"]
    assert unfinished == []
    check = subprocess.run([sys.executable, "resources/i18n/update_translations.py", "--check"],
                           cwd=REPO, capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    assert (REPO / "resources" / "i18n" / "procure_zh_CN.qm").stat().st_size > 5_000
