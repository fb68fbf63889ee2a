"""Pick chips from the shipped accelerator catalogue and add them to the plan.

The catalogue gives the accelerator alone in its own units (TFLOPS, watts, US
dollars); a plan needs PFLOP/s, kW per unit *with its server share*, and prices in
the plan's currency. The dialog says exactly how it converts, with the two
assumptions (power overhead, exchange rate) as fields the planner can change, and
everything can be edited afterwards. The conversion itself is
:func:`procure.catalogue.chips_from_entries`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from procure.catalogue import (
    DEFAULT_OVERHEAD,
    DEFAULT_RATE,
    CatalogueChips,
    Entry,
    chips_from_entries,
)
from procure.domain.model import Scenario
from ui.i18n import tr as _tr
from ui.models.catalogue_model import CatalogueModel
from ui.models.roles import OBJECT_ROLE, SORT_ROLE
from ui.qt_compat import emit


class CatalogueDialog(QDialog):
    """Choose catalogue rows; emits the vendors and chips to add.

    Signals
    -------
    accepted_rows(list, list)
        New vendors and new chips, when the planner presses Add.
    """

    accepted_rows = Signal(list, list)

    def __init__(self, scenario: Scenario, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_tr("Add chips from the catalogue"))
        self.resize(980, 560)
        self._scenario = scenario
        self.added: CatalogueChips | None = None  # the last conversion, with its assumptions
        self.model = CatalogueModel(parent=self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.view = QTableView(self)
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setAlternatingRowColors(True)
        self.view.resizeColumnsToContents()
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(_tr("Filter"))
        self.filter_edit.textChanged.connect(self.proxy.setFilterFixedString)
        self.rate = QDoubleSpinBox(self)
        self.rate.setRange(0.0001, 1e6)
        self.rate.setDecimals(4)
        self.rate.setValue(DEFAULT_RATE)
        self.rate.setSuffix(f" {scenario.currency_code}/US$")
        self.overhead = QDoubleSpinBox(self)
        self.overhead.setRange(1.0, 5.0)
        self.overhead.setSingleStep(0.1)
        self.overhead.setValue(DEFAULT_OVERHEAD)
        self.overhead.setPrefix("x ")
        note = QLabel(_tr("Peak = BF16 dense TFLOPS / 1000; power per unit = TDP x overhead "
                          "(server share); price = middle of the catalogue's US$ range x "
                          "exchange rate, the same in every period. Check and edit the figures "
                          "afterwards: supply, lead time and efficiencies are yours to set."),
                     self)
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(_tr("Exchange rate"), self.rate)
        form.addRow(_tr("Power overhead"), self.overhead)
        buttons = QDialogButtonBox(self)
        self.add_button = buttons.addButton(_tr("Add"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.view, 1)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def chosen(self) -> list[Entry]:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        return [self.proxy.index(r, 0).data(OBJECT_ROLE) for r in rows]

    def accept(self) -> None:
        entries = self.chosen()
        if entries:
            self.added = chips_from_entries(entries, self._scenario, self.rate.value(),
                                            self.overhead.value())
            emit(self.accepted_rows, list(self.added.vendors), list(self.added.chips))
        super().accept()

    def select_rows(self, rows: Any) -> None:
        """Select proxy rows (keyboard users and tests)."""
        for r in rows:
            self.view.selectionModel().select(
                self.proxy.index(r, 0),
                self.view.selectionModel().SelectionFlag.Select
                | self.view.selectionModel().SelectionFlag.Rows)
