"""Stress tests: what a shock costs if we had known (re-plan) and if it surprises us (hold).

For a variant (a stress template and/or overrides) of a base plan:

* **re-plan** is the optimal plan of the stressed scenario, every order free: the
  plan we would have made had we known in advance;
* **hold** keeps the base plan's orders placed before the event quarter (every
  chip, every period before it, zeros included) and re-optimises only the orders
  from the event on. Orders the event catches in transit are stranded (paid, never
  in service) or cancelled (not paid), as the template says; see
  :mod:`procure.analysis.vintages`.

Both answers solve the same stressed scenario, hold with more orders fixed, so hold
is never cheaper than re-plan. Unmet demand: by default a shock may leave demand
unmet, so both answers allow a shortfall at :func:`analysis_penalty` per PFLOP/s
per period (ten times the dearest way to buy compute, so any demand that can be
met is met) and report it as **shortfall**; that penalty is a device, not a price
of unmet demand, so it is not counted in the reported cost, and an answer that
leaves demand unmet is then **not comparable** with the base on cost alone
(:attr:`Answer.comparable`): its lower cost is demand not served, not a saving, and
:func:`procure.wording.cost_verdict` says so ("3.87 bn CNY cheaper, but 7.6% of
inference demand is not served"). ``demand="hard"`` keeps demand hard (a shock that
cannot be absorbed is then infeasible, with the diagnosis saying what to relax). A
scenario with its own shortfall penalty keeps it: that penalty is the planner's
value of unmet demand, part of the cost, and the costs compare like with like.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from procure.analysis.parallel import default_workers, run_tasks, worth_parallel
from procure.analysis.variants import Variant, stress_case
from procure.analysis.vintages import StressCase
from procure.domain.model import Scenario
from procure.domain.result import Result
from procure.errors import Cancelled, ProcureError
from procure.provenance import ensure_result_matches

Progress = Callable[[int, str], None]
ShouldStop = Callable[[], bool]
ANSWERS = ("replan", "hold")
PENALTY_FACTOR = 10.0
UNMET_NOISE = 1e-9  # unmet demand below this share of demand is solver noise


@dataclass(frozen=True)
class StressOptions:
    """How to answer: which answers, hard or priced demand, solver time limit, processes."""

    answers: tuple[str, ...] = ANSWERS
    demand: str = "penalty"  # "penalty": shortfall allowed and reported; "hard": may be infeasible
    penalty: float | None = None  # per PFLOP/s per period; None: analysis_penalty()
    time_limit: float | None = None
    workers: int | None = None  # None: every core for a large plan, this process for a small one


@dataclass(frozen=True)
class Answer:
    """One answer (base, re-plan or hold) summarised; ``result`` is the full solve."""

    kind: str
    status: str
    total_cost: float | None  # capex + energy of new units (+ the plan's own shortfall penalty)
    capex: float | None
    extra_cost: float | None  # total_cost - the base plan's total_cost
    shortfall: Mapping[str, float]  # workload -> PFLOP/s x periods of unmet demand
    shortfall_total: float
    demand_total: float = 0.0  # PFLOP/s x periods of demand, for the shortfall's share
    stranded_units: float = 0.0
    stranded_spend: float = 0.0  # capex of units that never serve because of the event
    cancelled_units: float = 0.0
    cancelled_spend: float = 0.0  # capex of base orders the event cancelled (not paid)
    weighted_risk: float | None = None
    hhi: float | None = None
    share_by_category: Mapping[str, float] = field(default_factory=dict)
    buy: Mapping[str, Mapping[str, float]] = field(default_factory=dict)  # by original chip
    diagnosis: tuple[str, ...] = ()
    objective: float | None = None  # the solver's objective, analysis penalty included
    unmet_valued: bool = True  # total_cost counts unmet demand at the plan's own penalty
    unmet_by_workload: Mapping[str, float] = field(default_factory=dict)  # share of its demand
    result: Result | None = field(default=None, repr=False, compare=False)

    @property
    def has_plan(self) -> bool:
        return self.total_cost is not None

    @property
    def shortfall_share(self) -> float:
        return self.shortfall_total / self.demand_total if self.demand_total > 0 else 0.0

    @property
    def comparable(self) -> bool:
        """Whether ``extra_cost`` compares like with like: all demand is served, or the
        unmet part is in the cost at the plan's own penalty."""
        return self.unmet_valued or self.shortfall_total <= UNMET_NOISE * max(
            self.demand_total, 1.0)

    def to_data(self) -> dict[str, Any]:
        out = {k: getattr(self, k) for k in (
            "kind", "status", "total_cost", "capex", "extra_cost", "shortfall_total",
            "demand_total", "shortfall_share", "stranded_units", "stranded_spend",
            "cancelled_units", "cancelled_spend",
            "weighted_risk", "hhi", "objective", "unmet_valued", "comparable")}
        out["shortfall"] = dict(self.shortfall)
        out["unmet_by_workload"] = dict(self.unmet_by_workload)
        out["share_by_category"] = dict(self.share_by_category)
        out["buy"] = {c: dict(p) for c, p in self.buy.items()}
        out["diagnosis"] = list(self.diagnosis)
        return out


