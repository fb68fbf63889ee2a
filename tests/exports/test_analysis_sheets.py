"""write_workbook(analysis=...) appends the scenario-analysis sheets to the plan's workbook."""

from __future__ import annotations

from openpyxl import load_workbook

from procure.analysis.tradeoff import SweepLimit, sweep
from procure.exports import read_workbook, write_workbook
from procure.formats.scenario_json import read_scenario
from procure.optimiser import solve


def test_sweep_sheet_is_added_and_the_workbook_still_imports(tmp_path, example_path):
    scenario = read_scenario(example_path)
    result = solve(scenario)
    curve = sweep(scenario, SweepLimit.parse("weighted_risk"), [0.4, 0.5, 0.6],
                  base_result=result, workers=1)
    plain, with_sweep = tmp_path / "plain.xlsx", tmp_path / "sweep.xlsx"
    write_workbook(scenario, result, plain)
    write_workbook(scenario, result, with_sweep, analysis={"sweep": curve})
    added = set(load_workbook(with_sweep).sheetnames) - set(load_workbook(plain).sheetnames)
    assert len(added) == 1
    assert load_workbook(with_sweep).sheetnames[-1] == load_workbook(plain).sheetnames[-1]
    assert read_workbook(with_sweep) == scenario
