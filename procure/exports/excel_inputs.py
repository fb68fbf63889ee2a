"""Writing a scenario's inputs as sheets, in the layout the importer reads back.

These sheets are the scenario itself, not a summary of it: every field of
:class:`~procure.domain.model.Scenario` has a cell, so a workbook stands on its
own and ``export -> import`` gives back an equal scenario. Blank cells mean
"absent" exactly where the JSON format allows an absent field.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from openpyxl import Workbook

from procure.domain.model import PerPeriod, Scenario
from procure.exports import excel_layout as L
from procure.exports.excel_cells import Cells, print_layout, set_widths, table_frame
from procure.exports.excel_v2 import write_v2_sheets


def _record_cell(cells: Cells, column: L.Column, value: Any) -> Any:
    if value is None:
        return None
    if column.kind == "text":
        return cells.text(value, "input")
    if column.kind == "json":
        return cells.json(value)
    return cells.number(value, column.fmt, "input")


def _record_sheet(wb: Workbook, sheet: L.RecordSheet, records: Sequence[dict[str, Any]]) -> None:
    ws = wb.create_sheet(sheet.name)
    set_widths(ws, (c.width for c in sheet.columns))
    table_frame(ws, len(sheet.columns), len(records))
    cells = Cells(ws)
    ws.append([cells.header(h) for h in sheet.headers])
    for record in records:
        ws.append([_record_cell(cells, c, record.get(c.key)) for c in sheet.columns])


def _wide_sheet(
    wb: Workbook, sheet: L.WideSheet, periods: Sequence[str], rows: Sequence[tuple[str, PerPeriod]]
) -> None:
    ws = wb.create_sheet(sheet.name)
    set_widths(ws, [16.0] + [13.0] * len(periods))
    table_frame(ws, len(periods) + 1, len(rows))
    cells = Cells(ws)
    ws.append([cells.header(sheet.key_header)] + [cells.header(p) for p in periods])
    for key, values in rows:
        ws.append(
            [cells.text(key, "input")] + [cells.number(v, sheet.fmt, "input") for v in values]
        )


def _scenario_sheet(wb: Workbook, s: Scenario) -> None:
    ws = wb.create_sheet(L.SCENARIO)
    print_layout(ws)
    set_widths(ws, (28, 28, 48))
    ws.freeze_panes = "A2"
    cells = Cells(ws)
    ws.append([cells.header(h) for h in L.SCENARIO_HEADERS])
    values: dict[str, Any] = {
        "format": s.format,
        "name": s.name,
        "currency": s.currency,
        "integer": s.integer,
        "shortfall_penalty": s.shortfall_penalty,
        "budget.total": s.budget.total,
        "limits.vendor_max_share": s.limits.vendor_max_share,
        "limits.max_weighted_risk": s.limits.max_weighted_risk,
        "limits.outage_coverage": s.limits.outage_coverage,
        "x": s.x,
        "budget.x": s.budget.x,
        "limits.x": s.limits.x,
    }
    for field in L.SCENARIO_FIELDS:
        value = values[field.key]
        if field.kind == "text":
            cell = cells.text(value, "input")
        elif field.kind == "json":
            cell = cells.json(value)
        elif field.kind == "bool":
            cell = value
        else:
            cell = cells.number(value, field.fmt, "input")
        ws.append([cells.text(field.key), cell, cells.text(field.note, "note")])


def _period_records(s: Scenario) -> list[dict[str, Any]]:
    columns = {
        "hours": s.hours,
        "energy_price": s.energy_price,
        "pue": s.pue,
        "budget": s.budget.per_period,
        "power_cap_kw": s.power_cap_kw,
    }
    return [
        {"period": label, **{k: (v[i] if v is not None else None) for k, v in columns.items()}}
        for i, label in enumerate(s.periods)
    ]


def write_input_sheets(wb: Workbook, s: Scenario) -> None:
    """Append the scenario's input sheets (see :data:`excel_layout.INPUT_SHEETS`) to ``wb``."""
    _scenario_sheet(wb, s)
    _record_sheet(wb, L.PERIOD_SHEET, _period_records(s))
    _record_sheet(wb, L.VENDOR_SHEET, [vars(v) for v in s.vendors])
    _record_sheet(wb, L.CHIP_SHEET, [vars(c) for c in s.chips])
    _wide_sheet(wb, L.PRICE_SHEET, s.periods, [(c.id, c.price) for c in s.chips])
    _wide_sheet(
        wb, L.SUPPLY_SHEET, s.periods, [(c.id, c.supply) for c in s.chips if c.supply is not None]
    )
    _record_sheet(wb, L.WORKLOAD_SHEET, [vars(w) for w in s.workloads])
    _wide_sheet(wb, L.DEMAND_SHEET, s.periods, [(w.id, w.demand) for w in s.workloads])
    _record_sheet(
        wb,
        L.EFFICIENCY_SHEET,
        [
            {"workload": w.id, "chip": chip, "efficiency": eff}
            for w in s.workloads
            for chip, eff in w.efficiency.items()
            if not isinstance(eff, tuple)  # a per-period ramp: see excel_v2
        ],
    )
    _record_sheet(wb, L.FLEET_SHEET, [vars(f) for f in s.fleet])
    _record_sheet(
        wb,
        L.CATEGORY_SHEET,
        [
            {"category": name, "min": share.min, "max": share.max, "x": share.x}
            for name, share in s.limits.category_share.items()
        ],
    )
    write_v2_sheets(wb, s)
