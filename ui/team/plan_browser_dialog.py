"""Browse the plans on a team server and pick one to open."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from procure.services import PlanInfo
from ui.i18n import tr as _tr
from ui.models.plan_list_model import PlanListModel
from ui.models.roles import OBJECT_ROLE
from ui.team.filtered_table import filtered_table


class PlanBrowserDialog(QDialog):
    """A sortable, filterable list of plans; :meth:`chosen_plan` after ``accepted``."""

    def __init__(self, location: str, plans: list[PlanInfo],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_tr("Plans on {server}").format(server=location))
        self.resize(820, 440)
        self.model = PlanListModel(plans, self)
        self.proxy, self.view = filtered_table(self.model, self)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.doubleClicked.connect(self.accept)
        self.view.resizeColumnsToContents()
        if plans:
            self.view.selectRow(0)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(_tr("Filter"))
        self.filter_edit.textChanged.connect(self.proxy.setFilterFixedString)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Open
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if not plans:
            layout.addWidget(QLabel(_tr("There are no plans on this server yet. Open or create "
                                        "a plan, then use File > Copy to Team Server."), self))
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)

    def chosen_plan(self) -> PlanInfo | None:
        rows = self.view.selectionModel().selectedRows()
        return rows[0].data(OBJECT_ROLE) if rows else None
