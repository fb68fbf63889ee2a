"""The plan sheets of the workbook: purchases, spend, capacity, assignment, constraints.

Figures that finance may want to audit or tweak are formulas over cells
(spend = units x price, totals, shares, SUMIFs by vendor and category), so
changing a price on the Prices sheet flows through to every total and chart.
Figures only the optimiser can produce (units bought, assignment, shadow
prices) are values. Row positions come from :class:`PlanLayout`, computed
before anything is written, because write-only sheets cannot be revisited and
the Summary sheet, written first, refers to cells of later sheets.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from openpyxl import Workbook

from procure.domain.model import Scenario
from procure.domain.result import Result
from procure.exports import excel_layout as L
from procure.exports.excel_cells import Cells, col, quote_sheet, set_widths, table_frame
from procure.exports.prose import shadow_price_unit

FIRST_PERIOD_COL = 5  # Purchases and Spend by chip: Chip, Name, Vendor, Category, periods...


@dataclass(frozen=True)
class PlanLayout:
    """Where every table of the plan sheets starts; pure arithmetic on the scenario's sizes."""

    n_chips: int
    n_vendors: int
    n_categories: int
    n_periods: int

    @property
    def chip_last(self) -> int:
        """Last row of chip ranges; with no chips, the (empty) totals row keeps ranges valid."""
        return max(self.n_chips + 1, 2)

    @property
    def chip_total_row(self) -> int:
        return self.n_chips + 2

    @property
    def total_col(self) -> int:
        return FIRST_PERIOD_COL + self.n_periods

    # Spend sheet: vendors, then categories, then periods, then category x period.
    @property
    def vendor_last(self) -> int:
        return self.n_vendors + 1

    @property
    def vendor_total_row(self) -> int:
        return self.n_vendors + 2

    @property
    def category_header(self) -> int:
        return self.vendor_total_row + 3

    @property
    def category_total_row(self) -> int:
        return self.category_header + self.n_categories + 1

    @property
    def period_header(self) -> int:
        return self.category_total_row + 3

    @property
    def period_total_row(self) -> int:
        return self.period_header + self.n_periods + 1

    @property
    def matrix_header(self) -> int:
        return self.period_total_row + 3

    def spend_total(self) -> str:
        """Reference to total capital spend (the vendor table's total)."""
        return f"{quote_sheet(L.SPEND)}$E${self.vendor_total_row}"


def layout_for(s: Scenario) -> PlanLayout:
    return PlanLayout(len(s.chips), len(s.vendors), len(s.categories()), len(s.periods))


def _chip_sheet(
    wb: Workbook,
    name: str,
    s: Scenario,
    lay: PlanLayout,
    fmt: str,
    value: Callable[[Cells, int, int], Any],
    total_label: str,
) -> None:
    """Purchases and Spend by chip share one shape: chips down, periods across, totals."""
    ws = wb.create_sheet(name)
    set_widths(ws, [14, 24, 14, 12] + [13] * lay.n_periods + [15])
    table_frame(ws, lay.total_col, lay.n_chips)
    c = Cells(ws)
    ws.append(
        [c.header(h) for h in ("Chip", "Name", "Vendor", "Category", *s.periods, total_label)]
    )
    category = {v.id: v.category for v in s.vendors}
    first, last = col(FIRST_PERIOD_COL), col(lay.total_col - 1)
    for i, chip in enumerate(s.chips):
        row = i + 2
        cells = [
            c.text(chip.id),
            c.text(chip.name),
            c.text(chip.vendor),
            c.text(category.get(chip.vendor)),
        ]
        cells += [value(c, i, j) for j in range(lay.n_periods)]
        cells.append(c.formula(f"=SUM({first}{row}:{last}{row})", fmt, "total"))
        ws.append(cells)
    totals: list[Any] = [c.text("Total", "total"), None, None, None]
    for k in range(FIRST_PERIOD_COL, lay.total_col + 1):
        total = f"=SUM({col(k)}2:{col(k)}{lay.chip_last})" if lay.n_chips else "=0"
        totals.append(c.formula(total, fmt, "total"))
    ws.append(totals)


