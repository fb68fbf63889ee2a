"""The plan's workbook and memo carry a hedge of its what-ifs (#14 item 5)."""

from __future__ import annotations

import subprocess

import openpyxl
from analysis_factories import hedge_plan_data as plan_data

from procure.analysis.hedge import solve_hedge
from procure.analysis.hedge_stored import HedgeDefinition
from procure.exports import write_memo, write_workbook
from procure.formats.scenario_json import scenario_from_data
from procure.optimiser import solve

DEFINITION = HedgeDefinition((("high", 0.6),))


def test_the_plan_workbook_and_memo_carry_the_hedge(tmp_path):
    """The hedge sheet goes into the plan's workbook and the section "Recommendation under
    uncertainty" into the plan's memo (read back from the files)."""
    plan = scenario_from_data(plan_data())
    hedge = DEFINITION.hedge(plan)
    hedged = solve_hedge(hedge)
    result = solve(plan)
    book = tmp_path / "plan.xlsx"
    write_workbook(plan, result, book, analysis={"hedge": hedged})
    sheets = openpyxl.load_workbook(book).sheetnames
    assert "Hedge" in sheets and sheets.index("Hedge") < sheets.index("About")
    memo = tmp_path / "plan.pdf"
    write_memo(plan, result, memo, hedge=(hedge, hedged))
    text = subprocess.run(["pdftotext", str(memo), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "Recommendation under uncertainty" in text


def test_the_hedge_section_is_in_chinese_in_a_chinese_memo(tmp_path):
    plan = scenario_from_data(plan_data())
    hedge = DEFINITION.hedge(plan)
    memo = tmp_path / "plan-zh.pdf"
    write_memo(plan, solve(plan), memo, hedge=(hedge, solve_hedge(hedge)), language="zh")
    text = subprocess.run(["pdftotext", str(memo), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "不确定性下的建议" in text
    assert "完全信息价值" in text
    assert "Recommendation under uncertainty" not in text
