"""The ``procure-scenario/1`` and ``/2`` interchange files: strict reading, faithful writing.

Reading happens in two passes. The structural pass here checks types, field
names and per-period shapes, building each entity with harmless placeholders
where a field is broken so that it can go on and find every other problem; the
value pass (:func:`procure.domain.validation.validate_scenario`) then checks
ranges and references. Only when both passes found nothing is a
:class:`~procure.domain.model.Scenario` returned, so a caller never sees a
half-built plan.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

from procure.domain.model import (
    SCENARIO_FORMATS,
    Budget,
    CategoryShare,
    Chip,
    Efficiency,
    FleetEntry,
    Limits,
    PerPeriod,
    RiskGroup,
    Scenario,
    Vendor,
    Workload,
)
from procure.domain.validation import period_key, validate_scenario
from procure.errors import Problem, ValidationError
from procure.formats import strict_json
from procure.fs import atomic_write_text

T = TypeVar("T")

_TOP_KEYS = (
    "format", "name", "currency", "periods", "hours", "energy_price", "pue", "vendors",
    "chips", "workloads", "fleet", "budget", "power_cap_kw", "limits",
    "shortfall_penalty", "integer", "discount_rate", "periods_per_year", "fx", "risk_groups",
    "x",
)
_VENDOR_KEYS = ("id", "name", "category", "risk", "max_share", "x")
_CHIP_KEYS = (
    "id", "vendor", "name", "peak_pflops", "memory_gb", "power_kw", "price", "supply",
    "lead_time", "lifetime", "lot_size", "price_currency", "x",
)
_WORKLOAD_KEYS = ("id", "name", "demand", "efficiency", "memory_demand", "x")
_FLEET_KEYS = ("chip", "units", "retire_after", "in_service_from", "x")
_GROUP_KEYS = ("id", "name", "vendors", "chips", "max_share", "x")
_BUDGET_KEYS = ("total", "per_period", "x")
_LIMITS_KEYS = ("vendor_max_share", "category_share", "max_weighted_risk", "outage_coverage", "x")
_SHARE_KEYS = ("min", "max", "x")


def _unknown_field(key: str, allowed: Sequence[str]) -> str:
    """"unknown field", with the field meant when it is a likely typo (prcie -> price)."""
    import difflib

    close = difflib.get_close_matches(key, [a for a in allowed if a != "x"], n=1, cutoff=0.7)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    return f"unknown field{hint} (extensions go under \"x\")"


def _type_name(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f"text {value!r}" if len(value) <= 40 else "text"
    if isinstance(value, (int, float)):
        return f"number {value}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


class _Reader:
    """Structural checks that record problems instead of stopping at the first."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.periods: tuple[str, ...] | None = None

    def fail(self, location: str, message: str) -> None:
        self.problems.append(Problem(location, message))

    def obj(
        self, value: Any, loc: str, allowed: Sequence[str], required: Sequence[str] = ()
    ) -> dict[str, Any] | None:
        if not isinstance(value, dict):
            self.fail(loc or "(top level)", f"must be an object, got {_type_name(value)}")
            return None
        prefix = f"{loc}." if loc else ""
        for key in value:
            if key not in allowed:
                self.fail(f"{prefix}{key}", _unknown_field(str(key), allowed))
        for key in required:
            if value.get(key) is None:
                self.fail(f"{prefix}{key}", "is required")
        self.extensions(value.get("x"), f"{prefix}x")
        return value

    def extensions(self, value: Any, loc: str) -> Mapping[str, Any] | None:
        if value is None:
            return None
        if not isinstance(value, dict):
            self.fail(loc, f"must be an object, got {_type_name(value)}")
            return None
        return value

    def number(self, value: Any, loc: str, default: float = 0.0) -> float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.fail(loc, f"must be a number, got {_type_name(value)}")
            return default
        number = float(value)
        if not math.isfinite(number):  # only reachable from Python callers; JSON refuses NaN
            self.fail(loc, f"must be a finite number, got {value}")
            return default
        return number

    def optional_number(self, value: Any, loc: str) -> float | None:
        return None if value is None else self.number(value, loc)

    def whole(self, value: Any, loc: str, default: int) -> int:
        if value is None:
            return default
        number = self.number(value, loc, float(default))
        if not number.is_integer():
            self.fail(loc, f"must be a whole number, got {value}")
            return default
        return int(number)

    def text(self, value: Any, loc: str, default: str = "") -> str:
        if not isinstance(value, str):
            self.fail(loc, f"must be text, got {_type_name(value)}")
            return default
        return value

    def optional_text(self, value: Any, loc: str) -> str | None:
        return None if value is None else self.text(value, loc)

    def items(self, value: Any, loc: str, *, required: bool) -> list[Any]:
        if value is None:
            if required:
                self.fail(loc, "is required")
            return []
        if not isinstance(value, list):
            self.fail(loc, f"must be a list, got {_type_name(value)}")
            return []
        return value

    def per_period(self, value: Any, loc: str) -> PerPeriod | None:
        """A scalar, a list with one number per period, or an object keyed by every period."""
        if value is None:
            return None
        periods = self.periods
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            n = len(periods) if periods is not None else 1
            return (self.number(value, loc),) * n
        if periods is None:  # periods are broken: the shape cannot be checked
            return None
        if isinstance(value, list):
            if len(value) != len(periods):
                self.fail(loc, f"needs {len(periods)} values (one per period), got {len(value)}")
                return (0.0,) * len(periods)
            return tuple(
                self.number(v, loc + period_key(label))
                for label, v in zip(periods, value, strict=True)
            )
        if isinstance(value, dict):
            for key in value:
                if key not in periods:
                    self.fail(loc + period_key(key), "is not one of the periods")
            values = []
            for label in periods:
                if label not in value:
                    self.fail(loc + period_key(label), "is missing (every period needs a value)")
                    values.append(0.0)
                else:
                    values.append(self.number(value[label], loc + period_key(label)))
            return tuple(values)
        self.fail(
            loc,
            "must be a number, a list with one number per period, or an object keyed by "
            f"period, got {_type_name(value)}",
        )
        return (0.0,) * len(periods)

    def required_per_period(self, value: Any, loc: str) -> PerPeriod:
        result = self.per_period(value, loc)
        if result is None:
            return (0.0,) * len(self.periods or ())
        return result


