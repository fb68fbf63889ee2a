"""Cell factories for write-only worksheets: styles, number formats, safe text.

Every sheet is written in openpyxl's write-only mode (rows streamed to disk),
which is what keeps a 600-chip plan under the time budget. In that mode a
styled value needs a ``WriteOnlyCell``; building each one from a cached
prototype style, instead of assigning font and format attributes cell by cell,
is several times faster and keeps the look consistent.

User text never becomes a formula: :meth:`Cells.text` forces the string type
and sets Excel's quote prefix for text that starts with ``= + - @``, so neither
the file nor a later edit in Excel turns it into one.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping
from typing import Any

from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.worksheet import Worksheet

from procure.exports.excel_layout import FMT_PLAIN, UNSAFE_TEXT_PREFIXES

HEADER_FILL = PatternFill("solid", fgColor="1F3864")
HEADER_FONT = Font(bold=True, color="FFFFFF")
TITLE_FONT = Font(bold=True, size=14, color="1F3864")
SECTION_FONT = Font(bold=True, size=11, color="1F3864")
TOTAL_FONT = Font(bold=True)
NOTE_FONT = Font(italic=True, color="595959")
TOTAL_BORDER = Border(top=Side(style="thin", color="1F3864"))
INPUT_FILL = PatternFill("solid", fgColor="FFF2CC")  # marks cells finance may edit


class Cells:
    """Makes styled cells for one write-only worksheet, caching one prototype per style."""

    def __init__(self, ws: WriteOnlyWorksheet) -> None:
        self.ws = ws
        self._protos: dict[tuple[Any, ...], Cell] = {}

    def _styled(self, value: Any, fmt: str, kind: str, data_type: str | None = None) -> Cell:
        """A cell with the cached style ``(fmt, kind)``.

        With ``data_type`` given, the value is stored as is, skipping openpyxl's type
        inference: that is most of the cost of a cell in a 500,000-cell workbook.
        """
        key = (fmt, kind)
        proto = self._protos.get(key)
        if proto is None:
            proto = WriteOnlyCell(self.ws)
            proto.number_format = fmt
            if kind == "header":
                proto.font, proto.fill = HEADER_FONT, HEADER_FILL
                proto.alignment = Alignment(wrap_text=True, vertical="center")
            elif kind == "total":
                proto.font, proto.border = TOTAL_FONT, TOTAL_BORDER
            elif kind == "title":
                proto.font = TITLE_FONT
            elif kind == "section":
                proto.font = SECTION_FONT
            elif kind == "note":
                proto.font = NOTE_FONT
            elif kind in ("input", "input_quoted"):
                proto.fill = INPUT_FILL
            if kind in ("quoted", "input_quoted"):
                proto.quotePrefix = True
            self._protos[key] = proto
        if data_type is None:
            return Cell(self.ws, row=1, column=1, value=value, style_array=proto._style)
        cell = Cell(self.ws, row=1, column=1, style_array=proto._style)
        cell._value, cell.data_type = value, data_type
        return cell

    def text(self, value: str | None, kind: str = "plain") -> Cell | None:
        """A cell that always holds text, never a formula, whatever ``value`` starts with."""
        if value is None:
            return None
        unsafe = value.startswith(UNSAFE_TEXT_PREFIXES)
        if unsafe and kind == "input":
            kind = "input_quoted"
        elif unsafe:
            kind = "quoted"
        # The string type is set explicitly: openpyxl would store "=..." as a formula.
        return self._styled(value, FMT_PLAIN, kind, "s")

    def number(self, value: float | None, fmt: str, kind: str = "plain") -> Cell | None:
        """A number stored with all 17 significant digits, so reading it back is exact.

        openpyxl would write ``%.16g``, which can change the last bit of a float and
        so break the lossless export -> import round trip.
        """
        if value is None or not math.isfinite(value):
            return None
        return self._styled(repr(float(value)), fmt, kind, "n")

    def formula(self, expression: str, fmt: str, kind: str = "plain") -> Cell:
        """A formula cell; ``expression`` comes from Procure, never from user text."""
        if not expression.startswith("="):
            raise ValueError(f"not a formula: {expression!r}")
        return self._styled(expression, fmt, kind, "f")

    def header(self, value: str) -> Cell:
        return self._styled(value, FMT_PLAIN, "header", "s")

    def json(self, value: Mapping[str, Any] | None) -> Cell | None:
        """Extensions as compact JSON text, so they survive the round trip verbatim."""
        if value is None:
            return None
        return self.text(json.dumps(value, ensure_ascii=False, sort_keys=False))


def set_widths(ws: WriteOnlyWorksheet, widths: Iterable[float]) -> None:
    """Column widths; in write-only mode they must be set before the first row."""
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width


def print_layout(ws: WriteOnlyWorksheet, repeat_header: bool = True) -> None:
    """Print landscape on A4, one page wide, repeating the header row on every page."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    if repeat_header:
        ws.print_title_rows = "1:1"


def table_frame(ws: WriteOnlyWorksheet, n_columns: int, n_rows: int, header_row: int = 1) -> None:
    """Freeze the header row, put an autofilter over the table, and set up printing."""
    print_layout(ws)
    ws.freeze_panes = f"A{header_row + 1}"
    last = get_column_letter(max(n_columns, 1))
    ws.auto_filter.ref = f"A{header_row}:{last}{header_row + max(n_rows, 1)}"


def col(index: int) -> str:
    """Column letter of a 1-based index."""
    return get_column_letter(index)


def quote_sheet(name: str) -> str:
    """A sheet name as a formula reference needs it: ``'Spend by chip'!``."""
    return "'" + name.replace("'", "''") + "'!"
