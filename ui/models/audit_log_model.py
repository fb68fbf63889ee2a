"""The audit log: who changed what, when, from which value to which."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from procure.services import AuditEntry
from ui.models.column import Column
from ui.models.roles import OBJECT_ROLE, SORT_ROLE, sort_key

Index = QModelIndex | QPersistentModelIndex
_ROLE = Qt.ItemDataRole
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


class AuditLogModel(QAbstractTableModel):
    """One row per audit entry, newest first."""

    def __init__(self, entries: list[AuditEntry] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries = list(entries or [])

    def set_entries(self, entries: list[AuditEntry]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = _ROLE.DisplayRole) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == _ROLE.DisplayRole and 0 <= section < len(COLUMNS):
            return COLUMNS[section].title
        return None

    def data(self, index: Index, role: int = _ROLE.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column, entry = COLUMNS[index.column()], self._entries[index.row()]
        value = column.value(entry)
        if role == _ROLE.DisplayRole:
            return value
        if role == _ROLE.ToolTipRole and column.key in ("old", "new"):
            raw = entry.old if column.key == "old" else entry.new
            return None if raw is None else json.dumps(raw, ensure_ascii=False, indent=1)
        if role == SORT_ROLE:
            return sort_key(entry.id if column.key == "at" else value)
        if role == OBJECT_ROLE:
            return entry
        return None
