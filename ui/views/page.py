"""Base of the editor pages: a set of panels, a status-bar relay, and "jump to this cell"."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QWidget

from ui.problem_index import Parts
from ui.views.entity_panel import EntityPanel
from ui.views.grid_panel import GridPanel

Panel = EntityPanel | GridPanel


class Page(QWidget):
    """One page of the plan editor.

    Signals
    -------
    messaged(str)
        A short note for the status bar, relayed from the page's panels.
    """

    messaged = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._panels: list[tuple[Panel, Callable[[], None]]] = []

    def add_panel(self, panel: Panel, show: Callable[[], None] | None = None) -> Panel:
        """Register ``panel``; ``show`` brings it to the front (its tab) before revealing."""
        panel.messaged.connect(self.messaged)
        self._panels.append((panel, show or (lambda: None)))
        return panel

    def reveal(self, parts: Parts) -> bool:
        """Select the cell at ``parts`` if one of this page's panels shows it."""
        for panel, show in self._panels:
            if panel.model.index_of(parts) is not None:
                show()
                return panel.reveal(parts)
        return False


def tab_shower(tabs: QTabWidget, widget: QWidget) -> Callable[[], None]:
    return lambda: tabs.setCurrentWidget(widget)
