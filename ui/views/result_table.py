"""A read-only, sortable table of results (purchase plans, limits, comparisons).

One set-up for every table of computed figures: sorted through a proxy on the
models' sort role (numbers as numbers), alternating rows, fixed row height, and
a default column width rather than measuring every cell (measuring 300 x 20 cells
is slow); ``fit`` measures the columns instead, for short tables.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QHeaderView, QTableView, QWidget

from ui.models.roles import SORT_ROLE


def result_table(model: QAbstractItemModel, parent: QWidget, *, fit: bool = False,
                 row_headers: bool = True) -> QTableView:
    """A sortable view of ``model`` (unsorted until the planner clicks a header)."""
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    view = QTableView(parent)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    view.verticalHeader().setVisible(row_headers)
    if fit:
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    else:
        view.horizontalHeader().setDefaultSectionSize(96)
    return view
