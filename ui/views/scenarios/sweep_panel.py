"""Trade-off tab: sweep one limit and plot total cost against it, the current plan marked."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from procure.analysis.tradeoff import (
    SweepLimit,
    SweepResult,
    default_values,
    grid,
    sweep,
    sweep_limits,
)
from procure.domain.model import Scenario
from procure.domain.result import Result
from procure.errors import ProcureError
from ui import formatting
from ui.i18n import tr as _tr
from ui.models.sweep_points_model import SweepPointsModel, per_step
from ui.qt_compat import emit
from ui.views.charts.tradeoff_chart import TradeoffChart
from ui.views.result_table import result_table
from ui.views.scenarios.analysis_panel import AnalysisPanel

Inputs = tuple[Scenario, "Result | None"]

LIMIT_LABELS = {  # the core's labels, for lupdate; shown translated
    "category_max": QT_TRANSLATE_NOOP("Scenarios", "cap on {target} share of new spend"),
    "category_min": QT_TRANSLATE_NOOP("Scenarios", "floor on {target} share of new spend"),
    "weighted_risk": QT_TRANSLATE_NOOP("Scenarios", "cap on spend-weighted vendor risk"),
    "outage_coverage": QT_TRANSLATE_NOOP("Scenarios", "outage coverage"),
    "budget_total": QT_TRANSLATE_NOOP("Scenarios", "total budget"),
    "vendor_max_share": QT_TRANSLATE_NOOP("Scenarios",
                                          "cap on any vendor's share of new spend"),
    "vendor_share": QT_TRANSLATE_NOOP("Scenarios", "cap on {target}'s share of new spend"),
}


def limit_label(limit: SweepLimit) -> str:
    text = QCoreApplication.translate("Scenarios", LIMIT_LABELS[limit.kind])
    return text.format(target=limit.target)


def sweep_job(scenario: Scenario, limit: SweepLimit, values: tuple[float, ...],
              base_result: Result | None) -> Any:
    def job(progress: Any, should_stop: Any) -> SweepResult:
        return sweep(scenario, limit, values, base_result=base_result, progress=progress,
                     should_stop=should_stop)

    return job


class SweepPanel(AnalysisPanel):
    """A limit, a range and a number of points; the curve and its table."""

    def __init__(self, inputs: Callable[[], Inputs], parent: QWidget | None = None) -> None:
        super().__init__(_tr("Draw the curve"), parent)
        self._inputs = inputs
        self.limit = QComboBox(self)
        self.limit.setObjectName("sweepLimit")
        self.limit.setMinimumWidth(280)
        self.start_value = QDoubleSpinBox(self)
        self.start_value.setObjectName("sweepFrom")
        self.stop_value = QDoubleSpinBox(self)
        self.stop_value.setObjectName("sweepTo")
        self.points = QSpinBox(self)
        self.points.setObjectName("sweepPoints")
        self.points.setRange(2, 200)
        self.points.setValue(20)
        self.summary = QLabel(self)
        self.summary.setObjectName("sweepSummary")
        self.summary.setWordWrap(True)
        self.outcome: SweepResult | None = None
        self.chart = TradeoffChart(self)
        self.model = SweepPointsModel(self)
        self.table = result_table(self.model, self, fit=True, row_headers=False)
        self.table.setObjectName("sweepTable")
        form = QFormLayout()
        form.addRow(_tr("Limit"), self.limit)
        span = QHBoxLayout()
        span.addWidget(self.start_value)
        span.addWidget(QLabel(_tr("to"), self))
        span.addWidget(self.stop_value)
        span.addWidget(QLabel(_tr("in"), self))
        span.addWidget(self.points)
        span.addWidget(QLabel(_tr("points"), self))
        span.addStretch(1)
        form.addRow(_tr("From"), span)
        body = QSplitter(Qt.Orientation.Horizontal, self)
        body.addWidget(self.chart)
        body.addWidget(self.table)
        body.setSizes([560, 440])
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(self.run_bar)
        layout.addWidget(self.stale_label)
        layout.addWidget(self.summary)
        layout.addWidget(body, 1)
        self.limit.currentIndexChanged.connect(self._on_limit_changed)

    # --- the form ------------------------------------------------------------------------------

    def load(self, scenario: Scenario) -> None:
        """Offer the limits of ``scenario``, keeping the chosen one when it still exists."""
        chosen = self.limit.currentData()
        self.limit.blockSignals(True)
        self.limit.clear()
        for limit in sweep_limits(scenario):
            self.limit.addItem(limit_label(limit), limit.text)
        i = self.limit.findData(chosen) if chosen else -1
        self.limit.setCurrentIndex(i if i >= 0 else 0)
        self.limit.blockSignals(False)
        if i < 0:
            self._on_limit_changed()

    def current_limit(self) -> SweepLimit | None:
        text = self.limit.currentData()
        return SweepLimit.parse(text) if text else None

    def _scale(self) -> float:
        limit = self.current_limit()
        return 100.0 if limit is not None and limit.kind not in (
            "budget_total", "weighted_risk") else 1.0

    def _on_limit_changed(self) -> None:
        limit = self.current_limit()
        if limit is None:
            return
        scenario, base_result = self._inputs()
        scale = self._scale()
        for spin in (self.start_value, self.stop_value):
            if limit.kind == "budget_total":
                spin.setDecimals(0)
                spin.setRange(0.0, 1e15)
                spin.setSuffix(f" {scenario.currency_code}")
                spin.setSingleStep(1e8)
            elif scale == 100.0:
                spin.setDecimals(1)
                spin.setRange(0.0, 100.0)
                spin.setSuffix(" %")
                spin.setSingleStep(5.0)
            else:
                spin.setDecimals(3)
                spin.setRange(0.0, 1.0)
                spin.setSuffix("")
                spin.setSingleStep(0.05)
        try:
            values = default_values(scenario, limit, self.points.value(), base_result)
        except ProcureError:
            values = (0.0, 0.0)
        self.start_value.setValue(values[0] * scale)
        self.stop_value.setValue(values[-1] * scale)

    def values(self) -> tuple[float, ...]:
        scale = self._scale()
        return grid(self.start_value.value() / scale, self.stop_value.value() / scale,
                    self.points.value())

    # --- running -------------------------------------------------------------------------------

    def run(self) -> None:
        limit = self.current_limit()
        if limit is None:
            return
        scenario, base_result = self._inputs()
        self.start(sweep_job(scenario, limit, self.values(), base_result), limit)

    def show_outcome(self, outcome: Any, context: Any) -> None:
        assert isinstance(outcome, SweepResult)
        self.outcome = outcome
        label = limit_label(outcome.limit)
        self.chart.set_sweep(outcome, label)
        self.model.set_sweep(outcome)
        self.summary.setText(self._summary(outcome, label))
        emit(self.messaged, _tr("Trade-off curve drawn: {n} points in {s:.1f} s.").format(
            n=len(outcome.points), s=outcome.seconds))

    @staticmethod
    def _summary(outcome: SweepResult, label: str) -> str:
        feasible = [p for p in outcome.points if p.total_cost is not None]
        infeasible = len(outcome.points) - len(feasible)
        parts = []
        if outcome.current_value is not None and outcome.current_cost is not None:
            value = (formatting.money(outcome.current_value, outcome.currency)
                     if outcome.limit.kind == "budget_total" else
                     formatting.number(outcome.current_value)
                     if outcome.limit.kind == "weighted_risk" else
                     formatting.percent(outcome.current_value, 1))
            parts.append(_tr("Current plan: {label} {value}, total cost {cost}.").format(
                label=label, value=value,
                cost=formatting.money(outcome.current_cost, outcome.currency)))
        elif outcome.current_cost is not None:
            parts.append(_tr("The current plan does not set this limit (total cost {cost})."
                             ).format(cost=formatting.money(outcome.current_cost,
                                                            outcome.currency)))
        if feasible:
            dearest = max(feasible, key=lambda p: p.total_cost or 0.0)
            cheapest = min(feasible, key=lambda p: p.total_cost or 0.0)
            parts.append(_tr("Across the range the cost runs from {low} to {high}.").format(
                low=formatting.money(cheapest.total_cost, outcome.currency),
                high=formatting.money(dearest.total_cost, outcome.currency)))
            steepest = max(feasible, key=lambda p: per_step(outcome, p.marginal) or 0.0)
            cost = per_step(outcome, steepest.marginal) or 0.0
            if cost > 0:
                unit = {"budget_total": _tr("per unit of money"),
                        "weighted_risk": _tr("per 0.01 of the risk cap")}.get(
                    outcome.limit.kind, _tr("per percentage point"))
                parts.append(_tr("The steepest step tighter costs {cost} {unit}.").format(
                    cost=formatting.money(cost, outcome.currency), unit=unit))
        if infeasible:
            parts.append(_tr("{n} points have no feasible plan.").format(n=infeasible))
        return " ".join(parts)

    def clear(self) -> None:
        self.outcome = None
        self.chart.set_sweep(None)
        self.model.set_sweep(None)
        self.summary.clear()
        self.stale_label.hide()
