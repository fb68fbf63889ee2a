"""Each vendor's share of new spend, as a donut (small vendors folded into "Other")."""

from __future__ import annotations

from PySide6.QtCharts import QPieSeries
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from procure.colours import OTHER
from ui import formatting
from ui.models.result_series import fold_small
from ui.views.charts.chart_base import ChartView, colour

KEEP_VENDORS = 7


class ShareChart(ChartView):
    """Donut of share by vendor."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("Charts", "Share of new spend by vendor"),
                         parent)

    def set_shares(self, shares: list[tuple[str, float]],
                   colours: dict[str, str] | None = None) -> None:
        """``shares`` by vendor name; ``colours`` gives each name its vendor's colour
        (:func:`procure.colours.vendor_colours`), the same in every chart."""
        chart = self.reset_chart()
        other = QCoreApplication.translate("Charts", "Other")
        items = [(name, v) for name, v in fold_small(shares, KEEP_VENDORS, other) if v > 1e-9]
        if not items:
            return
        pie = QPieSeries()
        pie.setHoleSize(0.45)
        for i, (name, share) in enumerate(items):
            piece = pie.append(f"{name} {formatting.percent(share)}", share)
            shade = QColor((colours or {}).get(name, OTHER if name == other else "")) \
                if colours else colour(i)
            if not shade.isValid():
                shade = colour(i)
            piece.setColor(shade)
            piece.setBorderColor(shade)
        chart.addSeries(pie)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
