"""The purchase plan of a result: units of each chip ordered in each period (read-only)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from procure.domain.result import Result
from ui import formatting
from ui.models.roles import SORT_ROLE, muted_foreground, sort_key

Index = QModelIndex | QPersistentModelIndex
_ROLE = Qt.ItemDataRole
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
NEGLIGIBLE_UNITS = 1e-6


class PurchasePlanModel(QAbstractTableModel):
    """Rows are chips (with their display names), columns the periods and a total."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._chips: list[tuple[str, str]] = []  # (id, display name)
        self._periods: list[str] = []
        self._units: list[list[float]] = []

    def set_result(self, result: Result | None) -> None:
        """Show ``result``'s orders; chips that buy nothing go to the bottom."""
        self.beginResetModel()
        self._chips, self._periods, self._units = [], [], []
        if result is not None and result.status.has_plan:
            names = (result.x or {}).get("names", {}).get("chip", {})
            periods: list[str] = []
            for by_period in result.buy.values():
                periods = list(by_period)
                break
            rows = []
            for chip, by_period in result.buy.items():
                units = [float(by_period.get(p, 0.0)) for p in periods]
                rows.append((sum(units) <= NEGLIGIBLE_UNITS, chip, names.get(chip, chip), units))
            rows.sort(key=lambda r: r[0])  # stable: buyers first, in plan order
            self._periods = periods
            self._chips = [(chip, name) for _, chip, name, _ in rows]
            self._units = [units for *_, units in rows]
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._chips)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or not self._chips else len(self._periods) + 1

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = _ROLE.DisplayRole) -> Any:
        if role != _ROLE.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return self._chips[section][1] if 0 <= section < len(self._chips) else None
        if section == len(self._periods):
            return QCoreApplication.translate("Columns", "Total")
        return self._periods[section] if 0 <= section < len(self._periods) else None

    def _value(self, row: int, column: int) -> float:
        units = self._units[row]
        return sum(units) if column == len(self._periods) else units[column]

    def data(self, index: Index, role: int = _ROLE.DisplayRole) -> Any:
        if not index.isValid():
            return None
        value = self._value(index.row(), index.column())
        if role == _ROLE.DisplayRole:
            return formatting.number(value, 0) if value > NEGLIGIBLE_UNITS else "·"
        if role in (_ROLE.EditRole, SORT_ROLE):
            return value if role == _ROLE.EditRole else sort_key(value)
        if role == _ROLE.TextAlignmentRole:
            return _RIGHT
        if role == _ROLE.ForegroundRole and value <= NEGLIGIBLE_UNITS:
            return muted_foreground()
        if role == _ROLE.FontRole and index.column() == len(self._periods):
            font = QFont()
            font.setBold(True)
            return font
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
