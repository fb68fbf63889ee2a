"""The diagnosis one step at a time: how far each limit must move if nothing else does.

The smallest combined set of relaxations (:mod:`procure.optimiser.diagnosis`) makes
the plan feasible only when every one of them is applied. A planner usually asks
a narrower question: "how much budget do I need, if I change nothing else?". For
each limit in that set (a limit as the planner sets it: the total budget, the
per-period budgets, one chip's supply, one workload's demand, a share cap, the
risk limit, the outage coverage), the elastic model is solved again with every
relaxation column of the other limits held at zero. Feasible, it gives the single
change that suffices; infeasible, that limit cannot fix the plan alone.

Stored in a result's ``x`` under :data:`procure.levers.KEY` (the spec's ``diagnosis``
list keeps its meaning: applying every listed relaxation together makes the plan
feasible); :mod:`procure.levers` reads them back without the optimiser.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from procure.domain.result import Relaxation
from procure.levers import KEY, Lever, Limit, limit_of
from procure.optimiser.diagnosis import relaxations
from procure.optimiser.extract import plan_from_solution
from procure.optimiser.highs import RawSolution, RawStatus
from procure.optimiser.index import ScenarioIndex
from procure.optimiser.lp import LinearProgramme
from procure.optimiser.rows import View, sides

SolveLp = Callable[[LinearProgramme], RawSolution]


def single_levers(lp: LinearProgramme, ix: ScenarioIndex, x: np.ndarray,
                  combined: Sequence[Relaxation], solve_lp: SolveLp) -> list[Lever]:
    """For each limit of the ``combined`` diagnosis, the change of it alone that suffices.

    ``lp`` is the elastic model and ``x`` its solution (which gave ``combined``);
    ``solve_lp`` runs one LP (the solver's runner: its time limit and cancellation
    apply). The order is the combined diagnosis's.
    """
    names = _elastic_row_names(lp, ix, x)
    assert len(names) == lp.n_elastic, "one relaxation column per relaxable row"
    limit_of_column = [limit_of(name) for name in names]
    limits: dict[Limit, list[str]] = {}
    for relaxation in combined:
        limits.setdefault(limit_of(relaxation.constraint), []).append(relaxation.constraint)
    levers = []
    lower, upper = lp.bounds()
    first = lp.columns.total
    for limit, rows in limits.items():
        others = np.array([col != limit for col in limit_of_column], dtype=bool)
        held = upper.copy()
        held[first:][others] = 0.0
        one = LinearProgramme(
            lp.cost, lp.a_ub, lp.b_ub, lp.a_eq, lp.b_eq, lp.integrality, lp.blocks, lp.columns,
            lp.money_scale, lp.col_scale, lp.n_elastic, lower, held)
        raw = solve_lp(one)
        changes: tuple[Relaxation, ...] = ()
        if raw.status in (RawStatus.OPTIMAL, RawStatus.FEASIBLE) and raw.x is not None:
            changes = tuple(relaxations(one, ix, raw.x))
        levers.append(Lever(limit, tuple(rows), changes))
    return levers


def _elastic_row_names(lp: LinearProgramme, ix: ScenarioIndex, x: np.ndarray) -> list[str]:
    """The row each relaxation column may break, in column order (names do not depend
    on the plan; a plan is needed only to call the row evaluators)."""
    plan = plan_from_solution(lp, ix, x)
    total = float(plan.spend_chip_period.sum())
    view = View(ix, plan, total)
    names: list[str] = []
    for block in lp.blocks:
        if block.relax_weight is not None:
            names += list(sides(ix, plan, block, total, view)[0])
    return names


def to_data(levers: Sequence[Lever]) -> list[dict[str, Any]]:
    return [lever.to_data() for lever in levers]


__all__ = ["KEY", "Lever", "single_levers", "to_data"]
