"""Trade-off curves: total cost against one limit, "what each step of safety costs".

A sweep solves the plan at each value of one limit (the imported share cap, the
weighted-risk cap, the outage coverage, the budget, a vendor cap, a category floor)
with everything else as it is, and reports the cost at each point next to the
current plan. Each point also carries the limit's shadow price there (the slope of
the curve, per 1.0 of the limit), so the curve and its slope come from the same
solves.

Points are independent LPs. A small plan solves in milliseconds and runs in this
process; a large one runs on the machine's cores (:mod:`procure.analysis.parallel`),
decided by the size of the current plan's LP (``workers=None``).
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from procure.analysis.overrides import Override, apply_override
from procure.analysis.parallel import default_workers, run_tasks, worth_parallel
from procure.domain.edits import EditPath
from procure.domain.model import Scenario
from procure.domain.result import Result
from procure.errors import Cancelled, Problem, ValidationError

Progress = Callable[[int, str], None]
ShouldStop = Callable[[], bool]
PARALLEL_ABOVE_SECONDS = 0.5  # for a result that does not give its model's size

# kind -> (label, True when a higher value is looser)
LIMIT_KINDS: dict[str, tuple[str, bool]] = {
    "category_max": ("cap on {target} share of new spend", True),
    "category_min": ("floor on {target} share of new spend", False),
    "weighted_risk": ("cap on spend-weighted vendor risk", True),
    "outage_coverage": ("outage coverage", False),
    "budget_total": ("total budget", True),
    "vendor_max_share": ("cap on any vendor's share of new spend", True),
    "vendor_share": ("cap on {target}'s share of new spend", True),
}
_TARGETED = ("category_max", "category_min", "vendor_share")


@dataclass(frozen=True)
class SweepLimit:
    """Which limit a sweep moves: ``SweepLimit.parse("category_max:imported")``."""

    kind: str
    target: str | None = None

    @classmethod
    def parse(cls, text: str) -> SweepLimit:
        kind, _, target = text.partition(":")
        limit = cls(kind.strip().replace("-", "_"), target.strip() or None)
        limit.check()
        return limit

    def check(self, s: Scenario | None = None) -> None:
        problems = []
        if self.kind not in LIMIT_KINDS:
            problems.append(Problem("limit", f"unknown limit {self.kind!r} "
                                             f"(known: {', '.join(LIMIT_KINDS)})"))
        elif (self.kind in _TARGETED) != (self.target is not None):
            what = "needs a category or vendor (kind:target)" if self.kind in _TARGETED else \
                "takes no target"
            problems.append(Problem("limit", f"{self.kind} {what}"))
        elif s is not None and self.kind == "vendor_share" and \
                self.target not in {v.id for v in s.vendors}:
            problems.append(Problem("limit", f"unknown vendor {self.target!r}"))
        elif s is not None and self.kind in ("category_max", "category_min") and \
                self.target not in s.categories():
            problems.append(Problem("limit", f"no vendor has category {self.target!r}"))
        if problems:
            raise ValidationError(problems, "sweep")

    @property
    def text(self) -> str:
        return self.kind + (f":{self.target}" if self.target else "")

    @property
    def higher_is_looser(self) -> bool:
        return LIMIT_KINDS[self.kind][1]

    def label(self) -> str:
        return LIMIT_KINDS[self.kind][0].format(target=self.target)

    def path(self) -> EditPath:
        if self.kind in ("category_max", "category_min"):
            return ("limits", "category_share", str(self.target), self.kind.split("_")[1])
        return {
            "weighted_risk": ("limits", "max_weighted_risk"),
            "outage_coverage": ("limits", "outage_coverage"),
            "budget_total": ("budget", "total"),
            "vendor_max_share": ("limits", "vendor_max_share"),
            "vendor_share": ("vendors", str(self.target), "max_share"),
        }[self.kind]

    def current(self, s: Scenario) -> float | None:
        """The limit's value in ``s``; None when it is not set."""
        if self.kind in ("category_max", "category_min"):
            share = s.limits.category_share.get(str(self.target))
            return None if share is None else getattr(share, self.kind.split("_")[1])
        if self.kind == "vendor_share":
            return next(v.max_share for v in s.vendors if v.id == self.target)
        return {
            "weighted_risk": s.limits.max_weighted_risk,
            "outage_coverage": s.limits.outage_coverage,
            "budget_total": s.budget.total,
            "vendor_max_share": s.limits.vendor_max_share,
        }[self.kind]

    def apply(self, s: Scenario, value: float) -> Scenario:
        return apply_override(s, Override(self.path(), float(value)))

    def marginal(self, result: Result, s: Scenario) -> float | None:
        """d(total cost)/d(limit) from the shadow prices at the point (None if not priced)."""
        if not result.status.has_plan or not result.constraints:
            return None
        if self.kind == "outage_coverage":
            demand = {w.id: dict(zip(s.periods, w.demand, strict=True)) for w in s.workloads}
            rows = [c for c in result.constraints if c.kind == "outage"]
            return sum((c.shadow_price or 0.0) * demand[c.parts[1]][c.parts[2]] for c in rows)
        names = {
            "category_max": f"category_max:{self.target}",
            "category_min": f"category_min:{self.target}",
            "weighted_risk": "weighted_risk", "budget_total": "budget:total",
            "vendor_share": f"vendor_share:{self.target}",
        }
        if self.kind == "vendor_max_share":
            free = {v.id for v in s.vendors if v.max_share is None}
            rows = [c for c in result.constraints
                    if c.kind == "vendor_share" and c.parts[0] in free]
            return sum(c.shadow_price or 0.0 for c in rows)
        try:
            price = result.constraint(names[self.kind]).shadow_price
        except KeyError:
            return 0.0  # the row is absent: the limit does not bind at this value
        return price


