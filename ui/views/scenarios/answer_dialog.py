"""What one answer of a stress test buys: its purchase plan, chip by period.

A stress answer's plan is solved on the stressed scenario, where orders placed before
an event may sit on a *vintage copy* of a chip (``h20@2026Q2``, shown as "H20 (ordered
2026Q2)"); those rows are kept apart, since they are what was stranded, delayed or cut
short.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from procure.analysis.stress import Answer
from ui import formatting
from ui.i18n import tr as _tr
from ui.models.comparison_model import answer_name
from ui.models.purchase_plan_model import PurchasePlanModel
from ui.views.result_table import result_table


class AnswerDialog(QDialog):
    """The purchase plan of ``answer`` (of the what-if ``scenario``)."""

    def __init__(self, scenario: str, answer: Answer, currency: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("answerDialog")
        self.setWindowTitle(_tr("Purchase plan: {scenario} ({answer})").format(
            scenario=scenario, answer=answer_name(answer.kind)))
        self.resize(900, 480)
        parts = [_tr("Total cost {cost}").format(
            cost=formatting.money(answer.total_cost, currency))]
        if answer.shortfall_total > 0:
            parts.append(_tr("{share} of demand unmet").format(
                share=formatting.percent(answer.shortfall_share, 1)))
        if answer.stranded_spend > 0:
            parts.append(_tr("{spend} stranded").format(
                spend=formatting.money(answer.stranded_spend, currency)))
        if answer.cancelled_spend > 0:
            parts.append(_tr("{spend} of orders cancelled").format(
                spend=formatting.money(answer.cancelled_spend, currency)))
        summary = QLabel(" · ".join(parts), self)
        summary.setWordWrap(True)
        self.model = PurchasePlanModel(self)
        self.model.set_result(answer.result)
        table = result_table(self.model, self)  # rows are the chips
        note = QLabel(_tr("Units ordered per period. A row “… (ordered 2026Q2)” holds the "
                          "orders of that period that the shock reached: stranded, delayed "
                          "or cut short."), self)
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(table, 1)
        layout.addWidget(note)
        layout.addWidget(buttons)
