"""Preferences: language, number format, currency display, theme."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ui import formatting
from ui.i18n import tr as _tr
from ui.qt_compat import emit
from ui.settings import AppSettings

LANGUAGE_NAMES = (
    ("system", QT_TRANSLATE_NOOP("SettingsDialog", "Follow the system")),
    ("en", "English"),
    ("zh_CN", "简体中文"),
)
NUMBER_NAMES = (
    ("grouped", QT_TRANSLATE_NOOP("SettingsDialog", "1,234,567.8 (grouped)")),
    ("plain", QT_TRANSLATE_NOOP("SettingsDialog", "1234567.8 (plain)")),
    ("locale", QT_TRANSLATE_NOOP("SettingsDialog", "As the language writes them")),
)
# The examples are formatted by ui.formatting itself, so they read as the window will
# ("12.00 亿元" in Chinese), never as a hand-written English sample.
CURRENCY_NAMES = (
    ("compact", QT_TRANSLATE_NOOP("SettingsDialog", "Compact: {example}")),
    ("full", QT_TRANSLATE_NOOP("SettingsDialog", "Full: {example}")),
    ("symbol", QT_TRANSLATE_NOOP("SettingsDialog", "Symbol: {example}")),
)
EXAMPLE_AMOUNT = 1.2e9
THEME_NAMES = (
    ("system", QT_TRANSLATE_NOOP("SettingsDialog", "Follow the system")),
    ("light", QT_TRANSLATE_NOOP("SettingsDialog", "Light")),
    ("dark", QT_TRANSLATE_NOOP("SettingsDialog", "Dark")),
)


class SettingsDialog(QDialog):
    """Edits :class:`ui.settings.AppSettings`; the window applies them when accepted.

    Signals
    -------
    settings_changed()
        The planner pressed OK and something changed.
    """

    settings_changed = Signal()

    def __init__(self, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_tr("Settings"))
        self._settings = settings
        self.language = self._combo(LANGUAGE_NAMES, settings.language)
        self.number_format = self._combo(NUMBER_NAMES, settings.number_format)
        self.currency_display = self._combo(CURRENCY_NAMES, settings.currency_display)
        self.theme = self._combo(THEME_NAMES, settings.theme)
        form = QFormLayout()
        form.addRow(_tr("Language"), self.language)
        form.addRow(_tr("Numbers"), self.number_format)
        form.addRow(_tr("Money"), self.currency_display)
        form.addRow(_tr("Theme"), self.theme)
        note = QLabel(_tr("Changes apply at once; the window is rebuilt in the new language."),
                      self)
        note.setWordWrap(True)
        note.setObjectName("hint")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def _combo(self, names: tuple[tuple[str, str], ...], current: str) -> QComboBox:
        combo = QComboBox(self)
        for key, label in names:
            text = QCoreApplication.translate("SettingsDialog", label)
            if "{example}" in text:
                text = text.format(example=formatting.money_example(EXAMPLE_AMOUNT, key))
            combo.addItem(text, key)
        combo.setCurrentIndex(max(combo.findData(current), 0))
        return combo

    def accept(self) -> None:
        s = self._settings
        before = (s.language, s.number_format, s.currency_display, s.theme)
        s.language = self.language.currentData()
        s.number_format = self.number_format.currentData()
        s.currency_display = self.currency_display.currentData()
        s.theme = self.theme.currentData()
        s.sync()
        formatting.configure(s.number_format, s.currency_display)
        super().accept()
        if before != (s.language, s.number_format, s.currency_display, s.theme):
            emit(self.settings_changed)
