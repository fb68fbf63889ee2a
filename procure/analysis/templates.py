"""Stress templates: the market's real shocks as forms with parameters.

Each template is a frozen dataclass whose fields are the form's parameters (the
``metadata`` of each field gives its label and kind, so the GUI can draw the form
without knowing the template) and whose :meth:`~StressTemplate.plan` says, as data,
what the shock does to a scenario: overrides of supply, price, fleet, and vintage
copies for orders already placed (see :mod:`procure.analysis.vintages`).

The templates and the history behind them (reference: market-and-tools.md, section 0):

* ``export-licence``: a US licence requirement stops imported shipments from a
  quarter (H20, April 2025); units in transit are stranded.
* ``licence-fee``: sales resume under licence with a fee and a volume cap (H200:
  25% of revenue to the US government, China volume at most 50% of US volume).
* ``import-ban``: a buyer-side ban (CAC order to cancel RTX Pro 6000D orders,
  customs refusing H200); orders in transit are cancelled by default.
* ``supplier-exit``: a domestic supplier stops supplying us (a top buyer retreating
  from Cambricon, or the reverse); its fleet loses support after N quarters.
* ``slip``: the in-house chip's ramp moves N quarters later (SeedChip samples due
  end-March 2026).
* ``hbm-shortage``: supply of chips using a memory type is cut (HBM supply is part
  of the in-house chip's foundry talks; Huawei builds its own HBM).
* ``price-shock``: prices of some chips rise by a share from a quarter.
* ``group-loss`` (version 2): a risk group (a shared foundry, an HBM source) is lost
  from a quarter: its chips' supply to 0, optionally its installed units dark.
* ``fx-shock`` (version 2): a currency's rate rises by a share from a quarter.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import MISSING, dataclass, fields
from typing import Any, ClassVar

from procure.analysis.overrides import NO_LIMIT, Override
from procure.analysis.template_base import (
    IN_TRANSIT,
    StressTemplate,
    blocked,
    choice,
    describe_chips,
    fail,
    memory_type,
    orderable,
    param,
    period_index,
    targets,
)
from procure.analysis.vintages import TemplatePlan, VintageSpec
from procure.domain.model import Chip, Scenario


def _imported(s: Scenario | None, chips: tuple[str, ...], vendors: tuple[str, ...]) -> str:
    """Who an import template names in its label (imported vendors by default)."""
    return describe_chips(s, targets(s, chips, vendors, (), ("imported",))) if s else ""


@dataclass(frozen=True)
class ExportLicence(StressTemplate):
    """Imported supply to zero from ``start`` (to ``end``); units in transit stranded."""

    kind: ClassVar[str] = "export-licence"
    title: ClassVar[str] = "Export licence requirement"
    start: str = param("From quarter", "period")
    end: str | None = param("Until quarter (licences resume after it)", "period?", None)
    vendors: tuple[str, ...] = param("Vendors (default: all imported)", "vendors", ())
    chips: tuple[str, ...] = param("Chips", "chips", ())
    in_transit: str = param("Orders in transit", "choice", "stranded",
                             "stranded: paid, never delivered; cancelled: not paid")

    def plan(self, s: Scenario) -> TemplatePlan:
        chips = targets(s, self.chips, self.vendors, (), ("imported",))
        start = period_index(s, self.start, "start")
        end = None if self.end is None else period_index(s, self.end, "end")
        ov, vint, canc = blocked(s, chips, start, end, choice(self.in_transit))
        return TemplatePlan(start, tuple(ov), tuple(vint), tuple(canc))

    def label(self, s: Scenario | None = None) -> str:
        who = _imported(s, self.chips, self.vendors)
        until = f" to {self.end}" if self.end else ""
        return f"Export licence: {who or 'imports'} cut from {self.start}{until}"


@dataclass(frozen=True)
class ImportBan(ExportLicence):
    """A buyer-side ban: no imports of the chips from ``start``; orders in transit cancelled."""

    kind: ClassVar[str] = "import-ban"
    title: ClassVar[str] = "Buyer-side import ban"
    in_transit: str = param("Orders in transit", "choice", "cancelled",
                             "cancelled: not paid; stranded: paid, never delivered")

    def label(self, s: Scenario | None = None) -> str:
        who = _imported(s, self.chips, self.vendors)
        return f"Import ban: {who or 'imports'} from {self.start}"


@dataclass(frozen=True)
class LicenceFee(StressTemplate):
    """Licensed sales from ``start``: price x (1 + fee) and supply capped."""

    kind: ClassVar[str] = "licence-fee"
    title: ClassVar[str] = "Licence with a fee and a volume cap"
    start: str = param("From quarter", "period")
    end: str | None = param("Until quarter", "period?", None)
    fee: float = param("Fee (share of the price)", "fraction", 0.25)
    volume_share: float = param("Volume cap (share of the allocation)", "fraction", 0.5)
    max_units: float | None = param("Volume cap (units per quarter)", "number?", None)
    vendors: tuple[str, ...] = param("Vendors (default: all imported)", "vendors", ())
    chips: tuple[str, ...] = param("Chips", "chips", ())

    def plan(self, s: Scenario) -> TemplatePlan:
        chips = targets(s, self.chips, self.vendors, (), ("imported",))
        start = period_index(s, self.start, "start")
        first, last = s.periods[start], self.end
        period_index(s, last, "end", 0)
        ov: list[Override] = []
        notes: list[str] = []
        for c in chips:
            ov.append(Override(("chips", c.id, "price"), 1.0 + self.fee, "scale", first, last))
            supply = ("chips", c.id, "supply")
            if c.supply is not None and self.volume_share < 1:
                ov.append(Override(supply, self.volume_share, "scale", first, last))
            elif self.volume_share < 1 and self.max_units is None:
                notes.append(f"{c.name or c.id} has no supply limit: the volume cap needs "
                             "max_units")
            if self.max_units is not None:
                ov.append(Override(supply, self.max_units, "min", first, last))
        return TemplatePlan(start, tuple(ov), notes=tuple(notes))

    def label(self, s: Scenario | None = None) -> str:
        who = _imported(s, self.chips, self.vendors)
        return (f"Licence: {who} +{self.fee:.0%} fee, {self.volume_share:.0%} volume "
                f"from {self.start}").replace("  ", " ")


@dataclass(frozen=True)
class SupplierExit(StressTemplate):
    """A supplier stops supplying from ``start``; its units lose support after N quarters."""

    kind: ClassVar[str] = "supplier-exit"
    title: ClassVar[str] = "A supplier exits"
    vendor: str = param("Vendor", "vendor")
    start: str = param("From quarter", "period")
    support_quarters: int | None = param(
        "Quarters its fleet stays supported (empty: to the end)", "count?", None)
    in_transit: str = param("Orders in transit", "choice", "stranded")

    def plan(self, s: Scenario) -> TemplatePlan:
        chips = targets(s, (), (self.vendor,))
        n = len(s.periods)
        start = period_index(s, self.start, "start")
        last = None if self.support_quarters is None else start + self.support_quarters - 1
        in_transit = choice(self.in_transit)
        ov: list[Override] = []
        vint: list[VintageSpec] = []
        canc: list[tuple[str, int]] = []
        ids = {c.id for c in chips}
        for c in chips:
            ov.append(Override(("chips", c.id, "supply"), 0.0, "set", s.periods[start]))
            for tau in range(start):
                arrival = tau + c.lead_time
                if not orderable(c, tau) or arrival >= n:
                    continue
                if arrival >= start and in_transit != "delivered":
                    if in_transit == "stranded":
                        vint.append(VintageSpec(c.id, tau, blocked=True))
                    else:
                        canc.append((c.id, tau))
                elif last is not None and last < n - 1 and (
                        c.lifetime is None or arrival + c.lifetime - 1 > last):
                    vint.append(VintageSpec(c.id, tau, service_end=last))
        if last is not None and last < n - 1:
            for i, f in enumerate(s.fleet):
                end = n - 1 if f.retire_after is None else s.periods.index(f.retire_after)
                if f.chip in ids and end > last:
                    ov.append(Override(("fleet", i, "retire_after"), s.periods[last]) if last >= 0
                              else Override(("fleet", i, "units"), 0.0))
        return TemplatePlan(start, tuple(ov), tuple(vint), tuple(canc))

    def label(self, s: Scenario | None = None) -> str:
        name = next((v.name or v.id for v in s.vendors if v.id == self.vendor),
                    self.vendor) if s else self.vendor
        support = ("" if self.support_quarters is None
                   else f", fleet supported {self.support_quarters} quarters")
        return f"{name} exits from {self.start}{support}"


@dataclass(frozen=True)
class Slip(StressTemplate):
    """The chips' supply schedule moves ``quarters`` later; orders already placed arrive late."""

    kind: ClassVar[str] = "slip"
    title: ClassVar[str] = "In-house chip slips"
    quarters: int = param("Quarters of slip", "count", 2)
    chips: tuple[str, ...] = param("Chips (default: all in-house)", "chips", ())
    known: str | None = param("Known from quarter (default: when its supply starts)",
                               "period?", None)

    def plan(self, s: Scenario) -> TemplatePlan:
        chips = targets(s, self.chips, (), (), ("in-house",))
        if not chips:
            raise fail("chips", "no chip to slip (name one, or give a vendor category in-house)")
        if self.quarters < 0:
            raise fail("quarters", "must be 0 or more")
        n, k_slip = len(s.periods), self.quarters
        starts = [next((t for t in range(n) if orderable(c, t)), n) for c in chips]
        event = period_index(s, self.known, "known", min(min(starts), n - 1))
        ov: list[Override] = []
        vint: list[VintageSpec] = []
        for c in chips:
            old = c.supply if c.supply is not None else (NO_LIMIT,) * n
            new = tuple(old[t - k_slip] if t - k_slip >= event else 0.0 for t in range(event, n))
            ov.append(Override(("chips", c.id, "supply"), new, "set", s.periods[event]))
            vint += [VintageSpec(c.id, tau, delay=k_slip)
                     for tau in range(event) if orderable(c, tau)]
        return TemplatePlan(event, tuple(ov), tuple(vint))

    def label(self, s: Scenario | None = None) -> str:
        chips = targets(s, self.chips, (), (), ("in-house",)) if s else []
        names = [c.name or c.id for c in chips]
        who = ", ".join(names[:2]) + (f" (+{len(names) - 2})" if len(names) > 2 else "")
        return f"{who or 'In-house chip'} slips {self.quarters} quarters"


