"""Opening, creating, moving and exporting plans for the main window.

Everything that can fail here (a corrupt file, a missing folder) ends in
``show_error``: the window never raises to the planner.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QMenu

from procure.errors import ProcureError
from procure.provenance import stamp
from procure.resources import demo_plan_path, resource_path
from ui.errors import show_error
from ui.export_actions import ExportKind, export_job, memo_meta
from ui.file_dialogs import FileDialogs
from ui.i18n import tr as _tr
from ui.plan_store import PlanStore
from ui.workers import JobRunner

if TYPE_CHECKING:
    from ui.main_window import MainWindow


class PlanFiles(QObject):
    """File flows of one window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.export_runner = JobRunner(self)
        self.export_runner.finished.connect(self._on_export_runner_finished)
        self.export_runner.failed.connect(self._on_export_runner_failed)

    def new_empty(self) -> bool:
        return self.new_from(resource_path("templates", "empty-plan.json"))

    def new_demo(self) -> bool:
        return self.new_from(demo_plan_path())

    def fill_recent_menu(self, menu: QMenu | None) -> None:
        """File > Open Recent, rebuilt each time it opens (only files that still exist)."""
        if menu is None:
            return
        menu.clear()
        for path in self._window.settings.recent_plans():
            if path.exists():
                menu.addAction(path.name, lambda p=path: self.open_path(p))
        if menu.isEmpty():
            menu.addAction(_tr("No recent plans")).setEnabled(False)

    def new_from(self, scenario_path: Path | None) -> bool:
        """A new, untitled plan from a scenario file (a template or the demo)."""
        from procure.formats.scenario_json import read_scenario

        if scenario_path is None:
            show_error(self._window, ProcureError(_tr("The empty-plan template is missing.")))
            return False
        try:
            store = PlanStore.new(read_scenario(scenario_path))
        except (ProcureError, OSError) as exc:
            show_error(self._window, exc)
            return False
        if not self._window.set_store(store):
            return False
        self._window.status.show_message(
            _tr("New plan. Every change is saved as you make it; use Save As to choose where."))
        return True

    def ask_and_open(self) -> bool:
        path = FileDialogs.ask_open(self._window)
        return False if path is None else self.open_path(path)

    def open_path(self, path: Path) -> bool:
        try:
            store = PlanStore.open(path)
        except (ProcureError, OSError, ValueError) as exc:
            if isinstance(exc, OSError) and not isinstance(exc, FileNotFoundError):
                exc = ProcureError(_tr("{name} could not be opened: {why}").format(
                    name=path.name, why=exc.strerror or exc))
            show_error(self._window, exc)
            if not path.exists():
                self._window.settings.remove_recent_plan(path)
            return False
        if not self._window.set_store(store):
            return False
        if path.suffix.lower() != ".procure":
            self._window.status.show_message(
                _tr("Imported {name} as a new plan; use Save As to keep it.").format(
                    name=path.name))
        return True

    def save_as(self) -> bool:
        document = self._window.document
        if document is None:
            return False
        suggested = f"{document.store.title}.procure"
        path = FileDialogs.ask_save_plan(self._window, suggested)
        return False if path is None else document.save_as(path)

    def export(self, kind: ExportKind) -> bool:
        """Ask where, then write the export off the GUI thread."""
        window = self._window
        document = window.document
        if document is None:
            return False
        run = document.latest_run
        if kind.needs_result and run is None:
            window.status.show_message(_tr("Optimise the plan first (F5): this export needs a "
                                           "result."))
            return False
        if kind.needs_result and run is not None and document.is_stale:
            # Its inputs are not the ones the export would print beside it.
            show_error(window, ProcureError(_tr(
                "The result was computed before the latest changes to the plan, so it would "
                "be printed beside inputs it did not come from. Optimise again (F5), then "
                "export.")))
            return False
        stem = document.store.title + (f" - {document.variant}" if document.variant else "")
        title = QCoreApplication.translate("Exports", kind.label).rstrip("…")
        path = FileDialogs.ask_export(window, title, stem + kind.suffix,
                                      QCoreApplication.translate("Exports", kind.file_filter))
        if path is None:
            return False
        solved_at: dt.datetime | None = run.info.computed_at if run else None
        meta = memo_meta(kind, plan=document.store.title, solved_at=solved_at,
                         lang=window.language(), variants=self._variant_results(kind))
        # A result file says which inputs it came from (procure export-xlsx -r checks it).
        result = stamp(run.result, digest=run.info.scenario_hash) if run else None
        self.export_runner.start(export_job(kind, document.scenario, result, path, meta), path)
        window.status.show_message(_tr("Writing {name}…").format(name=path.name))
        return True

    def _variant_results(self, kind: ExportKind) -> list:
        """Other variants' fresh results, for the memo's comparison table."""
        document = self._window.document
        if document is None or kind.key != "pdf":
            return []
        out = []
        for name in document.store.variants():
            if name == document.variant or not name:
                continue
            run = document.store.latest_run(name)
            if run is not None and not run.stale and run.result.status.has_plan:
                out.append((name, run.result))
        return out

    def _on_export_runner_finished(self, path: object, _context: object) -> None:
        self._window.status.show_message(_tr("Exported to {path}.").format(path=path))

    def _on_export_runner_failed(self, exc: object) -> None:
        show_error(self._window, exc)  # type: ignore[arg-type]
