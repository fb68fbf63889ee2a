"""The memo's charts, drawn as reportlab vector graphics (sharp in print, small in size).

Two charts carry the plan at a glance: capital spend per period stacked by
category (when the money goes and to which kind of source), and each vendor's
share of new spend (how concentrated it is). Small vendors are folded into
"Other" so a 30-vendor plan still reads.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.piecharts import Pie
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors

from procure.exports.fonts import FontSet, font_for

PALETTE = tuple(
    colors.HexColor(c)
    for c in (
        "#1F3864",
        "#C55A11",
        "#548235",
        "#7F6000",
        "#2E75B6",
        "#A5A5A5",
        "#843C0C",
        "#BF8F00",
    )
)


def _title(drawing: Drawing, text: str, fonts: FontSet, y: float) -> None:
    drawing.add(
        String(
            0,
            y,
            text,
            fontName=font_for(text, fonts, bold=True),
            fontSize=9,
            fillColor=colors.HexColor("#1F3864"),
        )
    )


def category_bars(
    periods: Sequence[str],
    series: Sequence[tuple[str, Sequence[float]]],
    title: str,
    fonts: FontSet,
    width: float = 250,
    height: float = 190,
    colours: Sequence[str] | None = None,
) -> Drawing:
    """Stacked columns: one column per period, one colour per category (values pre-scaled);
    ``colours`` (hex, one per series) are :mod:`procure.colours`', as the window's."""
    d = Drawing(width, height)
    _title(d, title, fonts, height - 10)
    chart = VerticalBarChart()
    many = len(periods) > 5  # rotate labels that would overlap
    chart.x, chart.y = 42, 58 if many else 48
    chart.width, chart.height = width - 52, height - (88 if many else 78)
    chart.data = [list(values) for _, values in series] or [[0.0] * len(periods)]
    chart.categoryAxis.categoryNames = list(periods)
    chart.categoryAxis.style = "stacked"
    chart.categoryAxis.labels.angle = 45 if many else 0
    chart.categoryAxis.labels.boxAnchor = "ne" if many else "n"
    chart.categoryAxis.labels.fontSize = 6 if many else 7
    chart.categoryAxis.labels.fontName = font_for("".join(periods), fonts)
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.labels.fontName = fonts.regular
    chart.valueAxis.labelTextFormat = lambda v: f"{v:,.0f}"
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#D9D9D9")
    chart.barSpacing = 1
    fill = _fills(colours, len(chart.data))
    for i in range(len(chart.data)):
        chart.bars[i].fillColor = fill[i]
        chart.bars[i].strokeColor = None
    d.add(chart)
    legend = Legend()
    legend.x, legend.y = 42, 8
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.fontSize = 7
    names = [name for name, _ in series]
    legend.fontName = font_for("".join(names), fonts)
    legend.colorNamePairs = [(fill[i], name) for i, name in enumerate(names)]
    legend.dxTextSpace = 3
    legend.deltax = max(60, width / max(len(names), 1) - 10)
    d.add(legend)
    return d


def _fills(colours: Sequence[str] | None, n: int) -> list[Any]:
    """The given colours (hex), else the palette in turn."""
    if colours is not None and len(colours) >= n:
        return [colors.HexColor(c) for c in colours[:n]]
    return [PALETTE[i % len(PALETTE)] for i in range(n)]


def fold_small(
    items: Sequence[tuple[str, float]], keep: int, other: str
) -> list[tuple[str, float]]:
    """The ``keep`` largest shares, the rest summed as ``other``; zero shares dropped."""
    ranked = sorted((i for i in items if i[1] > 1e-9), key=lambda i: -i[1])
    head, tail = ranked[:keep], ranked[keep:]
    rest = sum(v for _, v in tail)
    return head + ([(other, rest)] if rest > 1e-9 else [])


def vendor_pie(
    items: Sequence[tuple[str, float]],
    title: str,
    fonts: FontSet,
    width: float = 230,
    height: float = 190,
    colours: Sequence[str] | None = None,
) -> Drawing:
    """A pie of vendor shares with percentage labels and a legend of names; ``colours``
    (hex, one per item) are each vendor's from :mod:`procure.colours`."""
    d = Drawing(width, height)
    _title(d, title, fonts, height - 10)
    if not items:
        return d
    pie = Pie()
    size = min(height - 50, width * 0.5)
    pie.x, pie.y = 10, (height - 20 - size) / 2
    pie.width = pie.height = size
    pie.data = [v for _, v in items]
    pie.labels = [f"{v * 100:.0f}%" if v >= 0.05 else "" for _, v in items]  # legend has the rest
    pie.simpleLabels = True
    pie.slices.fontSize = 7
    pie.slices.fontName = fonts.regular
    pie.slices.strokeColor = colors.white
    pie.slices.strokeWidth = 0.5
    pie.sideLabels = False
    fill = _fills(colours, len(items))
    for i in range(len(items)):
        pie.slices[i].fillColor = fill[i]
        pie.slices[i].labelRadius = 0.72
        pie.slices[i].fontColor = colors.white
    d.add(pie)
    legend = Legend()
    legend.x, legend.y = size + 22, height - 34
    legend.alignment = "right"
    legend.columnMaximum = 10
    legend.fontSize = 7
    names = [name if len(name) <= 22 else name[:21] + "…" for name, _ in items]
    legend.fontName = font_for("".join(names), fonts)
    legend.colorNamePairs = [
        (fill[i], f"{name} ({share * 100:.0f}%)")
        for i, (name, (_, share)) in enumerate(zip(names, items, strict=True))
    ]
    d.add(legend)
    return d
