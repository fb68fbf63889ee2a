"""The rows of the model, one family per kind: how each is built and how it is evaluated.

Each family pairs a build function (the rows as sparse triplets, headed by the
spec's formula) with the evaluator of the same rows at a plan (the spec's lhs
and rhs, recomputed from the plan alone, so a result never repeats the solver's
claim). Keeping the two side by side is what keeps them in step; the kind's
other facts (sense, unit, relaxation) live in :mod:`procure.domain.constraints`.

Conventions: every row is stored ``<=``; a ``>=`` row is stored negated
(``sense=-1``). Money is in units of ``m`` (the model's money scale). Keys give
the position a row names, as the evaluator reads it back.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np
import scipy.sparse as sp

from procure.domain import constraints as K
from procure.domain.constraints import RowKind
from procure.optimiser.index import ScenarioIndex

if TYPE_CHECKING:
    from procure.optimiser.extract import Plan

# Demand (and memory) is the last thing a plan should give up: dropping it is weighted
# this much more than relaxing a limit by the same fraction.
DEMAND_RELAX_WEIGHT = 10.0

Terms = list[tuple[np.ndarray, np.ndarray, np.ndarray]]


@dataclass(frozen=True)
class RowBlock:
    """A family of rows that share a name pattern, e.g. ``capacity:{chip}:{period}``."""

    kind: str  # the key of its RowKind in procure.domain.constraints
    start: int
    stop: int
    sense: int  # +1: the spec's row is <=; -1: it is >= and stored negated
    keys: np.ndarray  # per row: the position it names (c*T+t, w*T+t, v, k, ...)
    rhs: np.ndarray  # the stored (<=-form) right-hand side, in model units
    dual_scale: float  # model dual x dual_scale = objective currency per unit of the spec's rhs
    relax_weight: np.ndarray | None = None  # elastic cost per unit of relaxation; None: hard

    @property
    def row_kind(self) -> RowKind:
        return K.BY_KEY[self.kind]


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
class RowBuilder:
    """Collects COO triplets block by block."""

    rows: list[np.ndarray] = field(default_factory=list)
    cols: list[np.ndarray] = field(default_factory=list)
    vals: list[np.ndarray] = field(default_factory=list)
    rhs: list[np.ndarray] = field(default_factory=list)
    blocks: list[RowBlock] = field(default_factory=list)
    n: int = 0

    def add(
        self,
        kind: RowKind,
        n_rows: int,
        terms: Terms,
        rhs: np.ndarray,
        *,
        keys: np.ndarray,
        dual_scale: float,
        relax_weight: np.ndarray | None = None,
    ) -> None:
        """Add ``n_rows`` rows ``sum(terms) (<= or >=) rhs``; terms are (local row, col, value)."""
        if n_rows == 0:
            return
        sense = 1 if kind.sense is K.Sense.LE else -1
        for r, c, v in terms:
            self.rows.append(r + self.n)
            self.cols.append(c)
            self.vals.append(sense * v)
        stored = sense * np.asarray(rhs, dtype=float)
        self.rhs.append(stored)
        self.blocks.append(
            RowBlock(kind.key, self.n, self.n + n_rows, sense, keys, stored, dual_scale,
                     relax_weight)
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


@dataclass
class Build:
    """What every build function needs: the index, the columns and the model's scales."""

    ix: ScenarioIndex
    cols: Columns
    rb: RowBuilder
    m: float  # money scale
    elastic: bool
    reference_spend: float  # in money units; weighs share relaxations in the elastic model

    def __post_init__(self) -> None:
        ix, n_t = self.ix, self.ix.n_periods
        self.t_idx = np.arange(n_t)
        self.ct = np.arange(ix.n_chips * n_t)  # (c, t) positions == b column offsets
        self.b_col = self.cols.b + self.ct
        self.e_rows = np.repeat(np.arange(ix.n_pairs), n_t)  # pair of each (e, t)
        self.e_t = np.tile(self.t_idx, ix.n_pairs)
        self.x_col = self.cols.x + np.arange(ix.n_pairs * n_t)
        self.compute = ix.pair_compute.reshape(-1)  # (E*T,) P_c e_cwt per x column
        self.service = ix.service.tocoo()
        self.price = ix.price.reshape(-1)
        self.wt = np.arange(len(ix.workload_ids) * n_t)

    def relax(self, values: np.ndarray, weight: float = 1.0) -> np.ndarray | None:
        """Elastic weights relative to each limit's size; None outside the elastic model."""
        if not self.elastic:
            return None
        return weight / np.maximum(np.abs(values), 1.0)


