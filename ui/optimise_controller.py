"""Optimising the current variant: F5, progress, cancel, results, relaxations.

The solve runs on a :class:`~ui.workers.JobRunner`; pressing F5 again supersedes a
running solve. A finished result is stored with the variant and the scenario it
was computed from, so the result view can tell when it has become stale.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Signal

from procure.domain.edits import EditGroup
from procure.domain.model import Scenario
from procure.domain.result import Relaxation, Result
from procure.errors import Cancelled, ProcureError
from ui.i18n import tr as _tr
from ui.memory import freeze_long_lived, hold_full_collections, resume_full_collections
from ui.qt_compat import emit
from ui.result_summary import ResultSummary, relaxation_text, summarise
from ui.workers import JobRunner

if TYPE_CHECKING:
    from ui.main_window import MainWindow

TIME_LIMIT_S = 600.0  # a long solve ends with the best plan found (or a clear status)
STATUS_NAMES = {
    "optimal": QT_TRANSLATE_NOOP("Status", "optimal"),
    "feasible": QT_TRANSLATE_NOOP("Status", "feasible (time limit)"),
    "infeasible": QT_TRANSLATE_NOOP("Status", "infeasible"),
    "time_limit": QT_TRANSLATE_NOOP("Status", "time limit reached"),
    "error": QT_TRANSLATE_NOOP("Status", "error"),
}


def status_name(status: str) -> str:
    """A solve status in the planner's language."""
    return QCoreApplication.translate("Status", STATUS_NAMES.get(status, status))

def solve_job(scenario: Scenario, lang: str = "en",
              save: Callable[[Result], Any] | None = None) -> Any:
    """The worker's job: the core's ``solve`` with progress and cancel, then what the GUI
    thread would otherwise pause for: the result view's summary, and storing the result
    (``save``; its return value comes back with the result)."""

    def job(progress: Any, should_stop: Any) -> tuple[Result, ResultSummary | None, Any]:
        from procure.optimiser import SolveOptions, solve  # scipy loads on first solve only

        result = solve(scenario, SolveOptions(time_limit=TIME_LIMIT_S), progress=progress,
                       should_stop=should_stop)
        summary = summarise(result, scenario, lang)
        if should_stop():
            raise Cancelled()
        return result, summary, save(result) if save is not None else None

    return job


class OptimiseController(QObject):
    """Starts, cancels and receives solves for a window.

    Signals
    -------
    solved(object)
        A run finished and its result was stored (the result).
    """

    solved = Signal(object)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.runner = JobRunner(self)
        self.runner.progressed.connect(window.status.show_progress)
        self.runner.busy_changed.connect(self._on_runner_busy_changed)
        self.runner.finished.connect(self._on_runner_finished)
        self.runner.failed.connect(self._on_runner_failed)
        self.runner.cancelled.connect(self._on_runner_cancelled)
        self._summary: tuple[Result, ResultSummary | None] | None = None

    def optimise(self) -> bool:
        """Solve the current variant; refuses, pointing at the problems, if it is invalid."""
        document = self._window.document
        if document is None:
            return False
        problems = document.problems
        if problems:
            self._window._on_show_problems_triggered()
            self._window.status.show_message(
                _tr("Fix the {n} problems listed below before optimising.").format(n=len(problems)))
            return False
        scenario, variant, store = document.scenario, document.variant, document.store

        def save(result: Result) -> Any:
            return store.save_result(variant, scenario, result)

        self.runner.start(solve_job(scenario, self._window.language(), save),
                          (document, variant, scenario))
        return True

    def cancel(self) -> None:
        self.runner.cancel()

    def wait_for_done(self, msecs: int) -> bool:
        return self.runner.wait_for_done(msecs)

    def _on_runner_busy_changed(self, busy: bool) -> None:
        if busy:
            hold_full_collections()
        else:
            resume_full_collections()
        a = self._window.actions_
        a.cancel.setEnabled(busy)
        self._window.status.show_busy(busy)

    def _on_runner_finished(self, value: object, context: object) -> None:
        document, variant, scenario = context  # type: ignore[misc]
        if document is not self._window.document:
            return  # the plan was closed meanwhile
        result, summary, info = value  # type: ignore[misc]
        self._summary = (result, summary)
        document.record_result(variant, scenario, result, info)
        freeze_long_lived()  # the result lives as long as the plan
        self._window.status.show_message(_tr("Optimisation finished: {status}.").format(
            status=status_name(result.status.value)))
        if variant == document.variant:
            self._window.show_result_page()
        emit(self.solved, result)

    def _on_runner_failed(self, exc: object) -> None:
        self._window._on_failed(exc)

    def _on_runner_cancelled(self) -> None:
        self._window.status.show_message(_tr("Optimisation cancelled."))

    def show_current_result(self) -> None:
        """Put the current variant's latest result (or none) into the result view."""
        window = self._window
        document, workspace = window.document, window.workspace
        if document is None or workspace is None:
            return
        try:
            run = document.latest_run
            stale = document.is_stale
        except ProcureError as exc:
            window._on_failed(exc)
            return
        note = ""
        if run is not None:
            info = run.info
            note = _tr("{status} · computed {when} by {who}").format(
                status=status_name(info.status).capitalize(),
                when=info.computed_at.astimezone().strftime("%Y-%m-%d %H:%M"),
                who=info.computed_by)
        result = run.result if run else None
        cached = self._summary[1] if self._summary and self._summary[0] is result else None
        workspace.result_view.show_result(result, document.scenario, stale=stale, note=note,
                                          lang=window.language(), summary=cached)

    def apply_relaxations(self, relaxations: Sequence[Relaxation]) -> None:
        """Change the inputs as the diagnosis suggests (one undo step), then optimise again."""
        from procure.relaxation import relaxation_edits

        document = self._window.document
        if document is None or not relaxations:
            return
        try:
            edits = relaxation_edits(document.scenario, relaxations)
        except ProcureError as exc:
            self._window._on_failed(exc)
            return
        if len(relaxations) == 1:
            text = relaxation_text(relaxations[0], document.scenario, self._window.language())
        else:
            text = _tr("Apply {n} relaxations").format(n=len(relaxations))
        # A group, never merged with typing into the same cell: each apply is its own step.
        if document.push(EditGroup(tuple(edits), text), text):
            self.optimise()
