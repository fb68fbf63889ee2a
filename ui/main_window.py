"""The main window: start page or plan editor, tool bar, problems, status and optimise.

The window owns at most one :class:`~ui.document.PlanDocument`; a
:class:`~ui.workspace.Workspace` shows it. Optimising runs on a
:class:`~ui.workers.JobRunner`: the GUI thread only starts the job and receives its
result, so the window stays responsive through a long solve.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import (
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QMainWindow,
    QStackedWidget,
    QStyle,
    QWidget,
)

from procure.errors import ProcureError
from procure.services import PlanStatus
from ui import i18n, unsaved_plans
from ui.actions import Actions, app_icon, build_actions, build_menus, build_tool_bar, fill_edit_menu
from ui.document import PlanDocument
from ui.errors import show_error
from ui.export_actions import ExportKind
from ui.i18n import tr as _tr
from ui.memory import freeze_long_lived, release_memory
from ui.optimise_controller import OptimiseController
from ui.plan_files import PlanFiles
from ui.plan_store import OPENABLE, PlanStore
from ui.review_controller import ReviewController, status_name
from ui.settings import AppSettings
from ui.status_bar import StatusBar
from ui.team.team_controller import TeamController
from ui.variant_switcher import VariantSwitcher
from ui.views.about_dialog import AboutDialog
from ui.views.problems_panel import ProblemsPanel
from ui.views.settings_dialog import SettingsDialog
from ui.views.start_page import StartPage
from ui.views.table_view import TableView
from ui.workspace import RESULT, Workspace

TEAM_REFRESH_MS = 15_000


class MainWindow(QMainWindow):
    """Procure's main window."""

    def __init__(self, settings: AppSettings | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings or AppSettings()
        self.document: PlanDocument | None = None
        self.workspace: Workspace | None = None
        self.setWindowIcon(app_icon())
        self.setAcceptDrops(True)
        self.resize(1360, 860)
        self.files = PlanFiles(self)
        self.actions_: Actions = build_actions(self)
        build_menus(self, self.actions_)
        fill_edit_menu(self.actions_)
        self.tool_bar = build_tool_bar(self, self.actions_)
        self.variants = VariantSwitcher(self.actions_.new_variant, self,
                                        rename_action=self.actions_.rename_variant,
                                        delete_action=self.actions_.delete_variant)
        self.tool_bar.addWidget(self.variants)
        self.status = StatusBar(self)
        self.setStatusBar(self.status)
        self.status.cancel_button.clicked.connect(self._on_cancel_triggered)
        self.status.problems_button.clicked.connect(self._on_show_problems_triggered)
        self.start_page = StartPage(self)
        self.start_page.new_requested.connect(self._on_start_page_new_requested)
        self.start_page.open_requested.connect(self._on_open_triggered)
        self.start_page.recent_chosen.connect(self.open_path)
        self.start_page.connect_requested.connect(self._on_connect_triggered)
        self.central = QStackedWidget(self)
        self.central.addWidget(self.start_page)
        self.setCentralWidget(self.central)
        self.problems_dock = QDockWidget(_tr("Problems"), self)
        self.problems_dock.setObjectName("problemsDock")
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.problems_dock)
        self.problems_dock.hide()
        self.optimiser = OptimiseController(self)
        self.team = TeamController(self.settings, self)
        self.team.plan_opened.connect(self.set_store)
        self.team.failed.connect(self._on_failed)
        self.team.messaged.connect(self.status.show_message)
        self.review = ReviewController(self)
        # In team mode, others' changes are fetched every few seconds (one small query).
        self._refresh_timer = QTimer(self, interval=TEAM_REFRESH_MS)
        self._refresh_timer.timeout.connect(self._on_refresh_timer_timeout)
        self._restore_state()
        self._update_title()
        self._enable_plan_actions(False)
        self.start_page.set_recent(self.settings.recent_plans())

    # --- the open plan ---------------------------------------------------------------------------

    def set_store(self, store: PlanStore) -> bool:
        """Show ``store``'s plan, closing the one that was open.

        False, and ``store`` closed, when the planner keeps the open plan instead (it
        was never saved and they chose Cancel).
        """
        if not self.may_close_document():
            store.close()
            return False
        self.close_document()
        self.set_document(PlanDocument(store, self))
        return True

    def may_close_document(self) -> bool:
        """Ask Save / Discard / Cancel before work that was never saved is closed.

        Only an untitled plan can lose anything: a plan file saves every edit as it is
        made. Stress, trade-off and simulation answers live in the window, so they
        count as work too. True when closing may go ahead (saved, or discarded).
        """
        document = self.document
        if document is None or not document.store.is_untitled:
            return True
        analyses = self.workspace is not None and self.workspace.has_analysis_results()
        if not (document.store.has_unsaved_work or analyses):
            return True
        choice = unsaved_plans.ask_to_save(self, document.store.title)
        if choice is unsaved_plans.Choice.SAVE:
            return self.files.save_as()
        return choice is unsaved_plans.Choice.DISCARD

    def offer_recovery(self) -> bool:
        """At start: offer the unsaved plans a crashed Procure left, newest first.

        Recovered, a plan opens untitled as it was at its last change; discarded, its
        folder is removed; "Not now" keeps it for the next start. True if one opened.
        """
        for orphan in unsaved_plans.orphans():
            try:
                store = PlanStore.recover(orphan.folder)
            except (ProcureError, OSError) as exc:
                self.status.show_message(str(exc))
                continue
            answer = unsaved_plans.ask_to_recover(self, orphan, store.title)
            if answer:
                return self.set_store(store)
            store.close_keeping_file()
            if answer is False:
                unsaved_plans.discard(orphan.folder)
        return False

    def set_document(self, document: PlanDocument) -> None:
        """Show ``document``, closing the plan that was open.

        ``document`` may come from :meth:`take_document` of a window being rebuilt (a new
        language): its undo history, current variant and latest result carry over.
        """
        if document is self.document:
            return
        self.close_document()
        document.setParent(self)
        store = document.store
        self.document = document
        self.workspace = Workspace(document, self.central)
        self.workspace.messaged.connect(self.status.show_message)
        self.workspace.failed.connect(self._on_failed)
        self.central.addWidget(self.workspace)
        self.central.setCurrentWidget(self.workspace)
        panel = ProblemsPanel(document, self.problems_dock)
        panel.problem_activated.connect(self._on_problems_panel_problem_activated)
        self.problems_dock.setWidget(panel)
        document.failed.connect(self._on_failed)
        document.messaged.connect(self.status.show_message)
        document.problems_changed.connect(self._on_document_problems_changed)
        document.changed.connect(self._on_document_changed)
        document.result_changed.connect(self._on_document_result_changed)
        document.variant_switched.connect(self._on_document_variant_switched)
        document.variants_changed.connect(self._on_document_variants_changed)
        document.saved.connect(self._on_document_saved)
        document.status_changed.connect(self._on_document_status_changed)
        self.workspace.result_view.all_relaxations_chosen.connect(
            self.optimiser.apply_relaxations)
        a = self.actions_
        a.undo = document.undo_group.createUndoAction(self, _tr("&Undo"))
        a.undo.setShortcuts(QKeySequence.StandardKey.Undo)
        a.undo.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_ArrowBack))
        a.undo.setIconText(_tr("Undo"))  # the tool bar stays put; the menu names the step
        a.redo = document.undo_group.createRedoAction(self, _tr("&Redo"))
        a.redo.setShortcuts(QKeySequence.StandardKey.Redo)
        a.redo.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_ArrowForward))
        a.redo.setIconText(_tr("Redo"))
        fill_edit_menu(a)
        self.tool_bar.insertActions(a.optimise, [a.undo, a.redo])
        self.variants.set_document(document)
        self._enable_plan_actions(True)
        self._on_document_problems_changed()
        self._on_document_result_changed()
        self._update_title()
        if store.path is not None:
            self.settings.add_recent_plan(store.path)
        if store.read_only:
            self.status.show_message(store.read_only_reason or _tr("This plan is read-only."))
        freeze_long_lived()
        if store.is_server:
            self._refresh_timer.start()

    def close_document(self) -> None:
        """Close the open plan (a running solve is cancelled) and show the start page."""
        document = self._detach_document()
        if document is not None:
            document.close()
            document.deleteLater()

    def take_document(self) -> PlanDocument | None:
        """Hand the open plan over without closing it (the window is being rebuilt).

        The document leaves with its undo history, variant and result, and no longer
        belongs to this window; give it to the new window's :meth:`set_document`.
        """
        document = self._detach_document()
        if document is not None:
            document.setParent(None)
        return document

    def _detach_document(self) -> PlanDocument | None:
        """Take the open plan out of the window and show the start page; the caller
        decides whether the document is closed or handed on."""
        if self.document is None:
            return None
        self.optimiser.cancel()
        self._refresh_timer.stop()
        a = self.actions_
        for action in (a.undo, a.redo):
            if action is not None:
                self.tool_bar.removeAction(action)
                action.deleteLater()
        a.undo = a.redo = None
        fill_edit_menu(a)
        self.variants.set_document(None)
        old_dock = self.problems_dock.widget()
        self.problems_dock.setWidget(QWidget())
        if old_dock is not None:
            old_dock.deleteLater()
        if self.workspace is not None:
            self.workspace.cancel_analyses()
            self.central.removeWidget(self.workspace)
            self.workspace.deleteLater()
        document, self.document, self.workspace = self.document, None, None
        document.detach_views()  # the old views are deleted later; they must hear nothing
        self.central.setCurrentWidget(self.start_page)
        self.start_page.set_recent(self.settings.recent_plans())
        self.problems_dock.hide()
        self._enable_plan_actions(False)
        self.status.show_problem_count(0)
        self._update_title()
        QTimer.singleShot(0, release_memory)  # once Qt has deleted the closed plan's widgets
        return document

    def take_store(self) -> PlanStore | None:
        """Detach the open plan's store without closing it (its undo history is dropped;
        :meth:`take_document` keeps it)."""
        document = self.take_document()
        if document is None:
            return None
        document.deleteLater()
        return document.store

    def open_path(self, path: Path) -> bool:
        """Open a plan file, or import a scenario or workbook (errors shown, never raised)."""
        return self.files.open_path(Path(path))

    def _enable_plan_actions(self, enabled: bool) -> None:
        for action in self.actions_.plan_only:
            action.setEnabled(enabled)
        self.variants.setEnabled(enabled)
        self.review.update()  # the review steps follow the plan's status, not just "open"

    def _update_title(self) -> None:
        if self.document is None:
            self.setWindowTitle("Procure")
            return
        store = self.document.store
        where = _tr("not saved yet") if store.is_untitled else store.location
        variant = self.document.variant
        title = store.title + (f" — {variant}" if variant else "")
        if self.document.status is not PlanStatus.DRAFT:
            title += f" [{status_name(self.document.status)}]"
        self.setWindowTitle(f"{title} ({where}) — Procure")

    # --- document signals ------------------------------------------------------------------------

    def _on_failed(self, exc: object) -> None:
        show_error(self, exc)  # type: ignore[arg-type]

    def _on_document_problems_changed(self) -> None:
        n = len(self.document.problems) if self.document else 0
        self.status.show_problem_count(n)

    def _on_document_changed(self, changes: object) -> None:
        self._update_title()
        if self.document is not None and self.workspace is not None \
                and getattr(changes, "results", False):
            self.workspace.result_view.set_stale(self.document.is_stale)

    def _on_document_result_changed(self) -> None:
        self.optimiser.show_current_result()

    def _on_document_variant_switched(self, _name: str) -> None:
        self._update_title()

    def _on_document_variants_changed(self) -> None:
        self.variants.reload()

    def _on_document_status_changed(self) -> None:
        self._update_title()
        self.review.update()

    def _on_document_saved(self) -> None:
        self._update_title()
        if self.document is not None and self.document.store.path is not None:
            self.settings.add_recent_plan(self.document.store.path)
            self.status.show_message(_tr("Saved to {path}.").format(
                path=self.document.store.path))

    def _on_refresh_timer_timeout(self) -> None:
        if self.document is not None and not QApplication.activeModalWidget():
            self.document.refresh()

    def _on_problems_panel_problem_activated(self, parts: object) -> None:
        if self.workspace is not None and not self.workspace.reveal(parts):  # type: ignore[arg-type]
            self.status.show_message(_tr("That problem has no cell to show."))

    # --- file actions ----------------------------------------------------------------------------

    def _on_start_page_new_requested(self, path: object) -> None:
        self.files.new_from(Path(str(path)))

    def _on_open_triggered(self) -> None:
        self.files.ask_and_open()

    def _on_save_as_triggered(self) -> None:
        self.files.save_as()

    def _on_close_plan_triggered(self) -> None:
        if self.may_close_document():
            self.close_document()

    def export(self, kind: ExportKind) -> None:
        self.files.export(kind)

    # --- edit actions ----------------------------------------------------------------------------

    def _focused_table(self) -> TableView | None:
        widget = self.focusWidget()
        while widget is not None and not isinstance(widget, TableView):
            widget = widget.parentWidget()
        return widget

    def _on_copy_triggered(self) -> None:
        table = self._focused_table()
        if table is not None:
            table.copy_selection()

    def _on_paste_triggered(self) -> None:
        table = self._focused_table()
        if table is not None:
            table.paste()

    def _on_clear_triggered(self) -> None:
        table = self._focused_table()
        if table is not None:
            table.clear_selection()

    def _on_settings_triggered(self) -> None:
        dialog = SettingsDialog(self.settings, self)
        dialog.settings_changed.connect(self._on_settings_dialog_settings_changed)
        dialog.open()

    def _on_settings_dialog_settings_changed(self) -> None:
        from ui.app import apply_settings

        apply_settings(self.settings, rebuild=self)

    # --- plan actions ----------------------------------------------------------------------------

    def _on_optimise_triggered(self) -> None:
        self.optimiser.optimise()

    def _on_cancel_triggered(self) -> None:
        self.optimiser.cancel()

    def _on_new_variant_triggered(self) -> None:
        self.variants.ask_new_variant()

    def _on_show_problems_triggered(self) -> None:
        self.problems_dock.show()
        self.problems_dock.raise_()

    def _on_audit_log_triggered(self) -> None:
        if self.document is not None:
            self.team.show_audit_log(self.document.store)

    def _on_connect_triggered(self) -> None:
        self.team.connect_to_server()

    def _on_copy_to_server_triggered(self) -> None:
        if self.document is not None:
            self.team.copy_to_server(self.document.store)

    def _on_submit_for_review_triggered(self) -> None:
        self.review.submit_for_review()

    def _on_approve_triggered(self) -> None:
        self.review.approve()

    def _on_back_to_draft_triggered(self) -> None:
        self.review.back_to_draft()

    def _on_new_revision_triggered(self) -> None:
        self.review.new_revision()

    def _on_about_triggered(self) -> None:
        AboutDialog(self).open()

    def _on_user_guide_triggered(self) -> None:
        """F1: the guide in a window of its own, which works with no desktop launcher."""
        from ui.views.help_window import HelpWindow

        window = self.findChild(HelpWindow)
        if window is None:
            window = HelpWindow(self)
        window.show()
        window.raise_()

    def show_result_page(self) -> None:
        if self.workspace is not None:
            self.workspace.show_page(RESULT)

    # --- window ----------------------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        if any(Path(u.toLocalFile()).suffix.lower() in OPENABLE for u in urls):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        for url in event.mimeData().urls():
            path = Path(url.toLocalFile())
            if path.suffix.lower() in OPENABLE:
                event.acceptProposedAction()
                self.open_path(path)
                return

    def _restore_state(self) -> None:
        geometry, state = self.settings.window_state()
        if geometry:
            self.restoreGeometry(geometry)
        if state:
            self.restoreState(state)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.may_close_document():
            event.ignore()
            return
        self.settings.save_window_state(self.saveGeometry().data(), self.saveState().data())
        self.close_document()
        self.optimiser.wait_for_done(5000)
        super().closeEvent(event)

    def language(self) -> str:
        return i18n.prose_language(self.settings.language)