def _read_periods(r: _Reader, value: Any) -> tuple[str, ...]:
    if value is None:
        r.fail("periods", "is required")
        return ()
    if not isinstance(value, list):
        r.fail("periods", f"must be a list of period labels, got {_type_name(value)}")
        return ()
    labels = [r.text(v, f"periods[{i}]", default=f"#{i}") for i, v in enumerate(value)]
    if all(isinstance(v, str) for v in value):
        r.periods = tuple(labels)
    return tuple(labels)


def _read_list(
    r: _Reader, data: dict[str, Any], key: str, read: Callable[[_Reader, Any, str], T], *,
    required: bool,
) -> tuple[T, ...]:
    entries = r.items(data.get(key), key, required=required)
    return tuple(read(r, entry, f"{key}[{i}]") for i, entry in enumerate(entries))


def _read_vendor(r: _Reader, value: Any, loc: str) -> Vendor:
    d = r.obj(value, loc, _VENDOR_KEYS, ("id", "category")) or {}
    return Vendor(
        id=r.text(d.get("id", ""), f"{loc}.id") if d.get("id") is not None else "",
        category=r.text(d["category"], f"{loc}.category") if d.get("category") is not None else "?",
        name=r.optional_text(d.get("name"), f"{loc}.name"),
        risk=r.optional_number(d.get("risk"), f"{loc}.risk") or 0.0,
        max_share=r.optional_number(d.get("max_share"), f"{loc}.max_share"),
        x=r.extensions(d.get("x"), f"{loc}.x"),
    )


