"""Optimising from the window: result, progress, cancel, supersede, stale, infeasible."""

from __future__ import annotations

import threading

import pytest
from conftest import infeasible_scenario, small_scenario

from procure.domain.result import SolveStatus
from procure.errors import Cancelled
from ui import optimise_controller
from ui.models.chip_table_model import ChipTableModel
from ui.plan_store import PlanStore
from ui.views.result_view import EMPTY, INFEASIBLE, PLAN
from ui.workspace import RESULT

PEAK = 3


def _open(window, scenario):
    window.set_store(PlanStore.new(scenario))
    return window.document


def _solve(window, qtbot):
    with qtbot.waitSignal(window.optimiser.solved, timeout=60_000) as blocker:
        assert window.optimiser.optimise()
    return blocker.args[0]


def test_optimise_shows_the_result(window, qtbot):
    document = _open(window, small_scenario())
    view = window.workspace.result_view
    assert view.stack.currentIndex() == EMPTY
    result = _solve(window, qtbot)
    assert result.status is SolveStatus.OPTIMAL
    assert result.objective == pytest.approx(1000.0)
    assert window.workspace.current_page == RESULT
    assert view.stack.currentIndex() == PLAN
    assert view.headline.cards["total"].value.text() == "1,000 CNY"
    assert view.purchase_model.index(0, 0).data() == "10"
    assert not view.stale_banner.isVisibleTo(view)
    assert document.latest_run.result.objective == pytest.approx(1000.0)
    assert not window.optimiser.runner.is_busy


def test_an_edit_marks_the_result_stale_and_undo_unmarks_it(window, qtbot):
    document = _open(window, small_scenario())
    _solve(window, qtbot)
    banner = window.workspace.result_view.stale_banner
    chips = ChipTableModel(document)
    chips.setData(chips.index(0, PEAK), "2")
    assert banner.isVisibleTo(window.workspace.result_view)
    assert document.is_stale
    document.undo_stack.undo()
    assert not banner.isVisibleTo(window.workspace.result_view)


def test_an_invalid_plan_is_not_optimised_and_the_problems_are_shown(window, qtbot):
    document = _open(window, small_scenario())
    chips = ChipTableModel(document)
    chips.setData(chips.index(0, PEAK), "-1")
    assert not window.optimiser.optimise()
    assert window.problems_dock.isVisibleTo(window)
    assert "1 problem" in window.status.problems_button.text()
    panel = window.problems_dock.widget()
    panel.view.activated.emit(panel.model.index(0, 0))
    workspace = window.workspace
    assert workspace.current_page == 2  # the chips page, at the bad cell
    table = workspace.pages[2].table.view
    assert table.to_source(table.currentIndex()).column() == PEAK


def _blocking_job(started: threading.Event):
    """A solve that runs until it is told to stop."""

    def factory(_scenario, *_args):
        def job(progress, should_stop):
            progress(10, "Solving")
            started.set()
            while not should_stop():
                threading.Event().wait(0.01)
            raise Cancelled()

        return job

    return factory


def test_cancel_stops_a_running_solve(window, qtbot, monkeypatch):
    started = threading.Event()
    monkeypatch.setattr(optimise_controller, "solve_job", _blocking_job(started))
    document = _open(window, small_scenario())
    assert window.optimiser.optimise()
    qtbot.waitUntil(started.is_set, timeout=10_000)
    assert window.actions_.cancel.isEnabled()
    assert window.status.cancel_button.isVisibleTo(window)
    with qtbot.waitSignal(window.optimiser.runner.cancelled, timeout=10_000):
        window.actions_.cancel.trigger()
    assert not window.actions_.cancel.isEnabled()
    assert document.latest_run is None
    assert window.optimiser.wait_for_done(10_000)


def test_a_new_run_supersedes_the_old_one(window, qtbot, monkeypatch):
    started = threading.Event()
    real = optimise_controller.solve_job
    calls = []

    def first_blocks(scenario, *args):
        calls.append(scenario)
        return _blocking_job(started)(scenario) if len(calls) == 1 else real(scenario, *args)

    monkeypatch.setattr(optimise_controller, "solve_job", first_blocks)
    _open(window, small_scenario())
    results, cancels = [], []
    window.optimiser.solved.connect(results.append)
    window.optimiser.runner.cancelled.connect(lambda: cancels.append(1))
    with qtbot.waitSignal(window.optimiser.solved, timeout=60_000):
        window.optimiser.optimise()
        qtbot.waitUntil(started.is_set, timeout=10_000)
        window.optimiser.optimise()  # F5 again: the first run is cancelled and disconnected
    assert window.optimiser.wait_for_done(10_000)
    qtbot.wait(50)  # anything the superseded run queued would arrive now
    assert len(calls) == 2
    assert [r.status for r in results] == [SolveStatus.OPTIMAL]
    assert cancels == []  # superseding is not a cancel the user asked for


def test_an_infeasible_plan_shows_the_diagnosis_and_a_relaxation_fixes_it(window, qtbot):
    document = _open(window, infeasible_scenario())
    result = _solve(window, qtbot)
    assert result.status is SolveStatus.INFEASIBLE
    view = window.workspace.result_view
    assert view.stack.currentIndex() == INFEASIBLE
    panel = view.diagnosis
    assert len(panel.relaxation_labels) == len(result.diagnosis) >= 1
    with qtbot.waitSignal(window.optimiser.solved, timeout=60_000) as blocker:
        panel.apply_all_button.click()
    assert blocker.args[0].status is SolveStatus.OPTIMAL
    assert view.stack.currentIndex() == PLAN
    shares = document.scenario.limits.category_share
    assert (shares["imported"].min or 0) + (shares["domestic"].min or 0) <= 1.0 + 1e-9
    # The audit log names the limits that moved, not a replacement of the whole plan.
    paths = {e.path for e in document.store.audit_log(limit=20)}
    assert any("category_share" in p for p in paths), paths
    document.undo_stack.undo()  # the relaxation is one undoable step
    assert document.scenario.limits.category_share["imported"].min == 0.6


def test_one_limit_alone_is_offered_with_its_own_button_and_it_is_enough(window, qtbot):
    """Both category floors at 60%: lowering one of them alone (to 40%) is enough."""
    document = _open(window, infeasible_scenario())
    result = _solve(window, qtbot)
    panel = window.workspace.result_view.diagnosis
    assert not panel.levers_intro.isHidden()
    assert len(panel.buttons) == len(panel.lever_labels) >= 1
    assert all("(alone enough)" in label.text() for label in panel.lever_labels)
    with qtbot.waitSignal(window.optimiser.solved, timeout=60_000) as blocker:
        panel.buttons[0].click()
    assert blocker.args[0].status is SolveStatus.OPTIMAL
    shares = document.scenario.limits.category_share
    moved = [k for k in ("imported", "domestic") if shares[k].min != 0.6]
    assert len(moved) == 1, shares  # only that one limit changed
    assert result.status is SolveStatus.INFEASIBLE


def test_progress_reaches_the_status_bar(window, qtbot):
    _open(window, small_scenario())
    seen = []
    window.optimiser.runner.progressed.connect(lambda pct, msg: seen.append(pct))
    _solve(window, qtbot)
    assert seen and seen == sorted(seen) and seen[-1] == 100