@dataclass(frozen=True)
class HbmShortage(StressTemplate):
    """Supply of the chips using a memory type (default HBM) cut by a share."""

    kind: ClassVar[str] = "hbm-shortage"
    title: ClassVar[str] = "HBM shortage"
    start: str = param("From quarter", "period")
    end: str | None = param("Until quarter", "period?", None)
    cut: float = param("Supply cut (share)", "fraction", 0.3)
    memory: str = param("Memory type (matches e.g. HBM3e for HBM)", "text", "HBM")
    chips: tuple[str, ...] = param("Chips (instead of the memory type)", "chips", ())
    group: str | None = param("Risk group (its chips, instead of the memory type)", "text?", None)
    cuts: str = param("What is cut", "text", "supply",
                      "supply: units of the chips; memory: the HBM on each unit (version 2, "
                      "where workloads have a memory demand), for the whole horizon")

    def affected(self, s: Scenario) -> list[Chip]:
        if self.group is not None:
            group = next((g for g in s.risk_groups if g.id == self.group), None)
            if group is None:
                known = ", ".join(g.id for g in s.risk_groups) or "none in this plan"
                raise fail("group", f"unknown risk group {self.group!r} (known: {known})")
            return targets(s, group.chip_ids(s), ())
        if self.chips:
            return targets(s, self.chips, ())
        return [c for c in s.chips if self.memory.lower() in memory_type(c).lower()]

    def plan(self, s: Scenario) -> TemplatePlan:
        start = period_index(s, self.start, "start")
        period_index(s, self.end, "end", 0)
        ov, notes = [], []
        if self.cuts not in ("supply", "memory"):
            raise fail("cuts", f"must be supply or memory, got {self.cuts!r}")
        if self.cuts == "memory":
            # memory_gb is one figure per chip: the cut holds for the whole horizon
            if s.version != 2 or not any(w.memory_demand is not None for w in s.workloads):
                notes.append("no workload has a memory demand, so less memory per unit "
                             "changes nothing; cut supply instead")
            for c in self.affected(s):
                if c.memory_gb:
                    ov.append(Override(("chips", c.id, "memory_gb"), 1.0 - self.cut, "scale"))
            return TemplatePlan(0, tuple(ov), notes=tuple(notes))
        for c in self.affected(s):
            if c.supply is None:
                notes.append(f"{c.name or c.id} has no supply limit, so a cut does not apply")
                continue
            ov.append(Override(("chips", c.id, "supply"), 1.0 - self.cut, "scale",
                               self.start, self.end))
        return TemplatePlan(start, tuple(ov), notes=tuple(notes))

    def label(self, s: Scenario | None = None) -> str:
        if self.cuts == "memory":
            return f"{self.group or self.memory} shortage: memory per unit -{self.cut:.0%}"
        return f"{self.group or self.memory} shortage: supply -{self.cut:.0%} from {self.start}"