@dataclass
class View:
    """A plan seen by the evaluators, with the sums several of them share."""

    ix: ScenarioIndex
    plan: Plan
    total: float  # S, total new spend (currency)

    def __post_init__(self) -> None:
        ix, n_t = self.ix, self.ix.n_periods
        self.pair_t = np.tile(np.arange(n_t), ix.n_pairs)
        self.x = self.plan.assign.reshape(-1)
        self.compute = self.x * ix.pair_compute.reshape(-1)
        n_w = len(ix.workload_ids)
        self.delivered = _by(np.repeat(ix.pair_workload, n_t) * n_t + self.pair_t, self.compute,
                             n_w * n_t)
        self.in_service = ix.existing + self.plan.new_in_service
        self.spend_chip = self.plan.spend_chip_period.sum(axis=1)
        self.spend_vendor = _by(ix.chip_vendor, self.spend_chip, len(ix.vendor_ids))


Sides = tuple[list[str], np.ndarray, np.ndarray]


@dataclass(frozen=True)
class Family:
    kind: RowKind
    build: Callable[[Build], None]
    sides: Callable[[View, RowBlock], Sides]


def _by(keys: np.ndarray, weights: np.ndarray, size: int) -> np.ndarray:
    return np.bincount(keys, weights=weights, minlength=size)[:size]


# --- capacity:{chip}:{period}  sum_w x_cwt <= A_ct ---------------------------------------

def build_capacity(b: Build) -> None:
    """sum_w x_cwt - (new units in service) <= existing units (orders placed included)."""
    ix, n_t, sv = b.ix, b.ix.n_periods, b.service
    b.rb.add(
        K.CAPACITY, ix.n_chips * n_t,
        [(ix.pair_chip[b.e_rows] * n_t + b.e_t, b.x_col, np.ones(len(b.x_col))),
         (sv.row, b.cols.b + sv.col, -sv.data)],
        ix.existing.reshape(-1), keys=b.ct, dual_scale=b.m,
    )


def sides_capacity(v: View, block: RowBlock) -> Sides:
    ix, n_t = v.ix, v.ix.n_periods
    used = _by(np.repeat(ix.pair_chip, n_t) * n_t + v.pair_t, v.x, ix.n_chips * n_t)
    names = [f"capacity:{c}:{t}" for c in ix.chip_ids for t in ix.periods]
    return names, used, v.in_service.reshape(-1)


# --- demand:{workload}:{period}  sum_c P_c e_cwt x_cwt + s_wt >= D_wt --------------------

def build_demand(b: Build) -> None:
    """Delivered compute (y with outage coverage, else the sum itself) + shortfall >= D."""
    ix, n_t, cols = b.ix, b.ix.n_periods, b.cols
    terms: Terms = []
    if cols.has_delivered:
        terms.append((b.wt, cols.y + b.wt, np.ones(len(b.wt))))
    else:
        terms.append((ix.pair_workload[b.e_rows] * n_t + b.e_t, b.x_col, b.compute))
    if cols.has_shortfall:
        terms.append((b.wt, cols.s + b.wt, np.ones(len(b.wt))))
    demand = ix.demand.reshape(-1)
    b.rb.add(K.DEMAND, len(b.wt), terms, demand, keys=b.wt, dual_scale=b.m,
             relax_weight=b.relax(demand, DEMAND_RELAX_WEIGHT))


