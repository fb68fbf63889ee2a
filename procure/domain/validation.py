"""Value rules of the planning model, checked on domain objects.

The file reader checks structure (types, keys, shapes) and then calls
:func:`validate_scenario` for the rules that concern values and references, so
a scenario built in the GUI or read from a database is held to exactly the same
rules as one read from JSON. Every problem is reported, each with its location
in the file's own notation and worded by a sentence of :mod:`procure.phrases`,
so the GUI can show it in Chinese while the command line keeps the English.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence

from procure.domain.model import PerPeriod, Scenario
from procure.domain.text_checks import text_problems
from procure.errors import Problem, ValidationError
from procure.phrases import Term

# The largest magnitude any input may have. HiGHS treats 1e20 as infinite and loses
# precision long before; no real plan needs more than this (in any currency or unit),
# so a larger value is a typo or an attack, refused where it is rather than letting the
# solver fail ("Model error") or, worse, answer wrongly.
MAX_MAGNITUDE = 1e15
# The largest whole number (lot sizes, lead times, lifetimes, periods per year).
MAX_WHOLE = 1_000_000


def period_key(label: str) -> str:
    """The ``["2026Q2"]`` part of a location, quoted as JSON would."""
    return "[" + json.dumps(label, ensure_ascii=False) + "]"


def fmt_number(value: float) -> str:
    """A number as a planner typed it: 5 rather than 5.0."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(value)


class _Collector:
    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, location: str, key: str, **values: object) -> None:
        self.problems.append(Problem.phrased(location, key, **values))

    def number(
        self,
        location: str,
        value: float,
        *,
        low: float | None = None,
        high: float | None = None,
        strict_low: bool = False,
    ) -> None:
        if not isinstance(value, (int, float)) or isinstance(value, bool):  # tampered rows
            self.problems.append(Problem(location, f"must be a number, not {value!r:.40}"))
            return
        if not math.isfinite(value):
            self.add(location, "v_finite", value=str(value))
            return
        if abs(value) > MAX_MAGNITUDE:
            self.add(location, "v_magnitude", limit=f"{MAX_MAGNITUDE:g}",
                     value=f"{value:g}")
            return
        if low is not None:
            if strict_low and value <= low:
                self.add(location, "v_gt", low=fmt_number(low), value=fmt_number(value))
                return
            if not strict_low and value < low:
                self.add(location, "v_ge", low=fmt_number(low), value=fmt_number(value))
                return
        if high is not None and value > high:
            self.add(location, "v_le", high=fmt_number(high), value=fmt_number(value))

    def per_period(
        self,
        location: str,
        values: PerPeriod | None,
        periods: Sequence[str],
        *,
        low: float = 0.0,
        high: float | None = None,
        strict_low: bool = False,
    ) -> None:
        if values is None:
            return
        if len(values) != len(periods):
            self.add(location, "v_count", count=len(periods), got=len(values))
            return
        for label, value in zip(periods, values, strict=True):
            self.number(location + period_key(label), value, low=low, high=high,
                        strict_low=strict_low)

    def whole(self, location: str, value: int, *, low: int) -> None:
        if not isinstance(value, int) or isinstance(value, bool):  # tampered rows
            self.problems.append(Problem(location, f"must be a whole number, not {value!r:.40}"))
        elif value < low:
            self.add(location, "v_whole", low=low, value=value)
        elif value > MAX_WHOLE:
            self.add(location, "v_whole_magnitude", limit=MAX_WHOLE, value=f"{value:g}")

    def identifier(self, location: str, value: str, what: str) -> None:
        """``what`` is the phrase key naming the identifier (``v_chip_id``)."""
        if not value:
            self.add(location, "v_id_empty", what=Term(what))
        elif ":" in value:
            self.add(location, "v_id_colon", what=Term(what), value=repr(value))

    def unique(self, ids: Iterable[str], path: str, what: str) -> None:
        """``what`` is the phrase key naming the entity (``v_chip``)."""
        seen: dict[str, int] = {}
        for i, ident in enumerate(ids):
            if ident in seen:
                first = f"{path}[{seen[ident]}]"
                self.add(f"{path}[{i}].id", "v_duplicate_id", what=Term(what),
                         value=repr(ident), first=first)
            else:
                seen[ident] = i