@dataclass(frozen=True)
class PriceShock(StressTemplate):
    """Prices of the chosen chips change by a share from ``start``."""

    kind: ClassVar[str] = "price-shock"
    title: ClassVar[str] = "Price shock"
    start: str = param("From quarter", "period")
    change: float = param("Price change (share, 0.2 = +20%)", "number", 0.2)
    end: str | None = param("Until quarter", "period?", None)
    vendors: tuple[str, ...] = param("Vendors", "vendors", ())
    chips: tuple[str, ...] = param("Chips", "chips", ())
    categories: tuple[str, ...] = param("Categories (all chips if nothing is chosen)",
                                         "categories", ())

    def plan(self, s: Scenario) -> TemplatePlan:
        start = period_index(s, self.start, "start")
        period_index(s, self.end, "end", 0)
        chosen = self.chips or self.vendors or self.categories
        chips = targets(s, self.chips, self.vendors, self.categories) if chosen else s.chips
        ov = tuple(Override(("chips", c.id, "price"), 1.0 + self.change, "scale",
                            self.start, self.end) for c in chips)
        return TemplatePlan(start, ov)

    def label(self, s: Scenario | None = None) -> str:
        chosen = self.chips or self.vendors or self.categories
        who = (describe_chips(s, targets(s, self.chips, self.vendors, self.categories))
               if s and chosen else "all chips")
        return f"Price {self.change:+.0%}: {who} from {self.start}"


