"""The review workflow in the window: submit, approve, back to draft, new revision."""

from __future__ import annotations

import pytest
from conftest import small_scenario
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from test_gui_team import server_url  # noqa: F401  (the fixture: a database of its own)

from procure import services
from procure.services import PlanStatus
from ui.models.chip_table_model import ChipTableModel
from ui.plan_store import PlanStore
from ui.review_controller import ReviewController

PEAK = 3


def _dialogs() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.isVisible()]


def _close_dialogs() -> None:
    for box in _dialogs():
        box.close()


def _enabled(window) -> dict[str, bool]:
    a = window.actions_
    return {name: getattr(a, name).isEnabled()
            for name in ("submit_for_review", "approve", "back_to_draft", "new_revision")}


def _editable(model: ChipTableModel) -> bool:
    return bool(model.flags(model.index(0, PEAK)) & Qt.ItemFlag.ItemIsEditable)


@pytest.fixture
def confirm(monkeypatch):
    """Answer the approval question with ``answers`` (True: approve)."""
    answers: list[bool] = []
    monkeypatch.setattr(ReviewController, "ask_approve",
                        classmethod(lambda cls, parent, title: answers.pop(0)))
    return answers


def _approve(window, confirm) -> None:
    window.actions_.submit_for_review.trigger()
    confirm.append(True)
    window.actions_.approve.trigger()
    assert window.document.status is PlanStatus.APPROVED


def test_the_core_offers_only_the_next_steps(tmp_path):
    doc = services.create_plan_file(tmp_path / "p.procure", small_scenario())
    store, plan = doc.store, doc.plan
    assert services.allowed_statuses(store, plan) == (PlanStatus.IN_REVIEW,)
    assert not services.can_start_revision(store, plan)
    plan = services.set_status(store, plan, PlanStatus.IN_REVIEW)
    assert set(services.allowed_statuses(store, plan)) == {PlanStatus.DRAFT,
                                                          PlanStatus.APPROVED}
    plan = services.set_status(store, plan, PlanStatus.APPROVED)
    assert services.allowed_statuses(store, plan) == ()
    assert services.can_start_revision(store, plan)
    with services.open_store(tmp_path / "p.procure") as elsewhere:  # the file is taken
        assert elsewhere.read_only
        assert not services.can_start_revision(elsewhere, plan)
        assert services.allowed_statuses(elsewhere, doc.plan) == ()
    store.close()


def test_only_the_allowed_steps_are_enabled(window, confirm):
    assert not any(_enabled(window).values())  # no plan open
    window.set_store(PlanStore.new(small_scenario()))
    assert _enabled(window) == {"submit_for_review": True, "approve": False,
                                "back_to_draft": False, "new_revision": False}
    assert window.status.plan_status_label.text() == "Draft"
    assert "[" not in window.windowTitle()
    window.actions_.submit_for_review.trigger()
    assert window.document.status is PlanStatus.IN_REVIEW
    assert _enabled(window) == {"submit_for_review": False, "approve": True,
                                "back_to_draft": True, "new_revision": False}
    assert window.status.plan_status_label.text() == "In review"
    assert "[In review]" in window.windowTitle()
    window.actions_.back_to_draft.trigger()
    assert window.document.status is PlanStatus.DRAFT
    assert _enabled(window)["submit_for_review"] and not _enabled(window)["approve"]
    window.actions_.close_plan.trigger()
    assert not any(_enabled(window).values())
    assert not window.status.plan_status_label.isVisible()


def test_a_plan_in_review_stays_editable(window):
    window.set_store(PlanStore.new(small_scenario()))
    chips = ChipTableModel(window.document)
    chips.setData(chips.index(0, PEAK), "2")
    window.actions_.submit_for_review.trigger()
    assert _editable(chips)
    assert chips.setData(chips.index(0, PEAK), "3")
    assert window.document.scenario.chips[0].peak_pflops == 3.0
    assert window.document.undo_stack.count() == 1  # one cell, one merged step


