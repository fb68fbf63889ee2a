"""The review workflow in the window: draft -> in review -> approved, and new revisions.

The core decides which steps are possible (:func:`procure.services.allowed_statuses`,
:func:`procure.services.can_start_revision`); this controller offers only those in
the Plan menu, asks before approving (an approved plan is read-only), and keeps the
plan's status in view. Plan files and plans on a team server work alike: both keep
the status in the plan. Refusals, such as a colleague having decided first, reach
the planner through the document's ``failed`` signal and ``show_error``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox, QWidget

from procure.services import PlanStatus
from ui.i18n import tr as _tr

if TYPE_CHECKING:
    from ui.main_window import MainWindow


def status_name(status: PlanStatus) -> str:
    """A review status in the planner's language."""
    names = {
        PlanStatus.DRAFT: _tr("Draft"),
        PlanStatus.IN_REVIEW: _tr("In review"),
        PlanStatus.APPROVED: _tr("Approved"),
    }
    return names[PlanStatus(status)]


class ReviewController(QObject):
    """Runs the Plan menu's review steps for a window and shows the plan's status."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window

    @classmethod
    def ask_approve(cls, parent: QWidget | None, title: str) -> bool:
        """Whether the planner confirms the approval (tests patch this)."""
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(
            parent, _tr("Approve the plan"),
            _tr("Approve “{plan}”? An approved plan is read-only: changing it later takes "
                "a new revision.").format(plan=title),
            buttons.Yes | buttons.Cancel, buttons.Cancel)
        return answer == buttons.Yes

    def _status_actions(self) -> dict[PlanStatus, QAction]:
        a = self._window.actions_
        return {PlanStatus.IN_REVIEW: a.submit_for_review, PlanStatus.APPROVED: a.approve,
                PlanStatus.DRAFT: a.back_to_draft}

    def update(self) -> None:
        """Enable exactly the steps the core allows now, and show the status."""
        document = self._window.document
        allowed = document.store.allowed_statuses() if document is not None else ()
        for status, action in self._status_actions().items():
            action.setEnabled(status in allowed)
        self._window.actions_.new_revision.setEnabled(
            document is not None and document.store.can_start_revision())
        if document is None:
            self._window.status.show_plan_status("")
            return
        text = status_name(document.status)
        if document.read_only:
            text += " · " + _tr("read-only")
        tip = document.store.read_only_reason or _tr(
            "Where the plan is in review: draft, in review or approved")
        self._window.status.show_plan_status(text, tip)

    # --- the steps ---------------------------------------------------------------------------

    def submit_for_review(self) -> bool:
        return self._move(PlanStatus.IN_REVIEW, _tr("The plan is in review now."))

    def back_to_draft(self) -> bool:
        return self._move(PlanStatus.DRAFT, _tr("The plan is a draft again."))

    def approve(self) -> bool:
        """Approve after asking: from then on the plan changes only by a new revision."""
        document = self._window.document
        if document is None or PlanStatus.APPROVED not in document.store.allowed_statuses():
            return False
        if not self.ask_approve(self._window, document.store.title):
            return False
        return self._move(PlanStatus.APPROVED,
                          _tr("The plan is approved and read-only; start a new revision to "
                              "change it."))

    def new_revision(self) -> bool:
        """Continue in a draft copy of the approved plan, in this window."""
        document = self._window.document
        if document is None or not document.store.can_start_revision():
            return False
        # A running solve would store its result in whichever revision is open when it
        # ends: stop it, and let a result being written finish, before switching.
        self._window.optimiser.cancel()
        self._window.optimiser.wait_for_done(5000)
        if not document.start_new_revision():
            return False
        self._window.status.show_message(
            _tr("Revision {n} is a draft: change it as you like.").format(
                n=document.store.plan.revision))
        return True

    def _move(self, status: PlanStatus, message: str) -> bool:
        document = self._window.document
        if document is None or status not in document.store.allowed_statuses():
            return False
        if not document.set_status(status):
            return False  # the document reported why; the window showed it
        self._window.status.show_message(message)
        return True
