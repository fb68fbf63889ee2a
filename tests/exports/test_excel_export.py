"""The exported workbook read back with openpyxl: sheets, formulas, formats, charts, safety."""

from __future__ import annotations

import dataclasses
import datetime as dt
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from procure.domain.model import Scenario
from procure.domain.result import Result
from procure.errors import ProcureError
from procure.exports import excel_layout as L
from procure.exports import write_workbook

PLAN_SHEETS = [
    L.SUMMARY,
    L.PURCHASES,
    "Orders",
    L.SPEND,
    L.SPEND_BY_CHIP,
    L.CAPACITY,
    L.ASSIGNMENT,
    L.IN_SERVICE,
    L.CONSTRAINTS,
]


@pytest.fixture(scope="module")
def small_book(small: tuple[Scenario, Result], tmp_path_factory: pytest.TempPathFactory) -> Path:
    scenario, result = small
    path = tmp_path_factory.mktemp("xlsx") / "small.xlsx"
    write_workbook(
        scenario,
        result,
        path,
        source="example-small.json",
        solved_at=dt.datetime(2026, 11, 2, 9, 30),
    )
    return path


def test_sheets_are_in_reading_order(small_book: Path) -> None:
    wb = load_workbook(small_book)
    assert wb.sheetnames == [*PLAN_SHEETS, *L.INPUT_SHEETS, L.ABOUT]


def test_totals_and_shares_are_formulas_over_cells(small_book: Path) -> None:
    wb = load_workbook(small_book)
    spend = wb[L.SPEND]
    assert spend["A1"].value == "Vendor"
    assert spend["E2"].value.startswith("=SUMIF('Spend by chip'!$C$2:$C$4,A2,")
    assert spend["F3"].value == "=IF($E$5=0,0,E3/$E$5)"
    assert spend["E5"].value == "=SUM(E2:E4)"
    by_chip = wb[L.SPEND_BY_CHIP]
    assert by_chip["F3"].value == "='Purchases'!F3*'Prices'!C3"  # 910c, 2026Q2: units x price
    assert by_chip["I3"].value == "=SUM(E3:H3)"
    summary = wb[L.SUMMARY]
    assert summary["B6"].value == "=B7+B8+B9"
    assert summary["B7"].value == "='Spend'!$E$5"


def test_plan_values_and_number_formats(small_book: Path) -> None:
    wb = load_workbook(small_book)
    purchases = wb[L.PURCHASES]
    assert purchases["F3"].value == pytest.approx(80.25751072961376)
    assert purchases["F3"].number_format == L.FMT_UNITS
    assert wb[L.SPEND]["E2"].number_format == L.FMT_MONEY
    assert wb[L.SPEND]["F2"].number_format == L.FMT_PERCENT
    assert wb[L.PRICES]["B2"].number_format == L.FMT_MONEY
    constraints = wb[L.CONSTRAINTS]
    rows = {r[0]: r for r in constraints.iter_rows(min_row=2, max_col=7, values_only=True)}
    own = rows["vendor_share:own"]
    assert own[1] == "vendor_share"
    assert own[5] == "Yes"
    assert own[6] == pytest.approx(-31082886.955259137)
    assert rows["budget:2026Q1"][5] == "No"
    legend = {
        r[0]: r[1]
        for r in constraints.iter_rows(min_row=2, min_col=9, max_col=10, values_only=True)
        if r[0]
    }
    assert legend["demand"] == "CNY per PFLOP/s"
    assert legend["vendor_share"].startswith("CNY per 1.0 of the limit")


def test_assignment_lists_the_pairs_in_use(
    small_book: Path, small: tuple[Scenario, Result]
) -> None:
    rows = list(load_workbook(small_book)[L.ASSIGNMENT].iter_rows(min_row=2, values_only=True))
    assert [(r[0], r[1]) for r in rows] == [("h20", "infer"), ("910c", "infer"), ("asic1", "infer")]
    assert rows[0][2] == pytest.approx(0.148 * 0.45)  # PFLOP/s per unit = peak x efficiency
    assert rows[2][3:] == pytest.approx((0.0, 0.0, 128.8, 361.15879828326183))


