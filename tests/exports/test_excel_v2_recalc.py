"""The version-2 plan sheets computed by LibreOffice: present value, group spend, memory."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from exports.tools import example_file
from procure.exports import excel_layout as L
from procure.exports import write_workbook
from procure.exports.excel_v2 import MONEY
from procure.exports.excel_v2_plan import GROUP_SPEND, MEMORY, PRESENT_VALUE, period_costs
from procure.formats.scenario_json import read_scenario
from procure.optimiser import solve

pytestmark = pytest.mark.slow


def _computed(soffice: Any, tmp_path: Path, rate: float | None = None) -> Any:
    scenario = read_scenario(example_file("example-v2.json"))
    result = solve(scenario)
    path = tmp_path / "v2.xlsx"
    write_workbook(scenario, result, path)
    if rate is not None:  # what finance does: type another rate and let the sheet move
        wb = load_workbook(path)
        wb[MONEY]["B2"] = rate
        wb.save(path)
    recalculated = soffice.recalculate(path, tmp_path / "lo")
    return scenario, result, load_workbook(recalculated, data_only=True)


def _total(ws: Any, n_periods: int) -> float:
    assert ws.cell(n_periods + 2, 1).value == "Total"
    return ws.cell(n_periods + 2, 7).value


def test_present_value_formula_equals_the_solved_objective(soffice: Any, tmp_path: Path) -> None:
    scenario, result, wb = _computed(soffice, tmp_path)
    n = len(scenario.periods)
    assert _total(wb[PRESENT_VALUE], n) == pytest.approx(result.objective, rel=1e-9)
    assert result.objective == pytest.approx(23852390.61, abs=0.01)  # the spec's figure
    shares = {row[0]: row[4] for row in wb[GROUP_SPEND].iter_rows(min_row=2, values_only=True)}
    assert shares["domestic-foundry"] == pytest.approx(result.share["by_group"]["domestic-foundry"])
    spare = [row[4] for row in wb[MEMORY].iter_rows(min_row=2, values_only=True)]
    assert len(spare) == n and min(spare) >= -1e-6


def test_changing_the_rate_moves_the_present_value(soffice: Any, tmp_path: Path) -> None:
    scenario, result, wb = _computed(soffice, tmp_path, rate=0.20)
    expected = sum(
        sum(costs) * 1.2 ** (-i / 4) for i, costs in enumerate(period_costs(scenario, result))
    )
    assert _total(wb[PRESENT_VALUE], len(scenario.periods)) == pytest.approx(expected, rel=1e-9)
    assert expected < result.objective


def test_spend_of_a_dollar_priced_chip_is_converted_at_the_fx_rate(
    soffice: Any, tmp_path: Path
) -> None:
    _, result, wb = _computed(soffice, tmp_path)
    summary = {
        row[0]: row[1]
        for row in wb[L.SUMMARY].iter_rows(min_row=6, max_row=15, max_col=2, values_only=True)
    }
    assert result.cost is not None
    assert summary["Capital spend (CNY)"] == pytest.approx(result.cost.capex, rel=1e-9)
    assert summary["Total cost of ownership"] == pytest.approx(result.cost.objective, rel=1e-9)
