"""Monte Carlo: how likely a plan is to leave demand unmet when vendors are disrupted.

Each vendor has a probability of disruption per period, from its risk score or
set explicitly (:func:`disruption_model`). A *future* draws, for every vendor and
period, whether it is disrupted; the plan is then played out and the unmet demand
of each workload recorded. Two readings of "disrupted":

* ``mode="outage"`` (default), the event of the spec's outage rows: the vendor's
  whole fleet (existing and new units) serves nothing in that period; each period
  is drawn independently.
* ``mode="supply-cut"``, the export-control event: from the first disrupted period
  on, the vendor delivers nothing more; units delivered before keep serving.

By default the plan's *planned assignment* is kept (no re-dispatch, as the outage
rows assume): a unit that is lost takes its planned share of each workload with it,
and a workload's shortfall in a period is its demand minus what its surviving
assigned units deliver. ``redispatch=True`` instead re-assigns the surviving units
optimally in each disrupted period (one small LP per distinct situation, cached),
which can only lower the shortfall.

Futures are drawn in chunks from one seeded generator, so the same seed gives the
same numbers whatever the chunk size.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from procure.analysis.montecarlo_parts import (
    Histogram,
    PlanArrays,
    WorkloadRisk,
    plan_arrays,
    redispatch_shortfall,
    risk_of,
)
from procure.domain.model import Scenario
from procure.domain.result import Result
from procure.errors import Cancelled, ProcureError
from procure.provenance import ensure_result_matches

Progress = Callable[[int, str], None]
ShouldStop = Callable[[], bool]
MODES = ("outage", "supply-cut")
CHUNK_CELLS = 4_000_000  # futures x vendors x workloads x periods held at once


def periods_per_year(periods: Sequence[str]) -> int:
    """4 for quarters (``2026Q1``), 12 for months, 2 for halves, 1 for years; else 4."""
    patterns = ((r"\d{4}\s*-?\s*Q[1-4]", 4), (r"\d{4}\s*-?\s*(M\d{1,2}|\d{2})", 12),
                (r"\d{4}\s*-?\s*H[12]", 2), (r"\d{4}", 1))
    for pattern, n in patterns:
        if all(re.fullmatch(pattern, p.strip(), re.IGNORECASE) for p in periods):
            return n
    return 4


@dataclass(frozen=True)
class DisruptionModel:
    """Per vendor, the probability of a disruption in each period, and where it came from."""

    probability: Mapping[str, tuple[float, ...]]
    source: Mapping[str, str]  # "risk score", "explicit" or "scenario (x)"

    def to_data(self) -> dict[str, Any]:
        return {"probability": {v: list(p) for v, p in self.probability.items()},
                "source": dict(self.source)}


def disruption_model(
    s: Scenario,
    explicit: Mapping[str, float | Sequence[float]] | None = None,
    *,
    per_year: int | None = None,
) -> DisruptionModel:
    """Disruption probabilities per vendor and period.

    In order of precedence: ``explicit[vendor]``; the vendor's
    ``x.procure.disruption_probability`` in the scenario (a number or one per period);
    else its risk score read as the probability of a disruption within a year, spread
    evenly over the periods of a year: ``p = 1 - (1 - risk) ** (1 / per_year)``.
    """
    per_year = per_year or periods_per_year(s.periods)
    n = len(s.periods)
    explicit = dict(explicit or {})
    unknown = sorted(set(explicit) - {v.id for v in s.vendors})
    if unknown:
        raise ProcureError(f"disruption probabilities for unknown vendors: {', '.join(unknown)}")
    probability, source = {}, {}
    for v in s.vendors:
        stored = ((v.x or {}).get("procure") or {}).get("disruption_probability")
        if v.id in explicit:
            value, source[v.id] = explicit[v.id], "explicit"
        elif stored is not None:
            value, source[v.id] = stored, "scenario (x)"
        else:
            value, source[v.id] = 1.0 - (1.0 - v.risk) ** (1.0 / per_year), "risk score"
        values = [value] * n if isinstance(value, (int, float)) else list(value)
        if len(values) != n or not all(
                isinstance(p, (int, float)) and 0.0 <= p <= 1.0 for p in values):
            raise ProcureError(f"disruption probability of {v.id}: needs a number from 0 to 1 "
                               f"or one per period ({n}), got {value!r}")
        probability[v.id] = tuple(float(p) for p in values)
    return DisruptionModel(probability, source)


@dataclass(frozen=True)
class SimulationResult:
    """Shortfall risk per workload (and over all workloads) across the simulated futures."""

    futures: int
    seed: int
    mode: str
    redispatch: bool
    model: DisruptionModel
    workloads: tuple[WorkloadRisk, ...]
    total: WorkloadRisk
    planned_shortfall: float  # PFLOP/s x periods the plan leaves unmet with no disruption
    seconds: float = 0.0

    def workload(self, workload_id: str) -> WorkloadRisk:
        return next(w for w in self.workloads if w.workload == workload_id)

    def to_data(self) -> dict[str, Any]:
        return {
            "futures": self.futures, "seed": self.seed, "mode": self.mode,
            "redispatch": self.redispatch, "disruption": self.model.to_data(),
            "planned_shortfall": self.planned_shortfall, "seconds": self.seconds,
            "total": self.total.to_data(),
            "workloads": [w.to_data() for w in self.workloads],
        }


def _first_disruption(u: np.ndarray, p: np.ndarray) -> np.ndarray:
    """(n, V) index of each vendor's first disrupted period (T when never)."""
    hit = u < p[None]
    n_t = p.shape[1]
    return np.where(hit.any(axis=2), hit.argmax(axis=2), n_t)


