"""Importing a scenario from a Procure workbook (an export or a filled-in template).

Two passes, like the JSON reader: the sheets are read cell by cell (types,
headers, references between sheets), then the provisional scenario goes
through :func:`~procure.domain.validation.validate_scenario`, whose problems
carry file paths (``chips[2].price["2026Q3"]``) that are mapped back to the
cell they came from. Only a workbook with no problem at all gives a scenario.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils import column_index_from_string
from openpyxl.utils.exceptions import InvalidFileException

from procure.domain.model import (
    Budget,
    CategoryShare,
    Chip,
    FleetEntry,
    Limits,
    PerPeriod,
    Scenario,
    Vendor,
    Workload,
)
from procure.domain.validation import period_key, validate_scenario
from procure.errors import Problem, ValidationError
from procure.exports import excel_layout as L
from procure.exports.excel_cells_in import BAD, SheetReader, cell_ref, column_index
from procure.exports.excel_package import read_package
from procure.exports.excel_v2 import read_v2_sheets

_FORMATS = {"procure-scenario/1": 1, "procure-scenario/2": 2}
_SEGMENT = re.compile(r"(\.[^.\[]+|\[[^\]]*\])$")


def _ok(value: Any, default: Any = None) -> Any:
    return default if value is BAD or value is None else value


class _Import:
    """State of one import: the reader, the sheets, and where each field came from."""

    def __init__(self, wb: Any) -> None:
        self.wb = wb
        self.r = SheetReader()
        self.where: dict[str, tuple[str, str]] = {}  # file path -> (cell, column header)
        self.periods: tuple[str, ...] | None = None

    def sheet(self, name: str) -> Any:
        if name not in self.wb.sheetnames:
            self.r.fail(
                name, f"the sheet {name!r} is missing (an empty sheet with its header row is fine)"
            )
            return None
        return self.wb[name]

    def note(self, path: str, sheet: L.RecordSheet, row: int, key: str) -> None:
        column = column_index(sheet, key)
        self.where[path] = (cell_ref(sheet.name, row, column), sheet.columns[column - 1].header)

    def records(self, sheet: L.RecordSheet, prefix: str) -> list[dict[str, Any]]:
        ws = self.sheet(sheet.name)
        if ws is None:
            return []
        out = []
        for i, (row, record) in enumerate(self.r.records(ws, sheet)):
            self.where[f"{prefix}[{i}]"] = (cell_ref(sheet.name, row.number, 1), "")
            for column in sheet.columns:
                self.note(f"{prefix}[{i}].{column.key}", sheet, row.number, column.key)
            record["_row"] = row.number
            out.append(record)
        return out

    # --- sheets ---------------------------------------------------------------------

    def scenario_fields(self) -> dict[str, Any]:
        ws = self.sheet(L.SCENARIO)
        values: dict[str, Any] = {}
        if ws is None or not self.r.header(ws, L.SCENARIO, L.SCENARIO_HEADERS):
            return values
        fields = {f.key: f for f in L.SCENARIO_FIELDS}
        for row in self.r.rows(ws):
            key = self.r.value(L.SCENARIO, row, 0, "text", "Field")
            if key is BAD or key is None:
                if key is None:
                    self.r.fail(cell_ref(L.SCENARIO, row.number, 1), "Field: is required")
                continue
            if key not in fields:
                self.r.fail(cell_ref(L.SCENARIO, row.number, 1), f"unknown field {key!r}")
            elif key in values:
                self.r.fail(cell_ref(L.SCENARIO, row.number, 1), f"field {key!r} appears twice")
            else:
                values[key] = self.r.value(L.SCENARIO, row, 1, fields[key].kind, key)
                self.where[key] = (cell_ref(L.SCENARIO, row.number, 2), key)
        if values.get("format") not in _FORMATS and values.get("format") is not BAD:
            where = self.where.get("format", (L.SCENARIO, ""))[0]
            self.r.fail(
                where,
                "format must be 'procure-scenario/1' or 'procure-scenario/2', "
                f"got {values.get('format')!r}",
            )
        return values

    def period_columns(self) -> dict[str, PerPeriod | None]:
        records = self.records(L.PERIOD_SHEET, "periods")
        labels = []
        for i, rec in enumerate(records):
            labels.append(_ok(rec["period"], f"#{i}"))
            self.where[f"periods[{i}]"] = self.where[f"periods[{i}].period"]
        self.periods = tuple(labels)
        columns: dict[str, PerPeriod | None] = {}
        for column in L.PERIOD_SHEET.columns[1:]:
            values = [rec[column.key] for rec in records]
            for i, label in enumerate(labels):
                self.where[f"{column.key}{period_key(label)}"] = self.where[
                    f"periods[{i}].{column.key}"
                ]
            if all(v is None for v in values):
                columns[column.key] = None
                continue
            for rec, v in zip(records, values, strict=True):
                if v is None:
                    self.r.fail(
                        cell_ref(L.PERIODS, rec["_row"], column_index(L.PERIOD_SHEET, column.key)),
                        f"{column.header}: fill this column for every period or leave it all blank",
                    )
            columns[column.key] = tuple(_ok(v, 0.0) for v in values)
        return columns

    def wide(
        self, sheet: L.WideSheet, owners: list[str], prefix: str, field: str
    ) -> dict[str, PerPeriod]:
        """Rows of a per-period sheet keyed by chip or workload id."""
        ws = self.sheet(sheet.name)
        if ws is None or self.periods is None:
            return {}
        periods = self.periods
        if not self.r.header(ws, sheet.name, (sheet.key_header, *periods)):
            return {}
        out: dict[str, PerPeriod] = {}
        for row in self.r.rows(ws):
            self.r.extra_cells(sheet.name, row, len(periods) + 1)
            key = self.r.value(sheet.name, row, 0, "text", sheet.key_header)
            values = []
            for j, label in enumerate(periods):
                v = self.r.value(sheet.name, row, j + 1, "number", label)
                if v is None:
                    self.r.fail(
                        cell_ref(sheet.name, row.number, j + 2),
                        f"{label}: is missing (every period needs a value)",
                    )
                values.append(_ok(v, 0.0))
            if key is BAD or key is None:
                if key is None:
                    self.r.fail(
                        cell_ref(sheet.name, row.number, 1), f"{sheet.key_header}: is required"
                    )
                continue
            if key in out:
                self.r.fail(cell_ref(sheet.name, row.number, 1), f"a second row for {key!r}")
            elif key not in owners:
                what = sheet.key_header.lower()
                self.r.fail(cell_ref(sheet.name, row.number, 1), f"unknown {what} {key!r}")
            else:
                i = owners.index(key)
                self.where[f"{prefix}[{i}].{field}"] = (cell_ref(sheet.name, row.number, 1), "")
                for j, label in enumerate(periods):
                    self.where[f"{prefix}[{i}].{field}{period_key(label)}"] = (
                        cell_ref(sheet.name, row.number, j + 2),
                        label,
                    )
                out[key] = tuple(values)
        if sheet.every_entity:
            for key in owners:
                if key not in out:
                    self.r.fail(
                        sheet.name,
                        f"no row for {sheet.key_header.lower()} {key!r} "
                        "(every one needs a value per period)",
                    )
        return out

    # --- assembly ---------------------------------------------------------------------

    def scenario(self) -> Scenario:
        fields = self.scenario_fields()
        per_period = self.period_columns()
        vendors = [
            Vendor(
                id=_ok(v["id"], ""),
                category=_ok(v["category"], "?"),
                name=_ok(v["name"]),
                risk=_ok(v["risk"], 0.0),
                max_share=_ok(v["max_share"]),
                x=_ok(v["x"]),
            )
            for v in self.records(L.VENDOR_SHEET, "vendors")
        ]
        chip_rows = self.records(L.CHIP_SHEET, "chips")
        chip_ids = [_ok(c["id"], "") for c in chip_rows]
        prices = self.wide(L.PRICE_SHEET, chip_ids, "chips", "price")
        supply = self.wide(L.SUPPLY_SHEET, chip_ids, "chips", "supply")
        zeros = (0.0,) * len(self.periods or ())
        chips = [
            Chip(
                id=_ok(c["id"], ""),
                vendor=_ok(c["vendor"], ""),
                name=_ok(c["name"]),
                peak_pflops=_ok(c["peak_pflops"], 1.0),
                price=prices.get(_ok(c["id"], ""), zeros),
                supply=supply.get(_ok(c["id"], "")),
                lead_time=_ok(c["lead_time"], 0),
                lifetime=_ok(c["lifetime"]),
                lot_size=_ok(c["lot_size"], 1),
                power_kw=_ok(c["power_kw"], 0.0),
                memory_gb=_ok(c["memory_gb"]),
                x=_ok(c["x"]),
            )
            for c in chip_rows
        ]
        workload_rows = self.records(L.WORKLOAD_SHEET, "workloads")
        workload_ids = [_ok(w["id"], "") for w in workload_rows]
        demand = self.wide(L.DEMAND_SHEET, workload_ids, "workloads", "demand")
        efficiency = self.efficiency(workload_ids)
        workloads = [
            Workload(
                id=wid,
                demand=demand.get(wid, zeros),
                efficiency=efficiency.get(wid, {}),
                name=_ok(w["name"]),
                x=_ok(w["x"]),
            )
            for wid, w in zip(workload_ids, workload_rows, strict=True)
        ]
        fleet = [
            FleetEntry(
                chip=_ok(f["chip"], ""),
                units=_ok(f["units"], 0.0),
                retire_after=_ok(f["retire_after"]),
                x=_ok(f["x"]),
            )
            for f in self.records(L.FLEET_SHEET, "fleet")
        ]
        scenario = Scenario(
            version=_FORMATS.get(_ok(fields.get("format")), 1),
            periods=self.periods or (),
            vendors=tuple(vendors),
            chips=tuple(chips),
            workloads=tuple(workloads),
            fleet=tuple(fleet),
            name=_ok(fields.get("name")),
            currency=_ok(fields.get("currency")),
            hours=per_period["hours"],
            energy_price=per_period["energy_price"],
            pue=per_period["pue"],
            budget=Budget(
                total=_ok(fields.get("budget.total")),
                per_period=per_period["budget"],
                x=_ok(fields.get("budget.x")),
            ),
            power_cap_kw=per_period["power_cap_kw"],
            limits=self.limits(fields),
            shortfall_penalty=_ok(fields.get("shortfall_penalty")),
            integer=_ok(fields.get("integer"), False),
            x=_ok(fields.get("x")),
        )
        return read_v2_sheets(self, scenario)

    def efficiency(self, workload_ids: list[str]) -> dict[str, dict[str, float]]:
        out: dict[str, dict[str, float]] = {}
        ws = self.sheet(L.EFFICIENCY)
        if ws is None:
            return out
        for row, rec in self.r.records(ws, L.EFFICIENCY_SHEET):
            wid, chip = rec["workload"], rec["chip"]
            if wid is BAD or chip is BAD:
                continue
            if wid not in workload_ids:
                self.r.fail(
                    cell_ref(L.EFFICIENCY, row.number, 1), f"Workload: unknown workload {wid!r}"
                )
                continue
            if chip in out.get(wid, {}):
                self.r.fail(
                    cell_ref(L.EFFICIENCY, row.number, 2), f"a second row for {wid!r} on {chip!r}"
                )
                continue
            out.setdefault(wid, {})[chip] = _ok(rec["efficiency"], 0.0)
            path = f"workloads[{workload_ids.index(wid)}].efficiency{period_key(chip)}"
            self.where[path] = (cell_ref(L.EFFICIENCY, row.number, 3), "Efficiency")
            self.where[path + "#ref"] = (cell_ref(L.EFFICIENCY, row.number, 2), "Chip")
        return out

    def limits(self, fields: dict[str, Any]) -> Limits:
        shares = {}
        for i, rec in enumerate(self.records(L.CATEGORY_SHEET, "category_limits")):
            name = _ok(rec["category"], f"#{i}")
            if name in shares:
                self.r.fail(
                    self.where[f"category_limits[{i}].category"][0],
                    f"category {name!r} appears twice",
                )
            shares[name] = CategoryShare(min=_ok(rec["min"]), max=_ok(rec["max"]), x=_ok(rec["x"]))
            base = f"limits.category_share{period_key(name)}"
            self.where[base] = self.where[f"category_limits[{i}].category"]
            for key in ("min", "max", "x"):
                self.where[f"{base}.{key}"] = self.where[f"category_limits[{i}].{key}"]
        return Limits(
            vendor_max_share=_ok(fields.get("limits.vendor_max_share")),
            category_share=shares,
            max_weighted_risk=_ok(fields.get("limits.max_weighted_risk")),
            outage_coverage=_ok(fields.get("limits.outage_coverage"), 0.0),
            x=_ok(fields.get("limits.x")),
        )

    def locate(self, problem: Problem) -> Problem:
        """Map a file-path location from the value pass back to its cell."""
        path = problem.location
        if problem.message.startswith("unknown") and path + "#ref" in self.where:
            path += "#ref"
        while path:
            if path in self.where:
                cell, header = self.where[path]
                return Problem(cell, f"{header}: {problem.message}" if header else problem.message)
            trimmed = _SEGMENT.sub("", path)
            if trimmed == path:
                break
            path = trimmed
        sheet = _SHEET_OF_PATH.get(problem.location.split("[")[0].split(".")[0], L.SCENARIO)
        return Problem(sheet, problem.message)


_SHEET_OF_PATH: dict[str, str] = {
    "periods": L.PERIODS,
    "vendors": L.VENDORS,
    "chips": L.CHIPS,
    "workloads": L.WORKLOADS,
    "fleet": L.FLEET,
    "limits": L.SCENARIO,
    "budget": L.SCENARIO,
}


# What openpyxl raises on a damaged package or part: truncated or malformed XML (both
# ElementTree's and lxml's errors are SyntaxErrors), text where a number belongs, a
# shared string index out of range, a missing part. Sheets are parsed lazily in
# read-only mode, so these can come from any cell read, not only from opening.
_DAMAGED = (InvalidFileException, zipfile.BadZipFile, zlib.error, EOFError, KeyError,
            OSError, ValueError, IndexError, TypeError, SyntaxError)


def _damaged(path: Path, exc: BaseException) -> ValidationError:
    reason = getattr(exc, "strerror", None) or str(exc).splitlines()[0][:200] if str(exc) else ""
    detail = f" ({reason})" if reason else ""
    return ValidationError([Problem("", "cannot read the workbook: it is not a readable Excel "
                                        f".xlsx workbook{detail}")], str(path))


def _open(path: Path) -> Any:
    package = read_package(path)
    try:
        return load_workbook(package, read_only=True, data_only=False)
    except _DAMAGED as exc:
        raise _damaged(path, exc) from exc


def read_workbook(path: str | Path) -> Scenario:
    """Read the scenario from a Procure workbook; raise :class:`ValidationError` if it is invalid.

    The error lists every problem found, each located by sheet and cell.

    Only the input sheets are read (Scenario, Periods, Vendors, Chips, Prices, Supply,
    Workloads, Demand, Efficiency, Fleet, Category limits); result sheets are ignored.
    """
    wb = _open(Path(path))
    try:
        job = _Import(wb)
        scenario = job.scenario()
    except _DAMAGED as exc:
        raise _damaged(Path(path), exc) from exc
    finally:
        wb.close()
    problems = list(job.r.problems)
    seen = {p.location for p in problems}
    for problem in validate_scenario(scenario):
        located = job.locate(problem)
        if located.location not in seen:
            problems.append(located)
    if problems:
        raise ValidationError(sorted(problems, key=_reading_order), str(path))
    return scenario


_CELL = re.compile(r"^'?(?P<sheet>[^'!]+)'?(?:!(?P<col>[A-Z]+)(?P<row>\d+))?$")


def _reading_order(problem: Problem) -> tuple[int, int, int]:
    """Problems sorted as a planner walks the workbook: sheet by sheet, row by row."""
    match = _CELL.match(problem.location)
    if match is None:
        return (len(L.INPUT_SHEETS), 0, 0)
    sheet = match["sheet"]
    index = L.INPUT_SHEETS.index(sheet) if sheet in L.INPUT_SHEETS else len(L.INPUT_SHEETS)
    row = int(match["row"]) if match["row"] else 0
    col = column_index_from_string(match["col"]) if match["col"] else 0
    return (index, row, col)
