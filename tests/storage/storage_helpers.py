"""Helpers shared by the storage tests (imported by name: pytest puts this folder on the path)."""

from __future__ import annotations

import copy
from typing import Any

from procure import services
from procure.domain.model import Scenario
from procure.formats.scenario_json import dumps_scenario, scenario_to_data
from procure.storage.store import Store


def assert_same(loaded: Scenario, expected: Scenario) -> None:
    """Equal as data, as the written file (so key order too) and as objects."""
    assert scenario_to_data(loaded) == scenario_to_data(expected)
    assert dumps_scenario(loaded) == dumps_scenario(expected)
    assert loaded == expected


RICH_DATA: dict[str, Any] = {
    "format": "procure-scenario/1",
    "name": "华东 推理集群 2027",
    "currency": "CNY",
    "periods": ["2027Q1", "2027Q2", "2027Q3", "2027Q4"],
    "hours": [2160, 2184, 2208, 2208],
    "energy_price": 0.65,
    "vendors": [
        {"id": "nvidia", "name": "英伟达", "category": "imported", "risk": 0.7, "max_share": 0.5,
         "x": {"合同": {"编号": "NV-2027", "条款": [1, 2.5, None, True]}}},
        {"id": "huawei", "category": "domestic", "risk": 0.3},
        {"id": "own", "name": "", "category": "in-house", "x": {}},
    ],
    "chips": [
        {"id": "h20", "vendor": "nvidia", "name": "H20", "peak_pflops": 0.148, "memory_gb": 96,
         "power_kw": 0.6, "price": [95000, 94000.125, 93000, 1e-7], "supply": [2000, 2000, 0, 0],
         "lead_time": 1, "lot_size": 8, "x": {"note": "配额 quota"}},
        {"id": "910c", "vendor": "huawei", "name": "昇腾 910C", "peak_pflops": 0.78,
         "price": 180000, "lifetime": 12, "memory_gb": 0},
        {"id": "asic1", "vendor": "own", "peak_pflops": 0.5, "power_kw": 0.5, "price": 60000,
         "supply": {"2027Q1": 0, "2027Q2": 500, "2027Q3": 1000, "2027Q4": 2000}},
    ],
    "workloads": [
        {"id": "infer", "name": "大模型推理", "demand": [100, 150, 220, 300],
         "efficiency": {"asic1": 0.5, "h20": 0.45, "910c": 0.35}},
        {"id": "train", "demand": 0, "efficiency": {}, "x": {"priority": 1}},
    ],
    "fleet": [
        {"chip": "h20", "units": 2000, "retire_after": "2027Q4"},
        {"chip": "910c", "units": 200.5},
        {"chip": "910c", "units": 0, "x": {"site": "贵安"}},
    ],
    "budget": {"per_period": [6e8, 6e8, 7e8, 7e8], "x": {"approved_by": "CFO"}},
    "power_cap_kw": 20000,
    "limits": {
        "category_share": {"in-house": {"min": 0.1, "x": {"why": "strategy"}},
                           "imported": {"max": 0.5}},
        "max_weighted_risk": 0.5,
        "x": {"reviewed": False},
    },
    "shortfall_penalty": 0,
    "integer": True,
    "x": {"版本": 3, "nested": {"list": [{"a": 1}, {"b": [1.5, -2e-300]}]}},
}




def rich_data() -> dict[str, Any]:
    return copy.deepcopy(RICH_DATA)


class Backend:
    """Where a test's plans live; :meth:`open` tracks stores so teardown can close them."""

    def __init__(self, kind: str, location: str) -> None:
        self.kind = kind
        self.location = location
        self.stores: list[Store] = []

    def open(self, user: str = "alice", *, read_only: bool = False) -> Store:
        store = services.open_store(self.location, user=user, read_only=read_only,
                                    create=True)
        self.stores.append(store)
        return store

    def close_all(self) -> None:
        for store in self.stores:
            store.close()
