"""The linear programme of a scenario, built vectorised and sparse.

Columns, in order: orders ``b`` (C x T; in integer mode lots ``n`` with
``b = q n``), assignments ``x`` (E x T, eligible pairs only), shortfall ``s``
(W x T, only with a penalty), delivered compute ``y`` (W x T, only with outage
coverage: it lets each outage row name one vendor's chips instead of all the
others', so the outage block has O(E T) nonzeros instead of O(V E T)), and, in
the elastic model, one relaxation column per relaxable row.

Every row is stored as ``A x <= b``; a ``>=`` row of the spec is stored negated
and remembered as such (``sense = -1``). Money is expressed in units of
``money_scale`` so that prices of 1e5 and budgets of 1e11 sit near the unit
demands and capacities next to them (HiGHS is more reliable on a well-scaled
model), and is converted back when the result is read.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from procure.optimiser.index import ScenarioIndex
from procure.optimiser.rows import FAMILIES, Build, Columns, RowBlock, RowBuilder

__all__ = ["Columns", "LinearProgramme", "RowBlock", "build_lp", "money_scale_of"]

# Share of the elastic objective given to the plan's own cost, so that among
# equally small relaxations the cheaper plan is shown.
ELASTIC_COST_WEIGHT = 1e-6


@dataclass
class LinearProgramme:
    """``min c.x`` s.t. ``A_ub x <= b_ub``, ``A_eq x = b_eq``, ``0 <= x <= upper``."""

    cost: np.ndarray
    a_ub: sp.csr_matrix
    b_ub: np.ndarray
    a_eq: sp.csr_matrix | None
    b_eq: np.ndarray | None
    integrality: np.ndarray | None
    blocks: list[RowBlock]
    columns: Columns
    money_scale: float
    col_scale: np.ndarray  # plan value of a column = solver value x col_scale (lot sizes)
    n_elastic: int = 0
    lower: np.ndarray | None = None  # column bounds in solver units; None: 0
    upper: np.ndarray | None = None  # None: no upper bound

    def bounds(self) -> tuple[np.ndarray, np.ndarray]:
        n = len(self.cost)
        lower = np.zeros(n) if self.lower is None else self.lower
        upper = np.full(n, np.inf) if self.upper is None else self.upper
        return lower, upper

    @property
    def n_rows(self) -> int:
        return self.a_ub.shape[0] + (0 if self.a_eq is None else self.a_eq.shape[0])

    @property
    def nnz(self) -> int:
        return self.a_ub.nnz + (0 if self.a_eq is None else self.a_eq.nnz)


def money_scale_of(ix: ScenarioIndex) -> float:
    """A power of ten near the largest price, so scaled prices are about 1."""
    top = float(np.max(ix.price, initial=0.0))
    return float(10 ** np.floor(np.log10(top))) if top >= 10 else 1.0


def reference_spend(ix: ScenarioIndex) -> float:
    """A rough size of the plan's spend, used to weigh share relaxations in the elastic model.

    The cost of buying each workload's peak demand on its cheapest chip per
    PFLOP/s: not the optimum, only its order of magnitude.
    """
    if ix.n_pairs == 0:
        return 1.0
    best = ix.pair_compute.max(axis=1)
    unit_cost = np.where(best > 0, ix.price.min(axis=1)[ix.pair_chip] / np.maximum(best, 1e-300),
                         np.inf)
    cheapest = np.full(len(ix.workload_ids), np.inf)
    np.minimum.at(cheapest, ix.pair_workload, unit_cost)
    cheapest[~np.isfinite(cheapest)] = 0.0
    total = float(np.sum(ix.demand.max(axis=1, initial=0.0) * cheapest))
    s = ix.scenario
    if s.budget.total is not None:
        total = max(total, s.budget.total)
    return max(total, 1.0)


def build_lp(
    ix: ScenarioIndex, *, elastic: bool = False, fixed_orders: np.ndarray | None = None
) -> LinearProgramme:
    """The scenario's LP (or MILP in integer mode); ``elastic`` adds relaxation columns.

    The rows are those of :data:`procure.optimiser.rows.FAMILIES`, one family per kind.
    ``fixed_orders`` (C x T, NaN where free) pins orders already placed, for the
    scenario analysis's "hold the base plan" answer.
    """
    s = ix.scenario
    n_c, n_t, n_w, n_e = ix.n_chips, ix.n_periods, len(ix.workload_ids), ix.n_pairs
    cols = Columns(n_c, n_t, n_e, n_w, s.shortfall_penalty is not None,
                   s.limits.outage_coverage > 0)
    m = money_scale_of(ix)
    rb = RowBuilder()
    build = Build(ix, cols, rb, m, elastic, reference_spend(ix) / m)
    for family in FAMILIES:
        family.build(build)

    # y_wt = sum_c P_c e_cwt x_cwt: delivered compute, named once for the outage rows.
    a_eq = b_eq = None
    if cols.has_delivered:
        wt = build.wt
        a_eq = sp.csr_matrix(
            (np.concatenate([np.ones(n_w * n_t), -build.compute]),
             (np.concatenate([wt, ix.pair_workload[build.e_rows] * n_t + build.e_t]),
              np.concatenate([cols.y + wt, build.x_col]))),
            shape=(n_w * n_t, cols.total),
        )
        b_eq = np.zeros(n_w * n_t)

    a_ub, b_ub = rb.matrix(cols.total)

    # Objective: sum_t d_t [capex + energy of new units while in service + shortfall penalty].
    d = ix.discount
    energy_per_unit = ix.service.T @ (ix.power[:, None] * (ix.energy * d)[None, :]).reshape(-1)
    cost = np.zeros(cols.total)
    cost[build.b_col] = ((ix.price * d[None, :]).reshape(-1) + energy_per_unit) / m
    if cols.has_shortfall:
        cost[cols.s + build.wt] = float(s.shortfall_penalty or 0.0) * np.tile(d, n_w) / m

    col_scale = np.ones(cols.total)
    integrality = None
    if s.integer:
        col_scale[build.b_col] = np.repeat(ix.lot, n_t)
        integrality = np.zeros(cols.total)
        integrality[build.b_col] = 1
    if s.integer and np.any(col_scale != 1):
        scale = sp.diags(col_scale)
        a_ub = (a_ub @ scale).tocsr()
        a_eq = None if a_eq is None else (a_eq @ scale).tocsr()
        cost = cost * col_scale

    lp = LinearProgramme(
        cost, a_ub, b_ub, a_eq, b_eq, integrality, rb.blocks, cols, m, col_scale
    )
    idle = np.flatnonzero(ix.pair_eff.reshape(-1) <= 0)
    if len(idle):  # v2: x_cwt is 0 in the periods where e_cwt = 0
        lower, upper = (bound.copy() for bound in lp.bounds())
        upper[build.x_col[idle]] = 0.0
        lp.lower, lp.upper = lower, upper
    if fixed_orders is not None:
        pinned = np.flatnonzero(~np.isnan(fixed_orders.reshape(-1)))
        lower, upper = (bound.copy() for bound in lp.bounds())
        b_col = build.b_col
        values = fixed_orders.reshape(-1)[pinned] / col_scale[b_col[pinned]]
        lower[b_col[pinned]] = upper[b_col[pinned]] = values
        lp.lower, lp.upper = lower, upper
    return _make_elastic(lp, ix) if elastic else lp


def _make_elastic(lp: LinearProgramme, ix: ScenarioIndex) -> LinearProgramme:
    """Give every relaxable row a column that may break it, at its relaxation weight."""
    rows: list[np.ndarray] = []
    weights: list[np.ndarray] = []
    for block in lp.blocks:
        if block.relax_weight is not None:
            rows.append(np.arange(block.start, block.stop))
            weights.append(block.relax_weight)
    row_idx = np.concatenate(rows) if rows else np.zeros(0, dtype=np.int64)
    n_el = len(row_idx)
    extra = sp.csr_matrix(
        (-np.ones(n_el), (row_idx, np.arange(n_el))), shape=(lp.a_ub.shape[0], n_el)
    )
    a_ub = sp.hstack([lp.a_ub, extra], format="csr")
    a_eq = None if lp.a_eq is None else sp.hstack(
        [lp.a_eq, sp.csr_matrix((lp.a_eq.shape[0], n_el))], format="csr"
    )
    ref = reference_spend(ix) / lp.money_scale
    cost = np.concatenate([lp.cost * (ELASTIC_COST_WEIGHT / ref),
                           np.concatenate(weights) if weights else np.zeros(0)])
    integrality = None if lp.integrality is None else np.concatenate(
        [lp.integrality, np.zeros(n_el)]
    )
    lower, upper = lp.bounds()
    return LinearProgramme(
        cost, a_ub, lp.b_ub, a_eq, lp.b_eq, integrality, lp.blocks, lp.columns,
        lp.money_scale, np.concatenate([lp.col_scale, np.ones(n_el)]), n_el,
        np.concatenate([lower, np.zeros(n_el)]), np.concatenate([upper, np.full(n_el, np.inf)]),
    )
