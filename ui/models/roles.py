"""Custom item data roles shared by the models, the delegate and the views."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette

_USER = Qt.ItemDataRole.UserRole

OBJECT_ROLE = _USER + 1  # the domain object of the row
SORT_ROLE = _USER + 2  # a key that sorts numbers as numbers, missing values first
COLUMN_ROLE = _USER + 3  # the Column declaration of the cell (the delegate builds its editor)
PROBLEM_ROLE = _USER + 4  # list[str]: validation problems of the cell
PARTS_ROLE = _USER + 5  # the cell's location parts, as ui.problem_index uses them


def is_dark() -> bool:
    """Whether the application palette is dark (system dark mode or the dark theme)."""
    window = QGuiApplication.palette().color(QPalette.ColorRole.Window)
    return window.lightness() < 128


def problem_background() -> QColor:
    """A red tint that reads on light and dark palettes."""
    return QColor(110, 30, 30) if is_dark() else QColor(255, 214, 214)


def muted_foreground() -> QColor:
    """Text colour for "unlimited", "ineligible" and other absent values."""
    return QGuiApplication.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)


def sort_key(value: object) -> float | str:
    """A key Qt can compare natively: numbers as floats (missing first), text casefolded."""
    if value is None:
        return float("-inf")
    if isinstance(value, (bool, int, float)):
        return float(value)
    return str(value).casefold()

CHOICES_ROLE = _USER + 6  # list[(value, label)] for a choice cell, from the current scenario
FILTER_ROLE = _USER + 7  # the text of a whole row, asked of column 0 by the filter proxy
