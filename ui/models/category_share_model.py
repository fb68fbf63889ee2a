"""Floors and caps on each source category's share of new spend."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject

from procure.domain.edits import Edit, SetField
from procure.domain.model import CategoryShare
from procure.phrases import category_name
from ui.document import PlanDocument
from ui.i18n import current_prose_language
from ui.models.column import Column, Kind
from ui.models.grid_model import GridModel, Index
from ui.problem_index import Parts

COLUMNS = (
    Column("min", QT_TRANSLATE_NOOP("Columns", "Min share"), Kind.PERCENT, optional=True,
           maximum=1.0, empty_text=QT_TRANSLATE_NOOP("Columns", "none")),
    Column("max", QT_TRANSLATE_NOOP("Columns", "Max share"), Kind.PERCENT, optional=True,
           maximum=1.0, empty_text=QT_TRANSLATE_NOOP("Columns", "none")),
)


class CategoryShareModel(GridModel):
    """Rows are the plan's categories (and any limit naming an unknown one)."""

    areas = frozenset({"vendors", "limits"})

    def __init__(self, document: PlanDocument, parent: QObject | None = None) -> None:
        super().__init__(document, parent)

    def categories(self) -> list[str]:
        s = self.scenario
        return list(dict.fromkeys((*s.categories(), *s.limits.category_share)))

    def row_count(self) -> int:
        return len(self.categories())

    def column_count(self) -> int:
        return len(COLUMNS)

    def row_header(self, row: int) -> str:
        return category_name(self.categories()[row], current_prose_language())

    def column_header(self, column: int) -> str:
        return COLUMNS[column].title

    def _share(self, row: int) -> CategoryShare | None:
        return self.scenario.limits.category_share.get(self.categories()[row])

    def value(self, row: int, column: int) -> Any:
        share = self._share(row)
        return None if share is None else getattr(share, COLUMNS[column].key)

    def empty_text(self, row: int, column: int) -> str:
        return QCoreApplication.translate("Columns", "none")

    def cell_column(self, row: int, column: int) -> Column:
        return COLUMNS[column]

    def parts(self, row: int, column: int) -> Parts:
        return ("limits", "category_share", self.categories()[row], COLUMNS[column].key)

    def edit_for(self, index: Index, value: Any) -> Edit | None:
        column = COLUMNS[index.column()]
        new = column.parse(value)
        if new == self.value(index.row(), index.column()):
            return None
        share = replace(self._share(index.row()) or CategoryShare(), **{column.key: new})
        keep = share.min is not None or share.max is not None or share.x is not None
        return SetField(("limits", "category_share", self.categories()[index.row()]),
                        share if keep else None)
