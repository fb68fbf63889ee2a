"""Base table model over one list of a scenario (vendors, chips, workloads, fleet).

Subclasses declare ``collection`` and ``columns`` and nothing else of substance.
The model keeps a snapshot of the rows so that row insertions and removals are
announced before the view sees them (``beginInsertRows`` then the new rows), and
``setData`` never changes anything itself: it pushes an undoable edit and the
document's ``changed`` signal brings the new rows back.
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

from procure.domain.edits import KEYED, AddRows, DeleteRows, Edit, RenameId, SetField
from procure.domain.model import Scenario
from ui.document import PlanDocument
from ui.i18n import current_prose_language
from ui.models.column import Column, Kind
from ui.models.editing import cell_edits
from ui.models.roles import (
    CHOICES_ROLE,
    COLUMN_ROLE,
    FILTER_ROLE,
    OBJECT_ROLE,
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


class EntityTableModel(QAbstractTableModel):
    """Rows are the entities of ``collection``; columns are ``columns``."""

    collection: ClassVar[str]
    columns: ClassVar[tuple[Column, ...]]
    depends_on: ClassVar[frozenset[str]] = frozenset()
    """Other areas shown in this table (a chip's vendor name): their changes repaint it."""

    def __init__(self, document: PlanDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._rows: tuple[Any, ...] = self._read()
        self._labels: dict[str, dict[Any, str]] | None = None
        self._problem_parts: tuple[Parts, ...] = ()
        document.changed.connect(self._on_document_changed)
        document.variant_switched.connect(self._on_document_variant_switched)
        document.problems_changed.connect(self._on_document_problems_changed)

    # --- reading -------------------------------------------------------------------------------

    def _read(self) -> tuple[Any, ...]:
        rows: tuple[Any, ...] = getattr(self._document.scenario, self.collection)
        return rows

    @property
    def scenario(self) -> Scenario:
        return self._document.scenario

    @property
    def document(self) -> PlanDocument:
        return self._document

    def row_object(self, row: int) -> Any:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = _ROLE.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            column = self.columns[section]
            if role == _ROLE.DisplayRole:
                return column.title
            if role == _ROLE.ToolTipRole and column.tooltip:
                return QCoreApplication.translate("Columns", column.tooltip)
        elif orientation == Qt.Orientation.Vertical and role == _ROLE.DisplayRole:
            return str(section + 1)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.columns[index.column()].editable and not self._document.read_only:
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def parts(self, row: int, column: Column) -> Parts:
        """The cell's location as validation names it: ``("chips", 3, "price")``."""
        return (self.collection, row, column.key)

    def data(self, index: Index, role: int = _ROLE.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        if role == FILTER_ROLE:  # first: the filter asks it of every row
            return self.row_text(index.row())
        column = self.columns[index.column()]
        row = self._rows[index.row()]
        if role == _ROLE.DisplayRole:
            return column.display(column.value(row), self.scenario, self.scenario.currency_code)
        if role == _ROLE.EditRole:
            return column.value(row)
        if role == _ROLE.CheckStateRole and column.kind is Kind.FLAG:
            return Qt.CheckState.Checked if column.value(row) else Qt.CheckState.Unchecked
        if role == _ROLE.TextAlignmentRole:
            return column.alignment
        if role in (_ROLE.ToolTipRole, _ROLE.BackgroundRole, PROBLEM_ROLE):
            return self._problem_data(index.row(), column, role)
        if role == _ROLE.ForegroundRole and column.value(row) is None:
            return muted_foreground()
        return self._other_data(row, index.row(), column, role)

    def _problem_data(self, row: int, column: Column, role: int) -> Any:
        problems = self._document.problems.messages(self.parts(row, column),
                                                    current_prose_language())
        if role == PROBLEM_ROLE:
            return problems
        if role == _ROLE.BackgroundRole:
            return problem_background() if problems else None
        if problems:
            return "\n".join(problems)
        return QCoreApplication.translate("Columns", column.tooltip) if column.tooltip else None

    def _other_data(self, row: Any, row_number: int, column: Column, role: int) -> Any:
        if role == OBJECT_ROLE:
            return row
        if role == SORT_ROLE:
            return sort_key(column.value(row))
        if role == COLUMN_ROLE:
            return column
        if role == CHOICES_ROLE:
            return column.choices(self.scenario) if column.choices else None
        if role == PARTS_ROLE:
            return self.parts(row_number, column)
        return None

    # --- editing -------------------------------------------------------------------------------

    def edit_path(self, row: int, column: Column) -> tuple[str | int, ...]:
        key = row if self.collection == "fleet" else self._rows[row].id
        return (self.collection, key, column.key)

    def edit_for(self, index: Index, value: Any) -> Edit | None:
        """The edit that puts ``value`` (typed or pasted) into the cell; None if unchanged.

        Raises ``ValueError`` with a message for the user when ``value`` cannot be read.
        """
        column = self.columns[index.column()]
        if not column.editable:
            return None
        new = column.parse(value)
        if new == column.value(self._rows[index.row()]):
            return None
        if column.key == "id" and self.collection in KEYED:
            # A new id means the same row everywhere: chips follow their vendor, and so on.
            return RenameId(self.collection, self._rows[index.row()].id, new)
        return SetField(self.edit_path(index.row(), column), new)

    def edit_text(self, index: Index) -> str:
        """How the undo menu names an edit of this cell."""
        column = self.columns[index.column()]
        return QCoreApplication.translate("Columns", "Change {what} of {row}").format(
            what=column.title, row=self.row_label(index.row())
        )

    def _choice_labels(self) -> dict[str, dict[Any, str]]:
        """Display labels of the choice columns' values, kept until the plan changes."""
        if self._labels is None:
            self._labels = {c.key: dict(c.choices(self.scenario))
                            for c in self.columns if c.choices}
        return self._labels

    def row_text(self, row: int) -> str:
        """Everything row ``row`` shows, in one string: what the filter box searches.

        One call per row (instead of one per cell) keeps filtering 50,000 rows fast.
        """
        obj = self._rows[row]
        labels = self._choice_labels()
        parts = []
        for column in self.columns:
            value = column.value(obj)
            if value is not None:
                parts.append(str(labels[column.key].get(value, value)
                                 if column.key in labels else value))
        return "\t".join(parts)

    def row_label(self, row: int) -> str:
        obj = self._rows[row]
        return str(getattr(obj, "name", None) or getattr(obj, "id", row + 1))

    def paste_edits(self, cells: Sequence[tuple[Index, str]]) -> tuple[list[Edit], list[str]]:
        """Edits for pasted text, one per changed cell, and why any cell was skipped."""
        return cell_edits(self, cells)

    def setData(self, index: Index, value: Any, role: int = _ROLE.EditRole) -> bool:
        if not index.isValid() or role not in (_ROLE.EditRole, _ROLE.CheckStateRole):
            return False
        if role == _ROLE.CheckStateRole:
            value = Qt.CheckState(value) == Qt.CheckState.Checked
        try:
            edit = self.edit_for(index, value)
        except ValueError as exc:
            emit(self._document.messaged, str(exc))
            return False
        if edit is None:
            return False
        return self._document.push(edit, self.edit_text(index))

    def clear_edits(self, indexes: Sequence[Index]) -> list[Edit]:
        """Edits for the Delete key: optional cells become empty, others are left alone."""
        edits, _errors = cell_edits(self, [(i, "") for i in indexes
                                           if self.columns[i.column()].optional])
        return edits

    def new_row(self) -> Any:
        """A fresh entity for "Add"; subclasses fill in sensible, visible defaults."""
        raise NotImplementedError

    def add_row(self, at: int | None = None) -> int | None:
        """Insert :meth:`new_row` at ``at`` (default: the end); returns its row."""
        at = len(self._rows) if at is None else at
        edit = AddRows(self.collection, ((at, self.new_row()),))
        return at if self._document.push(edit, edit.label) else None

    def delete_rows(self, rows: Sequence[int]) -> bool:
        """Delete ``rows`` as one undo step."""
        rows = sorted(set(rows))
        if not rows:
            return False
        edit = DeleteRows(self.collection, tuple(rows))
        return self._document.push(edit, edit.label)

    def unique_id(self, stem: str) -> str:
        taken = {getattr(r, "id", None) for r in self._rows}
        n = len(self._rows) + 1
        while f"{stem}-{n}" in taken:
            n += 1
        return f"{stem}-{n}"

    # --- reacting to the document --------------------------------------------------------------

    def _on_document_changed(self, changes: Any) -> None:
        self._labels = None
        if self.collection in changes.areas:
            self._refresh(changes.edit)
        elif changes.areas & self.depends_on:
            self._repaint()

    def _on_document_variant_switched(self, _name: str) -> None:
        self._labels = None
        self.beginResetModel()
        self._rows = self._read()
        self.endResetModel()

    def _on_document_problems_changed(self) -> None:
        """Repaint the marks, unless this table had no problems before or after (a full
        repaint of a 50,000-row table per keystroke elsewhere would be wasted)."""
        mine = tuple(p for p in self._document.problems.parts if p[:1] == (self.collection,))
        if mine or self._problem_parts:
            self._repaint((_ROLE.BackgroundRole, _ROLE.ToolTipRole, PROBLEM_ROLE))
        self._problem_parts = mine

    def _repaint(self, roles: Sequence[int] = ()) -> None:
        if self._rows and self.columns:
            last = self.index(len(self._rows) - 1, len(self.columns) - 1)
            emit(self.dataChanged, self.index(0, 0), last, list(roles))

    def _refresh(self, edit: Edit | None) -> None:
        new = self._read()
        old = self._rows
        if isinstance(edit, AddRows) and edit.collection == self.collection \
                and len(new) == len(old) + len(edit.rows):
            for at, _row in edit.rows:
                self.beginInsertRows(QModelIndex(), at, at)
                self._rows = (*self._rows[:at], new[at], *self._rows[at:])
                self.endInsertRows()
        elif isinstance(edit, DeleteRows) and edit.collection == self.collection \
                and len(new) == len(old) - len(set(edit.indices)):
            for at in sorted(set(edit.indices), reverse=True):
                self.beginRemoveRows(QModelIndex(), at, at)
                self._rows = (*self._rows[:at], *self._rows[at + 1:])
                self.endRemoveRows()
        elif len(new) == len(old):
            self._rows = new
            row = self._edited_row(edit, old)
            if row is None:
                self._repaint()
            else:
                emit(self.dataChanged, self.index(row, 0), self.index(row, len(self.columns) - 1))
            return
        else:
            self.beginResetModel()
            self._rows = new
            self.endResetModel()
            return
        self._rows = new
        self._repaint()

    def _edited_row(self, edit: Edit | None, old: tuple[Any, ...]) -> int | None:
        """The one row a single-value edit changed (so a 50,000-row view repaints one row)."""
        if not isinstance(edit, SetField) or len(edit.path) < 3 \
                or edit.path[0] != self.collection:
            return None
        key = edit.path[1]
        if self.collection == "fleet":
            return key if isinstance(key, int) and 0 <= key < len(old) else None
        for i, row in enumerate(old):
            if row.id == key:
                return i
        return None

    def index_of(self, parts: Parts) -> QModelIndex | None:
        """The cell a problem location points at (for "jump to the cell")."""
        if len(parts) < 2 or parts[0] != self.collection or not isinstance(parts[1], int):
            return None
        row = parts[1]
        if not 0 <= row < len(self._rows):
            return None
        key = parts[2] if len(parts) > 2 else None
        if key is None:
            return self.index(row, 0)
        for col, column in enumerate(self.columns):
            if column.key == key:
                return self.index(row, col)
        return None  # a field shown elsewhere (a chip's prices are in the price grid)
