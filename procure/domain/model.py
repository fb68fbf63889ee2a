"""The planning model's entities as immutable values.

These mirror ``spec/planning-model.md`` and, for the fields marked v2,
``spec/planning-model-v2.md``. Per-period parameters are stored as
tuples aligned with :attr:`Scenario.periods`, whatever form the file used, so
every consumer (optimiser, storage, exports, GUI) reads them the same way.
Optional fields whose absence has a meaning of its own (no supply limit, no
budget, the global vendor cap) are ``None``; fields whose absence equals a
default hold the default, so an absent field and an explicit default are the
same scenario.

Edits make new objects with :func:`dataclasses.replace`; nothing here is
mutated in place, which is what lets undo, storage and the optimiser share them.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

PerPeriod = tuple[float, ...]
"""One number per planning period, in the order of ``Scenario.periods``."""

Extensions = Mapping[str, Any] | None
"""The free-form ``x`` object any entity may carry; kept verbatim."""

SCENARIO_FORMAT = "procure-scenario/1"
SCENARIO_FORMAT_V2 = "procure-scenario/2"
SCENARIO_FORMATS = {1: SCENARIO_FORMAT, 2: SCENARIO_FORMAT_V2}

Efficiency = float | PerPeriod
"""e_cw: one number, or (version 2) one number per period as the chip's software matures."""


@dataclass(frozen=True)
class Vendor:
    """A supplier; its category (imported, domestic, in-house, ...) drives share limits."""

    id: str
    category: str
    name: str | None = None
    risk: float = 0.0
    max_share: float | None = None  # None: the global limits.vendor_max_share applies
    x: Extensions = None


@dataclass(frozen=True)
class Chip:
    """One accelerator model (SKU) that can be ordered from its vendor."""

    id: str
    vendor: str
    peak_pflops: float
    price: PerPeriod
    name: str | None = None
    supply: PerPeriod | None = None  # None: unlimited
    lead_time: int = 0
    lifetime: int | None = None  # None: beyond the horizon
    lot_size: int = 1
    power_kw: float = 0.0
    memory_gb: float | None = None  # v1: informational; v2: G_c, memory per unit (GB)
    x: Extensions = None
    price_currency: str | None = None  # v2: the currency of ``price``; None: the plan's


@dataclass(frozen=True)
class Workload:
    """A use of compute with a demand per period and an efficiency per eligible chip."""

    id: str
    demand: PerPeriod
    efficiency: Mapping[str, Efficiency] = field(default_factory=dict)
    name: str | None = None
    x: Extensions = None
    memory_demand: PerPeriod | None = None  # v2: M_wt in TB; None: no memory row

    def efficiency_by_period(self, chip: str, n_periods: int) -> PerPeriod:
        """e_cwt for every period (0 where the chip is not listed)."""
        value = self.efficiency.get(chip, 0.0)
        if isinstance(value, tuple):
            return value
        return (float(value),) * n_periods

    def is_eligible(self, chip: str) -> bool:
        """A chip can serve the workload when its efficiency is above 0 in some period."""
        value = self.efficiency.get(chip, 0.0)
        return any(v > 0 for v in value) if isinstance(value, tuple) else value > 0


@dataclass(frozen=True)
class FleetEntry:
    """Units already installed at the start of the horizon."""

    chip: str
    units: float
    retire_after: str | None = None  # None: in service through the horizon
    x: Extensions = None
    in_service_from: str | None = None  # v2: arrives in this period (an order placed); None: first


@dataclass(frozen=True)
class Budget:
    """Capital budgets; ``None`` means no limit of that kind."""

    total: float | None = None
    per_period: PerPeriod | None = None
    x: Extensions = None

    @property
    def is_empty(self) -> bool:
        return self.total is None and self.per_period is None and self.x is None


@dataclass(frozen=True)
class CategoryShare:
    """Floor and cap on one category's share of new spend."""

    min: float | None = None
    max: float | None = None
    x: Extensions = None


@dataclass(frozen=True)
class Limits:
    """The risk limits of a plan; ``None`` means the limit is not set."""

    vendor_max_share: float | None = None
    category_share: Mapping[str, CategoryShare] = field(default_factory=dict)
    max_weighted_risk: float | None = None
    outage_coverage: float = 0.0
    x: Extensions = None

    @property
    def is_empty(self) -> bool:
        return self == Limits()


