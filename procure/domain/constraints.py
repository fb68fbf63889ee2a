"""The kinds of constraint rows: each declared once, with everything the product needs to know.

A row of the model is named as the spec names it (``capacity:h20:2026Q1``,
``budget:total``, ``outage_group:smic:infer:2026Q3``). Every module that reads a
row's name (extraction, diagnosis, relaxation, wording, memo prose, sweeps, the
window) asks this registry what the row is, instead of comparing strings:

* its spec name pattern, and how a name is parsed into its ids;
* its sense (``<=`` or ``>=``) and the unit of its right-hand side;
* whether it is a share row (right-hand side = limit x total new spend, shadow
  price per 1.0 of the limit);
* the step a planner thinks in (one percentage point, 0.01 of risk, one
  currency unit, one kW, one PFLOP/s, one TB);
* whether a planner sets it (budgets, shares, ...) or it follows from the
  plan (capacity), and whether it can be ranged (its right-hand side is a
  constant of the scenario);
* how it relaxes: the direction and the scenario field that moves.

Adding a row kind means: a :class:`RowKind` here, its build function and
lhs/rhs evaluator in :mod:`procure.optimiser.rows`, and its sentences.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum


class Sense(StrEnum):
    LE = "<="
    GE = ">="


class Unit(StrEnum):
    """The unit of a row's right-hand side (and of ``relax_by``)."""

    UNITS = "units"
    PFLOPS = "PFLOP/s"
    TB = "TB"
    MONEY = "money"
    KW = "kW"
    SHARE = "share"  # a fraction of total new spend (share rows: per 1.0 of the limit)
    RISK = "risk"  # spend-weighted risk score (per 1.0 of the limit)


class Group(StrEnum):
    """How a planner groups limits when reading a result (binding-limits view, memo)."""

    BUDGET = "budget"
    SHARE = "share"
    RISK = "risk"
    COVERAGE = "coverage"
    SUPPLY = "supply"
    POWER = "power"
    DEMAND = "demand"
    DERIVED = "derived"


@dataclass(frozen=True)
class RowKind:
    """One kind of named row. ``key`` is unique; ``prefix`` is the name's first part."""

    key: str
    pattern: str
    sense: Sense
    unit: Unit
    group: Group
    share: bool = False
    step: float = 1.0
    relaxable: bool = True
    relax_path: tuple[str, ...] = ()
    """The scenario value a relaxation moves, as an edit path (``{vendor}``, ``{period}``
    etc. filled from the row's name): ``("budget", "per_period", "{period}")``."""
    loosen_up: bool = True
    """True when relaxing raises the scenario's number (a budget, a cap), False when it
    lowers it (demand to drop, a category floor, outage coverage)."""
    ranged: bool = False
    version: int = 1

    @property
    def prefix(self) -> str:
        return self.pattern.split(":", 1)[0]

    @property
    def fields(self) -> tuple[str, ...]:
        """The ids a name carries, in order: ``("chip", "period")`` for capacity."""
        return tuple(part.strip("{}") for part in self.pattern.split(":")[1:]
                     if part.startswith("{"))

    @property
    def planner_set(self) -> bool:
        """A limit the planner sets, as opposed to one that follows from the plan."""
        return self.group is not Group.DERIVED

    def name(self, **ids: str) -> str:
        """The row's name: ``CAPACITY.name(chip="h20", period="2026Q1")``."""
        return self.pattern.format(**ids)

    def parse(self, name: str) -> dict[str, str]:
        """The ids of a row name of this kind; ValueError if the name is not of this kind."""
        pattern = self.pattern.split(":")
        parts = name.split(":")
        if len(parts) != len(pattern):
            raise ValueError(f"{name!r} is not a {self.pattern} row")
        ids: dict[str, str] = {}
        for want, got in zip(pattern, parts, strict=True):
            if want.startswith("{"):
                ids[want.strip("{}")] = got
            elif want != got:
                raise ValueError(f"{name!r} is not a {self.pattern} row")
        return ids

    def path(self, ids: Mapping[str, str]) -> tuple[str, ...]:
        """:attr:`relax_path` with the row's ids filled in: the one value that moves."""
        return tuple(part.format(**ids) for part in self.relax_path)

    def field_path(self, ids: Mapping[str, str]) -> tuple[str, ...]:
        """The whole field holding that value (a per-period series, a category's entry):
        what an undoable edit of the relaxation sets."""
        last = self.relax_path[-1:] if self.relax_path else ()
        whole = last in (("{period}",), ("min",), ("max",))
        return self.path(ids)[:-1] if whole else self.path(ids)


