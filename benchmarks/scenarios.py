"""Synthetic but realistic planning scenarios for the benchmarks.

:func:`generate` is the one generator every benchmark uses (optimiser, storage,
exports), so its signature is kept stable::

    from benchmarks.scenarios import generate
    scenario = generate(300, 20, 16, seed=0)                 # chips x workloads x periods
    big_fleet = generate(100, 10, 12, fleet_rows=50_000)     # storage benchmark

How it stays feasible at every size: it first draws a *reference plan*
(orders per chip and period, and how the units in service are split among the
workloads), then derives everything that can make a plan infeasible from that
plan with a margin in the safe direction: demand (including the outage
coverage), supplies, per-period and total budgets, the power cap and the
share and risk limits. The reference plan satisfies every constraint, so the
scenario is feasible; the optimiser then finds a cheaper plan, which pushes
against the share, risk and supply limits (imported chips are the cheapest per
PFLOP/s but the riskiest), so several of them bind.

The sizes: vendors ~ n_chips / 10 (3..30) across the categories imported,
domestic and in-house; prices 5e4..3e5 CNY drifting down per period; ~80% of
chips with a supply allocation, some imported ones cut to zero part-way
(export controls); lead times 0-2; lifetimes on ~30% of chips; lot sizes;
~50% of (chip, workload) pairs eligible; demand that grows per period; an
existing fleet of ``fleet_rows`` entries (default ~n_chips) whose total size
does not depend on the number of rows.

Random draws come from independent streams per part, so the same ``seed``
gives the same chips, vendors and workloads whatever ``fleet_rows`` is (demand
and the limits follow the fleet, so those change with it).
"""

from __future__ import annotations

import math
from dataclasses import replace

import numpy as np

from procure.domain.model import (
    Budget,
    CategoryShare,
    Chip,
    FleetEntry,
    Limits,
    Scenario,
    Vendor,
    Workload,
)

OUTAGE_COVERAGE = 0.3
FIRST_YEAR = 2026
WORKLOAD_KINDS = (
    "Frontier training", "LLM inference", "Recommendation inference", "Fine-tuning",
    "Search ranking", "Speech and vision", "Batch analytics", "Agents and tools",
)
# Vendors after the first three (one per category) follow this mix.
CATEGORY_CYCLE = ("domestic", "imported", "domestic", "in-house", "domestic")
# CNY per PFLOP/s of peak, by category: imported is the cheapest compute, and the riskiest.
COST_PER_PFLOP = {
    "imported": (2.2e5, 3.2e5), "domestic": (3.0e5, 4.4e5), "in-house": (2.6e5, 4.0e5),
}
RISK = {"imported": (0.6, 0.85), "domestic": (0.15, 0.4), "in-house": (0.3, 0.5)}
PRICE_RANGE = (5e4, 3e5)
GROWTH = 1.08  # reference orders grow 8% per period


def period_labels(n_periods: int) -> tuple[str, ...]:
    """Quarters from 2026Q1: ``("2026Q1", "2026Q2", ...)``."""
    return tuple(f"{FIRST_YEAR + i // 4}Q{i % 4 + 1}" for i in range(n_periods))


def _ceil(value: float, step: float) -> float:
    return math.ceil(value / step - 1e-9) * step


def _floor(value: float, step: float) -> float:
    return math.floor(value / step + 1e-9) * step


def _round(value: float, digits: int) -> float:
    return float(round(value, digits))


def _vendors(n_vendors: int, rng: np.random.Generator) -> list[Vendor]:
    vendors = []
    for i in range(n_vendors):
        category = ("imported", "domestic", "in-house")[i] if i < 3 else CATEGORY_CYCLE[
            (i - 3) % len(CATEGORY_CYCLE)
        ]
        lo, hi = RISK[category]
        vendors.append(Vendor(
            id=f"v{i + 1:02d}", category=category, name=f"{category.capitalize()} vendor {i + 1}",
            risk=_round(rng.uniform(lo, hi), 2),
        ))
    return vendors


