"""A trade-off curve: total cost against one limit, the current plan marked."""

from __future__ import annotations

from PySide6.QtCharts import QLineSeries, QScatterSeries, QValueAxis
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QPen
from PySide6.QtWidgets import QWidget

from procure.analysis.tradeoff import SweepResult
from procure.phrases import nice_ticks, tick_decimals
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
        xs = [p.value * x_scale for p in sweep.points]
        if sweep.current_value is not None:
            xs.append(sweep.current_value * x_scale)
        ys = [c / divisor for c in costs]
        x_axis = round_axis(min(xs), max(xs), "%" if is_share(sweep) else "")
        x_axis.setTitleText(label)
        y_axis = round_axis(min(ys), max(ys))
        y_axis.setTitleText(unit)
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        for s in series:
            s.attachAxis(x_axis)
            s.attachAxis(y_axis)


def round_axis(lo: float, hi: float, suffix: str = "") -> QValueAxis:
    """A value axis on :func:`procure.phrases.nice_ticks` (ticks a reader can add up,
    never Qt's even split of the data's range), labelled with just the decimals the
    step needs."""
    ticks = nice_ticks(lo, hi, 5)
    axis = QValueAxis()
    axis.setRange(ticks[0], ticks[-1])
    axis.setTickType(QValueAxis.TickType.TicksDynamic)
    axis.setTickAnchor(ticks[0])
    axis.setTickInterval(ticks[1] - ticks[0])
    axis.setLabelFormat(f"%.{tick_decimals(ticks)}f" + ("%%" if suffix == "%" else suffix))
    return axis
