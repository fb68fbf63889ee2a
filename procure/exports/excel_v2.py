"""The version-2 inputs of a scenario as workbook sheets, written and read back.

A version-2 workbook says ``procure-scenario/2`` on its Scenario sheet and carries
these sheets besides the version-1 ones. They are separate sheets, not new columns
of the version-1 sheets, so a workbook written before version 2 still reads back
unchanged. The "Money over time" sheet holds the discount factors as live
formulas over the rate, so finance can change the rate and see every factor move.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from openpyxl import Workbook

from procure.domain.model import FleetEntry, RiskGroup, Scenario, Workload
from procure.exports import excel_layout as L
from procure.exports.excel_cells import Cells, set_widths, table_frame
from procure.exports.excel_cells_in import BAD, cell_ref

MONEY = "Money over time"
FX = "FX rates"
CHIP_CURRENCY = "Chip currency"
MEMORY_DEMAND = "Memory demand"
RAMPS = "Efficiency ramps"
ARRIVALS = "Fleet arrivals"
RISK_GROUPS = "Risk groups"

V2_SHEETS = (MONEY, FX, CHIP_CURRENCY, MEMORY_DEMAND, RAMPS, ARRIVALS, RISK_GROUPS)

FX_SHEET = L.WideSheet(FX, "Currency", "0.0000", every_entity=False)
MEMORY_SHEET = L.WideSheet(MEMORY_DEMAND, "Workload", "#,##0.0", every_entity=False)

CURRENCY_SHEET = L.RecordSheet(
    CHIP_CURRENCY,
    (
        L.Column("chip", "Chip", "text", 16, required=True),
        L.Column("price_currency", "Price currency", "text", 14, required=True),
    ),
)
ARRIVAL_SHEET = L.RecordSheet(
    ARRIVALS,
    (
        L.Column("row", "Fleet row", "whole", 10, "0", required=True),
        L.Column("in_service_from", "In service from", "text", 16, required=True),
    ),
)
GROUP_SHEET = L.RecordSheet(
    RISK_GROUPS,
    (
        L.Column("id", "ID", "text", 16, required=True),
        L.Column("name", "Name", "text", 28),
        L.Column("vendors", "Vendors (comma-separated)", "text", 26),
        L.Column("chips", "Chips (comma-separated)", "text", 26),
        L.Column("max_share", "Max share of new spend", "number", 14, L.FMT_LIMIT_PERCENT),
        L.Column("x", "Extensions (JSON)", "json", 22),
    ),
)
_EMPTY_LIST = "[]"  # an explicitly empty list, as opposed to a blank (absent) cell
_RATE_ROW, _PER_YEAR_ROW, _FIRST_FACTOR_ROW = 2, 3, 6


def discount_factor_cell(period_index: int) -> str:
    """The absolute reference of period ``period_index``'s discount factor, for formulas."""
    return f"'{MONEY}'!$B${_FIRST_FACTOR_ROW + period_index}"


def _ids(values: tuple[str, ...] | None) -> str | None:
    if values is None:
        return None
    return ", ".join(values) if values else _EMPTY_LIST


def _parse_ids(text: Any) -> tuple[str, ...] | None:
    if text is None or text is BAD:
        return None
    if text.strip() == _EMPTY_LIST:
        return ()
    return tuple(part.strip() for part in text.split(",") if part.strip())


def _money_sheet(wb: Workbook, s: Scenario) -> None:
    ws = wb.create_sheet(MONEY)
    set_widths(ws, (22, 16, 60))
    c = Cells(ws)
    ws.append([c.header("Field"), c.header("Value"), c.header("Meaning")])
    ws.append([c.text("discount_rate"), c.number(s.discount_rate, L.FMT_LIMIT_PERCENT, "input"),
               c.text("cost of capital per year; blank: 0", "note")])
    ws.append([c.text("periods_per_year"), c.number(s.periods_per_year, "0", "input"),
               c.text("periods in a year, for discounting; blank: 4", "note")])
    ws.append([])
    ws.append([c.header("Period"), c.header("Discount factor"),
               c.header("Formula (1 + rate) ^ (-position / periods per year)")])
    rate, per_year = f"$B${_RATE_ROW}", f"$B${_PER_YEAR_ROW}"
    for i, label in enumerate(s.periods):
        factor = f"=(1+N({rate}))^(-{i}/IF(ISNUMBER({per_year}),{per_year},4))"
        ws.append([c.text(label), c.formula(factor, "0.0000")])


