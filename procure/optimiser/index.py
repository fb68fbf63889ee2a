"""A scenario turned into numpy arrays: the one place ids become positions.

Everything downstream (model build, result extraction, re-checking) works on
these arrays, so the mapping from spec symbols to array axes is written once:
chips ``c``, vendors ``v``, categories ``k``, workloads ``w``, periods ``t``,
eligible (chip, workload) pairs ``e`` and risk groups ``g``.

Version 2 of the model is folded in here, so the model build stays one
formulation: prices are converted to the plan's currency (p_ct = price x fx of
the order period), efficiency is per period (E x T), orders already placed
(``in_service_from``) are part of the existing fleet, and the discount factors
d_t weigh the objective.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from procure.domain.model import Scenario

NO_LIFETIME = np.iinfo(np.int64).max // 4


@dataclass(frozen=True)
class ScenarioIndex:
    """The scenario's parameters as arrays (see the spec's parameter table)."""

    scenario: Scenario
    periods: tuple[str, ...]
    chip_ids: tuple[str, ...]
    vendor_ids: tuple[str, ...]
    categories: tuple[str, ...]
    workload_ids: tuple[str, ...]
    chip_vendor: np.ndarray  # (C,) vendor position of each chip
    vendor_category: np.ndarray  # (V,) category position of each vendor
    peak: np.ndarray  # (C,) P_c
    price: np.ndarray  # (C, T) p_ct, in the plan's currency
    supply: np.ndarray  # (C, T) U_ct, NaN where unlimited
    lead: np.ndarray  # (C,) L_c
    life: np.ndarray  # (C,) F_c (NO_LIFETIME when beyond the horizon)
    lot: np.ndarray  # (C,) q_c
    power: np.ndarray  # (C,) w_c
    energy: np.ndarray  # (T,) E_t
    existing: np.ndarray  # (C, T) existing units in service (orders placed included)
    demand: np.ndarray  # (W, T) D_wt
    pair_chip: np.ndarray  # (E,) chip of each eligible pair
    pair_workload: np.ndarray  # (E,) workload of each eligible pair
    pair_eff: np.ndarray  # (E, T) e_cwt; > 0 in some period
    risk: np.ndarray  # (V,) r_v
    vendor_cap: np.ndarray  # (V,) a_v
    service: sp.csr_matrix  # (C*T, C*T): A_new[c,t] = sum_tau service[c*T+t, c*T+tau] b[c,tau]
    discount: np.ndarray  # (T,) d_t (all 1 without a discount rate)
    memory_gb: np.ndarray  # (C,) G_c (0 where not given)
    memory_workloads: np.ndarray  # (M,) positions of the workloads with memory_demand
    memory_demand: np.ndarray  # (M, T) M_wt in TB, rows aligned with memory_workloads
    group_ids: tuple[str, ...]  # risk groups
    group_chip: np.ndarray  # (G, C) 1.0 where chip c is in group g
    group_cap: np.ndarray  # (G,) a_g

    @property
    def n_periods(self) -> int:
        return len(self.periods)

    @property
    def n_chips(self) -> int:
        return len(self.chip_ids)

    @property
    def n_pairs(self) -> int:
        return len(self.pair_chip)

    @property
    def pair_compute(self) -> np.ndarray:
        """(E, T) P_c e_cwt: effective PFLOP/s one unit of the pair's chip gives its workload."""
        return self.peak[self.pair_chip][:, None] * self.pair_eff

    @property
    def pair_memory(self) -> np.ndarray:
        """(E, T) G_c / 1000: TB one unit holds for the workload (0 where e_cwt = 0)."""
        mem = (self.memory_gb[self.pair_chip] / 1000.0)[:, None]
        return np.where(self.pair_eff > 0, mem, 0.0)

    def new_in_service(self, buy: np.ndarray) -> np.ndarray:
        """A_ct minus the existing fleet, for orders ``buy`` of shape (C, T)."""
        return (self.service @ buy.reshape(-1)).reshape(buy.shape)


def _service_matrix(lead: np.ndarray, life: np.ndarray, n_periods: int) -> sp.csr_matrix:
    """Which orders are in service when: ordered in tau, serving t in [tau+L, tau+L+F)."""
    n_chips = len(lead)
    c, tau, k = np.meshgrid(
        np.arange(n_chips), np.arange(n_periods), np.arange(n_periods), indexing="ij"
    )
    t = tau + lead[c] + k
    keep = (k < life[c]) & (t < n_periods)
    c, tau, t = c[keep], tau[keep], t[keep]
    size = n_chips * n_periods
    data = np.ones(len(c))
    return sp.csr_matrix((data, (c * n_periods + t, c * n_periods + tau)), shape=(size, size))


