"""Exports of a solved plan: Excel workbooks (and their import) and PDF memos.

Domain objects in, files out; nothing here knows about Qt or the database.
The public functions are re-exported here; the modules behind them are loaded
only when first used, so ``import procure.exports`` stays cheap for the CLI.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from procure.exports.excel_export import write_template, write_workbook
    from procure.exports.excel_import import read_workbook
    from procure.exports.memo_pdf import write_memo

_HOMES = {
    "write_workbook": "procure.exports.excel_export",
    "write_template": "procure.exports.excel_export",
    "read_workbook": "procure.exports.excel_import",
    "write_memo": "procure.exports.memo_pdf",
}

__all__ = ["read_workbook", "write_memo", "write_template", "write_workbook"]


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        import importlib

        return getattr(importlib.import_module(_HOMES[name]), name)
    raise AttributeError(name)
