"""Hedge tab: one set of orders now that holds up in every chosen future.

The planner picks what-ifs and their probabilities (the base plan gets the rest), the
horizon up to which orders are common, and how cautious to be; the core
(:func:`~procure.analysis.hedge_plan.hedge_from_what_ifs`,
:func:`~procure.analysis.hedge.solve_hedge`) does the rest in the background.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSlider,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from procure.analysis import Variant
from procure.analysis.hedge import HedgeResult, solve_hedge
from procure.analysis.hedge_choice import adopt_orders, base_percent, order_rows
from procure.analysis.hedge_definition import Hedge
from procure.analysis.hedge_plan import hedge_from_what_ifs, suggested_decide_through
from procure.analysis.hedge_words import hedge_summary
from procure.analysis.stress import analysis_penalty
from procure.domain.model import Scenario
from procure.errors import ProcureError
from procure.wording import quantity
from ui import formatting, i18n
from ui.i18n import tr as _tr
from ui.models.purchase_plan_model import PurchasePlanModel
from ui.qt_compat import emit
from ui.views.charts.hedge_chart import HedgeChart
from ui.views.result_table import result_table
from ui.views.scenarios.analysis_panel import AnalysisPanel

Inputs = tuple[Scenario, Sequence[Variant]]


def hedge_job(base: Scenario, what_ifs: Sequence[tuple[str, float]], decide_through: str,
              cvar_weight: float, cvar_alpha: float | None, unmet_price: float | None) -> Any:
    def job(progress: Any, should_stop: Any) -> tuple[Hedge, HedgeResult]:
        hedge = hedge_from_what_ifs(base, what_ifs, decide_through=decide_through,
                                    cvar_weight=cvar_weight, cvar_alpha=cvar_alpha,
                                    unmet_demand_price=unmet_price)
        return hedge, solve_hedge(hedge, progress=progress, should_stop=should_stop)

    return job


def hedge_progress_text(message: str) -> str:
    """The hedge's progress message (see :func:`~procure.analysis.hedge.solve_hedge`) in
    the planner's language."""
    named = (
        (r"Solving '(.+)' on its own", _tr("Solving \u201c{a}\u201d on its own")),
        (r"Holding '(.+)''s orders in '(.+)'",
         _tr("Holding the orders of \u201c{a}\u201d in \u201c{b}\u201d")),
    )
    for pattern, text in named:
        if m := re.fullmatch(pattern, message):
            return text.format(a=m[1], b=m[2] if m.lastindex and m.lastindex > 1 else "")
    fixed = {"Building the hedged programme": _tr("Building the hedged programme"),
             "Solving the hedged programme": _tr("Solving the hedged programme"),
             "Finding which futures cannot be served together":
                 _tr("Finding which futures cannot be served together"),
             "Done": _tr("Done")}
    return fixed.get(message, message)


