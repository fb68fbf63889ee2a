"""The analysis charts as reportlab drawings: trade-off curve, stress comparison, histogram.

Vector drawings, like the memo's charts, so they print sharp and can go into a PDF,
an SVG for the README, or (with a renderPM backend) a PNG. The GUI draws its own
views; these are for files. :func:`save_drawing` picks the format from the suffix.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.lineplots import LinePlot
from reportlab.graphics.shapes import Drawing, Line, Polygon, Rect, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors

from procure.analysis.compare import Comparison
from procure.analysis.montecarlo import SimulationResult
from procure.analysis.tradeoff import SweepResult
from procure.errors import ProcureError
from procure.exports.charts import PALETTE
from procure.exports.fonts import FontSet, font_for, memo_fonts
from procure.phrases import nice_ticks, tick_decimals

INK = colors.HexColor("#1F3864")
GRID = colors.HexColor("#D9D9D9")
SHADE = colors.HexColor("#F2F2F2")
MARK = colors.HexColor("#C00000")


def _fonts(fonts: FontSet | None) -> FontSet:
    return fonts or memo_fonts()


def _scale(values: list[float]) -> tuple[float, str]:
    top = max((abs(v) for v in values), default=0.0)
    if top >= 1e9:
        return 1e9, "bn"
    if top >= 1e6:
        return 1e6, "m"
    return 1.0, ""


def _nice(lo: float, hi: float, ticks: int = 5) -> tuple[float, float, float]:
    """Axis bounds and step on :func:`procure.phrases.nice_ticks` covering [lo, hi]."""
    marks = nice_ticks(lo, hi, ticks)
    return marks[0], marks[-1], marks[1] - marks[0]


def _text(d: Drawing, x: float, y: float, text: str, fonts: FontSet, size: float = 8,
          bold: bool = False, anchor: str = "start", color: colors.Color = INK) -> None:
    d.add(String(x, y, text, fontName=font_for(text, fonts, bold), fontSize=size,
                 fillColor=color, textAnchor=anchor))


def tradeoff_chart(sweep: SweepResult, *, fonts: FontSet | None = None, width: float = 480,
                   height: float = 280) -> Drawing:
    """Total cost against the limit; infeasible values shaded; the current plan marked."""
    fonts = _fonts(fonts)
    d = Drawing(width, height)
    feasible = [p for p in sweep.points if p.total_cost is not None]
    costs = [p.total_cost for p in feasible if p.total_cost is not None]
    if sweep.current_cost is not None:
        costs.append(sweep.current_cost)
    div, unit = _scale(costs)
    cur = sweep.currency
    _text(d, 0, height - 12, f"Total cost against the {sweep.limit.label()}", fonts, 10, True)
    plot = LinePlot()
    plot.x, plot.y, plot.width, plot.height = 58, 40, width - 78, height - 80
    values = [p.value for p in sweep.points] + (
        [sweep.current_value] if sweep.current_value is not None else [])
    xmin, xmax, xstep = _nice(min(values), max(values))
    ymin, ymax, ystep = _nice(min(costs, default=0) / div, max(costs, default=1) / div)
    for axis, (lo, hi, step) in ((plot.xValueAxis, (xmin, xmax, xstep)),
                                 (plot.yValueAxis, (ymin, ymax, ystep))):
        axis.valueMin, axis.valueMax, axis.valueStep = lo, hi, step
        axis.labels.fontName, axis.labels.fontSize = fonts.regular, 7
        axis.visibleGrid, axis.gridStrokeColor = True, GRID
    plot.yValueAxis.labelTextFormat = lambda v: f"{v:,.4g}"
    # as many decimals as the round step needs (a 2.5% step is not printed as "2%")
    marks = nice_ticks(min(values), max(values))
    digits = (tick_decimals([m * 100 for m in marks]) + 2 if _is_share(sweep)
              else max(2, tick_decimals(marks)))
    plot.xValueAxis.labelTextFormat = _value_format(sweep, digits)

    def px(v: float) -> float:
        return plot.x + (v - xmin) / (xmax - xmin) * plot.width

    def py(v: float) -> float:
        return plot.y + (v - ymin) / (ymax - ymin) * plot.height

    step = min((abs(b.value - a.value) for a, b in zip(sweep.points, sweep.points[1:],
                                                         strict=False)), default=0.0)
    for p in sweep.points:
        if p.total_cost is None:  # shade half a step either side of an infeasible point
            left, right = max(px(p.value - step / 2), plot.x), min(px(p.value + step / 2),
                                                                   plot.x + plot.width)
            d.add(Rect(left, plot.y, right - left, plot.height, fillColor=SHADE,
                       strokeColor=None))
    data = [(p.value, (p.total_cost or 0.0) / div) for p in feasible]
    if sweep.current_value is not None and sweep.current_cost is not None and data:
        # The current plan is a point of the curve too: draw the line through it.
        data = sorted({*data, (sweep.current_value, sweep.current_cost / div)})
    plot.data = [data] if data else [[(xmin, ymin)]]
    plot.lines[0].strokeColor, plot.lines[0].strokeWidth = INK, 1.5
    plot.lines[0].symbol = makeMarker("FilledCircle", size=3.5, fillColor=INK)
    if not data:
        plot.lines[0].strokeColor = None
    d.add(plot)
    if any(p.total_cost is None for p in sweep.points):
        _text(d, plot.x + plot.width, plot.y - 30, "shaded: no feasible plan", fonts, 7,
              anchor="end", color=colors.grey)
    _text(d, plot.x + plot.width / 2, 6, sweep.limit.label(), fonts, 8, anchor="middle")
    _text(d, 0, height - 26, f"{unit} {cur}".strip(), fonts, 7)
    if sweep.current_value is not None and sweep.current_cost is not None:
        x, y = px(sweep.current_value), py(sweep.current_cost / div)
        d.add(Polygon([x, y + 6, x + 6, y, x, y - 6, x - 6, y], fillColor=MARK,
                      strokeColor=colors.white, strokeWidth=0.8))
        anchor = "end" if x > plot.x + plot.width * 0.6 else "start"
        dx = -9 if anchor == "end" else 9
        label = f"current plan: {_value_format(sweep, 3)(sweep.current_value)}, " \
                f"{sweep.current_cost / div:,.4g} {unit} {cur}".replace("  ", " ")
        _text(d, x + dx, y + 8, label, fonts, 7.5, True, anchor, MARK)
    return d


def _is_share(sweep: SweepResult) -> bool:
    return sweep.limit.kind not in ("budget_total", "weighted_risk")


def _value_format(sweep: SweepResult, digits: int = 2) -> Callable[[float], str]:
    """How the limit's values read on the axis (and, more precisely, at the marker)."""
    if sweep.limit.kind == "budget_total":
        div, unit = _scale([p.value for p in sweep.points])
        return lambda v: f"{v / div:,.4g} {unit}".strip()
    if sweep.limit.kind == "weighted_risk":
        return lambda v: f"{v:.{digits}f}"
    return lambda v: f"{v * 100:.{digits - 2}f}%"