def validate_scenario(scenario: Scenario) -> list[Problem]:
    """Every value and reference problem of ``scenario``; empty when it is valid."""
    c = _Collector()
    periods = scenario.periods
    _check_periods(c, periods)
    _check_vendors(c, scenario)
    _check_chips(c, scenario)
    _check_workloads(c, scenario)
    _check_fleet(c, scenario)
    _check_money_and_power(c, scenario)
    _check_limits(c, scenario)
    _check_version_2(c, scenario)
    c.problems.extend(text_problems(scenario))
    return c.problems


def ensure_valid(scenario: Scenario, source: str | None = None) -> Scenario:
    """Return ``scenario`` unchanged, or raise :class:`ValidationError` with every problem."""
    problems = validate_scenario(scenario)
    if problems:
        raise ValidationError(problems, source)
    return scenario


def _check_periods(c: _Collector, periods: Sequence[str]) -> None:
    if not periods:
        c.add("periods", "v_no_periods")
    seen: set[str] = set()
    for i, label in enumerate(periods):
        c.identifier(f"periods[{i}]", label, "v_period_label")
        if label in seen:
            c.add(f"periods[{i}]", "v_duplicate_period", value=repr(label))
        seen.add(label)


def _check_vendors(c: _Collector, s: Scenario) -> None:
    if not s.vendors:
        c.add("vendors", "v_no_vendors")
    c.unique((v.id for v in s.vendors), "vendors", "v_vendor")
    for i, v in enumerate(s.vendors):
        loc = f"vendors[{i}]"
        c.identifier(f"{loc}.id", v.id, "v_vendor_id")
        if not v.category:
            c.add(f"{loc}.category", "v_empty")
        c.number(f"{loc}.risk", v.risk, low=0.0, high=1.0)
        if v.max_share is not None:
            c.number(f"{loc}.max_share", v.max_share, low=0.0, high=1.0)


def _check_chips(c: _Collector, s: Scenario) -> None:
    vendor_ids = {v.id for v in s.vendors}
    c.unique((ch.id for ch in s.chips), "chips", "v_chip")
    for i, ch in enumerate(s.chips):
        loc = f"chips[{i}]"
        c.identifier(f"{loc}.id", ch.id, "v_chip_id")
        if ch.vendor not in vendor_ids:
            c.add(f"{loc}.vendor", "v_unknown_vendor", value=repr(ch.vendor))
        c.number(f"{loc}.peak_pflops", ch.peak_pflops, low=0.0, strict_low=True)
        c.per_period(f"{loc}.price", ch.price, s.periods)
        c.per_period(f"{loc}.supply", ch.supply, s.periods)
        c.whole(f"{loc}.lead_time", ch.lead_time, low=0)
        if ch.lifetime is not None:
            c.whole(f"{loc}.lifetime", ch.lifetime, low=1)
        c.whole(f"{loc}.lot_size", ch.lot_size, low=1)
        c.number(f"{loc}.power_kw", ch.power_kw, low=0.0)
        if ch.memory_gb is not None:
            c.number(f"{loc}.memory_gb", ch.memory_gb, low=0.0)


def _check_workloads(c: _Collector, s: Scenario) -> None:
    chip_ids = {ch.id for ch in s.chips}
    c.unique((w.id for w in s.workloads), "workloads", "v_workload")
    for i, w in enumerate(s.workloads):
        loc = f"workloads[{i}]"
        c.identifier(f"{loc}.id", w.id, "v_workload_id")
        c.per_period(f"{loc}.demand", w.demand, s.periods)
        for chip_id, eff in w.efficiency.items():
            eloc = f"{loc}.efficiency{period_key(chip_id)}"
            if chip_id not in chip_ids:
                c.add(eloc, "v_unknown_chip", value=repr(chip_id))
            if isinstance(eff, tuple):
                c.per_period(eloc, eff, s.periods, high=1.0)
            else:
                c.number(eloc, eff, low=0.0, high=1.0)
        c.per_period(f"{loc}.memory_demand", w.memory_demand, s.periods)


def _check_fleet(c: _Collector, s: Scenario) -> None:
    chip_ids = {ch.id for ch in s.chips}
    for i, f in enumerate(s.fleet):
        loc = f"fleet[{i}]"
        if f.chip not in chip_ids:
            c.add(f"{loc}.chip", "v_unknown_chip", value=repr(f.chip))
        c.number(f"{loc}.units", f.units, low=0.0)
        if f.retire_after is not None and f.retire_after not in s.periods:
            c.add(f"{loc}.retire_after", "v_not_a_period", value=repr(f.retire_after))
        if f.in_service_from is not None:
            if f.in_service_from not in s.periods:
                c.add(f"{loc}.in_service_from", "v_not_a_period", value=repr(f.in_service_from))
            elif f.retire_after in s.periods and (
                s.periods.index(f.in_service_from) > s.periods.index(f.retire_after)
            ):
                c.add(f"{loc}.in_service_from", "v_in_service_order", field="in_service_from",
                      start=repr(f.in_service_from), other="retire_after",
                      end=repr(f.retire_after))


