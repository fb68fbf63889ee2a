"""Editing the version-2 fields of a stored plan: each edit is saved, undone exactly, and
reads back the same after reopening (plan file and team server alike)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from storage_helpers import Backend

from procure import services
from procure.domain.edits import SetField
from procure.domain.model import RiskGroup
from procure.formats.scenario_json import scenario_from_data

EXAMPLE = Path(__file__).resolve().parents[3] / "shared" / "examples" / "example-v2.json"

EDITS = [
    (("risk_groups", "domestic-foundry", "max_share"), 0.7),
    (("risk_groups", "domestic-foundry", "vendors"), ["huawei", "own"]),
    (("risk_groups",), (RiskGroup("fab", chips=("h20",)),)),
    (("fx", "USD"), [7.0, 7.1, 7.2, 7.3]),
    (("discount_rate",), 0.1),
    (("periods_per_year",), 12),
    (("workloads", "infer", "efficiency", "asic1"), [0.1, 0.2, 0.3, 0.4]),
    (("workloads", "infer", "memory_demand"), [100, 120, 140, 160]),
    (("fleet", 0, "in_service_from"), "2026Q2"),
    (("chips", "h20", "price_currency"), None),
]


@pytest.mark.parametrize(("path", "value"), EDITS, ids=[str(p) for p, _ in EDITS])
def test_a_version_2_edit_is_saved_and_undone(backend: Backend, path, value) -> None:
    base = scenario_from_data(json.loads(EXAMPLE.read_text()))
    store = backend.open()
    services.create_plan(store, "v2", base)
    doc = services.open_plan(store, "v2")
    _, inverse = services.apply_edit(doc, SetField(path, value))
    expected, _ = SetField(path, value).apply(base)
    assert doc.scenario == expected
    assert services.open_plan(backend.open(user="bob"), "v2").scenario == expected
    services.apply_edit(doc, inverse)
    assert doc.scenario == base
    assert services.open_plan(backend.open(user="carol"), "v2").scenario == base
