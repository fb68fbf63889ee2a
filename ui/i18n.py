"""Languages: English (the source text) and Simplified Chinese (Qt Linguist files).

The translations live in ``resources/i18n`` (``procure_zh_CN.ts`` and the compiled
``.qm``); ``resources/i18n/update_translations.py`` regenerates them. Qt's own
strings (dialog buttons) come from the translations that ship with Qt.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from procure.resources import resource_path

SUPPORTED = ("en", "zh_CN")
_installed: list[QTranslator] = []
_current = "en"  # the language install() chose last


def resolve(language: str) -> str:
    """``system`` becomes the system's language if Procure speaks it, else English."""
    if language in SUPPORTED:
        return language
    return "zh_CN" if QLocale.system().name().startswith("zh") else "en"


def prose_language(language: str) -> str:
    """The core's language code (``en`` / ``zh``) for memo wording and labels."""
    return "zh" if resolve(language) == "zh_CN" else "en"


def current_prose_language() -> str:
    """The core's language code (``en`` / ``zh``) of the translators installed now.

    For text the core words itself (validation problems) in a model that has no
    window to ask: like ``tr``, it follows what :func:`install` chose, and the
    window is rebuilt when the language changes.
    """
    return "zh" if _current == "zh_CN" else "en"


def install(language: str) -> str:
    """Install the translators for ``language`` (replacing any); returns the language used."""
    global _current
    app = QCoreApplication.instance()
    for translator in _installed:
        QCoreApplication.removeTranslator(translator)
    _installed.clear()
    chosen = resolve(language)
    _current = chosen
    if chosen == "en" or app is None:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
        return chosen
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    ours = QTranslator(app)
    if ours.load(str(resource_path("i18n", f"procure_{chosen}.qm"))):
        QCoreApplication.installTranslator(ours)
        _installed.append(ours)
    qt = QTranslator(app)
    if any(qt.load(f"qtbase_{chosen}", folder) for folder in qt_translation_dirs()):
        QCoreApplication.installTranslator(qt)
        _installed.append(qt)
    return chosen


def qt_translation_dirs() -> list[str]:
    """Where Qt's own translations (file dialogs, standard buttons) may be: Qt's
    configured folder first, then the one inside the PySide6 package, which is where
    the installed application carries them when its qt.conf points elsewhere."""
    import PySide6

    folders = [QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)]
    package = Path(PySide6.__file__).resolve().parent / "Qt" / "translations"
    folders.append(str(package))
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        folders.append(str(Path(frozen) / "PySide6" / "Qt" / "translations"))
    return [f for f in dict.fromkeys(folders) if f]


def tr(text: str) -> str:
    """Translate a sentence of the window.

    Modules import this as ``_tr``; ``update_translations.py`` runs ``pyside6-lupdate``
    with ``-tr-function-alias tr+=_tr``, which files those calls under the empty
    context, the context this looks them up in. Labels declared in tables use
    ``QT_TRANSLATE_NOOP`` with a context of their own ("Columns", "Exports").
    """
    return QCoreApplication.translate("", text)
