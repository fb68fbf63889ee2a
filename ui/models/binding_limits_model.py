"""The limits that bind in a result, with their shadow prices in plain words."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject

from procure.domain.model import Scenario
from procure.domain.result import ConstraintReport, Result
from procure.explain import names_of
from ui import formatting
from ui.models.column import Column, Kind
from ui.models.row_list_model import RowListModel

Row = tuple[ConstraintReport, str, str]  # report, label, sentence

COLUMNS = (
    Column("limit", QT_TRANSLATE_NOOP("Columns", "Limit"), editable=False,
           get=lambda row: row[1]),
    Column("shadow_price", QT_TRANSLATE_NOOP("Columns", "Shadow price"), Kind.MONEY,
           editable=False, get=lambda row: row[0].shadow_price,
           tooltip=QT_TRANSLATE_NOOP("Columns", "Change of total cost per unit of the limit")),
    Column("meaning", QT_TRANSLATE_NOOP("Columns", "What it means"), editable=False,
           get=lambda row: row[2]),
)


class BindingLimitsModel(RowListModel[Row]):
    """One row per binding limit with a non-zero price, most expensive first."""

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
            return formatting.money(value, self._currency)
        return str(value)

    def tooltip(self, column: Column, row: Row) -> str | None:
        return f"{row[0].name}\n{row[2]}"

    def row_object(self, row: Row) -> Any:
        return row[0]
