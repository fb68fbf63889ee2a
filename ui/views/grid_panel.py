"""A captioned spreadsheet-like grid (prices, supply, demand, efficiency, plan series)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHeaderView, QLabel, QVBoxLayout, QWidget

from ui.models.grid_model import GridModel
from ui.problem_index import Parts
from ui.views.table_view import TableView

FIT_CONTENTS_CELLS = 4000
MIN_COLUMN_WIDTH = 84


class GridPanel(QWidget):
    """A :class:`TableView` over a :class:`GridModel`, with a one-line hint above it.

    Signals
    -------
    messaged(str)
        A short note for the status bar.
    """

    messaged = Signal(str)

    def __init__(self, model: GridModel, hint: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.view = TableView(self)
        self.view.setModel(model)
        self.view.messaged.connect(self.messaged)
        self.view.horizontalHeader().setDefaultSectionSize(96)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.verticalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        if hint:
            label = QLabel(hint, self)
            label.setWordWrap(True)
            label.setObjectName("hint")
            layout.addWidget(label)
        layout.addWidget(self.view)
        self._fit()
        model.modelReset.connect(self._fit)

    def _fit(self) -> None:
        """Wide enough for the numbers when the grid is small enough to measure quickly."""
        if self.model.rowCount() * self.model.columnCount() <= FIT_CONTENTS_CELLS:
            self.view.resizeColumnsToContents()
            header = self.view.horizontalHeader()
            for c in range(self.model.columnCount()):
                header.resizeSection(c, max(header.sectionSize(c) + 10, MIN_COLUMN_WIDTH))

    def reveal(self, parts: Parts) -> bool:
        index = self.model.index_of(parts)
        if index is None:
            return False
        self.view.reveal(index)
        return True