def _chunk_loss(arr: PlanArrays, u: np.ndarray, p: np.ndarray, mode: str) -> np.ndarray:
    """(n, W, T) compute lost to disruptions under the planned assignment."""
    if mode == "outage":
        dark = (u < p[None]).astype(float)
        return np.einsum("nvt,vwt->nwt", dark, arr.by_vendor)
    first = _first_disruption(u, p)
    lost = arr.cut_loss[np.arange(len(arr.vendors))[None, :], first]  # (n, V, W, T)
    return lost.sum(axis=1)


def _states(arr: PlanArrays, u: np.ndarray, p: np.ndarray, mode: str) -> np.ndarray:
    """(n, V, T) the situation of each vendor in each period, for the re-dispatch cache:
    outage: 1 when dark; supply-cut: the first disrupted period, capped at t + 1."""
    if mode == "outage":
        return (u < p[None]).astype(np.int64)
    first = _first_disruption(u, p)
    t = np.arange(p.shape[1])
    return np.minimum(first[:, :, None], t[None, None, :] + 1)


def simulate(
    scenario: Scenario,
    result: Result,
    *,
    futures: int = 1000,
    seed: int = 0,
    model: DisruptionModel | None = None,
    mode: str = "outage",
    redispatch: bool = False,
    bins: int = 20,
    workers: int = 1,
    progress: Progress | None = None,
    should_stop: ShouldStop | None = None,
) -> SimulationResult:
    """Simulate ``futures`` futures of ``result`` (a plan of ``scenario``).

    ``model`` defaults to :func:`disruption_model` (risk scores); ``bins`` is the
    histograms' number of bins; ``workers`` spreads the re-dispatch LPs over processes.
    """
    if mode not in MODES:
        raise ProcureError(f"mode must be one of {', '.join(MODES)}, got {mode!r}")
    if futures < 1:
        raise ProcureError("simulate at least one future")
    if not result.status.has_plan:
        raise ProcureError(f"the plan has no assignment to simulate ({result.status.value})")
    report = progress or (lambda _pct, _msg: None)
    stop = should_stop or (lambda: False)
    started = time.perf_counter()
    ensure_result_matches(scenario, result)
    model = model or disruption_model(scenario)
    arr = plan_arrays(scenario, result, with_cut=mode == "supply-cut")
    p = np.array([model.probability[v] for v in arr.vendors]).reshape(len(arr.vendors), -1)
    n_v, n_w, n_t = len(arr.vendors), len(arr.workloads), len(scenario.periods)
    rng = np.random.default_rng(seed)
    chunk = max(1, CHUNK_CELLS // max(n_v * max(n_w, 1) * n_t, 1))
    totals = np.zeros((futures, n_w, n_t))
    states: list[np.ndarray] = []
    for start in range(0, futures, chunk):
        if stop():
            raise Cancelled()
        n = min(chunk, futures - start)
        u = rng.random((n, n_v, n_t))
        if redispatch:
            states.append(_states(arr, u, p, mode))
        else:
            delivered = arr.delivered[None] - _chunk_loss(arr, u, p, mode)
            totals[start:start + n] = np.maximum(arr.demand[None] - delivered, 0.0)
        report(int(80 * (start + n) / futures), f"Simulated {start + n} of {futures} futures")
    if redispatch:
        totals = redispatch_shortfall(scenario, arr, np.concatenate(states), mode,
                                      workers=workers, should_stop=stop)
    report(90, "Summarising")
    risks = tuple(
        risk_of(arr.workloads[w], arr.names[w], totals[:, w, :], arr.demand[w], bins)
        for w in range(n_w)
    )
    total = risk_of("all", "All workloads", totals.sum(axis=1), arr.demand.sum(axis=0), bins)
    planned = float(np.maximum(arr.demand - arr.delivered, 0.0).sum())
    report(100, "Done")
    return SimulationResult(futures, seed, mode, redispatch, model, risks, total, planned,
                            time.perf_counter() - started)


__all__ = [
    "MODES", "DisruptionModel", "Histogram", "SimulationResult", "WorkloadRisk",
    "disruption_model", "periods_per_year", "simulate",
]
