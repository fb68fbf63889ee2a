"""Tiny scenarios written as the JSON a planner would write, for hand-derived tests."""

from __future__ import annotations

import copy
from typing import Any

from procure.domain.model import Scenario
from procure.formats.scenario_json import scenario_from_data


def two_vendor_data(**overrides: Any) -> dict[str, Any]:
    """One period, vendor A (imported, risk 0.5) sells chip a at 100, vendor B (domestic,
    risk 0.1) chip b at 150; both 1 PFLOP/s at efficiency 1; demand 10 PFLOP/s.
    Unconstrained optimum: 10 units of a for 1,000."""
    data: dict[str, Any] = {
        "format": "procure-scenario/1",
        "name": "two vendors",
        "periods": ["P1"],
        "vendors": [
            {"id": "A", "category": "imported", "risk": 0.5},
            {"id": "B", "category": "domestic", "risk": 0.1},
        ],
        "chips": [
            {"id": "a", "vendor": "A", "peak_pflops": 1, "price": 100},
            {"id": "b", "vendor": "B", "peak_pflops": 1, "price": 150},
        ],
        "workloads": [{"id": "w", "demand": 10, "efficiency": {"a": 1, "b": 1}}],
    }
    for key, value in overrides.items():
        data[key] = value
    return data


def build(data: dict[str, Any]) -> Scenario:
    return scenario_from_data(copy.deepcopy(data))


def two_vendor(**overrides: Any) -> Scenario:
    return build(two_vendor_data(**overrides))


def with_chip(data: dict[str, Any], chip_id: str, **fields: Any) -> dict[str, Any]:
    data = copy.deepcopy(data)
    for chip in data["chips"]:
        if chip["id"] == chip_id:
            chip.update(fields)
    return data


def with_vendor(data: dict[str, Any], vendor_id: str, **fields: Any) -> dict[str, Any]:
    data = copy.deepcopy(data)
    for vendor in data["vendors"]:
        if vendor["id"] == vendor_id:
            vendor.update(fields)
    return data
