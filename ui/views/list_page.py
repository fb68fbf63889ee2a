"""A page that edits one list of the plan (vendors, the existing fleet)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ui.models.entity_table_model import EntityTableModel
from ui.views.entity_panel import EntityPanel
from ui.views.page import Page


class ListPage(Page):
    """A hint and one :class:`EntityPanel`."""

    def __init__(self, model: EntityTableModel, noun: str, hint: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.panel = EntityPanel(model, noun, parent=self)
        self.add_panel(self.panel)
        label = QLabel(hint, self)
        label.setWordWrap(True)
        label.setObjectName("hint")
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.panel, 1)
