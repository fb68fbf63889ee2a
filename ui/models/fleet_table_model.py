"""The existing fleet: units already in service, and when they retire.

The fleet can hold tens of thousands of rows; the model only formats the rows the
view paints, and sorting and filtering happen in a proxy.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from procure.domain.model import FleetEntry, Scenario
from ui.models.column import Column, Kind
from ui.models.entity_table_model import EntityTableModel


def chip_choices(scenario: Scenario) -> list[tuple[Any, str]]:
    return [(c.id, c.name or c.id) for c in scenario.chips]


def retire_choices(scenario: Scenario) -> list[tuple[Any, str]]:
    end = QCoreApplication.translate("Columns", "end of horizon")
    return [(None, end), *((p, p) for p in scenario.periods)]


class FleetTableModel(EntityTableModel):
    """One row per fleet entry (entries are addressed by position)."""

    collection = "fleet"
    depends_on = frozenset({"chips"})
    columns = (
        Column("chip", QT_TRANSLATE_NOOP("Columns", "Chip"), Kind.CHOICE, choices=chip_choices),
        Column("units", QT_TRANSLATE_NOOP("Columns", "Units"), Kind.NUMBER, decimals=0),
        Column("retire_after", QT_TRANSLATE_NOOP("Columns", "Retires after"), Kind.CHOICE,
               optional=True, choices=retire_choices,
               empty_text=QT_TRANSLATE_NOOP("Columns", "end of horizon"),
               tooltip=QT_TRANSLATE_NOOP("Columns", "Last period the units are in service")),
    )

    def new_row(self) -> FleetEntry:
        chips = self.scenario.chips
        return FleetEntry(chip=chips[0].id if chips else "", units=0.0)

    def row_label(self, row: int) -> str:
        return QCoreApplication.translate("Columns", "fleet row {n}").format(n=row + 1)
