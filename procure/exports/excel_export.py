"""Exporting a solved plan to an Excel workbook, and writing a blank input template.

The workbook is for finance: a Summary with headline figures and native
charts, the plan sheets (see :mod:`procure.exports.excel_plan`), every input
of the scenario (see :mod:`procure.exports.excel_inputs`, which is also what
:func:`procure.exports.excel_import.read_workbook` reads back) and an About
sheet that says where the figures came from. Formula cells carry no cached
values (openpyxl cannot compute them); Excel and LibreOffice recompute on
opening because the workbook asks for a full calculation on load.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.chart import BarChart, PieChart, Reference
from openpyxl.chart.axis import ChartLines
from openpyxl.chart.label import DataLabelList
from openpyxl.workbook.properties import CalcProperties

from procure import __version__
from procure.domain.model import Scenario
from procure.domain.result import Result
from procure.exports import excel_layout as L
from procure.exports import excel_plan as P
from procure.exports.checks import solver_name_of
from procure.exports.excel_cells import Cells, print_layout, quote_sheet, set_widths
from procure.exports.excel_inputs import write_input_sheets
from procure.exports.excel_orders import write_orders
from procure.exports.excel_v2_plan import write_v2_plan_sheets
from procure.exports.prose import Lang, diagnosis, ratio, recommendation
from procure.fs import atomic_write_bytes
from procure.provenance import ensure_result_matches
from procure.ranking import binding_count

DEFAULT_TEMPLATE_PERIODS = ("2027Q1", "2027Q2", "2027Q3", "2027Q4")


def _new_workbook(when: dt.datetime) -> Workbook:
    wb = Workbook(write_only=True)
    wb.calculation = CalcProperties(fullCalcOnLoad=True)
    wb.properties.creator = f"Procure {__version__}"
    wb.properties.created = wb.properties.modified = when.replace(tzinfo=None, microsecond=0)
    return wb


def _save(wb: Workbook, path: str | Path) -> None:
    buffer = io.BytesIO()
    wb.save(buffer)
    atomic_write_bytes(Path(path), buffer.getvalue())


def _summary(wb: Workbook, s: Scenario, r: Result, lay: P.PlanLayout, lang: Lang) -> None:
    ws = wb.create_sheet(L.SUMMARY)
    print_layout(ws, repeat_header=False)
    set_widths(ws, (34, 20, 54))
    c = Cells(ws)
    cur = s.currency_code
    ws.append([c.text(f"Procurement plan: {s.display_name}", "title")])
    ws.append(
        [
            c.text(
                f"Status: {r.status.value}. Money in {cur}. Figures are live formulas "
                "over the plan sheets.",
                "note",
            )
        ]
    )
    ws.append([])
    if not r.status.has_plan or r.cost is None:
        _summary_infeasible(ws, c, s, r, lang)
        return
    ws.append([c.text("Headline figures", "section")])
    ws.append([c.header("Figure"), c.header("Value"), c.header("Note")])
    total = lay.spend_total()
    spend = quote_sheet(L.SPEND)
    vendors = f"2:$%s${lay.vendor_last}"
    risk_limit = s.limits.max_weighted_risk
    rows: list[tuple[str, Any, str]] = [
        (
            "Total cost of ownership",
            c.formula("=B7+B8+B9", L.FMT_MONEY, "total"),
            "capital + energy of new units + shortfall penalty (the optimiser's objective)",
        ),
        (f"Capital spend ({cur})", c.formula(f"={total}", L.FMT_MONEY), "Spend sheet total"),
        (
            f"Energy of new units ({cur})",
            c.number(r.cost.energy_new, L.FMT_MONEY),
            "inside the horizon",
        ),
        (f"Shortfall penalty ({cur})", c.number(r.cost.shortfall_penalty, L.FMT_MONEY), ""),
        (
            f"Energy of existing fleet ({cur})",
            c.number(r.cost.energy_existing, L.FMT_MONEY),
            "a constant; not part of the total",
        ),
        (
            "New units ordered",
            c.formula(
                f"={quote_sheet(L.PURCHASES)}{P.col(lay.total_col)}{lay.chip_total_row}",
                L.FMT_UNITS,
            ),
            "",
        ),
        (
            "Weighted vendor risk",
            c.formula(
                f"=IF({total}=0,0,SUMPRODUCT({spend}$D${vendors % 'D'},"
                f"{spend}$E${vendors % 'E'})/{total})",
                L.FMT_RATIO,
            ),
            f"limit {ratio(risk_limit)}" if risk_limit is not None else "no limit set",
        ),
        (
            "Vendor concentration (HHI)",
            c.formula(
                f"=SUMPRODUCT({spend}$F${vendors % 'F'},{spend}$F${vendors % 'F'})", L.FMT_RATIO
            ),
            "0 = spread evenly, 1 = a single vendor",
        ),
        (
            "Binding limits (set by the planner)",
            c.number(binding_count(r), "0"),
            "that bind at a cost, as the memo and the window count them; the Constraints "
            "sheet lists every row, capacity included",
        ),
        (
            "Unmet demand (PFLOP/s, all periods)",
            c.formula(f"=SUM({quote_sheet(L.CAPACITY)}E:E)", L.FMT_PFLOPS),
            "see the Capacity sheet",
        ),
    ]
    for label, value, note in rows:
        ws.append([c.text(label), value, c.text(note, "note")])
    ws.append([])
    cat_header = 6 + len(rows) + 2
    ws.append([c.text("Spend by category", "section")])
    ws.append([c.header("Category"), c.header(f"Spend ({cur})"), c.header("Share")])
    for k, name in enumerate(s.categories()):
        src = lay.category_header + 1 + k
        ws.append(
            [
                c.text(name),
                c.formula(f"={spend}B{src}", L.FMT_MONEY),
                c.formula(f"={spend}C{src}", L.FMT_PERCENT),
            ]
        )
    ws.append([])
    vendor_header = cat_header + len(s.categories()) + 3
    ws.append([c.text("Spend by vendor", "section")])
    ws.append([c.header("Vendor"), c.header(f"Spend ({cur})"), c.header("Share")])
    for i, v in enumerate(s.vendors):
        ws.append(
            [
                c.text(v.name or v.id),
                c.formula(f"={spend}E{i + 2}", L.FMT_MONEY),
                c.formula(f"={spend}F{i + 2}", L.FMT_PERCENT),
            ]
        )
    _charts(ws, s, r, lay, vendor_header)


def _summary_infeasible(ws: Any, c: Cells, s: Scenario, r: Result, lang: Lang) -> None:
    ws.append([c.text("No feasible plan", "section")])
    for sentence in recommendation(s, r, lang) + diagnosis(s, r, lang):
        ws.append([c.text(sentence)])
    ws.append([c.text("The Diagnosis sheet lists each limit and how far to relax it.", "note")])


def _charts(ws: Any, s: Scenario, r: Result, lay: P.PlanLayout, vendor_header: int) -> None:
    """Native charts: stacked spend by category per period, and vendor shares."""
    n_cat, n_per = lay.n_categories, lay.n_periods
    peak = max(r.spend.get("by_period", {}).values(), default=0.0)
    # Axis labels scaled by the format itself (each trailing comma divides by 1,000).
    scale, fmt = ("billion", '#,##0,,,"bn"') if peak >= 1e10 else ("million", '#,##0,,"m"')
    bar = BarChart()
    bar.type, bar.grouping, bar.overlap = "col", "stacked", 100
    bar.title = f"Capital spend by category per period ({scale} {s.currency_code})"
    bar.y_axis.numFmt = fmt
    bar.y_axis.majorGridlines = ChartLines()
    bar.y_axis.delete = bar.x_axis.delete = False
    bar.height, bar.width = 8.5, 17
    target = _SheetRef(L.SPEND)  # written after the Summary; a Reference needs only the title
    bar.add_data(
        Reference(
            target,
            min_col=1,
            min_row=lay.matrix_header + 1,
            max_col=n_per + 1,
            max_row=lay.matrix_header + n_cat,
        ),
        from_rows=True,
        titles_from_data=True,
    )
    bar.set_categories(Reference(target, min_col=2, min_row=lay.matrix_header, max_col=n_per + 1))
    ws.add_chart(bar, "E4")
    pie = PieChart()
    pie.title = "Share of new spend by vendor"
    pie.height, pie.width = 8.5, 17
    first = vendor_header + 1
    pie.add_data(
        Reference(ws, min_col=2, min_row=vendor_header, max_row=first + lay.n_vendors - 1),
        titles_from_data=True,
    )
    pie.set_categories(Reference(ws, min_col=1, min_row=first, max_row=first + lay.n_vendors - 1))
    pie.dataLabels = DataLabelList(
        showPercent=True, showVal=False, showCatName=False, showSerName=False, showLeaderLines=False
    )
    ws.add_chart(pie, "E22")


class _SheetRef:
    """Stands in for a sheet not created yet: a chart Reference only needs its title."""

    def __init__(self, title: str) -> None:
        self.title = title


def _about(wb: Workbook, s: Scenario, r: Result | None, meta: dict[str, Any]) -> None:
    ws = wb.create_sheet(L.ABOUT)
    print_layout(ws)
    set_widths(ws, (26, 70))
    c = Cells(ws)
    ws.append([c.header("Item"), c.header("Value")])
    solver_name = solver_name_of(r) if r is not None else None
    rows = [
        ("Made with", f"Procure {__version__}"),
        ("Scenario", s.display_name),
        ("Scenario file", meta.get("source")),
        ("Result file", meta.get("result_source")),
        ("Solved at", _stamp(meta.get("solved_at"))),
        ("Solver", solver_name),
        ("Status", r.status.value if r is not None else "not solved (template)"),
        (
            "Objective",
            None if r is None or r.objective is None else f"{r.objective:,.2f} {s.currency_code}",
        ),
        ("Exported at", _stamp(meta.get("exported_at"))),
        (
            "Re-importing",
            "procure import-xlsx reads the sheets Scenario, Periods, Vendors, Chips, "
            "Prices, Supply, Workloads, Demand, Efficiency, Fleet and Category limits; "
            "the other sheets are results and are ignored.",
        ),
        ("Yellow cells", "inputs; blank means 'not set' where the scenario format allows it."),
    ]
    for label, value in rows:
        ws.append([c.text(label), c.text(value if value is not None else "-")])


def _stamp(value: Any) -> str | None:
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ", timespec="seconds")
    return None if value is None else str(value)


def write_workbook(
    scenario: Scenario,
    result: Result,
    path: str | Path,
    *,
    source: str | None = None,
    result_source: str | None = None,
    solved_at: dt.datetime | None = None,
    exported_at: dt.datetime | None = None,
    language: Lang = "en",
    analysis: Mapping[str, Any] | None = None,
) -> None:
    """Write ``result`` for ``scenario`` as an .xlsx workbook at ``path`` (atomically).

    ``analysis`` (``comparison=``, ``sweep=``, ``simulation=`` from
    :mod:`procure.analysis`) adds the scenario-analysis sheets before the About sheet.

    ``source`` / ``result_source`` name the files the plan came from and ``solved_at``
    when it was solved; they appear on the About sheet. ``language`` only affects the
    sentences of an infeasible plan's Summary.
    """
    ensure_result_matches(scenario, result)
    exported_at = exported_at or dt.datetime.now().astimezone()
    wb = _new_workbook(exported_at)
    lay = P.layout_for(scenario)
    _summary(wb, scenario, result, lay, language)
    if result.status.has_plan:
        P.write_purchases(wb, scenario, result, lay)
        write_orders(wb, scenario, result)  # the same purchases in whole lots
        P.write_spend(wb, scenario, lay)
        P.write_spend_by_chip(wb, scenario, lay)
        rows = P.assignment_rows(scenario, result)
        P.write_capacity(wb, scenario, result, len(rows))
        P.write_assignment(wb, scenario, result, rows)
        P.write_in_service(wb, scenario, result)
        P.write_constraints(wb, scenario, result)
        write_v2_plan_sheets(wb, scenario, result)
    else:
        P.write_diagnosis(wb, result)
    write_input_sheets(wb, scenario)
    if analysis:
        sheets = dict(analysis)
        hedge = sheets.pop("hedge", None)
        if sheets:
            from procure.exports.analysis_sheets import add_analysis_sheets

            add_analysis_sheets(wb, **sheets)
        if hedge is not None:  # a HedgeResult: the hedge sheet with its chart
            from procure.exports.hedge_sheet import add_hedge_sheet

            add_hedge_sheet(wb, hedge)
    _about(
        wb,
        scenario,
        result,
        {
            "source": source,
            "result_source": result_source,
            "solved_at": solved_at,
            "exported_at": exported_at,
        },
    )
    _save(wb, path)


def write_template(
    path: str | Path, *, periods: Sequence[str] | None = None, scenario: Scenario | None = None
) -> None:
    """Write an input-only workbook: blank (with ``periods`` as columns) or holding ``scenario``.

    Fill it in and read it with :func:`procure.exports.excel_import.read_workbook`.
    """
    if scenario is None:
        scenario = Scenario(periods=tuple(periods or DEFAULT_TEMPLATE_PERIODS), vendors=())
    exported_at = dt.datetime.now().astimezone()
    wb = _new_workbook(exported_at)
    write_input_sheets(wb, scenario)
    _about(wb, scenario, None, {"exported_at": exported_at})
    _save(wb, path)