def write_purchases(wb: Workbook, s: Scenario, r: Result, lay: PlanLayout) -> None:
    def units(c: Cells, i: int, j: int) -> Any:
        return c.number(r.buy.get(s.chips[i].id, {}).get(s.periods[j], 0.0), L.FMT_UNITS)

    _chip_sheet(wb, L.PURCHASES, s, lay, L.FMT_UNITS, units, "Total units")


FX_SHEET_NAME = "FX rates"  # written by excel_v2, which imports this module's neighbours


def fx_rows(s: Scenario) -> dict[str, int]:
    """The FX sheet's row of each currency other than the plan's (rows sorted by code)."""
    if s.version != 2 or not s.fx:
        return {}
    return {code: i + 2 for i, code in enumerate(sorted(s.fx)) if code != s.currency}


def write_spend_by_chip(wb: Workbook, s: Scenario, lay: PlanLayout) -> None:
    purchases, prices = quote_sheet(L.PURCHASES), quote_sheet(L.PRICES)

    fx = fx_rows(s)

    def spend(c: Cells, i: int, j: int) -> Any:
        row = i + 2
        rate = ""  # version 2: a price in another currency times the FX sheet's rate
        fx_row = fx.get(s.chips[i].price_currency or "")
        if fx_row is not None:
            rate = f"*{quote_sheet(FX_SHEET_NAME)}{col(2 + j)}{fx_row}"
        return c.formula(
            f"={purchases}{col(FIRST_PERIOD_COL + j)}{row}*{prices}{col(2 + j)}{row}{rate}",
            L.FMT_MONEY,
        )

    _chip_sheet(wb, L.SPEND_BY_CHIP, s, lay, L.FMT_MONEY, spend, f"Total ({s.currency_code})")


def write_spend(wb: Workbook, s: Scenario, lay: PlanLayout) -> None:
    """Spend by vendor, by category, by period and by category x period, all SUMIFs."""
    ws = wb.create_sheet(L.SPEND)
    set_widths(ws, [16, 24, 14] + [14] * max(4, lay.n_periods))
    table_frame(ws, 7, lay.n_vendors)
    c = Cells(ws)
    cur = s.currency_code
    chips = quote_sheet(L.SPEND_BY_CHIP)
    tot = col(lay.total_col)
    chip_rows = f"$2:$%s${lay.chip_last}"
    grand = f"$E${lay.vendor_total_row}"

    def chip_range(letter: str) -> str:
        return f"{chips}${letter}{chip_rows % letter}"

    ws.append(
        [
            c.header(h)
            for h in ("Vendor", "Name", "Category", "Risk", f"Spend ({cur})", "Share", "Max share")
        ]
    )
    for i, v in enumerate(s.vendors):
        row = i + 2
        ws.append(
            [
                c.text(v.id),
                c.text(v.name),
                c.text(v.category),
                c.formula(f"={quote_sheet(L.VENDORS)}D{row}", "0.00"),
                c.formula(f"=SUMIF({chip_range('C')},A{row},{chip_range(tot)})", L.FMT_MONEY),
                c.formula(f"=IF({grand}=0,0,E{row}/{grand})", L.FMT_PERCENT),
                c.number(s.vendor_cap(v), L.FMT_LIMIT_PERCENT),
            ]
        )
    vl = lay.vendor_last
    ws.append(
        [
            c.text("Total", "total"),
            None,
            None,
            None,
            c.formula(f"=SUM(E2:E{vl})", L.FMT_MONEY, "total"),
            c.formula(f"=SUM(F2:F{vl})", L.FMT_PERCENT, "total"),
        ]
    )
    ws.append([])
    ws.append([c.text("By category", "section")])
    ws.append(
        [c.header(h) for h in ("Category", f"Spend ({cur})", "Share", "Min share", "Max share")]
    )
    for k, name in enumerate(s.categories()):
        row = lay.category_header + 1 + k
        share = s.limits.category_share.get(name)
        ws.append(
            [
                c.text(name),
                c.formula(f"=SUMIF($C$2:$C${vl},A{row},$E$2:$E${vl})", L.FMT_MONEY),
                c.formula(f"=IF({grand}=0,0,B{row}/{grand})", L.FMT_PERCENT),
                c.number(share.min if share else None, L.FMT_LIMIT_PERCENT),
                c.number(share.max if share else None, L.FMT_LIMIT_PERCENT),
            ]
        )
    first, last = lay.category_header + 1, lay.category_total_row - 1
    ws.append(
        [
            c.text("Total", "total"),
            c.formula(f"=SUM(B{first}:B{last})", L.FMT_MONEY, "total"),
            c.formula(f"=SUM(C{first}:C{last})", L.FMT_PERCENT, "total"),
        ]
    )
    _period_tables(ws, c, s, lay, chip_range)