@dataclass(frozen=True)
class GroupLoss(StressTemplate):
    """A risk group (a foundry, an HBM source) lost from ``start``: its chips' supply to 0.

    With ``fleet="dark"`` the group's installed units (orders placed included) go dark
    from ``start`` too: a lost foundry also ends spares and support.
    """

    kind: ClassVar[str] = "group-loss"
    title: ClassVar[str] = "Loss of a shared supplier (risk group)"
    start: str = param("From quarter", "period")
    group: str = param("Risk group", "text")
    fleet: str = param("Installed units", "text", "kept",
                       "kept: they keep working; dark: out of service from the quarter")

    def plan(self, s: Scenario) -> TemplatePlan:
        start = period_index(s, self.start, "start")
        group = next((g for g in s.risk_groups if g.id == self.group), None)
        if group is None:
            known = ", ".join(g.id for g in s.risk_groups) or "none in this plan"
            raise fail("group", f"unknown risk group {self.group!r} (known: {known})")
        if self.fleet not in ("kept", "dark"):
            raise fail("fleet", f"must be kept or dark, got {self.fleet!r}")
        members = set(group.chip_ids(s))
        ov = [Override(("chips", c, "supply"), 0.0, "set", self.start, None)
              for c in group.chip_ids(s)]
        if self.fleet == "dark":
            last = s.periods[start - 1] if start > 0 else None
            for i, f in enumerate(s.fleet):
                if f.chip not in members:
                    continue
                if last is None:
                    ov.append(Override(("fleet", i, "units"), 0.0, "set"))
                elif f.retire_after is None or s.periods.index(f.retire_after) >= start:
                    ov.append(Override(("fleet", i, "retire_after"), last, "set"))
        return TemplatePlan(start, tuple(ov))

    def label(self, s: Scenario | None = None) -> str:
        dark = ", fleet dark" if self.fleet == "dark" else ""
        return f"Loss of {self.group} from {self.start}{dark}"


