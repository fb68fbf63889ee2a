"""Capital spend per period, stacked by source category."""

from __future__ import annotations

from PySide6.QtCharts import QBarCategoryAxis, QBarSet, QStackedBarSeries, QValueAxis
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from procure.colours import category_colour
from procure.phrases import category_name
from ui.i18n import current_prose_language
from ui.models.result_series import Series
from ui.views.charts.chart_base import ChartView, money_scale


class SpendChart(ChartView):
    """Stacked bars: one bar per period, one colour per category."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("Charts", "Spend by category per period"),
                         parent)

    def set_series(self, periods: list[str], series: Series, currency: str) -> None:
        chart = self.reset_chart()
        if not periods or not series:
            return
        divisor, unit = money_scale(
            [sum(v) for v in zip(*(s for _, s in series), strict=True)], currency)
        bars = QStackedBarSeries()
        known = [category for category, _ in series]
        for category, values in series:
            # The category in the window's language, in the colour every chart gives it.
            bar_set = QBarSet(category_name(category, current_prose_language()))
            shade = QColor(category_colour(category, known))
            bar_set.setColor(shade)
            bar_set.setBorderColor(shade)
            bar_set.append([v / divisor for v in values])
            bars.append(bar_set)
        chart.addSeries(bars)
        x_axis = QBarCategoryAxis()
        x_axis.append(periods)
        if len(periods) > 8:
            x_axis.setLabelsAngle(-60)
        y_axis = QValueAxis()
        y_axis.setLabelFormat("%.0f" if divisor > 1 else "%.2g")
        y_axis.setTitleText(unit)
        y_axis.setMin(0)
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        bars.attachAxis(x_axis)
        bars.attachAxis(y_axis)
        y_axis.applyNiceNumbers()
