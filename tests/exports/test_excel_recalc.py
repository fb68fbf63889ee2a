"""The workbook's formulas computed by a real spreadsheet program agree with the plan.

openpyxl writes formulas without values, so LibreOffice (headless) opens each
workbook, recalculates it and saves the computed values, which are then compared
with the optimiser's own figures.
"""

from __future__ import annotations

from typing import Any

import pytest
from openpyxl import load_workbook

from procure.domain.model import Scenario
from procure.domain.result import Result
from procure.exports import excel_layout as L
from procure.exports import write_workbook
from procure.exports.excel_plan import layout_for
from procure.ranking import binding_count

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module", params=["small", "demo"])
def computed(
    request: pytest.FixtureRequest, soffice: Any, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Scenario, Result, Any]:
    scenario, result = request.getfixturevalue(request.param)
    folder = tmp_path_factory.mktemp(f"recalc-{request.param}")
    path = folder / f"{request.param}.xlsx"
    write_workbook(scenario, result, path)
    recalculated = soffice.recalculate(path, folder / "lo")
    return scenario, result, load_workbook(recalculated, data_only=True)


def _approx(value: float) -> Any:
    return pytest.approx(value, rel=1e-9, abs=1e-6)


def test_headline_figures(computed: tuple[Scenario, Result, Any]) -> None:
    _, result, wb = computed
    summary = {
        row[0]: row[1]
        for row in wb[L.SUMMARY].iter_rows(min_row=6, max_row=15, max_col=2, values_only=True)
    }
    assert result.cost is not None
    assert summary["Total cost of ownership"] == _approx(result.objective)
    assert summary["Capital spend (CNY)"] == _approx(result.cost.capex)
    assert summary["Weighted vendor risk"] == pytest.approx(result.weighted_risk, abs=1e-9)
    assert summary["Vendor concentration (HHI)"] == pytest.approx(result.hhi, abs=1e-9)
    assert summary["New units ordered"] == _approx(
        sum(sum(p.values()) for p in result.buy.values())
    )
    assert summary["Binding limits (set by the planner)"] == binding_count(result)
    assert summary["Unmet demand (PFLOP/s, all periods)"] == pytest.approx(0.0, abs=1e-6)


def test_spend_by_vendor_category_period_and_chip(computed: tuple[Scenario, Result, Any]) -> None:
    scenario, result, wb = computed
    lay = layout_for(scenario)
    ws = wb[L.SPEND]
    for i, vendor in enumerate(scenario.vendors):
        row = i + 2
        assert ws[f"A{row}"].value == vendor.id
        assert ws[f"E{row}"].value == _approx(result.spend["by_vendor"][vendor.id])
        assert ws[f"F{row}"].value == pytest.approx(result.share["by_vendor"][vendor.id], abs=1e-9)
    for k, category in enumerate(scenario.categories()):
        row = lay.category_header + 1 + k
        assert ws[f"A{row}"].value == category
        assert ws[f"B{row}"].value == _approx(result.spend["by_category"][category])
    for j, period in enumerate(scenario.periods):
        row = lay.period_header + 1 + j
        assert ws[f"B{row}"].value == _approx(result.spend["by_period"][period])
    by_chip = wb[L.SPEND_BY_CHIP]
    total_col = lay.total_col
    for i, chip in enumerate(scenario.chips):
        assert by_chip.cell(i + 2, total_col).value == _approx(result.spend["by_chip"][chip.id])


def test_capacity_matches_the_demand_rows(computed: tuple[Scenario, Result, Any]) -> None:
    """Delivered compute (a SUMPRODUCT over the assignment) equals each demand row's left side."""
    _, result, wb = computed
    checked = 0
    for workload, period, demand, delivered, shortfall, _ in wb[L.CAPACITY].iter_rows(
        min_row=2, values_only=True
    ):
        row = result.constraint(f"demand:{workload}:{period}")
        assert demand == _approx(row.rhs)
        assert delivered + shortfall == pytest.approx(row.lhs, rel=1e-7, abs=1e-6)
        checked += 1
    assert checked == sum(1 for c in result.constraints if c.kind == "demand")


def test_charts_survive_a_round_trip_through_libreoffice(
    computed: tuple[Scenario, Result, Any],
) -> None:
    assert len(computed[2][L.SUMMARY]._charts) == 2


def test_a_plan_with_nothing_to_buy_computes_without_errors(soffice: Any, tmp_path: Any) -> None:
    """No chips at all: every range is empty, and no formula may end in #VALUE! or Err:."""
    from procure.domain.model import Vendor
    from procure.optimiser import solve

    scenario = Scenario(periods=("2027Q1", "2027Q2"), vendors=(Vendor("v", "domestic"),))
    path = tmp_path / "empty.xlsx"
    write_workbook(scenario, solve(scenario), path)
    wb = load_workbook(soffice.recalculate(path, tmp_path / "lo"), data_only=True)
    errors = [
        (ws.title, cell.coordinate)
        for ws in wb
        for row in ws.iter_rows()
        for cell in row
        if isinstance(cell.value, str) and cell.value.startswith(("#", "Err:"))
    ]
    assert errors == []
    summary = {
        r[0]: r[1]
        for r in wb[L.SUMMARY].iter_rows(min_row=6, max_row=15, max_col=2, values_only=True)
    }
    assert summary["Total cost of ownership"] == 0
    assert summary["New units ordered"] == 0
