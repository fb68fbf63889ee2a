"""A list editor: a filter box, add and delete buttons, and a sortable table."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QToolButton, QVBoxLayout, QWidget

from ui.i18n import tr as _tr
from ui.models.entity_table_model import EntityTableModel
from ui.models.roles import FILTER_ROLE, SORT_ROLE
from ui.problem_index import Parts
from ui.qt_compat import emit
from ui.views.table_view import TableView

FILTER_DELAY_MS = 150
FIT_CONTENTS_ROWS = 2000
MAX_COLUMN_WIDTH = 300  # typing in the filter box of a 50,000-row table stays smooth


class EntityPanel(QWidget):
    """Editor of one list of the plan (vendors, chips, workloads or fleet).

    Signals
    -------
    messaged(str)
        A short note for the status bar.
    """

    messaged = Signal(str)

    def __init__(self, model: EntityTableModel, noun: str,
                 extra_actions: Sequence[QAction] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(model)
        self.proxy.setSortRole(SORT_ROLE)
        # The filter reads one string per row (FILTER_ROLE) instead of every cell.
        self.proxy.setFilterRole(FILTER_ROLE)
        self.proxy.setFilterKeyColumn(0)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.view = TableView(self)
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the plan's own order first
        self.view.messaged.connect(self.messaged)

        self.add_action = QAction(_tr("Add {noun}").format(noun=noun), self)
        self.add_action.setShortcut(QKeySequence("Ctrl+Shift+N"))
        self.add_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.add_action.triggered.connect(self._on_add_action_triggered)
        self.delete_action = QAction(_tr("Delete rows"), self)
        self.delete_action.setShortcut(QKeySequence("Ctrl+Del"))
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.delete_action.triggered.connect(self._on_delete_action_triggered)
        self.addActions([self.add_action, self.delete_action])

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(_tr("Filter"))
        self.filter_edit.setClearButtonEnabled(True)
        self._filter_timer = QTimer(self, singleShot=True, interval=FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self._on_filter_timer_timeout)
        self.filter_edit.textChanged.connect(self._filter_timer.start)

        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        for action in (self.add_action, *extra_actions, self.delete_action):
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            bar.addWidget(button)
        bar.addStretch(1)
        bar.addWidget(self.filter_edit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.view)
        self._fit_columns()
        model.modelReset.connect(self._fit_columns)

    def _fit_columns(self) -> None:
        """Fit small tables to their contents; size big ones by their headers (fast)."""
        header = self.view.horizontalHeader()
        metrics = self.view.fontMetrics()
        small = self.model.rowCount() <= FIT_CONTENTS_ROWS
        if small:
            self.view.resizeColumnsToContents()
        for c in range(self.model.columnCount()):
            title = str(self.model.headerData(c, Qt.Orientation.Horizontal) or "")
            least = max(80, metrics.horizontalAdvance(title) + 30)
            width = header.sectionSize(c) + 12 if small else least
            header.resizeSection(c, min(max(width, least), MAX_COLUMN_WIDTH))
        header.setStretchLastSection(True)

    def _on_filter_timer_timeout(self) -> None:
        self.proxy.setFilterFixedString(self.filter_edit.text())

    def _on_add_action_triggered(self) -> None:
        self.filter_edit.clear()
        self._on_filter_timer_timeout()
        row = self.model.add_row()
        if row is not None:
            index = self.model.index(row, 0)
            self.view.reveal(index)
            self.view.edit(self.view.from_source(index))

    def selected_rows(self) -> list[int]:
        """Source rows of the selection (whole rows or any cell in them)."""
        return sorted({self.view.to_source(i).row() for i in self.view.selected_cells()})

    def _on_delete_action_triggered(self) -> None:
        rows = self.selected_rows()
        if not rows:
            emit(self.messaged, _tr("Select the rows to delete first."))
            return
        self.model.delete_rows(rows)

    def reveal(self, parts: Parts) -> bool:
        index = self.model.index_of(parts)
        if index is None:
            return False
        if not self.proxy.mapFromSource(index).isValid():
            self.filter_edit.clear()
            self._on_filter_timer_timeout()
        self.view.reveal(index)
        return True
