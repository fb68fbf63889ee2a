"""What the optimiser returns: the plan, its costs and its explanation.

The fields mirror the ``procure-result/1`` file of the spec one to one, so the
result can be written, read back and shown without a second vocabulary.
Infeasibility is a status, not an exception: an infeasible result carries its
diagnosis instead of a plan.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

RESULT_FORMAT = "procure-result/1"
RESULT_FORMAT_V2 = "procure-result/2"
RESULT_FORMATS = {1: RESULT_FORMAT, 2: RESULT_FORMAT_V2}

PeriodMap = Mapping[str, float]
"""period label -> value"""


class SolveStatus(StrEnum):
    """The outcome of a solve, in the spec's words."""

    OPTIMAL = "optimal"
    FEASIBLE = "feasible"  # stopped by the time limit with a plan in hand (integer mode)
    INFEASIBLE = "infeasible"
    TIME_LIMIT = "time_limit"  # stopped by the time limit with no plan
    ERROR = "error"

    @property
    def has_plan(self) -> bool:
        return self in (SolveStatus.OPTIMAL, SolveStatus.FEASIBLE)


@dataclass(frozen=True)
class Cost:
    """The parts of total cost; ``objective`` = capex + energy_new + shortfall_penalty."""

    capex: float
    energy_new: float
    energy_existing: float
    shortfall_penalty: float

    @property
    def objective(self) -> float:
        return self.capex + self.energy_new + self.shortfall_penalty


@dataclass(frozen=True)
class ConstraintReport:
    """One named constraint of the model, evaluated at the plan."""

    name: str
    lhs: float
    rhs: float
    slack: float
    shadow_price: float | None
    binding: bool

    @property
    def kind(self) -> str:
        """``capacity``, ``demand``, ``budget``, ``vendor_share``, ..."""
        return self.name.split(":", 1)[0]

    @property
    def parts(self) -> tuple[str, ...]:
        """The ids after the kind: ``("h20", "2026Q1")`` for ``capacity:h20:2026Q1``."""
        return tuple(self.name.split(":")[1:])


@dataclass(frozen=True)
class Relaxation:
    """One limit of an infeasible scenario and how far to relax it."""

    constraint: str
    relax_by: float
    message: str


@dataclass(frozen=True)
class Result:
    """An optimisation result; see ``procure-result/1`` in the spec."""

    scenario: str
    status: SolveStatus
    objective: float | None = None
    cost: Cost | None = None
    buy: Mapping[str, PeriodMap] = field(default_factory=dict)
    in_service: Mapping[str, PeriodMap] = field(default_factory=dict)
    assign: Mapping[str, Mapping[str, PeriodMap]] = field(default_factory=dict)
    shortfall: Mapping[str, PeriodMap] | None = None
    spend: Mapping[str, Mapping[str, float]] = field(default_factory=dict)
    share: Mapping[str, Mapping[str, float]] = field(default_factory=dict)
    weighted_risk: float | None = None
    hhi: float | None = None
    constraints: tuple[ConstraintReport, ...] = ()
    diagnosis: tuple[Relaxation, ...] = ()
    x: Mapping[str, Any] | None = None
    version: int = 1  # the scenario's version: 1 gives procure-result/1, 2 procure-result/2
    present_value: Cost | None = None  # v2: the four costs discounted; objective is its total
    sensitivity: Mapping[str, Any] | None = None  # {"rows": {name: {"rhs_low", "rhs_high"}}}

    @property
    def format(self) -> str:
        return RESULT_FORMATS.get(self.version, RESULT_FORMAT_V2)

    def constraint(self, name: str) -> ConstraintReport:
        """The report of the constraint called ``name``; KeyError if there is none."""
        for report in self.constraints:
            if report.name == name:
                return report
        raise KeyError(name)

    def binding_constraints(self) -> list[ConstraintReport]:
        return [c for c in self.constraints if c.binding]
