"""The points of a trade-off curve: the limit's value, the cost there, and its slope."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject

from procure.analysis.tradeoff import SweepPoint, SweepResult
from ui import formatting
from ui.models.column import Column, Kind
from ui.models.row_list_model import RowListModel
from ui.optimise_controller import status_name

COLUMNS = (
    Column("value", QT_TRANSLATE_NOOP("Columns", "Limit"), Kind.NUMBER, editable=False,
           get=lambda p: p.value),
    Column("status", QT_TRANSLATE_NOOP("Columns", "Status"), editable=False,
           get=lambda p: status_name(p.status)),
    Column("total_cost", QT_TRANSLATE_NOOP("Columns", "Total cost"), Kind.MONEY,
           editable=False, get=lambda p: p.total_cost),
    Column("capex", QT_TRANSLATE_NOOP("Columns", "Capex"), Kind.MONEY, editable=False,
           get=lambda p: p.capex),
    Column("step_cost", QT_TRANSLATE_NOOP("Columns", "Cost of one step tighter"), Kind.MONEY,
           editable=False, get=lambda p: p,  # worded by the model: it needs the curve
           tooltip=QT_TRANSLATE_NOOP("Columns", "The extra total cost of the curve's next "
                                                "point, one step tighter")),
    Column("marginal", QT_TRANSLATE_NOOP("Columns", "Marginal price"), Kind.MONEY,
           editable=False, get=lambda p: p.marginal,
           tooltip=QT_TRANSLATE_NOOP("Columns", "The slope here, from the shadow price: per "
                                                "percentage point of a share, per 0.01 of the "
                                                "risk cap, per unit of money of the budget")),
    Column("weighted_risk", QT_TRANSLATE_NOOP("Columns", "Weighted risk"), Kind.SCORE,
           editable=False, get=lambda p: p.weighted_risk),
    Column("hhi", QT_TRANSLATE_NOOP("Columns", "HHI"), Kind.SCORE, editable=False,
           get=lambda p: p.hhi),
)


def per_step(sweep: SweepResult, marginal: float | None) -> float | None:
    """What one step tighter costs: a percentage point of a share, 0.01 of the risk cap,
    one unit of money of the budget. ``marginal`` is d(cost)/d(limit), negative for a
    binding cap."""
    if marginal is None:
        return None
    step = marginal if sweep.limit.kind == "budget_total" else marginal / 100
    return -step if sweep.limit.higher_is_looser else step


class SweepPointsModel(RowListModel[SweepPoint]):
    """One row per point of a :class:`~procure.analysis.tradeoff.SweepResult`."""

    COLUMNS = COLUMNS

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(None, parent)
        self._sweep: SweepResult | None = None

    def set_sweep(self, sweep: SweepResult | None) -> None:
        self._sweep = sweep
        self.set_rows(sweep.points if sweep is not None else [])

    def display(self, column: Column, row: SweepPoint, value: Any) -> Any:
        currency = self._sweep.currency if self._sweep is not None else "CNY"
        if value is None:
            return "—" if column.kind is not Kind.TEXT else ""
        if column.key == "value":
            if self._sweep is not None and self._sweep.limit.kind == "budget_total":
                return formatting.money(value, currency)
            return formatting.percent(value, 1) if self._is_share() else formatting.number(value)
        if column.key == "step_cost":
            extra = self._sweep.step_cost(row) if self._sweep is not None else None
            return "—" if extra is None else formatting.money(extra, currency)
        if column.key == "marginal" and self._sweep is not None:
            return formatting.money(per_step(self._sweep, value), currency)
        if column.kind is Kind.MONEY:
            return formatting.money(value, currency)
        return column.display(value)

    def _is_share(self) -> bool:
        return self._sweep is not None and self._sweep.limit.kind not in (
            "budget_total", "weighted_risk")
