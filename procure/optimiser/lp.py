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

from dataclasses import dataclass, field

import numpy as np
import scipy.sparse as sp

from procure.optimiser.index import ScenarioIndex

# Demand is the last thing a plan should give up: dropping it is weighted this
# much more than relaxing a limit by the same fraction.
DEMAND_RELAX_WEIGHT = 10.0
# Share of the elastic objective given to the plan's own cost, so that among
# equally small relaxations the cheaper plan is shown.
ELASTIC_COST_WEIGHT = 1e-6


@dataclass(frozen=True)
class RowBlock:
    """A family of rows that share a name pattern, e.g. ``capacity:{chip}:{period}``."""

    kind: str
    start: int
    stop: int
    sense: int  # +1: the spec's row is <=; -1: it is >= and stored negated
    keys: np.ndarray  # per row: the position it names (c*T+t, w*T+t, v, k, ... see extract)
    rhs: np.ndarray  # the stored (<=-form) right-hand side, in model units
    dual_scale: float  # model dual x dual_scale = objective currency per unit of the spec's rhs
    relax_weight: np.ndarray | None = None  # elastic cost per unit of relaxation; None: hard


@dataclass
class Columns:
    """Where each variable family starts in the column vector."""

    n_chips: int
    n_periods: int
    n_pairs: int
    n_workloads: int
    has_shortfall: bool
    has_delivered: bool
    b: int = 0
    x: int = field(init=False)
    s: int = field(init=False)
    y: int = field(init=False)
    total: int = field(init=False)

    def __post_init__(self) -> None:
        t = self.n_periods
        self.x = self.b + self.n_chips * t
        self.s = self.x + self.n_pairs * t
        self.y = self.s + (self.n_workloads * t if self.has_shortfall else 0)
        self.total = self.y + (self.n_workloads * t if self.has_delivered else 0)


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


