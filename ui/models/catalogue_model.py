"""The shipped accelerator catalogue as a read-only table to pick chips from.

Reading the file and the price's middle come from :mod:`procure.catalogue`, the
same code that turns the chosen rows into chips.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from procure.catalogue import Entry, load_catalogue, mid_price_usd
from procure.phrases import category_name
from ui.i18n import current_prose_language
from ui.models.column import Column, Kind
from ui.models.roles import OBJECT_ROLE, SORT_ROLE, sort_key

Index = QModelIndex | QPersistentModelIndex
_ROLE = Qt.ItemDataRole


def _confidence(entry: Entry) -> str:
    conf = entry.get("confidence") or {}
    return f"{conf.get('compute') or '-'} / {conf.get('price') or '-'}"


COLUMNS = (
    Column("vendor", QT_TRANSLATE_NOOP("Columns", "Vendor"), editable=False,
           get=lambda e: e.get("vendor")),
    Column("model", QT_TRANSLATE_NOOP("Columns", "Model"), editable=False,
           get=lambda e: e.get("model")),
    Column("category", QT_TRANSLATE_NOOP("Columns", "Category"), editable=False,
           get=lambda e: category_name(e.get("category") or "", current_prose_language())),
    Column("year", QT_TRANSLATE_NOOP("Columns", "Year"), Kind.YEAR, editable=False,
           get=lambda e: e.get("year")),
    Column("bf16", QT_TRANSLATE_NOOP("Columns", "BF16 (TFLOP/s)"), Kind.NUMBER,
           editable=False, get=lambda e: e.get("bf16_dense_tflops")),
    Column("memory", QT_TRANSLATE_NOOP("Columns", "Memory (GB)"), Kind.NUMBER, editable=False,
           get=lambda e: e.get("memory_gb")),
    Column("tdp", QT_TRANSLATE_NOOP("Columns", "TDP (W)"), Kind.NUMBER, editable=False,
           get=lambda e: e.get("tdp_w")),
    Column("price", QT_TRANSLATE_NOOP("Columns", "Price (US$, mid)"), Kind.MONEY,
           editable=False, get=mid_price_usd),
    Column("confidence", QT_TRANSLATE_NOOP("Columns", "Confidence"), editable=False,
           get=_confidence,
           tooltip=QT_TRANSLATE_NOOP("Columns", "Compute / price: V datasheet, P press "
                                                "report, L low confidence")),
)


class CatalogueModel(QAbstractTableModel):
    """One row per catalogue entry."""

    def __init__(self, entries: list[Entry] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.entries = load_catalogue() if entries is None else entries

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = _ROLE.DisplayRole) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == _ROLE.DisplayRole and 0 <= section < len(COLUMNS):
            return COLUMNS[section].title
        if horizontal and role == _ROLE.ToolTipRole and 0 <= section < len(COLUMNS):
            return COLUMNS[section].tooltip or None
        return None

    def data(self, index: Index, role: int = _ROLE.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column, entry = COLUMNS[index.column()], self.entries[index.row()]
        value = column.value(entry)
        if role == _ROLE.DisplayRole:
            return "" if value is None else column.display(value)
        if role == _ROLE.TextAlignmentRole:
            return column.alignment
        if role == _ROLE.ToolTipRole:
            return entry.get("price_note") or None
        if role == SORT_ROLE:
            return sort_key(value)
        if role == OBJECT_ROLE:
            return entry
        return None
