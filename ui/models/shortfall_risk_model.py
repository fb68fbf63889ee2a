"""Monte Carlo shortfall risk per workload, and over all workloads in the last row."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt

from procure.analysis.montecarlo import SimulationResult, WorkloadRisk
from ui import formatting
from ui.models.column import Column, Kind
from ui.models.row_list_model import Index, RowListModel

COLUMNS = (
    Column("name", QT_TRANSLATE_NOOP("Columns", "Workload"), editable=False,
           get=lambda w: w.name),
    Column("probability", QT_TRANSLATE_NOOP("Columns", "Chance of a shortfall"), Kind.PERCENT,
           editable=False, get=lambda w: w.probability,
           tooltip=QT_TRANSLATE_NOOP("Columns", "Share of futures with any unmet demand")),
    Column("expected", QT_TRANSLATE_NOOP("Columns", "Expected shortfall"), Kind.NUMBER,
           editable=False, get=lambda w: w.expected,
           tooltip=QT_TRANSLATE_NOOP("Columns", "Mean unmet PFLOP/s x periods over all "
                                                "futures")),
    Column("expected_share", QT_TRANSLATE_NOOP("Columns", "Of demand"), Kind.PERCENT,
           editable=False, get=lambda w: w.expected_share),
    Column("conditional", QT_TRANSLATE_NOOP("Columns", "When short"), Kind.NUMBER,
           editable=False, get=lambda w: w.conditional,
           tooltip=QT_TRANSLATE_NOOP("Columns", "Mean unmet PFLOP/s x periods in the "
                                                "futures that have a shortfall")),
    Column("p95", QT_TRANSLATE_NOOP("Columns", "95th percentile"), Kind.NUMBER,
           editable=False, get=lambda w: w.p95),
)


class ShortfallRiskModel(RowListModel[WorkloadRisk]):
    """Rows of a :class:`~procure.analysis.montecarlo.SimulationResult`."""

    COLUMNS = COLUMNS

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(None, parent)

    def set_simulation(self, sim: SimulationResult | None) -> None:
        self.set_rows([*sim.workloads, sim.total] if sim is not None else [])

    def display(self, column: Column, row: WorkloadRisk, value: Any) -> Any:
        if column.key == "name" and row.workload == "all":
            return QCoreApplication.translate("Scenarios", "All workloads")
        if column.kind is Kind.PERCENT:
            return formatting.percent(value, 1)
        if column.kind is Kind.NUMBER:
            return formatting.number(value, 1)
        return value

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.FontRole and index.isValid() \
                and self._rows[index.row()].workload == "all":
            from PySide6.QtGui import QFont

            font = QFont()
            font.setBold(True)
            return font
        return super().data(index, role)
