"""Team-mode flows: connect, browse and open a plan, copy a plan up, read the audit log.

Connecting and listing plans run off the GUI thread (a server may be slow to
answer); the dialogs open without blocking, so the window stays responsive.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from procure import services
from procure.services import PlanInfo
from ui.i18n import tr as _tr
from ui.plan_store import PlanStore
from ui.qt_compat import emit
from ui.settings import AppSettings
from ui.team.audit_log_dialog import AuditLogDialog
from ui.team.connect_dialog import ConnectDialog
from ui.team.plan_browser_dialog import PlanBrowserDialog
from ui.workers import JobRunner


class TeamController(QObject):
    """Runs the team-mode dialogs for a window.

    Signals
    -------
    plan_opened(object)
        A :class:`ui.plan_store.PlanStore` for the plan chosen on the server.
    failed(object)
        An exception to show.
    messaged(str)
        A note for the status bar.
    """

    plan_opened = Signal(object)
    failed = Signal(object)
    messaged = Signal(str)

    def __init__(self, settings: AppSettings, window: QWidget) -> None:
        super().__init__(window)
        self._settings = settings
        self._window = window
        self._runner = JobRunner(self)
        self._runner.failed.connect(self.failed)
        self._runner.finished.connect(self._on_runner_finished)
        self._dialog: Any = None

    def connect_to_server(self) -> ConnectDialog:
        """Ask for a server, connect, then let the planner pick a plan."""
        dialog = ConnectDialog(self._settings.server_url, self._window)
        dialog.accepted.connect(lambda: self._on_connect_dialog_accepted(dialog, None))
        dialog.open()
        self._dialog = dialog
        return dialog

    def copy_to_server(self, source: PlanStore) -> ConnectDialog:
        """Ask for a server and copy ``source``'s plan there (with variants and results)."""
        dialog = ConnectDialog(self._settings.server_url, self._window)
        dialog.setWindowTitle(_tr("Copy the plan to a team server"))
        dialog.accepted.connect(lambda: self._on_connect_dialog_accepted(dialog, source))
        dialog.open()
        self._dialog = dialog
        return dialog

    def _on_connect_dialog_accepted(self, dialog: ConnectDialog, source: PlanStore | None) -> None:
        self._settings.server_url = dialog.remembered_url()
        url, user = dialog.connection_url(), dialog.user.text().strip() or None
        emit(self.messaged, _tr("Connecting to {server}…").format(server=dialog.remembered_url()))

        def job(_progress: Any, _stop: Any) -> tuple[services.Store, list[PlanInfo]]:
            store = services.open_store(url, user=user)
            try:
                if source is not None:
                    services.copy_plan(source.services_store, source.plan, store)
                return store, services.list_plans(store)
            except BaseException:
                store.close()
                raise

        # A connect cancelled after the store opened must still close it.
        self._runner.start(job, source, discard=lambda value: value[0].close())

    def _on_runner_finished(self, value: object, source: object) -> None:
        store, plans = value  # type: ignore[misc]
        if source is not None:
            emit(self.messaged, _tr("The plan was copied to {server}.").format(
                server=store.location))
            store.close()
            return
        browser = PlanBrowserDialog(store.location, plans, self._window)
        browser.accepted.connect(lambda: self._on_browser_accepted(browser, store))
        browser.rejected.connect(store.close)
        browser.open()
        self._dialog = browser

    def _on_browser_accepted(self, browser: PlanBrowserDialog, store: services.Store) -> None:
        plan = browser.chosen_plan()
        if plan is None:
            store.close()
            return
        try:
            opened = PlanStore.open_plan(store, plan)
        except Exception as exc:  # noqa: BLE001 - shown to the user, store released
            store.close()
            emit(self.failed, exc)
            return
        emit(self.plan_opened, opened)

    def show_audit_log(self, store: PlanStore) -> AuditLogDialog | None:
        try:
            entries = store.audit_log()
        except Exception as exc:  # noqa: BLE001 - shown to the user
            emit(self.failed, exc)
            return None
        dialog = AuditLogDialog(store.title, entries, self._window)
        dialog.open()
        self._dialog = dialog
        return dialog