def sides_demand(v: View, block: RowBlock) -> Sides:
    ix = v.ix
    names = [f"demand:{w}:{t}" for w in ix.workload_ids for t in ix.periods]
    return names, v.delivered + v.plan.shortfall.reshape(-1), ix.demand.reshape(-1)


# --- memory:{workload}:{period}  sum_c (G_c / 1000) x_cwt >= M_wt  (v2) ------------------

def build_memory(b: Build) -> None:
    """Hard even with a shortfall penalty; a chip where e_cwt = 0 holds none (x is 0 there)."""
    ix, n_t = b.ix, b.ix.n_periods
    n_m = len(ix.memory_workloads)
    if n_m == 0:
        return
    row_of_workload = np.full(len(ix.workload_ids), -1)
    row_of_workload[ix.memory_workloads] = np.arange(n_m)
    local = row_of_workload[ix.pair_workload[b.e_rows]]
    keep = local >= 0
    coef = ix.pair_memory.reshape(-1)
    need = ix.memory_demand.reshape(-1)
    b.rb.add(
        K.MEMORY, n_m * n_t,
        [((local * n_t + b.e_t)[keep], b.x_col[keep], coef[keep])],
        need, keys=np.arange(n_m * n_t), dual_scale=b.m,
        relax_weight=b.relax(need, DEMAND_RELAX_WEIGHT),
    )


def sides_memory(v: View, block: RowBlock) -> Sides:
    ix, n_t = v.ix, v.ix.n_periods
    n_m = len(ix.memory_workloads)
    row_of_workload = np.full(len(ix.workload_ids), -1)
    row_of_workload[ix.memory_workloads] = np.arange(n_m)
    local = np.repeat(row_of_workload[ix.pair_workload], n_t)
    keep = local >= 0
    held = v.x * ix.pair_memory.reshape(-1)
    lhs = _by((local * n_t + v.pair_t)[keep], held[keep], n_m * n_t)
    names = [f"memory:{ix.workload_ids[w]}:{t}" for w in ix.memory_workloads.tolist()
             for t in ix.periods]
    return names, lhs, ix.memory_demand.reshape(-1)


# --- supply:{chip}:{period}  b_ct <= U_ct -------------------------------------------------

def build_supply(b: Build) -> None:
    limited = np.flatnonzero(~np.isnan(b.ix.supply.reshape(-1)))
    supply = b.ix.supply.reshape(-1)[limited]
    b.rb.add(
        K.SUPPLY, len(limited),
        [(np.arange(len(limited)), b.b_col[limited], np.ones(len(limited)))],
        supply, keys=limited, dual_scale=b.m, relax_weight=b.relax(supply),
    )


def sides_supply(v: View, block: RowBlock) -> Sides:
    ix, n_t, keys = v.ix, v.ix.n_periods, block.keys
    names = [f"supply:{ix.chip_ids[k // n_t]}:{ix.periods[k % n_t]}" for k in keys.tolist()]
    return names, v.plan.buy.reshape(-1)[keys], ix.supply.reshape(-1)[keys]


# --- budget:{period}  sum_c p_ct b_ct <= B_t;  budget:total  S <= B ----------------------

def build_budget(b: Build) -> None:
    """Nominal spend in the plan's currency (budgets are never discounted)."""
    s, n_c = b.ix.scenario, b.ix.n_chips
    if s.budget.per_period is None:
        return
    budget = np.array(s.budget.per_period) / b.m
    b.rb.add(
        K.BUDGET, b.ix.n_periods, [(np.tile(b.t_idx, n_c), b.b_col, b.price / b.m)], budget,
        keys=b.t_idx, dual_scale=1.0, relax_weight=b.relax(budget),
    )


