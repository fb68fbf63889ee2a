"""The arrays and summaries behind :mod:`procure.analysis.montecarlo`.

:func:`plan_arrays` turns a plan into what the simulation multiplies: each vendor's
planned compute per workload and period and, for the supply-cut reading, the
compute each vendor loses when its deliveries stop from a given period.
:func:`risk_of` summarises simulated shortfalls; :func:`redispatch_shortfall` is
the optional re-assignment of surviving units, one small LP per distinct situation.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from procure.analysis.parallel import run_tasks
from procure.domain.model import Chip, FleetEntry, Scenario, Workload
from procure.domain.result import Result
from procure.errors import ProcureError

TOLERANCE = 1e-6  # a shortfall below this share of the period's demand is rounding


@dataclass(frozen=True)
class PlanArrays:
    """A plan as arrays: chips c, vendors v, workloads w, periods t."""

    vendors: tuple[str, ...]
    workloads: tuple[str, ...]
    names: tuple[str, ...]
    chip_vendor: np.ndarray  # (C,)
    demand: np.ndarray  # (W, T)
    by_chip: np.ndarray  # (C, W, T) planned effective compute
    by_vendor: np.ndarray  # (V, W, T)
    delivered: np.ndarray  # (W, T)
    in_service: np.ndarray  # (C, T) units
    available: np.ndarray | None  # (C, T+1, T) units in service if deliveries stop from d
    cut_loss: np.ndarray | None  # (V, T+1, W, T) compute lost if v's deliveries stop from d


def _available(s: Scenario, result: Result, n_t: int) -> np.ndarray:
    """Units of each chip in service at t when deliveries stop from period d (T: never)."""
    pos = {p: i for i, p in enumerate(s.periods)}
    out = np.zeros((len(s.chips), n_t + 1, n_t))
    chip_pos = {c.id: i for i, c in enumerate(s.chips)}
    for f in s.fleet:
        last = pos[f.retire_after] if f.retire_after is not None else n_t - 1
        out[chip_pos[f.chip], :, : last + 1] += f.units
    for i, c in enumerate(s.chips):
        life = c.lifetime if c.lifetime is not None else n_t
        for period, units in result.buy.get(c.id, {}).items():
            arrival = pos[period] + c.lead_time
            if units > 0 and arrival < n_t:
                out[i, arrival + 1:, arrival:min(n_t, arrival + life)] += units
    return out


def plan_arrays(s: Scenario, result: Result, *, with_cut: bool = False) -> PlanArrays:
    """The arrays of ``result``, a plan of ``s`` (its ``assign`` map and ``in_service``)."""
    n_t = len(s.periods)
    vendors = tuple(v.id for v in s.vendors)
    vpos = {v: i for i, v in enumerate(vendors)}
    chip_ids = [c.id for c in s.chips]
    if set(result.buy) - set(chip_ids):
        raise ProcureError("the result is not a plan of this scenario (unknown chips)")
    chip_vendor = np.array([vpos[c.vendor] for c in s.chips], dtype=np.int64)
    peak = np.array([c.peak_pflops for c in s.chips])
    demand = np.array([w.demand for w in s.workloads], dtype=float).reshape(-1, n_t)
    by_chip = np.zeros((len(chip_ids), len(s.workloads), n_t))
    for w, wl in enumerate(s.workloads):
        for c, chip in enumerate(chip_ids):
            eff = wl.efficiency.get(chip, 0.0)
            units = result.assign.get(chip, {}).get(wl.id)
            if eff > 0 and units:
                by_chip[c, w] = peak[c] * eff * np.array([units.get(p, 0.0) for p in s.periods])
    by_vendor = np.zeros((len(vendors), len(s.workloads), n_t))
    np.add.at(by_vendor, chip_vendor, by_chip)
    in_service = np.array([[result.in_service.get(c, {}).get(p, 0.0) for p in s.periods]
                           for c in chip_ids]).reshape(len(chip_ids), n_t)
    available = cut_loss = None
    if with_cut:
        available = _available(s, result, n_t)
        full = available[:, n_t:n_t + 1, :]
        lost = np.divide(full - available, full, out=np.zeros_like(available), where=full > 0)
        cut_loss = np.zeros((len(vendors), n_t + 1, len(s.workloads), n_t))
        for v in range(len(vendors)):
            mine = chip_vendor == v
            cut_loss[v] = np.einsum("cdt,cwt->dwt", lost[mine], by_chip[mine])
    return PlanArrays(
        vendors, tuple(w.id for w in s.workloads), tuple(w.name or w.id for w in s.workloads),
        chip_vendor, demand, by_chip, by_vendor, by_chip.sum(axis=0), in_service, available,
        cut_loss,
    )


@dataclass(frozen=True)
class Histogram:
    """Futures by total shortfall: ``zero`` with none, ``counts`` per bin of the rest."""

    edges: tuple[float, ...]
    counts: tuple[int, ...]
    zero: int

    def to_data(self) -> dict[str, Any]:
        return {"edges": list(self.edges), "counts": list(self.counts), "zero": self.zero}


@dataclass(frozen=True)
class WorkloadRisk:
    """Shortfall statistics of one workload (or of all), in PFLOP/s x periods."""

    workload: str
    name: str
    probability: float  # of any shortfall over the horizon
    probability_se: float  # its standard error, sqrt(p (1 - p) / futures)
    expected: float  # mean total shortfall
    expected_share: float  # mean total shortfall / total demand
    conditional: float  # mean total shortfall in the futures that have one
    p95: float  # 95th percentile of the total shortfall
    by_period_probability: tuple[float, ...]
    by_period_expected: tuple[float, ...]
    histogram: Histogram

    def to_data(self) -> dict[str, Any]:
        out = {k: getattr(self, k) for k in (
            "workload", "name", "probability", "probability_se", "expected", "expected_share",
            "conditional", "p95")}
        out["by_period_probability"] = list(self.by_period_probability)
        out["by_period_expected"] = list(self.by_period_expected)
        out["histogram"] = self.histogram.to_data()
        return out


def risk_of(
    workload: str, name: str, shortfall: np.ndarray, demand: np.ndarray, bins: int
) -> WorkloadRisk:
    """Statistics of ``shortfall`` (futures x periods) against ``demand`` (periods)."""
    cells = np.where(shortfall > TOLERANCE * np.maximum(demand, 1.0)[None], shortfall, 0.0)
    n = cells.shape[0]
    total = cells.sum(axis=1)
    hit = total > 0
    p = float(hit.mean())
    demand_total = float(demand.sum())
    positive = total[hit]
    top = float(positive.max()) if positive.size else 1.0
    counts, edges = np.histogram(positive, bins=max(bins, 1), range=(0.0, top))
    return WorkloadRisk(
        workload, name, p, math.sqrt(p * (1 - p) / n), float(total.mean()),
        float(total.mean()) / demand_total if demand_total > 0 else 0.0,
        float(positive.mean()) if positive.size else 0.0, float(np.quantile(total, 0.95)),
        tuple(float(x) for x in (cells > 0).mean(axis=0)),
        tuple(float(x) for x in cells.mean(axis=0)),
        Histogram(tuple(float(e) for e in edges), tuple(int(c) for c in counts),
                  int(n - hit.sum())),
    )


def _one_period(s: Scenario, t: int, units: np.ndarray) -> Scenario:
    """Period t alone, the surviving units as the fleet, nothing to buy, shortfall priced."""
    label = s.periods[t]
    chips, fleet = [], []
    for c, u in zip(s.chips, units, strict=True):
        if u > 1e-9:
            chips.append(Chip(c.id, c.vendor, c.peak_pflops, (0.0,), supply=(0.0,)))
            fleet.append(FleetEntry(c.id, float(u)))
    ids = {c.id for c in chips}
    workloads = tuple(
        Workload(w.id, (w.demand[t],), {k: e for k, e in w.efficiency.items()
                                        if k in ids and e > 0})
        for w in s.workloads
    )
    return Scenario((label,), s.vendors, tuple(chips), workloads, tuple(fleet),
                    shortfall_penalty=1.0)


def _redispatch_task(
    s: Scenario, task: tuple[int, tuple[float, ...]], _stop: Callable[[], bool] | None
) -> np.ndarray:
    from procure.optimiser import solve

    t, units = task
    result = solve(_one_period(s, t, np.array(units)))
    if not result.status.has_plan:
        raise ProcureError(f"re-dispatch in {s.periods[t]} failed ({result.status.value})")
    label = s.periods[t]
    return np.array([(result.shortfall or {}).get(w.id, {}).get(label, 0.0)
                     for w in s.workloads])


def redispatch_shortfall(
    s: Scenario, arr: PlanArrays, states: np.ndarray, mode: str, *, workers: int = 1,
    should_stop: Callable[[], bool] | None = None,
) -> np.ndarray:
    """(futures, W, T) shortfall with the surviving units re-assigned optimally.

    ``states`` (futures, V, T) is each vendor's situation per period (see
    ``montecarlo._states``); futures that share a period's situation share its LP.
    """
    n, _, n_t = states.shape
    out = np.zeros((n, len(arr.workloads), n_t))
    tasks, where = [], []
    for t in range(n_t):
        unique, inverse = np.unique(states[:, :, t], axis=0, return_inverse=True)
        for k, state in enumerate(unique):
            if mode == "outage":
                units = arr.in_service[:, t] * (1 - state[arr.chip_vendor])
            else:
                assert arr.available is not None
                units = arr.available[np.arange(len(arr.chip_vendor)), state[arr.chip_vendor], t]
            tasks.append((t, tuple(float(u) for u in units)))
            where.append((t, np.flatnonzero(inverse.reshape(-1) == k)))
    answers = run_tasks(_redispatch_task, tasks, shared=s, workers=workers,
                        should_stop=should_stop)
    for (t, rows), short in zip(where, answers, strict=True):
        out[rows, :, t] = short[None, :]
    return out


__all__ = ["Histogram", "PlanArrays", "WorkloadRisk", "plan_arrays", "redispatch_shortfall",
           "risk_of"]
