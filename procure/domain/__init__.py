"""The planning model: entities, results and their validation (no I/O)."""

from procure.domain.model import (
    SCENARIO_FORMAT,
    Budget,
    CategoryShare,
    Chip,
    FleetEntry,
    Limits,
    PerPeriod,
    Scenario,
    Vendor,
    Workload,
)
from procure.domain.validation import ensure_valid, validate_scenario

__all__ = [
    "SCENARIO_FORMAT",
    "Budget",
    "CategoryShare",
    "Chip",
    "FleetEntry",
    "Limits",
    "PerPeriod",
    "Scenario",
    "Vendor",
    "Workload",
    "ensure_valid",
    "validate_scenario",
]
