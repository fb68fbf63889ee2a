"""The audit log: who changed what, when, from which value to which."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP

from procure.services import AuditEntry
from ui.models.column import Column
from ui.models.row_list_model import RowListModel

MAX_VALUE_TEXT = 80


def value_text(value: Any) -> str:
    """A stored JSON value in one short line."""
    if value is None:
        return ""
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return text if len(text) <= MAX_VALUE_TEXT else text[: MAX_VALUE_TEXT - 1] + "…"


COLUMNS = (
    Column("at", QT_TRANSLATE_NOOP("Columns", "When"), editable=False,
           get=lambda e: e.at.astimezone().strftime("%Y-%m-%d %H:%M:%S")),
    Column("user", QT_TRANSLATE_NOOP("Columns", "Who"), editable=False, get=lambda e: e.user),
    Column("variant", QT_TRANSLATE_NOOP("Columns", "Scenario"), editable=False,
           get=lambda e: e.variant or ""),
    Column("action", QT_TRANSLATE_NOOP("Columns", "Action"), editable=False,
           get=lambda e: e.action),
    Column("path", QT_TRANSLATE_NOOP("Columns", "What"), editable=False, get=lambda e: e.path),
    Column("old", QT_TRANSLATE_NOOP("Columns", "Before"), editable=False,
           get=lambda e: value_text(e.old)),
    Column("new", QT_TRANSLATE_NOOP("Columns", "After"), editable=False,
           get=lambda e: value_text(e.new)),
)


class AuditLogModel(RowListModel[AuditEntry]):
    """One row per audit entry, newest first."""

    COLUMNS = COLUMNS

    def display(self, column: Column, row: AuditEntry, value: Any) -> Any:
        return value

    def tooltip(self, column: Column, row: AuditEntry) -> str | None:
        if column.key not in ("old", "new"):
            return None
        raw = row.old if column.key == "old" else row.new
        return None if raw is None else json.dumps(raw, ensure_ascii=False, indent=1)

    def sort_value(self, column: Column, row: AuditEntry, value: Any) -> Any:
        return row.id if column.key == "at" else value