@dataclass(frozen=True)
class FxShock(StressTemplate):
    """A currency's rate (plan currency per unit) up by ``change`` from ``start``."""

    kind: ClassVar[str] = "fx-shock"
    title: ClassVar[str] = "Exchange-rate shock"
    start: str = param("From quarter", "period")
    currency: str = param("Currency", "text", "USD")
    change: float = param("Rate change (share, 0.1 = +10%)", "number", 0.1)
    end: str | None = param("Until quarter", "period?", None)

    def plan(self, s: Scenario) -> TemplatePlan:
        start = period_index(s, self.start, "start")
        period_index(s, self.end, "end", 0)
        if self.currency not in (s.fx or {}):
            known = ", ".join(sorted(s.fx or {})) or "none in this plan"
            raise fail("currency", f"the plan has no rate for {self.currency!r} (fx: {known})")
        ov = (Override(("fx", self.currency), 1.0 + self.change, "scale", self.start, self.end),)
        return TemplatePlan(start, ov)

    def label(self, s: Scenario | None = None) -> str:
        return f"{self.currency} {self.change:+.0%} from {self.start}"


TEMPLATES: dict[str, type[StressTemplate]] = {
    t.kind: t for t in (ExportLicence, LicenceFee, ImportBan, SupplierExit, Slip, HbmShortage,
                        PriceShock, GroupLoss, FxShock)
}


def template_fields(kind: str) -> list[dict[str, Any]]:
    """The form of a template: name, label, kind, default and help of each parameter."""
    cls = _template_class(kind)
    return [
        {"name": f.name, **f.metadata,
         "default": None if f.default is MISSING else f.default,
         "required": f.default is MISSING,
         "choices": list(IN_TRANSIT) if f.metadata["kind"] == "choice" else None}
        for f in fields(cls)
    ]


def _template_class(kind: str) -> type[StressTemplate]:
    if kind not in TEMPLATES:
        raise fail("template", f"unknown template {kind!r} (known: {', '.join(TEMPLATES)})")
    return TEMPLATES[kind]


def _coerce(kind: str, value: Any, where: str) -> Any:
    """A parameter from JSON or from the command line (text) to its type."""
    base = kind.rstrip("?")
    if value is None and kind.endswith("?"):
        return None
    try:
        if base in ("vendors", "chips", "categories"):
            items = value.split("+") if isinstance(value, str) else list(value)
            return tuple(str(i) for i in items if str(i))
        if base in ("fraction", "number"):
            if isinstance(value, bool):
                raise TypeError
            return float(value)
        if base == "count":
            if isinstance(value, bool) or float(value) != int(float(value)):
                raise TypeError
            return int(float(value))
    except (TypeError, ValueError):
        raise fail(where, f"is not a valid {base}: {value!r}") from None
    if not isinstance(value, str):
        raise fail(where, f"must be text, got {value!r}")
    return value


def template_from_data(data: Mapping[str, Any]) -> StressTemplate:
    """A template from ``{"template": kind, param: value, ...}``; unknown keys are errors."""
    if not isinstance(data, Mapping) or not isinstance(data.get("template"), str):
        raise fail("template", "must be an object with a 'template' name")
    cls = _template_class(data["template"])
    spec = {f.name: f for f in fields(cls)}
    unknown = sorted(set(data) - set(spec) - {"template"})
    if unknown:
        raise fail(data["template"], f"unknown parameters {unknown} (known: {', '.join(spec)})")
    params = {k: _coerce(spec[k].metadata["kind"], v, k) for k, v in data.items() if k in spec}
    missing = [k for k, f in spec.items() if f.default is MISSING and k not in params]
    if missing:
        raise fail(data["template"], f"needs {', '.join(missing)}")
    return cls(**params)


def parse_template(text: str) -> StressTemplate:
    """``export-licence:start=2026Q3,vendors=nvidia``: the command line's form of a template.

    Lists are joined with ``+`` (``chips=h20+h200``).
    """
    kind, _, rest = text.partition(":")
    data: dict[str, Any] = {"template": kind.strip()}
    for item in filter(None, (p.strip() for p in rest.split(","))):
        key, sep, value = item.partition("=")
        if not sep:
            raise fail(text, f"parameters are key=value, got {item!r}")
        data[key.strip()] = value.strip()
    return template_from_data(data)


__all__ = [
    "TEMPLATES", "ExportLicence", "FxShock", "GroupLoss", "HbmShortage", "ImportBan",
    "LicenceFee", "PriceShock", "Slip", "StressTemplate", "SupplierExit", "memory_type",
    "parse_template",
    "template_fields", "template_from_data",
]
