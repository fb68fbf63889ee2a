"""Workbook -> scenario: lossless round trips, the template, and strict, located errors."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from procure.domain.model import Budget, Chip, FleetEntry, Scenario, Vendor, Workload
from procure.domain.result import Result
from procure.errors import ValidationError
from procure.exports import excel_layout as L
from procure.exports import read_workbook, write_template, write_workbook


def _round_trip(scenario: Scenario, result: Result, tmp_path: Path) -> Scenario:
    path = tmp_path / "plan.xlsx"
    write_workbook(scenario, result, path)
    return read_workbook(path)


def test_small_round_trip_is_lossless(small: tuple[Scenario, Result], tmp_path: Path) -> None:
    assert _round_trip(*small, tmp_path) == small[0]


def test_demo_round_trip_keeps_cjk_names_and_extensions(
    demo: tuple[Scenario, Result], tmp_path: Path
) -> None:
    back = _round_trip(*demo, tmp_path)
    assert back == demo[0]
    assert any(c.name and "自研" in c.name for c in back.chips)
    assert back.chips[0].x == demo[0].chips[0].x is not None


def test_odd_but_valid_scenario_round_trips(small: tuple[Scenario, Result], tmp_path: Path) -> None:
    """Formula-like names, blanks that mean 'absent', empty and nested extensions, one period."""
    scenario = Scenario(
        periods=("2027",),
        vendors=(
            Vendor("v1", "domestic", name="=cmd|' /C calc'!A0", x={}),
            Vendor("v2", "in-house", name="@华为 & <b>", risk=0.25, max_share=0.8),
        ),
        chips=(
            Chip(
                "c1",
                "v1",
                0.5,
                (1.5e5,),
                name="-910C",
                lifetime=3,
                lot_size=8,
                memory_gb=128.0,
                x={"nested": {"list": [1, "二", None, True]}},
            ),
            Chip("c2", "v2", 0.25, (6e4,), supply=(0.0,), lead_time=1, power_kw=0.3),
        ),
        workloads=(Workload("w", (10.0,), {"c1": 0.5, "c2": 0.0}, name="+train"),),
        fleet=(FleetEntry("c1", 12.5, retire_after="2027", x={"site": "贵安"}),),
        name="+plan",
        currency="USD",
        hours=(2190.0,),
        budget=Budget(per_period=(1e9,), x={"k": 1}),
        shortfall_penalty=1e6,
        integer=True,
        x={"author": "=SUM(1)"},
    )
    template = tmp_path / "t.xlsx"
    write_template(template, scenario=scenario)
    assert read_workbook(template) == scenario


def test_blank_template_reads_back_as_an_incomplete_scenario(tmp_path: Path) -> None:
    path = tmp_path / "blank.xlsx"
    write_template(path, periods=["2027H1", "2027H2"])
    wb = load_workbook(path)
    assert [c.value for c in wb[L.PRICES][1]] == ["Chip", "2027H1", "2027H2"]
    assert [c.value for c in wb[L.PERIODS]["A"]][1:] == ["2027H1", "2027H2"]
    with pytest.raises(ValidationError) as info:
        read_workbook(path)
    assert [(p.location, p.message) for p in info.value.problems] == [
        ("Vendors", "must list at least one vendor")
    ]


# --- malformed workbooks: each rejected, with the cell -------------------------------


def _broken(
    small: tuple[Scenario, Result], tmp_path: Path, edit: Callable[[Any], None]
) -> list[str]:
    path = tmp_path / "plan.xlsx"
    write_workbook(*small, path)
    wb = load_workbook(path)
    edit(wb)
    wb.save(path)
    with pytest.raises(ValidationError) as info:
        read_workbook(path)
    assert info.value.source == str(path)
    return [str(p) for p in info.value.problems]


def _set(sheet: str, cell: str, value: Any) -> Callable[[Any], None]:
    def edit(wb: Any) -> None:
        wb[sheet][cell] = value

    return edit


CASES = [
    (
        "missing sheet",
        lambda wb: wb.remove(wb[L.PRICES]),
        "Prices: the sheet 'Prices' is missing (an empty sheet with its header row is fine)",
    ),
    (
        "wrong header",
        _set(L.CHIPS, "D1", "Peak TFLOP/s"),
        "Chips!D1: header must be 'Peak PFLOP/s', got text 'Peak TFLOP/s'",
    ),
    (
        "text in a number cell",
        _set(L.CHIPS, "D3", "fast"),
        "Chips!D3: Peak PFLOP/s: text 'fast' where a number belongs",
    ),
    (
        "formula where a value belongs",
        _set(L.PRICES, "C2", "=95000*1.1"),
        "Prices!C2: 2026Q2: a formula where a value belongs (type the value itself)",
    ),
    (
        "date in a number cell",
        _set(L.DEMAND, "B2", dt.datetime(2026, 1, 1)),
        "Demand!B2: 2026Q1: a date or time where a number belongs",
    ),
    (
        "boolean in a number cell",
        _set(L.VENDORS, "D2", True),
        "Vendors!D2: Risk (0-1): TRUE/FALSE where a number belongs",
    ),
    (
        "value out of range",
        _set(L.VENDORS, "D3", 1.5),
        "Vendors!D3: Risk (0-1): must be <= 1, got 1.5",
    ),
    ("unknown reference", _set(L.CHIPS, "B4", "intel"), "Chips!B4: Vendor: unknown vendor 'intel'"),
    (
        "unknown chip in efficiency",
        _set(L.EFFICIENCY, "B3", "h100"),
        "Efficiency!B3: Chip: unknown chip 'h100'",
    ),
    (
        "duplicate id",
        _set(L.CHIPS, "A3", "h20"),
        "Chips!A3: ID: duplicate chip id 'h20' (first at chips[0])",
    ),
    ("missing required cell", _set(L.WORKLOADS, "A2", None), "Workloads!A2: ID: is required"),
    (
        "half-filled period column",
        _set(L.PERIODS, "F3", None),
        "Periods!F3: Power cap (kW): fill this column for every period or leave it all blank",
    ),
    (
        "missing price cell",
        _set(L.PRICES, "E3", None),
        "Prices!E3: 2026Q4: is missing (every period needs a value)",
    ),
    ("value outside the table", _set(L.FLEET, "F2", "note"), "Fleet!F2: value outside the table"),
    ("unknown scenario field", _set(L.SCENARIO, "A3", "nmae"), "Scenario!A3: unknown field 'nmae'"),
    (
        "bad extension JSON",
        _set(L.VENDORS, "F2", "{not json"),
        "Vendors!F2: Extensions (JSON): not valid JSON",
    ),
    (
        "fractional lead time",
        _set(L.CHIPS, "G2", 1.5),
        "Chips!G2: Lead time (periods): must be a whole number, got 1.5",
    ),
    (
        "wrong period header",
        _set(L.DEMAND, "C1", "2026-Q2"),
        "Demand!C1: header must be '2026Q2', got text '2026-Q2'",
    ),
    (
        "category limit typo",
        _set(L.CATEGORY_LIMITS, "A2", "inhouse"),
        "'Category limits'!A2: Category: no vendor has category 'inhouse'",
    ),
]


@pytest.mark.parametrize(("case", "edit", "expected"), CASES, ids=[c[0] for c in CASES])
def test_malformed_workbook_is_rejected_with_its_cell(
    small: tuple[Scenario, Result],
    tmp_path: Path,
    case: str,
    edit: Callable[[Any], None],
    expected: str,
) -> None:
    problems = _broken(small, tmp_path, edit)
    assert any(p.startswith(expected) for p in problems), problems


def test_every_problem_is_reported_not_just_the_first(
    small: tuple[Scenario, Result], tmp_path: Path
) -> None:
    def edit(wb: Any) -> None:
        wb[L.CHIPS]["D3"] = "fast"
        wb[L.PRICES]["C2"] = "=1"
        wb[L.VENDORS]["D3"] = -1

    problems = _broken(small, tmp_path, edit)
    assert [p.split(":")[0] for p in problems] == ["Vendors!D3", "Chips!D3", "Prices!C2"]


def test_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "plan.xlsx"
    path.write_text("a,b\n1,2\n")
    with pytest.raises(ValidationError, match=r"not an Excel \.xlsx workbook"):
        read_workbook(path)


def test_text_that_looks_like_a_formula_is_data_not_a_formula(
    small: tuple[Scenario, Result], tmp_path: Path
) -> None:
    vendors = (dataclasses.replace(small[0].vendors[0], name="=1+1"), *small[0].vendors[1:])
    scenario = dataclasses.replace(small[0], vendors=vendors)
    assert _round_trip(scenario, small[1], tmp_path).vendors[0].name == "=1+1"


def _v2_example() -> tuple[Scenario, Result]:
    from exports.tools import example_file
    from procure.formats.scenario_json import read_scenario
    from procure.optimiser import solve

    scenario = read_scenario(example_file("example-v2.json"))
    return scenario, solve(scenario)


def test_version_2_round_trip_is_identical(tmp_path: Path) -> None:
    scenario, result = _v2_example()
    back = _round_trip(scenario, result, tmp_path)
    assert back == scenario
    assert back.version == 2 and back.fx == {"USD": (7.1, 7.15, 7.2, 7.25)}
    assert back.workloads[0].efficiency["asic1"] == (0.3, 0.4, 0.5, 0.5)
    assert [f.in_service_from for f in back.fleet] == [None, None, "2026Q2"]


def test_version_2_extremes_round_trip(tmp_path: Path) -> None:
    """An explicitly empty vendor list, an fx rate no chip uses, a zero memory demand."""
    from procure.domain.model import RiskGroup

    scenario, result = _v2_example()
    odd = dataclasses.replace(
        scenario,
        fx={"USD": (7.1, 7.15, 7.2, 7.25), "EUR": (7.7, 7.7, 7.8, 7.8)},
        risk_groups=(
            RiskGroup(id="hbm", vendors=(), chips=("h20", "asic1"), max_share=None, x={"k": 1}),
        ),
        discount_rate=0.0,
        periods_per_year=None,
        workloads=(dataclasses.replace(scenario.workloads[0], memory_demand=(0.0, 0, 0, 0)),),
    )
    assert _round_trip(odd, result, tmp_path) == odd


def test_version_1_workbook_has_no_version_2_sheets(
    small: tuple[Scenario, Result], tmp_path: Path
) -> None:
    from procure.exports.excel_v2 import V2_SHEETS

    path = tmp_path / "plan.xlsx"
    write_workbook(*small, path)
    wb = load_workbook(path)
    assert not set(V2_SHEETS) & set(wb.sheetnames)
    assert wb[L.SCENARIO]["B2"].value == "procure-scenario/1"


def test_a_pair_with_a_number_and_a_ramp_is_refused(tmp_path: Path) -> None:
    from procure.exports.excel_v2 import RAMPS

    scenario, result = _v2_example()
    path = tmp_path / "plan.xlsx"
    write_workbook(scenario, result, path)
    wb = load_workbook(path)
    wb[RAMPS].append(["infer", "h20", 0.1, 0.2, 0.3, 0.4])
    wb.save(path)
    with pytest.raises(ValidationError) as info:
        read_workbook(path)
    assert "'infer' on 'h20' has both a number" in str(info.value)