def _wide(wb: Workbook, sheet: L.WideSheet, periods: Sequence[str], rows: Sequence[Any]) -> None:
    ws = wb.create_sheet(sheet.name)
    set_widths(ws, [16.0] + [13.0] * len(periods))
    table_frame(ws, len(periods) + 1, len(rows))
    c = Cells(ws)
    ws.append([c.header(sheet.key_header)] + [c.header(p) for p in periods])
    for key, values in rows:
        ws.append([c.text(key, "input")] + [c.number(v, sheet.fmt, "input") for v in values])


def _records(wb: Workbook, sheet: L.RecordSheet, records: Sequence[dict[str, Any]]) -> None:
    ws = wb.create_sheet(sheet.name)
    set_widths(ws, (column.width for column in sheet.columns))
    table_frame(ws, len(sheet.columns), len(records))
    c = Cells(ws)
    ws.append([c.header(h) for h in sheet.headers])
    for record in records:
        row: list[Any] = []
        for column in sheet.columns:
            value = record.get(column.key)
            if value is None:
                row.append(None)
            elif column.kind == "text":
                row.append(c.text(value, "input"))
            elif column.kind == "json":
                row.append(c.json(value))
            else:
                row.append(c.number(value, column.fmt, "input"))
        ws.append(row)


def write_v2_sheets(wb: Workbook, s: Scenario) -> None:
    """Append the version-2 input sheets; nothing for a version-1 scenario."""
    if s.version != 2:
        return
    _money_sheet(wb, s)
    if s.fx is not None:
        _wide(wb, FX_SHEET, s.periods, sorted(s.fx.items()))
    _records(wb, CURRENCY_SHEET, [
        {"chip": ch.id, "price_currency": ch.price_currency}
        for ch in s.chips if ch.price_currency is not None
    ])
    _wide(wb, MEMORY_SHEET, s.periods, [
        (w.id, w.memory_demand) for w in s.workloads if w.memory_demand is not None
    ])
    ws = wb.create_sheet(RAMPS)
    set_widths(ws, [16.0, 16.0] + [11.0] * len(s.periods))
    c = Cells(ws)
    ws.append([c.header("Workload"), c.header("Chip")] + [c.header(p) for p in s.periods])
    for w in s.workloads:
        for chip, eff in w.efficiency.items():
            if isinstance(eff, tuple):
                ws.append([c.text(w.id, "input"), c.text(chip, "input")]
                          + [c.number(v, "0.00", "input") for v in eff])
    _records(wb, ARRIVAL_SHEET, [
        {"row": i + 2, "in_service_from": f.in_service_from}
        for i, f in enumerate(s.fleet) if f.in_service_from is not None
    ])
    _records(wb, GROUP_SHEET, [
        {"id": g.id, "name": g.name, "vendors": _ids(g.vendors), "chips": _ids(g.chips),
         "max_share": g.max_share, "x": g.x}
        for g in s.risk_groups
    ])


def _single(job: Any, sheet: str, row: Any, index: int, kind: Any, label: str) -> Any:
    value = job.r.value(sheet, row, index, kind, label)
    return None if value is BAD else value


def _money(job: Any) -> tuple[float | None, int | None]:
    ws = job.sheet(MONEY)
    if ws is None:
        return None, None
    found: dict[str, Any] = {}
    for row in job.r.rows(ws):
        key = job.r.value(MONEY, row, 0, "text", "Field")
        if key in ("discount_rate", "periods_per_year"):
            kind = "number" if key == "discount_rate" else "whole"
            found[key] = _single(job, MONEY, row, 1, kind, key)
            job.where[key] = (cell_ref(MONEY, row.number, 2), key)
    return found.get("discount_rate"), found.get("periods_per_year")


def _ramps(job: Any, workloads: tuple[Workload, ...]) -> dict[tuple[str, str], tuple[float, ...]]:
    ws = job.sheet(RAMPS)
    out: dict[tuple[str, str], tuple[float, ...]] = {}
    periods = job.periods or ()
    if ws is None or not job.r.header(ws, RAMPS, ("Workload", "Chip", *periods)):
        return out
    ids = [w.id for w in workloads]
    for row in job.r.rows(ws):
        job.r.extra_cells(RAMPS, row, len(periods) + 2)
        wid = job.r.value(RAMPS, row, 0, "text", "Workload")
        chip = job.r.value(RAMPS, row, 1, "text", "Chip")
        values = []
        for j, label in enumerate(periods):
            v = job.r.value(RAMPS, row, j + 2, "number", label)
            if v is None:
                job.r.fail(cell_ref(RAMPS, row.number, j + 3),
                           f"{label}: is missing (a ramp needs a value per period)")
            values.append(0.0 if v in (None, BAD) else v)
        if wid in (None, BAD) or chip in (None, BAD):
            if wid is None or chip is None:
                job.r.fail(cell_ref(RAMPS, row.number, 1), "Workload and Chip are required")
            continue
        if wid not in ids:
            job.r.fail(cell_ref(RAMPS, row.number, 1), f"Workload: unknown workload {wid!r}")
            continue
        if (wid, chip) in out:
            job.r.fail(cell_ref(RAMPS, row.number, 2), f"a second ramp for {wid!r} on {chip!r}")
            continue
        out[(wid, chip)] = tuple(values)
        path = f"workloads[{ids.index(wid)}].efficiency[{chip!r}]"
        job.where[path] = (cell_ref(RAMPS, row.number, 3), "Efficiency")
    return out


