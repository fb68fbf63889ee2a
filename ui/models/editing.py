"""Turning pasted or cleared cells into edits, shared by the table and grid models."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex

from procure.domain.edits import Edit

Index = QModelIndex | QPersistentModelIndex


class EditableModel(Protocol):
    def edit_for(self, index: Index, value: Any) -> Edit | None: ...


def cell_edits(
    model: EditableModel, cells: Sequence[tuple[Index, str]]
) -> tuple[list[Edit], list[str]]:
    """One edit per changed cell, and a note per cell whose text could not be read."""
    edits: list[Edit] = []
    errors: list[str] = []
    for index, text in cells:
        try:
            edit = model.edit_for(index, text)
        except ValueError as exc:
            errors.append(QCoreApplication.translate("Columns", "row {row}, column {col}: {why}")
                          .format(row=index.row() + 1, col=index.column() + 1, why=exc))
            continue
        if edit is not None:
            edits.append(edit)
    return edits, errors