def _short(value: float) -> str:
    a = abs(value)
    if a >= 1e6:
        return f"{value / 1e6:,.3g}m"
    if a >= 1e3:
        return f"{value / 1e3:,.3g}k"
    return f"{value:,.3g}"


def comparison_chart(comparison: Comparison, *, fonts: FontSet | None = None,
                     width: float = 640, height: float | None = None) -> Drawing:
    """Extra cost and unmet demand of each stress, re-plan next to hold."""
    fonts = _fonts(fonts)
    names = list(dict.fromkeys(r.scenario for r in comparison.rows if r.answer != "base"))
    height = height or 70 + 30 * max(len(names), 1)
    d = Drawing(width, height)
    _text(d, 0, height - 12, "What each shock costs: re-plan (known in advance) and hold "
                             "(orders already placed kept)", fonts, 9, True)
    answers = [a for a in ("replan", "hold") if any(r.answer == a for r in comparison.rows)]
    by = {(r.scenario, r.answer): r for r in comparison.rows}
    # Answers that leave demand unmet without pricing it have no comparable extra cost:
    # no bar (their unmet demand shows in the second panel).
    extra = [[(by[(n, a)].comparable_extra_cost or 0.0) if (n, a) in by else 0.0
              for n in names] for a in answers]
    short = [[100 * by[(n, a)].shortfall_share if (n, a) in by else 0.0 for n in names]
             for a in answers]
    div, unit = _scale([v for row in extra for v in row])
    label_w = min(250.0, 12 + 4.2 * max((len(n) for n in names), default=4))
    panel = (width - label_w - 30) / 2
    for k, (data, title, fmt) in enumerate((
            ([[v / div for v in row] for row in extra],
             f"Extra cost ({unit} {comparison.currency})".replace("( ", "("), "{:,.3g}"),
            (short, "Unmet demand (% of PFLOP/s x quarters)", "{:.1f}"))):
        chart = HorizontalBarChart()
        chart.x = label_w + k * (panel + 20)
        chart.y, chart.width, chart.height = 34, panel, height - 60
        chart.data = data or [[0.0]]
        chart.categoryAxis.categoryNames = (
            [n if len(n) <= 56 else n[:55] + "…" for n in reversed(names)] if k == 0
            else [""] * len(names))
        chart.data = [list(reversed(row)) for row in chart.data]
        chart.categoryAxis.labels.fontName = font_for("".join(names), fonts)
        chart.categoryAxis.labels.fontSize = 7
        chart.categoryAxis.joinAxisMode = "left"  # names left of the plot, not at zero
        chart.valueAxis.labels.fontSize = 7
        chart.valueAxis.labels.fontName = fonts.regular
        chart.valueAxis.visibleGrid, chart.valueAxis.gridStrokeColor = True, GRID
        chart.valueAxis.labelTextFormat = fmt.format
        flat = [v for row in chart.data for v in row]
        lo, hi = min([*flat, 0.0]), max([*flat, 0.0])
        room = 0.18 * ((hi - lo) or 1.0)  # for the bar labels
        chart.valueAxis.valueMin = lo - room if lo < 0 else 0.0
        chart.valueAxis.valueMax = hi + room
        chart.barLabelFormat = fmt.format
        chart.barLabels.fontSize, chart.barLabels.fontName = 6, fonts.regular
        # Labels just beyond each bar's end (reportlab mirrors the anchor for negative bars).
        chart.barLabels.boxAnchor, chart.barLabels.nudge = "w", 3
        for i in range(len(chart.data)):
            chart.bars[i].fillColor = PALETTE[(i * 2) % len(PALETTE)]
            chart.bars[i].strokeColor = None
        d.add(chart)
        _text(d, chart.x + panel / 2, height - 26, title, fonts, 7.5, True, "middle")
    legend = Legend()
    legend.x, legend.y, legend.fontSize, legend.fontName = label_w, 12, 7, fonts.regular
    legend.alignment, legend.columnMaximum, legend.deltax = "right", 1, 110
    legend.colorNamePairs = [(PALETTE[(i * 2) % len(PALETTE)],
                              {"replan": "re-plan", "hold": "hold"}[a])
                             for i, a in enumerate(answers)]
    d.add(legend)
    return d