def _read_chip(r: _Reader, value: Any, loc: str) -> Chip:
    d = r.obj(value, loc, _CHIP_KEYS, ("id", "vendor", "peak_pflops", "price")) or {}
    peak = d.get("peak_pflops")
    memory = d.get("memory_gb")
    return Chip(
        id=r.text(d["id"], f"{loc}.id") if d.get("id") is not None else "",
        vendor=r.text(d["vendor"], f"{loc}.vendor") if d.get("vendor") is not None else "",
        peak_pflops=r.number(peak, f"{loc}.peak_pflops", 1.0) if peak is not None else 1.0,
        price=r.required_per_period(d.get("price"), f"{loc}.price"),
        name=r.optional_text(d.get("name"), f"{loc}.name"),
        supply=r.per_period(d.get("supply"), f"{loc}.supply"),
        lead_time=r.whole(d.get("lead_time"), f"{loc}.lead_time", 0),
        lifetime=r.whole(d.get("lifetime"), f"{loc}.lifetime", 1)
        if d.get("lifetime") is not None else None,
        lot_size=r.whole(d.get("lot_size"), f"{loc}.lot_size", 1),
        power_kw=r.optional_number(d.get("power_kw"), f"{loc}.power_kw") or 0.0,
        memory_gb=r.optional_number(memory, f"{loc}.memory_gb"),
        price_currency=r.optional_text(d.get("price_currency"), f"{loc}.price_currency"),
        x=r.extensions(d.get("x"), f"{loc}.x"),
    )


def _read_workload(r: _Reader, value: Any, loc: str) -> Workload:
    d = r.obj(value, loc, _WORKLOAD_KEYS, ("id", "demand")) or {}
    efficiency: dict[str, Efficiency] = {}
    raw_eff = d.get("efficiency")
    if raw_eff is not None:
        if isinstance(raw_eff, dict):
            for chip_id, eff in raw_eff.items():
                eloc = f"{loc}.efficiency{period_key(chip_id)}"
                if eff is None:
                    continue
                if isinstance(eff, (list, dict)):  # v2: a ramp, one value per period
                    ramp = r.per_period(eff, eloc)
                    if ramp is not None:
                        efficiency[chip_id] = ramp
                else:
                    efficiency[chip_id] = r.number(eff, eloc)
        else:
            got = _type_name(raw_eff)
            r.fail(f"{loc}.efficiency", f"must be an object keyed by chip id, got {got}")
    return Workload(
        id=r.text(d["id"], f"{loc}.id") if d.get("id") is not None else "",
        demand=r.required_per_period(d.get("demand"), f"{loc}.demand"),
        efficiency=efficiency,
        name=r.optional_text(d.get("name"), f"{loc}.name"),
        memory_demand=r.per_period(d.get("memory_demand"), f"{loc}.memory_demand"),
        x=r.extensions(d.get("x"), f"{loc}.x"),
    )


def _read_fleet_entry(r: _Reader, value: Any, loc: str) -> FleetEntry:
    d = r.obj(value, loc, _FLEET_KEYS, ("chip", "units")) or {}
    units = d.get("units")
    return FleetEntry(
        chip=r.text(d["chip"], f"{loc}.chip") if d.get("chip") is not None else "",
        units=r.number(units, f"{loc}.units") if units is not None else 0.0,
        retire_after=r.optional_text(d.get("retire_after"), f"{loc}.retire_after"),
        in_service_from=r.optional_text(d.get("in_service_from"), f"{loc}.in_service_from"),
        x=r.extensions(d.get("x"), f"{loc}.x"),
    )


def _read_ids(r: _Reader, value: Any, loc: str) -> tuple[str, ...] | None:
    if value is None:
        return None
    if not isinstance(value, list):
        r.fail(loc, f"must be a list of ids, got {_type_name(value)}")
        return ()
    return tuple(r.text(v, f"{loc}[{i}]") for i, v in enumerate(value))


