"""Workloads: the list above, demand per period and efficiency per chip below."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QTabWidget, QVBoxLayout, QWidget

from ui.document import PlanDocument
from ui.i18n import tr as _tr
from ui.models.efficiency_grid_model import EfficiencyGridModel
from ui.models.period_grid_model import PeriodGridModel, workload_demand
from ui.models.workload_table_model import WorkloadTableModel
from ui.views.entity_panel import EntityPanel
from ui.views.grid_panel import GridPanel
from ui.views.page import Page, tab_shower


class WorkloadsPage(Page):
    """Workload table, then tabs with the demand and efficiency grids."""

    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = WorkloadTableModel(document, self)
        self.table = EntityPanel(self.model, _tr("workload"), parent=self)
        self.demand = GridPanel(
            PeriodGridModel(document, workload_demand, frozenset({"workloads"}), self),
            _tr("Effective compute each workload needs, in PFLOP/s, per period."), self)
        self.efficiency = GridPanel(
            EfficiencyGridModel(document, self),
            _tr("Share of a chip's peak each workload achieves (0 to 1). Empty: the chip "
                "cannot run the workload."), self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.demand, _tr("Demand"))
        self.tabs.addTab(self.efficiency, _tr("Efficiency"))
        self.add_panel(self.demand, tab_shower(self.tabs, self.demand))
        self.add_panel(self.efficiency, tab_shower(self.tabs, self.efficiency))
        self.add_panel(self.table)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
