"""Efficiency of each workload on each chip, as a grid (empty = the chip cannot run it)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject

from procure.domain.edits import Edit, SetField
from ui.document import PlanDocument
from ui.models.column import Column, Kind
from ui.models.grid_model import GridModel, Index
from ui.problem_index import Parts

_CELL = Column("efficiency", QT_TRANSLATE_NOOP("Columns", "Efficiency"), Kind.SCORE,
               optional=True, maximum=1.0, decimals=2)


class EfficiencyGridModel(GridModel):
    """Rows are workloads, columns are chips; a value is the share of peak achieved."""

    areas = frozenset({"workloads", "chips"})

    def __init__(self, document: PlanDocument, parent: QObject | None = None) -> None:
        super().__init__(document, parent)

    def row_count(self) -> int:
        return len(self.scenario.workloads)

    def column_count(self) -> int:
        return len(self.scenario.chips)

    def row_header(self, row: int) -> str:
        w = self.scenario.workloads[row]
        return w.name or w.id

    def column_header(self, column: int) -> str:
        c = self.scenario.chips[column]
        return c.name or c.id

    def value(self, row: int, column: int) -> float | None:
        chip = self.scenario.chips[column].id
        return self.scenario.workloads[row].efficiency.get(chip)

    def empty_text(self, row: int, column: int) -> str:
        return QCoreApplication.translate("Columns", "—")

    def cell_column(self, row: int, column: int) -> Column:
        return _CELL

    def parts(self, row: int, column: int) -> Parts:
        return ("workloads", row, "efficiency", self.scenario.chips[column].id)

    def edit_for(self, index: Index, value: Any) -> Edit | None:
        new = _CELL.parse(value)
        if new == self.value(index.row(), index.column()):
            return None
        workload = self.scenario.workloads[index.row()].id
        chip = self.scenario.chips[index.column()].id
        return SetField(("workloads", workload, "efficiency", chip), new)

    def edit_text(self, index: Index) -> str:
        return QCoreApplication.translate("Columns", "Change efficiency of {w} on {c}").format(
            w=self.row_header(index.row()), c=self.column_header(index.column())
        )
