"""A sortable table view over a model, filtered on every column by a search box."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget

from ui.models.roles import SORT_ROLE


def filtered_table(
    model: QAbstractItemModel, parent: QWidget
) -> tuple[QSortFilterProxyModel, QTableView]:
    """The proxy (sorting by :data:`SORT_ROLE`, case-blind filter) and a row-selecting view."""
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.setFilterKeyColumn(-1)
    proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    view = QTableView(parent)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.horizontalHeader().setStretchLastSection(True)
    return proxy, view
