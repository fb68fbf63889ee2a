"""A table view that behaves like a spreadsheet: copy, paste and clear cell ranges.

Copied cells are tab-separated text with the raw values (187200, 0.35), which
spreadsheets read as numbers; pasted text is read with each cell's column
declaration and applied as one undo step. The view works through a sort/filter
proxy: cells are mapped to the model underneath before anything is edited.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from ui.i18n import tr as _tr
from ui.models.roles import PROBLEM_ROLE
from ui.qt_compat import emit
from ui.views.field_delegate import FieldDelegate, _plain

MAX_PASTE_CELLS = 200_000


def parse_clipboard(text: str) -> list[list[str]]:
    """Rows of cells from spreadsheet text (tabs between cells, one line per row)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()  # spreadsheets end the last row with a newline
    return [line.split("\t") for line in lines]


class TableView(QTableView):
    """QTableView with clipboard support and problem-aware status tips.

    Signals
    -------
    messaged(str)
        A short note for the status bar (what was pasted, what could not be read).
    """

    messaged = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setItemDelegate(FieldDelegate(self))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.horizontalHeader().setHighlightSections(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)

    def currentChanged(self, current: QModelIndex, previous: QModelIndex) -> None:
        """Say in the status bar what is wrong with the cell the planner moved to."""
        super().currentChanged(current, previous)
        problems = current.data(PROBLEM_ROLE) if current.isValid() else None
        if problems:
            emit(self.messaged, "; ".join(problems))

    # --- the model underneath ------------------------------------------------------------------

    def source_model(self) -> QAbstractItemModel:
        model = self.model()
        while isinstance(model, QSortFilterProxyModel):
            model = model.sourceModel()
        return model

    def to_source(self, index: QModelIndex) -> QModelIndex:
        model = self.model()
        while isinstance(model, QSortFilterProxyModel):
            index = model.mapToSource(index)
            model = model.sourceModel()
        return index

    def from_source(self, index: QModelIndex) -> QModelIndex:
        chain = []
        model = self.model()
        while isinstance(model, QSortFilterProxyModel):
            chain.append(model)
            model = model.sourceModel()
        for proxy in reversed(chain):
            index = proxy.mapFromSource(index)
        return index

    # --- keys ------------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_selection()
        elif event.matches(QKeySequence.StandardKey.Paste):
            self.paste()
        elif event.matches(QKeySequence.StandardKey.Delete) or event.key() == Qt.Key.Key_Backspace:
            self.clear_selection()
        else:
            super().keyPressEvent(event)

    def selected_cells(self) -> list[QModelIndex]:
        return sorted(self.selectionModel().selectedIndexes(),
                      key=lambda i: (i.row(), i.column()))

    def copy_selection(self) -> str:
        """Put the selected cells on the clipboard as tab-separated raw values."""
        cells = self.selected_cells()
        if not cells:
            return ""
        rows = sorted({i.row() for i in cells})
        columns = sorted({i.column() for i in cells})
        chosen = {(i.row(), i.column()) for i in cells}
        model = self.model()
        lines = []
        for r in rows:
            values = []
            for c in columns:
                value: Any = model.index(r, c).data(Qt.ItemDataRole.EditRole) \
                    if (r, c) in chosen else None
                values.append("" if value is None else _plain(value))
            lines.append("\t".join(values))
        text = "\n".join(lines) + "\n"
        QGuiApplication.clipboard().setText(text)
        return text

    def paste(self, text: str | None = None) -> bool:
        """Paste spreadsheet text at the current cell as one undo step."""
        text = QGuiApplication.clipboard().text() if text is None else text
        block = parse_clipboard(text)
        if not block or self.model() is None:
            return False
        targets = self._paste_targets(block)
        if not targets:
            return False
        source = self.source_model()
        edits, errors = source.paste_edits([(self.to_source(i), t) for i, t in targets])
        if errors:
            emit(self.messaged, _tr("{n} cells were not pasted: {first}").format(
                n=len(errors), first=errors[0]))
        if not edits:
            return False
        label = _tr("Paste {n} cells").format(n=len(targets))
        done = source.document.push_many(edits, label)
        if done and not errors:
            emit(self.messaged, _tr("Pasted {n} cells.").format(n=len(targets)))
        return bool(done)

    def _paste_targets(self, block: list[list[str]]) -> list[tuple[QModelIndex, str]]:
        model = self.model()
        selected = self.selected_cells()
        anchor = selected[0] if selected else self.currentIndex()
        if not anchor.isValid():
            return []
        if len(block) == 1 and len(block[0]) == 1 and len(selected) > 1:
            # One value into a selection fills it, as spreadsheets do.
            return [(i, block[0][0]) for i in selected if i.flags() & Qt.ItemFlag.ItemIsEditable]
        targets = []
        for dr, line in enumerate(block):
            for dc, value in enumerate(line):
                r, c = anchor.row() + dr, anchor.column() + dc
                if r >= model.rowCount() or c >= model.columnCount():
                    continue
                index = model.index(r, c)
                if index.flags() & Qt.ItemFlag.ItemIsEditable:
                    targets.append((index, value))
        if len(targets) > MAX_PASTE_CELLS:
            emit(self.messaged, _tr("That is too much to paste at once."))
            return []
        rows = {i.row() for i, _ in targets}
        columns = {i.column() for i, _ in targets}
        if targets:
            top_left = model.index(min(rows), min(columns))
            bottom_right = model.index(max(rows), max(columns))
            self.selectionModel().select(QItemSelection(top_left, bottom_right),
                             QItemSelectionModel.SelectionFlag.ClearAndSelect)
        return targets

    def clear_selection(self) -> bool:
        """The Delete key: clear the selected cells (optional values, limits) in one step."""
        cells = [self.to_source(i) for i in self.selected_cells()]
        source = self.source_model()
        if not cells or not hasattr(source, "clear_edits"):
            return False
        edits = source.clear_edits(cells)
        if not edits:
            emit(self.messaged, _tr("Nothing to clear here: type a new value instead."))
            return False
        return bool(source.document.push_many(edits, _tr("Clear {n} cells").format(n=len(cells))))

    def reveal(self, index: QModelIndex) -> None:
        """Select a source-model cell and scroll to it (from the problem list)."""
        index = self.from_source(index)
        if not index.isValid():
            return
        self.setCurrentIndex(index)
        self.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        self.setFocus()
