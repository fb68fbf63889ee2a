"""From the solver's column vector to a :class:`~procure.domain.result.Result`.

Every figure of the result is recomputed from the plan (orders, assignments,
shortfall) with the spec's own formulas, not read off the solver's objective,
so what the result says is exactly what its plan implies.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from procure.domain.constraints import SHARE_KINDS
from procure.domain.result import ConstraintReport, Cost, Result, SolveStatus
from procure.optimiser.index import ScenarioIndex
from procure.optimiser.lp import LinearProgramme
from procure.optimiser.rows import View, sides

FEASIBILITY_TOL = 1e-6


@dataclass(frozen=True)
class Plan:
    """The decision variables in plan units, and what follows from them."""

    buy: np.ndarray  # (C, T) b_ct
    assign: np.ndarray  # (E, T) x_cwt of eligible pairs
    shortfall: np.ndarray  # (W, T) s_wt (zeros without a penalty)
    new_in_service: np.ndarray  # (C, T)
    spend_chip_period: np.ndarray  # (C, T) p_ct b_ct


def plan_from_solution(lp: LinearProgramme, ix: ScenarioIndex, x: np.ndarray) -> Plan:
    cols = lp.columns
    n_c, n_t, n_e, n_w = cols.n_chips, cols.n_periods, cols.n_pairs, cols.n_workloads
    values = np.clip(x[: cols.total] * lp.col_scale[: cols.total], 0.0, None)
    buy = values[cols.b: cols.x].reshape(n_c, n_t)
    if lp.integrality is not None:  # lots are whole: remove the solver's rounding noise
        buy = np.round(buy / ix.lot[:, None]) * ix.lot[:, None]
    assign = values[cols.x: cols.s].reshape(n_e, n_t)
    shortfall = (
        values[cols.s: cols.s + n_w * n_t].reshape(n_w, n_t)
        if cols.has_shortfall else np.zeros((n_w, n_t))
    )
    return Plan(buy, assign, shortfall, ix.new_in_service(buy), ix.price * buy)


def _by(keys: np.ndarray, weights: np.ndarray, size: int) -> np.ndarray:
    return np.bincount(keys, weights=weights, minlength=size)[:size]


def _period_map(labels: tuple[str, ...], row: np.ndarray) -> dict[str, float]:
    return dict(zip(labels, row.tolist(), strict=True))


def _shares(spend: np.ndarray, total: float) -> np.ndarray:
    return spend / total if total > 0 else np.zeros_like(spend)


def build_result(
    lp: LinearProgramme,
    ix: ScenarioIndex,
    x: np.ndarray,
    duals: np.ndarray | None,
    *,
    status: SolveStatus,
    extra: dict[str, Any],
) -> Result:
    """The full result of a solved scenario; ``duals`` are the <=-rows' marginals."""
    s = ix.scenario
    plan = plan_from_solution(lp, ix, x)
    periods = ix.periods
    n_v, n_k = len(ix.vendor_ids), len(ix.categories)

    spend_chip = plan.spend_chip_period.sum(axis=1)
    spend_vendor = _by(ix.chip_vendor, spend_chip, n_v)
    spend_category = _by(ix.vendor_category, spend_vendor, n_k)
    total = float(spend_chip.sum())
    share_vendor = _shares(spend_vendor, total)
    share_category = _shares(spend_category, total)

    cost, present = _costs(ix, plan, total)
    in_service = ix.existing + plan.new_in_service

    assign: dict[str, dict[str, dict[str, float]]] = {}
    rows = plan.assign.tolist()
    for e, (c, w) in enumerate(zip(ix.pair_chip.tolist(), ix.pair_workload.tolist(), strict=True)):
        assign.setdefault(ix.chip_ids[c], {})[ix.workload_ids[w]] = dict(
            zip(periods, rows[e], strict=True)
        )

    reports = constraint_reports(lp, ix, plan, duals, total)
    spend: dict[str, dict[str, float]] = {
        "by_vendor": dict(zip(ix.vendor_ids, spend_vendor.tolist(), strict=True)),
        "by_category": dict(zip(ix.categories, spend_category.tolist(), strict=True)),
        "by_period": _period_map(periods, plan.spend_chip_period.sum(axis=0)),
        "by_chip": dict(zip(ix.chip_ids, spend_chip.tolist(), strict=True)),
    }
    share: dict[str, dict[str, float]] = {
        "by_vendor": dict(zip(ix.vendor_ids, share_vendor.tolist(), strict=True)),
        "by_category": dict(zip(ix.categories, share_category.tolist(), strict=True)),
    }
    if ix.group_ids:
        spend_group = ix.group_chip @ spend_chip
        spend["by_group"] = dict(zip(ix.group_ids, spend_group.tolist(), strict=True))
        share["by_group"] = dict(zip(ix.group_ids, _shares(spend_group, total).tolist(),
                                     strict=True))
    return Result(
        scenario=s.name or "",
        status=status,
        objective=(present or cost).objective,
        cost=cost,
        present_value=present,
        version=s.version,
        buy={cid: _period_map(periods, plan.buy[i]) for i, cid in enumerate(ix.chip_ids)},
        in_service={cid: _period_map(periods, in_service[i]) for i, cid in enumerate(ix.chip_ids)},
        assign=assign,
        shortfall={
            wid: _period_map(periods, plan.shortfall[i]) for i, wid in enumerate(ix.workload_ids)
        },
        spend=spend,
        share=share,
        weighted_risk=float(share_vendor @ ix.risk),
        hhi=float(np.sum(share_vendor**2)),
        constraints=tuple(reports),
        x=extra,
    )


