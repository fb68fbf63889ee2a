"""Stopping a solve from another thread, and progress reports."""

from __future__ import annotations

import threading
import time

import pytest
from factories import two_vendor

from procure.domain.result import SolveStatus
from procure.errors import Cancelled
from procure.optimiser import highs, solve


def test_should_stop_before_start_cancels_at_once():
    with pytest.raises(Cancelled):
        solve(two_vendor(), should_stop=lambda: True)


def test_stoppable_solve_gives_the_same_answer():
    result = solve(two_vendor(), should_stop=lambda: False)
    assert result.status is SolveStatus.OPTIMAL
    assert result.objective == pytest.approx(1000)


def _slow_child(conn, lp, kwargs):
    """A solver process that would take a minute (module-level: the child imports it)."""
    time.sleep(60)
    raise AssertionError("not stopped")


def test_a_long_solve_is_stopped_from_another_thread(monkeypatch):
    """The solver process is terminated: the call returns long before the solve would."""
    monkeypatch.setattr(highs, "_child", _slow_child)
    stop = threading.Event()
    timer = threading.Timer(0.3, stop.set)
    timer.start()
    started = time.monotonic()
    with pytest.raises(Cancelled):
        solve(two_vendor(), should_stop=stop.is_set)
    assert time.monotonic() - started < 30  # generous: the point is "not 60 s"
    timer.cancel()


def test_progress_is_reported_in_order():
    seen: list[tuple[int, str]] = []
    solve(two_vendor(), progress=lambda pct, msg: seen.append((pct, msg)))
    percents = [pct for pct, _ in seen]
    assert percents == sorted(percents) and percents[-1] == 100
    assert seen[0][1] == "Building the model"