@dataclass(frozen=True)
class StressOutcome:
    """A variant's answers next to the base plan's."""

    name: str
    event: str
    base: Answer
    replan: Answer | None
    hold: Answer | None
    notes: tuple[str, ...] = ()
    variant: Mapping[str, Any] = field(default_factory=dict)
    case: StressCase | None = field(default=None, repr=False, compare=False)

    def answers(self) -> list[Answer]:
        return [a for a in (self.replan, self.hold) if a is not None]

    def to_data(self) -> dict[str, Any]:
        return {
            "name": self.name, "event": self.event, "variant": dict(self.variant),
            "notes": list(self.notes), "base": self.base.to_data(),
            "replan": self.replan.to_data() if self.replan else None,
            "hold": self.hold.to_data() if self.hold else None,
        }


def analysis_penalty(s: Scenario) -> float:
    """Ten times the dearest price of one PFLOP/s of effective compute bought in any period.

    The cost of a unit (its price plus the energy of the rest of the horizon) over
    the compute it gives its workload, maximised over eligible pairs and periods.
    """
    energy = s.energy_cost_per_kw()
    tail = [sum(energy[t:]) for t in range(len(s.periods))]
    chips = {c.id: c for c in s.chips}
    worst = 0.0
    n = len(s.periods)
    for w in s.workloads:
        for chip_id in w.efficiency:
            c = chips.get(chip_id)
            if c is None or not w.is_eligible(chip_id):
                continue
            # version 2: the price in the plan's currency, and the period's own efficiency
            rates = s.fx_rates(c)
            for t, eff in enumerate(w.efficiency_by_period(chip_id, n)):
                if eff > 0:
                    unit = c.price[t] * rates[t] + c.power_kw * tail[t]
                    worst = max(worst, unit / (c.peak_pflops * eff))
    return PENALTY_FACTOR * max(worst, 1.0)


def _solve_task(
    _shared: None, task: tuple[Scenario, Any, float | None], stop: ShouldStop | None
) -> Result:
    from procure.optimiser import SolveOptions, solve

    scenario, fixed, time_limit = task
    return solve(scenario, SolveOptions(time_limit=time_limit, fixed_orders=fixed),
                 should_stop=stop)


def _priced(s: Scenario, options: StressOptions) -> tuple[Scenario, bool]:
    """The scenario to solve, and whether the analysis added the shortfall penalty."""
    if options.demand not in ("penalty", "hard"):
        raise ProcureError(f"demand must be 'penalty' or 'hard', got {options.demand!r}")
    if options.demand == "hard" or s.shortfall_penalty is not None:
        return s, False
    return replace(s, shortfall_penalty=options.penalty or analysis_penalty(s)), True


def summarise(
    kind: str, result: Result, scenario: Scenario, *, analysis_penalty_added: bool,
    base_cost: float | None = None, case: StressCase | None = None,
    held: Mapping[str, Mapping[str, float]] | None = None,
) -> Answer:
    """An :class:`Answer` from a solve of ``scenario`` (the stressed one for re-plan/hold)."""
    demand = float(sum(sum(w.demand) for w in scenario.workloads))
    if not result.status.has_plan or result.cost is None:
        return Answer(kind, result.status.value, None, None, None, {}, 0.0, demand,
                      diagnosis=tuple(d.message for d in result.diagnosis), result=result)
    own = 0.0 if analysis_penalty_added else result.cost.shortfall_penalty
    total = result.cost.capex + result.cost.energy_new + own
    shortfall = {w: float(sum(p.values())) for w, p in (result.shortfall or {}).items()}
    demand_of = {w.id: float(sum(w.demand)) for w in scenario.workloads}
    unmet = {w: v / demand_of[w] for w, v in shortfall.items()
             if v > UNMET_NOISE * max(demand_of.get(w, 0.0), 1.0) and demand_of.get(w, 0.0) > 0}
    source = case.source_of if case else (lambda chip: chip)
    buy: dict[str, dict[str, float]] = {}
    for chip, per in result.buy.items():
        merged = buy.setdefault(source(chip), {})
        for period, units in per.items():
            merged[period] = merged.get(period, 0.0) + units
    stranded_units = stranded_spend = cancelled_units = cancelled_spend = 0.0
    if case is not None:
        prices = {c.id: c.price for c in scenario.chips}
        for v in case.vintages:
            if v.stranded:
                units = float(sum(result.buy.get(v.chip, {}).values()))
                stranded_units += units
                stranded_spend += units * prices[v.chip][scenario.periods.index(v.period)]
        if held is not None:
            for chip, t in case.cancelled:
                units = float(held.get(chip, {}).get(case.base.periods[t], 0.0))
                cancelled_units += units
                cancelled_spend += units * next(
                    c.price[t] for c in case.base.chips if c.id == chip)
    return Answer(
        kind, result.status.value, total, result.cost.capex,
        None if base_cost is None else total - base_cost, shortfall, sum(shortfall.values()),
        demand, stranded_units, stranded_spend, cancelled_units, cancelled_spend,
        result.weighted_risk, result.hhi, dict(result.share.get("by_category", {})), buy,
        objective=result.objective, unmet_valued=not analysis_penalty_added,
        unmet_by_workload=unmet, result=result,
    )


