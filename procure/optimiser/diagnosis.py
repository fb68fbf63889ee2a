"""Why a scenario is infeasible, in relaxations a planner can act on.

The elastic model gives every user limit (budgets, power, supply, shares, risk,
outage coverage, demand) a column that may break it at a price proportional to
the relative size of the break; minimising that price finds the smallest set of
relaxations that together make the plan possible. Each one is reported with its
amount in the limit's own units and a sentence ("Raise the 2026Q3 budget by
1.2 bn CNY").
"""

from __future__ import annotations

import numpy as np

from procure.domain.constraints import Unit
from procure.domain.result import Relaxation
from procure.optimiser.extract import plan_from_solution
from procure.optimiser.index import ScenarioIndex
from procure.optimiser.lp import LinearProgramme
from procure.optimiser.rows import View, sides
from procure.wording import Names, current_limit, relaxation_message

# A relaxation smaller than this (relative to its limit) is solver noise.
NOISE = 1e-7
# Relaxations are widened by this much (relative) so that applying them leaves a little
# room, plus the spec's feasibility tolerance of the row (1e-6 x max(1, |rhs|)): the
# solver's own tolerance may leave an elastic amount short by about that much, and a
# relaxation that, applied, still fails by a hair (in integer mode a whole lot) is no help.
MARGIN = 1e-6
TOLERANCE = 1e-6


def relaxations(lp: LinearProgramme, ix: ScenarioIndex, x: np.ndarray, *,
                noise: float = NOISE) -> list[Relaxation]:
    """The relaxations in the solution ``x`` of the elastic model ``lp``; amounts below
    ``noise`` (relative to their limit) are taken for solver noise."""
    names = Names.of(ix.scenario)
    plan = plan_from_solution(lp, ix, x)
    total = float(plan.spend_chip_period.sum())
    view = View(ix, plan, total)
    elastic = x[lp.columns.total:]
    found: list[Relaxation] = []
    j = 0
    for block in lp.blocks:
        if block.relax_weight is None:
            continue
        n = block.stop - block.start
        amounts = elastic[j: j + n]
        j += n
        hot = np.flatnonzero(amounts > noise * np.maximum(1.0, np.abs(block.rhs)))
        if len(hot) == 0:
            continue
        row_names = sides(ix, plan, block, total, view)[0]
        kind = block.row_kind
        for i in hot.tolist():
            amount = float(amounts[i])
            size = abs(float(block.rhs[i]))
            if kind.share:
                if total <= 0:
                    continue
                amount = amount * lp.money_scale / total  # in units of the limit
                size = 0.0
            elif kind.unit is Unit.MONEY:
                amount *= lp.money_scale
                size *= lp.money_scale
            amount = amount * (1 + MARGIN) + TOLERANCE * max(1.0, size)
            name = row_names[i]
            message = relaxation_message(name, amount, current_limit(ix.scenario, name), names)
            found.append(Relaxation(name, amount, message))
    return found
