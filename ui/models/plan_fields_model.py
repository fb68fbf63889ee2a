"""The plan's single-value settings and limits as a two-column list (setting, value)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject

from procure.domain.edits import Edit, SetField, get_in
from procure.domain.model import Scenario
from ui.document import PlanDocument
from ui.models.column import Column, Kind
from ui.models.grid_model import GridModel, Index
from ui.problem_index import Parts


def _integer_choices(_s: Scenario) -> list[tuple[Any, str]]:
    return [(False, QCoreApplication.translate("Columns", "No: continuous amounts")),
            (True, QCoreApplication.translate("Columns", "Yes: whole lots"))]


@dataclass(frozen=True)
class Field:
    """One setting: its path in the scenario (also its validation location)."""

    path: tuple[str, ...]
    column: Column


FIELDS = (
    Field(("name",), Column("name", QT_TRANSLATE_NOOP("Columns", "Plan name"), optional=True)),
    Field(("currency",), Column("currency", QT_TRANSLATE_NOOP("Columns", "Currency"),
                                optional=True, empty_text="CNY")),
    Field(("budget", "total"),
          Column("total", QT_TRANSLATE_NOOP("Columns", "Total capital budget"), Kind.MONEY,
                 optional=True, empty_text=QT_TRANSLATE_NOOP("Columns", "unlimited"))),
    Field(("limits", "vendor_max_share"),
          Column("vendor_max_share",
                 QT_TRANSLATE_NOOP("Columns", "Vendor cap (share of new spend)"), Kind.PERCENT,
                 optional=True, maximum=1.0,
                 empty_text=QT_TRANSLATE_NOOP("Columns", "none"),
                 tooltip=QT_TRANSLATE_NOOP("Columns", "Applies to vendors without a cap of "
                                                      "their own"))),
    Field(("limits", "max_weighted_risk"),
          Column("max_weighted_risk", QT_TRANSLATE_NOOP("Columns", "Max spend-weighted risk"),
                 Kind.SCORE, optional=True, maximum=1.0, decimals=3,
                 empty_text=QT_TRANSLATE_NOOP("Columns", "none"))),
    Field(("limits", "outage_coverage"),
          Column("outage_coverage", QT_TRANSLATE_NOOP("Columns", "Outage coverage"),
                 Kind.PERCENT, maximum=1.0,
                 tooltip=QT_TRANSLATE_NOOP("Columns", "Share of each workload's demand still "
                                                      "met if any one vendor goes dark"))),
    Field(("shortfall_penalty",),
          Column("shortfall_penalty",
                 QT_TRANSLATE_NOOP("Columns", "Shortfall penalty per PFLOP/s"), Kind.MONEY,
                 optional=True, empty_text=QT_TRANSLATE_NOOP("Columns", "demand must be met"))),
    Field(("integer",), Column("integer", QT_TRANSLATE_NOOP("Columns", "Whole lots"),
                               Kind.CHOICE, choices=_integer_choices,
                               tooltip=QT_TRANSLATE_NOOP("Columns", "Integer mode: orders "
                                                                    "in multiples of the lot "
                                                                    "size (slower)"))),
)


class PlanFieldsModel(GridModel):
    """Rows are :data:`FIELDS`; one column holds the value."""

    areas = frozenset({"settings", "budget", "limits"})

    def __init__(self, document: PlanDocument, parent: QObject | None = None) -> None:
        super().__init__(document, parent)

    def row_count(self) -> int:
        return len(FIELDS)

    def column_count(self) -> int:
        return 1

    def row_header(self, row: int) -> str:
        return FIELDS[row].column.title

    def column_header(self, column: int) -> str:
        return QCoreApplication.translate("Columns", "Value")

    def value(self, row: int, column: int) -> Any:
        return get_in(self.scenario, FIELDS[row].path, self.scenario.periods)

    def empty_text(self, row: int, column: int) -> str:
        text = FIELDS[row].column.empty_text
        return QCoreApplication.translate("Columns", text) if text else ""

    def cell_column(self, row: int, column: int) -> Column:
        return FIELDS[row].column

    def parts(self, row: int, column: int) -> Parts:
        return FIELDS[row].path

    def edit_for(self, index: Index, value: Any) -> Edit | None:
        field = FIELDS[index.row()]
        new = field.column.parse(value)
        if new == self.value(index.row(), 0):
            return None
        return SetField(field.path, new)

    def edit_text(self, index: Index) -> str:
        return QCoreApplication.translate("Columns", "Change {what}").format(
            what=self.row_header(index.row())
        )
