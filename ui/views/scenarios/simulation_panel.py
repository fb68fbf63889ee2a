"""Monte Carlo tab: play the plan out in random futures of vendor disruptions."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from procure.analysis import disruption_model, simulate
from procure.analysis.montecarlo import MODES, SimulationResult
from procure.domain.model import Scenario
from procure.domain.result import Result
from procure.errors import ProcureError
from ui import formatting
from ui.i18n import tr as _tr
from ui.models.column import parse_number
from ui.models.shortfall_risk_model import ShortfallRiskModel
from ui.qt_compat import emit
from ui.views.charts.histogram_chart import HistogramChart
from ui.views.result_table import result_table
from ui.views.scenarios.analysis_panel import AnalysisPanel

Inputs = tuple[Scenario, "Result | None"]
VENDOR, RISK, PROBABILITY, SOURCE = range(4)


def source_label(source: str) -> str:
    """Where a vendor's disruption chance comes from, in the planner's language."""
    return {"risk score": _tr("its risk score"), "explicit": _tr("typed here"),
            "scenario (x)": _tr("the plan file")}.get(source, source)


def mode_label(mode: str) -> str:
    return {"outage": _tr("outage: the vendor's whole fleet is dark in that period"),
            "supply-cut": _tr("supply cut: the vendor delivers nothing more from then on"),
            }.get(mode, mode)


@dataclass(frozen=True)
class SimulationSettings:
    futures: int
    seed: int
    mode: str
    redispatch: bool
    explicit: dict[str, float]


def simulation_job(scenario: Scenario, base_result: Result | None,
                   settings: SimulationSettings) -> Any:
    def job(progress: Any, should_stop: Any) -> SimulationResult:
        result = base_result
        if result is None:
            from procure.optimiser import solve

            progress(1, "Solving the base plan")
            result = solve(scenario, should_stop=should_stop)
        model = disruption_model(scenario, settings.explicit)
        return simulate(scenario, result, futures=settings.futures, seed=settings.seed,
                        model=model, mode=settings.mode, redispatch=settings.redispatch,
                        progress=progress, should_stop=should_stop)

    return job


class SimulationPanel(AnalysisPanel):
    """Futures, seed, what a disruption does, the vendors' probabilities; the histogram."""

    def __init__(self, inputs: Callable[[], Inputs], parent: QWidget | None = None) -> None:
        super().__init__(_tr("Simulate"), parent)
        self._inputs = inputs
        self.futures = QSpinBox(self)
        self.futures.setObjectName("futures")
        self.futures.setRange(10, 1_000_000)
        self.futures.setSingleStep(1000)
        self.futures.setValue(1000)
        self.futures.setGroupSeparatorShown(True)
        self.seed = QSpinBox(self)
        self.seed.setObjectName("seed")
        self.seed.setRange(0, 2_147_483_647)
        self.seed.setToolTip(_tr("The same seed gives the same futures: results can be "
                                 "reproduced"))
        self.mode = QComboBox(self)
        self.mode.setObjectName("simulationMode")
        for mode in MODES:
            self.mode.addItem(mode_label(mode), mode)
        self.redispatch = QCheckBox(_tr("Re-assign surviving units each period"), self)
        self.redispatch.setToolTip(_tr("Off: each unit serves the workloads the plan gives "
                                       "it. On: the surviving fleet is re-assigned optimally "
                                       "(slower)."))
        self.probabilities = QTableWidget(0, 4, self)
        self.probabilities.setObjectName("probabilityTable")
        self.probabilities.setHorizontalHeaderLabels(
            [_tr("Vendor"), _tr("Risk score"), _tr("Disruption chance per period"),
             _tr("Source")])
        self.probabilities.verticalHeader().hide()
        self.probabilities.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.probabilities.setMaximumHeight(170)
        self.probabilities.itemChanged.connect(self._on_probability_changed)
        reset = QPushButton(_tr("Reset to risk scores"), self)
        reset.clicked.connect(self._on_reset_clicked)
        self.workload = QComboBox(self)
        self.workload.setObjectName("histogramWorkload")
        self.workload.currentIndexChanged.connect(self._on_workload_changed)
        self.summary = QLabel(self)
        self.summary.setObjectName("simulationSummary")
        self.summary.setWordWrap(True)
        self.outcome: SimulationResult | None = None
        self.chart = HistogramChart(self)
        self.model = ShortfallRiskModel(self)
        self.table = result_table(self.model, self, fit=True, row_headers=False)
        self.table.setObjectName("riskTable")
        form = QFormLayout()
        row = QHBoxLayout()
        row.addWidget(self.futures)
        row.addWidget(QLabel(_tr("Seed"), self))
        row.addWidget(self.seed)
        row.addStretch(1)
        form.addRow(_tr("Futures"), row)
        form.addRow(_tr("A disruption means"), self.mode)
        form.addRow("", self.redispatch)
        probabilities = QHBoxLayout()
        probabilities.addWidget(self.probabilities, 1)
        probabilities.addWidget(reset, 0, Qt.AlignmentFlag.AlignTop)
        chart_side = QWidget(self)
        chart_layout = QVBoxLayout(chart_side)
        chart_layout.setContentsMargins(0, 0, 0, 0)
        pick = QHBoxLayout()
        pick.addWidget(QLabel(_tr("Histogram of"), chart_side))
        pick.addWidget(self.workload, 1)
        chart_layout.addLayout(pick)
        chart_layout.addWidget(self.chart, 1)
        body = QSplitter(Qt.Orientation.Horizontal, self)
        body.addWidget(chart_side)
        body.addWidget(self.table)
        body.setSizes([520, 480])
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(probabilities)
        layout.addLayout(self.run_bar)
        layout.addWidget(self.stale_label)
        layout.addWidget(self.summary)
        layout.addWidget(body, 1)
        self._explicit: dict[str, float] = {}
        self._loading = False

    # --- the form ------------------------------------------------------------------------------

    def load(self, scenario: Scenario) -> None:
        """Show the vendors' disruption chances (explicit ones kept for known vendors)."""
        known = {v.id for v in scenario.vendors}
        self._explicit = {k: p for k, p in self._explicit.items() if k in known}
        try:
            model = disruption_model(scenario, self._explicit)
        except ProcureError:
            self._explicit = {}
            model = disruption_model(scenario)
        self._loading = True
        self.probabilities.setRowCount(len(scenario.vendors))
        for i, v in enumerate(scenario.vendors):
            values = model.probability[v.id]
            text = formatting.percent(values[0], 1) if len(set(values)) == 1 else \
                _tr("varies by period")
            cells = [(VENDOR, v.name or v.id, False), (RISK, f"{v.risk:.2f}", False),
                     (PROBABILITY, text, len(set(values)) == 1),
                     (SOURCE, source_label(model.source[v.id]), False)]
            for column, value, editable in cells:
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, v.id)
                flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                item.setFlags(flags | Qt.ItemFlag.ItemIsEditable if editable else flags)
                if column == PROBABILITY:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                    item.setToolTip(_tr("Type a chance (e.g. 10%) to override the risk score"))
                self.probabilities.setItem(i, column, item)
        self._loading = False
        current = self.workload.currentData()
        self.workload.blockSignals(True)
        self.workload.clear()
        self.workload.addItem(_tr("All workloads"), "all")
        for w in scenario.workloads:
            self.workload.addItem(w.name or w.id, w.id)
        self.workload.setCurrentIndex(max(self.workload.findData(current), 0))
        self.workload.blockSignals(False)

    def _on_probability_changed(self, item: QTableWidgetItem) -> None:
        if self._loading or item.column() != PROBABILITY:
            return
        vendor = item.data(Qt.ItemDataRole.UserRole)
        try:
            value = parse_number(item.text())
            if not item.text().strip().endswith("%") and value > 1:
                value /= 100
            if not 0.0 <= value <= 1.0:
                raise ValueError(_tr("a chance is between 0% and 100%"))
        except ValueError as exc:
            emit(self.messaged, str(exc))
            scenario, _ = self._inputs()
            self.load(scenario)
            return
        self._explicit[vendor] = value
        scenario, _ = self._inputs()
        self.load(scenario)

    def _on_reset_clicked(self) -> None:
        self._explicit = {}
        scenario, _ = self._inputs()
        self.load(scenario)

    def settings(self) -> SimulationSettings:
        return SimulationSettings(self.futures.value(), self.seed.value(),
                                  self.mode.currentData(), self.redispatch.isChecked(),
                                  dict(self._explicit))

    # --- running -------------------------------------------------------------------------------

    def run(self) -> None:
        scenario, base_result = self._inputs()
        if base_result is not None and not base_result.status.has_plan:
            emit(self.failed, ProcureError(_tr(
                "The plan has no solution to simulate. Make it feasible first (see Result).")))
            return
        self.start(simulation_job(scenario, base_result, self.settings()))

    def show_outcome(self, outcome: Any, context: Any) -> None:
        assert isinstance(outcome, SimulationResult)
        self.outcome = outcome
        self.model.set_simulation(outcome)
        self._on_workload_changed()
        total = outcome.total
        self.summary.setText(_tr(
            "In {p} of {n} futures some demand goes unmet (± {se}); on average "
            "{expected} PFLOP/s x periods ({share} of demand), {p95} in the worst 5%.").format(
                p=formatting.percent(total.probability, 1), n=f"{outcome.futures:,}",
                se=formatting.percent(total.probability_se, 1),
                expected=formatting.number(total.expected, 1),
                share=formatting.percent(total.expected_share, 2),
                p95=formatting.number(total.p95, 1)))
        emit(self.messaged, _tr("Simulated {n} futures in {s:.1f} s.").format(
            n=f"{outcome.futures:,}", s=outcome.seconds))

    def _on_workload_changed(self) -> None:
        if self.outcome is not None:
            chosen = self.workload.currentData() or "all"
            known = {w.workload for w in self.outcome.workloads}
            self.chart.set_simulation(self.outcome, chosen if chosen in known else "all")

    def clear(self) -> None:
        self.outcome = None
        self.model.set_simulation(None)
        self.chart.set_simulation(None)
        self.summary.clear()
        self.stale_label.hide()
