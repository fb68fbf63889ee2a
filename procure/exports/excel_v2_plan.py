"""The version-2 plan sheets: present value, spend by risk group, memory supply vs demand.

The present value is a live formula over the discount factors of the "Money over
time" sheet, which are formulas over the rate: finance changes the rate and sees
the present value move without re-solving (the plan itself stays the one solved at
the scenario's rate, which the sheet says).
"""

from __future__ import annotations

from openpyxl import Workbook

from procure.domain.model import Scenario
from procure.domain.result import Result
from procure.exports import excel_layout as L
from procure.exports.excel_cells import Cells, set_widths, table_frame
from procure.exports.excel_v2 import discount_factor_cell

PRESENT_VALUE = "Present value"
GROUP_SPEND = "Spend by group"
MEMORY = "Memory"


def existing_units(s: Scenario) -> dict[str, list[float]]:
    """Units of the fleet (orders placed included) in service, per chip and period."""
    index = {p: i for i, p in enumerate(s.periods)}
    out = {c.id: [0.0] * len(s.periods) for c in s.chips}
    for f in s.fleet:
        first = index.get(f.in_service_from, 0) if f.in_service_from else 0
        end = len(s.periods) - 1
        last = index.get(f.retire_after, end) if f.retire_after else end
        for t in range(first, last + 1):
            out[f.chip][t] += f.units
    return out


def period_costs(s: Scenario, r: Result) -> list[tuple[float, float, float]]:
    """Nominal (capex, energy of new units, shortfall penalty) per period."""
    existing = existing_units(s)
    energy = s.energy_cost_per_kw()
    power = {c.id: c.power_kw for c in s.chips}
    penalty = s.shortfall_penalty or 0.0
    rows = []
    for t, label in enumerate(s.periods):
        capex = r.spend.get("by_period", {}).get(label, 0.0)
        new_kw = sum(
            power[chip] * (units.get(label, 0.0) - existing[chip][t])
            for chip, units in r.in_service.items()
        )
        short = sum(v.get(label, 0.0) for v in (r.shortfall or {}).values())
        rows.append((capex, energy[t] * new_kw, penalty * short))
    return rows


def _present_value(wb: Workbook, s: Scenario, r: Result) -> None:
    ws = wb.create_sheet(PRESENT_VALUE)
    set_widths(ws, (12, 18, 18, 18, 18, 14, 18))
    cur = s.currency_code
    c = Cells(ws)
    heads = ("Period", f"Capital spend ({cur})", f"New units' energy ({cur})",
             f"Shortfall penalty ({cur})", f"Nominal total ({cur})", "Discount factor",
             f"Present value ({cur})")
    ws.append([c.header(h) for h in heads])
    for i, (label, costs) in enumerate(zip(s.periods, period_costs(s, r), strict=True)):
        row = i + 2
        ws.append(
            [c.text(label)]
            + [c.number(v, L.FMT_MONEY) for v in costs]
            + [c.formula(f"=SUM(B{row}:D{row})", L.FMT_MONEY),
               c.formula(f"={discount_factor_cell(i)}", "0.0000"),
               c.formula(f"=E{row}*F{row}", L.FMT_MONEY)]
        )
    last = len(s.periods) + 1
    ws.append(
        [c.text("Total", "total")]
        + [c.formula(f"=SUM({x}2:{x}{last})", L.FMT_MONEY, "total") for x in "BCDE"]
        + [None, c.formula(f"=SUM(G2:G{last})", L.FMT_MONEY, "total")]
    )
    ws.append([])
    ws.append([c.text(
        "Change the discount rate on the sheet 'Money over time' to see the present value"
        " of this plan move; the plan itself was solved at the rate in the file.",
        "note")])


def _group_spend(wb: Workbook, s: Scenario, r: Result) -> None:
    ws = wb.create_sheet(GROUP_SPEND)
    set_widths(ws, (18, 28, 40, 18, 14, 14))
    table_frame(ws, 6, len(s.risk_groups))
    cur = s.currency_code
    c = Cells(ws)
    ws.append([c.header(h) for h in ("Group", "Name", "Chips", f"New spend ({cur})",
                                     "Share of new spend", "Max share")])
    total = sum(r.spend.get("by_period", {}).values())
    total_cell = f"$D${len(s.risk_groups) + 3}"
    spend = r.spend.get("by_group", {})
    for i, g in enumerate(s.risk_groups):
        row = i + 2
        ws.append([
            c.text(g.id), c.text(g.name), c.text(", ".join(g.chip_ids(s))),
            c.number(spend.get(g.id, 0.0), L.FMT_MONEY),
            c.formula(f"=IF({total_cell}=0,0,D{row}/{total_cell})", L.FMT_PERCENT),
            c.number(g.max_share, L.FMT_PERCENT),
        ])
    ws.append([])
    ws.append([c.text("All new spend", "total"), None, None,
               c.number(total, L.FMT_MONEY, "total")])
    ws.append([c.text("Groups may overlap, so their shares need not add up to 100%.", "note")])


def memory_rows(s: Scenario, r: Result) -> list[tuple[str, str, float, float]]:
    """(workload, period, memory demand TB, memory held TB) for workloads with a demand."""
    gb = {c.id: c.memory_gb or 0.0 for c in s.chips}
    rows = []
    for w in s.workloads:
        if w.memory_demand is None:
            continue
        for t, label in enumerate(s.periods):
            held = sum(
                gb[chip] / 1000 * by_w.get(w.id, {}).get(label, 0.0)
                for chip, by_w in r.assign.items()
                if w.efficiency_by_period(chip, len(s.periods))[t] > 0
            )
            rows.append((w.id, label, w.memory_demand[t], held))
    return rows


def _memory(wb: Workbook, s: Scenario, r: Result) -> None:
    rows = memory_rows(s, r)
    ws = wb.create_sheet(MEMORY)
    set_widths(ws, (18, 12, 18, 18, 18))
    table_frame(ws, 5, len(rows))
    c = Cells(ws)
    ws.append([c.header(h) for h in ("Workload", "Period", "Memory demand (TB)",
                                     "Memory held (TB)", "Spare (TB)")])
    for i, (wid, label, demand, held) in enumerate(rows):
        ws.append([c.text(wid), c.text(label), c.number(demand, "#,##0.0"),
                   c.number(held, "#,##0.0"), c.formula(f"=D{i + 2}-C{i + 2}", "#,##0.0")])


def write_v2_plan_sheets(wb: Workbook, s: Scenario, r: Result) -> None:
    """Append the version-2 plan sheets; nothing for a version-1 plan."""
    if s.version != 2:
        return
    _present_value(wb, s, r)
    if s.risk_groups:
        _group_spend(wb, s, r)
    if any(w.memory_demand is not None for w in s.workloads):
        _memory(wb, s, r)
