"""The plan's validation problems as a list: where, and what is wrong.

The "what" is worded in the window's language (the core keeps each problem's
phrase, see :meth:`procure.errors.Problem.text`); the tooltip of the "where"
column keeps the file's notation.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from procure.domain.model import Scenario
from ui.document import PlanDocument
from ui.i18n import current_prose_language
from ui.models.column import Column
from ui.models.roles import PARTS_ROLE

Index = QModelIndex | QPersistentModelIndex
_ROLE = Qt.ItemDataRole

COLUMNS = (
    Column("location", QT_TRANSLATE_NOOP("Columns", "Where"), editable=False),
    Column("message", QT_TRANSLATE_NOOP("Columns", "Problem"), editable=False),
)


_LISTS = {"vendors": QT_TRANSLATE_NOOP("Columns", "Vendors"),
          "chips": QT_TRANSLATE_NOOP("Columns", "Chips"),
          "workloads": QT_TRANSLATE_NOOP("Columns", "Workloads"),
          "fleet": QT_TRANSLATE_NOOP("Columns", "Existing fleet")}
_SERIES = {"price": QT_TRANSLATE_NOOP("Columns", "Price"),
           "supply": QT_TRANSLATE_NOOP("Columns", "Supply"),
           "demand": QT_TRANSLATE_NOOP("Columns", "Demand"),
           "efficiency": QT_TRANSLATE_NOOP("Columns", "Efficiency")}


def _headers() -> dict[tuple[str | int, ...], str]:
    """Field titles by (collection, key) and by plan path, from the models' declarations."""
    from ui.models.chip_table_model import ChipTableModel
    from ui.models.fleet_table_model import FleetTableModel
    from ui.models.period_grid_model import PLAN_SERIES
    from ui.models.plan_fields_model import FIELDS
    from ui.models.vendor_table_model import VendorTableModel
    from ui.models.workload_table_model import WorkloadTableModel

    out: dict[tuple[str | int, ...], str] = {}
    for model in (VendorTableModel, ChipTableModel, WorkloadTableModel, FleetTableModel):
        for column in model.columns:
            out[(model.collection, column.key)] = column.header
    for field in FIELDS:
        out[field.path] = field.column.header
    for label, path, _kind, _empty in PLAN_SERIES:
        out[tuple(path)] = label
    return out


def describe(parts: tuple[str | int, ...], scenario: Scenario) -> str:
    """``("chips", 3, "price", "2026Q2")`` as "Chips › Nvidia H20 › Price › 2026Q2"."""
    def t(text: str) -> str:
        return QCoreApplication.translate("Columns", text)

    headers = _headers()
    if parts and parts[0] in _LISTS and len(parts) >= 2 and isinstance(parts[1], int):
        rows = getattr(scenario, str(parts[0]))
        row = rows[parts[1]] if parts[1] < len(rows) else None
        name = (getattr(row, "name", None) or getattr(row, "id", None)) if row else None
        out = [t(_LISTS[str(parts[0])]), str(name or parts[1] + 1)]
        if len(parts) >= 3:
            key = str(parts[2])
            out.append(t(_SERIES.get(key) or headers.get((parts[0], key), key)))
            out += [str(p) for p in parts[3:]]
        return " › ".join(out)
    for n in range(len(parts), 0, -1):
        if parts[:n] in headers:
            return " › ".join([t(headers[parts[:n]]), *(str(p) for p in parts[n:])])
    return ".".join(str(p) for p in parts)


class ProblemListModel(QAbstractTableModel):
    """One row per problem of the current variant; follows the document."""

    def __init__(self, document: PlanDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._problems = document.problems
        document.problems_changed.connect(self._on_document_problems_changed)

    def _on_document_problems_changed(self) -> None:
        self.beginResetModel()
        self._problems = self._document.problems
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._problems.problems)

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
        problem = self._problems.problems[index.row()]
        if role == _ROLE.DisplayRole:
            if index.column() == 1:
                return problem.text(current_prose_language())
            return describe(self._problems.parts[index.row()], self._document.scenario)
        if role == _ROLE.ToolTipRole:
            return (problem.location if index.column() == 0
                    else problem.text(current_prose_language()))
        if role == PARTS_ROLE:
            return self._problems.parts[index.row()]
        return None
