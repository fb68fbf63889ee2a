"""Budgets, power, energy and risk limits: the plan-wide inputs, and the periods."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from procure.domain.period_edits import InsertPeriod, RemovePeriod, next_period_label
from ui.document import PlanDocument
from ui.file_dialogs import FileDialogs
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
        self._document = document
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
        main.addWidget(self._period_group(main))
        layout = QVBoxLayout(self)
        layout.addWidget(main)
        document.variant_switched.connect(self._on_document_variant_switched)
        self._update_buttons()

    def _period_group(self, parent: QWidget) -> QGroupBox:
        """The per-period grid with buttons that add a period or remove one."""
        box = QGroupBox(_tr("Per period"), parent)
        self.add_period_button = QPushButton(_tr("Add period"), box)
        self.add_period_button.setToolTip(
            _tr("Add a period after the last one; its prices, supply, demand, budget, power "
                "and energy start as copies of the last period's"))
        self.add_period_button.clicked.connect(self.add_period)
        self.remove_period_button = QPushButton(_tr("Remove period…"), box)
        self.remove_period_button.setToolTip(
            _tr("Remove one period and its values from every table"))
        self.remove_period_button.clicked.connect(self.remove_period)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_period_button)
        buttons.addWidget(self.remove_period_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(box)
        layout.addWidget(self.series)
        layout.addLayout(buttons)
        return box

    def add_period(self) -> bool:
        """Ask for the new period's label (the next one is suggested) and append it."""
        periods = self._document.scenario.periods
        label = FileDialogs.ask_text(
            self, _tr("Add period"),
            _tr("Label of the new period (after {last}):").format(last=periods[-1])
            if periods else _tr("Label of the new period:"),
            next_period_label(periods))
        if label is None:
            return False
        label = label.strip()
        return self._document.push(InsertPeriod(label),
                                   _tr("Add period {label}").format(label=label))

    def remove_period(self) -> bool:
        """Ask which period to remove (the last is proposed) and remove it."""
        periods = self._document.scenario.periods
        label = FileDialogs.ask_choice(
            self, _tr("Remove period"),
            _tr("Period to remove, with its values in every table:"), periods,
            len(periods) - 1)
        if label is None:
            return False
        return self._document.push(RemovePeriod(label),
                                   _tr("Remove period {label}").format(label=label))

    def _update_buttons(self) -> None:
        editable = not self._document.read_only
        self.add_period_button.setEnabled(editable)
        self.remove_period_button.setEnabled(editable)

    def _on_document_variant_switched(self, _name: str) -> None:
        self._update_buttons()  # also sent when the plan becomes read-only