def test_approving_asks_first_then_makes_the_editors_read_only(window, confirm):
    window.set_store(PlanStore.new(small_scenario()))
    document = window.document
    chips = ChipTableModel(document)
    shown = window.workspace.pages[2].model
    chips.setData(chips.index(0, PEAK), "2")
    window.actions_.submit_for_review.trigger()
    confirm.append(False)  # the planner thinks again
    window.actions_.approve.trigger()
    assert document.status is PlanStatus.IN_REVIEW and not document.read_only
    confirm.append(True)
    window.actions_.approve.trigger()
    assert document.status is PlanStatus.APPROVED and document.read_only
    assert not _editable(chips) and not _editable(shown)
    assert _enabled(window) == {"submit_for_review": False, "approve": False,
                                "back_to_draft": False, "new_revision": True}
    assert window.status.plan_status_label.text() == "Approved · read-only"
    assert "[Approved]" in window.windowTitle()
    assert not window.actions_.undo.isEnabled()  # its steps cannot apply to an approved plan
    # Editing is refused with a message, and nothing changes.
    assert not chips.setData(chips.index(0, PEAK), "5")
    assert not shown.add_row()
    assert document.scenario.chips[0].peak_pflops == 2.0
    boxes = _dialogs()
    assert boxes and "approved" in boxes[0].text()
    _close_dialogs()
    assert services.open_plan(document.store.services_store).plan.read_only  # stored


def test_a_new_revision_opens_as_an_editable_draft_on_the_same_variant(window, confirm):
    window.set_store(PlanStore.new(small_scenario()))
    document = window.document
    assert document.add_variant("cheaper")
    chips = ChipTableModel(document)
    chips.setData(chips.index(0, PEAK), "4")
    _approve(window, confirm)
    window.actions_.new_revision.trigger()
    assert window.document is document  # the same window and document, the next revision
    assert document.store.plan.revision == 2
    assert document.status is PlanStatus.DRAFT and not document.read_only
    assert document.variant == "cheaper"
    assert document.store.variants() == ("", "cheaper")
    assert document.scenario.chips[0].peak_pflops == 4.0
    assert "(revision 2)" in window.windowTitle() and "[" not in window.windowTitle()
    assert _enabled(window) == {"submit_for_review": True, "approve": False,
                                "back_to_draft": False, "new_revision": False}
    assert window.variants.combo.currentData() == "cheaper"
    assert _editable(window.workspace.pages[2].model)
    assert chips.setData(chips.index(0, PEAK), "6")
    document.undo_stack.undo()
    assert document.scenario.chips[0].peak_pflops == 4.0
    plans = services.list_plans(document.store.services_store)
    assert [(p.revision, p.status) for p in plans] == [(1, PlanStatus.APPROVED),
                                                       (2, PlanStatus.DRAFT)]


def test_a_plan_open_elsewhere_offers_no_review_step(window, tmp_path):
    path = tmp_path / "taken.procure"
    writer = services.create_plan_file(path, small_scenario())  # holds the file's lock
    try:
        assert window.open_path(path)
        _close_dialogs()
        assert window.document.read_only
        assert not any(_enabled(window).values())
        assert window.status.plan_status_label.text() == "Draft · read-only"
        window.actions_.close_plan.trigger()
    finally:
        writer.store.close()


@pytest.mark.postgres
def test_a_colleague_deciding_first_is_a_conflict_and_the_window_catches_up(
        window, confirm, request):
    url = request.getfixturevalue("server_url")
    store = services.open_store(url, user="li")
    plan = services.create_plan(store, "Fleet", small_scenario())
    window.set_store(PlanStore.open_plan(store, plan))
    document = window.document
    with services.open_store(url, user="wang") as other:
        services.set_status(other, plan, PlanStatus.IN_REVIEW)
        window.actions_.submit_for_review.trigger()  # li still sees a draft
        boxes = _dialogs()
        assert boxes and "wang" in boxes[0].informativeText()
        _close_dialogs()
        assert document.status is PlanStatus.IN_REVIEW  # reloaded at once
        assert _enabled(window)["approve"]
        # A decision taken elsewhere reaches the window with the next refresh.
        seen = services.list_plans(other)[0]
        services.set_status(other, seen, PlanStatus.APPROVED)
        document.refresh()
        assert document.read_only
        assert _enabled(window) == {"submit_for_review": False, "approve": False,
                                    "back_to_draft": False, "new_revision": True}
        assert "[Approved]" in window.windowTitle()
