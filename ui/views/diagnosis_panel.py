"""Why a plan is infeasible, and a button per suggested relaxation to apply it."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from procure.domain.model import Scenario
from procure.domain.result import Relaxation, Result
from ui.i18n import tr as _tr
from ui.qt_compat import emit
from ui.result_summary import relaxation_text


class DiagnosisPanel(QWidget):
    """The diagnosis of an infeasible result.

    Signals
    -------
    relaxation_chosen(object)
        The planner asked to apply one :class:`~procure.domain.result.Relaxation`.
    all_relaxations_chosen(object)
        The planner asked to apply every relaxation (a tuple).
    """

    relaxation_chosen = Signal(object)
    all_relaxations_chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._relaxations: tuple[Relaxation, ...] = ()
        self.headline = QLabel(_tr("No purchase plan satisfies every limit at once."), self)
        self.headline.setObjectName("diagnosisHeadline")
        self.headline.setWordWrap(True)
        self.intro = QLabel(_tr("Relaxing these limits together would make the plan feasible. "
                                "Apply one and optimise again, or apply them all."), self)
        self.intro.setWordWrap(True)
        self.apply_all_button = QPushButton(_tr("Apply all and optimise"), self)
        self.apply_all_button.clicked.connect(self._on_apply_all_button_clicked)
        self._rows = QVBoxLayout()
        holder = QWidget(self)
        holder.setLayout(self._rows)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(holder)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.intro)
        layout.addWidget(scroll, 1)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.apply_all_button)
        layout.addLayout(bottom)
        self.buttons: list[QPushButton] = []

    def set_result(self, result: Result, scenario: Scenario | None = None,
                   lang: str = "en") -> None:
        """Show the relaxations of ``result``, worded in ``lang`` (``en`` / ``zh``)."""
        while self._rows.count():
            item = self._rows.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.buttons = []
        self._relaxations = tuple(result.diagnosis)
        for relaxation in self._relaxations:
            row = QFrame(self)
            row.setFrameShape(QFrame.Shape.StyledPanel)
            line = QHBoxLayout(row)
            text = QLabel(relaxation_text(relaxation, scenario, lang), row)
            text.setWordWrap(True)
            text.setToolTip(relaxation.constraint)
            button = QPushButton(_tr("Apply"), row)
            button.setToolTip(_tr("Change the plan's inputs by this much, then optimise again"))
            button.clicked.connect(lambda _=False, r=relaxation: emit(self.relaxation_chosen, r))
            line.addWidget(text, 1)
            line.addWidget(button)
            self._rows.addWidget(row)
            self.buttons.append(button)
        if not self._relaxations:
            self._rows.addWidget(QLabel(_tr("No diagnosis was computed."), self))
        self._rows.addStretch(1)
        self.apply_all_button.setEnabled(bool(self._relaxations))

    def _on_apply_all_button_clicked(self) -> None:
        emit(self.all_relaxations_chosen, self._relaxations)