@dataclass(frozen=True)
class SweepPoint:
    """The plan at one value of the limit."""

    value: float
    status: str
    total_cost: float | None
    capex: float | None
    marginal: float | None  # d total cost / d limit here (per 1.0 of the limit)
    weighted_risk: float | None = None
    hhi: float | None = None
    share_by_category: Mapping[str, float] = field(default_factory=dict)
    diagnosis: tuple[str, ...] = ()

    def to_data(self) -> dict[str, Any]:
        return {
            "value": self.value, "status": self.status, "total_cost": self.total_cost,
            "capex": self.capex, "marginal": self.marginal, "weighted_risk": self.weighted_risk,
            "hhi": self.hhi, "share_by_category": dict(self.share_by_category),
            "diagnosis": list(self.diagnosis),
        }


@dataclass(frozen=True)
class SweepResult:
    """A trade-off curve with the current plan marked."""

    limit: SweepLimit
    points: tuple[SweepPoint, ...]
    current_value: float | None
    current_cost: float | None
    currency: str = "CNY"
    seconds: float = 0.0
    workers: int = 1

    def steps(self) -> list[tuple[float, float, float]]:
        """(from, to, extra cost) between neighbouring feasible points, tighter last."""
        feasible = [p for p in self.points if p.total_cost is not None]
        # loosest first, so each step tightens
        ordered = sorted(feasible, key=lambda p: p.value, reverse=self.limit.higher_is_looser)
        return [(a.value, b.value, (b.total_cost or 0.0) - (a.total_cost or 0.0))
                for a, b in itertools.pairwise(ordered)]

    def step_cost(self, point: SweepPoint) -> float | None:
        """What tightening the limit from ``point`` to the curve's next tighter point costs
        (the difference of their total costs); None at the tightest feasible point, or
        where either has no plan. This is the "cost of one step tighter" a planner reads;
        :attr:`SweepPoint.marginal` is only the slope there."""
        for loose, _tight, extra in self.steps():
            if loose == point.value and point.total_cost is not None:
                return extra
        return None

    def to_data(self) -> dict[str, Any]:
        return {
            "limit": self.limit.text, "label": self.limit.label(),
            "higher_is_looser": self.limit.higher_is_looser, "currency": self.currency,
            "current_value": self.current_value, "current_cost": self.current_cost,
            "points": [p.to_data() for p in self.points], "seconds": self.seconds,
            "workers": self.workers,
        }


def point_of(limit: SweepLimit, value: float, result: Result, s: Scenario) -> SweepPoint:
    if not result.status.has_plan or result.cost is None:
        return SweepPoint(value, result.status.value, None, None, None,
                          diagnosis=tuple(d.message for d in result.diagnosis))
    return SweepPoint(
        value, result.status.value, result.objective, result.cost.capex,
        limit.marginal(result, s), result.weighted_risk, result.hhi,
        dict(result.share.get("by_category", {})),
    )


def _point_task(
    shared: tuple[Scenario, SweepLimit, float | None], value: float,
    stop: ShouldStop | None,
) -> SweepPoint:
    from procure.optimiser import SolveOptions, solve

    scenario, limit, time_limit = shared
    s = limit.apply(scenario, value)
    # An infeasible point is shown as such; its diagnosis would cost a second solve.
    options = SolveOptions(time_limit=time_limit, explain_infeasible=False)
    return point_of(limit, value, solve(s, options, should_stop=stop), s)


