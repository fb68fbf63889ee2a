"""Chips: the accelerator models that can be ordered, with their specifications.

Prices and supply are per period and live in their own grids
(:class:`ui.models.period_grid_model.PeriodGridModel`).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from procure.domain.model import Chip, Scenario
from ui.models.column import Column, Kind
from ui.models.entity_table_model import EntityTableModel


def vendor_choices(scenario: Scenario) -> list[tuple[Any, str]]:
    return [(v.id, v.name or v.id) for v in scenario.vendors]


class ChipTableModel(EntityTableModel):
    """One row per chip model."""

    collection = "chips"
    depends_on = frozenset({"vendors"})
    columns = (
        Column("id", QT_TRANSLATE_NOOP("Columns", "Id")),
        Column("name", QT_TRANSLATE_NOOP("Columns", "Name"), optional=True),
        Column("vendor", QT_TRANSLATE_NOOP("Columns", "Vendor"), Kind.CHOICE,
               choices=vendor_choices),
        Column("peak_pflops", QT_TRANSLATE_NOOP("Columns", "Peak PFLOP/s"), Kind.NUMBER,
               decimals=4,
               tooltip=QT_TRANSLATE_NOOP("Columns", "Peak BF16 dense compute of one unit")),
        Column("memory_gb", QT_TRANSLATE_NOOP("Columns", "Memory (GB)"), Kind.NUMBER,
               optional=True, decimals=0),
        Column("power_kw", QT_TRANSLATE_NOOP("Columns", "Power (kW)"), Kind.NUMBER,
               tooltip=QT_TRANSLATE_NOOP("Columns", "Power per unit in service, including "
                                                    "its share of the server")),
        Column("lead_time", QT_TRANSLATE_NOOP("Columns", "Lead time (periods)"), Kind.INTEGER,
               maximum=100,
               tooltip=QT_TRANSLATE_NOOP("Columns", "Periods from order to service")),
        Column("lifetime", QT_TRANSLATE_NOOP("Columns", "Lifetime (periods)"), Kind.INTEGER,
               optional=True, minimum=1, maximum=100,
               empty_text=QT_TRANSLATE_NOOP("Columns", "beyond horizon"),
               tooltip=QT_TRANSLATE_NOOP("Columns", "Periods a new unit stays in service")),
        Column("lot_size", QT_TRANSLATE_NOOP("Columns", "Lot size"), Kind.INTEGER,
               minimum=1, maximum=1e9,
               tooltip=QT_TRANSLATE_NOOP("Columns", "Order multiple (integer mode only)")),
    )

    def new_row(self) -> Chip:
        s = self.scenario
        return Chip(
            id=self.unique_id("chip"),
            vendor=s.vendors[0].id if s.vendors else "",
            peak_pflops=0.0,
            price=(0.0,) * len(s.periods),
            name=QCoreApplication.translate("Columns", "New chip"),
        )
