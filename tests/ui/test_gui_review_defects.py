"""Defects found on review (#11 item 6): each test failed before its fix."""

from __future__ import annotations

import logging
import threading

import pytest
from PySide6.QtWidgets import QApplication

from procure.domain.edits import SetField
from procure.errors import Cancelled, ProcureError
from ui import errors
from ui.commands import EditMacroCommand
from ui.export_actions import ExportKind
from ui.workers import JobRunner, wait_for_all_jobs


def test_a_job_left_running_on_a_runners_own_pool_is_caught(qapp):
    release = threading.Event()
    runner = JobRunner()
    runner.start(lambda _p, _s: release.wait(20))
    try:
        assert not wait_for_all_jobs(50)  # the global pool alone would say "all done"
    finally:
        release.set()
    assert wait_for_all_jobs(10_000)


class _Store:
    closed = False

    def close(self) -> None:
        self.closed = True


def test_a_result_that_arrives_after_cancel_is_discarded_not_leaked(qapp, qtbot):
    release, store = threading.Event(), _Store()
    runner = JobRunner()
    finished = []
    runner.finished.connect(lambda value, _context: finished.append(value))

    def job(_progress, _stop):
        release.wait(20)
        return store, []

    runner.start(job, discard=lambda value: value[0].close())
    runner.cancel()
    release.set()
    assert runner.wait_for_done(10_000)
    qtbot.waitUntil(lambda: store.closed, timeout=5_000)
    assert finished == []


def test_a_result_taken_by_the_window_is_not_discarded(qapp, qtbot):
    store, runner = _Store(), JobRunner()
    with qtbot.waitSignal(runner.finished, timeout=10_000) as got:
        runner.start(lambda _p, _s: (store, []), discard=lambda value: value[0].close())
    assert got.args[0][0] is store and not store.closed


def _cancelled(_progress, _stop):
    raise Cancelled()


def test_the_team_connect_hands_its_store_to_discard(window, monkeypatch):
    seen = {}
    real_start = JobRunner.start

    def start(self, job, context=None, discard=None):
        seen["discard"] = discard
        return real_start(self, _cancelled, context)

    monkeypatch.setattr(JobRunner, "start", start)
    dialog = window.team.connect_to_server()
    window.team._on_connect_dialog_accepted(dialog, None)
    dialog.close()
    store = _Store()
    seen["discard"]((store, []))
    assert store.closed


def test_an_export_module_that_fails_to_import_is_an_error_not_a_grey_entry():
    broken = ExportKind("x", "X", "procure.no_such_module", "write", "", ".x")
    with pytest.raises(ImportError):
        broken.writer()
    missing = ExportKind("x", "X", "procure.formats.scenario_json", "no_such_writer", "", ".x")
    with pytest.raises(AttributeError):
        missing.writer()


def test_a_macro_whose_undo_fails_half_way_is_rolled_back_whole(document, qtbot):
    edits = [SetField(("chips", "a", "price", "P1"), 111.0),
             SetField(("chips", "b", "price", "P1"), 222.0)]
    command = EditMacroCommand(document, document.variant, edits, "two prices")
    command.redo()
    after_redo = document.scenario
    real_apply, calls = document.apply, []

    def apply(variant, edit):
        calls.append(edit)
        if len(calls) == 2:
            raise ProcureError("someone else changed chip a")
        return real_apply(variant, edit)

    document.apply = apply
    with qtbot.waitSignal(document.failed, timeout=5_000):
        command.undo()
    assert document.scenario == after_redo  # the one inverse that went in was taken back
    assert command.isObsolete()


def test_an_uncaught_error_is_logged_once(qapp, caplog):
    caplog.set_level(logging.ERROR, logger="procure.ui")
    try:
        raise ZeroDivisionError("boom")
    except ZeroDivisionError as exc:
        errors._excepthook(type(exc), exc, exc.__traceback__)
    logged = [r for r in caplog.records if r.exc_info and r.exc_info[0] is ZeroDivisionError]
    assert len(logged) == 1
    for widget in QApplication.topLevelWidgets():
        if widget.objectName() == "errorDialog":
            widget.close()
