"""Why a plan is infeasible: the smallest combined change, and each limit alone.

Two answers, because a planner asks two questions. The combined set of relaxations
makes the plan feasible only when all of it is applied (one button applies it
all); applying one item of it alone usually leaves the plan infeasible. The single
levers answer "how much of this one limit, if I change nothing else?": each has
its own button, and the limits that cannot fix the plan alone say so.
"""

from __future__ import annotations

from collections.abc import Sequence

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
from procure.levers import Lever, levers_of
from procure.wording import Names, lever_sentence
from ui.i18n import tr as _tr
from ui.qt_compat import emit
from ui.result_summary import relaxation_text


class DiagnosisPanel(QWidget):
    """The diagnosis of an infeasible result.

    Signals
    -------
    all_relaxations_chosen(object)
        The planner asked to apply these relaxations together (a tuple): the whole
        combined set, or one limit's change that is enough alone.
    """

    all_relaxations_chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._relaxations: tuple[Relaxation, ...] = ()
        self.headline = QLabel(_tr("No purchase plan satisfies every limit at once."), self)
        self.headline.setObjectName("diagnosisHeadline")
        self.headline.setWordWrap(True)
        self.intro = QLabel(_tr("Relaxing these limits together would make the plan feasible; "
                                "one of them alone is usually not enough."), self)
        self.intro.setWordWrap(True)
        self.apply_all_button = QPushButton(_tr("Apply all and optimise"), self)
        self.apply_all_button.clicked.connect(self._on_apply_all_button_clicked)
        self._rows = QVBoxLayout()
        self._lever_rows = QVBoxLayout()
        self.levers_intro = QLabel(_tr("Or change one limit only, and nothing else:"), self)
        self.levers_intro.setObjectName("diagnosisLeversIntro")
        self.levers_intro.setWordWrap(True)
        holder = QWidget(self)
        inner = QVBoxLayout(holder)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addLayout(self._rows)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.apply_all_button)
        inner.addLayout(bottom)
        inner.addSpacing(12)
        inner.addWidget(self.levers_intro)
        inner.addLayout(self._lever_rows)
        inner.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(holder)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.intro)
        layout.addWidget(scroll, 1)
        self.relaxation_labels: list[QLabel] = []
        self.lever_labels: list[QLabel] = []
        self.buttons: list[QPushButton] = []  # one per limit that is enough alone

    def set_result(self, result: Result, scenario: Scenario | None = None,
                   lang: str = "en") -> None:
        """Show the diagnosis of ``result``, worded in ``lang`` (``en`` / ``zh``)."""
        for rows in (self._rows, self._lever_rows):
            while rows.count():
                item = rows.takeAt(0)
                widget = item.widget() if item is not None else None
                if widget is not None:
                    widget.deleteLater()
        self.relaxation_labels, self.lever_labels, self.buttons = [], [], []
        self._relaxations = tuple(result.diagnosis)
        for relaxation in self._relaxations:
            text = QLabel("• " + relaxation_text(relaxation, scenario, lang), self)
            text.setWordWrap(True)
            text.setToolTip(relaxation.constraint)
            self._rows.addWidget(text)
            self.relaxation_labels.append(text)
        if not self._relaxations:
            self._rows.addWidget(QLabel(_tr("No diagnosis was computed."), self))
        self.apply_all_button.setEnabled(bool(self._relaxations))
        levers = levers_of(result.x)
        names = Names.of(scenario) if scenario is not None else Names.from_data(
            (result.x or {}).get("names"))
        for lever in levers:
            self._lever_rows.addWidget(self._lever_row(lever, names, scenario, lang))
        self.levers_intro.setVisible(bool(levers))

    def _lever_row(self, lever: Lever, names: Names, scenario: Scenario | None,
                   lang: str) -> QFrame:
        row = QFrame(self)
        row.setFrameShape(QFrame.Shape.StyledPanel if lever.enough_alone
                          else QFrame.Shape.NoFrame)
        line = QHBoxLayout(row)
        text = QLabel(lever_sentence(lever.rows, lever.changes, names, lang=lang,
                                     scenario=scenario), row)
        text.setWordWrap(True)
        text.setToolTip(", ".join(lever.rows))
        line.addWidget(text, 1)
        self.lever_labels.append(text)
        if lever.enough_alone:
            button = QPushButton(_tr("Apply"), row)
            button.setToolTip(_tr("Change only this limit by this much, then optimise again"))
            button.clicked.connect(lambda _=False, c=lever.changes: self._choose(c))
            line.addWidget(button)
            self.buttons.append(button)
        else:
            text.setEnabled(False)  # shown greyed: nothing to apply
        return row

    def _choose(self, relaxations: Sequence[Relaxation]) -> None:
        emit(self.all_relaxations_chosen, tuple(relaxations))

    def _on_apply_all_button_clicked(self) -> None:
        self._choose(self._relaxations)