def _read_group(r: _Reader, value: Any, loc: str) -> RiskGroup:
    d = r.obj(value, loc, _GROUP_KEYS, ("id",)) or {}
    return RiskGroup(
        id=r.text(d["id"], f"{loc}.id") if d.get("id") is not None else "",
        name=r.optional_text(d.get("name"), f"{loc}.name"),
        vendors=_read_ids(r, d.get("vendors"), f"{loc}.vendors"),
        chips=_read_ids(r, d.get("chips"), f"{loc}.chips"),
        max_share=r.optional_number(d.get("max_share"), f"{loc}.max_share"),
        x=r.extensions(d.get("x"), f"{loc}.x"),
    )


def _read_fx(r: _Reader, value: Any) -> dict[str, PerPeriod] | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        r.fail("fx", f"must be an object keyed by currency code, got {_type_name(value)}")
        return {}
    rates: dict[str, PerPeriod] = {}
    for code, series in value.items():
        rate = r.per_period(series, f"fx{period_key(code)}")
        if series is None:
            r.fail(f"fx{period_key(code)}", "must be a number or one number per period")
        elif rate is not None:
            rates[code] = rate
    return rates


def _read_budget(r: _Reader, value: Any) -> Budget:
    if value is None:
        return Budget()
    d = r.obj(value, "budget", _BUDGET_KEYS) or {}
    return Budget(
        total=r.optional_number(d.get("total"), "budget.total"),
        per_period=r.per_period(d.get("per_period"), "budget.per_period"),
        x=r.extensions(d.get("x"), "budget.x"),
    )


def _read_limits(r: _Reader, value: Any) -> Limits:
    if value is None:
        return Limits()
    d = r.obj(value, "limits", _LIMITS_KEYS) or {}
    shares: dict[str, CategoryShare] = {}
    raw = d.get("category_share")
    if raw is not None:
        if isinstance(raw, dict):
            for name, entry in raw.items():
                if entry is None:
                    continue
                loc = f"limits.category_share{period_key(name)}"
                e = r.obj(entry, loc, _SHARE_KEYS) or {}
                shares[name] = CategoryShare(
                    min=r.optional_number(e.get("min"), f"{loc}.min"),
                    max=r.optional_number(e.get("max"), f"{loc}.max"),
                    x=r.extensions(e.get("x"), f"{loc}.x"),
                )
        else:
            got = _type_name(raw)
            r.fail("limits.category_share", f"must be an object keyed by category, got {got}")
    coverage = r.optional_number(d.get("outage_coverage"), "limits.outage_coverage")
    return Limits(
        vendor_max_share=r.optional_number(d.get("vendor_max_share"), "limits.vendor_max_share"),
        category_share=shares,
        max_weighted_risk=r.optional_number(d.get("max_weighted_risk"), "limits.max_weighted_risk"),
        outage_coverage=coverage or 0.0,
        x=r.extensions(d.get("x"), "limits.x"),
    )


