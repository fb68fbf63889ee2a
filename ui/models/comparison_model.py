"""A stress comparison side by side: base plan, then each shock's re-plan and hold."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt

from procure.analysis.compare import Comparison, ComparisonRow
from ui import formatting
from ui.i18n import current_prose_language
from ui.models.column import Column, Kind
from ui.models.roles import muted_foreground
from ui.models.row_list_model import Index, RowListModel
from ui.optimise_controller import status_name

ANSWER_NAMES = {
    "base": QT_TRANSLATE_NOOP("Scenarios", "base plan"),
    "replan": QT_TRANSLATE_NOOP("Scenarios", "re-plan"),
    "hold": QT_TRANSLATE_NOOP("Scenarios", "hold"),
    "solved": QT_TRANSLATE_NOOP("Scenarios", "solved"),
}


def answer_name(kind: str) -> str:
    return QCoreApplication.translate("Scenarios", ANSWER_NAMES.get(kind, kind))


COLUMNS = (
    Column("scenario", QT_TRANSLATE_NOOP("Columns", "Scenario"), editable=False,
           get=lambda r: QCoreApplication.translate("Scenarios", "Base plan")
           if r.answer == "base" else r.scenario),
    Column("answer", QT_TRANSLATE_NOOP("Columns", "Answer"), editable=False,
           get=lambda r: answer_name(r.answer),
           tooltip=QT_TRANSLATE_NOOP("Columns", "Re-plan: the best plan had we known in "
                                                "advance. Hold: orders placed before the "
                                                "news are kept.")),
    Column("status", QT_TRANSLATE_NOOP("Columns", "Status"), editable=False,
           get=lambda r: status_name(r.status)),
    # Unmet demand before cost: a cost that leaves demand unserved is not a saving.
    Column("shortfall_share", QT_TRANSLATE_NOOP("Columns", "Demand unmet"), Kind.PERCENT,
           editable=False, get=lambda r: r.shortfall_share),
    Column("total_cost", QT_TRANSLATE_NOOP("Columns", "Total cost"), Kind.MONEY,
           editable=False, get=lambda r: r.total_cost),
    Column("extra_cost", QT_TRANSLATE_NOOP("Columns", "Extra cost"), Kind.MONEY,
           editable=False, get=lambda r: r.extra_cost,
           tooltip=QT_TRANSLATE_NOOP("Columns", "Total cost minus the base plan's; not "
                                                "comparable when demand goes unmet without "
                                                "a price for it")),
    Column("verdict", QT_TRANSLATE_NOOP("Columns", "Against the base"), editable=False,
           get=lambda r: r.answer),  # worded by the model (it knows names and language)
    Column("stranded_spend", QT_TRANSLATE_NOOP("Columns", "Stranded spend"), Kind.MONEY,
           editable=False, get=lambda r: r.stranded_spend,
           tooltip=QT_TRANSLATE_NOOP("Columns", "Capex of units bought that never serve")),
    Column("cancelled_spend", QT_TRANSLATE_NOOP("Columns", "Cancelled orders"), Kind.MONEY,
           editable=False, get=lambda r: r.cancelled_spend),
    Column("weighted_risk", QT_TRANSLATE_NOOP("Columns", "Weighted risk"), Kind.SCORE,
           editable=False, get=lambda r: r.weighted_risk),
    Column("hhi", QT_TRANSLATE_NOOP("Columns", "HHI"), Kind.SCORE, editable=False,
           get=lambda r: r.hhi),
)


class ComparisonModel(RowListModel[ComparisonRow]):
    """Rows of a :class:`~procure.analysis.compare.Comparison`, in its order."""

    COLUMNS = COLUMNS

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(None, parent)
        self._currency = "CNY"
        self._comparison: Comparison | None = None

    def set_comparison(self, comparison: Comparison | None) -> None:
        self._currency = comparison.currency if comparison is not None else "CNY"
        self._comparison = comparison
        self.set_rows(comparison.rows if comparison is not None else [])

    def verdict(self, row: ComparisonRow) -> str:
        """The row against the base in words, in the window's language."""
        if self._comparison is None:
            return ""
        return row.verdict(self._comparison.names, current_prose_language())

    def display(self, column: Column, row: ComparisonRow, value: Any) -> Any:
        if column.key == "verdict":
            return self.verdict(row)
        if column.key == "extra_cost" and value is not None and not row.comparable:
            return QCoreApplication.translate("Scenarios", "not comparable")
        if value is None:
            return "—" if column.kind is not Kind.TEXT else ""
        if column.kind is Kind.MONEY:
            if column.key == "extra_cost" and row.answer != "base":
                sign = "+" if value > 0 else ""
                return sign + formatting.money(value, self._currency)
            return formatting.money(value, self._currency)
        if column.kind is Kind.PERCENT:
            return formatting.percent(value, 1)
        return column.display(value)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid():
            row = self._rows[index.row()]
            if row.total_cost is None:
                return muted_foreground()
        return super().data(index, role)
