"""Workloads: what the compute is for; demand and efficiency live in grids."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from procure.domain.model import Workload
from ui.models.column import Column, Kind
from ui.models.entity_table_model import EntityTableModel


def _eligible(w: Workload) -> int:
    return sum(1 for e in w.efficiency.values() if e > 0)


def _peak_demand(w: Workload) -> float:
    return max(w.demand, default=0.0)


class WorkloadTableModel(EntityTableModel):
    """One row per workload."""

    collection = "workloads"
    columns = (
        Column("id", QT_TRANSLATE_NOOP("Columns", "Id")),
        Column("name", QT_TRANSLATE_NOOP("Columns", "Name"), optional=True),
        Column("eligible", QT_TRANSLATE_NOOP("Columns", "Eligible chips"), Kind.INTEGER,
               editable=False, get=_eligible,
               tooltip=QT_TRANSLATE_NOOP("Columns", "Chips with an efficiency above 0")),
        Column("peak_demand", QT_TRANSLATE_NOOP("Columns", "Peak demand PFLOP/s"), Kind.NUMBER,
               editable=False, get=_peak_demand),
    )

    def new_row(self) -> Workload:
        return Workload(
            id=self.unique_id("workload"),
            demand=(0.0,) * len(self.scenario.periods),
            name=QCoreApplication.translate("Columns", "New workload"),
        )