@dataclass(frozen=True)
class RiskGroup:
    """(v2) Chips that one event can take out together: a shared foundry, HBM source, regime.

    Its chips are every chip of ``vendors`` plus ``chips`` (a set: listed twice counts once).
    """

    id: str
    name: str | None = None
    vendors: tuple[str, ...] | None = None
    chips: tuple[str, ...] | None = None
    max_share: float | None = None  # None: 1, no group_share row
    x: Extensions = None

    def chip_ids(self, scenario: Scenario) -> tuple[str, ...]:
        """The group's chips in the scenario's chip order."""
        vendors = set(self.vendors or ())
        listed = set(self.chips or ())
        return tuple(c.id for c in scenario.chips if c.vendor in vendors or c.id in listed)


@dataclass(frozen=True)
class Scenario:
    """A complete planning problem: what the optimiser takes in."""

    periods: tuple[str, ...]
    vendors: tuple[Vendor, ...]
    chips: tuple[Chip, ...] = ()
    workloads: tuple[Workload, ...] = ()
    fleet: tuple[FleetEntry, ...] = ()
    name: str | None = None
    currency: str | None = None
    hours: PerPeriod | None = None  # None: 0
    energy_price: PerPeriod | None = None  # None: 0
    pue: PerPeriod | None = None  # None: 1
    budget: Budget = field(default_factory=Budget)
    power_cap_kw: PerPeriod | None = None
    limits: Limits = field(default_factory=Limits)
    shortfall_penalty: float | None = None
    integer: bool = False
    x: Extensions = None
    version: int = 1  # 1: procure-scenario/1, 2: procure-scenario/2 (result procure-result/2)
    discount_rate: float | None = None  # v2: r, per year; None: 0
    periods_per_year: int | None = None  # v2: n; None: 4
    fx: Mapping[str, PerPeriod] | None = None  # v2: currency -> plan currency per unit
    risk_groups: tuple[RiskGroup, ...] = ()  # v2

    @property
    def format(self) -> str:
        return SCENARIO_FORMATS.get(self.version, SCENARIO_FORMAT_V2)

    def discount_factors(self) -> PerPeriod:
        """d_t = (1 + r) ** (-i / n): the present value of one unit spent in period t."""
        r = self.discount_rate or 0.0
        n = self.periods_per_year or 4
        return tuple((1.0 + r) ** (-i / n) if r else 1.0 for i in range(len(self.periods)))

    def fx_rates(self, chip: Chip) -> PerPeriod:
        """The plan-currency value of one unit of the chip's price currency, per period."""
        code = chip.price_currency
        if code is None or code == self.currency or self.fx is None or code not in self.fx:
            return (1.0,) * len(self.periods)
        return self.fx[code]

    def uses_v2_fields(self) -> list[str]:
        """The version-2 fields this scenario uses (in the file's own paths)."""
        used: list[str] = []
        if self.discount_rate is not None:
            used.append("discount_rate")
        if self.periods_per_year is not None:
            used.append("periods_per_year")
        if self.fx is not None:
            used.append("fx")
        if self.risk_groups:
            used.append("risk_groups")
        for i, c in enumerate(self.chips):
            if c.price_currency is not None:
                used.append(f"chips[{i}].price_currency")
        for i, w in enumerate(self.workloads):
            if w.memory_demand is not None:
                used.append(f"workloads[{i}].memory_demand")
            for chip, value in w.efficiency.items():
                if isinstance(value, tuple):
                    used.append(f"workloads[{i}].efficiency[{json.dumps(chip)}]")
        for i, f in enumerate(self.fleet):
            if f.in_service_from is not None:
                used.append(f"fleet[{i}].in_service_from")
        return used

    @property
    def display_name(self) -> str:
        return self.name or "Untitled plan"

    @property
    def currency_code(self) -> str:
        return self.currency or "CNY"

    def energy_cost_per_kw(self) -> PerPeriod:
        """E_t = hours x energy_price x pue, with the spec's defaults (0, 0, 1)."""
        n = len(self.periods)
        hours = self.hours or (0.0,) * n
        price = self.energy_price or (0.0,) * n
        pue = self.pue or (1.0,) * n
        return tuple(h * p * u for h, p, u in zip(hours, price, pue, strict=True))

    def vendor_cap(self, vendor: Vendor) -> float:
        """a_v: the vendor's own cap, else the global one, else 1."""
        if vendor.max_share is not None:
            return vendor.max_share
        if self.limits.vendor_max_share is not None:
            return self.limits.vendor_max_share
        return 1.0

    def categories(self) -> tuple[str, ...]:
        """Categories in order of first appearance among the vendors."""
        return tuple(dict.fromkeys(v.category for v in self.vendors))