def scenario_from_data(data: Any, source: str | None = None) -> Scenario:
    """Build a scenario from parsed JSON; raise :class:`ValidationError` listing every problem."""
    r = _Reader()
    d = r.obj(data, "", _TOP_KEYS, ("format",))
    if d is None:
        raise ValidationError(r.problems, source)
    fmt = d.get("format")
    versions = {name: version for version, name in SCENARIO_FORMATS.items()}
    if fmt is not None and fmt not in versions:
        known = " or ".join(repr(f) for f in versions)
        r.fail("format", f"must be {known}, got {_type_name(fmt)}")
    periods = _read_periods(r, d.get("periods"))
    integer = d.get("integer")
    if integer is not None and not isinstance(integer, bool):
        r.fail("integer", f"must be true or false, got {_type_name(integer)}")
    scenario = Scenario(
        periods=periods,
        vendors=_read_list(r, d, "vendors", _read_vendor, required=True),
        chips=_read_list(r, d, "chips", _read_chip, required=True),
        workloads=_read_list(r, d, "workloads", _read_workload, required=True),
        fleet=_read_list(r, d, "fleet", _read_fleet_entry, required=False),
        name=r.optional_text(d.get("name"), "name"),
        currency=r.optional_text(d.get("currency"), "currency"),
        hours=r.per_period(d.get("hours"), "hours"),
        energy_price=r.per_period(d.get("energy_price"), "energy_price"),
        pue=r.per_period(d.get("pue"), "pue"),
        budget=_read_budget(r, d.get("budget")),
        power_cap_kw=r.per_period(d.get("power_cap_kw"), "power_cap_kw"),
        limits=_read_limits(r, d.get("limits")),
        shortfall_penalty=r.optional_number(d.get("shortfall_penalty"), "shortfall_penalty"),
        integer=integer if isinstance(integer, bool) else False,
        version=versions.get(fmt, 1) if isinstance(fmt, str) else 1,
        discount_rate=r.optional_number(d.get("discount_rate"), "discount_rate"),
        periods_per_year=r.whole(d.get("periods_per_year"), "periods_per_year", 4)
        if d.get("periods_per_year") is not None else None,
        fx=_read_fx(r, d.get("fx")),
        risk_groups=_read_list(r, d, "risk_groups", _read_group, required=False),
        x=r.extensions(d.get("x"), "x"),
    )
    problems = list(r.problems)
    seen = {p.location for p in problems}
    # Value rules run on the provisional scenario; a location the structural pass
    # already reported is not reported twice.
    problems += [p for p in validate_scenario(scenario) if p.location not in seen]
    if problems:
        raise ValidationError(problems, source)
    return scenario


def loads_scenario(text: str, source: str | None = None) -> Scenario:
    """Parse a scenario from JSON text."""
    return scenario_from_data(strict_json.loads(text, source), source)


def read_scenario(path: str | Path) -> Scenario:
    """Read a ``procure-scenario/1`` or ``/2`` file."""
    return scenario_from_data(strict_json.load_file(path), str(path))


# --- writing ---------------------------------------------------------------------------

def _num(value: float) -> float | int:
    """Whole numbers are written without ``.0``; reading gives the same float back."""
    if value.is_integer() and abs(value) < 2**53:
        return int(value)
    return value


def _per_period(values: PerPeriod) -> float | int | list[float | int]:
    if values and all(v == values[0] for v in values):
        return _num(values[0])
    return [_num(v) for v in values]


def _put(out: dict[str, Any], key: str, value: Any, absent: Any = None) -> None:
    if value is not absent and value != absent:
        out[key] = value


def scenario_to_data(s: Scenario) -> dict[str, Any]:
    """The JSON object of ``s``; fields at their default are left out."""
    out: dict[str, Any] = {"format": s.format}
    _put(out, "name", s.name)
    _put(out, "currency", s.currency)
    out["periods"] = list(s.periods)
    for key, values in (("hours", s.hours), ("energy_price", s.energy_price), ("pue", s.pue)):
        if values is not None:
            out[key] = _per_period(values)
    out["vendors"] = [_vendor_data(v) for v in s.vendors]
    out["chips"] = [_chip_data(c) for c in s.chips]
    out["workloads"] = [_workload_data(w) for w in s.workloads]
    if s.fleet:
        out["fleet"] = [_fleet_data(f) for f in s.fleet]
    if not s.budget.is_empty:
        budget: dict[str, Any] = {}
        if s.budget.total is not None:
            budget["total"] = _num(s.budget.total)
        if s.budget.per_period is not None:
            budget["per_period"] = _per_period(s.budget.per_period)
        _put(budget, "x", s.budget.x)
        out["budget"] = budget
    if s.power_cap_kw is not None:
        out["power_cap_kw"] = _per_period(s.power_cap_kw)
    if not s.limits.is_empty:
        out["limits"] = _limits_data(s.limits)
    if s.shortfall_penalty is not None:
        out["shortfall_penalty"] = _num(s.shortfall_penalty)
    if s.integer:
        out["integer"] = True
    if s.discount_rate is not None:
        out["discount_rate"] = _num(s.discount_rate)
    if s.periods_per_year is not None:
        out["periods_per_year"] = s.periods_per_year
    if s.fx is not None:
        out["fx"] = {code: _per_period(rates) for code, rates in s.fx.items()}
    if s.risk_groups:
        out["risk_groups"] = [_group_data(g) for g in s.risk_groups]
    _put(out, "x", s.x)
    return out


