"""The planning model's entities as immutable values.

These mirror ``spec/planning-model.md``. Per-period parameters are stored as
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

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

PerPeriod = tuple[float, ...]
"""One number per planning period, in the order of ``Scenario.periods``."""

Extensions = Mapping[str, Any] | None
"""The free-form ``x`` object any entity may carry; kept verbatim."""

SCENARIO_FORMAT = "procure-scenario/1"


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
    memory_gb: float | None = None
    x: Extensions = None


@dataclass(frozen=True)
class Workload:
    """A use of compute with a demand per period and an efficiency per eligible chip."""

    id: str
    demand: PerPeriod
    efficiency: Mapping[str, float] = field(default_factory=dict)
    name: str | None = None
    x: Extensions = None


@dataclass(frozen=True)
class FleetEntry:
    """Units already installed at the start of the horizon."""

    chip: str
    units: float
    retire_after: str | None = None  # None: in service through the horizon
    x: Extensions = None


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
