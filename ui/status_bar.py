"""The status bar: messages, the problem count, the plan's review status, and the
optimiser's progress with Cancel."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QStatusBar, QWidget

from ui.i18n import tr as _tr

MESSAGE_MS = 8000


class StatusBar(QStatusBar):
    """Status bar with a problems button and a progress bar that appears while solving."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.progress_label = QLabel(self)
        self.progress = QProgressBar(self)
        self.progress.setMaximumWidth(220)
        self.progress.setRange(0, 100)
        self.cancel_button = QPushButton(_tr("Cancel"), self)
        self.cancel_button.setToolTip(_tr("Stop the running optimisation (Esc)"))
        self.problems_button = QPushButton(self)
        self.problems_button.setFlat(True)
        self.problems_button.setToolTip(_tr("Show the list of problems"))
        for widget in (self.progress_label, self.progress, self.cancel_button):
            self.addPermanentWidget(widget)
            widget.hide()
        self.addPermanentWidget(self.problems_button)
        self.problems_button.hide()
        self.plan_status_label = QLabel(self)
        self.plan_status_label.setObjectName("planStatus")
        self.addPermanentWidget(self.plan_status_label)
        self.plan_status_label.hide()

    def show_message(self, text: str) -> None:
        self.showMessage(text, MESSAGE_MS)

    def show_plan_status(self, text: str, tip: str = "") -> None:
        """The open plan's review status, always in view; empty hides it (no plan open)."""
        self.plan_status_label.setText(text)
        self.plan_status_label.setToolTip(tip)
        self.plan_status_label.setVisible(bool(text))

    def show_problem_count(self, n: int) -> None:
        self.problems_button.setVisible(n > 0)
        self.problems_button.setText(_tr("⚠ {n} problems").format(n=n) if n != 1
                                     else _tr("⚠ 1 problem"))

    def show_busy(self, busy: bool) -> None:
        for widget in (self.progress_label, self.progress, self.cancel_button):
            widget.setVisible(busy)
        if busy:
            self.progress.setRange(0, 0)  # busy until the first progress report
            self.progress_label.setText(_tr("Optimising…"))

    def show_progress(self, percent: int, message: str) -> None:
        self.progress.setRange(0, 100)
        self.progress.setValue(percent)
        self.progress_label.setText(QCoreApplication.translate("Progress", message))


# The optimiser's progress messages, so that lupdate offers them for translation.
PROGRESS_MESSAGES = (
    QT_TRANSLATE_NOOP("Progress", "Building the model"),
    QT_TRANSLATE_NOOP("Progress", "Solving"),
    QT_TRANSLATE_NOOP("Progress", "Finding the smallest relaxations"),
    QT_TRANSLATE_NOOP("Progress", "Computing shadow prices"),
    QT_TRANSLATE_NOOP("Progress", "Reading the result"),
    QT_TRANSLATE_NOOP("Progress", "Done"),
)
