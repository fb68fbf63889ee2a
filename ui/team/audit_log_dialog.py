"""Who changed what: the plan's audit log, newest first, filterable."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from procure.services import AuditEntry
from ui.i18n import tr as _tr
from ui.models.audit_log_model import AuditLogModel
from ui.team.filtered_table import filtered_table


class AuditLogDialog(QDialog):
    """A read-only view of :class:`~procure.storage.records.AuditEntry` rows."""

    def __init__(self, title: str, entries: list[AuditEntry],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_tr("Changes to {plan}").format(plan=title))
        self.resize(1000, 520)
        self.model = AuditLogModel(entries, self)
        self.proxy, self.view = filtered_table(self.model, self)
        self.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.view.setAlternatingRowColors(True)
        self.view.resizeColumnsToContents()
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(_tr("Filter by person, scenario or value"))
        self.filter_edit.textChanged.connect(self.proxy.setFilterFixedString)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
