"""The result of the current variant: headline, charts, purchase plan, binding limits.

An infeasible result shows its diagnosis instead; a result computed from inputs
that have changed since carries a banner saying so.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QGridLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from procure.colours import vendor_colours
from procure.domain.model import Scenario
from procure.domain.result import Result, SolveStatus
from procure.explain import names_of
from ui.i18n import tr as _tr
from ui.models.binding_limits_model import BindingLimitsModel
from ui.models.purchase_plan_model import PurchasePlanModel
from ui.models.result_series import result_periods
from ui.result_summary import ResultSummary, summarise
from ui.views.charts.capacity_chart import CapacityChart
from ui.views.charts.share_chart import ShareChart
from ui.views.charts.spend_chart import SpendChart
from ui.views.diagnosis_panel import DiagnosisPanel
from ui.views.headline_panel import HeadlinePanel
from ui.views.result_table import result_table

EMPTY, PLAN, INFEASIBLE, NO_PLAN = range(4)


class ResultView(QWidget):
    """Shows one :class:`~procure.domain.result.Result`.

    Signals
    -------
    all_relaxations_chosen(object)
        Relay of :class:`DiagnosisPanel`'s signal.
    """

    all_relaxations_chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.result: Result | None = None
        self.stale_banner = QLabel(_tr("These results were computed before the latest changes "
                                       "to the plan. Press F5 to optimise again."), self)
        self.stale_banner.setObjectName("staleBanner")
        self.stale_banner.setWordWrap(True)
        self.stale_banner.hide()
        self.status_line = QLabel(self)
        self.status_line.setObjectName("resultStatus")
        self.stack = QStackedWidget(self)
        self.empty_label = QLabel(_tr("No result yet. Press F5 (Optimise) to find the cheapest "
                                      "plan within the limits."), self)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.no_plan_label = QLabel(self)
        self.no_plan_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_plan_label.setWordWrap(True)
        self.diagnosis = DiagnosisPanel(self)
        self.diagnosis.all_relaxations_chosen.connect(self.all_relaxations_chosen)
        for widget in (self.empty_label, self._build_plan_page(), self.diagnosis,
                       self.no_plan_label):
            self.stack.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.stale_banner)
        layout.addWidget(self.status_line)
        layout.addWidget(self.stack, 1)

    def _build_plan_page(self) -> QWidget:
        page = QWidget(self)
        self.headline = HeadlinePanel(page)
        self.tabs = QTabWidget(page)
        charts = QWidget(self.tabs)
        self.spend_chart = SpendChart(charts)
        self.share_chart = ShareChart(charts)
        self.capacity_chart = CapacityChart(charts)
        grid = QGridLayout(charts)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.spend_chart, 0, 0)
        grid.addWidget(self.share_chart, 0, 1)
        grid.addWidget(self.capacity_chart, 1, 0, 1, 2)
        self.purchase_model = PurchasePlanModel(self)
        self.purchase_view = result_table(self.purchase_model, self)
        self.limits_model = BindingLimitsModel(self)
        self.limits_view = result_table(self.limits_model, self)
        self.limits_view.horizontalHeader().setSectionResizeMode(
            3, QHeaderView.ResizeMode.Stretch)
        self.limits_view.setColumnWidth(0, 130)
        self.limits_view.setColumnWidth(1, 360)
        self.limits_view.setColumnWidth(2, 230)
        self.explanation = QPlainTextEdit(self.tabs)
        self.explanation.setReadOnly(True)
        # The explanation's tables are aligned in columns (CJK characters two wide).
        self.explanation.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.explanation.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.tabs.addTab(charts, _tr("Charts"))
        self.tabs.addTab(self.purchase_view, _tr("Purchase plan"))
        self.tabs.addTab(self.limits_view, _tr("Binding limits"))
        self.tabs.addTab(self.explanation, _tr("Explanation"))
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.headline)
        layout.addWidget(self.tabs, 1)
        return page

    # --- showing -------------------------------------------------------------------------------

    def show_result(self, result: Result | None, scenario: Scenario, *, stale: bool = False,
                    note: str = "", lang: str = "en",
                    summary: ResultSummary | None = None) -> None:
        """Show ``result`` (None: nothing computed yet) for ``scenario``.

        ``summary`` is the result's :class:`~ui.result_summary.ResultSummary` when the
        worker already computed it; otherwise it is computed here.
        """
        self.result = result
        self.stale_banner.setVisible(result is not None and stale)
        self.status_line.setText(note)
        if result is None:
            self.stack.setCurrentIndex(EMPTY)
            return
        if result.status is SolveStatus.INFEASIBLE:
            self.diagnosis.set_result(result, scenario, lang)
            self.stack.setCurrentIndex(INFEASIBLE)
            return
        if not result.status.has_plan:
            message = (result.x or {}).get("solver_message", "")
            self.no_plan_label.setText(
                _tr("No plan was found ({status}). {message}").format(
                    status=result.status.value, message=message))
            self.stack.setCurrentIndex(NO_PLAN)
            return
        summary = summary or summarise(result, scenario, lang)
        assert summary is not None
        self.headline.set_result(result, scenario, summary.outage)
        periods = result_periods(result)
        currency = scenario.currency_code
        self.spend_chart.set_series(periods, summary.spend, currency)
        names = names_of(result)
        colours = {names.vendor.get(v, v): c for v, c in vendor_colours(scenario).items()}
        self.share_chart.set_shares(summary.shares, colours)
        self.capacity_chart.set_rows(periods, summary.served, names_of(result).workload)
        self.purchase_model.set_result(result)
        self.limits_model.set_rows(summary.limits, currency)
        self.explanation.setPlainText(summary.explanation)
        self.stack.setCurrentIndex(PLAN)

    def set_stale(self, stale: bool) -> None:
        self.stale_banner.setVisible(self.result is not None and stale)