def _group_data(g: RiskGroup) -> dict[str, Any]:
    out: dict[str, Any] = {"id": g.id}
    _put(out, "name", g.name)
    if g.vendors is not None:
        out["vendors"] = list(g.vendors)
    if g.chips is not None:
        out["chips"] = list(g.chips)
    if g.max_share is not None:
        out["max_share"] = _num(g.max_share)
    _put(out, "x", g.x)
    return out


def _vendor_data(v: Vendor) -> dict[str, Any]:
    out: dict[str, Any] = {"id": v.id}
    _put(out, "name", v.name)
    out["category"] = v.category
    if v.risk:
        out["risk"] = _num(v.risk)
    if v.max_share is not None:
        out["max_share"] = _num(v.max_share)
    _put(out, "x", v.x)
    return out


def _chip_data(c: Chip) -> dict[str, Any]:
    out: dict[str, Any] = {"id": c.id, "vendor": c.vendor}
    _put(out, "name", c.name)
    out["peak_pflops"] = _num(c.peak_pflops)
    if c.memory_gb is not None:
        out["memory_gb"] = _num(c.memory_gb)
    if c.power_kw:
        out["power_kw"] = _num(c.power_kw)
    out["price"] = _per_period(c.price)
    if c.supply is not None:
        out["supply"] = _per_period(c.supply)
    if c.lead_time:
        out["lead_time"] = c.lead_time
    if c.lifetime is not None:
        out["lifetime"] = c.lifetime
    if c.lot_size != 1:
        out["lot_size"] = c.lot_size
    _put(out, "price_currency", c.price_currency)
    _put(out, "x", c.x)
    return out


def _workload_data(w: Workload) -> dict[str, Any]:
    out: dict[str, Any] = {"id": w.id}
    _put(out, "name", w.name)
    out["demand"] = _per_period(w.demand)
    out["efficiency"] = {
        chip: [_num(v) for v in e] if isinstance(e, tuple) else _num(e)
        for chip, e in w.efficiency.items()
    }
    if w.memory_demand is not None:
        out["memory_demand"] = _per_period(w.memory_demand)
    _put(out, "x", w.x)
    return out


def _fleet_data(f: FleetEntry) -> dict[str, Any]:
    out: dict[str, Any] = {"chip": f.chip, "units": _num(f.units)}
    _put(out, "retire_after", f.retire_after)
    _put(out, "in_service_from", f.in_service_from)
    _put(out, "x", f.x)
    return out


def _limits_data(lim: Limits) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if lim.vendor_max_share is not None:
        out["vendor_max_share"] = _num(lim.vendor_max_share)
    if lim.category_share:
        shares: dict[str, Any] = {}
        for name, share in lim.category_share.items():
            entry: dict[str, Any] = {}
            if share.min is not None:
                entry["min"] = _num(share.min)
            if share.max is not None:
                entry["max"] = _num(share.max)
            _put(entry, "x", share.x)
            shares[name] = entry
        out["category_share"] = shares
    if lim.max_weighted_risk is not None:
        out["max_weighted_risk"] = _num(lim.max_weighted_risk)
    if lim.outage_coverage:
        out["outage_coverage"] = _num(lim.outage_coverage)
    _put(out, "x", lim.x)
    return out


def dumps_scenario(s: Scenario) -> str:
    """The scenario as JSON text."""
    return strict_json.dumps(scenario_to_data(s))


def write_scenario(s: Scenario, path: str | Path) -> None:
    """Write ``s`` to ``path`` atomically: a crash never leaves half a file."""
    atomic_write_text(Path(path), dumps_scenario(s))