def _base_held(case: StressCase, base_result: Result) -> dict[str, dict[str, float]]:
    """Base orders placed before the event, keyed by the base's own chips."""
    return {c.id: {p: float(base_result.buy.get(c.id, {}).get(p, 0.0))
                   for p in case.base.periods[:case.event]} for c in case.base.chips}


def run_stresses(
    base: Scenario,
    variants: Sequence[Variant],
    base_result: Result | None = None,
    options: StressOptions | None = None,
    *,
    progress: Progress | None = None,
    should_stop: ShouldStop | None = None,
) -> tuple[StressOutcome, ...]:
    """Answer each variant (re-plan and/or hold) against the base plan.

    ``base_result`` is the base plan (solved here when absent); hold needs it to have
    a plan. Solves run on ``options.workers`` processes (None: automatic).
    """
    from procure.optimiser import SolveOptions, solve

    options = options or StressOptions()
    report = progress or (lambda _pct, _msg: None)
    stop = should_stop or (lambda: False)
    unknown = set(options.answers) - set(ANSWERS)
    if unknown or not options.answers:
        raise ProcureError(f"answers must be among {', '.join(ANSWERS)}, got {options.answers}")
    report(1, "Solving the base plan")
    if base_result is None:
        base_result = solve(base, SolveOptions(time_limit=options.time_limit),
                            should_stop=should_stop)
    if stop():
        raise Cancelled()
    ensure_result_matches(base, base_result)
    if "hold" in options.answers and not base_result.status.has_plan:
        raise ProcureError("'hold' keeps the base plan's orders, but the base plan has no "
                           f"plan ({base_result.status.value}); solve or relax it first")
    base_answer = summarise("base", base_result, base, analysis_penalty_added=False)
    cases = [stress_case(base, v) for v in variants]
    tasks, keys = [], []
    for i, case in enumerate(cases):
        scenario, added = _priced(case.scenario, options)
        for kind in options.answers:
            fixed = case.hold_orders(base_result) if kind == "hold" else None
            tasks.append((scenario, fixed, options.time_limit))
            keys.append((i, kind, scenario, added))

    def tick(done: int, total: int) -> None:
        report(5 + int(90 * done / max(total, 1)), f"Solved {done} of {total} stressed plans")

    big = worth_parallel(base_result)
    workers = options.workers if options.workers is not None else (
        default_workers() if big else 1)
    results = run_tasks(_solve_task, tasks, shared=None, workers=workers, progress=tick,
                        should_stop=stop, stop_inside=big and should_stop is not None)
    answers: dict[tuple[int, str], Answer] = {}
    for (i, kind, scenario, added), result in zip(keys, results, strict=True):
        held = _base_held(cases[i], base_result) if kind == "hold" else None
        answers[(i, kind)] = summarise(
            kind, result, scenario, analysis_penalty_added=added,
            base_cost=base_answer.total_cost, case=cases[i], held=held)
    report(100, "Done")
    return tuple(
        StressOutcome(case.name, case.event_period, base_answer, answers.get((i, "replan")),
                      answers.get((i, "hold")), case.notes, case.description, case)
        for i, case in enumerate(cases)
    )


def run_stress(
    base: Scenario, variant: Variant, base_result: Result | None = None,
    options: StressOptions | None = None, *, progress: Progress | None = None,
    should_stop: ShouldStop | None = None,
) -> StressOutcome:
    """One variant's answers; see :func:`run_stresses`."""
    return run_stresses(base, [variant], base_result, options, progress=progress,
                        should_stop=should_stop)[0]


def memo_variants(outcomes: Sequence[StressOutcome]) -> list[tuple[str, Result]]:
    """(name, Result) pairs for :func:`procure.exports.write_memo`'s comparison section.

    The memo compares costs, so each result's cost is the answer's total cost (the
    analysis penalty left out: its ``shortfall_penalty`` is 0 while demand goes unmet,
    which tells the memo the costs do not compare) and the name says how much demand
    goes unmet.
    """
    out = []
    for o in outcomes:
        for a in o.answers():
            if a.result is None:
                continue
            label = "re-plan" if a.kind == "replan" else "hold"
            if a.shortfall_total > 0:
                label += f", {a.shortfall_share:.1%} of demand unmet"
            result = a.result
            if result.cost is not None and a.total_cost is not None:
                penalty = a.total_cost - result.cost.capex - result.cost.energy_new
                cost = replace(result.cost, shortfall_penalty=penalty)
                result = replace(result, cost=cost, objective=a.total_cost)
            out.append((f"{o.name} ({label})", result))
    return out


__all__ = [
    "ANSWERS", "Answer", "StressOptions", "StressOutcome", "analysis_penalty", "memo_variants",
    "run_stress", "run_stresses", "summarise",
]
