"""Errors reach the user as dialogs with a clear text; unexpected ones go to the log."""

from __future__ import annotations

import datetime as dt
import sys

from PySide6.QtWidgets import QMessageBox, QWidget

from procure.errors import Cancelled, Problem, ProcureError, ValidationError
from procure.logs import log_file, setup_logging
from procure.storage.records import ConflictError
from ui.errors import error_text, install_excepthook, show_error
from ui.qt_compat import emit
from ui.team.conflict_dialog import ConflictDialog


def test_a_procure_error_shows_its_message(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    box = show_error(parent, ProcureError("The plan file is damaged."))
    assert isinstance(box, QMessageBox)
    assert box.text() == "The plan file is damaged."
    box.close()


def test_a_validation_error_lists_its_problems():
    head, details = error_text(ValidationError([Problem("chips[0].price", "needs 4 values")]))
    assert head == "1 problem found"
    assert details == "chips[0].price: needs 4 values"


def test_cancelled_is_not_an_error(qtbot):
    assert show_error(None, Cancelled()) is None


def test_an_unexpected_error_is_logged_and_explained_without_a_traceback(qtbot):
    setup_logging()  # what ui.app.main does first
    try:
        raise ZeroDivisionError("boom")
    except ZeroDivisionError as exc:
        box = show_error(None, exc)
    assert "unexpected" in box.text()
    assert "Traceback" not in box.text() + box.informativeText()
    assert str(log_file()) in box.informativeText()
    assert "ZeroDivisionError: boom" in log_file().read_text(encoding="utf-8")
    box.close()


def test_a_conflict_names_the_conflicting_change(qtbot):
    when = dt.datetime(2026, 11, 28, 9, 30, tzinfo=dt.UTC)
    exc = ConflictError(path='chips["h20"].price["2026Q2"]', theirs=91000.0, by="wang",
                        at=when)
    box = show_error(None, exc)
    assert isinstance(box, ConflictDialog)
    text = box.informativeText()
    assert 'chips["h20"].price["2026Q2"]' in text and "wang" in text and "91000.0" in text
    box.close()


def test_the_excepthook_shows_and_logs(qtbot, monkeypatch):
    shown = []
    monkeypatch.setattr("ui.errors.show_error", lambda parent, exc, **_kw: shown.append(exc))
    old = sys.excepthook
    try:
        install_excepthook()
        sys.excepthook(RuntimeError, RuntimeError("late"), None)
    finally:
        sys.excepthook = old
    assert isinstance(shown[0], RuntimeError)


def test_emit_keeps_the_interpreters_bools_intact(qtbot):
    """PySide6 6.12.0's emit() returns a borrowed True; ui.qt_compat.emit gives it back."""
    from PySide6.QtCore import QObject, Signal

    class Source(QObject):
        fired = Signal(object)

    source = Source()
    before = sys.getrefcount(True)
    for _ in range(500):
        emit(source.fired, 1)
    assert sys.getrefcount(True) >= before - 5