def _check_money_and_power(c: _Collector, s: Scenario) -> None:
    c.per_period("hours", s.hours, s.periods)
    c.per_period("energy_price", s.energy_price, s.periods)
    c.per_period("pue", s.pue, s.periods)
    if s.budget.total is not None:
        c.number("budget.total", s.budget.total, low=0.0)
    c.per_period("budget.per_period", s.budget.per_period, s.periods)
    c.per_period("power_cap_kw", s.power_cap_kw, s.periods)
    if s.shortfall_penalty is not None:
        c.number("shortfall_penalty", s.shortfall_penalty, low=0.0)


def _check_limits(c: _Collector, s: Scenario) -> None:
    lim = s.limits
    if lim.vendor_max_share is not None:
        c.number("limits.vendor_max_share", lim.vendor_max_share, low=0.0, high=1.0)
    if lim.max_weighted_risk is not None:
        c.number("limits.max_weighted_risk", lim.max_weighted_risk, low=0.0, high=1.0)
    c.number("limits.outage_coverage", lim.outage_coverage, low=0.0, high=1.0)
    categories = set(s.categories())
    for name, share in lim.category_share.items():
        loc = f"limits.category_share{period_key(name)}"
        if name not in categories:
            known: object = ", ".join(sorted(categories)) or Term("v_none")
            c.add(loc, "v_unknown_category", value=repr(name), known=known)
        if share.min is not None:
            c.number(f"{loc}.min", share.min, low=0.0, high=1.0)
        if share.max is not None:
            c.number(f"{loc}.max", share.max, low=0.0, high=1.0)


def _check_version_2(c: _Collector, s: Scenario) -> None:
    """The fields of ``planning-model-v2.md``; in a version-1 scenario each is an error."""
    if s.version == 1:
        for location in s.uses_v2_fields():
            c.add(location, "v_version_two_field", format='"format": "procure-scenario/2"')
        return
    if s.discount_rate is not None:
        c.number("discount_rate", s.discount_rate, low=0.0)
    if s.periods_per_year is not None:
        c.whole("periods_per_year", s.periods_per_year, low=1)
    _check_currencies(c, s)
    _check_groups(c, s)


def _check_currencies(c: _Collector, s: Scenario) -> None:
    uses_currency = s.fx is not None or any(ch.price_currency is not None for ch in s.chips)
    if uses_currency and not s.currency:
        c.add("currency", "v_needs_currency", field='"currency"')
    rates = s.fx or {}
    for code, series in rates.items():
        loc = f"fx{period_key(code)}"
        if code == s.currency:
            c.add(loc, "v_fx_is_plan_currency", value=repr(code))
        c.per_period(loc, series, s.periods, low=0.0, strict_low=True)
    for i, ch in enumerate(s.chips):
        code = ch.price_currency
        if code is None or code == s.currency:
            continue
        if code not in rates:
            known: object = ", ".join(sorted(rates)) or Term("v_none")
            c.add(f"chips[{i}].price_currency", "v_unknown_currency", value=repr(code),
                  field='"fx"', known=known)


def _check_groups(c: _Collector, s: Scenario) -> None:
    vendor_ids = {v.id for v in s.vendors}
    chip_ids = {ch.id for ch in s.chips}
    c.unique((g.id for g in s.risk_groups), "risk_groups", "v_group")
    for i, g in enumerate(s.risk_groups):
        loc = f"risk_groups[{i}]"
        c.identifier(f"{loc}.id", g.id, "v_group_id")
        if g.id in vendor_ids:
            c.add(f"{loc}.id", "v_group_id_vendor", value=repr(g.id))
        for j, vendor in enumerate(g.vendors or ()):
            if vendor not in vendor_ids:
                c.add(f"{loc}.vendors[{j}]", "v_unknown_vendor", value=repr(vendor))
        for j, chip in enumerate(g.chips or ()):
            if chip not in chip_ids:
                c.add(f"{loc}.chips[{j}]", "v_unknown_chip", value=repr(chip))
        if not g.chip_ids(s):
            c.add(loc, "v_group_empty")
        if g.max_share is not None:
            c.number(f"{loc}.max_share", g.max_share, low=0.0, high=1.0)
