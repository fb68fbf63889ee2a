"""What the three analysis tabs share: a Run button, progress with Cancel, a stale note.

Each tab hands a plain function of the core to :meth:`AnalysisPanel.start`; it runs on
the panel's own :class:`~ui.workers.JobRunner`, so a sweep can run while the plan is
being optimised, and pressing Run again supersedes the running analysis.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from ui.i18n import tr as _tr
from ui.qt_compat import emit
from ui.workers import Job, JobRunner


def progress_text(message: str) -> str:
    """The core's progress message in the planner's language ("Solved 3 of 14 points")."""
    counted = (
        (r"Solved (\d+) of (\d+) stressed plans", _tr("Solved {done} of {total} stressed plans")),
        (r"Solved (\d+) of (\d+) points", _tr("Solved {done} of {total} points")),
        (r"Simulated (\d+) of (\d+) futures", _tr("Simulated {done} of {total} futures")),
    )
    for pattern, text in counted:
        if m := re.fullmatch(pattern, message):
            return text.format(done=m[1], total=m[2])
    fixed = {"Solving the base plan": _tr("Solving the base plan"),
             "Solving the current plan": _tr("Solving the current plan"),
             "Summarising": _tr("Summarising")}
    return fixed.get(message) or QCoreApplication.translate("Progress", message)


class AnalysisPanel(QWidget):
    """Base of the Stress test, Trade-off and Monte Carlo tabs.

    Signals
    -------
    failed(object)
        The analysis raised (the window shows the error).
    messaged(str)
        A note for the status bar.
    done()
        An analysis finished and is shown (tests wait for it).
    """

    failed = Signal(object)
    messaged = Signal(str)
    done = Signal()
    outcome: Any = None  # what the last run returned, as shown; None before a run

    def __init__(self, run_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = JobRunner(self)
        self.run_button = QPushButton(run_text, self)
        self.run_button.setObjectName("runAnalysis")
        self.run_button.setDefault(True)
        self.run_button.clicked.connect(self.run)
        self.cancel_button = QPushButton(_tr("Cancel"), self)
        self.cancel_button.setObjectName("cancelAnalysis")
        self.cancel_button.clicked.connect(self.runner.cancel)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 100)
        self.progress.setMaximumWidth(240)
        self.progress_label = QLabel(self)
        self.stale_label = QLabel(_tr("The plan has changed since this analysis ran; run it "
                                      "again to update it."), self)
        self.stale_label.setObjectName("analysisStale")
        self.stale_label.setStyleSheet("color: #C55A11;")
        self.stale_label.setWordWrap(True)
        self.stale_label.hide()
        self.run_bar = QHBoxLayout()
        self.run_bar.addWidget(self.run_button)
        self.run_bar.addWidget(self.cancel_button)
        self.run_bar.addWidget(self.progress)
        self.run_bar.addWidget(self.progress_label, 1)
        self.runner.busy_changed.connect(self._on_runner_busy_changed)
        self.runner.progressed.connect(self._on_runner_progressed)
        self.runner.finished.connect(self._on_runner_finished)
        self.runner.failed.connect(self._on_runner_failed)
        self.runner.cancelled.connect(self._on_runner_cancelled)
        self._on_runner_busy_changed(False)

    # --- subclasses ----------------------------------------------------------------------------

    def run(self) -> None:
        """Read the form and :meth:`start` the analysis."""
        raise NotImplementedError

    def show_outcome(self, outcome: Any, context: Any) -> None:
        """Show what the job returned, and keep it as :attr:`outcome`."""
        raise NotImplementedError

    # --- running -------------------------------------------------------------------------------

    def start(self, job: Job, context: Any = None) -> None:
        self.stale_label.hide()
        self.runner.start(job, context)

    def cancel(self) -> None:
        self.runner.cancel()

    def mark_stale(self) -> None:
        """The plan changed: what is shown no longer describes it."""
        if self.outcome is not None:
            self.stale_label.show()

    def _on_runner_busy_changed(self, busy: bool) -> None:
        self.run_button.setEnabled(not busy)
        self.cancel_button.setVisible(busy)
        self.progress.setVisible(busy)
        if busy:
            self.progress.setRange(0, 0)
            self.progress_label.setText(_tr("Working…"))

    def _on_runner_progressed(self, percent: int, message: str) -> None:
        self.progress.setRange(0, 100)
        self.progress.setValue(percent)
        self.progress_label.setText(progress_text(message))

    def _on_runner_finished(self, outcome: object, context: object) -> None:
        self.progress_label.clear()
        self.show_outcome(outcome, context)
        emit(self.done)

    def _on_runner_failed(self, exc: object) -> None:
        self.progress_label.clear()
        emit(self.failed, exc)

    def _on_runner_cancelled(self) -> None:
        self.progress_label.setText(_tr("Cancelled."))

    def wait_for_done(self, msecs: int = 30_000) -> bool:
        return self.runner.wait_for_done(msecs)