def _period_tables(
    ws: Any, c: Cells, s: Scenario, lay: PlanLayout, chip_range: Callable[[str], str]
) -> None:
    cur = s.currency_code
    grand = f"$E${lay.vendor_total_row}"
    ws.append([])
    ws.append([c.text("By period", "section")])
    ws.append([c.header(h) for h in ("Period", f"Spend ({cur})", "Share", "Capital budget")])
    budget = s.budget.per_period
    for j, label in enumerate(s.periods):
        row = lay.period_header + 1 + j
        ws.append(
            [
                c.text(label),
                c.formula(f"=SUM({chip_range(col(FIRST_PERIOD_COL + j))})", L.FMT_MONEY),
                c.formula(f"=IF({grand}=0,0,B{row}/{grand})", L.FMT_PERCENT),
                c.number(budget[j] if budget else None, L.FMT_MONEY),
            ]
        )
    first, last = lay.period_header + 1, lay.period_total_row - 1
    ws.append(
        [c.text("Total", "total"), c.formula(f"=SUM(B{first}:B{last})", L.FMT_MONEY, "total")]
    )
    ws.append([])
    ws.append([c.text(f"By category and period ({cur})", "section")])
    ws.append([c.header("Category")] + [c.header(p) for p in s.periods])
    for k, name in enumerate(s.categories()):
        row = lay.matrix_header + 1 + k
        ws.append(
            [c.text(name)]
            + [
                c.formula(
                    f"=SUMIF({chip_range('D')},$A{row},{chip_range(col(FIRST_PERIOD_COL + j))})",
                    L.FMT_MONEY,
                )
                for j in range(lay.n_periods)
            ]
        )


AssignmentRow = tuple[str, str, float, frozenset[str] | None]
"""(chip, workload, effective PFLOP/s per unit, the periods it covers; None: every period)."""


def assignment_rows(s: Scenario, r: Result) -> list[AssignmentRow]:
    """One row for each pair that serves in some period.

    Pairs that are eligible but never used are left out: an LP plan uses few of them
    (about one in ten in a 600-chip plan) and rows of zeros only hide the plan. A pair
    whose efficiency ramps (version 2) gets one row per efficiency value, each holding
    only its own periods' units, so the Capacity sheet's SUMPRODUCT stays right.
    """
    peak = {c.id: c.peak_pflops for c in s.chips}
    rows: list[AssignmentRow] = []
    for chip in s.chips:
        served = r.assign.get(chip.id, {})
        for w in s.workloads:
            units = served.get(w.id)
            if not units or not any(abs(v) > 1e-9 for v in units.values()):
                continue
            eff = w.efficiency.get(chip.id, 0.0)
            if not isinstance(eff, tuple):
                rows.append((chip.id, w.id, peak[chip.id] * eff, None))
                continue
            for value in dict.fromkeys(eff):
                periods = frozenset(p for p, e in zip(s.periods, eff, strict=True) if e == value)
                rows.append((chip.id, w.id, peak[chip.id] * value, periods))
    return rows


def write_assignment(
    wb: Workbook, s: Scenario, r: Result, rows: Sequence[AssignmentRow]
) -> None:
    ws = wb.create_sheet(L.ASSIGNMENT)
    set_widths(ws, [14, 16, 14] + [12] * len(s.periods))
    table_frame(ws, 3 + len(s.periods), len(rows))
    c = Cells(ws)
    ws.append([c.header(h) for h in ("Chip", "Workload", "PFLOP/s per unit", *s.periods)])
    for chip, workload, effective, periods in rows:
        units = r.assign[chip][workload]
        ws.append(
            [c.text(chip), c.text(workload), c.number(effective, "0.0000")]
            + [
                c.number(units.get(p, 0.0) if periods is None or p in periods else 0.0,
                         L.FMT_UNITS)
                for p in s.periods
            ]
        )


