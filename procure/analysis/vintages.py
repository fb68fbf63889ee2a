"""The stressed scenario: overrides plus *vintage copies* of chips whose orders an event changes.

Some events change what happens to orders placed *before* them: an export licence
strands units in transit (paid, never delivered), a supplier that exits stops
supporting the units it sold, a slipping in-house chip delivers late what was
ordered on time. The planning model has no such notion, so each affected
(chip, order period) becomes a copy of the chip, ``"{chip}@{period}"``, that can
be ordered only in that period and whose lead time and lifetime say what the event
does to those units:

* **blocked** (in transit when imports stop): lead time past the horizon, so the
  units cost their capex and never serve;
* **delayed** by N periods (a slip): lead time + N;
* **service ends** after period e (support withdrawn): lifetime trimmed so the
  units serve up to and including e (past the horizon if they arrive after e).

The copy takes over the original's supply allocation of that period (the original
gets 0 there), keeps its vendor, price, power and efficiencies, so spend, shares
and risk count exactly as before. The same stressed scenario serves both answers
of a stress test: *re-plan* solves it freely (copies included, so re-plan's choices
are a superset of hold's and hold is never cheaper), *hold* solves it with the
base plan's orders before the event fixed (see :meth:`StressCase.hold_orders`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from procure.analysis.overrides import NO_LIMIT, Override, apply_overrides
from procure.domain.model import Chip, Scenario
from procure.domain.result import Result

VINTAGE_SEPARATOR = "@"


@dataclass(frozen=True)
class VintageSpec:
    """What an event does to the orders of ``chip`` placed in period index ``period``."""

    chip: str
    period: int
    delay: int = 0  # extra periods before the units arrive
    blocked: bool = False  # never delivered
    service_end: int | None = None  # last period in service (index); None: the chip's own life


@dataclass(frozen=True)
class TemplatePlan:
    """What a stress template does to a scenario, as data (see ``procure.analysis.templates``)."""

    event: int  # index of the period the event happens (hold fixes orders before it)
    overrides: tuple[Override, ...] = ()
    vintages: tuple[VintageSpec, ...] = ()
    cancelled: tuple[tuple[str, int], ...] = ()  # (chip, period) orders cancelled, not paid
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Vintage:
    """A vintage copy in the stressed scenario."""

    chip: str  # the copy's id
    source: str  # the original chip's id
    period: str  # the only period it can be ordered in
    stranded: bool  # would have served in the base plan, never serves now


@dataclass(frozen=True)
class StressCase:
    """A stressed scenario ready to solve, with what hold needs to know."""

    name: str
    base: Scenario
    scenario: Scenario
    event: int
    vintages: tuple[Vintage, ...] = ()
    cancelled: tuple[tuple[str, int], ...] = ()
    notes: tuple[str, ...] = ()
    description: Mapping[str, object] = field(default_factory=dict)

    @property
    def event_period(self) -> str:
        return self.scenario.periods[self.event]

    def source_of(self, chip: str) -> str:
        """The original chip of a vintage copy (a chip's own id otherwise)."""
        for v in self.vintages:
            if v.chip == chip:
                return v.source
        return chip

    def hold_orders(self, base_result: Result) -> dict[str, dict[str, float]]:
        """The base plan's orders placed before the event, keyed for the stressed scenario.

        Every order (zero included) of every base chip in the periods before the event
        is fixed; an order of a vintage (chip, period) is fixed on its copy and a
        cancelled order at 0. Orders are clipped to the period's supply so that the
        solver's rounding in the base plan cannot make the hold infeasible.
        """
        copies = {(v.source, self.base.periods.index(v.period)): v.chip for v in self.vintages}
        cancelled = set(self.cancelled)
        chips = {c.id: c for c in self.scenario.chips}
        fixed: dict[str, dict[str, float]] = {}
        for chip in self.base.chips:
            for t in range(self.event):
                period = self.base.periods[t]
                units = max(float(base_result.buy.get(chip.id, {}).get(period, 0.0)), 0.0)
                target = copies.get((chip.id, t), chip.id)
                if (chip.id, t) in cancelled:
                    units = 0.0
                fixed.setdefault(target, {})[period] = _fit(units, chips[target], t, self.base)
                if target != chip.id:
                    fixed.setdefault(chip.id, {})[period] = 0.0
        return fixed


def _fit(units: float, chip: Chip, t: int, s: Scenario) -> float:
    """Units clipped to supply; whole lots in integer mode."""
    if chip.supply is not None:
        units = min(units, chip.supply[t])
    if s.integer:
        units = round(units / chip.lot_size) * chip.lot_size
    return units


def _copy(chip: Chip, spec: VintageSpec, periods: tuple[str, ...], new_id: str) -> Chip:
    n = len(periods)
    t = spec.period
    lead = chip.lead_time + spec.delay
    lifetime = chip.lifetime
    arrival = t + lead
    never = spec.blocked
    if spec.service_end is not None and not never:
        if arrival > spec.service_end:
            never = True
        else:
            room = spec.service_end - arrival + 1
            lifetime = room if lifetime is None else min(lifetime, room)
    if never:
        lead = n - t  # arrives just after the horizon: paid, never in service
    allocation = chip.supply[t] if chip.supply is not None else NO_LIMIT
    supply = tuple(allocation if i == t else 0.0 for i in range(n))
    name = f"{chip.name or chip.id} (ordered {periods[t]})"
    x = {"procure": {"vintage_of": chip.id, "ordered": periods[t]}}
    return replace(chip, id=new_id, name=name, supply=supply, lead_time=lead,
                   lifetime=lifetime, x=x)


def build_case(
    base: Scenario, plan: TemplatePlan, *, name: str, extra: tuple[Override, ...] = (),
    description: Mapping[str, object] | None = None,
) -> StressCase:
    """The stressed scenario of ``plan`` (then ``extra`` overrides) on ``base``.

    Vintage copies are made from the base chip (its supply in the order period), the
    template's overrides are applied to the original chips, then the copies are added
    and the originals' supply in the copies' periods set to 0.
    """
    chips = {c.id: c for c in base.chips}
    taken = set(chips)
    copies: list[Chip] = []
    vintages: list[Vintage] = []
    zero: list[tuple[str, int]] = list(plan.cancelled)
    for spec in plan.vintages:
        original = chips[spec.chip]
        new_id = f"{spec.chip}{VINTAGE_SEPARATOR}{base.periods[spec.period]}"
        while new_id in taken:
            new_id += "'"
        taken.add(new_id)
        copy = _copy(original, spec, base.periods, new_id)
        would_serve = spec.period + original.lead_time < len(base.periods)
        serves = spec.period + copy.lead_time < len(base.periods)
        copies.append(copy)
        vintages.append(Vintage(new_id, spec.chip, base.periods[spec.period],
                                would_serve and not serves))
        zero.append((spec.chip, spec.period))
    s = apply_overrides(base, plan.overrides)
    s = _zero_supply(s, zero)
    s = _add_copies(s, copies, vintages)
    s = apply_overrides(s, extra)
    return StressCase(name, base, s, plan.event, tuple(vintages), plan.cancelled, plan.notes,
                      dict(description or {}))


def _zero_supply(s: Scenario, cells: list[tuple[str, int]]) -> Scenario:
    if not cells:
        return s
    by_chip: dict[str, set[int]] = {}
    for chip, t in cells:
        by_chip.setdefault(chip, set()).add(t)
    chips = []
    for c in s.chips:
        if c.id in by_chip:
            old = c.supply if c.supply is not None else (NO_LIMIT,) * len(s.periods)
            c = replace(c, supply=tuple(0.0 if t in by_chip[c.id] else v
                                        for t, v in enumerate(old)))
        chips.append(c)
    return replace(s, chips=tuple(chips))


def _add_copies(s: Scenario, copies: list[Chip], vintages: list[Vintage]) -> Scenario:
    if not copies:
        return s
    source = {v.chip: v.source for v in vintages}
    workloads = []
    for w in s.workloads:
        eff = dict(w.efficiency)
        for copy in copies:
            if eff.get(source[copy.id], 0) > 0:
                eff[copy.id] = eff[source[copy.id]]
        workloads.append(replace(w, efficiency=eff))
    return replace(s, chips=(*s.chips, *copies), workloads=tuple(workloads))


__all__ = ["StressCase", "TemplatePlan", "Vintage", "VintageSpec", "build_case"]
