"""Helper processes are never forked from a process with threads, and the solves they run
go through the one solver module."""

from __future__ import annotations

import os

import pytest
from factories import build, two_vendor, two_vendor_data, with_chip

from procure.analysis.parallel import run_tasks
from procure.domain.result import SolveStatus
from procure.errors import Problem, ValidationError
from procure.optimiser import SolveOptions, solve
from procure.optimiser import solver as solver_module


def _no_fork() -> int:
    raise AssertionError("os.fork() called in a process that may run Qt threads")


def _double_or_refuse(shared: int, item: int, _stop: object) -> int:
    if item < 0:
        raise ValidationError([Problem(f"points[{item}]", "must not be negative")], "sweep")
    return shared * item


def test_a_stoppable_solve_never_forks_the_calling_process(monkeypatch):
    monkeypatch.setattr(os, "fork", _no_fork)
    result = solve(two_vendor(), should_stop=lambda: False)
    assert result.status is SolveStatus.OPTIMAL
    assert result.objective == pytest.approx(1000)


def test_parallel_tasks_never_fork_the_calling_process(monkeypatch):
    monkeypatch.setattr(os, "fork", _no_fork)
    assert run_tasks(_double_or_refuse, [1, 2, 3], shared=2, workers=2) == [2, 4, 6]


def test_a_validation_error_from_a_worker_keeps_its_locations():
    with pytest.raises(ValidationError) as caught:
        run_tasks(_double_or_refuse, [1, -1], shared=2, workers=2)
    assert caught.value.problems == (Problem("points[-1]", "must not be negative"),)
    assert caught.value.source == "sweep"


def test_the_fixed_integer_duals_are_solved_by_the_solver_module_with_the_time_limit(
        monkeypatch):
    calls = []
    real = solver_module.solve_programme

    def recording(lp, **kwargs):
        calls.append(kwargs)
        return real(lp, **kwargs)

    monkeypatch.setattr(solver_module, "solve_programme", recording)
    scenario = build(with_chip(two_vendor_data(integer=True), "a", lot_size=4))
    result = solve(scenario, SolveOptions(time_limit=30))
    assert result.x["shadow_prices"].startswith("duals of the LP")
    assert len(calls) == 2  # the integer search, then the LP with its orders fixed
    assert calls[1]["integer"] is False
    assert 0 < calls[1]["time_limit"] <= 30
