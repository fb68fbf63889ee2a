"""How Procure says numbers and limits in words.

One vocabulary for the diagnosis, ``procure explain``, the GUI and the memo:
money as "1.2 bn CNY", shares as "41%", and a sentence for each kind of
constraint, so that a limit is described the same way wherever it appears.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

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

    def __init__(
        self,
        currency: str = "CNY",
        vendor: Mapping[str, str] | None = None,
        chip: Mapping[str, str] | None = None,
        workload: Mapping[str, str] | None = None,
    ) -> None:
        self.currency = currency
        self.vendor = dict(vendor or {})
        self.chip = dict(chip or {})
        self.workload = dict(workload or {})

    @classmethod
    def of(cls, scenario: Scenario) -> Names:
        return cls(
            scenario.currency_code,
            {v.id: v.name or v.id for v in scenario.vendors},
            {c.id: c.name or c.id for c in scenario.chips},
            {w.id: w.name or w.id for w in scenario.workloads},
        )

    def to_data(self) -> dict[str, Any]:
        """Kept in a result's ``x`` so a result file can be explained without its scenario."""
        return {"currency": self.currency, "vendor": self.vendor, "chip": self.chip,
                "workload": self.workload}

    @classmethod
    def from_data(cls, data: Mapping[str, Any] | None) -> Names:
        data = data or {}
        return cls(data.get("currency", "CNY"), data.get("vendor"), data.get("chip"),
                   data.get("workload"))

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
        more = quantity(relax_by, "more units")
        return f"Secure {more} of {chip} in {parts[1]} (supply allocation)."
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


def shadow_price_sentence(
    name: str, shadow: float, names: Names, limit: float | None = None
) -> str:
    """What one more unit of a binding limit is worth, as a planner would say it.

    ``shadow`` is the spec's shadow price (change of total cost per unit of the
    right-hand side; for share and risk limits per 1.0 of the limit) and
    ``limit`` the limit's present value for those.
    """
    kind, *parts = name.split(":")
    gain, loss = names.money(-shadow), names.money(shadow)
    saves = shadow < 0
    now = f" (now {percent(limit)})" if limit is not None else ""
    if kind == "demand":
        workload = names.workload.get(parts[0], parts[0])
        return f"Each extra PFLOP/s of {workload} demand in {parts[1]} costs {loss}."
    if kind == "capacity":
        chip = names.chip.get(parts[0], parts[0])
        return f"One more {chip} unit in service in {parts[1]} would save {gain}."
    if kind == "supply":
        chip = names.chip.get(parts[0], parts[0])
        return f"One more {chip} unit of supply in {parts[1]} would save {gain}."
    if kind == "budget":
        period = "total budget" if parts == ["total"] else f"{parts[0]} budget"
        return (
            f"Each extra {names.currency} of the {period} saves {-shadow:.3g} {names.currency} "
            "of total cost."
        )
    if kind == "power":
        return f"Each extra kW of power in {parts[0]} would save {gain}."
    if kind == "vendor_share":
        vendor = names.vendor.get(parts[0], parts[0])
        return (
            f"Raising {vendor}'s cap on new spend{now} by one percentage point would save "
            f"{names.money(-shadow / 100)}."
        )
    if kind == "category_min":
        return (
            f"Each percentage point of the {parts[0]} floor{now} costs "
            f"{names.money(shadow / 100)}."
        )
    if kind == "category_max":
        return (
            f"Raising the {parts[0]} cap{now} by one percentage point would save "
            f"{names.money(-shadow / 100)}."
        )
    if kind == "weighted_risk":
        level = f" (now {limit:.3g})" if limit is not None else ""
        return (
            f"Allowing 0.01 more spend-weighted vendor risk{level} would save "
            f"{names.money(-shadow / 100)}."
        )
    if kind == "outage":
        vendor = names.vendor.get(parts[0], parts[0])
        workload = names.workload.get(parts[1], parts[1])
        return (
            f"Each extra PFLOP/s of {workload} that must survive an outage of {vendor} in "
            f"{parts[2]} costs {loss}."
        )
    verb = "saves" if saves else "costs"
    return f"One more unit of {name} {verb} {names.money(abs(shadow))}."
