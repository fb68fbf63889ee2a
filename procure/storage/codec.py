"""Domain values to table rows and back, with nothing lost.

Pure functions, no database: each ``*_row`` gives the column values of one row and
each ``*_from`` rebuilds the value, so that ``scenario_to_data`` of a loaded
scenario equals that of the saved one (``None`` vs default, ``x`` objects and the
order of mappings included). Numbers come back as ``float`` because the domain
and the JSON writer expect floats.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from procure.domain.model import (
    Budget,
    CategoryShare,
    Chip,
    FleetEntry,
    Limits,
    RiskGroup,
    Scenario,
    Vendor,
    Workload,
)
from procure.formats.scenario_json import scenario_to_data


def _floats(values: Sequence[float] | None) -> tuple[float, ...] | None:
    return None if values is None else tuple(float(v) for v in values)


def _opt_float(value: Any) -> float | None:
    return None if value is None else float(value)


def vendor_row(v: Vendor) -> dict[str, Any]:
    return {"ident": v.id, "name": v.name, "category": v.category, "risk": v.risk,
            "max_share": v.max_share, "x": v.x}


def vendor_from(r: Any) -> Vendor:
    return Vendor(id=r.ident, category=r.category, name=r.name, risk=float(r.risk),
                  max_share=_opt_float(r.max_share), x=r.x)


def chip_row(c: Chip) -> dict[str, Any]:
    return {
        "ident": c.id, "vendor": c.vendor, "name": c.name, "peak_pflops": c.peak_pflops,
        "price": c.price, "supply": c.supply, "lead_time": c.lead_time, "lifetime": c.lifetime,
        "lot_size": c.lot_size, "power_kw": c.power_kw, "memory_gb": c.memory_gb, "x": c.x,
        "price_currency": c.price_currency,
    }


def chip_from(r: Any) -> Chip:
    return Chip(
        id=r.ident, vendor=r.vendor, peak_pflops=float(r.peak_pflops),
        price=_floats(r.price) or (), name=r.name, supply=_floats(r.supply),
        lead_time=r.lead_time, lifetime=r.lifetime, lot_size=r.lot_size,
        power_kw=float(r.power_kw), memory_gb=_opt_float(r.memory_gb), x=r.x,
        price_currency=r.price_currency,
    )


def workload_row(w: Workload) -> dict[str, Any]:
    return {"ident": w.id, "name": w.name, "demand": w.demand,
            "efficiency": dict(w.efficiency), "x": w.x, "memory_demand": w.memory_demand}


def _efficiency(value: Any) -> float | tuple[float, ...]:
    """A number, or (version 2) a ramp stored as a JSON array."""
    return tuple(float(v) for v in value) if isinstance(value, list) else float(value)


def workload_from(r: Any) -> Workload:
    return Workload(
        id=r.ident, demand=_floats(r.demand) or (),
        efficiency={k: _efficiency(v) for k, v in r.efficiency.items()}, name=r.name, x=r.x,
        memory_demand=_floats(r.memory_demand),
    )


def fleet_row(f: FleetEntry) -> dict[str, Any]:
    return {"chip": f.chip, "units": f.units, "retire_after": f.retire_after, "x": f.x,
            "in_service_from": f.in_service_from}


def fleet_from(r: Any) -> FleetEntry:
    return FleetEntry(chip=r.chip, units=float(r.units), retire_after=r.retire_after, x=r.x,
                      in_service_from=r.in_service_from)


def budget_row(b: Budget) -> dict[str, Any]:
    return {"total": b.total, "per_period": b.per_period, "x": b.x}


def budget_from(r: Any) -> Budget:
    return Budget(total=_opt_float(r.total), per_period=_floats(r.per_period), x=r.x)


def limits_row(lim: Limits) -> dict[str, Any]:
    shares = {k: {"min": s.min, "max": s.max, "x": s.x} for k, s in lim.category_share.items()}
    return {
        "vendor_max_share": lim.vendor_max_share, "category_share": shares,
        "max_weighted_risk": lim.max_weighted_risk, "outage_coverage": lim.outage_coverage,
        "x": lim.x,
    }


def limits_from(r: Any) -> Limits:
    shares = {
        k: CategoryShare(min=_opt_float(s["min"]), max=_opt_float(s["max"]), x=s["x"])
        for k, s in r.category_share.items()
    }
    return Limits(
        vendor_max_share=_opt_float(r.vendor_max_share), category_share=shares,
        max_weighted_risk=_opt_float(r.max_weighted_risk),
        outage_coverage=float(r.outage_coverage), x=r.x,
    )


SETTINGS_COLUMNS = (
    "name", "currency", "periods", "hours", "energy_price", "pue", "power_cap_kw",
    "shortfall_penalty", "integer_mode", "x", "model_version", "discount_rate",
    "periods_per_year", "fx", "risk_groups",
)


def settings_row(s: Scenario) -> dict[str, Any]:
    """The scenario's own fields (everything but its lists, budget and limits)."""
    return {
        "name": s.name, "currency": s.currency, "periods": list(s.periods), "hours": s.hours,
        "energy_price": s.energy_price, "pue": s.pue, "power_cap_kw": s.power_cap_kw,
        "shortfall_penalty": s.shortfall_penalty, "integer_mode": bool(s.integer), "x": s.x,
        "model_version": None if s.version == 1 else s.version,
        "discount_rate": s.discount_rate, "periods_per_year": s.periods_per_year,
        "fx": None if s.fx is None else {k: list(v) for k, v in s.fx.items()},
        "risk_groups": [_group_row(g) for g in s.risk_groups] or None,
    }


