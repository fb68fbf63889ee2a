"""Qt's own strings (file dialogs, standard buttons) follow the window's language (#15 item 10)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLibraryInfo

from ui import i18n

SPEC = Path(__file__).resolve().parents[2] / "installer" / "procure.spec"


@pytest.fixture
def english_after(qapp):
    yield
    i18n.install("en")


def _open() -> str:
    return QCoreApplication.translate("QFileDialog", "&Open")


def test_the_file_dialog_speaks_chinese_after_switching(english_after):
    i18n.install("en")
    assert _open() == "&Open"
    i18n.install("zh_CN")
    assert _open() == "打开(&O)"
    assert QCoreApplication.translate("QFileDialog", "File &name:") != "File &name:"
    i18n.install("en")
    assert _open() == "&Open"


def test_qt_translations_are_found_where_the_installed_app_keeps_them(english_after,
                                                                      monkeypatch, tmp_path):
    # In the installed application Qt's configured folder need not hold them (qt.conf
    # of the bundle); the copy inside the PySide6 package is used then.
    monkeypatch.setattr(QLibraryInfo, "path", lambda _which: str(tmp_path))
    i18n.install("zh_CN")
    assert _open() == "打开(&O)"


def test_the_bundle_ships_qts_chinese_translations():
    text = SPEC.read_text(encoding="utf-8")
    assert "qtbase_zh_CN.qm" in text and "PySide6/Qt/translations" in text
