"""Stress comparison: extra cost and unmet demand of each shock, re-plan next to hold."""

from __future__ import annotations

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QValueAxis
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QWidget

from procure.analysis.compare import Comparison
from ui.views.charts.chart_base import ChartView, colour, money_scale

ANSWERS = (("replan", 0), ("hold", 1))


def _scenarios(comparison: Comparison) -> list[str]:
    return list(dict.fromkeys(r.scenario for r in comparison.rows if r.answer != "base"))


def _label(name: str, limit: int = 22) -> str:
    return name if len(name) <= limit else name[: limit - 1] + "…"


class ComparisonChart(ChartView):
    """Grouped bars per shock; ``measure`` is ``"extra_cost"`` or ``"shortfall_share"``."""

    def __init__(self, measure: str, parent: QWidget | None = None) -> None:
        title = {"extra_cost": QT_TRANSLATE_NOOP("Charts", "Extra cost against the base plan"),
                 "shortfall_share": QT_TRANSLATE_NOOP("Charts", "Demand left unmet (%)")}[measure]
        super().__init__(QCoreApplication.translate("Charts", title), parent)
        self.measure = measure

    def set_comparison(self, comparison: Comparison | None) -> None:
        chart = self.reset_chart()
        if comparison is None:
            return
        names = _scenarios(comparison)
        if not names:
            return
        rows = {(r.scenario, r.answer): r for r in comparison.rows}
        if self.measure == "extra_cost" and not all(r.comparable for r in comparison.rows):
            chart.setTitle(chart.title() + "<br><small>" + QCoreApplication.translate(
                "Charts", "No bar for answers that leave demand unmet: their cost is not "
                          "comparable (see Demand left unmet)") + "</small>")
        values: dict[str, list[float]] = {}
        for answer, _ in ANSWERS:
            picked = [rows.get((n, answer)) for n in names]
            if all(r is None for r in picked):
                continue
            # An answer that leaves demand unmet without a price has no comparable extra
            # cost: no bar, rather than one that reads as a saving.
            field = "comparable_extra_cost" if self.measure == "extra_cost" else self.measure
            values[answer] = [float(getattr(r, field) or 0.0) if r is not None else 0.0
                              for r in picked]
        if self.measure == "shortfall_share":
            divisor, unit = 0.01, "%"
        else:
            divisor, unit = money_scale([v for vs in values.values() for v in vs],
                                        comparison.currency)
        bars = QBarSeries()
        labels = {"replan": QCoreApplication.translate("Scenarios", "re-plan"),
                  "hold": QCoreApplication.translate("Scenarios", "hold")}
        for answer, i in ANSWERS:
            if answer not in values:
                continue
            bar_set = QBarSet(labels[answer])
            bar_set.setColor(colour(i))
            bar_set.setBorderColor(colour(i))
            bar_set.append([v / divisor for v in values[answer]])
            bars.append(bar_set)
        chart.addSeries(bars)
        x_axis = QBarCategoryAxis()
        x_axis.append([_label(n) for n in names])
        if len(names) > 3:
            x_axis.setLabelsAngle(-30)
        y_axis = QValueAxis()
        y_axis.setLabelFormat("%.1f")
        y_axis.setTitleText(unit)
        low = min([0.0, *(v / divisor for vs in values.values() for v in vs)])
        high = max([0.0, *(v / divisor for vs in values.values() for v in vs)])
        y_axis.setRange(low, high if high > low else low + 1.0)
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        bars.attachAxis(x_axis)
        bars.attachAxis(y_axis)
        y_axis.applyNiceNumbers()
