"""Chips: their specifications above, their prices and supply per period below."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QSplitter, QTabWidget, QVBoxLayout, QWidget

from procure.domain.edits import AddRows
from ui.document import PlanDocument
from ui.i18n import tr as _tr
from ui.models.chip_table_model import ChipTableModel
from ui.models.period_grid_model import PeriodGridModel, chip_series
from ui.views.catalogue_dialog import CatalogueDialog
from ui.views.entity_panel import EntityPanel
from ui.views.grid_panel import GridPanel
from ui.views.page import Page, tab_shower


class ChipsPage(Page):
    """Chip table, then tabs with the price and supply grids."""

    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self.model = ChipTableModel(document, self)
        self.catalogue_action = QAction(_tr("Add from catalogue…"), self)
        self.catalogue_action.setToolTip(_tr("Pick accelerators from the shipped catalogue"))
        self.catalogue_action.triggered.connect(self._on_catalogue_action_triggered)
        self.table = EntityPanel(self.model, _tr("chip"), [self.catalogue_action], self)
        chips = frozenset({"chips"})
        self.prices = GridPanel(PeriodGridModel(document, chip_series("price"), chips, self),
                                _tr("Price of one unit ordered in each period."), self)
        self.supply = GridPanel(
            PeriodGridModel(document, chip_series("supply", optional=True), chips, self),
            _tr("Most units that can be ordered per period. Type into an unlimited row to set "
                "every period; select a whole row and press Delete to make it unlimited."),
            self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.prices, _tr("Prices"))
        self.tabs.addTab(self.supply, _tr("Supply"))
        # Grids first: a chip's price problem belongs to the price grid, not the table.
        self.add_panel(self.prices, tab_shower(self.tabs, self.prices))
        self.add_panel(self.supply, tab_shower(self.tabs, self.supply))
        self.add_panel(self.table)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    def _on_catalogue_action_triggered(self) -> None:
        dialog = CatalogueDialog(self._document.scenario, self)
        dialog.accepted_rows.connect(self._on_catalogue_dialog_accepted_rows)
        dialog.open()

    def _on_catalogue_dialog_accepted_rows(self, vendors: list, chips: list) -> None:
        edits = []
        s = self._document.scenario
        if vendors:
            edits.append(AddRows("vendors", tuple((len(s.vendors) + i, v)
                                                  for i, v in enumerate(vendors))))
        if chips:
            edits.append(AddRows("chips", tuple((len(s.chips) + i, c)
                                                for i, c in enumerate(chips))))
        if edits:
            self._document.push_many(edits, _tr("Add {n} chips from the catalogue").format(
                n=len(chips)))
