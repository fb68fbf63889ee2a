"""``solve``: scenario in, explained result out.

A pure function of its inputs: it validates the scenario, builds the LP, runs
HiGHS, and turns the answer into a :class:`~procure.domain.result.Result`. An
infeasible scenario is not an error: it comes back with status ``infeasible``
and a diagnosis from the elastic re-solve.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from procure.domain.model import Scenario
from procure.domain.result import Result, SolveStatus
from procure.domain.validation import ensure_valid
from procure.errors import Cancelled, OptimisationError, Problem, ValidationError
from procure.optimiser import single_lever
from procure.optimiser.diagnosis import relaxations
from procure.optimiser.extract import build_result
from procure.optimiser.highs import RawSolution, RawStatus, solve_programme, solve_stoppable
from procure.optimiser.index import index_scenario
from procure.optimiser.lp import LinearProgramme, build_lp
from procure.optimiser.recheck import Check, check_result, fragile_inputs
from procure.wording import Names

Progress = Callable[[int, str], None]
ShouldStop = Callable[[], bool]


@dataclass(frozen=True)
class SolveOptions:
    """How hard to try.

    ``time_limit`` bounds each HiGHS run in seconds; ``mip_gap`` is the relative
    gap at which an integer-mode search stops (the spec compares integer
    objectives to 1e-4, so the default leaves ample room).
    """

    time_limit: float | None = None
    mip_gap: float = 1e-6
    explain_infeasible: bool = True
    fixed_orders: Mapping[str, Mapping[str, float]] | None = None
    """Orders already placed (chip -> period -> units): held at these values, not optimised.

    An extension beyond the spec, for the scenario analysis's "hold" answers;
    without it a solve means exactly what the spec says."""


class _Runner:
    def __init__(self, options: SolveOptions, should_stop: ShouldStop | None) -> None:
        self.options = options
        self.should_stop = should_stop
        self.started = time.perf_counter()
        self.solver_seconds = 0.0

    def remaining(self) -> float | None:
        limit = self.options.time_limit
        if limit is None:
            return None
        return max(limit - (time.perf_counter() - self.started), 0.01)

    def run(self, lp: LinearProgramme, **kwargs: Any) -> RawSolution:
        kwargs.setdefault("time_limit", self.remaining())
        kwargs.setdefault("mip_gap", self.options.mip_gap)
        start = time.perf_counter()
        if self.should_stop is None:
            raw = solve_programme(lp, **kwargs)
        else:
            raw = solve_stoppable(lp, self.should_stop, **kwargs)
        self.solver_seconds += time.perf_counter() - start
        return raw


def _fixed_integer_duals(lp: LinearProgramme, x: np.ndarray, runner: _Runner) -> np.ndarray | None:
    """Duals of the LP with the integer orders fixed at their optimal lots.

    Solved like every other programme (:mod:`procure.optimiser.highs`), so the time
    limit and Cancel hold for it too."""
    lower, upper = (bound.copy() for bound in lp.bounds())
    fixed = lp.integrality == 1
    lower[fixed] = upper[fixed] = np.round(x[fixed])
    pinned = replace(lp, lower=lower, upper=upper, integrality=None)
    raw = runner.run(pinned, integer=False)
    return raw.duals_ub if raw.status is RawStatus.OPTIMAL else None


def solve(
    scenario: Scenario,
    options: SolveOptions | None = None,
    *,
    progress: Progress | None = None,
    should_stop: ShouldStop | None = None,
) -> Result:
    """Optimise ``scenario``.

    ``progress(percent, message)`` is told of each stage; ``should_stop()`` is
    polled during the solve and, when it returns true, the solver is stopped and
    :class:`~procure.errors.Cancelled` raised. Raises
    :class:`~procure.errors.ValidationError` for an invalid scenario and
    :class:`~procure.errors.OptimisationError` when HiGHS fails.
    """
    options = options or SolveOptions()
    report = progress or (lambda _pct, _msg: None)
    runner = _Runner(options, should_stop)
    ensure_valid(scenario)

    report(5, "Building the model")
    t0 = time.perf_counter()
    ix = index_scenario(scenario)
    fixed = _fixed_orders(ix, options.fixed_orders)
    lp = build_lp(ix, fixed_orders=fixed)
    t_build = time.perf_counter() - t0

    report(15, "Solving")
    raw = runner.run(lp)
    if raw.status is RawStatus.ERROR and lp.integrality is None:
        raw = runner.run(lp, method="highs-ipm")  # a second opinion before giving up
    if raw.status is RawStatus.INFEASIBLE:
        result = _infeasible(scenario, ix, lp, fixed, raw, runner, report, t_build)
    elif raw.status is RawStatus.TIME_LIMIT:
        info = _info(lp, raw, runner, t_build)
        result = Result(scenario.name or "", SolveStatus.TIME_LIMIT, x=info)
    elif raw.status is RawStatus.ERROR:
        raise OptimisationError(f"{OptimisationError.default_message} (HiGHS: {raw.message})")
    else:
        result = _extract(ix, lp, raw, runner, report, t_build)
    # Display names travel with the result so that a result file explains itself.
    return replace(result, x={"names": Names.of(scenario).to_data(), **(result.x or {})})


def _fixed_orders(
    ix: Any, orders: Mapping[str, Mapping[str, float]] | None
) -> np.ndarray | None:
    """The ``fixed_orders`` option as a (C, T) array with NaN where the order is free."""
    if not orders:
        return None
    grid = np.full((ix.n_chips, ix.n_periods), np.nan)
    problems = []
    for chip, by_period in orders.items():
        if chip not in ix.chip_ids:
            problems.append(Problem(f"fixed_orders[{chip!r}]", "unknown chip"))
            continue
        for period, units in by_period.items():
            if period not in ix.periods:
                problems.append(Problem(f"fixed_orders[{chip!r}][{period!r}]", "unknown period"))
            elif not units >= 0:
                problems.append(Problem(f"fixed_orders[{chip!r}][{period!r}]", "must be >= 0"))
            elif ix.scenario.integer and units % ix.lot[ix.chip_ids.index(chip)]:
                lot = ix.lot[ix.chip_ids.index(chip)]
                problems.append(Problem(f"fixed_orders[{chip!r}][{period!r}]",
                                        f"must be whole lots of {lot} in integer mode"))
            else:
                grid[ix.chip_ids.index(chip), ix.periods.index(period)] = float(units)
    if problems:
        raise ValidationError(problems, "fixed orders")
    return grid


def _info(lp: LinearProgramme, raw: RawSolution, runner: _Runner, t_build: float) -> dict[str, Any]:
    return {
        "solver": "HiGHS via scipy " + ("milp" if lp.integrality is not None else "linprog"),
        "solver_message": raw.message,
        "model": {"rows": lp.n_rows, "columns": len(lp.cost), "nonzeros": lp.nnz},
        "timings": {"build": t_build, "solve": runner.solver_seconds},
    }


# Safer settings to ask again with when an answer fails the core's re-check, in order.
_LP_RETRIES: tuple[tuple[str, dict[str, Any]], ...] = (
    ("highs-ipm", {}),
    ("highs-ds", {"presolve": False}),
    ("highs-ipm", {"presolve": False, "primal_feasibility_tolerance": 1e-10,
                   "dual_feasibility_tolerance": 1e-10}),
)
_MIP_RETRIES: tuple[tuple[str, dict[str, Any]], ...] = (("highs", {"presolve": False}),)


def _extract(ix: Any, lp: LinearProgramme, raw: RawSolution, runner: _Runner,
             report: Progress, t_build: float) -> Result:
    """The result of a solved plan, shown only once the core's re-check passes.

    A plan that breaks a row, a bound or (LP) the duality certificate is solved again
    with safer settings; when none passes, the result is an ``error`` naming what broke
    and the badly scaled inputs, never a plan marked optimal."""
    result, check = _read(ix, lp, raw, runner, report, t_build)
    if check.ok:
        return result
    first = check
    retries = _MIP_RETRIES if lp.integrality is not None else _LP_RETRIES
    for method, settings in retries:
        report(92, "Checking the plan again with safer solver settings")
        again = runner.run(lp, method=method, settings=settings)
        if again.status not in (RawStatus.OPTIMAL, RawStatus.FEASIBLE) or again.x is None:
            continue
        result, check = _read(ix, lp, again, runner, report, t_build)
        if check.ok:
            info = dict(result.x or {})
            info["recheck"] = {"first_answer_failed": list(first.violations),
                               "solved_again_with": {"method": method, **settings}}
            return replace(result, x=info)
    return _unreliable(ix.scenario, result, first)


def _unreliable(scenario: Scenario, result: Result, check: Check) -> Result:
    fragile = fragile_inputs(scenario)
    broken = "; ".join(check.violations[:3])
    cause = ("; ".join(fragile) + ". Bring these figures closer together (other units, or "
             "drop what is negligible)") if fragile else (
             "Check that the figures are in sensible units")
    message = (f"The solver's answer does not satisfy the plan ({broken}), also when solved "
               f"again with safer settings, so no plan is shown. {cause}.")
    info = {k: v for k, v in (result.x or {}).items() if k in ("solver", "model", "timings")}
    info.update(error=message, violations=list(check.violations))
    return Result(scenario.name or "", SolveStatus.ERROR, x=info, version=scenario.version)


def _read(ix: Any, lp: LinearProgramme, raw: RawSolution, runner: _Runner,
          report: Progress, t_build: float) -> tuple[Result, Check]:
    assert raw.x is not None
    info = _info(lp, raw, runner, t_build)
    duals = raw.duals_ub
    status = SolveStatus.OPTIMAL if raw.status is RawStatus.OPTIMAL else SolveStatus.FEASIBLE
    if lp.integrality is not None:
        info["mip_gap"] = raw.mip_gap
        report(85, "Computing shadow prices")
        duals = _fixed_integer_duals(lp, raw.x, runner)
        info["shadow_prices"] = (
            "duals of the LP with the integer orders fixed at their optimal values"
            if duals is not None else "not available"
        )
    report(90, "Reading the result")
    t0 = time.perf_counter()
    result = build_result(lp, ix, raw.x, duals, status=status, extra=info)
    check = check_result(result, lp, raw.x, raw.duals_ub if lp.integrality is None else None,
                         getattr(raw, "duals_eq", None))
    info["timings"]["extract"] = time.perf_counter() - t0
    report(100, "Done")
    return result, check


def _infeasible(scenario: Scenario, ix: Any, lp: LinearProgramme, fixed: np.ndarray | None,
                raw: RawSolution,
                runner: _Runner, report: Progress, t_build: float) -> Result:
    info = _info(lp, raw, runner, t_build)
    if not runner.options.explain_infeasible:
        return Result(scenario.name or "", SolveStatus.INFEASIBLE, x=info)
    report(50, "Finding the smallest relaxations")
    elastic = build_lp(ix, elastic=True, fixed_orders=fixed)
    raw_e = runner.run(elastic)
    if raw_e.status not in (RawStatus.OPTIMAL, RawStatus.FEASIBLE) or raw_e.x is None:
        info["diagnosis_note"] = f"the elastic re-solve did not finish ({raw_e.message})"
        return Result(scenario.name or "", SolveStatus.INFEASIBLE, x=info)
    found = relaxations(elastic, ix, raw_e.x)
    if not found and lp.integrality is not None:
        # The elastic model needs no relaxation at all: its plan meets every limit within
        # the spec's tolerance although the MIP said infeasible (a hair short, on a whole
        # lot). It is the cheapest such plan; shown if the core's re-check passes.
        plan = RawSolution(raw_e.status, raw_e.x[: len(lp.cost)], mip_gap=raw_e.mip_gap,
                           message=raw_e.message)
        result, check = _read(ix, lp, plan, runner, report, t_build)
        if check.ok:
            return replace(result, x={**(result.x or {}), "note": (
                "solved through the elastic model: the integer search called the plan "
                "infeasible by less than the spec's tolerance")})
        # Else it is infeasible by less than the noise threshold: report even the smallest
        # relaxations rather than none.
        found = relaxations(elastic, ix, raw_e.x, noise=0.0)
    if not found:
        # The elastic model needs no relaxation, so HiGHS's "infeasible" was numerical:
        # ask the interior-point method for a second opinion before believing it.
        retry = runner.run(lp, method="highs-ipm")
        if retry.status is RawStatus.OPTIMAL:
            return _extract(ix, lp, retry, runner, report, t_build)
        raise OptimisationError(
            "HiGHS reported the plan infeasible but found no limit to relax; "
            "the figures may be badly scaled."
        )
    report(75, "Finding what each limit alone would need")
    info[single_lever.KEY] = single_lever.to_data(
        single_lever.single_levers(elastic, ix, raw_e.x, found, runner.run))
    info["timings"]["solve"] = runner.solver_seconds
    report(100, "Done")
    return Result(scenario.name or "", SolveStatus.INFEASIBLE, diagnosis=tuple(found), x=info)


__all__ = ["Cancelled", "SolveOptions", "solve"]
