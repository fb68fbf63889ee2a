"""The editor of one open plan: a page list on the left, the pages, and the result.

Built for one :class:`~ui.document.PlanDocument` and thrown away with it, so no
page ever shows a plan that is no longer open.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QStackedWidget, QWidget

from ui.document import PlanDocument
from ui.i18n import tr as _tr
from ui.models.fleet_table_model import FleetTableModel
from ui.models.vendor_table_model import VendorTableModel
from ui.problem_index import Parts
from ui.views.chips_page import ChipsPage
from ui.views.limits_page import LimitsPage
from ui.views.list_page import ListPage
from ui.views.page import Page
from ui.views.result_view import ResultView
from ui.views.workloads_page import WorkloadsPage

if TYPE_CHECKING:
    from ui.views.scenarios.scenarios_view import ScenariosView

PLAN, VENDORS, CHIPS, WORKLOADS, FLEET, RESULT, SCENARIOS = range(7)


class Workspace(QWidget):
    """Pages of the plan editor plus the result view.

    Signals
    -------
    messaged(str)
        A note for the status bar from any page.
    failed(object)
        An error for a dialog (from the Scenarios page's analyses).
    """

    messaged = Signal(str)
    failed = Signal(object)

    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.pages: list[Page] = [
            LimitsPage(document, self),
            ListPage(VendorTableModel(document, self), _tr("vendor"),
                     _tr("Who sells the chips. The category (imported, domestic, in-house) "
                         "drives the share limits; risk is 0 (none) to 1; an empty max share "
                         "means the plan's vendor cap applies."), self),
            ChipsPage(document, self),
            WorkloadsPage(document, self),
            ListPage(FleetTableModel(document, self), _tr("fleet entry"),
                     _tr("Units already in service at the start of the plan, and the last "
                         "period they serve."), self),
        ]
        self.result_view = ResultView(self)
        # The Scenarios page is built the first time it is shown (see ``scenarios``): its
        # modules (numpy among them) and its forms would slow opening a plan.
        self._scenarios: ScenariosView | None = None
        self._scenarios_slot = QWidget(self)
        self.nav = QListWidget(self)
        self.nav.setObjectName("pageList")
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setFixedWidth(190)
        self.stack = QStackedWidget(self)
        titles = (_tr("Plan and limits"), _tr("Vendors"), _tr("Chips"), _tr("Workloads"),
                  _tr("Existing fleet"), _tr("Result"), _tr("Scenarios"))
        widgets = [*self.pages, self.result_view, self._scenarios_slot]
        for title, widget in zip(titles, widgets, strict=True):
            item = QListWidgetItem(title, self.nav)
            item.setSizeHint(QSize(180, 34))
            self.stack.addWidget(widget)
        for page in self.pages:
            page.messaged.connect(self.messaged)
        self.nav.currentRowChanged.connect(self._on_nav_current_row_changed)
        for i in range(len(titles)):  # Ctrl+1 ... Ctrl+7 go to the pages
            shortcut = QShortcut(QKeySequence(f"Ctrl+{i + 1}"), self)
            shortcut.activated.connect(lambda i=i: self.show_page(i))
            self.nav.item(i).setToolTip(f"Ctrl+{i + 1}")
        self.nav.setCurrentRow(PLAN)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        document.problems_changed.connect(self._on_document_problems_changed)
        self._on_document_problems_changed()

    def show_page(self, index: int) -> None:
        self.nav.setCurrentRow(index)

    @property
    def scenarios(self) -> ScenariosView:
        """The Scenarios page, built on first use."""
        if self._scenarios is None:
            from ui.views.scenarios.scenarios_view import ScenariosView

            view = ScenariosView(self.document, self)
            view.messaged.connect(self.messaged)
            view.failed.connect(self.failed)
            index = self.stack.indexOf(self._scenarios_slot)
            self.stack.insertWidget(index, view)
            self.stack.removeWidget(self._scenarios_slot)
            self._scenarios_slot.deleteLater()
            self._scenarios = view
        return self._scenarios

    def cancel_analyses(self) -> None:
        """Stop the Scenarios page's running analyses, if it was ever shown."""
        if self._scenarios is not None:
            self._scenarios.cancel()

    def view_state(self) -> dict[str, object]:
        """What the planner is looking at: the page and the Scenarios page's answers, so a
        window rebuilt in another language shows the same (see :meth:`restore_view`)."""
        outcomes = []
        if self._scenarios is not None:
            outcomes = [(p.outcome, p.stale_label.isVisibleTo(p))
                        for p in self._scenarios.panels]
        return {"page": self.current_page, "outcomes": outcomes}

    def restore_view(self, state: dict[str, object]) -> None:
        """Show again what :meth:`view_state` kept, worded in the current language."""
        outcomes = state.get("outcomes") or []
        if any(outcome is not None for outcome, _stale in outcomes):  # type: ignore[attr-defined]
            for panel, (outcome, stale) in zip(self.scenarios.panels, outcomes,  # type: ignore[arg-type]
                                               strict=False):
                if outcome is not None:
                    panel.show_outcome(outcome, None)
                    panel.stale_label.setVisible(bool(stale))
            self.scenarios._update_buttons()
        page = state.get("page")
        if isinstance(page, int) and page >= 0:
            self.show_page(page)

    def has_analysis_results(self) -> bool:
        """Whether the Scenarios page shows stress, trade-off or simulation answers (they
        live in the window only, so closing an unsaved plan loses them too)."""
        return self._scenarios is not None and any(
            panel.outcome is not None for panel in self._scenarios.panels)

    def _on_nav_current_row_changed(self, row: int) -> None:
        self.stack.setCurrentIndex(row)
        if row == SCENARIOS:
            self.scenarios.catch_up()  # built on first use

    @property
    def current_page(self) -> int:
        return self.nav.currentRow()

    def reveal(self, parts: Parts) -> bool:
        """Go to the page and cell of a problem location."""
        for i, page in enumerate(self.pages):
            if page.reveal(parts):
                self.show_page(i)
                page.reveal(parts)  # again: the page is visible now, so the view can scroll
                return True
        return False

    def _on_document_problems_changed(self) -> None:
        """Badge each page with its number of problems."""
        problems = self.document.problems
        prefixes: tuple[tuple[Parts, ...], ...] = (
            (("periods",), ("hours",), ("energy_price",), ("pue",), ("budget",),
             ("power_cap_kw",), ("limits",), ("shortfall_penalty",)),
            (("vendors",),), (("chips",),), (("workloads",),), (("fleet",),),
        )
        titles = (_tr("Plan and limits"), _tr("Vendors"), _tr("Chips"), _tr("Workloads"),
                  _tr("Existing fleet"))
        for row, (title, group) in enumerate(zip(titles, prefixes, strict=True)):
            n = sum(problems.under(p) for p in group)
            item = self.nav.item(row)
            item.setText(f"{title}  ({n})" if n else title)
            item.setForeground(Qt.GlobalColor.red if n else self.nav.palette().text())
