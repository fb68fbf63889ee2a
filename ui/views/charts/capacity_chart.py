"""Compute assigned to each workload against its demand, over time."""

from __future__ import annotations

from PySide6.QtCharts import QBarCategoryAxis, QLineSeries, QValueAxis
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QPen
from PySide6.QtWidgets import QWidget

from procure.colours import workload_colour
from ui.models.roles import is_dark
from ui.views.charts.chart_base import ChartView

Rows = list[tuple[str, list[float], list[float]]]


class CapacityChart(ChartView):
    """Broad band: effective compute assigned; dashed line of the same colour: demand."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("Charts", "Capacity vs demand (PFLOP/s)"),
                         parent)

    def set_rows(self, periods: list[str], rows: Rows, names: dict[str, str]) -> None:
        chart = self.reset_chart()
        if not periods or not rows:
            return
        x_axis = QBarCategoryAxis()
        x_axis.append(periods)
        if len(periods) > 8:
            x_axis.setLabelsAngle(-60)
        y_axis = QValueAxis()
        y_axis.setLabelFormat("%.0f")
        y_axis.setMin(0)
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        demand_word = QCoreApplication.translate("Charts", "demand")
        top = 0.0
        # Served lines first, dashed demand lines on top: where they coincide (demand met
        # exactly) the dashes stay visible.
        layers = [(i, w, served, False) for i, (w, served, _d) in enumerate(rows)]
        layers += [(i, w, demand, True) for i, (w, _s, demand) in enumerate(rows)]
        for i, workload, values, dashed in layers:
            name = names.get(workload, workload)
            line = QLineSeries()
            line.setName(f"{name} ({demand_word})" if dashed else name)
            for x, y in enumerate(values):
                line.append(float(x), y)
                top = max(top, y)
            shade = QColor(workload_colour(i))  # never a vendor's or a category's colour
            if dashed:
                pen = QPen(shade.lighter(170) if is_dark() else shade.darker(150))
                pen.setWidthF(1.6)
                pen.setStyle(Qt.PenStyle.DashLine)
            else:  # a broad, translucent band: the dashed demand line reads on top of it
                shade.setAlpha(120)
                pen = QPen(shade)
                pen.setWidthF(6.0)
            line.setPen(pen)
            chart.addSeries(line)
            line.attachAxis(x_axis)
            line.attachAxis(y_axis)
            if dashed:
                chart.legend().markers(line)[0].setVisible(False)
        y_axis.setMax(top * 1.05 if top > 0 else 1.0)
        y_axis.applyNiceNumbers()