def write_capacity(wb: Workbook, s: Scenario, r: Result, n_assign: int) -> None:
    """Demand against delivered compute per workload and period (delivered is a formula)."""
    ws = wb.create_sheet(L.CAPACITY)
    set_widths(ws, [16, 12, 14, 14, 14, 14])
    table_frame(ws, 6, len(s.workloads) * len(s.periods))
    c = Cells(ws)
    ws.append(
        [
            c.header(h)
            for h in (
                "Workload",
                "Period",
                "Demand (PFLOP/s)",
                "Delivered (PFLOP/s)",
                "Shortfall (PFLOP/s)",
                "Delivered / demand",
            )
        ]
    )
    a = quote_sheet(L.ASSIGNMENT)
    last = max(n_assign + 1, 2)
    demand = quote_sheet(L.DEMAND)
    row = 2
    for i, w in enumerate(s.workloads):
        short = (r.shortfall or {}).get(w.id, {})
        for j, label in enumerate(s.periods):
            pc = col(4 + j)
            ws.append(
                [
                    c.text(w.id),
                    c.text(label),
                    c.formula(f"={demand}{col(2 + j)}{i + 2}", L.FMT_PFLOPS),
                    c.formula(
                        f"=SUMPRODUCT(({a}$B$2:$B${last}=A{row})*{a}$C$2:$C${last}"
                        f"*{a}{pc}$2:{pc}${last})",
                        L.FMT_PFLOPS,
                    ),
                    c.number(short.get(label, 0.0), L.FMT_PFLOPS),
                    c.formula(f"=IF(C{row}=0,1,D{row}/C{row})", L.FMT_PERCENT),
                ]
            )
            row += 1


def write_in_service(wb: Workbook, s: Scenario, r: Result) -> None:
    ws = wb.create_sheet(L.IN_SERVICE)
    set_widths(ws, [14, 24] + [12] * len(s.periods))
    table_frame(ws, 2 + len(s.periods), len(s.chips))
    c = Cells(ws)
    ws.append([c.header(h) for h in ("Chip", "Name", *s.periods)])
    for chip in s.chips:
        units = r.in_service.get(chip.id, {})
        ws.append(
            [c.text(chip.id), c.text(chip.name)]
            + [c.number(units.get(p, 0.0), L.FMT_UNITS) for p in s.periods]
        )


def write_constraints(wb: Workbook, s: Scenario, r: Result) -> None:
    """Every constraint row; a legend to the right gives each kind's shadow-price unit."""
    ws = wb.create_sheet(L.CONSTRAINTS)
    set_widths(ws, [34, 14, 16, 16, 16, 9, 16, 3, 14, 40])
    table_frame(ws, 7, len(r.constraints))
    c = Cells(ws)
    kinds = list(dict.fromkeys(con.kind for con in r.constraints))
    legend = [(c.header("Kind"), c.header("Shadow price unit"))]
    legend += [(c.text(k), c.text(shadow_price_unit(k, s.currency_code))) for k in kinds]
    head = ("Constraint", "Kind", "Left side", "Right side", "Slack", "Binding", "Shadow price")
    ws.append([c.header(h) for h in head] + [None, *legend[0]])
    for i, con in enumerate(r.constraints, start=1):
        row = [
            c.text(con.name),
            c.text(con.kind),
            c.number(con.lhs, L.FMT_MONEY_EXACT),
            c.number(con.rhs, L.FMT_MONEY_EXACT),
            c.number(con.slack, L.FMT_MONEY_EXACT),
            c.text("Yes" if con.binding else "No"),
            c.number(con.shadow_price, L.FMT_MONEY_EXACT),
        ]
        ws.append([*row, None, *legend[i]] if i < len(legend) else row)


def write_diagnosis(wb: Workbook, r: Result) -> None:
    ws = wb.create_sheet(L.DIAGNOSIS)
    set_widths(ws, [34, 16, 90])
    table_frame(ws, 3, len(r.diagnosis))
    c = Cells(ws)
    ws.append([c.header(h) for h in ("Constraint", "Relax by", "What it means")])
    for d in r.diagnosis:
        ws.append(
            [c.text(d.constraint), c.number(d.relax_by, L.FMT_MONEY_EXACT), c.text(d.message)]
        )