def histogram_chart(sim: SimulationResult, workload: str = "all", *,
                    fonts: FontSet | None = None, width: float = 480,
                    height: float = 240) -> Drawing:
    """Share of futures by total unmet demand over the horizon, "none" first."""
    fonts = _fonts(fonts)
    risk = sim.total if workload == "all" else sim.workload(workload)
    hist = risk.histogram
    d = Drawing(width, height)
    _text(d, 0, height - 12, f"Unmet demand over the horizon: {risk.name} "
                             f"({sim.futures:,} futures, {sim.mode})", fonts, 9, True)
    _text(d, 0, height - 26, f"P(any shortfall) {risk.probability:.1%}; expected "
                             f"{risk.expected:,.0f} PFLOP/s x periods "
                             f"({risk.expected_share:.2%} of demand); P95 {risk.p95:,.0f}",
          fonts, 7.5)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 44, 46, width - 60, height - 90
    chart.data = [[100 * c / sim.futures for c in (hist.zero, *hist.counts)]]
    chart.categoryAxis.categoryNames = ["none"] + [f"≤{_short(e)}" for e in hist.edges[1:]]
    chart.categoryAxis.labels.angle, chart.categoryAxis.labels.boxAnchor = 45, "ne"
    chart.categoryAxis.labels.fontSize = 6
    chart.categoryAxis.labels.fontName = font_for("≤", fonts)
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labels.fontSize, chart.valueAxis.labels.fontName = 7, fonts.regular
    chart.valueAxis.labelTextFormat = lambda v: f"{v:.0f}%"
    chart.valueAxis.visibleGrid, chart.valueAxis.gridStrokeColor = True, GRID
    chart.bars[0].fillColor, chart.bars[0].strokeColor = INK, None
    chart.bars[(0, 0)].fillColor = PALETTE[2]
    d.add(chart)
    d.add(Line(chart.x, chart.y, chart.x + chart.width, chart.y, strokeColor=INK))
    _text(d, chart.x + chart.width / 2, 4, "total unmet demand, PFLOP/s x periods", fonts, 7,
          anchor="middle")
    return d


def save_drawing(drawing: Drawing, path: str | Path) -> Path:
    """Write ``drawing`` as .svg, .pdf or .png (PNG needs a renderPM backend: rlPyCairo)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".svg":
        from reportlab.graphics import renderSVG

        renderSVG.drawToFile(drawing, str(path))
    elif suffix == ".pdf":
        from reportlab.graphics import renderPDF

        renderPDF.drawToFile(drawing, str(path))
    elif suffix == ".png":
        from reportlab.graphics import renderPM
        from reportlab.graphics.utils import RenderPMError

        try:
            renderPM.drawToFile(drawing, str(path), fmt="PNG", dpi=144)
        except RenderPMError as exc:
            raise ProcureError("PNG charts need reportlab's renderPM backend (pip install "
                               "rlPyCairo); write .svg or .pdf instead") from exc
    else:
        raise ProcureError(f"charts are written as .svg, .pdf or .png, not {suffix or path.name}")
    return path


__all__ = ["comparison_chart", "histogram_chart", "save_drawing", "tradeoff_chart"]
