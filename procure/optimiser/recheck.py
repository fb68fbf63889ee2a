"""The core's own check of what the solver returned: a wrong plan is worse than none.

HiGHS can claim "optimal" for a plan that breaks its limits when the inputs are
badly scaled (a price of 1e20 among prices of 1e5). Before a plan is shown, its
every named row is evaluated from the plan alone (the result's constraint
reports, recomputed with the spec's formulas, not read off the solver) and the
column bounds are checked; for an LP, optimality is then certified
independently of the solver's status: the duals it returned must be feasible and
close the duality gap. What fails is said in words, so the solver can be asked
again with safer settings, and the planner told which inputs to fix.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from procure.domain.model import Scenario
from procure.domain.result import Result
from procure.optimiser.lp import LinearProgramme

# The spec's tolerance: a row holds when broken by at most this x max(1, |rhs|, |terms|).
TOLERANCE = 1e-6
# A duality gap (relative to the objective) above this means the plan is not proven optimal.
GAP_TOLERANCE = 1e-6
# Reduced costs this small relative to their terms are rounding (HiGHS's dual
# feasibility tolerance is 1e-7).
DUAL_NOISE = 1e-7
# Inputs whose largest and smallest positive values differ by more than this many orders
# of magnitude make the model numerically fragile.
FRAGILE_ORDERS = 9


@dataclass(frozen=True)
class Check:
    """The verdict on one solved plan."""

    violations: tuple[str, ...]
    gap: float | None = None  # relative duality gap of an LP (None when not certified)

    @property
    def ok(self) -> bool:
        return not self.violations


def check_result(result: Result, lp: LinearProgramme, x: np.ndarray,
                 duals: np.ndarray | None, duals_eq: np.ndarray | None = None) -> Check:
    """Every broken row and bound of ``result``'s plan, and (LP) whether it is optimal."""
    found: list[str] = []
    for row in result.constraints:
        scale = max(1.0, abs(row.rhs), abs(row.lhs))
        if row.slack < -TOLERANCE * scale:
            found.append(f"{row.name}: {row.lhs:.6g} against {row.rhs:.6g}")
    n = lp.columns.total
    lower, upper = lp.bounds()
    values = x[:n]
    scale = np.maximum(1.0, np.abs(values))
    low = values < lower[:n] - TOLERANCE * scale
    high = values > upper[:n] + TOLERANCE * scale
    for j in np.flatnonzero(low | high)[:5].tolist():
        found.append(f"column {j}: {values[j]:.6g} outside [{lower[j]:.6g}, {upper[j]:.6g}]")
    solver_objective = float(lp.cost[:n] @ values) * lp.money_scale
    if result.objective is not None and not _close(solver_objective, result.objective):
        found.append(f"objective: the solver's {solver_objective:.9g} against the plan's "
                     f"{result.objective:.9g}")
    gap = None
    if lp.integrality is None and duals is not None and lp.n_elastic == 0:
        gap = duality_gap(lp, values, duals, duals_eq)
        if gap is not None and gap > GAP_TOLERANCE:
            found.append(f"optimality: the solver's duals leave a gap of {gap:.2g}")
    return Check(tuple(found), gap)


def duality_gap(lp: LinearProgramme, x: np.ndarray, y_ub: np.ndarray,
                y_eq: np.ndarray | None) -> float | None:
    """Relative gap between the plan's cost and the dual bound the solver's duals prove.

    For ``min c.x, A x <= b, E x = e, l <= x <= u`` any ``y <= 0`` (and free ``z``) gives
    the bound ``b.y + e.z + sum_j min(r_j l_j, r_j u_j)`` with reduced costs
    ``r = c - A'y - E'z``. A bound equal to the cost proves the plan optimal, whatever
    the solver's status said. None when the duals cannot be used (an infinite bound
    against a negative reduced cost is a broken certificate, reported as a gap of 1).
    """
    if lp.a_eq is not None and y_eq is None:
        return None
    y = np.minimum(y_ub, 0.0)
    r = lp.cost - lp.a_ub.T @ y
    size = np.abs(lp.cost) + abs(lp.a_ub).T @ np.abs(y)
    bound = float(lp.b_ub @ y)
    if lp.a_eq is not None and y_eq is not None and lp.b_eq is not None:
        r = r - lp.a_eq.T @ y_eq
        size = size + abs(lp.a_eq).T @ np.abs(y_eq)
        bound += float(lp.b_eq @ y_eq)
    lower, upper = lp.bounds()
    # A reduced cost within the solver's dual feasibility tolerance (relative to the terms
    # it is made of) is zero.
    r = np.where(np.abs(r) <= DUAL_NOISE * np.maximum(1.0, size), 0.0, r)
    neg = r < 0
    if np.any(neg & ~np.isfinite(upper)):
        return 1.0
    if np.any((r > 0) & ~np.isfinite(lower)):
        return 1.0
    bound += float(np.sum(np.where(r > 0, r * lower, 0.0)))
    bound += float(np.sum(np.where(neg, r * np.where(neg, upper, 0.0), 0.0)))
    primal = float(lp.cost @ x)
    return abs(primal - bound) / max(1.0, abs(primal))


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def fragile_inputs(s: Scenario) -> list[str]:
    """Inputs spread over so many orders of magnitude that the solver may answer wrongly.

    Each entry names the smallest and largest value and where they are, e.g. "prices
    span 32 orders of magnitude: 1e-12 (chip a) to 1e+20 (chip b)".
    """
    out: list[str] = []
    groups: dict[str, list[tuple[float, str]]] = {
        "prices": [(p, f"chip {c.id}") for c in s.chips for p in c.price],
        "peak compute": [(c.peak_pflops, f"chip {c.id}") for c in s.chips],
        "demand": [(d, f"workload {w.id}") for w in s.workloads for d in w.demand],
        "supply": [(u, f"chip {c.id}") for c in s.chips for u in c.supply or ()],
        "efficiencies": [
            (v, f"workload {w.id}, chip {chip}") for w in s.workloads
            for chip, e in w.efficiency.items() for v in (e if isinstance(e, tuple) else (e,))
        ],
    }
    for what, values in groups.items():
        positive = [(v, where) for v, where in values if v > 0 and math.isfinite(v)]
        if len(positive) < 2:
            continue
        low = min(positive)
        high = max(positive)
        orders = math.log10(high[0] / low[0])
        if orders > FRAGILE_ORDERS:
            out.append(f"{what} span {orders:.0f} orders of magnitude: {low[0]:g} ({low[1]}) "
                       f"to {high[0]:g} ({high[1]})")
    return out
