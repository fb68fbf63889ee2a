"""Budgets, power, energy and risk limits: the plan-wide inputs."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QHeaderView, QSplitter, QVBoxLayout, QWidget

from ui.document import PlanDocument
from ui.i18n import tr as _tr
from ui.models.category_share_model import CategoryShareModel
from ui.models.period_grid_model import PeriodGridModel, plan_series
from ui.models.plan_fields_model import PlanFieldsModel
from ui.views.grid_panel import GridPanel
from ui.views.page import Page


def _group(title: str, panel: QWidget, parent: QWidget) -> QGroupBox:
    box = QGroupBox(title, parent)
    layout = QVBoxLayout(box)
    layout.addWidget(panel)
    return box


class LimitsPage(Page):
    """Plan settings and limits, category shares, and the per-period plan series."""

    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fields = GridPanel(PlanFieldsModel(document, self), parent=self)
        self.fields.view.horizontalHeader().setStretchLastSection(True)
        self.fields.view.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.shares = GridPanel(
            CategoryShareModel(document, self),
            _tr("Least and most share of new spend per source category."), self)
        self.shares.view.horizontalHeader().setStretchLastSection(True)
        self.series = GridPanel(
            PeriodGridModel(document, plan_series, frozenset({"budget", "settings"}), self),
            _tr("Per-period budget, power and energy. Energy cost per kW = hours x price x PUE. "
                "Empty rows are unlimited (or the default); type a value to set every period."),
            self)
        for panel in (self.fields, self.shares, self.series):
            self.add_panel(panel)
        top = QSplitter(Qt.Orientation.Horizontal, self)
        top.addWidget(_group(_tr("Plan and limits"), self.fields, top))
        top.addWidget(_group(_tr("Category shares"), self.shares, top))
        top.setStretchFactor(0, 3)
        top.setStretchFactor(1, 2)
        main = QSplitter(Qt.Orientation.Vertical, self)
        main.addWidget(top)
        main.addWidget(_group(_tr("Per period"), self.series, main))
        layout = QVBoxLayout(self)
        layout.addWidget(main)
