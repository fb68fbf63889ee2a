"""Sentences from the core follow the window's language."""

from __future__ import annotations

from conftest import infeasible_scenario, small_scenario
from PySide6.QtWidgets import QLabel

from procure.domain.result import SolveStatus
from procure.optimiser import solve
from ui.result_summary import summarise
from ui.views.diagnosis_panel import DiagnosisPanel


def _has_chinese(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def test_the_diagnosis_is_shown_in_the_chosen_language(qtbot):
    scenario = infeasible_scenario()
    result = solve(scenario)
    assert result.status is SolveStatus.INFEASIBLE
    panel = DiagnosisPanel()
    qtbot.addWidget(panel)
    panel.set_result(result, scenario, "zh")
    texts = [w.text() for w in panel.findChildren(QLabel) if w.toolTip()]
    assert len(texts) == len(result.diagnosis) >= 1
    assert all(_has_chinese(t) and "（原为60%）" in t for t in texts)
    english = DiagnosisPanel()
    qtbot.addWidget(english)
    english.set_result(result, scenario, "en")
    texts = [w.text() for w in english.findChildren(QLabel) if w.toolTip()]
    assert texts == [d.message for d in result.diagnosis]


def test_the_summary_explains_and_prices_limits_in_chinese():
    scenario = small_scenario()
    result = solve(scenario)
    summary = summarise(result, scenario, "zh")
    assert summary is not None and _has_chinese(summary.explanation)
    assert summarise(result, scenario, "en").explanation.startswith("Plan ")