def _group_row(g: RiskGroup) -> dict[str, Any]:
    return {"id": g.id, "name": g.name, "vendors": g.vendors, "chips": g.chips,
            "max_share": g.max_share, "x": g.x}


def _group_from(d: Mapping[str, Any]) -> RiskGroup:
    def ids(value: Any) -> tuple[str, ...] | None:
        return None if value is None else tuple(str(v) for v in value)

    return RiskGroup(id=d["id"], name=d.get("name"), vendors=ids(d.get("vendors")),
                     chips=ids(d.get("chips")), max_share=_opt_float(d.get("max_share")),
                     x=d.get("x"))


def settings_from(r: Any) -> Scenario:
    """A scenario holding only the settings of row ``r`` (lists empty, budget and limits unset)."""
    return Scenario(
        periods=tuple(r.periods), vendors=(), name=r.name, currency=r.currency,
        hours=_floats(r.hours), energy_price=_floats(r.energy_price), pue=_floats(r.pue),
        power_cap_kw=_floats(r.power_cap_kw), shortfall_penalty=_opt_float(r.shortfall_penalty),
        integer=bool(r.integer_mode), x=r.x,
        version=r.model_version or 1, discount_rate=_opt_float(r.discount_rate),
        periods_per_year=r.periods_per_year,
        fx=None if r.fx is None else {k: _floats(v) or () for k, v in r.fx.items()},
        risk_groups=tuple(_group_from(d) for d in r.risk_groups or ()),
    )


ROW_OF: dict[str, Callable[[Any], dict[str, Any]]] = {
    "vendors": vendor_row, "chips": chip_row, "workloads": workload_row, "fleet": fleet_row,
    "budget": budget_row, "limits": limits_row, "settings": settings_row,
}
FROM_ROW: dict[str, Callable[[Any], Any]] = {
    "vendors": vendor_from, "chips": chip_from, "workloads": workload_from, "fleet": fleet_from,
    "budget": budget_from, "limits": limits_from, "settings": settings_from,
}


# Version-2 fields at their version-1 meaning are left out of the audit log, so a
# version-1 plan's log reads as it always did.
_V2_DEFAULTS: dict[str, Any] = {
    "in_service_from": None, "price_currency": None, "memory_demand": None, "version": 1,
    "discount_rate": None, "periods_per_year": None, "fx": None, "risk_groups": (),
}


def jsonable(value: Any) -> Any:
    """A domain value as plain JSON data, for the audit log."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)
            if f.name not in _V2_DEFAULTS or getattr(value, f.name) != _V2_DEFAULTS[f.name]
        }
    if isinstance(value, Mapping):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (tuple, list)):
        return [jsonable(v) for v in value]
    return value


def scenario_hash(scenario: Scenario) -> str:
    """SHA-256 of the scenario's canonical JSON: equal hashes, equal inputs to the optimiser.

    The what-if variants under ``x.procure.variants`` and the hedge definition under
    ``x.procure.hedge`` are left out (they are not inputs of the plan's own solve).

    Canonical is :func:`scenario_to_data` (fields at their default left out, the
    file's key order) written compactly; it is the same object ``dumps_scenario``
    writes, without its indentation, which makes hashing a big plan 3x faster.
    """
    data = scenario_to_data(scenario)
    ours = (data.get("x") or {}).get("procure")
    if isinstance(ours, dict) and ("variants" in ours or "hedge" in ours):
        # What-if variants are stored with the plan but are not inputs to its solve:
        # adding one must not mark the plan's result stale.
        # Empty objects left behind are dropped, as with_variants() drops them.
        rest = {k: v for k, v in ours.items() if k not in ("variants", "hedge")}
        x = {k: v for k, v in data["x"].items() if k != "procure"} | (
            {"procure": rest} if rest else {})
        data = {k: v for k, v in data.items() if k != "x"} | ({"x": x} if x else {})
    text = json.dumps(data, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def inputs_hash(scenario: Scenario) -> str:
    """SHA-256 of everything the scenario holds, its what-ifs and hedge definition included:
    the inputs of a hedge over its what-ifs."""
    text = json.dumps(scenario_to_data(scenario), ensure_ascii=False, allow_nan=False,
                      separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def summary(scenario: Scenario) -> dict[str, Any]:
    """What the audit log keeps of a whole scenario: its hash and its size."""
    return {
        "sha256": scenario_hash(scenario), "periods": len(scenario.periods),
        "vendors": len(scenario.vendors), "chips": len(scenario.chips),
        "workloads": len(scenario.workloads), "fleet": len(scenario.fleet),
    }
