"""Hedged plans: one set of early orders for every future, the best response in each.

``solve_hedge`` answers the committee's two questions alongside the plan
itself: what the insurance costs (the reference plan, one future's own optimum,
held in every future: the value of hedging) and what knowing the future would
be worth (wait-and-see: the value of perfect information). The contract is
``spec/hedge.md``; the extensive form is in :mod:`procure.optimiser.extensive`.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np

from procure.analysis.hedge_definition import Hedge, HedgeScenario, ensure_valid_hedge
from procure.analysis.hedge_diagnosis import Conflict, explain_infeasible_hedge
from procure.domain.result import Result, SolveStatus
from procure.domain.validation import ensure_valid
from procure.errors import Cancelled, OptimisationError
from procure.optimiser.extensive import ExtensiveForm, build_extensive_form, cvar_of
from procure.optimiser.extract import build_result
from procure.optimiser.highs import RawSolution, RawStatus, solve_programme, solve_stoppable
from procure.optimiser.index import index_scenario
from procure.optimiser.lp import LinearProgramme, build_lp
from procure.optimiser.recheck import check_result
from procure.optimiser.solver import SolveOptions, solve
from procure.wording import Names

Progress = Callable[[int, str], None]
ShouldStop = Callable[[], bool]
Orders = dict[str, dict[str, float]]

HEDGE_RESULT_FORMAT = "procure-hedge-result/1"


@dataclass(frozen=True)
class FutureOutcome:
    """One future in the hedge's result: its plan under the common early orders."""

    name: str
    probability: float
    objective: float | None = None
    result: Result | None = None


@dataclass(frozen=True)
class ReferenceOutcome:
    """The plan without hedging: one future's own optimal early orders held in all of them."""

    name: str
    here_and_now: Orders | None
    expected_cost: float | None
    feasible_in: tuple[str, ...]
    infeasible_in: tuple[str, ...]
    objectives: Mapping[str, float | None] = field(default_factory=dict)


@dataclass(frozen=True)
class HedgeResult:
    """``procure-hedge-result/1`` (see the spec); figures in the plan currency."""

    name: str | None
    status: SolveStatus
    objective: float | None
    expected_cost: float | None
    cvar: float | None
    here_and_now: Orders | None
    scenarios: tuple[FutureOutcome, ...]
    reference: ReferenceOutcome
    wait_and_see: float | None
    value_of_hedging: float | None
    value_of_perfect_information: float | None
    diagnosis: tuple[Conflict, ...] = ()
    decide_through: str = ""
    currency: str = "CNY"
    x: Mapping[str, Any] | None = None

    @property
    def format(self) -> str:
        return HEDGE_RESULT_FORMAT


class _Runner:
    """The one place the extensive form meets the solver (stoppable, time-limited)."""

    def __init__(self, should_stop: ShouldStop | None, time_limit: float | None,
                 mip_gap: float) -> None:
        self.should_stop = should_stop
        self.time_limit = time_limit
        self.mip_gap = mip_gap
        self.seconds = 0.0

    def __call__(self, lp: LinearProgramme, method: str = "highs") -> RawSolution:
        start = time.perf_counter()
        kwargs: dict[str, Any] = {"time_limit": self.time_limit, "mip_gap": self.mip_gap,
                                  "method": method}
        if self.should_stop is None:
            raw = solve_programme(lp, **kwargs)
        else:
            raw = solve_stoppable(lp, self.should_stop, **kwargs)
        self.seconds += time.perf_counter() - start
        return raw

    def stop_check(self) -> None:
        if self.should_stop is not None and self.should_stop():
            raise Cancelled()


def _orders_through(result: Result, chips: tuple[str, ...], periods: tuple[str, ...],
                    entry: HedgeScenario) -> Orders:
    """The orders of ``chips`` through ``periods``, read where this future keeps them."""
    out: Orders = {}
    for c in chips:
        out[c] = {}
        for p in periods:
            held = entry.order_chip(c, p)
            out[c][p] = 0.0 if held is None else float(result.buy[held][p])
    return out


HOLD_NOISE = 1e-7  # relative: an order above the supply by no more is the solver's rounding


def _held_orders(orders: Orders, entry: HedgeScenario) -> Orders:
    """``orders`` as ``fixed_orders`` of this future (on vintage copies where it has them).

    An order above this future's supply by no more than rounding noise is set to the
    supply, so the reference's own solve cannot make holding it look infeasible; a
    real excess is kept, and the future is then reported as one the reference cannot
    be carried through in."""
    s = entry.scenario
    chips = {c.id: c for c in s.chips}
    out: Orders = {}
    for c, by_period in orders.items():
        for p, units in by_period.items():
            held = entry.order_chip(c, p)
            if held is None:
                continue
            supply = chips[held].supply
            cap = None if supply is None or s.integer else supply[s.periods.index(p)]
            if cap is not None and cap < units <= cap + HOLD_NOISE * max(1.0, cap):
                units = float(cap)
            out.setdefault(held, {})[p] = units
    return out


