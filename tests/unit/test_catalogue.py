"""Catalogue entries become chips: units converted, ids kept unique, assumptions listed."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from factories import build, two_vendor, two_vendor_data

from procure.catalogue import (
    DEFAULT_OVERHEAD,
    DEFAULT_RATE,
    CatalogueChips,
    chips_from_entries,
    load_catalogue,
    mid_price_usd,
)
from procure.domain.model import Scenario
from procure.domain.validation import validate_scenario

H100 = {
    "id": "nvidia-h100-sxm", "vendor": "Nvidia", "vendor_id": "nvidia", "category": "imported",
    "model": "H100 SXM", "bf16_dense_tflops": 989, "memory_gb": 80, "tdp_w": 700,
    "price_usd": {"low": 25000, "high": 30000},
}
NO_FIGURES = {
    "id": "huawei-ascend-960", "vendor": "Huawei", "vendor_id": "huawei", "category": "domestic",
    "model": "Ascend 960", "bf16_dense_tflops": None, "memory_gb": None, "tdp_w": None,
    "price_usd": None,
}


def _three_periods() -> Scenario:
    data = two_vendor_data()
    data["periods"] = ["P1", "P2", "P3"]
    return build(data)


def _added(scenario: Scenario, converted: CatalogueChips) -> Scenario:
    return replace(scenario, vendors=scenario.vendors + converted.vendors,
                   chips=scenario.chips + converted.chips)


def test_units_and_price_are_converted_for_every_period() -> None:
    scenario = _three_periods()
    out = chips_from_entries([H100], scenario, rate=7.0, overhead=1.4)
    chip = out.chips[0]
    assert chip.id == "nvidia-h100-sxm" and chip.vendor == "nvidia"
    assert chip.name == "Nvidia H100 SXM"
    assert chip.peak_pflops == pytest.approx(0.989)
    assert chip.price == (192_500.0, 192_500.0, 192_500.0)  # (25,000 + 30,000) / 2 x 7
    assert len(chip.price) == len(scenario.periods)
    assert chip.power_kw == pytest.approx(0.7 * 1.4)
    assert chip.memory_gb == 80.0
    assert chip.supply is None and chip.lead_time == 0 and chip.lot_size == 1
    assert chip.x == {"catalogue_id": "nvidia-h100-sxm",
                      "assumption": "price = catalogue mid US$ x 7.0; power = TDP x 1.4"}
    assert [(v.id, v.category, v.name) for v in out.vendors] == [("nvidia", "imported", "Nvidia")]
    assert validate_scenario(_added(scenario, out)) == []


def test_chip_ids_stay_unique_against_the_plan_and_each_other() -> None:
    scenario = two_vendor()
    first = chips_from_entries([H100], scenario)
    scenario = _added(scenario, first)
    again = chips_from_entries([H100, H100], scenario)
    assert [c.id for c in again.chips] == ["nvidia-h100-sxm-2", "nvidia-h100-sxm-3"]
    assert again.vendors == ()  # nvidia is in the plan now
    renamed = [(a.chip, a.value) for a in again.assumptions if a.key == "renamed"]
    assert renamed == [("nvidia-h100-sxm-2", "nvidia-h100-sxm-2"),
                       ("nvidia-h100-sxm-3", "nvidia-h100-sxm-3")]
    assert validate_scenario(_added(scenario, again)) == []


def test_the_assumptions_are_listed_with_their_figures() -> None:
    scenario = two_vendor(currency="CNY")
    out = chips_from_entries([H100, NO_FIGURES], scenario, rate=7.1, overhead=1.3)
    general = {a.key: a.value for a in out.assumptions if a.chip is None}
    assert general == {"peak": 1000.0, "power": 1.3, "price": 7.1, "not_in_catalogue": None}
    price = next(a for a in out.assumptions if a.key == "price")
    assert "7.1 CNY/US$" in price.text and "every period" in price.text
    missing = [(a.key, a.chip) for a in out.assumptions if a.key.startswith("missing_")]
    assert missing == [("missing_peak", "huawei-ascend-960"),
                       ("missing_power", "huawei-ascend-960"),
                       ("missing_price", "huawei-ascend-960")]
    blank = out.chips[1]
    assert (blank.peak_pflops, blank.power_kw, blank.price, blank.memory_gb) == (
        0.0, 0.0, (0.0,), None)
    # a chip without a peak cannot be planned with until the planner types one in
    problems = validate_scenario(_added(scenario, out))
    assert [p.location for p in problems] == ["chips[3].peak_pflops"]


def test_a_vendor_without_category_gets_the_default_and_says_so() -> None:
    entry = {**H100, "vendor_id": "acme", "vendor": "Acme", "category": None}
    out = chips_from_entries([entry], two_vendor())
    assert [(v.id, v.category) for v in out.vendors] == [("acme", "imported")]
    assert [(a.key, a.chip) for a in out.assumptions if a.key == "default_category"] == [
        ("default_category", "acme")]


def test_nothing_chosen_adds_nothing() -> None:
    out = chips_from_entries([], two_vendor())
    assert (out.vendors, out.chips, out.assumptions) == ((), (), ())


def test_the_shipped_catalogue_converts_entirely(tmp_path: Path) -> None:
    entries = load_catalogue()
    assert len({e["id"] for e in entries}) == len(entries) >= 20
    out = chips_from_entries(entries, _three_periods(), DEFAULT_RATE, DEFAULT_OVERHEAD)
    assert len(out.chips) == len(entries)
    assert all(len(c.price) == 3 for c in out.chips)
    priced = [e for e in entries if mid_price_usd(e) is not None]
    missing = {a.chip for a in out.assumptions if a.key == "missing_price"}
    assert len(missing) == len(entries) - len(priced)
    path = tmp_path / "mini.json"
    path.write_text(json.dumps({"format": "procure-catalogue/1", "accelerators": [H100]}),
                    encoding="utf-8")
    assert load_catalogue(path) == [H100]


def test_mid_price() -> None:
    assert mid_price_usd(H100) == 27_500
    assert mid_price_usd({"price_usd": {"low": 10, "high": None}}) is None
    assert mid_price_usd({}) is None
