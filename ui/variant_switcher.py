"""The scenario switcher in the tool bar: base scenario and named variants.

Its menu button and the combo's context menu offer a new variant, and renaming or
deleting the current one (never the base scenario, never in a read-only plan).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QToolButton,
    QWidget,
)

from ui.document import PlanDocument
from ui.file_dialogs import FileDialogs
from ui.i18n import tr as _tr
from ui.plan_store import BASE
from ui.qt_compat import disconnect


def variant_label(name: str) -> str:
    return _tr("Base scenario") if name == BASE else name


class VariantSwitcher(QWidget):
    """A labelled combo box of the plan's variants, a "new variant" button and a menu.

    ``rename_action`` and ``delete_action`` are the window's menu actions, already
    wired to :meth:`ask_rename_variant` and :meth:`ask_delete_variant`; without them
    the switcher makes its own. Either way it enables them: only a named variant of
    a plan that can change can be renamed or deleted.
    """

    def __init__(self, new_action: QAction, parent: QWidget | None = None, *,
                 rename_action: QAction | None = None,
                 delete_action: QAction | None = None) -> None:
        super().__init__(parent)
        self._document: PlanDocument | None = None
        self.combo = QComboBox(self)
        self.combo.setMinimumWidth(200)
        self.combo.setToolTip(_tr("Switch between the base scenario and its variants"))
        self.combo.activated.connect(self._on_combo_activated)
        button = QToolButton(self)
        button.setDefaultAction(new_action)
        self.rename_action = rename_action or self._own_action(
            _tr("&Rename Scenario Variant…"), self.ask_rename_variant)
        self.delete_action = delete_action or self._own_action(
            _tr("&Delete Scenario Variant…"), self.ask_delete_variant)
        menu = QMenu(self)
        menu.addActions([new_action, self.rename_action, self.delete_action])
        self.menu_button = QToolButton(self)
        self.menu_button.setText("…")
        self.menu_button.setToolTip(_tr("Rename or delete the current scenario variant"))
        self.menu_button.setMenu(menu)
        self.menu_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.combo.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.combo.addActions([new_action, self.rename_action, self.delete_action])
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 0, 0, 0)
        layout.addWidget(QLabel(_tr("Scenario:"), self))
        layout.addWidget(self.combo)
        layout.addWidget(button)
        layout.addWidget(self.menu_button)
        self._update_actions()

    def _own_action(self, text: str, slot: object) -> QAction:
        action = QAction(text, self)
        action.triggered.connect(slot)
        return action

    def _update_actions(self) -> None:
        doc = self._document
        named = doc is not None and doc.variant != BASE and not doc.read_only
        self.rename_action.setEnabled(named)
        self.delete_action.setEnabled(named)

    def set_document(self, document: PlanDocument | None) -> None:
        if self._document is not None:
            disconnect(self._document.variant_switched, self._on_document_variant_switched)
        self._document = document
        if document is not None:
            document.variant_switched.connect(self._on_document_variant_switched)
        self.reload()

    def reload(self) -> None:
        self.combo.clear()
        self._update_actions()
        if self._document is None:
            return
        for name in self._document.store.variants():
            self.combo.addItem(variant_label(name), name)
        self.combo.setCurrentIndex(max(self.combo.findData(self._document.variant), 0))
        self._update_actions()

    def _on_combo_activated(self, index: int) -> None:
        if self._document is not None:
            self._document.switch_variant(self.combo.itemData(index))

    def _on_document_variant_switched(self, name: str) -> None:
        self.combo.setCurrentIndex(max(self.combo.findData(name), 0))
        self._update_actions()  # also sent when the plan becomes read-only

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

    def ask_rename_variant(self) -> bool:
        """Ask for a new name of the current variant and rename it."""
        doc = self._document
        if doc is None or doc.variant == BASE:
            return False
        name = FileDialogs.ask_text(
            self, _tr("Rename scenario variant"),
            _tr("New name of “{current}”:").format(current=doc.variant), doc.variant)
        if name is None:
            return False
        return doc.rename_variant(doc.variant, name)

    def ask_delete_variant(self) -> bool:
        """Delete the current variant after the planner confirms; the base is shown next."""
        doc = self._document
        if doc is None or doc.variant == BASE:
            return False
        if not self.confirm_delete(self, doc.variant):
            return False
        return doc.remove_variant(doc.variant)

    @classmethod
    def confirm_delete(cls, parent: QWidget | None, name: str) -> bool:
        """Whether the planner really wants variant ``name`` gone (tests patch this)."""
        answer = QMessageBox.question(
            parent, _tr("Delete scenario variant"),
            _tr("Delete the scenario variant “{name}” with its results? This cannot be "
                "undone.").format(name=name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Yes
