"""The core re-checks every plan the solver returns before anyone sees it.

The solver is made to lie here (its answer is corrupted on the way back), which is the
only way to test this deterministically: a plan that breaks a limit is solved again with
safer settings, and when no answer passes, the result is an error naming what broke and
the badly scaled inputs, never a plan marked optimal.
"""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from factories import build, two_vendor, two_vendor_data

from procure.cli.main import main
from procure.domain.result import SolveStatus
from procure.formats.scenario_json import write_scenario
from procure.optimiser import highs, solver
from procure.optimiser.index import index_scenario
from procure.optimiser.lp import build_lp
from procure.optimiser.recheck import check_result, duality_gap, fragile_inputs


def _lying(times: int):
    """A solve_programme whose first ``times`` answers double every order."""
    calls = {"n": 0, "methods": []}

    def solve(lp, **kwargs):
        raw = highs.solve_programme(lp, **kwargs)
        calls["n"] += 1
        calls["methods"].append(kwargs.get("method", "highs"))
        if calls["n"] <= times and raw.x is not None:
            x = raw.x.copy()
            x[lp.columns.b: lp.columns.x] *= 3  # orders far beyond the budget
            raw = dataclasses.replace(raw, x=x)
        return raw

    return solve, calls


def _budgeted():
    return build(two_vendor_data(budget={"total": 1000}))


def test_an_answer_that_breaks_a_limit_is_solved_again(monkeypatch):
    fake, calls = _lying(times=1)
    monkeypatch.setattr(solver, "solve_programme", fake)
    result = solver.solve(_budgeted())
    assert result.status is SolveStatus.OPTIMAL
    assert result.objective == pytest.approx(1000)
    assert calls["methods"][:2] == ["highs", "highs-ipm"]
    assert any("budget:total" in v for v in result.x["recheck"]["first_answer_failed"])


def test_when_no_answer_passes_the_result_is_an_error_not_a_plan(monkeypatch, tmp_path, capsys):
    fake, calls = _lying(times=99)
    monkeypatch.setattr(solver, "solve_programme", fake)
    result = solver.solve(_budgeted())
    assert result.status is SolveStatus.ERROR
    assert result.buy == {} and result.objective is None
    assert "budget:total" in result.x["error"] and "no plan is shown" in result.x["error"]
    assert calls["n"] == 1 + len(solver._LP_RETRIES)
    path = tmp_path / "s.json"
    write_scenario(_budgeted(), path)
    assert main(["solve", str(path), "-o", str(tmp_path / "r.json")]) == 3
    assert "no plan is shown" in capsys.readouterr().err


def test_sound_plans_pass_the_check_and_are_certified_optimal():
    s = two_vendor()
    ix = index_scenario(s)
    lp = build_lp(ix)
    raw = highs.solve_programme(lp)
    assert duality_gap(lp, raw.x, raw.duals_ub, raw.duals_eq) < 1e-12
    result = solver.solve(s)
    assert check_result(result, lp, raw.x, raw.duals_ub, raw.duals_eq).ok


def test_a_suboptimal_plan_fails_the_certificate():
    """Buying the dearer chip b (150) for demand that chip a (100) serves is feasible,
    but the solver's own duals prove a lower cost: the gap is reported."""
    s = two_vendor()
    ix = index_scenario(s)
    lp = build_lp(ix)
    raw = highs.solve_programme(lp)
    x = np.zeros_like(raw.x)
    cols = lp.columns
    x[cols.b + 1] = 10  # 10 units of b in P1
    pair_b = next(e for e, c in enumerate(ix.pair_chip.tolist()) if c == 1)
    x[cols.x + pair_b] = 10
    assert duality_gap(lp, x, raw.duals_ub, raw.duals_eq) == pytest.approx(0.5 / 1.5, rel=1e-6)


def test_badly_scaled_inputs_are_named():
    data = two_vendor_data()
    data["chips"][0]["price"] = 1e-12
    data["chips"][1]["price"] = 1e15
    (line,) = fragile_inputs(build(data))
    assert line == "prices span 27 orders of magnitude: 1e-12 (chip a) to 1e+15 (chip b)"


def test_values_the_solver_cannot_model_are_refused_at_validation(tmp_path, capsys):
    """Lots of 1e15 and demand of 1e300 used to reach HiGHS ("Model error") and be
    reported as infeasible; they are input errors with their location."""
    import json

    data = two_vendor_data(integer=True, shortfall_penalty=1)
    data["chips"][0]["lot_size"] = 10**15
    data["workloads"][0]["demand"] = 1e300
    path = tmp_path / "s.json"
    path.write_text(json.dumps(data))
    assert main(["solve", str(path)]) == 2
    err = capsys.readouterr().err
    assert "chips[0].lot_size: must be at most 1000000" in err
    assert 'workloads[0].demand["P1"]: is too large to plan with' in err


def test_a_model_error_of_the_solver_is_an_error_not_infeasible(monkeypatch):
    def broken(lp, **kwargs):
        return highs.RawSolution(highs.RawStatus.ERROR, message="HiGHS Status 2: Model error")

    monkeypatch.setattr(solver, "solve_programme", broken)
    from procure.errors import OptimisationError

    with pytest.raises(OptimisationError, match="Model error"):
        solver.solve(two_vendor())


def test_validate_warns_about_fragile_inputs(tmp_path, capsys):
    import json

    data = two_vendor_data()
    data["chips"][0]["price"] = 1e-12
    data["chips"][1]["price"] = 1e15
    path = tmp_path / "s.json"
    path.write_text(json.dumps(data))
    assert main(["validate", str(path)]) == 0
    assert "warning: prices span 27 orders of magnitude" in capsys.readouterr().err