def index_scenario(s: Scenario) -> ScenarioIndex:
    """Arrays for a *valid* scenario (see :func:`procure.domain.validation.validate_scenario`)."""
    n_t = len(s.periods)
    period_pos = {p: i for i, p in enumerate(s.periods)}
    vendor_pos = {v.id: i for i, v in enumerate(s.vendors)}
    chip_pos = {c.id: i for i, c in enumerate(s.chips)}
    categories = s.categories()
    category_pos = {k: i for i, k in enumerate(categories)}

    n_c = len(s.chips)
    price = np.array([c.price for c in s.chips], dtype=float).reshape(n_c, n_t)
    if s.version >= 2:
        price = price * np.array([s.fx_rates(c) for c in s.chips], dtype=float).reshape(n_c, n_t)
    supply = np.array(
        [c.supply if c.supply is not None else (np.nan,) * n_t for c in s.chips], dtype=float
    ).reshape(n_c, n_t)
    lead = np.array([c.lead_time for c in s.chips], dtype=np.int64)
    life = np.array(
        [c.lifetime if c.lifetime is not None else NO_LIFETIME for c in s.chips], dtype=np.int64
    )

    existing = np.zeros((n_c, n_t))
    for entry in s.fleet:
        last = period_pos[entry.retire_after] if entry.retire_after is not None else n_t - 1
        first = period_pos[entry.in_service_from] if entry.in_service_from is not None else 0
        existing[chip_pos[entry.chip], first: last + 1] += entry.units

    pairs = [
        (chip_pos[chip], w_pos)
        for w_pos, w in enumerate(s.workloads)
        for chip in w.efficiency
        if w.is_eligible(chip)
    ]
    pair_arr = np.array(pairs, dtype=np.int64).reshape(-1, 2)
    pair_eff = np.array(
        [s.workloads[w].efficiency_by_period(s.chips[c].id, n_t) for c, w in pairs], dtype=float
    ).reshape(-1, n_t)

    memory_workloads = [i for i, w in enumerate(s.workloads) if w.memory_demand is not None]
    group_chip = np.zeros((len(s.risk_groups), n_c))
    for g, group in enumerate(s.risk_groups):
        for chip in group.chip_ids(s):
            group_chip[g, chip_pos[chip]] = 1.0

    return ScenarioIndex(
        scenario=s,
        periods=s.periods,
        chip_ids=tuple(c.id for c in s.chips),
        vendor_ids=tuple(v.id for v in s.vendors),
        categories=categories,
        workload_ids=tuple(w.id for w in s.workloads),
        chip_vendor=np.array([vendor_pos[c.vendor] for c in s.chips], dtype=np.int64),
        vendor_category=np.array([category_pos[v.category] for v in s.vendors], dtype=np.int64),
        peak=np.array([c.peak_pflops for c in s.chips], dtype=float),
        price=price,
        supply=supply,
        lead=lead,
        life=life,
        lot=np.array([c.lot_size for c in s.chips], dtype=np.int64),
        power=np.array([c.power_kw for c in s.chips], dtype=float),
        energy=np.array(s.energy_cost_per_kw(), dtype=float),
        existing=existing,
        demand=np.array([w.demand for w in s.workloads], dtype=float).reshape(-1, n_t),
        pair_chip=pair_arr[:, 0],
        pair_workload=pair_arr[:, 1],
        pair_eff=pair_eff,
        risk=np.array([v.risk for v in s.vendors], dtype=float),
        vendor_cap=np.array([s.vendor_cap(v) for v in s.vendors], dtype=float),
        service=_service_matrix(lead, life, n_t),
        discount=np.array(s.discount_factors(), dtype=float),
        memory_gb=np.array([c.memory_gb or 0.0 for c in s.chips], dtype=float),
        memory_workloads=np.array(memory_workloads, dtype=np.int64),
        memory_demand=np.array(
            [s.workloads[i].memory_demand for i in memory_workloads], dtype=float
        ).reshape(-1, n_t),
        group_ids=tuple(g.id for g in s.risk_groups),
        group_chip=group_chip,
        group_cap=np.array(
            [1.0 if g.max_share is None else g.max_share for g in s.risk_groups], dtype=float
        ),
    )