def _is_big(result: Result, seconds: float) -> bool:
    """Whether the points are worth solving on several processes."""
    x = result.x or {}
    if isinstance((x.get("model") or {}).get("nonzeros"), int):
        return worth_parallel(result)
    solve_seconds = (x.get("timings") or {}).get("solve", seconds)
    return float(solve_seconds) > PARALLEL_ABOVE_SECONDS


def sweep_limits(s: Scenario) -> list[SweepLimit]:
    """The limits worth sweeping in ``s``: the caps and floors of its categories, the
    weighted-risk cap, outage coverage, the budget, the vendor caps. A category floor,
    the budget and a vendor's own cap are offered only when the plan sets them."""
    out = [SweepLimit("category_max", c) for c in s.categories()]
    out += [SweepLimit("category_min", c) for c, share in s.limits.category_share.items()
            if share is not None and share.min is not None and c in s.categories()]
    out += [SweepLimit("weighted_risk"), SweepLimit("outage_coverage")]
    if s.budget.total is not None:
        out.append(SweepLimit("budget_total"))
    out.append(SweepLimit("vendor_max_share"))
    out += [SweepLimit("vendor_share", v.id) for v in s.vendors if v.max_share is not None]
    return out


def grid(start: float, stop: float, points: int) -> tuple[float, ...]:
    """``points`` evenly spaced values from ``start`` to ``stop`` inclusive."""
    if points < 1:
        raise ValidationError([Problem("points", "must be at least 1")], "sweep")
    if points == 1:
        return (float(start),)
    step = (stop - start) / (points - 1)
    return tuple(round(start + i * step, 12) for i in range(points))


def default_values(
    s: Scenario, limit: SweepLimit, points: int = 20, base: Result | None = None
) -> tuple[float, ...]:
    """A sensible range for the limit: the whole 0..1 for shares, the vendors' risk range
    for weighted risk, half to one and a half times the plan's spend for the budget."""
    current = limit.current(s)
    if limit.kind == "weighted_risk":
        risks = [v.risk for v in s.vendors]
        return grid(min(risks), max(risks), points)
    if limit.kind in ("category_min", "outage_coverage"):
        return grid(0.0, min(1.0, max(0.5, 2 * (current or 0.0))), points)
    if limit.kind == "budget_total":
        spend = current or (base.cost.capex if base is not None and base.cost else None)
        if not spend:
            raise ValidationError([Problem("values", "give the budget values to sweep")], "sweep")
        return grid(0.5 * spend, 1.5 * spend, points)
    return grid(0.0, 1.0, points)


def sweep(
    scenario: Scenario,
    limit: SweepLimit,
    values: Sequence[float] | None = None,
    *,
    base_result: Result | None = None,
    workers: int | None = None,
    time_limit: float | None = None,
    progress: Progress | None = None,
    should_stop: ShouldStop | None = None,
) -> SweepResult:
    """Solve ``scenario`` at each value of ``limit`` (default: :func:`default_values`).

    ``workers=None`` runs in-process for a small LP (see
    :func:`~procure.analysis.parallel.worth_parallel`), else on every core;
    ``base_result`` (the current plan) is solved when absent.
    """
    from procure.optimiser import SolveOptions, solve

    limit.check(scenario)
    report = progress or (lambda _pct, _msg: None)
    stop = should_stop or (lambda: False)
    started = time.perf_counter()
    if base_result is None:
        report(1, "Solving the current plan")
        base_result = solve(scenario, SolveOptions(time_limit=time_limit),
                            should_stop=should_stop)
    big = _is_big(base_result, time.perf_counter() - started)
    if stop():
        raise Cancelled()
    values = tuple(values) if values is not None else default_values(scenario, limit,
                                                                        base=base_result)
    if workers is None:
        workers = default_workers() if big else 1
    workers = max(1, min(workers, len(values)))

    def tick(done: int, total: int) -> None:
        report(5 + int(95 * done / max(total, 1)), f"Solved {done} of {total} points")

    points = run_tasks(_point_task, values, shared=(scenario, limit, time_limit),
                       workers=workers, progress=tick, should_stop=stop,
                       stop_inside=big and should_stop is not None)
    return SweepResult(
        limit, tuple(points), limit.current(scenario),
        base_result.objective if base_result.status.has_plan else None,
        scenario.currency_code, time.perf_counter() - started, workers,
    )


__all__ = [
    "LIMIT_KINDS", "SweepLimit", "SweepPoint", "SweepResult", "default_values", "grid", "sweep",
    "sweep_limits",
]
