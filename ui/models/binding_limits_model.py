"""The limits that bind in a result, with their shadow prices in plain words."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from procure.domain.model import Scenario
from procure.domain.result import ConstraintReport, Result
from procure.explain import names_of
from ui import formatting
from ui.models.column import Column, Kind
from ui.models.roles import OBJECT_ROLE, SORT_ROLE, sort_key

Index = QModelIndex | QPersistentModelIndex
_ROLE = Qt.ItemDataRole
Row = tuple[ConstraintReport, str, str]  # report, label, sentence

COLUMNS = (
    Column("limit", QT_TRANSLATE_NOOP("Columns", "Limit"), editable=False,
           get=lambda row: row[1]),
    Column("shadow_price", QT_TRANSLATE_NOOP("Columns", "Shadow price"), Kind.MONEY,
           editable=False, get=lambda row: row[0].shadow_price,
           tooltip=QT_TRANSLATE_NOOP("Columns", "Change of total cost per unit of the limit")),
    Column("meaning", QT_TRANSLATE_NOOP("Columns", "What it means"), editable=False,
           get=lambda row: row[2]),
)


class BindingLimitsModel(QAbstractTableModel):
    """One row per binding limit with a non-zero price, most expensive first."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = []
        self._currency = "CNY"

    def set_rows(self, rows: list[Row], currency: str = "CNY") -> None:
        """Show ``rows`` (see :func:`ui.result_summary.limit_rows`)."""
        self.beginResetModel()
        self._rows = list(rows)
        self._currency = currency
        self.endResetModel()

    def set_result(self, result: Result | None, scenario: Scenario | None = None,
                   lang: str = "en") -> None:
        """Show ``result``'s binding limits (computed here, on the calling thread)."""
        from ui.result_summary import limit_rows

        ok = result is not None and scenario is not None and result.status.has_plan
        rows = limit_rows(result, scenario, lang) if ok else []  # type: ignore[arg-type]
        self.set_rows(rows, names_of(result).currency if result is not None else "CNY")

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

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
        column, row = COLUMNS[index.column()], self._rows[index.row()]
        value = column.value(row)
        if role == _ROLE.DisplayRole:
            if column.kind is Kind.MONEY:
                return formatting.money(value, self._currency)
            return str(value)
        if role == _ROLE.ToolTipRole:
            return f"{row[0].name}\n{row[2]}"
        if role == _ROLE.TextAlignmentRole:
            return column.alignment
        if role == SORT_ROLE:
            return sort_key(value)
        if role == OBJECT_ROLE:
            return row[0]
        return None