class _RowBuilder:
    """Collects COO triplets block by block."""

    def __init__(self) -> None:
        self.rows: list[np.ndarray] = []
        self.cols: list[np.ndarray] = []
        self.vals: list[np.ndarray] = []
        self.rhs: list[np.ndarray] = []
        self.blocks: list[RowBlock] = []
        self.n = 0

    def add(
        self,
        kind: str,
        n_rows: int,
        terms: list[tuple[np.ndarray, np.ndarray, np.ndarray]],
        rhs: np.ndarray,
        *,
        sense: int,
        keys: np.ndarray,
        dual_scale: float,
        relax_weight: np.ndarray | None = None,
    ) -> None:
        """Add ``n_rows`` rows ``sum(terms) (<= or >=) rhs``; terms are (local row, col, value)."""
        if n_rows == 0:
            return
        for r, c, v in terms:
            self.rows.append(r + self.n)
            self.cols.append(c)
            self.vals.append(sense * v)
        stored = sense * np.asarray(rhs, dtype=float)
        self.rhs.append(stored)
        self.blocks.append(
            RowBlock(kind, self.n, self.n + n_rows, sense, keys, stored, dual_scale, relax_weight)
        )
        self.n += n_rows

    def matrix(self, n_cols: int) -> tuple[sp.csr_matrix, np.ndarray]:
        if not self.rows:
            return sp.csr_matrix((0, n_cols)), np.zeros(0)
        a = sp.csr_matrix(
            (np.concatenate(self.vals), (np.concatenate(self.rows), np.concatenate(self.cols))),
            shape=(self.n, n_cols),
        )
        return a, np.concatenate(self.rhs)


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
    unit_cost = ix.price.min(axis=1)[ix.pair_chip] / ix.pair_compute
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

    ``fixed_orders`` (C x T, NaN where free) pins orders already placed, for the
    scenario analysis's "hold the base plan" answer.
    """
    s = ix.scenario
    n_c, n_t, n_w, n_e = ix.n_chips, ix.n_periods, len(ix.workload_ids), ix.n_pairs
    delta = s.limits.outage_coverage
    cols = Columns(n_c, n_t, n_e, n_w, s.shortfall_penalty is not None, delta > 0)
    m = money_scale_of(ix)
    rb = _RowBuilder()

    t_idx = np.arange(n_t)
    ct = np.arange(n_c * n_t)  # b column offsets == (c, t) positions
    b_col = cols.b + ct
    e_rows = np.repeat(np.arange(n_e), n_t)  # pair of each (e, t)
    e_t = np.tile(t_idx, n_e)
    x_col = cols.x + np.arange(n_e * n_t)
    pair_compute = ix.pair_compute
    service = ix.service.tocoo()
    price_flat = ix.price.reshape(-1)

    def relax(values: np.ndarray, weight: float = 1.0) -> np.ndarray | None:
        if not elastic:
            return None
        return weight / np.maximum(np.abs(values), 1.0)

    # capacity:{chip}:{period}: sum_w x_cwt - (new units in service) <= existing
    rb.add(
        "capacity", n_c * n_t,
        [(ix.pair_chip[e_rows] * n_t + e_t, x_col, np.ones(n_e * n_t)),
         (service.row, cols.b + service.col, -service.data)],
        ix.existing.reshape(-1), sense=1, keys=ct, dual_scale=m,
    )

    # demand:{workload}:{period}: delivered compute + s >= D
    wt = np.arange(n_w * n_t)
    demand_terms = []
    if cols.has_delivered:
        demand_terms.append((wt, cols.y + wt, np.ones(n_w * n_t)))
    else:
        demand_terms.append(
            (ix.pair_workload[e_rows] * n_t + e_t, x_col, np.repeat(pair_compute, n_t))
        )
    if cols.has_shortfall:
        demand_terms.append((wt, cols.s + wt, np.ones(n_w * n_t)))
    rb.add(
        "demand", n_w * n_t, demand_terms, ix.demand.reshape(-1), sense=-1, keys=wt,
        dual_scale=m, relax_weight=relax(ix.demand.reshape(-1), DEMAND_RELAX_WEIGHT),
    )

    # supply:{chip}:{period}: b <= U where given
    limited = np.flatnonzero(~np.isnan(ix.supply.reshape(-1)))
    supply = ix.supply.reshape(-1)[limited]
    rb.add(
        "supply", len(limited), [(np.arange(len(limited)), b_col[limited], np.ones(len(limited)))],
        supply, sense=1, keys=limited, dual_scale=m, relax_weight=relax(supply),
    )

    # budget:{period} and budget:total, in money units
    if s.budget.per_period is not None:
        budget = np.array(s.budget.per_period) / m
        rb.add(
            "budget", n_t, [(np.tile(t_idx, n_c), b_col, price_flat / m)], budget, sense=1,
            keys=t_idx, dual_scale=1.0, relax_weight=relax(budget),
        )
    if s.budget.total is not None:
        rb.add(
            "budget_total", 1, [(np.zeros(n_c * n_t, dtype=np.int64), b_col, price_flat / m)],
            np.array([s.budget.total / m]), sense=1, keys=np.zeros(1, dtype=np.int64),
            dual_scale=1.0, relax_weight=relax(np.array([s.budget.total / m])),
        )

    # power:{period}: sum_c w_c A_ct <= Pmax_t  (existing fleet moved to the right)
    if s.power_cap_kw is not None:
        cap = np.array(s.power_cap_kw)
        existing_power = ix.power @ ix.existing
        chip_of_row = service.row // n_t
        rb.add(
            "power", n_t, [(service.row % n_t, cols.b + service.col, ix.power[chip_of_row])],
            cap - existing_power, sense=1, keys=t_idx, dual_scale=m, relax_weight=relax(cap),
        )

    _share_rows(rb, ix, b_col, m, elastic)

    # outage:{vendor}:{workload}:{period}: y_wt - (that vendor's part) >= delta D_wt
    a_eq = b_eq = None
    if cols.has_delivered:
        n_v = len(ix.vendor_ids)
        pair_vendor = ix.chip_vendor[ix.pair_chip]
        vwt = np.arange(n_v * n_w * n_t)
        wt_of = vwt % (n_w * n_t)
        rhs = delta * ix.demand.reshape(-1)[wt_of]
        rb.add(
            "outage", len(vwt),
            [(vwt, cols.y + wt_of, np.ones(len(vwt))),
             ((pair_vendor[e_rows] * n_w + ix.pair_workload[e_rows]) * n_t + e_t, x_col,
              -np.repeat(pair_compute, n_t))],
            rhs, sense=-1, keys=vwt, dual_scale=m, relax_weight=relax(rhs),
        )
        # y_wt = sum_c P_c e_cw x_cwt
        a_eq = sp.csr_matrix(
            (np.concatenate([np.ones(n_w * n_t), -np.repeat(pair_compute, n_t)]),
             (np.concatenate([wt, ix.pair_workload[e_rows] * n_t + e_t]),
              np.concatenate([cols.y + wt, x_col]))),
            shape=(n_w * n_t, cols.total),
        )
        b_eq = np.zeros(n_w * n_t)

    a_ub, b_ub = rb.matrix(cols.total)

    # Objective: capex plus energy of new units while in service, plus shortfall penalty.
    energy_per_unit = ix.service.T @ (ix.power[:, None] * ix.energy[None, :]).reshape(-1)
    cost = np.zeros(cols.total)
    cost[b_col] = (price_flat + energy_per_unit) / m
    if cols.has_shortfall:
        cost[cols.s + wt] = s.shortfall_penalty / m

    col_scale = np.ones(cols.total)
    integrality = None
    if s.integer:
        col_scale[b_col] = np.repeat(ix.lot, n_t)
        integrality = np.zeros(cols.total)
        integrality[b_col] = 1
    if s.integer and np.any(col_scale != 1):
        scale = sp.diags(col_scale)
        a_ub = (a_ub @ scale).tocsr()
        a_eq = None if a_eq is None else (a_eq @ scale).tocsr()
        cost = cost * col_scale

    lp = LinearProgramme(
        cost, a_ub, b_ub, a_eq, b_eq, integrality, rb.blocks, cols, m, col_scale
    )
    if fixed_orders is not None:
        pinned = np.flatnonzero(~np.isnan(fixed_orders.reshape(-1)))
        lower, upper = lp.bounds()
        values = fixed_orders.reshape(-1)[pinned] / col_scale[b_col[pinned]]
        lower[b_col[pinned]] = upper[b_col[pinned]] = values
        lp.lower, lp.upper = lower, upper
    return _make_elastic(lp, ix) if elastic else lp


def _share_rows(
    rb: _RowBuilder, ix: ScenarioIndex, b_col: np.ndarray, m: float, elastic: bool
) -> None:
    """vendor_share, category_min/max and weighted_risk: (weight - limit) . spend <= or >= 0."""
    s = ix.scenario
    n_t = ix.n_periods
    spend = ix.price.reshape(-1) / m  # spend per unit ordered, per (c, t)
    chip_of = np.repeat(np.arange(ix.n_chips), n_t)
    vendor_of = ix.chip_vendor[chip_of]
    category_of = ix.vendor_category[vendor_of]
    weight = (1.0 / (reference_spend(ix) / m)) if elastic else None

    def add(kind: str, key: int, member: np.ndarray, limit: float, sense: int) -> None:
        coef = spend * (member - limit)
        nz = np.flatnonzero(coef)
        rb.add(
            kind, 1, [(np.zeros(len(nz), dtype=np.int64), b_col[nz], coef[nz])], np.zeros(1),
            sense=sense, keys=np.array([key]), dual_scale=1.0,
            relax_weight=None if weight is None else np.array([weight]),
        )

    for v, cap in enumerate(ix.vendor_cap):
        if cap < 1:
            add("vendor_share", v, (vendor_of == v).astype(float), float(cap), 1)
    shares = s.limits.category_share
    for k, name in enumerate(ix.categories):
        share = shares.get(name)
        if share is not None and share.min is not None and share.min > 0:
            add("category_min", k, (category_of == k).astype(float), share.min, -1)
    for k, name in enumerate(ix.categories):
        share = shares.get(name)
        if share is not None and share.max is not None and share.max < 1:
            add("category_max", k, (category_of == k).astype(float), share.max, 1)
    rho = s.limits.max_weighted_risk
    if rho is not None and rho < 1:
        add("weighted_risk", 0, ix.risk[vendor_of], rho, 1)


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
