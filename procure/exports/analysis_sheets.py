"""Scenario analysis in Excel: comparison, trade-off curve and Monte Carlo sheets.

:func:`add_analysis_sheets` appends the sheets to any openpyxl workbook, write-only
included, so the plan workbook can carry them; :func:`write_analysis_workbook`
writes them alone. Figures are values (not formulas), each sheet with a native
chart finance can restyle.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference, ScatterChart, Series
from openpyxl.chart.axis import ChartLines
from openpyxl.chart.data_source import AxDataSource, NumFmt, StrRef
from openpyxl.chart.label import DataLabelList

from procure.analysis.compare import ANSWER_NAMES, Comparison
from procure.analysis.montecarlo import SimulationResult
from procure.analysis.tradeoff import SweepResult
from procure.exports.excel_cells import Cells, set_widths
from procure.exports.excel_layout import FMT_MONEY, FMT_PERCENT, FMT_RATIO, FMT_UNITS
from procure.fs import atomic_write_bytes

COMPARISON = "Scenario comparison"
TRADE_OFF = "Trade-off"
MONTE_CARLO = "Monte Carlo"


def _comparison(wb: Workbook, comparison: Comparison) -> None:
    ws = wb.create_sheet(COMPARISON)
    set_widths(ws, (46, 12, 12, 12, 14, 18, 18, 16, 10, 10, 60, 40, 14))
    c = Cells(ws)
    cur = comparison.currency
    ws.append([c.text("Scenario comparison", "title")])
    ws.append([c.text("Unmet demand in PFLOP/s x periods, before cost: a cost that leaves "
                      "demand unserved without pricing it is not comparable with the base "
                      "(vs base left empty, see the last column). Stranded: capex of units "
                      "that never serve.", "note")])
    ws.append([])
    head = ["Scenario", "Answer", "Status", "Unmet share", "Unmet demand",
            f"Total cost ({cur})", f"vs base ({cur})", f"Stranded ({cur})", "Risk", "HHI",
            "In words", "Chart label", f"Chart: vs base (bn {cur})"]
    ws.append([c.header(h) for h in head])
    names = comparison.names
    for r in comparison.rows:
        ws.append([
            c.text(r.scenario), c.text(ANSWER_NAMES.get(r.answer, r.answer)), c.text(r.status),
            c.number(r.shortfall_share, FMT_PERCENT), c.number(r.shortfall, FMT_UNITS),
            c.number(r.total_cost, FMT_MONEY),
            c.number(r.comparable_extra_cost if r.answer != "base" else None, FMT_MONEY),
            c.number(r.stranded_spend, FMT_MONEY), c.number(r.weighted_risk, FMT_RATIO),
            c.number(r.hhi, FMT_RATIO), c.text(r.verdict(names)),
            c.text(f"{r.scenario} ({ANSWER_NAMES.get(r.answer, r.answer)})"),
            c.number(None if r.answer == "base" or r.comparable_extra_cost is None
                     else r.comparable_extra_cost / 1e9, FMT_BN),
        ])
    n = len(comparison.rows)
    if n > 1:
        ws.add_chart(_comparison_chart(ws, n, len(head) - 1, cur), f"A{n + 7}")


FMT_BN = '#,##0.00" bn"'
"""The chart's money, already in billions (LibreOffice ignores a data label's own
number format, so the values are divided in the cells and the labels follow them)."""


def _comparison_chart(ws: Any, n: int, label_col: int, cur: str) -> BarChart:
    """Extra cost of each answer as labelled horizontal bars, the axis in bn; the
    categories are the "Chart label" column, one text per bar, because LibreOffice
    shows two-column (multi-level) categories as numbers."""
    bar = BarChart()
    bar.type, bar.title = "bar", f"Extra cost against the base plan (bn {cur})"
    bar.y_axis.majorGridlines = ChartLines()
    bar.y_axis.delete = bar.x_axis.delete = False
    bar.y_axis.title = f"Extra cost against the base (bn {cur})"
    bar.x_axis.title = "Scenario (answer)"
    bar.y_axis.numFmt = NumFmt(formatCode='#,##0.0', sourceLinked=False)
    bar.height, bar.width = 7 + 0.6 * n, 22
    bar.add_data(Reference(ws, min_col=label_col + 1, min_row=4, max_row=4 + n),
                 titles_from_data=True)
    # Text categories as a string reference (openpyxl writes a number reference,
    # which LibreOffice shows as 1, 2, 3).
    labels_ref = Reference(ws, min_col=label_col, min_row=5, max_row=4 + n)
    for series in bar.series:
        series.cat = AxDataSource(strRef=StrRef(f=str(labels_ref)))
    labels = DataLabelList()
    labels.showVal = True
    labels.showSerName = labels.showCatName = labels.showLegendKey = False
    bar.dataLabels = labels
    bar.legend = None
    return bar


def _trade_off(wb: Workbook, sweep: SweepResult) -> None:
    ws = wb.create_sheet(TRADE_OFF)
    set_widths(ws, (16, 12, 20, 20, 22, 10, 10))
    c = Cells(ws)
    cur = sweep.currency
    ws.append([c.text(f"Total cost against the {sweep.limit.label()}", "title")])
    ws.append([c.text("Current plan"), c.number(sweep.current_value, FMT_RATIO),
               c.number(sweep.current_cost, FMT_MONEY)])
    ws.append([c.text("Marginal: change of total cost per 1.0 of the limit (shadow price); "
                      "divide by 100 for a percentage point.", "note")])
    ws.append([c.header(h) for h in ("Limit", "Status", f"Total cost ({cur})",
                                     f"Capex ({cur})", f"Marginal ({cur} per 1.0)", "Risk",
                                     "HHI")])
    for p in sweep.points:
        ws.append([c.number(p.value, FMT_RATIO), c.text(p.status),
                   c.number(p.total_cost, FMT_MONEY), c.number(p.capex, FMT_MONEY),
                   c.number(p.marginal, FMT_MONEY), c.number(p.weighted_risk, FMT_RATIO),
                   c.number(p.hhi, FMT_RATIO)])
    last = 4 + len(sweep.points)
    chart = ScatterChart()
    chart.title = f"Total cost ({cur}) against the {sweep.limit.label()}"
    chart.style, chart.height, chart.width = 13, 9, 18
    chart.x_axis.title, chart.y_axis.title = sweep.limit.label(), f"Total cost ({cur})"
    chart.y_axis.majorGridlines = ChartLines()
    chart.x_axis.delete = chart.y_axis.delete = False
    series = Series(Reference(ws, min_col=3, min_row=5, max_row=last),
                    Reference(ws, min_col=1, min_row=5, max_row=last), title="Total cost")
    series.marker.symbol = "circle"
    chart.series.append(series)
    current = Series(Reference(ws, min_col=3, min_row=2), Reference(ws, min_col=2, min_row=2),
                     title="Current plan")
    current.marker.symbol, current.marker.size = "diamond", 10
    current.graphicalProperties.line.noFill = True
    chart.series.append(current)
    ws.add_chart(chart, "I4")


def _monte_carlo(wb: Workbook, sim: SimulationResult) -> None:
    ws = wb.create_sheet(MONTE_CARLO)
    set_widths(ws, (30, 16, 14, 22, 16, 22, 18))
    c = Cells(ws)
    ws.append([c.text("Monte Carlo: unmet demand under vendor disruptions", "title")])
    ws.append([c.text(f"{sim.futures:,} futures, seed {sim.seed}, mode {sim.mode}, "
                      f"{'re-dispatch' if sim.redispatch else 'planned assignment'}", "note")])
    ws.append([])
    ws.append([c.header(h) for h in ("Workload", "P(any shortfall)", "Std. error",
                                     "Expected (PFLOP/s x periods)", "Share of demand",
                                     "If any (PFLOP/s x periods)", "P95")])
    for w in (*sim.workloads, sim.total):
        ws.append([c.text(w.name), c.number(w.probability, FMT_PERCENT),
                   c.number(w.probability_se, FMT_PERCENT), c.number(w.expected, FMT_UNITS),
                   c.number(w.expected_share, FMT_PERCENT), c.number(w.conditional, FMT_UNITS),
                   c.number(w.p95, FMT_UNITS)])
    ws.append([])
    header = 8 + len(sim.workloads)  # title, note, blank, header, workloads, total, blank, section
    ws.append([c.text("Histogram of total unmet demand (all workloads)", "section")])
    ws.append([c.header("Up to (PFLOP/s x periods)"), c.header("Futures")])
    hist = sim.total.histogram
    ws.append([c.text("none"), c.number(hist.zero, "#,##0")])
    for edge, count in zip(hist.edges[1:], hist.counts, strict=True):
        ws.append([c.number(edge, FMT_UNITS), c.number(count, "#,##0")])
    first = header + 1
    last = first + len(hist.counts)
    bar = BarChart()
    bar.type, bar.title = "col", "Futures by total unmet demand"
    bar.y_axis.majorGridlines = ChartLines()
    bar.y_axis.delete = bar.x_axis.delete = False
    bar.height, bar.width, bar.gapWidth, bar.legend = 9, 18, 10, None
    bar.add_data(Reference(ws, min_col=2, min_row=header, max_row=last), titles_from_data=True)
    bar.set_categories(Reference(ws, min_col=1, min_row=first, max_row=last))
    ws.add_chart(bar, "I4")


def add_analysis_sheets(
    wb: Workbook, *, comparison: Comparison | None = None, sweep: SweepResult | None = None,
    simulation: SimulationResult | None = None,
) -> None:
    """Append the sheets of the analyses given (write-only workbooks included)."""
    if comparison is not None and comparison.rows:
        _comparison(wb, comparison)
    if sweep is not None:
        _trade_off(wb, sweep)
    if simulation is not None:
        _monte_carlo(wb, simulation)


def write_analysis_workbook(path: str | Path, **analyses: Any) -> None:
    """A workbook holding only the analysis sheets (see :func:`add_analysis_sheets`)."""
    wb = Workbook(write_only=True)
    add_analysis_sheets(wb, **analyses)
    if not wb.sheetnames:
        wb.create_sheet("Empty")
    buffer = io.BytesIO()
    wb.save(buffer)
    atomic_write_bytes(Path(path), buffer.getvalue())


__all__ = ["add_analysis_sheets", "write_analysis_workbook"]
