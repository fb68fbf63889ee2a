"""The what-if variants stored with the plan (``x.procure.variants``), one row each."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject

from procure.analysis.variants import Variant
from ui.models.column import Column, Kind
from ui.models.row_list_model import RowListModel


def shock_title(variant: Variant) -> str:
    """The template's title in the planner's language, or what the variant changes."""
    if variant.stress is not None:
        return QCoreApplication.translate("Templates", variant.stress.title)
    return QCoreApplication.translate("Scenarios", "Changes only")


COLUMNS = (
    Column("name", QT_TRANSLATE_NOOP("Columns", "What-if"), editable=False,
           get=lambda v: v.name),
    Column("shock", QT_TRANSLATE_NOOP("Columns", "Shock"), editable=False, get=shock_title),
    Column("changes", QT_TRANSLATE_NOOP("Columns", "Changes"), Kind.INTEGER, editable=False,
           get=lambda v: len(v.overrides),
           tooltip=QT_TRANSLATE_NOOP("Columns", "Overrides applied after the shock")),
    Column("event", QT_TRANSLATE_NOOP("Columns", "News arrives"), editable=False,
           get=lambda v: v.event or ""),
    Column("description", QT_TRANSLATE_NOOP("Columns", "Description"), editable=False,
           get=lambda v: v.description or ""),
)


class VariantListModel(RowListModel[Variant]):
    """Rows are :class:`~procure.analysis.variants.Variant`; the tooltip lists its changes."""

    COLUMNS = COLUMNS

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(None, parent)

    def tooltip(self, column: Column, row: Variant) -> str | None:
        lines = []
        if row.stress is not None:
            params = ", ".join(
                f"{k}={'+'.join(map(str, v)) if isinstance(v, list) else v}"
                for k, v in row.stress.to_data().items() if k != "template")
            lines.append(shock_title(row) + (f": {params}" if params else ""))
        lines += [o.describe() for o in row.overrides]
        return "\n".join(lines) or None

    def display(self, column: Column, row: Variant, value: Any) -> Any:
        if column.kind is Kind.INTEGER:
            return str(value)
        return value

    def names(self) -> list[str]:
        return [v.name for v in self._rows]

    def rows(self) -> list[Variant]:
        return list(self._rows)