def _costs(ix: ScenarioIndex, plan: Plan, total: float) -> tuple[Cost, Cost | None]:
    """The four nominal sums, and (version 2) the same four discounted by d_t."""
    s = ix.scenario
    d = ix.discount
    energy_new = ix.energy[None, :] * ix.power[:, None] * plan.new_in_service
    energy_existing = ix.energy[None, :] * ix.power[:, None] * ix.existing
    pi = float(s.shortfall_penalty or 0.0)
    penalty = pi * plan.shortfall
    nominal = Cost(total, float(np.sum(energy_new)), float(np.sum(energy_existing)),
                   pi * float(plan.shortfall.sum()))
    if s.version < 2:
        return nominal, None
    if np.all(d == 1.0):  # no discounting: present value is the nominal sums, to the bit
        return nominal, nominal
    present = Cost(float((plan.spend_chip_period * d).sum()), float((energy_new * d).sum()),
                   float((energy_existing * d).sum()), float((penalty * d).sum()))
    return nominal, present


def constraint_reports(
    lp: LinearProgramme, ix: ScenarioIndex, plan: Plan, duals: np.ndarray | None, total: float
) -> list[ConstraintReport]:
    """One report per named constraint, in the spec's order."""
    reports: list[ConstraintReport] = []
    view = View(ix, plan, total)
    for block in lp.blocks:
        names, lhs, rhs = sides(ix, plan, block, total, view)
        slack = (rhs - lhs) if block.sense > 0 else (lhs - rhs)
        binding = slack <= FEASIBILITY_TOL * np.maximum(1.0, np.abs(rhs))
        if duals is None:
            shadows: list[float | None] = [None] * len(names)
        else:
            shadow = block.sense * duals[block.start: block.stop] * block.dual_scale
            if block.kind in SHARE_KINDS:
                shadow = shadow * total  # per 1.0 of the limit: d obj/d rhs x S
            shadows = (shadow + 0.0).tolist()  # + 0.0 turns -0.0 into 0.0
        reports.extend(
            ConstraintReport(n, lh, rh, sl, sh, bd)
            for n, lh, rh, sl, sh, bd in zip(
                names, lhs.tolist(), rhs.tolist(), slack.tolist(), shadows, binding.tolist(),
                strict=True,
            )
        )
    return reports
