"""The limits that bind in a result, with their shadow prices in plain words."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject

from procure.domain.constraints import Group, Unit, find_kind
from procure.domain.model import Scenario
from procure.domain.result import ConstraintReport, Result
from procure.explain import names_of
from procure.ranking import RankedLimit
from ui import formatting
from ui.models.column import Column, Kind
from ui.models.row_list_model import RowListModel

Row = tuple[ConstraintReport, str, str, float]  # report, label, sentence, price

GROUP_NAMES = {
    Group.BUDGET: QT_TRANSLATE_NOOP("Limits", "Budget"),
    Group.SHARE: QT_TRANSLATE_NOOP("Limits", "Share"),
    Group.RISK: QT_TRANSLATE_NOOP("Limits", "Risk"),
    Group.COVERAGE: QT_TRANSLATE_NOOP("Limits", "Outage coverage"),
    Group.SUPPLY: QT_TRANSLATE_NOOP("Limits", "Supply"),
    Group.POWER: QT_TRANSLATE_NOOP("Limits", "Power"),
    Group.DEMAND: QT_TRANSLATE_NOOP("Limits", "Demand"),
    Group.DERIVED: QT_TRANSLATE_NOOP("Limits", "Follows from the plan"),
}
STEP_NAMES = {
    Unit.SHARE: QT_TRANSLATE_NOOP("Limits", "per percentage point"),
    Unit.RISK: QT_TRANSLATE_NOOP("Limits", "per 0.01 of risk"),
    Unit.MONEY: QT_TRANSLATE_NOOP("Limits", "per unit of money"),
    Unit.KW: QT_TRANSLATE_NOOP("Limits", "per kW"),
    Unit.UNITS: QT_TRANSLATE_NOOP("Limits", "per unit"),
    Unit.PFLOPS: QT_TRANSLATE_NOOP("Limits", "per PFLOP/s"),
    Unit.TB: QT_TRANSLATE_NOOP("Limits", "per TB"),
}


def ranked(row: Row) -> RankedLimit:
    """The row as the core ranks and prices it (``row[3]`` is the price its sentence
    states, per 1.0 of the limit)."""
    return RankedLimit(row[0], find_kind(row[0].name), row[3])


def group_name(row: Row) -> str:
    return QCoreApplication.translate("Limits", GROUP_NAMES[ranked(row).group])


COLUMNS = (
    Column("group", QT_TRANSLATE_NOOP("Columns", "Kind"), editable=False, get=group_name),
    Column("limit", QT_TRANSLATE_NOOP("Columns", "Limit"), editable=False,
           get=lambda row: row[1]),
    Column("shadow_price", QT_TRANSLATE_NOOP("Columns", "Price of one step"), Kind.MONEY,
           editable=False, get=lambda row: ranked(row).price_per_step,
           tooltip=QT_TRANSLATE_NOOP("Columns", "Change of total cost for one step of the "
                                                "limit, the step its sentence uses")),
    Column("meaning", QT_TRANSLATE_NOOP("Columns", "What it means"), editable=False,
           get=lambda row: row[2]),
)


class BindingLimitsModel(RowListModel[Row]):
    """One row per binding limit with a price, in :func:`procure.ranking.ranked_limits`'s
    order: the limits a planner sets first, then those that follow from the plan."""

    COLUMNS = COLUMNS

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(None, parent)
        self._currency = "CNY"

    def set_rows(self, rows: Sequence[Row], currency: str = "CNY") -> None:
        """Show ``rows`` (see :func:`ui.result_summary.limit_rows`)."""
        self._currency = currency
        super().set_rows(rows)

    def set_result(self, result: Result | None, scenario: Scenario | None = None,
                   lang: str = "en") -> None:
        """Show ``result``'s binding limits (computed here, on the calling thread)."""
        from ui.result_summary import limit_rows

        ok = result is not None and scenario is not None and result.status.has_plan
        rows = limit_rows(result, scenario, lang) if ok else []  # type: ignore[arg-type]
        self.set_rows(rows, names_of(result).currency if result is not None else "CNY")

    def display(self, column: Column, row: Row, value: Any) -> Any:
        if column.kind is Kind.MONEY:
            kind = ranked(row).kind
            step = STEP_NAMES.get(kind.unit) if kind is not None else None
            text = formatting.money(value, self._currency)
            return f"{text} {QCoreApplication.translate('Limits', step)}" if step else text
        return str(value)

    def tooltip(self, column: Column, row: Row) -> str | None:
        return f"{row[0].name}\n{row[2]}"

    def row_object(self, row: Row) -> Any:
        return row[0]