def sides_budget(v: View, block: RowBlock) -> Sides:
    s = v.ix.scenario
    return ([f"budget:{t}" for t in v.ix.periods], v.plan.spend_chip_period.sum(axis=0),
            np.array(s.budget.per_period))


def build_budget_total(b: Build) -> None:
    s = b.ix.scenario
    if s.budget.total is None:
        return
    total = np.array([s.budget.total / b.m])
    b.rb.add(
        K.BUDGET_TOTAL, 1, [(np.zeros(len(b.b_col), dtype=np.int64), b.b_col, b.price / b.m)],
        total, keys=np.zeros(1, dtype=np.int64), dual_scale=1.0, relax_weight=b.relax(total),
    )


def sides_budget_total(v: View, block: RowBlock) -> Sides:
    return ["budget:total"], np.array([v.total]), np.array([v.ix.scenario.budget.total])


# --- power:{period}  sum_c w_c A_ct <= Pmax_t ---------------------------------------------

def build_power(b: Build) -> None:
    """The existing fleet's power moves to the right-hand side."""
    ix, s, n_t, sv = b.ix, b.ix.scenario, b.ix.n_periods, b.service
    if s.power_cap_kw is None:
        return
    cap = np.array(s.power_cap_kw)
    chip_of_row = sv.row // n_t
    b.rb.add(
        K.POWER, n_t, [(sv.row % n_t, b.cols.b + sv.col, ix.power[chip_of_row])],
        cap - ix.power @ ix.existing, keys=b.t_idx, dual_scale=b.m, relax_weight=b.relax(cap),
    )


def sides_power(v: View, block: RowBlock) -> Sides:
    s = v.ix.scenario
    return ([f"power:{t}" for t in v.ix.periods], v.ix.power @ v.in_service,
            np.array(s.power_cap_kw))


# --- share rows: (member - limit) . spend  <= or >=  0 -----------------------------------

def _share_row(b: Build, kind: RowKind, key: int, member: np.ndarray, limit: float) -> None:
    """One share row; ``member`` weighs each (c, t) order's spend (1/0, or a risk score)."""
    coef = (b.price / b.m) * (member - limit)
    nz = np.flatnonzero(coef)
    weight = 1.0 / b.reference_spend if b.elastic else None
    b.rb.add(
        kind, 1, [(np.zeros(len(nz), dtype=np.int64), b.b_col[nz], coef[nz])], np.zeros(1),
        keys=np.array([key]), dual_scale=1.0,
        relax_weight=None if weight is None else np.array([weight]),
    )


def _chip_of_ct(ix: ScenarioIndex) -> np.ndarray:
    return np.repeat(np.arange(ix.n_chips), ix.n_periods)


def build_vendor_share(b: Build) -> None:
    """vendor_share:{vendor}  S_v <= a_v S, for a_v < 1."""
    vendor_of = b.ix.chip_vendor[_chip_of_ct(b.ix)]
    for v, cap in enumerate(b.ix.vendor_cap):
        if cap < 1:
            _share_row(b, K.VENDOR_SHARE, v, (vendor_of == v).astype(float), float(cap))


def sides_vendor_share(v: View, block: RowBlock) -> Sides:
    key = int(block.keys[0])
    return ([f"vendor_share:{v.ix.vendor_ids[key]}"], np.array([v.spend_vendor[key]]),
            np.array([v.ix.vendor_cap[key] * v.total]))


def _category_limit(ix: ScenarioIndex, category: str, kind: RowKind) -> float | None:
    share = ix.scenario.limits.category_share.get(category)
    if share is None:
        return None
    return share.min if kind is K.CATEGORY_MIN else share.max


def _build_category(b: Build, kind: RowKind) -> None:
    category_of = b.ix.vendor_category[b.ix.chip_vendor[_chip_of_ct(b.ix)]]
    for k, name in enumerate(b.ix.categories):
        limit = _category_limit(b.ix, name, kind)
        active = limit is not None and (limit > 0 if kind is K.CATEGORY_MIN else limit < 1)
        if active:
            _share_row(b, kind, k, (category_of == k).astype(float), float(limit or 0.0))


