"""The Scenarios page: what-if variants of the plan, stress tests, trade-offs, Monte Carlo.

What-ifs are stored with the plan (``x.procure.variants`` of the current scenario):
adding, editing or deleting one is an ordinary edit, undoable and saved at once.
Each analysis runs in the background with progress and Cancel; its numbers come
from the core (:mod:`procure.analysis`) and can be exported to Excel or a memo.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from procure.analysis import (
    TEMPLATES,
    Variant,
    drop_variant,
    free_name,
    put_variant,
    variants_of,
)
from procure.domain.edits import SetField
from procure.domain.model import Scenario
from procure.domain.result import Result
from procure.errors import ProcureError
from ui import i18n
from ui.document import PlanDocument
from ui.file_dialogs import FileDialogs
from ui.i18n import tr as _tr
from ui.models.variant_list_model import VariantListModel
from ui.qt_compat import emit
from ui.views.scenarios.hedge_panel import HedgePanel
from ui.views.scenarios.simulation_panel import SimulationPanel
from ui.views.scenarios.stress_panel import StressPanel
from ui.views.scenarios.sweep_panel import SweepPanel
from ui.views.scenarios.variant_dialog import VariantDialog, template_title
from ui.workers import JobRunner

STRESS, SWEEP, SIMULATION = range(3)


def export_workbook_job(path: Path, analyses: dict[str, Any]) -> Any:
    def job(_progress: Any, _should_stop: Any) -> Path:
        from procure.exports.analysis_sheets import write_analysis_workbook

        write_analysis_workbook(path, **analyses)
        return path

    return job


def export_memo_job(scenario: Scenario, result: Result, path: Path, outcomes: Any,
                    lang: str, plan: str, solved_at: dt.datetime | None = None) -> Any:
    def job(_progress: Any, _should_stop: Any) -> Path:
        from procure.analysis import memo_variants
        from procure.exports import write_memo

        write_memo(scenario, result, path, language=lang,  # type: ignore[arg-type]
                   variants=memo_variants(outcomes), plan=plan, solved_at=solved_at)
        return path

    return job


class ScenariosView(QWidget):
    """What-ifs on top, the three analyses below.

    Signals
    -------
    messaged(str)
        A note for the status bar.
    failed(object)
        An error to show in a dialog.
    """

    messaged = Signal(str)
    failed = Signal(object)

    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self._dirty = False
        self.model = VariantListModel(self)
        self.list = QTableView(self)
        self.list.setObjectName("variantList")
        self.list.setModel(self.model)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setAlternatingRowColors(True)
        self.list.verticalHeader().hide()
        header = self.list.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.list.doubleClicked.connect(self._on_list_double_clicked)
        self.list.selectionModel().selectionChanged.connect(self._update_buttons)
        self.new_button = QToolButton(self)
        self.new_button.setObjectName("newWhatIf")
        self.new_button.setText(_tr("New what-if"))
        self.new_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.new_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.new_button)
        for kind in TEMPLATES:
            action = menu.addAction(template_title(kind) + "…")
            action.triggered.connect(functools.partial(self.new_variant, kind))
        menu.addSeparator()
        menu.addAction(_tr("Changes only…")).triggered.connect(
            functools.partial(self.new_variant, ""))
        self.new_button.setMenu(menu)
        self.edit_button = QPushButton(_tr("Edit…"), self)
        self.edit_button.clicked.connect(self.edit_selected)
        self.copy_button = QPushButton(_tr("Duplicate"), self)
        self.copy_button.clicked.connect(self.duplicate_selected)
        self.delete_button = QPushButton(_tr("Delete"), self)
        self.delete_button.clicked.connect(self.delete_selected)
        self.excel_button = QPushButton(_tr("Export to Excel…"), self)
        self.excel_button.setObjectName("exportAnalysisXlsx")
        self.excel_button.clicked.connect(self.export_workbook)
        self.memo_button = QPushButton(_tr("Memo with comparison…"), self)
        self.memo_button.setObjectName("exportAnalysisMemo")
        self.memo_button.clicked.connect(self.export_memo)
        delete = QAction(self.list)
        delete.setShortcuts([QKeySequence(QKeySequence.StandardKey.Delete)])
        delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete.triggered.connect(self.delete_selected)
        self.list.addAction(delete)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.copy_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.excel_button)
        buttons.addWidget(self.memo_button)
        intro = QLabel(_tr(
            "What-ifs are shocks and changes to this plan, stored with it. Select some and run "
            "a stress test to see what each would cost, with hindsight (re-plan) and with the "
            "orders already placed (hold)."), self)
        intro.setWordWrap(True)
        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(intro)
        top_layout.addLayout(buttons)
        top_layout.addWidget(self.list, 1)
        self.stress = StressPanel(self._stress_inputs, self)
        self.sweep = SweepPanel(self._plan_inputs, self)
        self.simulation = SimulationPanel(self._plan_inputs, self)
        self.hedge = HedgePanel(self._hedge_inputs, self.document.push, self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.stress, _tr("Stress test"))
        self.tabs.addTab(self.sweep, _tr("Trade-off"))
        self.tabs.addTab(self.simulation, _tr("Monte Carlo"))
        self.tabs.addTab(self.hedge, _tr("Hedge"))
        for panel in self.panels:
            panel.failed.connect(self.failed)
            panel.messaged.connect(self.messaged)
            panel.done.connect(self._update_buttons)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(top)
        splitter.addWidget(self.tabs)
        splitter.setSizes([200, 600])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(splitter)
        self.export_runner = JobRunner(self)
        self.export_runner.finished.connect(self._on_export_runner_finished)
        self.export_runner.failed.connect(self.failed)
        document.changed.connect(self._on_document_changed)
        document.variant_switched.connect(self._on_document_variant_switched)
        self.reload()

    @property
    def panels(self) -> tuple[StressPanel, SweepPanel, SimulationPanel, HedgePanel]:
        return (self.stress, self.sweep, self.simulation, self.hedge)

    # --- inputs of the analyses ------------------------------------------------------------

    def _fresh_result(self) -> Result | None:
        """The plan's result when it still describes the inputs (else the job solves)."""
        run = self.document.latest_run
        if run is None or self.document.is_stale:
            return None
        return run.result

    def _plan_inputs(self) -> tuple[Scenario, Result | None]:
        return self.document.scenario, self._fresh_result()

    def _hedge_inputs(self) -> tuple[Scenario, Sequence[Variant]]:
        return self.document.scenario, self.model.rows()

    def _stress_inputs(self) -> tuple[Scenario, Result | None, Sequence[Variant]]:
        chosen = self.selected_variants()
        return self.document.scenario, self._fresh_result(), chosen or self.model.rows()

    # --- the list of what-ifs ----------------------------------------------------------------

    def reload(self) -> None:
        self._dirty = False
        scenario = self.document.scenario
        try:
            variants = variants_of(scenario)
        except ProcureError as exc:
            variants = ()
            emit(self.messaged, _tr("The stored what-ifs cannot be read: {error}").format(
                error=exc.message.splitlines()[0]))
        selected = {v.name for v in self.selected_variants()}
        self.model.set_rows(variants)
        selection = self.list.selectionModel()
        for row, variant in enumerate(variants):
            if variant.name in selected:
                selection.select(self.model.index(row, 0),
                                 selection.SelectionFlag.Select | selection.SelectionFlag.Rows)
        self.sweep.load(scenario)
        self.simulation.load(scenario)
        self.hedge.load(scenario, variants)
        self._update_buttons()

    def selected_variants(self) -> list[Variant]:
        rows = sorted({i.row() for i in self.list.selectionModel().selectedRows()})
        return [self.model.row_at(r) for r in rows if r < self.model.rowCount()]

    def _update_buttons(self) -> None:
        chosen = len(self.selected_variants())
        editable = not self.document.read_only
        self.new_button.setEnabled(editable)
        self.edit_button.setEnabled(editable and chosen == 1)
        self.copy_button.setEnabled(editable and chosen == 1)
        self.delete_button.setEnabled(editable and chosen >= 1)
        self.excel_button.setEnabled(any(p.outcome is not None for p in self.panels
                                           if p is not self.hedge))
        self.memo_button.setEnabled(self.stress.outcome is not None)

    def _store(self, scenario: Scenario, text: str) -> bool:
        """Save the what-ifs of ``scenario`` as one undoable edit."""
        return self.document.push(SetField(("x",), scenario.x), text)

    def new_variant(self, template: str = "") -> VariantDialog:
        """Open the form of a new what-if (``template``: a shock kind, "" for changes only)."""
        dialog = VariantDialog(self.document.scenario, template=template, parent=self)
        dialog.accepted.connect(lambda: self._on_dialog_accepted(dialog, None))
        dialog.open()
        return dialog

    def edit_selected(self) -> VariantDialog | None:
        chosen = self.selected_variants()
        if len(chosen) != 1:
            return None
        dialog = VariantDialog(self.document.scenario, chosen[0], parent=self)
        dialog.accepted.connect(lambda: self._on_dialog_accepted(dialog, chosen[0].name))
        dialog.open()
        return dialog

    def _on_dialog_accepted(self, dialog: VariantDialog, old: str | None) -> None:
        if dialog.scenario is None or dialog.variant is None:
            return
        name = dialog.variant.name
        text = (_tr("Add what-if \u201c{name}\u201d") if old is None else
                _tr("Edit what-if \u201c{name}\u201d")).format(name=name)
        if self._store(dialog.scenario, text):
            self.select(name)

    def _on_list_double_clicked(self) -> None:
        if not self.document.read_only:
            self.edit_selected()

    def duplicate_selected(self) -> bool:
        chosen = self.selected_variants()
        if len(chosen) != 1:
            return False
        scenario = self.document.scenario
        copy = Variant(free_name(scenario, chosen[0].name), chosen[0].overrides,
                       chosen[0].stress, chosen[0].event, chosen[0].description)
        try:
            updated = put_variant(scenario, copy)
        except ProcureError as exc:
            emit(self.failed, exc)
            return False
        if self._store(updated, _tr("Duplicate what-if \u201c{name}\u201d").format(
                name=chosen[0].name)):
            self.select(copy.name)
            return True
        return False

    def delete_selected(self, confirm: bool = True) -> bool:
        chosen = self.selected_variants()
        if not chosen or self.document.read_only:
            return False
        names = [v.name for v in chosen]
        if confirm:
            answer = QMessageBox.question(
                self, _tr("Delete what-ifs"),
                _tr("Delete {names}? You can undo this.").format(
                    names=", ".join(f"\u201c{n}\u201d" for n in names)))
            if answer != QMessageBox.StandardButton.Yes:
                return False
        scenario = self.document.scenario
        for name in names:
            scenario = drop_variant(scenario, name)
        text = (_tr("Delete what-if \u201c{name}\u201d").format(name=names[0])
                if len(names) == 1 else _tr("Delete {n} what-ifs").format(n=len(names)))
        return self._store(scenario, text)

    def select(self, name: str) -> None:
        self.list.clearSelection()
        for row, variant_name in enumerate(self.model.names()):
            if variant_name == name:
                self.list.selectRow(row)

    # --- document signals ----------------------------------------------------------------------

    def _on_document_changed(self, changes: object) -> None:
        edit = getattr(changes, "edit", None)
        only_whatifs = isinstance(edit, SetField) and tuple(edit.path) == ("x",)
        if self._is_current():
            self.reload()
        else:  # typing in another page's grid: catch up when this page is shown
            self._dirty = True
        for panel in self.panels:
            if panel is self.stress or not only_whatifs:
                panel.mark_stale()

    def _is_current(self) -> bool:
        stack = self.parentWidget()
        return not isinstance(stack, QStackedWidget) or stack.currentWidget() is self

    def catch_up(self) -> None:
        """Reload what changed while another page was shown (the workspace calls this)."""
        if self._dirty:
            self.reload()

    def _on_document_variant_switched(self, _name: str) -> None:
        for panel in self.panels:
            panel.cancel()
            panel.clear()
        self.reload()

    # --- exports -------------------------------------------------------------------------------

    def export_workbook(self, path: Path | None = None) -> bool:
        analyses = {"comparison": self.stress.outcome.comparison if self.stress.outcome else None,
                    "sweep": self.sweep.outcome, "simulation": self.simulation.outcome}
        if not any(analyses.values()):
            emit(self.messaged, _tr("Run an analysis first."))
            return False
        path = path or FileDialogs.ask_export(
            self, _tr("Export the analyses"), f"{self.document.store.title} - analysis.xlsx",
            _tr("Excel workbooks (*.xlsx)"))
        if path is None:
            return False
        self.export_runner.start(export_workbook_job(Path(path), analyses))
        return True

    def export_memo(self, path: Path | None = None) -> bool:
        outcome = self.stress.outcome
        if outcome is None or not outcome.outcomes:
            emit(self.messaged, _tr("Run a stress test first."))
            return False
        base = outcome.outcomes[0].base.result
        if base is None or not base.status.has_plan:
            emit(self.failed, ProcureError(_tr("The base plan has no solution to write up.")))
            return False
        path = path or FileDialogs.ask_export(
            self, _tr("Write the memo"), f"{self.document.store.title} - stress memo.pdf",
            _tr("PDF documents (*.pdf)"))
        if path is None:
            return False
        case = outcome.outcomes[0].case
        scenario = case.base if case is not None else self.document.scenario
        # When the base plan was solved: the stored result's time, or now (solved for the
        # stress test), so the memo's appendix never says "Solved: -".
        run = self.document.latest_run
        solved_at = (run.info.computed_at if run is not None and run.result is base
                     else dt.datetime.now().astimezone())
        self.export_runner.start(export_memo_job(
            scenario, base, Path(path), outcome.outcomes,
            i18n.current_prose_language(), self.document.store.title, solved_at))
        return True

    def _on_export_runner_finished(self, path: object, _context: object) -> None:
        emit(self.messaged, _tr("Exported to {path}.").format(path=path))

    def cancel(self) -> None:
        """Stop every running analysis (the plan is closing)."""
        for panel in self.panels:
            panel.cancel()
        self.export_runner.cancel()

    def wait_for_done(self, msecs: int = 30_000) -> bool:
        return all(p.wait_for_done(msecs) for p in self.panels) and \
            self.export_runner.wait_for_done(msecs)
