"""The workbook's Orders sheet: each purchase in whole lots, as it would be ordered.

The Purchases sheet keeps the optimiser's plan as solved, so the workbook's formulas
reproduce its figures to the cent; a continuous plan may buy 3,016.4 units of a chip
sold in lots of 8. This sheet lists what a planner orders instead: each (chip, period)
rounded up to whole lots (see :mod:`procure.exports.whole_units`), with what the
rounding adds stated at the top.
"""

from __future__ import annotations

from openpyxl import Workbook

from procure.domain.model import Scenario
from procure.domain.result import Result
from procure.exports import excel_layout as L
from procure.exports.excel_cells import Cells, set_widths
from procure.exports.whole_units import whole_orders

ORDERS = "Orders"
FMT_WHOLE = "#,##0"


def write_orders(wb: Workbook, s: Scenario, r: Result) -> None:
    whole = whole_orders(s, r)
    ws = wb.create_sheet(ORDERS)
    set_widths(ws, (14, 28, 10, 10, 10, 12, 14, 18))
    c = Cells(ws)
    cur = s.currency_code
    ws.append([c.text("Orders in whole lots", "title")])
    note = (f"Each order rounded up to whole lots: {whole.added_units:,.1f} units and "
            f"{whole.added_capex:,.0f} {cur} of capex more than the optimiser's continuous "
            "plan (the Purchases sheet, which every other sheet's figures come from)."
            if whole.rounded else "The plan is in whole lots already (integer mode).")
    ws.append([c.text(note, "note")])
    ws.append([])
    ws.append([c.header(h) for h in ("Chip", "Name", "Period", "Lot size", "Lots", "Units",
                                     "As solved", f"Added capex ({cur})")])
    chips = {chip.id: chip for chip in s.chips}
    for o in whole.orders:
        chip = chips.get(o.chip)
        price = chip.price[s.periods.index(o.period)] if chip and o.period in s.periods else 0.0
        ws.append([c.text(o.chip), c.text(chip.name if chip else None), c.text(o.period),
                   c.number(o.lot_size, FMT_WHOLE), c.number(o.lots, FMT_WHOLE),
                   c.number(o.units, FMT_WHOLE), c.number(o.as_solved, L.FMT_UNITS),
                   c.number((o.units - o.as_solved) * price, L.FMT_MONEY)])
