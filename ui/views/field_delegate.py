"""One delegate for every editable cell: the editor follows the cell's Column declaration.

Choices get a combo box, shares a percent spin box, scores and whole numbers a
spin box, money and other numbers a line edit (spin boxes are clumsy for
hundreds of millions). An optional value can be cleared: the spin boxes show the
"not set" text at their minimum, a line edit may be left empty.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QLineEdit,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from procure.domain.validation import fmt_number
from ui.i18n import tr as _tr
from ui.models.column import Column, Kind
from ui.models.roles import CHOICES_ROLE, COLUMN_ROLE

Index = QModelIndex | QPersistentModelIndex
_NOT_SET_MARGIN = 1.0  # the spin box's extra step below the minimum that means "not set"


def _column_text(text: str) -> str:
    """A label declared with ``QT_TRANSLATE_NOOP("Columns", ...)``."""
    return QCoreApplication.translate("Columns", text) if text else ""


class FieldDelegate(QStyledItemDelegate):
    """Creates, fills and reads editors according to the cell's :class:`Column`."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        column: Column | None = index.data(COLUMN_ROLE)
        if column is None:
            return super().createEditor(parent, option, index)
        choices = index.data(CHOICES_ROLE)
        if column.kind is Kind.CHOICE and choices is not None:
            combo = QComboBox(parent)
            combo.setEditable(column.key == "category")  # a new category may be typed
            for value, label in choices:
                combo.addItem(label, value)
            return combo
        if column.kind is Kind.PERCENT:
            return self._spin(parent, column, scale=100.0, suffix=" %", decimals=1)
        if column.kind is Kind.SCORE:
            box = self._spin(parent, column, scale=1.0, suffix="", decimals=column.decimals)
            box.setSingleStep(0.05)
            return box
        if column.kind is Kind.INTEGER:
            spin = QSpinBox(parent)
            low = int(column.minimum) - (1 if column.optional else 0)
            spin.setRange(low, int(min(column.maximum, 2**31 - 1)))
            if column.optional:
                spin.setSpecialValueText(_column_text(column.empty_text) or _tr("not set"))
            return spin
        edit = QLineEdit(parent)
        if column.optional and column.empty_text:
            edit.setPlaceholderText(_column_text(column.empty_text))
        return edit

    def _spin(self, parent: QWidget, column: Column, *, scale: float, suffix: str,
              decimals: int) -> QDoubleSpinBox:
        box = QDoubleSpinBox(parent)
        box.setDecimals(decimals)
        step = 10 ** -decimals
        low = column.minimum * scale - (step * _NOT_SET_MARGIN if column.optional else 0.0)
        box.setRange(low, column.maximum * scale)
        box.setSuffix(suffix)
        if column.optional:
            box.setSpecialValueText(_column_text(column.empty_text) or _tr("not set"))
        box.setProperty("scale", scale)
        return box

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        value: Any = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox):
            position = editor.findData(value)
            if position >= 0:
                editor.setCurrentIndex(position)
            elif value is not None:
                editor.setEditText(str(value))
        elif isinstance(editor, QDoubleSpinBox):
            scale = float(editor.property("scale") or 1.0)
            editor.setValue(editor.minimum() if value is None else float(value) * scale)
        elif isinstance(editor, QSpinBox):
            editor.setValue(editor.minimum() if value is None else int(value))
        elif isinstance(editor, QLineEdit):
            editor.setText("" if value is None else _plain(value))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QComboBox):
            i, text = editor.currentIndex(), editor.currentText()
            if editor.isEditable() and (i < 0 or editor.itemText(i) != text):
                model.setData(index, text)  # a value typed that is not in the list
            else:
                model.setData(index, editor.itemData(i))
        elif isinstance(editor, QDoubleSpinBox):
            scale = float(editor.property("scale") or 1.0)
            is_unset = editor.specialValueText() and editor.value() == editor.minimum()
            model.setData(index, None if is_unset else round(editor.value() / scale, 10))
        elif isinstance(editor, QSpinBox):
            is_unset = editor.specialValueText() and editor.value() == editor.minimum()
            model.setData(index, None if is_unset else editor.value())
        elif isinstance(editor, QLineEdit):
            model.setData(index, editor.text())
        else:
            super().setModelData(editor, model, index)


def _plain(value: Any) -> str:
    """A value as a planner would type it back: 187200, not 187,200.0."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return fmt_number(value)
    return str(value)
