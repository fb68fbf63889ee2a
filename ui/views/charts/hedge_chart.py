"""Cost in each future, hedged against unhedged: where the insurance pays and where it costs."""

from __future__ import annotations

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QValueAxis
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QWidget

from procure.analysis.hedge import HedgeResult
from ui.views.charts.chart_base import ChartView, colour, money_scale


class HedgeChart(ChartView):
    """Two bars per future; a future the unhedged plan cannot serve gets no unhedged bar."""

    def __init__(self, parent: QWidget | None = None) -> None:
        title = str(QT_TRANSLATE_NOOP("Charts", "Cost in each future"))
        super().__init__(QCoreApplication.translate("Charts", title), parent)

    def set_result(self, result: HedgeResult | None) -> None:
        chart = self.reset_chart()
        if result is None or not result.scenarios or result.expected_cost is None:
            return
        names = [f.name for f in result.scenarios]
        hedged = [float(f.objective or 0.0) for f in result.scenarios]
        held = result.reference.objectives
        unhedged = [held.get(n) for n in names]
        if any(v is None for v in unhedged):
            chart.setTitle(chart.title() + "<br><small>" + QCoreApplication.translate(
                "Charts", "No unhedged bar where the unhedged plan is infeasible")
                + "</small>")
        divisor, unit = money_scale(hedged + [float(v) for v in unhedged if v is not None],
                                    result.currency)
        bars = QBarSeries()
        for i, (label, values) in enumerate((
                (QCoreApplication.translate("Charts", "hedged"), hedged),
                (QCoreApplication.translate("Charts", "unhedged"),
                 [float(v or 0.0) for v in unhedged]))):
            bar_set = QBarSet(label)
            bar_set.setColor(colour(i))
            bar_set.setBorderColor(colour(i))
            bar_set.append([v / divisor for v in values])
            bars.append(bar_set)
        chart.addSeries(bars)
        x_axis = QBarCategoryAxis()
        x_axis.append([n if len(n) <= 22 else n[:21] + "…" for n in names])
        y_axis = QValueAxis()
        y_axis.setLabelFormat("%.1f")
        y_axis.setTitleText(unit)
        top = max([1e-9, *(v / divisor for v in hedged),
                   *(float(v) / divisor for v in unhedged if v is not None)])
        y_axis.setRange(0.0, top * 1.1)
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        bars.attachAxis(x_axis)
        bars.attachAxis(y_axis)
