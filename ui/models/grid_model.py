"""Base of the spreadsheet-like grids: rows x columns of numbers, edited cell by cell.

Subclasses say what a cell holds (:meth:`value`), where validation finds it
(:meth:`parts`) and which edit changes it (:meth:`edit_for`); this class turns that
into a Qt model with problem marks, sorting keys and refreshes on document changes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from procure.domain.edits import Edit
from procure.domain.model import Scenario
from ui.document import PlanDocument
from ui.i18n import current_prose_language
from ui.models.column import Column, Kind
from ui.models.editing import cell_edits
from ui.models.roles import (
    CHOICES_ROLE,
    COLUMN_ROLE,
    PARTS_ROLE,
    PROBLEM_ROLE,
    SORT_ROLE,
    muted_foreground,
    problem_background,
    sort_key,
)
from ui.problem_index import Parts
from ui.qt_compat import emit

Index = QModelIndex | QPersistentModelIndex
_ROLE = Qt.ItemDataRole
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class GridModel(QAbstractTableModel):
    """A grid over the current scenario; rebuilt from it whenever ``areas`` change."""

    areas: ClassVar[frozenset[str]]

    def __init__(self, document: PlanDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._shape = self._current_shape()
        document.changed.connect(self._on_document_changed)
        document.variant_switched.connect(self._on_document_variant_switched)
        document.problems_changed.connect(self._on_document_problems_changed)

    # --- what subclasses provide ---------------------------------------------------------------

    def row_count(self) -> int:
        raise NotImplementedError

    def column_count(self) -> int:
        raise NotImplementedError

    def row_header(self, row: int) -> str:
        raise NotImplementedError

    def column_header(self, column: int) -> str:
        raise NotImplementedError

    def value(self, row: int, column: int) -> float | None:
        raise NotImplementedError

    def cell_column(self, row: int, column: int) -> Column:
        """The declaration the delegate and the parser use for this cell."""
        raise NotImplementedError

    def parts(self, row: int, column: int) -> Parts:
        raise NotImplementedError

    def edit_for(self, index: Index, value: Any) -> Edit | None:
        """The edit that stores ``value`` in the cell (``ValueError`` if it cannot)."""
        raise NotImplementedError

    def paste_edits(self, cells: Sequence[tuple[Index, str]]) -> tuple[list[Edit], list[str]]:
        """Edits for pasted text, one per changed cell, and why any cell was skipped."""
        return cell_edits(self, cells)

    def clear_edits(self, indexes: Sequence[Index]) -> list[Edit]:
        """Edits for the Delete key over ``indexes``."""
        edits = []
        for index in indexes:
            try:
                edit = self.edit_for(index, "")
            except ValueError:
                continue
            if edit is not None:
                edits.append(edit)
        return edits

    def empty_text(self, row: int, column: int) -> str:
        return ""

    def edit_text(self, index: Index) -> str:
        return QCoreApplication.translate("Columns", "Change {row}, {column}").format(
            row=self.row_header(index.row()), column=self.column_header(index.column())
        )

    # --- the Qt model ----------------------------------------------------------------------------

    @property
    def scenario(self) -> Scenario:
        return self._document.scenario

    @property
    def document(self) -> PlanDocument:
        return self._document

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else self._shape[0]

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._shape[1]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = _ROLE.DisplayRole
    ) -> Any:
        if role != _ROLE.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < self._shape[1]:
            return self.column_header(section)
        if orientation == Qt.Orientation.Vertical and 0 <= section < self._shape[0]:
            return self.row_header(section)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not self._document.read_only:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = _ROLE.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r, c = index.row(), index.column()
        if role in (_ROLE.DisplayRole, _ROLE.EditRole, SORT_ROLE, _ROLE.ForegroundRole):
            value = self.value(r, c)
            if role == _ROLE.EditRole:
                return value
            if role == SORT_ROLE:
                return sort_key(value)
            if role == _ROLE.ForegroundRole:
                return muted_foreground() if value is None else None
            if value is None:
                return self.empty_text(r, c)
            column = self.cell_column(r, c)
            return column.display(value, self.scenario, self.scenario.currency_code)
        if role == _ROLE.TextAlignmentRole:
            return _RIGHT
        if role in (_ROLE.ToolTipRole, _ROLE.BackgroundRole, PROBLEM_ROLE):
            problems = self._document.problems.messages(self.parts(r, c),
                                                        current_prose_language())
            if role == PROBLEM_ROLE:
                return problems
            if role == _ROLE.BackgroundRole:
                return problem_background() if problems else None
            return "\n".join(problems) if problems else None
        if role == COLUMN_ROLE:
            return self.cell_column(r, c)
        if role == CHOICES_ROLE:
            column = self.cell_column(r, c)
            return column.choices(self.scenario) if column.choices else None
        if role == PARTS_ROLE:
            return self.parts(r, c)
        return None

    def setData(self, index: Index, value: Any, role: int = _ROLE.EditRole) -> bool:
        if not index.isValid() or role != _ROLE.EditRole:
            return False
        try:
            edit = self.edit_for(index, value)
        except ValueError as exc:
            emit(self._document.messaged, str(exc))
            return False
        if edit is None:
            return False
        return self._document.push(edit, self.edit_text(index))

    def index_of(self, parts: Parts) -> QModelIndex | None:
        """The first cell whose location starts with ``parts`` (or that ``parts`` starts with)."""
        for r in range(self._shape[0]):
            for c in range(self._shape[1]):
                mine = self.parts(r, c)
                n = min(len(mine), len(parts))
                if mine[:n] == parts[:n] and n >= len(mine) - 1:
                    return self.index(r, c)
        return None

    # --- reacting to the document ----------------------------------------------------------------

    def _current_shape(self) -> tuple[int, int]:
        return self.row_count(), self.column_count()

    def _reload(self) -> None:
        shape = self._current_shape()
        if shape != self._shape:
            self.beginResetModel()
            self._shape = shape
            self.endResetModel()
        else:
            self._repaint()
            emit(self.headerDataChanged, Qt.Orientation.Vertical, 0, max(shape[0] - 1, 0))
            emit(self.headerDataChanged, Qt.Orientation.Horizontal, 0, max(shape[1] - 1, 0))

    def _repaint(self, roles: Sequence[int] = ()) -> None:
        rows, columns = self._shape
        if rows and columns:
            emit(self.dataChanged, self.index(0, 0), self.index(rows - 1, columns - 1), list(roles))

    def _on_document_changed(self, changes: Any) -> None:
        if changes.areas & self.areas:
            self._reload()

    def _on_document_variant_switched(self, _name: str) -> None:
        self.beginResetModel()
        self._shape = self._current_shape()
        self.endResetModel()

    def _on_document_problems_changed(self) -> None:
        self._repaint((_ROLE.BackgroundRole, _ROLE.ToolTipRole, PROBLEM_ROLE))


def number_column(kind: Kind = Kind.NUMBER, optional: bool = False, decimals: int = 3) -> Column:
    """An anonymous cell declaration for grid cells."""
    return Column("value", "", kind, optional=optional, decimals=decimals)
