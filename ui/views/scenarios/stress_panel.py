"""Stress test tab: answer the chosen what-ifs (re-plan and hold) and compare them."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from procure.analysis import StressOptions, Variant, comparison_of, run_stresses
from procure.analysis.compare import Comparison
from procure.analysis.stress import Answer, StressOutcome
from procure.domain.model import Scenario
from procure.domain.result import Result
from procure.errors import ProcureError
from ui.i18n import tr as _tr
from ui.models.comparison_model import ComparisonModel
from ui.qt_compat import emit
from ui.views.charts.comparison_chart import ComparisonChart
from ui.views.result_table import result_table
from ui.views.scenarios.analysis_panel import AnalysisPanel

Inputs = tuple[Scenario, "Result | None", Sequence[Variant]]


@dataclass(frozen=True)
class StressRun:
    """What a stress test returns to the GUI thread."""

    outcomes: tuple[StressOutcome, ...]
    comparison: Comparison


def stress_job(scenario: Scenario, variants: Sequence[Variant], base_result: Result | None,
               options: StressOptions) -> Any:
    def job(progress: Any, should_stop: Any) -> StressRun:
        outcomes = run_stresses(scenario, variants, base_result, options, progress=progress,
                                should_stop=should_stop)
        return StressRun(outcomes, comparison_of(outcomes, scenario.currency_code))

    return job


class StressPanel(AnalysisPanel):
    """Runs the what-ifs ``inputs()`` returns and shows the comparison."""

    def __init__(self, inputs: Callable[[], Inputs], parent: QWidget | None = None) -> None:
        super().__init__(_tr("Run stress test"), parent)
        self._inputs = inputs
        self.run_button.setToolTip(_tr("Answer the selected what-ifs (all, if none is "
                                       "selected) against the base plan"))
        self.replan = QCheckBox(_tr("Re-plan (had we known in advance)"), self)
        self.replan.setChecked(True)
        self.hold = QCheckBox(_tr("Hold (keep orders placed before the news)"), self)
        self.hold.setChecked(True)
        self.hard = QCheckBox(_tr("Demand must be met"), self)
        self.hard.setToolTip(_tr("Off: unmet demand is allowed, priced high and reported. "
                                 "On: a shock that cannot be absorbed is infeasible."))
        self.outcome: StressRun | None = None
        self.model = ComparisonModel(self)
        self.table = result_table(self.model, self, fit=True, row_headers=False)
        self.table.setObjectName("comparisonTable")
        self.table.setToolTip(_tr("Double-click a row to see what that answer buys"))
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        self.cost_chart = ComparisonChart("extra_cost", self)
        self.unmet_chart = ComparisonChart("shortfall_share", self)
        self.notes = QPlainTextEdit(self)
        self.notes.setReadOnly(True)
        self.notes.setMaximumHeight(70)
        self.notes.setPlaceholderText(_tr("Notes on the shocks appear here."))
        options = QHBoxLayout()
        for box in (self.replan, self.hold, self.hard):
            options.addWidget(box)
        options.addStretch(1)
        charts = QSplitter(Qt.Orientation.Horizontal, self)
        charts.addWidget(self.cost_chart)
        charts.addWidget(self.unmet_chart)
        body = QSplitter(Qt.Orientation.Vertical, self)
        body.addWidget(self.table)
        body.addWidget(charts)
        body.setSizes([200, 300])
        layout = QVBoxLayout(self)
        layout.addLayout(options)
        layout.addLayout(self.run_bar)
        layout.addWidget(self.stale_label)
        layout.addWidget(body, 1)
        layout.addWidget(self.notes)

    def options(self) -> StressOptions:
        answers = tuple(a for a, box in (("replan", self.replan), ("hold", self.hold))
                        if box.isChecked())
        return StressOptions(answers=answers, demand="hard" if self.hard.isChecked()
                             else "penalty")

    def run(self) -> None:
        scenario, base_result, variants = self._inputs()
        if not variants:
            emit(self.failed, ProcureError(_tr(
                "There is no what-if to test. Add one with \u201cNew what-if\u201d first.")))
            return
        options = self.options()
        if not options.answers:
            emit(self.failed, ProcureError(_tr("Choose re-plan, hold or both.")))
            return
        self.start(stress_job(scenario, variants, base_result, options))

    def show_outcome(self, outcome: Any, context: Any) -> None:
        assert isinstance(outcome, StressRun)
        self.outcome = outcome
        self.model.set_comparison(outcome.comparison)
        self.cost_chart.set_comparison(outcome.comparison)
        self.unmet_chart.set_comparison(outcome.comparison)
        notes = [f"{o.name}: {note}" for o in outcome.outcomes for note in o.notes]
        notes += [f"{o.name} ({_tr('re-plan') if a.kind == 'replan' else _tr('hold')}): {d}"
                  for o in outcome.outcomes for a in (o.replan, o.hold)
                  if a is not None for d in a.diagnosis]
        self.notes.setPlainText("\n".join(notes))
        emit(self.messaged, _tr("Stress test done: {n} what-ifs answered.").format(
            n=len(outcome.outcomes)))

    def answer_at(self, row: int) -> tuple[str, Answer] | None:
        """The what-if name and the answer shown in ``row`` of the comparison model."""
        if self.outcome is None or not self.outcome.outcomes:
            return None
        shown = self.model.row_at(row)
        if shown.answer == "base":
            return _tr("Base plan"), self.outcome.outcomes[0].base
        for o in self.outcome.outcomes:
            if o.name == shown.scenario:
                for a in o.answers():
                    if a.kind == shown.answer:
                        return o.name, a
        return None

    def show_answer(self, row: int) -> QDialog | None:
        """Open the purchase plan of the answer in ``row`` (None if it has no plan)."""
        found = self.answer_at(row)
        if found is None or found[1].result is None or not found[1].has_plan:
            emit(self.messaged, _tr("That answer has no plan to show."))
            return None
        from ui.views.scenarios.answer_dialog import AnswerDialog

        currency = self.outcome.comparison.currency if self.outcome else "CNY"
        dialog = AnswerDialog(found[0], found[1], currency, self)
        dialog.open()
        return dialog

    def _on_table_double_clicked(self, index: QModelIndex) -> None:
        proxy = self.table.model()
        source = proxy.mapToSource(index) if isinstance(proxy, QSortFilterProxyModel) else index
        self.show_answer(source.row())

    def clear(self) -> None:
        self.outcome = None
        self.model.set_comparison(None)
        self.cost_chart.set_comparison(None)
        self.unmet_chart.set_comparison(None)
        self.notes.clear()
        self.stale_label.hide()
