"""Reading cells of the input sheets strictly, with every problem located by sheet and cell.

The JSON reader refuses text where a number belongs, booleans posing as
numbers and unknown fields; this module holds spreadsheets to the same rules
and adds the ones only a spreadsheet can break: a formula where a value
belongs (its result is not stored by every program and would silently change
the plan), dates, error values (``#DIV/0!``) and a wrong header row.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from openpyxl.utils import get_column_letter

from procure.errors import Problem
from procure.exports.excel_layout import Kind, RecordSheet

BAD = object()
"""Marks a cell whose problem was already reported; callers substitute a placeholder."""


@dataclass(frozen=True)
class Row:
    """One data row of a sheet: its 1-based number and its raw cells."""

    number: int
    cells: tuple[Any, ...]


def cell_ref(sheet: str, row: int, column: int) -> str:
    """``Chips!D5``; sheet names with spaces are quoted as Excel writes them."""
    name = f"'{sheet}'" if " " in sheet else sheet
    return f"{name}!{get_column_letter(column)}{row}"


def _describe(value: Any) -> str:
    if isinstance(value, str):
        return f"text {value!r}" if len(value) <= 40 else "text"
    return repr(value)


class SheetReader:
    """Collects problems while converting cells; never stops at the first one."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def fail(self, location: str, message: str) -> None:
        self.problems.append(Problem(location, message))

    def rows(self, ws: Any) -> list[Row]:
        """Every non-blank row below the header, keeping its row number."""
        out = []
        for number, cells in enumerate(ws.iter_rows(min_row=2), start=2):
            if any(_raw(c) not in (None, "") for c in cells):
                out.append(Row(number, tuple(cells)))
        return out

    def header(self, ws: Any, sheet: str, expected: Sequence[str]) -> bool:
        """Check row 1 against ``expected``; False (and problems) if it differs."""
        found = next(ws.iter_rows(min_row=1, max_row=1), ())
        ok = True
        for i, want in enumerate(expected):
            got = _raw(found[i]) if i < len(found) else None
            if not isinstance(got, str) or got.strip() != want:
                shown = "nothing" if got in (None, "") else _describe(got)
                self.fail(cell_ref(sheet, 1, i + 1), f"header must be {want!r}, got {shown}")
                ok = False
        for i in range(len(expected), len(found)):
            got = _raw(found[i])
            if got not in (None, ""):
                self.fail(cell_ref(sheet, 1, i + 1), f"unexpected column {_describe(got)}")
                ok = False
        return ok

    def extra_cells(self, sheet: str, row: Row, width: int) -> None:
        """Values to the right of the table are refused rather than silently dropped."""
        for i in range(width, len(row.cells)):
            if _raw(row.cells[i]) not in (None, ""):
                self.fail(cell_ref(sheet, row.number, i + 1), "value outside the table")

    def value(self, sheet: str, row: Row, index: int, kind: Kind, label: str) -> Any:
        """The cell's value converted to ``kind``; None when blank, BAD after a problem."""
        cell = row.cells[index] if index < len(row.cells) else None
        where = cell_ref(sheet, row.number, index + 1)
        raw = _raw(cell)
        data_type = getattr(cell, "data_type", None)
        if data_type == "f":
            self.fail(where, f"{label}: a formula where a value belongs (type the value itself)")
            return BAD
        if data_type == "e":
            self.fail(where, f"{label}: the error value {raw} where a value belongs")
            return BAD
        if raw is None or (isinstance(raw, str) and raw.strip() == ""):
            return None
        return self._convert(where, raw, kind, label)

    def _convert(self, where: str, raw: Any, kind: Kind, label: str) -> Any:
        if isinstance(raw, (dt.datetime, dt.date, dt.time, dt.timedelta)):
            self.fail(where, f"{label}: a date or time where {_expected(kind)} belongs")
            return BAD
        if kind == "bool":
            if isinstance(raw, bool):
                return raw
            self.fail(where, f"{label}: must be TRUE or FALSE, got {_describe(raw)}")
            return BAD
        if isinstance(raw, bool):
            self.fail(where, f"{label}: TRUE/FALSE where {_expected(kind)} belongs")
            return BAD
        if kind == "text":
            if isinstance(raw, str):
                return raw
            # A code typed as 910 arrives as a number; its text is unambiguous.
            return _number_text(float(raw))
        if kind == "json":
            return self._json(where, raw, label)
        if not isinstance(raw, (int, float)):
            self.fail(where, f"{label}: {_describe(raw)} where a number belongs")
            return BAD
        number = float(raw)
        if not math.isfinite(number):
            self.fail(where, f"{label}: must be a finite number")
            return BAD
        if kind == "whole":
            if not number.is_integer():
                self.fail(where, f"{label}: must be a whole number, got {raw}")
                return BAD
            return int(number)
        return number

    def _json(self, where: str, raw: Any, label: str) -> Any:
        if not isinstance(raw, str):
            self.fail(where, f"{label}: must be a JSON object, got {_describe(raw)}")
            return BAD
        try:
            data = json.loads(raw, parse_constant=_no_constant)
        except ValueError as exc:
            self.fail(where, f"{label}: not valid JSON ({exc})")
            return BAD
        if not isinstance(data, dict):
            self.fail(where, f"{label}: must be a JSON object ({{...}})")
            return BAD
        return data

    def records(self, ws: Any, sheet: RecordSheet) -> list[tuple[Row, dict[str, Any]]]:
        """Each data row as ``{column key: value}``; required blanks are reported."""
        if not self.header(ws, sheet.name, sheet.headers):
            return []
        out = []
        for row in self.rows(ws):
            self.extra_cells(sheet.name, row, len(sheet.columns))
            record = {}
            for i, column in enumerate(sheet.columns):
                value = self.value(sheet.name, row, i, column.kind, column.header)
                if value is None and column.required:
                    self.fail(
                        cell_ref(sheet.name, row.number, i + 1), f"{column.header}: is required"
                    )
                    value = BAD
                record[column.key] = value
            out.append((row, record))
        return out


def column_index(sheet: RecordSheet, key: str) -> int:
    """1-based column of the field ``key`` in ``sheet``."""
    for i, column in enumerate(sheet.columns, start=1):
        if column.key == key:
            return i
    raise KeyError(key)


def _raw(cell: Any) -> Any:
    return getattr(cell, "value", None)


def _expected(kind: Kind) -> str:
    return {
        "number": "a number",
        "whole": "a whole number",
        "text": "text",
        "json": "a JSON object",
        "bool": "TRUE or FALSE",
    }[kind]


def _number_text(value: float) -> str:
    return str(int(value)) if value.is_integer() else repr(value)


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not allowed")
