"""The plans on a team server (or in a file), as the plan browser lists them."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from procure.services import PlanInfo
from ui.models.column import Column, Kind
from ui.models.row_list_model import RowListModel
from ui.review_controller import status_name

COLUMNS = (
    Column("name", QT_TRANSLATE_NOOP("Columns", "Plan"), editable=False,
           get=lambda p: p.name),
    Column("revision", QT_TRANSLATE_NOOP("Columns", "Revision"), Kind.INTEGER, editable=False,
           get=lambda p: p.revision),
    Column("status", QT_TRANSLATE_NOOP("Columns", "Status"), editable=False,
           get=lambda p: status_name(p.status)),  # in the window's language
    Column("variants", QT_TRANSLATE_NOOP("Columns", "Variants"), Kind.INTEGER, editable=False,
           get=lambda p: len(p.variants) - 1),
    Column("updated_at", QT_TRANSLATE_NOOP("Columns", "Last changed"), editable=False,
           get=lambda p: p.updated_at.astimezone().strftime("%Y-%m-%d %H:%M")),
    Column("updated_by", QT_TRANSLATE_NOOP("Columns", "By"), editable=False,
           get=lambda p: p.updated_by),
)


class PlanListModel(RowListModel[PlanInfo]):
    """One row per plan revision."""

    COLUMNS = COLUMNS

    def tooltip(self, column: Column, row: PlanInfo) -> str | None:
        return row.description or None