def test_headers_frozen_filtered_and_sized(
    small_book: Path, small: tuple[Scenario, Result]
) -> None:
    wb = load_workbook(small_book)
    for name in (L.PURCHASES, L.CONSTRAINTS, L.CHIPS, L.PRICES, L.CAPACITY):
        ws = wb[name]
        assert ws.freeze_panes == "A2", name
        assert ws.auto_filter.ref and ws.auto_filter.ref.startswith("A1:"), name
        assert ws.column_dimensions["A"].width >= 12, name
    assert wb[L.CONSTRAINTS].auto_filter.ref == f"A1:G{1 + len(small[1].constraints)}"


def test_summary_has_native_charts(small_book: Path) -> None:
    charts = load_workbook(small_book)[L.SUMMARY]._charts
    kinds = sorted(type(c).__name__ for c in charts)
    assert kinds == ["BarChart", "PieChart"]
    bar = next(c for c in charts if type(c).__name__ == "BarChart")
    assert bar.grouping == "stacked"
    refs = [s.val.numRef.f for s in bar.series]
    assert refs[0].startswith("'Spend'!$B$")
    with zipfile.ZipFile(small_book) as z:
        assert sum(n.startswith("xl/charts/chart") for n in z.namelist()) == 2


def test_about_sheet_names_version_scenario_and_solve(small_book: Path) -> None:
    from procure import __version__

    about = dict(load_workbook(small_book)[L.ABOUT].iter_rows(min_row=2, values_only=True))
    assert about["Made with"] == f"Procure {__version__}"
    assert about["Scenario"] == "Example plan"
    assert about["Scenario file"] == "example-small.json"
    assert about["Solved at"] == "2026-11-02 09:30:00"
    assert about["Status"] == "optimal"


@pytest.mark.parametrize("name", ['=HYPERLINK("http://x")', "+1+2", "-3", "@SUM(A1)", "=1+1"])
def test_user_text_is_never_a_formula(
    small: tuple[Scenario, Result], tmp_path: Path, name: str
) -> None:
    scenario, result = small
    vendors = (dataclasses.replace(scenario.vendors[0], name=name), *scenario.vendors[1:])
    path = tmp_path / "evil.xlsx"
    write_workbook(dataclasses.replace(scenario, vendors=vendors, name=name), result, path)
    wb = load_workbook(path)
    cell = wb[L.VENDORS]["B2"]
    assert cell.value == name
    assert cell.data_type == "s"
    assert cell.quotePrefix
    assert wb[L.SCENARIO]["B3"].data_type == "s"
    assert wb[L.SPEND]["B2"].data_type == "s"


def test_infeasible_plan_exports_its_diagnosis(
    infeasible: tuple[Scenario, Result], tmp_path: Path
) -> None:
    scenario, result = infeasible
    path = tmp_path / "infeasible.xlsx"
    write_workbook(scenario, result, path)
    wb = load_workbook(path)
    assert L.DIAGNOSIS in wb.sheetnames and L.PURCHASES not in wb.sheetnames
    text = " ".join(str(v) for row in wb[L.SUMMARY].iter_rows(values_only=True) for v in row if v)
    assert "No plan meets every limit" in text
    diagnosed = [r[0] for r in wb[L.DIAGNOSIS].iter_rows(min_row=2, values_only=True)]
    assert diagnosed == [d.constraint for d in result.diagnosis]


def test_result_of_another_scenario_is_refused(
    small: tuple[Scenario, Result], demo: tuple[Scenario, Result], tmp_path: Path
) -> None:
    with pytest.raises(ProcureError, match="not a plan of scenario"):
        write_workbook(small[0], demo[1], tmp_path / "wrong.xlsx")
    assert not (tmp_path / "wrong.xlsx").exists()
