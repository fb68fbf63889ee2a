"""Adding and removing planning periods as edits with exact inverses.

A period is a column through the whole scenario: every per-period tuple (chip
prices and supply, workload demand, the budget per period, the power cap, hours,
energy price, PUE) holds one value for it, and fleet rows may name it in
``retire_after``. :class:`InsertPeriod` and :class:`RemovePeriod` change all of
them at once, so a plan never passes through a state where the tuples and the
periods disagree (which :class:`~procure.domain.edits.SetField` cannot express).

Per-period fields that are not set (``None``: no supply limit, no power cap) stay
unset; ids inside free-form ``x`` objects, such as the override paths of
``x.procure.variants``, are the planner's own data and are not rewritten (an
override naming a removed period is reported when that variant is applied).

The edits live apart from :mod:`procure.domain.edits` (which lists them in its
``Edit`` union) and import nothing from it, so neither module needs the other
half-loaded.
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from procure.domain.model import PerPeriod, Scenario
from procure.domain.validation import period_key
from procure.errors import Problem, ValidationError

if TYPE_CHECKING:
    from procure.domain.edits import Edit

SeriesPath = tuple[str, ...]
"""Where a per-period tuple lives, as edit paths name it: ``("chips", "h20", "price")``."""

_ALL_AREAS = frozenset({"settings", "vendors", "chips", "workloads", "fleet", "budget",
                        "limits"})  # every area: a period is a column through all of them
_PLAN_SERIES = ("hours", "energy_price", "pue", "power_cap_kw")
_QUARTER = re.compile(r"^(\d{4})(\D{0,3})Q([1-4])$")
_MONTH = re.compile(r"^(\d{4})([-/.]?)(\d{2})$")
_YEAR = re.compile(r"^\d{4}$")


def next_period_label(periods: Sequence[str]) -> str:
    """The label a planner most likely wants after the last period.

    ``2027Q4`` -> ``2028Q1`` (any separator before the ``Q`` is kept), ``2026-12``
    -> ``2027-01``, ``2027`` -> ``2028``; anything else ``P{n+1}``, counting up
    until the label is free.
    """
    last = periods[-1] if periods else ""
    if m := _QUARTER.match(last):
        year, sep, quarter = int(m[1]), m[2], int(m[3])
        year, quarter = (year + 1, 1) if quarter == 4 else (year, quarter + 1)
        label = f"{year}{sep}Q{quarter}"
    elif (m := _MONTH.match(last)) and 1 <= int(m[3]) <= 12:
        year, sep, month = int(m[1]), m[2], int(m[3])
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        label = f"{year}{sep}{month:02d}"
    elif _YEAR.match(last):
        label = str(int(last) + 1)
    else:
        label = ""
    taken = set(periods)
    if label and label not in taken:
        return label
    n = len(periods) + 1
    while f"P{n}" in taken:
        n += 1
    return f"P{n}"


def per_period_series(scenario: Scenario) -> Iterator[tuple[SeriesPath, PerPeriod]]:
    """Every per-period tuple that is set, with its path, in a fixed order."""
    for name in _PLAN_SERIES:
        values = getattr(scenario, name)
        if values is not None:
            yield (name,), values
    if scenario.budget.per_period is not None:
        yield ("budget", "per_period"), scenario.budget.per_period
    for chip in scenario.chips:
        yield ("chips", chip.id, "price"), chip.price
        if chip.supply is not None:
            yield ("chips", chip.id, "supply"), chip.supply
    for workload in scenario.workloads:
        yield ("workloads", workload.id, "demand"), workload.demand


def _map_series(
    scenario: Scenario, change: Callable[[SeriesPath, PerPeriod], PerPeriod]
) -> Scenario:
    """A copy of ``scenario`` with ``change`` applied to every per-period tuple that is set."""

    def opt(path: SeriesPath, values: PerPeriod | None) -> PerPeriod | None:
        return None if values is None else change(path, values)

    budget = scenario.budget
    if budget.per_period is not None:
        budget = dataclasses.replace(
            budget, per_period=change(("budget", "per_period"), budget.per_period))
    chips = tuple(
        dataclasses.replace(c, price=change(("chips", c.id, "price"), c.price),
                            supply=opt(("chips", c.id, "supply"), c.supply))
        for c in scenario.chips
    )
    workloads = tuple(
        dataclasses.replace(w, demand=change(("workloads", w.id, "demand"), w.demand))
        for w in scenario.workloads
    )
    plan: dict[str, Any] = {name: opt((name,), getattr(scenario, name)) for name in _PLAN_SERIES}
    return dataclasses.replace(scenario, budget=budget, chips=chips, workloads=workloads, **plan)


def _fail(location: str, message: str) -> ValidationError:
    return ValidationError([Problem(location, message)])


def _location(path: SeriesPath) -> str:
    """``chips["h20"].price``: a series path as the audit log and the edits name it."""
    if len(path) == 3 and path[0] in ("chips", "workloads"):
        return f"{path[0]}{period_key(str(path[1]))}.{path[2]}"
    return ".".join(str(part) for part in path)


def _check_length(path: SeriesPath, values: PerPeriod, n: int) -> None:
    if len(values) != n:
        raise _fail(_location(path), f"needs {n} values (one per period), got {len(values)}")


@dataclass(frozen=True)
class InsertPeriod:
    """Insert period ``period`` before index ``at`` (``None``: after the last period).

    Every per-period value of the new period is copied from the period before it (the
    one after it when inserting first), which is what a planner extending the horizon
    expects: prices, supply, demand and budgets carry on until changed. ``values``
    gives some or all of them explicitly, by series path. ``retiring`` lists fleet rows
    that retire after the new period; each must now retire after the period before
    it. Both exist so that :class:`RemovePeriod` has an exact inverse.
    """

    period: str
    at: int | None = None
    values: tuple[tuple[SeriesPath, float], ...] = ()
    retiring: tuple[int, ...] = ()

    def apply(self, scenario: Scenario) -> tuple[Scenario, Edit]:
        periods = scenario.periods
        n = len(periods)
        at = n if self.at is None else self.at
        if not isinstance(self.period, str) or not self.period.strip():
            raise _fail("periods", "a new period needs a label")
        if self.period in periods:
            raise _fail("periods", f"there is already a period {self.period!r}")
        if isinstance(at, bool) or not isinstance(at, int) or not 0 <= at <= n:
            raise _fail("periods", f"cannot insert a period at position {at} of {n}")
        explicit = self._explicit(scenario)
        source = at - 1 if at > 0 else 0

        def insert(path: SeriesPath, values: PerPeriod) -> PerPeriod:
            _check_length(path, values, n)
            if path in explicit:
                value = explicit[path]
            elif n:
                value = values[source]
            else:
                raise _fail(_location(path), "has no period to copy a value from")
            return (*values[:at], value, *values[at:])

        new = _map_series(scenario, insert)
        fleet = list(new.fleet)
        before = periods[at - 1] if at > 0 else None
        for i in self.retiring:
            if isinstance(i, bool) or not isinstance(i, int) or not 0 <= i < len(fleet):
                raise _fail("fleet", f"no fleet entry {i!r} (there are {len(fleet)})")
            if before is None or fleet[i].retire_after != before:
                raise _fail(f"fleet[{i}].retire_after",
                            f"must retire after {before!r} to move to the new period")
            fleet[i] = dataclasses.replace(fleet[i], retire_after=self.period)
        new = dataclasses.replace(new, periods=(*periods[:at], self.period, *periods[at:]),
                                  fleet=tuple(fleet))
        return new, RemovePeriod(self.period)

    def _explicit(self, scenario: Scenario) -> dict[SeriesPath, float]:
        known = {path for path, _ in per_period_series(scenario)}
        explicit: dict[SeriesPath, float] = {}
        for path, value in self.values:
            if path not in known:
                raise _fail(_location(path), "is not a per-period series of this plan")
            if isinstance(value, bool) or not isinstance(value, (int, float)) \
                    or not math.isfinite(value):
                raise _fail(_location(path), f"must be a finite number, got {value!r}")
            explicit[path] = float(value)
        return explicit

    @property
    def areas(self) -> frozenset[str]:
        return _ALL_AREAS

    @property
    def label(self) -> str:
        return f"Add period {self.period}"


@dataclass(frozen=True)
class RemovePeriod:
    """Remove period ``period``: every per-period tuple loses that column.

    Fleet rows that retire after the removed period retire after the period before
    it instead: the units leave the fleet no later than planned, so the plan never
    counts on capacity the planner did not have. Removing the first period while a
    fleet row retires after it is refused, naming the rows, because there is no
    earlier period and only the planner can say whether those units still count.
    A plan keeps at least one period.
    """

    period: str

    def apply(self, scenario: Scenario) -> tuple[Scenario, Edit]:
        periods = scenario.periods
        if self.period not in periods:
            raise _fail("periods", f"there is no period {self.period!r}")
        if len(periods) == 1:
            raise _fail("periods", "a plan needs at least one period; add another first")
        k = periods.index(self.period)
        moved = tuple(i for i, f in enumerate(scenario.fleet) if f.retire_after == self.period)
        if moved and k == 0:
            rows = ", ".join(f"fleet[{i}] ({scenario.fleet[i].chip})" for i in moved)
            raise _fail(f"fleet[{moved[0]}].retire_after",
                        f"{rows} retire after {self.period!r}, the first period, so it cannot "
                        "be removed; delete those fleet rows or change when they retire first")
        removed: list[tuple[SeriesPath, float]] = []

        def drop(path: SeriesPath, values: PerPeriod) -> PerPeriod:
            _check_length(path, values, len(periods))
            removed.append((path, values[k]))
            return (*values[:k], *values[k + 1:])

        new = _map_series(scenario, drop)
        fleet = tuple(dataclasses.replace(f, retire_after=periods[k - 1]) if i in moved else f
                      for i, f in enumerate(new.fleet))
        new = dataclasses.replace(new, periods=(*periods[:k], *periods[k + 1:]), fleet=fleet)
        return new, InsertPeriod(self.period, k, tuple(removed), moved)

    @property
    def areas(self) -> frozenset[str]:
        return _ALL_AREAS

    @property
    def label(self) -> str:
        return f"Remove period {self.period}"
