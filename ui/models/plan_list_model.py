"""The plans on a team server (or in a file), as the plan browser lists them."""

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

from procure.services import PlanInfo
from ui.models.column import Column, Kind
from ui.models.roles import OBJECT_ROLE, SORT_ROLE, sort_key

Index = QModelIndex | QPersistentModelIndex
_ROLE = Qt.ItemDataRole

COLUMNS = (
    Column("name", QT_TRANSLATE_NOOP("Columns", "Plan"), editable=False,
           get=lambda p: p.name),
    Column("revision", QT_TRANSLATE_NOOP("Columns", "Revision"), Kind.INTEGER, editable=False,
           get=lambda p: p.revision),
    Column("status", QT_TRANSLATE_NOOP("Columns", "Status"), editable=False,
           get=lambda p: p.status.value.replace("_", " ")),
    Column("variants", QT_TRANSLATE_NOOP("Columns", "Variants"), Kind.INTEGER, editable=False,
           get=lambda p: len(p.variants) - 1),
    Column("updated_at", QT_TRANSLATE_NOOP("Columns", "Last changed"), editable=False,
           get=lambda p: p.updated_at.astimezone().strftime("%Y-%m-%d %H:%M")),
    Column("updated_by", QT_TRANSLATE_NOOP("Columns", "By"), editable=False,
           get=lambda p: p.updated_by),
)


class PlanListModel(QAbstractTableModel):
    """One row per plan revision."""

    def __init__(self, plans: list[PlanInfo] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._plans = list(plans or [])

    def set_plans(self, plans: list[PlanInfo]) -> None:
        self.beginResetModel()
        self._plans = list(plans)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._plans)

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
        column, plan = COLUMNS[index.column()], self._plans[index.row()]
        value = column.value(plan)
        if role == _ROLE.DisplayRole:
            return column.display(value)
        if role == _ROLE.TextAlignmentRole:
            return column.alignment
        if role == SORT_ROLE:
            return sort_key(value)
        if role in (OBJECT_ROLE, _ROLE.UserRole):
            return plan
        if role == _ROLE.ToolTipRole:
            return plan.description or None
        return None
