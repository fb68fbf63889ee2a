"""Vendors: who sells, which source category they are, how risky, how much they may take."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from procure.domain.model import Scenario, Vendor
from procure.phrases import category_name
from ui.i18n import current_prose_language
from ui.models.column import Column, Kind
from ui.models.entity_table_model import EntityTableModel

STANDARD_CATEGORIES = ("imported", "domestic", "in-house")


def category_choices(scenario: Scenario) -> list[tuple[Any, str]]:
    """The usual three categories, then any other the plan already uses."""
    names = list(dict.fromkeys((*STANDARD_CATEGORIES, *scenario.categories())))
    lang = current_prose_language()  # 进口 / 国产 / 自研 in Chinese; the file keeps the key
    return [(name, category_name(name, lang)) for name in names]


class VendorTableModel(EntityTableModel):
    """One row per vendor."""

    collection = "vendors"
    columns = (
        Column("id", QT_TRANSLATE_NOOP("Columns", "Id"),
               tooltip=QT_TRANSLATE_NOOP("Columns", "Short unique key; chips refer to it")),
        Column("name", QT_TRANSLATE_NOOP("Columns", "Name"), optional=True),
        Column("category", QT_TRANSLATE_NOOP("Columns", "Category"), Kind.CHOICE,
               choices=category_choices,
               tooltip=QT_TRANSLATE_NOOP("Columns", "Source category: imported, domestic, "
                                                    "in-house or your own")),
        Column("risk", QT_TRANSLATE_NOOP("Columns", "Risk"), Kind.SCORE, maximum=1.0,
               decimals=2,
               tooltip=QT_TRANSLATE_NOOP("Columns", "Likelihood-weighted disruption risk, "
                                                    "0 (none) to 1")),
        Column("max_share", QT_TRANSLATE_NOOP("Columns", "Max share"), Kind.PERCENT,
               optional=True, maximum=1.0,
               empty_text=QT_TRANSLATE_NOOP("Columns", "plan cap"),
               tooltip=QT_TRANSLATE_NOOP("Columns", "Most share of new spend this vendor may "
                                                    "take; empty: the plan's vendor cap")),
    )

    def new_row(self) -> Vendor:
        name = QCoreApplication.translate("Columns", "New vendor")
        return Vendor(id=self.unique_id("vendor"), category="domestic", name=name)