def _chips(hedge: Hedge) -> tuple[str, ...]:
    first = hedge.scenarios[0]
    return tuple(c.id for c in first.scenario.chips if c.id not in first.copies())


def _alone(hedge: Hedge, options: SolveOptions, runner: _Runner, report: Progress
           ) -> list[Result]:
    """Each future solved on its own (wait-and-see, the reference, the diagnosis)."""
    out = []
    n = len(hedge.scenarios)
    for i, entry in enumerate(hedge.scenarios):
        runner.stop_check()
        report(5 + 30 * i // n, f"Solving {entry.name!r} on its own")
        out.append(solve(entry.scenario, options, should_stop=runner.should_stop))
    return out


def _reference(hedge: Hedge, alone: list[Result], early: tuple[str, ...], runner: _Runner,
               options: SolveOptions, report: Progress) -> ReferenceOutcome:
    """The reference's own early orders held in every future, later decisions free."""
    name = hedge.reference_name
    pos = hedge.names.index(name)
    own = alone[pos]
    if not own.status.has_plan:
        return ReferenceOutcome(name, None, None, (), ())
    orders = _orders_through(own, _chips(hedge), early, hedge.scenarios[pos])
    objectives: dict[str, float | None] = {}
    for i, entry in enumerate(hedge.scenarios):
        runner.stop_check()
        report(80 + 15 * i // len(hedge.scenarios), f"Holding {name!r}'s orders in {entry.name!r}")
        if i == pos:
            objectives[entry.name] = own.objective
            continue
        held = replace(options, fixed_orders=_held_orders(orders, entry),
                       explain_infeasible=False)
        r = solve(entry.scenario, held, should_stop=runner.should_stop)
        objectives[entry.name] = r.objective if r.status is SolveStatus.OPTIMAL else None
    feasible = tuple(n for n in hedge.names if objectives[n] is not None)
    infeasible = tuple(n for n in hedge.names if objectives[n] is None)
    expected = None
    if not infeasible:
        expected = float(sum(e.probability * (objectives[e.name] or 0.0)
                             for e in hedge.scenarios))
    return ReferenceOutcome(name, orders, expected, feasible, infeasible, objectives)


def _solve_extensive(form: ExtensiveForm, runner: _Runner) -> tuple[RawSolution, list[str]]:
    """Solve and read back; a plan failing the core's re-check is solved again by IPM."""
    raw = runner(form.lp)
    if raw.status is RawStatus.ERROR and form.lp.integrality is None:
        raw = runner(form.lp, method="highs-ipm")
    violations = _violations(form, raw)
    if violations and form.lp.integrality is None:
        again = runner(form.lp, method="highs-ipm")
        if not _violations(form, again):
            return again, []
    return raw, violations


def _results(form: ExtensiveForm, raw: RawSolution, status: SolveStatus) -> list[Result]:
    assert raw.x is not None
    out = []
    for block in form.blocks:
        s = block.ix.scenario
        extra = {"names": Names.of(s).to_data(),
                 "shadow_prices": "not reported in a hedge (the extensive form's duals are "
                                  "probability-weighted)"}
        out.append(build_result(block.lp, block.ix, block.take(raw.x), None, status=status,
                                extra=extra))
    return out


def _violations(form: ExtensiveForm, raw: RawSolution) -> list[str]:
    if raw.status not in (RawStatus.OPTIMAL, RawStatus.FEASIBLE) or raw.x is None:
        return []
    found = []
    for block, result in zip(form.blocks, _results(form, raw, SolveStatus.OPTIMAL), strict=True):
        check = check_result(result, block.lp, block.take(raw.x), None)
        found += [f"{result.scenario}: {v}" for v in check.violations]
    return found


_STATUS = {RawStatus.OPTIMAL: SolveStatus.OPTIMAL, RawStatus.FEASIBLE: SolveStatus.FEASIBLE,
           RawStatus.INFEASIBLE: SolveStatus.INFEASIBLE,
           RawStatus.TIME_LIMIT: SolveStatus.TIME_LIMIT}


def build_hedge_form(hedge: Hedge) -> ExtensiveForm:
    """The extensive form of a valid hedge (for benchmarks and tests of the linking)."""
    ixs = [index_scenario(e.scenario) for e in hedge.scenarios]
    return build_extensive_form(
        ixs, [build_lp(ix) for ix in ixs], [e.probability for e in hedge.scenarios],
        hedge.decide_position(), cvar_alpha=hedge.cvar_alpha, cvar_weight=hedge.cvar_weight,
        order_maps=[e.order_map for e in hedge.scenarios])


def solve_hedge(
    hedge: Hedge,
    *,
    time_limit: float | None = None,
    mip_gap: float = 1e-6,
    progress: Progress | None = None,
    should_stop: ShouldStop | None = None,
) -> HedgeResult:
    """Choose the here-and-now orders of ``hedge`` and grade them against the alternatives.

    ``progress(percent, message)`` hears of each stage; ``should_stop()`` is
    polled and a true answer stops the solver and raises
    :class:`~procure.errors.Cancelled`. ``time_limit`` bounds each solver run.
    Raises :class:`~procure.errors.ValidationError` for an invalid hedge and
    :class:`~procure.errors.OptimisationError` when HiGHS fails.
    """
    report = progress or (lambda _pct, _msg: None)
    for entry in hedge.scenarios:
        ensure_valid(entry.scenario, entry.location or entry.name)
    ensure_valid_hedge(hedge)
    runner = _Runner(should_stop, time_limit, mip_gap)
    options = SolveOptions(time_limit=time_limit, mip_gap=mip_gap)
    started = time.perf_counter()
    periods = hedge.scenarios[0].scenario.periods
    early = periods[: hedge.decide_position() + 1]
    probs = [e.probability for e in hedge.scenarios]

    alone = _alone(hedge, options, runner, report)
    alone_obj = [r.objective if r.status is SolveStatus.OPTIMAL else None for r in alone]
    wait_and_see = None
    if all(o is not None for o in alone_obj):
        wait_and_see = float(sum(p * (o or 0.0) for p, o in zip(probs, alone_obj, strict=True)))

    runner.stop_check()
    report(40, "Building the hedged programme")
    t0 = time.perf_counter()
    form = build_hedge_form(hedge)
    t_build = time.perf_counter() - t0
    report(45, "Solving the hedged programme")
    solver_before = runner.seconds
    raw, violations = _solve_extensive(form, runner)
    t_solve = runner.seconds - solver_before
    if raw.status is RawStatus.ERROR:
        raise OptimisationError(f"{OptimisationError.default_message} (HiGHS: {raw.message})")
    status = _STATUS[raw.status]
    if violations:
        status = SolveStatus.ERROR

    reference = _reference(hedge, alone, early, runner, options, report)
    info: dict[str, Any] = {
        "decide_through": hedge.decide_through,
        "currency": hedge.scenarios[0].scenario.currency_code,
        "model": {"rows": form.lp.n_rows, "columns": len(form.lp.cost), "nonzeros": form.lp.nnz},
        "timings": {"build": t_build, "solve": t_solve,
                    "total": time.perf_counter() - started},
        "wait_and_see_by_scenario": dict(zip(hedge.names, alone_obj, strict=True)),
        "reference_objectives": dict(reference.objectives),
        "solver_message": raw.message,
    }
    if violations:
        info["error"] = ("The solver's answer does not satisfy every future's plan ("
                         + "; ".join(violations[:3]) + "), so no plan is shown.")
    blank = HedgeResult(
        name=hedge.name, status=status, objective=None, expected_cost=None, cvar=None,
        here_and_now=None,
        scenarios=tuple(FutureOutcome(e.name, e.probability) for e in hedge.scenarios),
        reference=replace(reference, expected_cost=None), wait_and_see=wait_and_see,
        value_of_hedging=None, value_of_perfect_information=None,
        decide_through=hedge.decide_through,
        currency=hedge.scenarios[0].scenario.currency_code, x=info,
    )
    if status not in (SolveStatus.OPTIMAL, SolveStatus.FEASIBLE):
        if status is SolveStatus.INFEASIBLE:
            report(96, "Finding which futures cannot be served together")
            blank = replace(blank, diagnosis=tuple(explain_infeasible_hedge(hedge, alone, runner)))
        report(100, "Done")
        return blank

    results = _results(form, raw, status)
    z = [float(r.objective or 0.0) for r in results]
    expected = float(np.dot(probs, z))
    cvar = None if hedge.cvar_alpha is None else cvar_of(z, probs, hedge.cvar_alpha)
    weight = hedge.cvar_weight
    objective = expected if weight == 0 else (1 - weight) * expected + weight * (cvar or 0.0)
    report(100, "Done")
    return replace(
        blank, objective=objective, expected_cost=expected, cvar=cvar,
        here_and_now=_orders_through(results[0], _chips(hedge), early, hedge.scenarios[0]),
        scenarios=tuple(FutureOutcome(e.name, e.probability, zs, r)
                        for e, zs, r in zip(hedge.scenarios, z, results, strict=True)),
        reference=reference,
        value_of_hedging=None if reference.expected_cost is None
        else reference.expected_cost - expected,
        value_of_perfect_information=None if wait_and_see is None else expected - wait_and_see,
    )


__all__ = ["FutureOutcome", "HedgeResult", "ReferenceOutcome", "build_hedge_form",
           "solve_hedge"]
