"""How Procure says numbers and limits in words.

One vocabulary for the diagnosis, ``procure explain``, the GUI and the memo:
money as "1.2 bn CNY", shares as "41%", and a sentence for each kind of
constraint, so that a limit is described the same way wherever it appears.
"""

from __future__ import annotations

from procure.domain.model import Scenario


def money(amount: float, currency: str = "CNY") -> str:
    """``1.2 bn CNY``, ``350 m CNY``, ``41,000 CNY``: the precision a planner reads."""
    sign = "-" if amount < 0 else ""
    a = abs(amount)
    if a >= 1e9:
        text = f"{a / 1e9:,.3g} bn" if a < 1e11 else f"{a / 1e9:,.0f} bn"
    elif a >= 1e6:
        text = f"{a / 1e6:,.3g} m"
    elif a >= 100:
        text = f"{a:,.0f}"
    else:
        text = f"{a:,.2f}".rstrip("0").rstrip(".") if a else "0"
    return f"{sign}{text} {currency}"


def percent(share: float, digits: int = 0) -> str:
    """``0.413`` as ``41%`` (or ``41.3%`` with ``digits=1``)."""
    return f"{share * 100:.{digits}f}%"


def quantity(value: float, unit: str = "") -> str:
    """Thousands separated, sensible decimals: ``12,345 units``, ``0.25 PFLOP/s``."""
    a = abs(value)
    text = f"{value:,.0f}" if a >= 100 else f"{value:,.3g}" if a >= 0.01 else f"{value:.2g}"
    return f"{text} {unit}".rstrip()


class Names:
    """Display names of a scenario's ids (the name if there is one, else the id)."""

    def __init__(self, scenario: Scenario) -> None:
        self.currency = scenario.currency_code
        self.vendor = {v.id: v.name or v.id for v in scenario.vendors}
        self.chip = {c.id: c.name or c.id for c in scenario.chips}
        self.workload = {w.id: w.name or w.id for w in scenario.workloads}

    def money(self, amount: float) -> str:
        return money(amount, self.currency)


def relaxation_message(name: str, relax_by: float, current: float | None, names: Names) -> str:
    """A sentence telling the planner how to relax constraint ``name`` by ``relax_by``.

    ``current`` is the limit's present value (for shares and risk, the limit
    itself), used to say "41% instead of 30%".
    """
    kind, *parts = name.split(":")
    if kind == "budget" and parts == ["total"]:
        return f"Raise the total budget by {names.money(relax_by)}."
    if kind == "budget":
        return f"Raise the {parts[0]} budget by {names.money(relax_by)}."
    if kind == "power":
        return f"Provide {quantity(relax_by, 'kW')} more power in {parts[0]}."
    if kind == "supply":
        chip = names.chip.get(parts[0], parts[0])
        return f"Secure {quantity(relax_by, 'more units')} of {chip} in {parts[1]} (supply allocation)."
    if kind == "demand":
        workload = names.workload.get(parts[0], parts[0])
        return (
            f"Accept {quantity(relax_by, 'PFLOP/s')} less {workload} compute in {parts[1]} "
            "(or allow a shortfall)."
        )
    if kind == "outage":
        vendor = names.vendor.get(parts[0], parts[0])
        workload = names.workload.get(parts[1], parts[1])
        return (
            f"Accept that {quantity(relax_by, 'PFLOP/s')} less of {workload} survives an outage "
            f"of {vendor} in {parts[2]} (lower the outage coverage)."
        )
    target = current + relax_by if current is not None else None
    instead = f"{percent(target)} instead of {percent(current)}" if target is not None else ""
    if kind == "vendor_share":
        vendor = names.vendor.get(parts[0], parts[0])
        return f"Let {vendor} take {instead} of new spend."
    if kind == "category_max":
        return f"Let {parts[0]} vendors take {instead} of new spend."
    if kind == "category_min":
        lowered = max(current - relax_by, 0.0) if current is not None else None
        floor = f"{percent(lowered)} instead of {percent(current)}" if lowered is not None else ""
        return f"Lower the {parts[0]} floor to {floor} of new spend."
    if kind == "weighted_risk":
        limit = f"{target:.2f} instead of {current:.2f}" if target is not None else ""
        return f"Allow a spend-weighted vendor risk of {limit}."
    return f"Relax {name} by {relax_by:g}."
