"""Shared set-up of the result charts: theme from the palette, fonts, an empty state."""

from __future__ import annotations

from PySide6.QtCharts import QChart, QChartView
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QWidget

from procure import phrases
from ui import i18n
from ui.models.roles import is_dark

PALETTE = ("#2E75B6", "#C55A11", "#548235", "#7F6000", "#7030A0", "#A5A5A5", "#1F3864",
           "#BF8F00")
"""Series colours that read on light and dark backgrounds."""


def colour(i: int) -> QColor:
    return QColor(PALETTE[i % len(PALETTE)])


class ChartView(QChartView):
    """A chart view that follows the application's light or dark palette."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title = title
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumSize(320, 240)
        self.reset_chart()

    def reset_chart(self) -> QChart:
        """A fresh, themed chart replacing the old one (series are cheap to rebuild)."""
        chart = QChart()
        chart.setTheme(QChart.ChartTheme.ChartThemeDark if is_dark()
                       else QChart.ChartTheme.ChartThemeLight)
        chart.setBackgroundRoundness(0)
        chart.setMargins(QMargins(4, 4, 4, 4))
        font = QFont(self.font())
        font.setBold(True)
        chart.setTitleFont(font)
        chart.setTitle(self._title)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        old = self.chart()
        self.setChart(chart)
        if old is not None and old is not chart:
            old.deleteLater()
        return chart


def scale_for(values: list[float]) -> tuple[float, str]:
    """A divisor and unit so axis labels stay short: (1e9, "bn")."""
    top = max((abs(v) for v in values), default=0.0)
    if top >= 1e9:
        return 1e9, "bn"
    if top >= 1e6:
        return 1e6, "m"
    if top >= 1e3:
        return 1e3, "k"
    return 1.0, ""


def money_scale(values: list[float], currency: str) -> tuple[float, str]:
    """A divisor and the money axis's title: ``(1e9, "bn CNY")``; in Chinese the
    memo's units, ``(1e8, "亿元")`` or ``(1e4, "万元")``."""
    top = max((abs(v) for v in values), default=0.0)
    return phrases.axis_scale(top, currency, i18n.current_prose_language())
