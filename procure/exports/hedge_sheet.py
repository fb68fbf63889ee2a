"""A hedge in Excel: futures, probabilities, costs and the orders to place now.

:func:`add_hedge_sheet` appends the sheet to any openpyxl workbook (write-only
included), so a plan workbook can carry it; :func:`write_hedge_workbook` writes it
alone. Figures are values, with a native chart of the cost in each future, hedged
and betting on the reference, that finance can restyle.
"""

from __future__ import annotations

import io
from pathlib import Path

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.chart.axis import ChartLines

from procure.analysis.hedge import HedgeResult
from procure.exports.excel_cells import Cells, set_widths
from procure.exports.excel_layout import FMT_MONEY, FMT_PERCENT, FMT_UNITS
from procure.fs import atomic_write_bytes

HEDGE = "Hedge"


def _figures(c: Cells, r: HedgeResult) -> list[list[object]]:
    cur = r.currency
    rows = [
        ("Expected cost", r.expected_cost),
        (f"Expected cost betting on {r.reference.name}", r.reference.expected_cost),
        ("Value of hedging", r.value_of_hedging),
        ("Wait-and-see (knowing the future)", r.wait_and_see),
        ("Value of perfect information", r.value_of_perfect_information),
        ("CVaR", r.cvar),
        ("Objective", r.objective),
    ]
    return [[c.text(f"{label} ({cur})"), c.number(value, FMT_MONEY)] for label, value in rows]


def _chip_names(result: HedgeResult) -> dict[str, str]:
    """Display names, from the first future's result (kept in its ``x.names``)."""
    first = result.scenarios[0].result if result.scenarios else None
    names = ((first.x or {}).get("names") or {}) if first is not None else {}
    return dict(names.get("chip") or {})


def add_hedge_sheet(wb: Workbook, result: HedgeResult) -> None:
    """Append the hedge's sheet: summary figures, futures (charted), here-and-now orders."""
    ws = wb.create_sheet(HEDGE)
    set_widths(ws, (44, 14, 20, 24, 16))
    c = Cells(ws)
    cur = result.currency
    ws.append([c.text(f"Hedge: {result.name or ''}".rstrip(": "), "title")])
    ws.append([c.text(f"Status {result.status.value}; orders through {result.decide_through} "
                      "are the same in every future. A value left empty is not a number "
                      "(for example the reference cannot be carried through in some future).",
                      "note")])
    ws.append([])
    figures = _figures(c, result)
    for row in figures:
        ws.append(row)
    ws.append([])
    head_row = 3 + len(figures) + 2  # title, note, blank, figures, blank, then the header
    ws.append([c.header(h) for h in ("Future", "Probability", f"Hedged cost ({cur})",
                                     f"Betting on {result.reference.name} ({cur})", "")])
    for f in result.scenarios:
        ws.append([c.text(f.name), c.number(f.probability, FMT_PERCENT),
                   c.number(f.objective, FMT_MONEY),
                   c.number(result.reference.objectives.get(f.name), FMT_MONEY)])
    n = len(result.scenarios)
    ws.append([])
    ws.append([c.header(h) for h in ("Orders to place now", "Period", "Units (hedge)",
                                     f"Units (betting on {result.reference.name})")])
    ref = result.reference.here_and_now or {}
    labels = _chip_names(result)
    for chip, by_period in (result.here_and_now or {}).items():
        for period, units in by_period.items():
            ws.append([c.text(labels.get(chip, chip)), c.text(period), c.number(units, FMT_UNITS),
                       c.number(ref.get(chip, {}).get(period), FMT_UNITS)])
    for conflict in result.diagnosis:
        ws.append([c.text(", ".join(conflict.scenarios)), None, None, c.text(conflict.message)])
    if n and result.expected_cost is not None:
        bar = BarChart()
        bar.type, bar.title = "col", f"Cost in each future ({cur})"
        bar.y_axis.majorGridlines = ChartLines()
        bar.y_axis.delete = bar.x_axis.delete = False
        bar.height, bar.width = 9, 18
        bar.add_data(Reference(ws, min_col=3, max_col=4, min_row=head_row,
                               max_row=head_row + n), titles_from_data=True)
        bar.set_categories(Reference(ws, min_col=1, min_row=head_row + 1, max_row=head_row + n))
        ws.add_chart(bar, "G3")


def write_hedge_workbook(path: str | Path, result: HedgeResult) -> None:
    """A workbook holding only the hedge's sheet."""
    wb = Workbook(write_only=True)
    add_hedge_sheet(wb, result)
    buffer = io.BytesIO()
    wb.save(buffer)
    atomic_write_bytes(Path(path), buffer.getvalue())


__all__ = ["HEDGE", "add_hedge_sheet", "write_hedge_workbook"]
