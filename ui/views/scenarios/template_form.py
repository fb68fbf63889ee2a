"""The parameters of a stress template as a form, drawn from the core's description.

The core says what each template takes (:func:`procure.analysis.template_fields`:
name, label, kind, default); this module only turns each kind into an editor and
reads the editors back into the template's JSON object. Checking the values (a
period of the plan, a known vendor) stays in the core.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QDoubleValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QWidget,
)

from procure.analysis import template_fields
from procure.domain.model import Scenario
from ui.i18n import tr as _tr

NO_VALUE = -1  # the spin box value that stands for "not given" in an optional count


def field_label(field: Mapping[str, Any]) -> str:
    return QCoreApplication.translate("Templates", str(field["label"]))


class TemplateForm(QWidget):
    """Editors for one template's parameters; :meth:`data` reads them back."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = ""
        self.editors: dict[str, QWidget] = {}
        self._fields: list[dict[str, Any]] = []
        self._layout = QFormLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def set_template(self, kind: str, scenario: Scenario,
                     values: Mapping[str, Any] | None = None) -> None:
        """Show the form of template ``kind`` (empty: no template) filled with ``values``."""
        while self._layout.rowCount():
            self._layout.removeRow(0)
        self.editors.clear()
        self.kind = kind
        self._fields = template_fields(kind) if kind else []
        values = values or {}
        for field in self._fields:
            editor = self._editor(field, scenario)
            value = values.get(field["name"], field["default"])
            self._set_value(editor, field, value)
            editor.setObjectName(f"param_{field['name']}")
            if field.get("help"):
                editor.setToolTip(QCoreApplication.translate("Templates", field["help"]))
            label = field_label(field) + ("" if not field["required"] else " *")
            self._layout.addRow(label, editor)
            self.editors[field["name"]] = editor

    # --- building --------------------------------------------------------------------------

    def _editor(self, field: Mapping[str, Any], s: Scenario) -> QWidget:
        kind = str(field["kind"])
        base = kind.rstrip("?")
        if base == "period":
            combo = QComboBox(self)
            if kind.endswith("?"):
                combo.addItem(_tr("(none)"), None)
            for p in s.periods:
                combo.addItem(p, p)
            return combo
        if base == "vendor":
            combo = QComboBox(self)
            for v in s.vendors:
                combo.addItem(f"{v.name or v.id} ({v.category})", v.id)
            return combo
        if base == "choice":
            combo = QComboBox(self)
            for choice in field.get("choices") or []:
                combo.addItem(QCoreApplication.translate("Templates", choice), choice)
            return combo
        if base in ("vendors", "chips", "categories"):
            items = {
                "vendors": [(v.id, f"{v.name or v.id} ({v.category})") for v in s.vendors],
                "chips": [(c.id, c.name or c.id) for c in s.chips],
                "categories": [(c, c) for c in s.categories()],
            }[base]
            return _checklist(items, self)
        if base == "fraction":
            spin = QDoubleSpinBox(self)
            spin.setRange(0.0, 100.0)
            spin.setDecimals(1)
            spin.setSingleStep(5.0)
            spin.setSuffix(" %")
            return spin
        if base == "count":
            spin = QSpinBox(self)
            spin.setRange(NO_VALUE if kind.endswith("?") else 0, 40)
            if kind.endswith("?"):
                spin.setSpecialValueText(_tr("(none)"))
            return spin
        if base == "number" and not kind.endswith("?"):
            spin = QDoubleSpinBox(self)
            spin.setRange(-1.0, 100.0)
            spin.setDecimals(3)
            spin.setSingleStep(0.05)
            return spin
        line = QLineEdit(self)
        if base == "number":
            line.setValidator(QDoubleValidator(0.0, 1e15, 6, line))
            line.setPlaceholderText(_tr("(none)"))
        return line

    @staticmethod
    def _set_value(editor: QWidget, field: Mapping[str, Any], value: Any) -> None:
        base = str(field["kind"]).rstrip("?")
        if isinstance(editor, QComboBox):
            i = editor.findData(value)
            editor.setCurrentIndex(i if i >= 0 else 0)
        elif isinstance(editor, QListWidget):
            chosen = set(value or ())
            for i in range(editor.count()):
                item = editor.item(i)
                checked = item.data(Qt.ItemDataRole.UserRole) in chosen
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        elif isinstance(editor, QDoubleSpinBox):
            number = float(value or 0.0)
            editor.setValue(number * 100 if base == "fraction" else number)
        elif isinstance(editor, QSpinBox):
            editor.setValue(NO_VALUE if value is None else int(value))
        elif isinstance(editor, QLineEdit):
            editor.setText("" if value is None else str(value))

    # --- reading ---------------------------------------------------------------------------

    def data(self) -> dict[str, Any] | None:
        """The template's JSON object (``{"template": kind, ...}``), None without one.

        Values equal to a default are left out, as the core writes them.
        """
        if not self.kind:
            return None
        out: dict[str, Any] = {"template": self.kind}
        for field in self._fields:
            value = self._value(self.editors[field["name"]], field)
            empty = value is None or value == () or value == ""
            if empty or (not field["required"] and value == field["default"]):
                continue
            out[field["name"]] = list(value) if isinstance(value, tuple) else value
        return out

    @staticmethod
    def _value(editor: QWidget, field: Mapping[str, Any]) -> Any:
        base = str(field["kind"]).rstrip("?")
        if isinstance(editor, QComboBox):
            return editor.currentData()
        if isinstance(editor, QListWidget):
            return tuple(editor.item(i).data(Qt.ItemDataRole.UserRole)
                         for i in range(editor.count())
                         if editor.item(i).checkState() == Qt.CheckState.Checked)
        if isinstance(editor, QDoubleSpinBox):
            return round(editor.value() / 100, 6) if base == "fraction" else editor.value()
        if isinstance(editor, QSpinBox):
            return None if editor.value() == NO_VALUE else editor.value()
        if isinstance(editor, QLineEdit):
            text = editor.text().strip()
            if base == "number":
                return float(text.replace(",", "")) if text else None
            return text
        return None


def _checklist(items: Sequence[tuple[str, str]], parent: QWidget) -> QListWidget:
    """A short list of check boxes (vendors, chips, categories)."""
    widget = QListWidget(parent)
    widget.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    for value, label in items:
        item = QListWidgetItem(label, widget)
        item.setData(Qt.ItemDataRole.UserRole, value)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)
    rows = min(max(len(items), 2), 5)
    widget.setFixedHeight(rows * (widget.fontMetrics().height() + 6) + 6)
    return widget
