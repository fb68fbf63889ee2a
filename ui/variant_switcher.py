"""The scenario switcher in the tool bar: base scenario and named variants."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QToolButton, QWidget

from ui.document import PlanDocument
from ui.file_dialogs import FileDialogs
from ui.i18n import tr as _tr
from ui.plan_store import BASE
from ui.qt_compat import disconnect


def variant_label(name: str) -> str:
    return _tr("Base scenario") if name == BASE else name


class VariantSwitcher(QWidget):
    """A labelled combo box of the plan's variants and a "new variant" button."""

    def __init__(self, new_action: QAction, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document: PlanDocument | None = None
        self.combo = QComboBox(self)
        self.combo.setMinimumWidth(200)
        self.combo.setToolTip(_tr("Switch between the base scenario and its variants"))
        self.combo.activated.connect(self._on_combo_activated)
        button = QToolButton(self)
        button.setDefaultAction(new_action)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 0, 0, 0)
        layout.addWidget(QLabel(_tr("Scenario:"), self))
        layout.addWidget(self.combo)
        layout.addWidget(button)

    def set_document(self, document: PlanDocument | None) -> None:
        if self._document is not None:
            disconnect(self._document.variant_switched, self._on_document_variant_switched)
        self._document = document
        if document is not None:
            document.variant_switched.connect(self._on_document_variant_switched)
        self.reload()

    def reload(self) -> None:
        self.combo.clear()
        if self._document is None:
            return
        for name in self._document.store.variants():
            self.combo.addItem(variant_label(name), name)
        self.combo.setCurrentIndex(max(self.combo.findData(self._document.variant), 0))

    def _on_combo_activated(self, index: int) -> None:
        if self._document is not None:
            self._document.switch_variant(self.combo.itemData(index))

    def _on_document_variant_switched(self, name: str) -> None:
        self.combo.setCurrentIndex(max(self.combo.findData(name), 0))

    def ask_new_variant(self) -> bool:
        """Ask for a name and add a copy of the current scenario under it."""
        if self._document is None:
            return False
        name = FileDialogs.ask_text(
            self, _tr("New scenario variant"),
            _tr("Name of the variant (a copy of “{current}” that you can change):").format(
                current=variant_label(self._document.variant)))
        if name is None:
            return False
        return self._document.add_variant(name)