def _chips(
    n_chips: int, n_periods: int, vendors: list[Vendor], rng: np.random.Generator
) -> list[Chip]:
    chips = []
    decline = rng.uniform(0.005, 0.03, n_chips)
    for i in range(n_chips):
        vendor = vendors[i % len(vendors)]
        cat = vendor.category
        base = rng.uniform(*PRICE_RANGE)
        peak = base / rng.uniform(*COST_PER_PFLOP[cat])
        drift = (1 - decline[i]) ** np.arange(n_periods) * (1 + rng.normal(0, 0.02, n_periods))
        price = np.clip(base * drift, *PRICE_RANGE)
        watts_per_pflop = rng.uniform(0.6, 1.0) if cat == "in-house" else rng.uniform(0.8, 1.4)
        lead = 1 if cat == "in-house" else int(rng.integers(1 if cat == "imported" else 0, 3))
        chips.append(Chip(
            id=f"c{i + 1:04d}", vendor=vendor.id,
            name=f"{vendor.name} model {i // len(vendors) + 1}",
            peak_pflops=_round(peak, 3), price=tuple(_round(p, -2) for p in price),
            lead_time=lead,
            lifetime=int(rng.choice([8, 12, 16, 20])) if rng.random() < 0.3 else None,
            lot_size=int(rng.choice([1, 4, 8, 16])),
            power_kw=_round(0.25 + watts_per_pflop * peak, 2),
            memory_gb=float(rng.choice([32, 64, 96, 128, 141, 192])),
        ))
    return chips


def _eligibility(
    n_chips: int, n_workloads: int, chip_category: np.ndarray, rng: np.random.Generator
) -> np.ndarray:
    """(C, W) efficiencies, ~50% of pairs > 0; every chip serves one workload and every
    workload has a chip of each category (so the outage rows can be met)."""
    eligible = rng.random((n_chips, n_workloads)) < 0.5
    for c in np.flatnonzero(~eligible.any(axis=1)):
        eligible[c, rng.integers(n_workloads)] = True
    for w in range(n_workloads):
        for k in range(3):
            members = np.flatnonzero(chip_category == k)
            if not eligible[members, w].any():
                eligible[rng.choice(members), w] = True
    eff = np.round(rng.uniform(0.25, 0.75, (n_chips, n_workloads)), 2)
    return np.where(eligible, eff, 0.0)


def _in_service(buy: np.ndarray, lead: np.ndarray, life: np.ndarray) -> np.ndarray:
    """New units in service per (chip, period), by the spec's formula."""
    n_c, n_t = buy.shape
    out = np.zeros_like(buy)
    for tau in range(n_t):
        for c in range(n_c):
            start = tau + lead[c]
            stop = min(n_t, start + life[c])
            if start < n_t:
                out[c, start:stop] += buy[c, tau]
    return out


def _fleet(
    chips: list[Chip], periods: tuple[str, ...], total_units: float, rows: int,
    rng: np.random.Generator,
) -> list[FleetEntry]:
    n_t = len(periods)
    chip_of = rng.integers(len(chips), size=rows)
    weights = rng.uniform(0.5, 1.5, rows)
    units = np.maximum(1, np.round(total_units * weights / weights.sum()))
    retire = rng.integers(n_t, size=rows)
    retires = rng.random(rows) < 0.4
    return [
        FleetEntry(chips[c].id, float(u), periods[r] if ret else None)
        for c, u, r, ret in zip(chip_of.tolist(), units.tolist(), retire.tolist(),
                                retires.tolist(), strict=True)
    ]