def _read_only(text: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    return item


class HedgePanel(AnalysisPanel):
    """Chooses and runs a hedge of the plan ``inputs()`` returns; offers to adopt it."""

    adopted = Signal()

    def __init__(self, inputs: Callable[[], Inputs], adopt: Callable[[Any, str], bool],
                 parent: QWidget | None = None) -> None:
        super().__init__(_tr("Run hedge"), parent)
        self._inputs = inputs
        self._adopt = adopt
        self.outcome: tuple[Hedge, HedgeResult] | None = None
        self.what_ifs = QTableWidget(0, 2, self)
        self.what_ifs.setObjectName("hedgeWhatIfs")
        self.what_ifs.setHorizontalHeaderLabels([_tr("What-if"), _tr("Probability (%)")])
        self.what_ifs.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents)
        self.what_ifs.horizontalHeader().setStretchLastSection(True)
        self.what_ifs.setMaximumHeight(140)
        self.base_label = QLabel(self)
        self.horizon = QComboBox(self)
        self.horizon.setToolTip(_tr("Orders up to and including this period are placed now, "
                                    "the same in every future"))
        self.risk = QSlider(Qt.Orientation.Horizontal, self)
        self.risk.setRange(0, 100)
        self.risk.setToolTip(_tr("Neutral: the cheapest on average. Cautious: weighs the "
                                 "worst futures (CVaR weight)"))
        self.alpha = QDoubleSpinBox(self)
        self.alpha.setRange(0.0, 0.99)
        self.alpha.setSingleStep(0.05)
        self.alpha.setValue(0.9)
        self.alpha.setToolTip(_tr("The worst futures are those beyond this share of "
                                  "probability (CVaR alpha)"))
        risk_row = QHBoxLayout()
        risk_row.addWidget(QLabel(_tr("Neutral"), self))
        risk_row.addWidget(self.risk, 1)
        risk_row.addWidget(QLabel(_tr("Cautious"), self))
        risk_row.addWidget(QLabel(_tr("alpha"), self))
        risk_row.addWidget(self.alpha)
        self.hard = QCheckBox(_tr("Demand must be met"), self)
        self.hard.setToolTip(_tr("Off: unmet demand is allowed at a high price and counted in "
                                 "the cost. On: a future that cannot be served makes the "
                                 "hedge infeasible."))
        risk_row.addWidget(self.hard)
        form = QFormLayout()
        form.addRow(_tr("Decide now through"), self.horizon)
        form.addRow(_tr("Risk attitude"), risk_row)
        self.orders = QTableWidget(0, 4, self)
        self.orders.setObjectName("hedgeOrders")
        self.orders.setHorizontalHeaderLabels([_tr("Chip"), _tr("Period"), _tr("Hedged"),
                                               _tr("Unhedged")])
        self.futures = QTableWidget(0, 4, self)
        self.futures.setObjectName("hedgeFutures")
        self.futures.setHorizontalHeaderLabels([_tr("Future"), _tr("Probability"),
                                                _tr("Hedged cost"), _tr("Unhedged cost")])
        self.futures.setToolTip(_tr("Double-click a future to see its full purchase plan"))
        self.futures.cellDoubleClicked.connect(lambda row, _col: self.show_future(row))
        self.chart = HedgeChart(self)
        self.summary = QPlainTextEdit(self)
        self.summary.setReadOnly(True)
        self.summary.setObjectName("hedgeSummary")
        self.summary.setPlaceholderText(_tr("The hedge's recommendation appears here."))
        self.adopt_button = QPushButton(_tr("Adopt these orders"), self)
        self.adopt_button.setObjectName("adoptHedge")
        self.adopt_button.setToolTip(_tr("Commit the orders to place now to the plan, as "
                                         "orders already placed (one undoable change)"))
        self.adopt_button.clicked.connect(self.adopt)
        self.adopt_button.setEnabled(False)
        self.run_bar.addWidget(self.adopt_button)
        tables = QSplitter(Qt.Orientation.Horizontal, self)
        tables.addWidget(self.orders)
        tables.addWidget(self.futures)
        tables.addWidget(self.chart)
        body = QSplitter(Qt.Orientation.Vertical, self)
        body.addWidget(tables)
        body.addWidget(self.summary)
        body.setSizes([300, 160])
        layout = QVBoxLayout(self)
        layout.addWidget(self.what_ifs)
        layout.addWidget(self.base_label)
        layout.addLayout(form)
        layout.addLayout(self.run_bar)
        layout.addWidget(self.stale_label)
        layout.addWidget(body, 1)
        self.what_ifs.itemChanged.connect(self._on_choice_changed)
        self._scenario: Scenario | None = None

    # --- the choice ------------------------------------------------------------------------

    def load(self, scenario: Scenario, variants: Sequence[Variant]) -> None:
        """Offer the plan's what-ifs (keeping the planner's choices of the same names)."""
        kept = dict(self.choices(checked_only=False))
        checked = {n for n, _ in self.choices()}
        self._scenario = scenario
        self.what_ifs.blockSignals(True)
        self.what_ifs.setRowCount(len(variants))
        for row, v in enumerate(variants):
            item = _read_only(v.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if v.name in checked
                               else Qt.CheckState.Unchecked)
            self.what_ifs.setItem(row, 0, item)
            self.what_ifs.setItem(row, 1, QTableWidgetItem(f"{kept.get(v.name, 0.0):g}"))
        self.what_ifs.blockSignals(False)
        current = self.horizon.currentText()
        self.horizon.clear()
        self.horizon.addItems(list(scenario.periods))
        if current in scenario.periods:
            self.horizon.setCurrentText(current)
        self._on_choice_changed()

    def set_probability(self, name: str, percent: float) -> None:
        """Tick ``name`` with ``percent`` (0 unticks it); what a planner does by hand."""
        for row in range(self.what_ifs.rowCount()):
            item, value = self.what_ifs.item(row, 0), self.what_ifs.item(row, 1)
            if item is not None and value is not None and item.text() == name:
                value.setText(f"{percent:g}")
                item.setCheckState(Qt.CheckState.Checked if percent else
                                   Qt.CheckState.Unchecked)

    def choices(self, checked_only: bool = True) -> list[tuple[str, float]]:
        out = []
        for row in range(self.what_ifs.rowCount()):
            name, value = self.what_ifs.item(row, 0), self.what_ifs.item(row, 1)
            if name is None or value is None:
                continue
            if checked_only and name.checkState() != Qt.CheckState.Checked:
                continue
            try:
                percent = float(value.text().strip().rstrip("%") or 0)
            except ValueError:
                percent = float("nan")
            out.append((name.text(), percent))
        return out

    def _on_choice_changed(self, *_: Any) -> None:
        chosen = self.choices()
        rest = base_percent([p for _, p in chosen if p == p])
        self.base_label.setText(_tr("Base plan: {percent}%").format(percent=f"{rest:g}"))
        if self._scenario is not None and chosen:
            try:
                suggested = suggested_decide_through(self._scenario, [n for n, _ in chosen])
            except ProcureError:
                suggested = None
            if suggested:
                self.horizon.setCurrentText(suggested)

    def _refusal(self, chosen: list[tuple[str, float]]) -> str | None:
        if not chosen:
            return _tr("Choose at least one what-if to hedge against.")
        for name, p in chosen:
            if not p > 0:
                return _tr("The what-if \u201c{name}\u201d needs a probability above 0%.").format(
                    name=name)
        total = sum(p for _, p in chosen)
        if total > 100.0 + 1e-9:
            return _tr("The what-ifs' probabilities add up to {total}%, more than 100%: they "
                       "must sum to 100% at most (the base plan gets the rest).").format(
                           total=f"{total:g}")
        return None

    # --- running and showing -----------------------------------------------------------------

    def _on_runner_progressed(self, percent: int, message: str) -> None:
        super()._on_runner_progressed(percent, message)
        self.progress_label.setText(hedge_progress_text(message))

    def run(self) -> None:
        scenario, _ = self._inputs()
        chosen = self.choices()
        refusal = self._refusal(chosen)
        if refusal is not None:
            emit(self.failed, ProcureError(refusal))
            return
        weight = self.risk.value() / 100.0
        alpha = self.alpha.value()
        price = None if self.hard.isChecked() else analysis_penalty(scenario)
        self.start(hedge_job(scenario, [(n, p / 100.0) for n, p in chosen],
                             self.horizon.currentText(), weight, alpha, price))

    def show_outcome(self, outcome: Any, context: Any) -> None:
        hedge, result = outcome
        self.outcome = (hedge, result)

        def money(value: float | None) -> str:
            return "–" if value is None else formatting.money(value, result.currency)

        names = {c.id: c.name or c.id for c in hedge.scenarios[0].scenario.chips}
        rows = order_rows(result)
        self.orders.setRowCount(len(rows))
        for r, row in enumerate(rows):
            cells = [names.get(row.chip, row.chip), row.period, quantity(row.hedged),
                     "–" if row.unhedged is None else quantity(row.unhedged)]
            for c, text in enumerate(cells):
                self.orders.setItem(r, c, _read_only(text))
        held = result.reference.objectives
        self.futures.setRowCount(len(result.scenarios))
        for r, f in enumerate(result.scenarios):
            theirs = held.get(f.name)
            cells = [f.name, formatting.percent(f.probability, 0), money(f.objective),
                     _tr("infeasible") if f.name in result.reference.infeasible_in
                     else money(theirs)]
            for c, text in enumerate(cells):
                self.futures.setItem(r, c, _read_only(text))
        self.chart.set_result(result)
        lang = i18n.current_prose_language()
        lines = hedge_summary(hedge, result, lang="zh" if lang == "zh" else "en")
        self.summary.setPlainText("\n".join(lines))
        self.adopt_button.setEnabled(bool(result.here_and_now) and any(
            r.hedged > 0 for r in rows))
        emit(self.messaged, _tr("Hedge done: {status}.").format(status=result.status.value))

    def show_future(self, row: int) -> QDialog | None:
        """Open the full purchase plan of the future in ``row`` (None if it has none)."""
        if self.outcome is None or not 0 <= row < len(self.outcome[1].scenarios):
            return None
        future = self.outcome[1].scenarios[row]
        if future.result is None:
            emit(self.messaged, _tr("That future has no plan to show."))
            return None
        dialog = QDialog(self)
        dialog.setObjectName("hedgeFutureDialog")
        dialog.setWindowTitle(_tr("Purchase plan: {future}").format(future=future.name))
        dialog.resize(900, 480)
        dialog.model = PurchasePlanModel(dialog)  # type: ignore[attr-defined]
        dialog.model.set_result(future.result)  # type: ignore[attr-defined]
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(result_table(dialog.model, dialog))  # type: ignore[attr-defined]
        layout.addWidget(buttons)
        dialog.open()
        return dialog

    def adopt(self) -> bool:
        """Commit the hedge's orders to the plan as one undoable edit."""
        if self.outcome is None:
            return False
        scenario, _ = self._inputs()
        edit = adopt_orders(scenario, self.outcome[1])
        if edit is None:
            emit(self.messaged, _tr("The hedge places no orders now: nothing to adopt."))
            return False
        done = self._adopt(edit, _tr("Adopt the hedge's orders"))
        if done:  # once: adopting again would order the same units twice
            self.adopt_button.setEnabled(False)
            emit(self.adopted)
            emit(self.messaged, _tr("The hedge's orders are now orders already placed "
                                    "(Undo takes them back)."))
        return done

    def clear(self) -> None:
        self.outcome = None
        self.orders.setRowCount(0)
        self.futures.setRowCount(0)
        self.chart.set_result(None)
        self.summary.clear()
        self.adopt_button.setEnabled(False)
        self.stale_label.hide()