def build_category_min(b: Build) -> None:
    """category_min:{category}  S_k >= lo_k S, for lo_k > 0."""
    _build_category(b, K.CATEGORY_MIN)


def build_category_max(b: Build) -> None:
    """category_max:{category}  S_k <= hi_k S, for hi_k < 1."""
    _build_category(b, K.CATEGORY_MAX)


def sides_category(v: View, block: RowBlock) -> Sides:
    kind = K.BY_KEY[block.kind]
    key = int(block.keys[0])
    name = v.ix.categories[key]
    spend_k = float(v.spend_vendor[v.ix.vendor_category == key].sum())
    limit = _category_limit(v.ix, name, kind)
    return [kind.name(category=name)], np.array([spend_k]), np.array(
        [float(limit or 0.0) * v.total])


def build_group_share(b: Build) -> None:
    """group_share:{group}  S_g <= a_g S, for a_g < 1 (v2)."""
    chip_of = _chip_of_ct(b.ix)
    for g, cap in enumerate(b.ix.group_cap):
        if cap < 1:
            _share_row(b, K.GROUP_SHARE, g, b.ix.group_chip[g, chip_of], float(cap))


def sides_group_share(v: View, block: RowBlock) -> Sides:
    g = int(block.keys[0])
    spend = float(v.ix.group_chip[g] @ v.spend_chip)
    return ([K.GROUP_SHARE.name(group=v.ix.group_ids[g])], np.array([spend]),
            np.array([v.ix.group_cap[g] * v.total]))


def build_weighted_risk(b: Build) -> None:
    """weighted_risk  sum_v r_v S_v <= rho S, for rho < 1."""
    rho = b.ix.scenario.limits.max_weighted_risk
    if rho is not None and rho < 1:
        risk = b.ix.risk[b.ix.chip_vendor[_chip_of_ct(b.ix)]]
        _share_row(b, K.WEIGHTED_RISK, 0, risk, rho)


def sides_weighted_risk(v: View, block: RowBlock) -> Sides:
    rho = float(v.ix.scenario.limits.max_weighted_risk or 0.0)
    return ["weighted_risk"], np.array([v.spend_vendor @ v.ix.risk]), np.array([rho * v.total])


# --- outage rows: what survives losing one vendor (or one risk group) --------------------

def _build_loss_rows(b: Build, kind: RowKind, member_of_pair: np.ndarray) -> None:
    """y_wt - (the lost set's part) >= delta D_wt, one block over sets x workloads x periods.

    ``member_of_pair`` is (S, E): 1 where the pair's chip is in the lost set. Writing the
    survivors as delivered minus the lost part keeps the block at O(S E T) nonzeros.
    """
    ix, cols, n_t = b.ix, b.cols, b.ix.n_periods
    n_w = len(ix.workload_ids)
    n_sets = member_of_pair.shape[0]
    if n_sets == 0 or not cols.has_delivered:
        return
    swt = np.arange(n_sets * n_w * n_t)
    wt_of = swt % (n_w * n_t)
    rhs = ix.scenario.limits.outage_coverage * ix.demand.reshape(-1)[wt_of]
    sets, pairs = np.nonzero(member_of_pair)
    e_offsets = np.arange(n_t)
    rows = ((sets[:, None] * n_w + ix.pair_workload[pairs][:, None]) * n_t + e_offsets).ravel()
    xcols = (cols.x + pairs[:, None] * n_t + e_offsets).ravel()
    vals = -ix.pair_compute[pairs].ravel()
    b.rb.add(
        kind, len(swt), [(swt, cols.y + wt_of, np.ones(len(swt))), (rows, xcols, vals)],
        rhs, keys=swt, dual_scale=b.m, relax_weight=b.relax(rhs),
    )