def _with_workloads(job: Any, s: Scenario) -> tuple[Workload, ...]:
    ids = [w.id for w in s.workloads]
    memory = job.wide(MEMORY_SHEET, ids, "workloads", "memory_demand")
    ramps = _ramps(job, s.workloads)
    out = []
    for w in s.workloads:
        efficiency: dict[str, Any] = dict(w.efficiency)
        for (wid, chip), ramp in ramps.items():
            if wid != w.id:
                continue
            if chip in efficiency:
                job.r.fail(RAMPS, f"{wid!r} on {chip!r} has both a number (Efficiency sheet) "
                           "and a ramp: keep one")
            efficiency[chip] = ramp
        out.append(Workload(id=w.id, demand=w.demand, efficiency=efficiency, name=w.name,
                            x=w.x, memory_demand=memory.get(w.id)))
    return tuple(out)


def _with_fleet(job: Any, s: Scenario) -> tuple[FleetEntry, ...]:
    arrivals: dict[int, str] = {}
    for i, rec in enumerate(job.records(ARRIVAL_SHEET, "fleet_arrivals")):
        row, when = rec["row"], rec["in_service_from"]
        if row is BAD or when is BAD:
            continue
        if not 2 <= row < len(s.fleet) + 2:
            job.r.fail(job.where[f"fleet_arrivals[{i}].row"][0],
                       f"Fleet row: {row} is not a row of the Fleet sheet")
            continue
        arrivals[row - 2] = when
        job.where[f"fleet[{row - 2}].in_service_from"] = job.where[
            f"fleet_arrivals[{i}].in_service_from"]
    return tuple(
        FleetEntry(chip=f.chip, units=f.units, retire_after=f.retire_after, x=f.x,
                   in_service_from=arrivals.get(i))
        for i, f in enumerate(s.fleet)
    )


def read_v2_sheets(job: Any, s: Scenario) -> Scenario:
    """``s`` (read from the version-1 sheets) with the version-2 sheets' fields added.

    ``job`` is the workbook import in progress (:class:`excel_import._Import`): its
    reader collects the problems and its ``where`` maps file paths to cells.
    """
    import dataclasses

    if s.version != 2:
        return s
    rate, per_year = _money(job)
    fx = None
    if FX in job.wb.sheetnames:
        codes = [c for c in _fx_keys(job) if c]
        fx = job.wide(FX_SHEET, codes, "fx", "rates")
    currency_of: dict[str, str] = {}
    for rec in job.records(CURRENCY_SHEET, "chip_currency"):
        if rec["chip"] is not BAD and rec["price_currency"] is not BAD:
            currency_of[rec["chip"]] = rec["price_currency"]
    chips = tuple(dataclasses.replace(ch, price_currency=currency_of.get(ch.id)) for ch in s.chips)
    groups = tuple(
        RiskGroup(id=rec["id"] if rec["id"] is not BAD else "", name=_none(rec["name"]),
                  vendors=_parse_ids(rec["vendors"]), chips=_parse_ids(rec["chips"]),
                  max_share=_none(rec["max_share"]), x=_none(rec["x"]))
        for rec in job.records(GROUP_SHEET, "risk_groups")
    )
    return dataclasses.replace(
        s, chips=chips, workloads=_with_workloads(job, s), fleet=_with_fleet(job, s),
        discount_rate=rate, periods_per_year=per_year, fx=fx,
        risk_groups=groups,
    )


def _none(value: Any) -> Any:
    return None if value is BAD else value


def _fx_keys(job: Any) -> list[str]:
    """Currency codes on the FX sheet, so a rate no chip uses still reads back."""
    ws = job.sheet(FX)
    if ws is None:
        return []
    keys = []
    for row in job.r.rows(ws):
        key = job.r.value(FX, row, 0, "text", "Currency")
        if isinstance(key, str):
            keys.append(key)
    return keys


__all__ = ["V2_SHEETS", "discount_factor_cell", "read_v2_sheets", "write_v2_sheets"]
