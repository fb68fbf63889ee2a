"""A trade-off curve: total cost against one limit, the current plan marked."""

from __future__ import annotations

from PySide6.QtCharts import QLineSeries, QScatterSeries, QValueAxis
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QPen
from PySide6.QtWidgets import QWidget

from procure.analysis.tradeoff import SweepResult
from ui.views.charts.chart_base import ChartView, colour, money_scale, scale_for


def is_share(sweep: SweepResult) -> bool:
    """Shares and coverage are shown in percent; risk and the budget as numbers."""
    return sweep.limit.kind not in ("budget_total", "weighted_risk")


class TradeoffChart(ChartView):
    """Line of the feasible points' cost; a distinct marker for the current plan."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("Charts", "What each step of safety costs"),
                         parent)

    def set_sweep(self, sweep: SweepResult | None, label: str = "") -> None:
        """Draw ``sweep``; ``label`` names its limit in the planner's language."""
        chart = self.reset_chart()
        if sweep is None:
            return
        feasible = [p for p in sweep.points if p.total_cost is not None]
        label = label or sweep.limit.label()
        chart.setTitle(QCoreApplication.translate("Charts", "Total cost against the {limit}")
                       .format(limit=label))
        if not feasible:
            return
        costs = [p.total_cost or 0.0 for p in feasible]
        if sweep.current_cost is not None:
            costs.append(sweep.current_cost)
        divisor, unit = money_scale(costs, sweep.currency)
        if is_share(sweep):
            x_scale = 100.0
        elif sweep.limit.kind == "budget_total":
            x_scale = 1.0 / scale_for([p.value for p in sweep.points])[0]
        else:
            x_scale = 1.0
        line = QLineSeries()
        line.setName(QCoreApplication.translate("Charts", "cheapest plan at this limit"))
        pen = QPen(colour(0))
        pen.setWidthF(2.0)
        line.setPen(pen)
        dots = QScatterSeries()
        dots.setMarkerSize(7)
        dots.setColor(colour(0))
        dots.setBorderColor(colour(0))
        for p in feasible:
            line.append(p.value * x_scale, (p.total_cost or 0.0) / divisor)
            dots.append(p.value * x_scale, (p.total_cost or 0.0) / divisor)
        chart.addSeries(line)
        chart.addSeries(dots)
        series = [line, dots]
        if sweep.current_value is not None and sweep.current_cost is not None:
            current = QScatterSeries()
            current.setName(QCoreApplication.translate("Charts", "current plan"))
            current.setMarkerShape(QScatterSeries.MarkerShape.MarkerShapeRectangle)
            current.setMarkerSize(12)
            current.setColor(colour(1))
            current.setBorderColor(colour(1))
            current.append(sweep.current_value * x_scale, sweep.current_cost / divisor)
            chart.addSeries(current)
            series.append(current)
        chart.legend().markers(dots)[0].setVisible(False)
        x_axis = QValueAxis()
        x_axis.setLabelFormat("%.0f%%" if is_share(sweep) else "%.2f" if x_scale == 1 else "%.1f")
        x_axis.setTitleText(label)
        y_axis = QValueAxis()
        y_axis.setLabelFormat("%.1f")
        y_axis.setTitleText(unit)
        xs = [p.value * x_scale for p in sweep.points]
        if sweep.current_value is not None:
            xs.append(sweep.current_value * x_scale)
        ys = [c / divisor for c in costs]
        x_axis.setRange(min(xs), max(xs) if max(xs) > min(xs) else min(xs) + 1)
        span = max(ys) - min(ys)
        y_axis.setRange(min(ys) - 0.05 * span - 1e-9, max(ys) + 0.05 * span + 1e-9)
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        for s in series:
            s.attachAxis(x_axis)
            s.attachAxis(y_axis)
        y_axis.applyNiceNumbers()
