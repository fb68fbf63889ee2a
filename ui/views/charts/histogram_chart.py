"""Monte Carlo: share of futures by total unmet demand, "none" first."""

from __future__ import annotations

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QValueAxis
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QWidget

from procure.analysis.montecarlo import SimulationResult
from ui.views.charts.chart_base import ChartView, colour


def _short(value: float) -> str:
    for divisor, suffix in ((1e9, "G"), (1e6, "M"), (1e3, "k")):
        if abs(value) >= divisor:
            return f"{value / divisor:.3g}{suffix}"
    return f"{value:.3g}"


class HistogramChart(ChartView):
    """One bar per bin of total shortfall (PFLOP/s x periods) over the horizon."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("Charts", "Futures by unmet demand"), parent)

    def set_simulation(self, sim: SimulationResult | None, workload: str = "all") -> None:
        chart = self.reset_chart()
        if sim is None:
            return
        risk = sim.total if workload == "all" else sim.workload(workload)
        hist = risk.histogram
        bar_set = QBarSet(QCoreApplication.translate("Charts", "share of futures (%)"))
        bar_set.setColor(colour(0))
        bar_set.setBorderColor(colour(0))
        shares = [100.0 * c / sim.futures for c in (hist.zero, *hist.counts)]
        bar_set.append(shares)
        bars = QBarSeries()
        bars.append(bar_set)
        chart.addSeries(bars)
        chart.legend().hide()
        x_axis = QBarCategoryAxis()
        x_axis.append([QCoreApplication.translate("Charts", "none")]
                      + [f"≤{_short(e)}" for e in hist.edges[1:]])
        x_axis.setLabelsAngle(-90)
        small = x_axis.labelsFont()
        small.setPointSizeF(max(small.pointSizeF() - 2, 6.0))
        x_axis.setLabelsFont(small)
        x_axis.setTitleText(QCoreApplication.translate(
            "Charts", "total unmet demand, PFLOP/s x periods"))
        y_axis = QValueAxis()
        y_axis.setLabelFormat("%.0f%%")
        y_axis.setRange(0.0, max([*shares, 1.0]))
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        bars.attachAxis(x_axis)
        bars.attachAxis(y_axis)
        y_axis.applyNiceNumbers()
        chart.setTitle(QCoreApplication.translate(
            "Charts", "Futures by unmet demand: {name} ({futures} futures)").format(
                name=risk.name if workload != "all" else
                QCoreApplication.translate("Scenarios", "All workloads"),
                futures=f"{sim.futures:,}"))
