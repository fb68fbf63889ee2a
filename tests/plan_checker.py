"""An independent re-check of a result against its scenario.

Written from the spec (version 1 and version 2) with plain loops and
dictionaries, sharing no code with ``procure.optimiser``: if the model builder
mis-states a constraint, this catches it. Returns a list of violations (empty
when the plan is sound) and the objective recomputed from the plan (present
value in version 2).
"""

from __future__ import annotations

from procure.domain.model import Scenario
from procure.domain.result import Result
from procure.formats.result_json import result_to_data

TOL = 1e-6


def _holds(lhs: float, rhs: float, sense: str, scale: float) -> bool:
    allowed = TOL * max(1.0, abs(rhs), scale)
    return lhs <= rhs + allowed if sense == "<=" else lhs >= rhs - allowed


def check_plan(s: Scenario, result: Result) -> tuple[list[str], float]:
    """Violations of every spec constraint by the result's plan, and the recomputed objective."""
    r = result_to_data(result)
    periods = list(s.periods)
    n = len(periods)
    chips = {c.id: c for c in s.chips}
    vendors = {v.id: v for v in s.vendors}
    buy = {c: [r["buy"][c][p] for p in periods] for c in chips}
    bad: list[str] = []
    v2 = s.version >= 2

    def price(c: str, t: int) -> float:
        chip = chips[c]
        rate = 1.0
        if v2 and chip.price_currency not in (None, s.currency):
            rate = s.fx[chip.price_currency][t]
        return chip.price[t] * rate

    def e(w, c: str, t: int) -> float:  # e_cwt
        value = w.efficiency.get(c, 0.0)
        return value[t] if isinstance(value, tuple) else value

    rate = s.discount_rate or 0.0 if v2 else 0.0
    per_year = s.periods_per_year or 4
    d = [(1 + rate) ** (-t / per_year) for t in range(n)]

    for c in chips:
        for i, p in enumerate(periods):
            if buy[c][i] < -TOL:
                bad.append(f"negative order {c} {p}")
            if s.integer:
                lots = buy[c][i] / chips[c].lot_size
                if abs(lots - round(lots)) > 1e-6 * max(1, lots):
                    bad.append(f"order {c} {p} = {buy[c][i]} is not whole lots")

    # In service.
    in_service: dict[str, list[float]] = {}
    existing: dict[str, list[float]] = {}
    for c, chip in chips.items():
        ex = [0.0] * n
        for f in s.fleet:
            if f.chip == c:
                last = periods.index(f.retire_after) if f.retire_after else n - 1
                first = periods.index(f.in_service_from) if f.in_service_from else 0
                for t in range(first, last + 1):
                    ex[t] += f.units
        life = chip.lifetime if chip.lifetime is not None else 10**9
        new = [0.0] * n
        for tau in range(n):
            for t in range(n):
                if tau + chip.lead_time <= t < tau + chip.lead_time + life:
                    new[t] += buy[c][tau]
        existing[c] = ex
        in_service[c] = [ex[t] + new[t] for t in range(n)]
        for t, p in enumerate(periods):
            if abs(r["in_service"][c][p] - in_service[c][t]) > TOL * max(1, in_service[c][t]):
                reported = r["in_service"][c][p]
                bad.append(f"in_service {c} {p} reported {reported}, is {in_service[c][t]}")

    def x(c: str, w: str, t: int) -> float:
        return r["assign"].get(c, {}).get(w, {}).get(periods[t], 0.0)

    for w in s.workloads:
        for c in chips:
            for t in range(n):
                if e(w, c, t) == 0 and abs(x(c, w.id, t)) > TOL:
                    bad.append(f"ineligible assignment {c} {w.id} {periods[t]}")
    for c in chips:
        for t, p in enumerate(periods):
            used = sum(x(c, w.id, t) for w in s.workloads)
            if not _holds(used, in_service[c][t], "<=", used):
                bad.append(f"capacity {c} {p}: {used} > {in_service[c][t]}")
    shortfall = r.get("shortfall") or {}
    for w in s.workloads:
        for t, p in enumerate(periods):
            delivered = sum(chips[c].peak_pflops * e(w, c, t) * x(c, w.id, t) for c in chips)
            sh = shortfall.get(w.id, {}).get(p, 0.0) if s.shortfall_penalty is not None else 0.0
            if not _holds(delivered + sh, w.demand[t], ">=", delivered):
                bad.append(f"demand {w.id} {p}: {delivered + sh} < {w.demand[t]}")
            if s.limits.outage_coverage > 0:
                lost_sets = [(f"vendor {v}", {c for c in chips if chips[c].vendor == v})
                             for v in vendors]
                lost_sets += [(f"group {g.id}", set(_group_chips(s, g))) for g in s.risk_groups]
                for label, lost in lost_sets:
                    surviving = sum(chips[c].peak_pflops * e(w, c, t) * x(c, w.id, t)
                                    for c in chips if c not in lost)
                    need = s.limits.outage_coverage * w.demand[t]
                    if not _holds(surviving, need, ">=", surviving):
                        bad.append(f"outage {label} {w.id} {p}: {surviving} < {need}")
            if w.memory_demand is not None:
                held = sum((chips[c].memory_gb or 0.0) / 1000 * x(c, w.id, t) for c in chips
                           if e(w, c, t) > 0)
                if not _holds(held, w.memory_demand[t], ">=", held):
                    bad.append(f"memory {w.id} {p}: {held} < {w.memory_demand[t]}")

    for c, chip in chips.items():
        if chip.supply is not None:
            for t, p in enumerate(periods):
                if not _holds(buy[c][t], chip.supply[t], "<=", buy[c][t]):
                    bad.append(f"supply {c} {p}")
    spend_period = [sum(price(c, t) * buy[c][t] for c in chips) for t in range(n)]
    total = sum(spend_period)
    if s.budget.per_period is not None:
        for t, p in enumerate(periods):
            if not _holds(spend_period[t], s.budget.per_period[t], "<=", spend_period[t]):
                bad.append(f"budget {p}")
    if s.budget.total is not None and not _holds(total, s.budget.total, "<=", total):
        bad.append("budget total")
    if s.power_cap_kw is not None:
        for t, p in enumerate(periods):
            load = sum(chips[c].power_kw * in_service[c][t] for c in chips)
            if not _holds(load, s.power_cap_kw[t], "<=", load):
                bad.append(f"power {p}: {load} > {s.power_cap_kw[t]}")
    spend_vendor = dict.fromkeys(vendors, 0.0)
    for c, chip in chips.items():
        spend_vendor[chip.vendor] += sum(price(c, t) * buy[c][t] for t in range(n))
    for v, vendor in vendors.items():
        cap = vendor.max_share if vendor.max_share is not None else (
            s.limits.vendor_max_share if s.limits.vendor_max_share is not None else 1.0)
        if cap < 1 and not _holds(spend_vendor[v], cap * total, "<=", total):
            bad.append(f"vendor share {v}")
    for k, share in s.limits.category_share.items():
        spend_k = sum(a for v, a in spend_vendor.items() if vendors[v].category == k)
        if share.min is not None and not _holds(spend_k, share.min * total, ">=", total):
            bad.append(f"category min {k}")
        if share.max is not None and not _holds(spend_k, share.max * total, "<=", total):
            bad.append(f"category max {k}")
    if s.limits.max_weighted_risk is not None:
        risk = sum(vendors[v].risk * a for v, a in spend_vendor.items())
        if not _holds(risk, s.limits.max_weighted_risk * total, "<=", total):
            bad.append("weighted risk")
    for g in s.risk_groups:
        members = set(_group_chips(s, g))
        spend_g = sum(price(c, t) * buy[c][t] for c in members for t in range(n))
        if g.max_share is not None and g.max_share < 1 and not _holds(
            spend_g, g.max_share * total, "<=", total
        ):
            bad.append(f"group share {g.id}")

    energy = s.energy_cost_per_kw()
    energy_new = sum(
        d[t] * energy[t] * chips[c].power_kw * (in_service[c][t] - existing[c][t])
        for c in chips for t in range(n)
    )
    penalty = 0.0
    if s.shortfall_penalty is not None:
        penalty = s.shortfall_penalty * sum(
            d[t] * shortfall.get(w.id, {}).get(p, 0.0)
            for w in s.workloads for t, p in enumerate(periods)
        )
    capex = sum(d[t] * spend_period[t] for t in range(n))
    return bad, capex + energy_new + penalty


def _group_chips(s: Scenario, g) -> list[str]:
    return [c.id for c in s.chips if c.vendor in (g.vendors or ()) or c.id in (g.chips or ())]


def solved_and_checked(s: Scenario) -> Result:
    """Solve ``s``, insist on an optimal plan, re-check it and its objective independently."""
    from procure.domain.result import SolveStatus
    from procure.optimiser import solve

    result = solve(s)
    assert result.status is SolveStatus.OPTIMAL, result.status
    violations, recomputed = check_plan(s, result)
    assert violations == []
    assert abs((result.objective or 0.0) - recomputed) <= 1e-9 * max(1.0, abs(recomputed))
    return result
