"""The list of problems that stop the plan from being optimised; each jumps to its cell."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QAbstractItemView, QLabel, QTableView, QVBoxLayout, QWidget

from ui.document import PlanDocument
from ui.i18n import tr as _tr
from ui.models.problem_list_model import ProblemListModel
from ui.models.roles import PARTS_ROLE
from ui.qt_compat import emit


class ProblemsPanel(QWidget):
    """Problems of the current variant.

    Signals
    -------
    problem_activated(object)
        The location parts of the problem the planner chose (double-click or Enter).
    """

    problem_activated = Signal(object)

    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ProblemListModel(document, self)
        self.summary = QLabel(self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.setColumnWidth(0, 260)
        self.view.verticalHeader().hide()
        self.view.activated.connect(self._on_view_activated)
        self.view.doubleClicked.connect(self._on_view_activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.view)
        self.model.modelReset.connect(self._update_summary)
        self._update_summary()

    def _update_summary(self) -> None:
        n = self.model.rowCount()
        self.summary.setText(
            _tr("No problems: the plan can be optimised.") if n == 0 else
            _tr("1 problem must be fixed before the plan can be optimised. Double-click it to "
                "go to its cell.") if n == 1 else
            _tr("{n} problems must be fixed before the plan can be optimised. Double-click "
                "one to go to its cell.").format(n=n))

    def _on_view_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            emit(self.problem_activated, index.data(PARTS_ROLE))