def generate(
    n_chips: int, n_workloads: int, n_periods: int, *, seed: int = 0,
    fleet_rows: int | None = None,
) -> Scenario:
    """A feasible LP scenario of ``n_chips x n_workloads x n_periods``.

    ``seed`` makes it reproducible (same arguments, same scenario); ``fleet_rows``
    is the number of existing-fleet entries (default about ``n_chips``), for
    benchmarks that need a large fleet table (0: no fleet). Continuous mode
    (``integer`` false), no shortfall penalty, outage coverage 0.3. At least
    three chips are made (one per category), whatever ``n_chips`` says.
    """
    if min(n_chips, n_workloads, n_periods) < 1:
        raise ValueError("n_chips, n_workloads and n_periods must all be >= 1")
    n_chips = max(n_chips, 3)  # one chip per category at least
    streams = np.random.SeedSequence(seed).spawn(5)
    r_vendor, r_chip, r_work, r_plan, r_fleet = (np.random.default_rng(s) for s in streams)
    periods = period_labels(n_periods)
    n_t = n_periods

    vendors = _vendors(min(30, max(3, round(n_chips / 10))), r_vendor)
    chips = _chips(n_chips, n_t, vendors, r_chip)
    vendor_pos = {v.id: i for i, v in enumerate(vendors)}
    cat_pos = {"imported": 0, "domestic": 1, "in-house": 2}
    chip_vendor = np.array([vendor_pos[c.vendor] for c in chips])
    vendor_cat = np.array([cat_pos[v.category] for v in vendors])
    chip_cat = vendor_cat[chip_vendor]
    eff = _eligibility(n_chips, n_workloads, chip_cat, r_work)

    peak = np.array([c.peak_pflops for c in chips])
    price = np.array([c.price for c in chips])
    power = np.array([c.power_kw for c in chips])
    lead = np.array([c.lead_time for c in chips])
    life = np.array([c.lifetime or n_t + 1 for c in chips])

    # The reference plan: orders growing per period; some imported chips are cut off
    # (export controls) part-way through the horizon.
    base = r_plan.uniform(20, 200, n_chips)
    buy = base[:, None] * GROWTH ** np.arange(n_t) * r_plan.uniform(0.6, 1.4, (n_chips, n_t))
    buy = np.round(buy)
    cut = (chip_cat == 0) & (r_plan.random(n_chips) < 0.3)
    cut_from = r_plan.integers(1, max(2, n_t), n_chips)
    for c in np.flatnonzero(cut):
        buy[c, cut_from[c]:] = 0.0
    buy[np.arange(n_t)[None, :] + lead[:, None] >= n_t] = 0.0  # would arrive after the horizon
    has_supply = r_plan.random(n_chips) < 0.8
    supply_margin = r_plan.uniform(1.1, 1.6, (n_chips, n_t))

    fleet = _fleet(chips, periods, 3.0 * float(base.sum()),
                   n_chips if fleet_rows is None else fleet_rows, r_fleet)
    chip_pos = {c.id: i for i, c in enumerate(chips)}
    existing = np.zeros((n_chips, n_t))
    for f in fleet:
        last = periods.index(f.retire_after) if f.retire_after is not None else n_t - 1
        existing[chip_pos[f.chip], : last + 1] += f.units
    in_service = existing + _in_service(buy, lead, life)

    # Split each chip's units in service among its workloads; derive demand from what
    # the reference plan delivers, capped so that losing any one vendor still leaves
    # the outage coverage, and made non-decreasing.
    split = np.where(eff > 0, r_plan.uniform(0.2, 1.0, eff.shape) * eff**4, 0.0)
    split /= split.sum(axis=1, keepdims=True)
    compute = (peak[:, None] * eff * split)[:, :, None] * in_service[:, None, :]  # (C, W, T)
    delivered = compute.sum(axis=0)
    own = np.stack([compute[chip_vendor == v].sum(axis=0) for v in range(len(vendors))])
    cap = np.minimum(delivered, ((delivered[None] - own) / OUTAGE_COVERAGE).min(axis=0))
    cap = np.minimum.accumulate(cap[:, ::-1], axis=1)[:, ::-1]
    demand = np.floor(0.97 * cap * 10) / 10

    # Limits with a margin over the reference plan, rounded in the safe direction.
    spend = price * buy
    total = float(spend.sum())
    share_v = np.bincount(chip_vendor, spend.sum(axis=1), len(vendors)) / max(total, 1.0)
    share_k = np.bincount(vendor_cat, share_v, 3)
    risk = float(share_v @ np.array([v.risk for v in vendors]))
    in_house_min = _round(_floor(share_k[2] - 0.02, 0.01), 2)
    limits = Limits(
        vendor_max_share=min(1.0, _round(_ceil(share_v.max() + 0.01, 0.01), 2)),
        category_share={
            "imported": CategoryShare(max=min(1.0, _round(_ceil(share_k[0] + 0.02, 0.01), 2))),
            **({"in-house": CategoryShare(min=in_house_min)} if in_house_min > 0 else {}),
        },
        max_weighted_risk=_round(_ceil(risk + 0.01, 0.01), 2),
        outage_coverage=OUTAGE_COVERAGE,
    )
    supply = np.ceil(buy * supply_margin)

    workloads = [
        Workload(
            id=f"w{w + 1:02d}", name=f"{WORKLOAD_KINDS[w % len(WORKLOAD_KINDS)]} {w + 1}",
            demand=tuple(demand[w].tolist()),
            efficiency={chips[c].id: float(eff[c, w]) for c in np.flatnonzero(eff[:, w])},
        )
        for w in range(n_workloads)
    ]
    chips = [
        replace(c, supply=tuple(supply[i].tolist())) if has_supply[i] else c
        for i, c in enumerate(chips)
    ]
    return Scenario(
        periods=periods,
        vendors=tuple(vendors),
        chips=tuple(chips),
        workloads=tuple(workloads),
        fleet=tuple(fleet),
        name=f"Synthetic {n_chips}x{n_workloads}x{n_periods} (seed {seed})",
        currency="CNY",
        hours=(2190.0,) * n_t,
        energy_price=tuple(_round(0.6 + 0.1 * r_plan.random(), 3) for _ in range(n_t)),
        pue=(1.3,) * n_t,
        budget=Budget(
            total=_ceil(total * 1.01, 1e6),
            per_period=tuple(_ceil(s * 1.1, 1e6) for s in spend.sum(axis=0)),
        ),
        power_cap_kw=tuple(_ceil(p * 1.03, 100.0) for p in power @ in_service),
        limits=limits,
    )


__all__ = ["generate", "period_labels"]
