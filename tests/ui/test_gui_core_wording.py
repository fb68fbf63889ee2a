"""Sentences from the core follow the window's language."""

from __future__ import annotations

import pytest
from conftest import infeasible_scenario, small_scenario
from PySide6.QtCore import Qt

from procure.domain.result import SolveStatus
from procure.optimiser import solve
from ui import i18n
from ui.models.chip_table_model import ChipTableModel
from ui.models.roles import PROBLEM_ROLE
from ui.result_summary import summarise
from ui.views.diagnosis_panel import DiagnosisPanel
from ui.views.problems_panel import ProblemsPanel


def _has_chinese(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def test_the_diagnosis_is_shown_in_the_chosen_language(qtbot):
    scenario = infeasible_scenario()
    result = solve(scenario)
    assert result.status is SolveStatus.INFEASIBLE
    panel = DiagnosisPanel()
    qtbot.addWidget(panel)
    panel.set_result(result, scenario, "zh")
    texts = [w.text() for w in panel.relaxation_labels]
    assert len(texts) == len(result.diagnosis) >= 1
    assert all(_has_chinese(t) and "（原为60.0%）" in t for t in texts)
    levers = [w.text() for w in panel.lever_labels]
    assert levers and all("仅此一项即可" in t for t in levers)
    english = DiagnosisPanel()
    qtbot.addWidget(english)
    english.set_result(result, scenario, "en")
    texts = [w.text() for w in english.relaxation_labels]
    assert texts == ["• " + d.message for d in result.diagnosis]


def test_the_summary_explains_and_prices_limits_in_chinese():
    scenario = small_scenario()
    result = solve(scenario)
    summary = summarise(result, scenario, "zh")
    assert summary is not None and _has_chinese(summary.explanation)
    assert summarise(result, scenario, "en").explanation.startswith("Plan ")


@pytest.fixture
def chinese(qapp):
    i18n.install("zh_CN")
    yield
    i18n.install("en")


def _invalid_peak(document) -> ChipTableModel:
    chips = ChipTableModel(document)
    chips.setData(chips.index(0, _column(chips, "peak_pflops")), "-1")
    return chips


def _column(model: ChipTableModel, key: str) -> int:
    return next(i for i, c in enumerate(model.columns) if c.key == key)


def test_the_problems_list_and_cells_speak_chinese(document, qtbot, chinese):
    chips = _invalid_peak(document)
    panel = ProblemsPanel(document)
    qtbot.addWidget(panel)
    model = panel.model
    assert model.rowCount() == 1
    assert model.index(0, 1).data() == "必须大于 0，当前为 -1"
    assert model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole) == "必须大于 0，当前为 -1"
    assert model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole) == "chips[0].peak_pflops"
    cell = chips.index(0, _column(chips, "peak_pflops"))
    assert cell.data(PROBLEM_ROLE) == ["必须大于 0，当前为 -1"]
    assert cell.data(Qt.ItemDataRole.ToolTipRole) == "必须大于 0，当前为 -1"
    assert document.problems.problems[0].message == "must be > 0, got -1"  # the core's English


def test_the_problems_list_stays_english_in_english(document, qtbot):
    i18n.install("en")
    _invalid_peak(document)
    panel = ProblemsPanel(document)
    qtbot.addWidget(panel)
    assert panel.model.index(0, 1).data() == "must be > 0, got -1"


def test_money_is_written_as_chinese_planners_read_it(qapp):
    from ui import formatting, i18n

    i18n.install("zh_CN")
    try:
        formatting.configure("grouped", "compact")
        assert formatting.money(201.19e9, "CNY") == "2,011.90 亿元"
        assert formatting.money(41_000, "CNY") == "4.1 万元"
        formatting.configure("grouped", "symbol")
        assert formatting.money(-2.4e9, "CNY") == "-¥24.00 亿"
    finally:
        i18n.install("en")
        formatting.configure("grouped", "compact")
    assert formatting.money(201.19e9, "CNY") == "201 bn CNY"
