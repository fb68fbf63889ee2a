"""Theme and style: follow the system's light or dark mode, or force one.

Qt 6 follows the system colour scheme on its own; forcing light or dark sets the
colour scheme hint and uses the Fusion style, which honours it on every platform.
A short style sheet gives the few custom widgets (banners, figure cards) colours
that read in both schemes.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

from ui.models.roles import is_dark

_LIGHT_SHEET = """
QLabel#staleBanner { background: #fff4ce; color: #5c4400; border: 1px solid #e0c060;
                     border-radius: 4px; padding: 6px; }
QLabel#hint { color: #555; }
QLabel#figureTitle, QLabel#figureCaption { color: #666; }
QFrame#figureCard { background: palette(base); border: 1px solid #d0d7de; border-radius: 6px; }
QLabel#diagnosisHeadline { font-weight: bold; color: #a00000; }
"""
_DARK_SHEET = """
QLabel#staleBanner { background: #4a3b00; color: #ffe58a; border: 1px solid #8a7000;
                     border-radius: 4px; padding: 6px; }
QLabel#hint { color: #aaa; }
QLabel#figureTitle, QLabel#figureCaption { color: #aaa; }
QFrame#figureCard { background: palette(base); border: 1px solid #555; border-radius: 6px; }
QLabel#diagnosisHeadline { font-weight: bold; color: #ff8a80; }
"""


def dark_palette() -> QPalette:
    """A neutral dark palette (used when dark is forced and the style has none)."""
    p = QPalette()
    window, base, text = QColor(45, 45, 48), QColor(30, 30, 32), QColor(230, 230, 230)
    for role, colour in (
        (QPalette.ColorRole.Window, window), (QPalette.ColorRole.WindowText, text),
        (QPalette.ColorRole.Base, base), (QPalette.ColorRole.AlternateBase, QColor(40, 40, 44)),
        (QPalette.ColorRole.Text, text), (QPalette.ColorRole.Button, window),
        (QPalette.ColorRole.ButtonText, text), (QPalette.ColorRole.ToolTipBase, base),
        (QPalette.ColorRole.ToolTipText, text), (QPalette.ColorRole.Highlight,
                                                 QColor(42, 110, 187)),
        (QPalette.ColorRole.HighlightedText, QColor(255, 255, 255)),
        (QPalette.ColorRole.PlaceholderText, QColor(140, 140, 140)),
    ):
        p.setColor(role, colour)
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor(120, 120, 120))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor(120, 120, 120))
    return p


_system: dict[str, object] = {}


def apply_theme(app: QApplication, theme: str) -> None:
    """``system``, ``light`` or ``dark``."""
    hints = app.styleHints()
    _system.setdefault("palette", QPalette(app.palette()))
    _system.setdefault("style", app.style().name())
    if theme == "dark":
        app.setStyle(QStyleFactory.create("Fusion"))
        hints.setColorScheme(Qt.ColorScheme.Dark)
        app.setPalette(dark_palette())
    elif theme == "light":
        app.setStyle(QStyleFactory.create("Fusion"))
        hints.setColorScheme(Qt.ColorScheme.Light)
        app.setPalette(app.style().standardPalette())
    else:
        hints.unsetColorScheme()
        app.setStyle(QStyleFactory.create(str(_system["style"])))
        app.setPalette(_system["palette"])  # type: ignore[arg-type]
    app.setStyleSheet(_DARK_SHEET if is_dark() else _LIGHT_SHEET)
