"""A read-only table over a list of rows, described by a tuple of :class:`Column`.

The plan list, the audit log and the binding limits all show a list of
immutable rows; this base holds the list and answers Qt's questions about
shape, headers and the common roles, so each model only says what is special
about its rows (tooltips, sort keys, display of money).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from ui.models.column import Column
from ui.models.roles import OBJECT_ROLE, SORT_ROLE, sort_key

Index = QModelIndex | QPersistentModelIndex
RowT = TypeVar("RowT")
_ROLE = Qt.ItemDataRole


class RowListModel(QAbstractTableModel, Generic[RowT]):
    """Rows in, cells out; subclasses set ``COLUMNS`` and may override the hooks."""

    COLUMNS: ClassVar[tuple[Column, ...]] = ()

    def __init__(self, rows: Sequence[RowT] | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[RowT] = list(rows or [])

    def set_rows(self, rows: Sequence[RowT]) -> None:
        """Replace every row (a reset: the lists are short or re-read as a whole)."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> RowT:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = _ROLE.DisplayRole) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == _ROLE.DisplayRole and 0 <= section < len(self.COLUMNS):
            return self.COLUMNS[section].title
        return None

    def data(self, index: Index, role: int = _ROLE.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column, row = self.COLUMNS[index.column()], self._rows[index.row()]
        value = column.value(row)
        if role == _ROLE.DisplayRole:
            return self.display(column, row, value)
        if role == _ROLE.TextAlignmentRole:
            return column.alignment
        if role == _ROLE.ToolTipRole:
            return self.tooltip(column, row)
        if role == SORT_ROLE:
            return sort_key(self.sort_value(column, row, value))
        if role == OBJECT_ROLE:
            return self.row_object(row)
        return None

    # Hooks -------------------------------------------------------------------------------

    def display(self, column: Column, row: RowT, value: Any) -> Any:
        return column.display(value)

    def tooltip(self, column: Column, row: RowT) -> str | None:
        return None

    def sort_value(self, column: Column, row: RowT, value: Any) -> Any:
        return value

    def row_object(self, row: RowT) -> Any:
        return row
