"""A plan that was never saved is not lost: Save / Discard / Cancel, and crash recovery."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ASK_TO_SAVE, small_scenario
from PySide6.QtWidgets import QMessageBox

from procure.domain.edits import SetField
from procure.formats.scenario_json import write_scenario
from ui import unsaved_plans
from ui.file_dialogs import FileDialogs
from ui.plan_store import PlanStore

Button = QMessageBox.StandardButton


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> list:
    """The real question, answered with the buttons the test appends (then Discard, so
    the window can close when the test ends); each question asked is recorded."""
    monkeypatch.setattr(unsaved_plans, "ask_to_save", ASK_TO_SAVE)
    replies: list = []
    asked: list[str] = []

    def exec_(box: QMessageBox) -> int:
        asked.append(box.text())
        return replies.pop(0) if replies else Button.Discard

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return [replies, asked]


def _edited_new_plan(window) -> Path:
    window.start_page.demo_button.click()
    window.document.push(SetField(("name",), "Unsaved work"))
    folder = window.document.store._untitled_dir
    assert folder is not None and folder.is_dir()
    return folder


def test_closing_an_edited_new_plan_asks_and_cancel_keeps_it(window, answers):
    replies, asked = answers
    folder = _edited_new_plan(window)
    replies.append(Button.Cancel)
    window.actions_.close_plan.trigger()
    assert asked and "has not been saved" in asked[0]
    assert window.document is not None and folder.is_dir()


def test_discard_closes_and_removes_the_unsaved_plan(window, answers):
    replies, _asked = answers
    folder = _edited_new_plan(window)
    replies.append(Button.Discard)
    window.actions_.close_plan.trigger()
    assert window.document is None and not folder.exists()


def test_save_moves_the_plan_then_closes(window, answers, tmp_path, monkeypatch):
    replies, _asked = answers
    _edited_new_plan(window)
    target = tmp_path / "kept.procure"
    monkeypatch.setattr(FileDialogs, "ask_save_plan", classmethod(lambda cls, p, s: target))
    replies.append(Button.Save)
    window.actions_.close_plan.trigger()
    assert window.document is None and target.exists()
    reopened = PlanStore.open(target)
    try:
        assert reopened.scenario("").name == "Unsaved work"
    finally:
        reopened.close()


def test_save_then_cancelling_the_file_dialog_keeps_the_plan_open(window, answers,
                                                                 monkeypatch):
    replies, _asked = answers
    _edited_new_plan(window)
    monkeypatch.setattr(FileDialogs, "ask_save_plan", classmethod(lambda cls, p, s: None))
    replies.append(Button.Save)
    window.actions_.close_plan.trigger()
    assert window.document is not None


def test_the_window_close_button_and_quit_ask_too(window, answers):
    replies, asked = answers
    folder = _edited_new_plan(window)
    replies.append(Button.Cancel)
    window.actions_.quit.trigger()  # Ctrl+Q closes the window
    assert len(asked) == 1 and window.document is not None
    replies.append(Button.Cancel)
    assert not window.close()  # the title bar's close button
    assert len(asked) == 2 and folder.is_dir()
    replies.append(Button.Discard)
    assert window.close()
    assert not folder.exists()


def test_opening_another_plan_asks_first(window, answers, tmp_path):
    replies, asked = answers
    _edited_new_plan(window)
    other = tmp_path / "other.json"
    write_scenario(small_scenario(), other)
    replies.append(Button.Cancel)
    assert not window.open_path(other)
    assert window.document.scenario.name == "Unsaved work"
    replies.append(Button.Discard)
    assert window.open_path(other)
    assert window.document.scenario.name != "Unsaved work"
    assert len(asked) == 2


def test_an_untouched_import_closes_without_a_question(window, answers, tmp_path):
    _replies, asked = answers
    path = tmp_path / "plan.json"
    write_scenario(small_scenario(), path)
    assert window.open_path(path)
    window.actions_.close_plan.trigger()
    assert window.document is None and asked == []


def test_a_saved_plan_never_asks(window, answers, tmp_path, monkeypatch):
    _replies, asked = answers
    _edited_new_plan(window)
    target = tmp_path / "saved.procure"
    monkeypatch.setattr(FileDialogs, "ask_save_plan", classmethod(lambda cls, p, s: target))
    window.actions_.save_as.trigger()
    window.document.push(SetField(("name",), "Edited after saving"))
    window.actions_.close_plan.trigger()
    assert window.document is None and asked == []


def _crashed_plan() -> Path:
    """An edited untitled plan whose process 'died': its lock is gone, its folder not."""
    store = PlanStore.new(small_scenario())
    store.apply("", SetField(("name",), "Before the crash"))
    folder = store._untitled_dir
    store.close_keeping_file()  # what the OS does to the lock when a process is killed
    return folder


def test_a_crash_leaves_the_plan_to_recover_at_the_next_start(window, answers):
    replies, asked = answers
    folder = _crashed_plan()
    replies.append(Button.Yes)
    assert window.offer_recovery()
    assert asked == ["Recover the plan you were editing?"]
    assert window.document.scenario.name == "Before the crash"
    assert window.document.store.is_untitled and window.document.store.has_unsaved_work
    assert "not saved yet" in window.windowTitle()
    assert unsaved_plans.orphans() == []  # it is open now: no second offer
    replies.append(Button.Discard)
    window.actions_.close_plan.trigger()  # recovered work counts as unsaved
    assert not folder.exists()


def test_recovery_can_be_declined_for_now_or_for_good(window, answers):
    replies, _asked = answers
    folder = _crashed_plan()
    replies.append(Button.Cancel)  # "Not now"
    assert not window.offer_recovery()
    assert window.document is None and folder.is_dir()
    replies.append(Button.Discard)
    assert not window.offer_recovery()
    assert not folder.exists()


def test_a_plan_open_in_this_process_is_not_an_orphan(window):
    _edited_new_plan(window)
    assert unsaved_plans.orphans() == []