def build_outage(b: Build) -> None:
    """outage:{vendor}:{workload}:{period}  sum_{c not of v} P_c e_cwt x_cwt >= delta D_wt."""
    ix = b.ix
    vendors = np.arange(len(ix.vendor_ids))
    member = (ix.chip_vendor[ix.pair_chip][None, :] == vendors[:, None]).astype(float)
    _build_loss_rows(b, K.OUTAGE, member)


def build_outage_group(b: Build) -> None:
    """outage_group:{group}:{workload}:{period}  sum_{c not in g} P_c e_cwt x_cwt >= delta D_wt."""
    _build_loss_rows(b, K.OUTAGE_GROUP, b.ix.group_chip[:, b.ix.pair_chip])


def _loss_sides(v: View, kind: RowKind, member_of_pair: np.ndarray, ids: tuple[str, ...]) -> Sides:
    ix, n_t = v.ix, v.ix.n_periods
    n_w = len(ix.workload_ids)
    n_sets = len(ids)
    lost = np.zeros(n_sets * n_w * n_t)
    sets, pairs = np.nonzero(member_of_pair)
    if len(pairs):
        rows = ((sets[:, None] * n_w + ix.pair_workload[pairs][:, None]) * n_t
                + np.arange(n_t)).ravel()
        lost = _by(rows, v.compute.reshape(ix.n_pairs, n_t)[pairs].ravel(), n_sets * n_w * n_t)
    names = [f"{kind.prefix}:{g}:{w}:{t}" for g in ids for w in ix.workload_ids
             for t in ix.periods]
    lhs = np.tile(v.delivered, n_sets) - lost
    rhs = ix.scenario.limits.outage_coverage * np.tile(ix.demand.reshape(-1), n_sets)
    return names, lhs, rhs


def sides_outage(v: View, block: RowBlock) -> Sides:
    ix = v.ix
    vendors = np.arange(len(ix.vendor_ids))
    member = (ix.chip_vendor[ix.pair_chip][None, :] == vendors[:, None]).astype(float)
    return _loss_sides(v, K.OUTAGE, member, ix.vendor_ids)


def sides_outage_group(v: View, block: RowBlock) -> Sides:
    ix = v.ix
    return _loss_sides(v, K.OUTAGE_GROUP, ix.group_chip[:, ix.pair_chip], ix.group_ids)


FAMILIES: tuple[Family, ...] = (
    Family(K.CAPACITY, build_capacity, sides_capacity),
    Family(K.DEMAND, build_demand, sides_demand),
    Family(K.MEMORY, build_memory, sides_memory),
    Family(K.SUPPLY, build_supply, sides_supply),
    Family(K.BUDGET, build_budget, sides_budget),
    Family(K.BUDGET_TOTAL, build_budget_total, sides_budget_total),
    Family(K.POWER, build_power, sides_power),
    Family(K.VENDOR_SHARE, build_vendor_share, sides_vendor_share),
    Family(K.CATEGORY_MIN, build_category_min, sides_category),
    Family(K.CATEGORY_MAX, build_category_max, sides_category),
    Family(K.GROUP_SHARE, build_group_share, sides_group_share),
    Family(K.WEIGHTED_RISK, build_weighted_risk, sides_weighted_risk),
    Family(K.OUTAGE, build_outage, sides_outage),
    Family(K.OUTAGE_GROUP, build_outage_group, sides_outage_group),
)
FAMILY: dict[str, Family] = {f.kind.key: f for f in FAMILIES}
assert {f.kind.key for f in FAMILIES} == set(K.BY_KEY), "every row kind needs a family"


def sides(ix: ScenarioIndex, plan: Plan, block: RowBlock, total: float,
          view: View | None = None) -> Sides:
    """Names and the spec's (lhs, rhs) of every row of ``block`` at ``plan``."""
    return FAMILY[block.kind].sides(view or View(ix, plan, total), block)
