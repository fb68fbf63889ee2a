"""A result in plain language: what ``procure explain`` and ``procure demo`` print.

Works from the result alone (display names travel in its ``x``), so a result
file explains itself without the scenario it came from.
"""

from __future__ import annotations

import unicodedata

from procure.domain.result import ConstraintReport, Result, SolveStatus
from procure.wording import Names, money, percent, quantity, shadow_price_sentence

SHARE_KINDS = ("vendor_share", "category_min", "category_max", "weighted_risk")
# A shadow price smaller than this share of the total cost is not worth a line.
NEGLIGIBLE = 1e-9


def names_of(result: Result) -> Names:
    return Names.from_data((result.x or {}).get("names"))


def limit_value(report: ConstraintReport, result: Result) -> float | None:
    """The share or risk limit of a share row (its rhs is limit x total spend)."""
    if report.kind not in SHARE_KINDS:
        return None
    total = sum(result.spend.get("by_vendor", {}).values())
    return report.rhs / total if total > 0 else None


def binding_limits(result: Result, top: int | None = None) -> list[tuple[ConstraintReport, str]]:
    """Binding constraints with a non-zero shadow price, most expensive first, in words."""
    names = names_of(result)
    scale = max(abs(result.objective or 0.0), 1.0)
    hot = [
        c for c in result.constraints
        if c.binding and c.shadow_price is not None and abs(c.shadow_price) > NEGLIGIBLE * scale
    ]
    hot.sort(key=lambda c: _impact(c), reverse=True)
    if top is not None:
        hot = hot[:top]
    return [
        (c, shadow_price_sentence(c.name, c.shadow_price or 0.0, names, limit_value(c, result)))
        for c in hot
    ]


def _impact(c: ConstraintReport) -> float:
    """How much the limit matters: |shadow| x the size of the quantity it prices."""
    price = abs(c.shadow_price or 0.0)
    if c.kind in SHARE_KINDS:
        return price / 100  # per percentage point
    return price * max(abs(c.rhs), 1.0) * 0.01  # per 1% of the right-hand side


def display_width(text: str) -> int:
    """Terminal columns of ``text``: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _table(rows: list[tuple[str, float]], total: float, currency: str) -> list[str]:
    width = max((display_width(label) for label, _ in rows), default=0)
    return [
        f"  {label}{' ' * (width - display_width(label))}  {money(amount, currency):>16}"
        f"  {percent(share):>5}"
        for label, amount in rows
        for share in [amount / total if total else 0.0]
    ]


def explain(result: Result, *, top: int = 10) -> str:
    """A few paragraphs a planner can read in a minute."""
    names = names_of(result)
    title = result.scenario or "Untitled plan"
    if result.status is SolveStatus.INFEASIBLE:
        return _explain_infeasible(result, title)
    if not result.status.has_plan or result.cost is None:
        note = (result.x or {}).get("solver_message", "")
        return f'Plan "{title}": no plan was found ({result.status.value}). {note}'.strip()
    cur = names.currency
    cost = result.cost
    lines = [
        f'Plan "{title}": {result.status.value}.',
        f"Total cost {money(result.objective or 0.0, cur)}: capex {money(cost.capex, cur)}, "
        f"energy of new units {money(cost.energy_new, cur)}"
        + (f", shortfall penalty {money(cost.shortfall_penalty, cur)}" if cost.shortfall_penalty
           else "")
        + f". (The existing fleet's energy, {money(cost.energy_existing, cur)}, "
        "is not part of it.)",
    ]
    if result.status is SolveStatus.FEASIBLE:
        gap = (result.x or {}).get("mip_gap")
        lines.append(f"The time limit stopped the search; the plan is within {percent(gap or 0, 2)}"
                     " of the best possible.")
    total = cost.capex
    spend = result.spend
    if total > 0:
        lines += ["", "New spend by category:"]
        lines += _table(sorted(spend["by_category"].items(), key=lambda kv: -kv[1]), total, cur)
        lines += ["", "New spend by vendor:"]
        vendor_rows = [(names.vendor.get(v, v), a) for v, a in spend["by_vendor"].items()]
        lines += _table(sorted(vendor_rows, key=lambda kv: -kv[1]), total, cur)
        lines += ["", f"Spend-weighted vendor risk {result.weighted_risk:.2f}; "
                  f"concentration (HHI) {result.hhi:.2f}."]
    else:
        lines += ["", "No new purchases are needed: the existing fleet covers the demand."]
    lines += ["", "Purchases:", *_purchases(result, names)]
    hot = binding_limits(result, top)
    lines += ["", "Limits that bind, and what they cost:"]
    lines += [f"  - {sentence}" for _, sentence in hot] or ["  none with a price."]
    lines += ["", *_shortfalls(result, names)]
    return "\n".join(lines).rstrip() + "\n"


def _purchases(result: Result, names: Names) -> list[str]:
    out = []
    for chip, by_period in result.buy.items():
        bought = [(p, u) for p, u in by_period.items() if u > 1e-6]
        if bought:
            when = ", ".join(f"{quantity(u, 'units')} in {p}" for p, u in bought)
            out.append(f"  {names.chip.get(chip, chip)}: {when}")
    return out or ["  none."]


def _shortfalls(result: Result, names: Names) -> list[str]:
    short = [
        (w, p, v) for w, by_period in (result.shortfall or {}).items()
        for p, v in by_period.items() if v > 1e-6
    ]
    if not short:
        return ["Every workload's demand is met in every period."]
    return ["Unmet demand (paid for by the shortfall penalty):"] + [
        f"  {names.workload.get(w, w)} in {p}: {quantity(v, 'PFLOP/s')}" for w, p, v in short
    ]


def _explain_infeasible(result: Result, title: str) -> str:
    lines = [
        f'Plan "{title}" is infeasible: no purchase plan satisfies every limit at once.',
        "Relaxing these limits together would make it feasible:",
    ]
    lines += [f"  - {d.message}" for d in result.diagnosis] or [
        "  (no diagnosis was computed)"
    ]
    return "\n".join(lines) + "\n"