CAPACITY = RowKind("capacity", "capacity:{chip}:{period}", Sense.LE, Unit.UNITS, Group.DERIVED,
                   relaxable=False, ranged=True)
DEMAND = RowKind("demand", "demand:{workload}:{period}", Sense.GE, Unit.PFLOPS, Group.DEMAND,
                 relax_path=("workloads", "{workload}", "demand", "{period}"), loosen_up=False,
                 ranged=True)
MEMORY = RowKind("memory", "memory:{workload}:{period}", Sense.GE, Unit.TB, Group.DEMAND,
                 relax_path=("workloads", "{workload}", "memory_demand", "{period}"),
                 loosen_up=False,
                 ranged=True, version=2)
SUPPLY = RowKind("supply", "supply:{chip}:{period}", Sense.LE, Unit.UNITS, Group.SUPPLY,
                 relax_path=("chips", "{chip}", "supply", "{period}"), ranged=True)
BUDGET = RowKind("budget", "budget:{period}", Sense.LE, Unit.MONEY, Group.BUDGET,
                 relax_path=("budget", "per_period", "{period}"), ranged=True)
BUDGET_TOTAL = RowKind("budget_total", "budget:total", Sense.LE, Unit.MONEY, Group.BUDGET,
                       relax_path=("budget", "total"), ranged=True)
POWER = RowKind("power", "power:{period}", Sense.LE, Unit.KW, Group.POWER,
                relax_path=("power_cap_kw", "{period}"), ranged=True)
VENDOR_SHARE = RowKind("vendor_share", "vendor_share:{vendor}", Sense.LE, Unit.SHARE, Group.SHARE,
                       share=True, step=0.01, relax_path=("vendors", "{vendor}", "max_share"))
CATEGORY_MIN = RowKind("category_min", "category_min:{category}", Sense.GE, Unit.SHARE,
                       Group.SHARE, share=True, step=0.01, loosen_up=False,
                       relax_path=("limits", "category_share", "{category}", "min"))
CATEGORY_MAX = RowKind("category_max", "category_max:{category}", Sense.LE, Unit.SHARE,
                       Group.SHARE, share=True, step=0.01,
                       relax_path=("limits", "category_share", "{category}", "max"))
GROUP_SHARE = RowKind("group_share", "group_share:{group}", Sense.LE, Unit.SHARE, Group.SHARE,
                      share=True, step=0.01, relax_path=("risk_groups", "{group}", "max_share"),
                      version=2)
WEIGHTED_RISK = RowKind("weighted_risk", "weighted_risk", Sense.LE, Unit.RISK, Group.RISK,
                        share=True, step=0.01, relax_path=("limits", "max_weighted_risk"))
OUTAGE = RowKind("outage", "outage:{vendor}:{workload}:{period}", Sense.GE, Unit.PFLOPS,
                 Group.COVERAGE, relax_path=("limits", "outage_coverage"), loosen_up=False)
OUTAGE_GROUP = RowKind("outage_group", "outage_group:{group}:{workload}:{period}", Sense.GE,
                       Unit.PFLOPS, Group.COVERAGE, relax_path=("limits", "outage_coverage"),
                       loosen_up=False, version=2)

KINDS: tuple[RowKind, ...] = (
    CAPACITY, DEMAND, MEMORY, SUPPLY, BUDGET, BUDGET_TOTAL, POWER, VENDOR_SHARE, CATEGORY_MIN,
    CATEGORY_MAX, GROUP_SHARE, WEIGHTED_RISK, OUTAGE, OUTAGE_GROUP,
)
BY_KEY: Mapping[str, RowKind] = {k.key: k for k in KINDS}
SHARE_KINDS = frozenset(k.key for k in KINDS if k.share)
"""Keys of the share and risk rows (right-hand side = limit x total new spend)."""


def kind_of(name: str) -> RowKind:
    """The kind of the row called ``name``; KeyError for a name no kind has."""
    prefix, _, rest = name.partition(":")
    if prefix == "budget" and rest == "total":
        return BUDGET_TOTAL
    for kind in KINDS:
        if kind.prefix == prefix and kind is not BUDGET_TOTAL:
            return kind
    raise KeyError(name)


def find_kind(name: str) -> RowKind | None:
    """:func:`kind_of`, or None for a name that is not a row of the model."""
    try:
        return kind_of(name)
    except KeyError:
        return None


def parse_name(name: str) -> tuple[RowKind, dict[str, str]]:
    """The kind and the ids of a row name: ``(CAPACITY, {"chip": "h20", "period": "2026Q1"})``."""
    kind = kind_of(name)
    return kind, kind.parse(name)
