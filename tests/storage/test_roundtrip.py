"""A stored scenario comes back exactly: same data, same canonical JSON, same hash."""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from storage_helpers import Backend, assert_same, rich_data

from procure import services
from procure.domain.model import Scenario
from procure.formats.scenario_json import dumps_scenario, scenario_from_data, scenario_to_data
from procure.storage.codec import scenario_hash
from procure.storage.store import Store


def test_rich_scenario_round_trips(backend: Backend, rich: Scenario) -> None:
    store = backend.open()
    plan = services.create_plan(store, "计划 A", rich)
    reopened = backend.open(user="bob", read_only=True) if backend.kind == "postgres" else store
    loaded = services.open_plan(reopened, "计划 A").scenario
    assert_same(loaded, rich)
    assert plan.variants == ("",)


def test_round_trip_after_closing_the_file(backend: Backend, rich: Scenario) -> None:
    store = backend.open()
    services.create_plan(store, "p", rich)
    store.close()
    assert_same(services.open_plan(backend.open(), "p").scenario, rich)


def test_absent_and_default_values_stay_distinct(backend: Backend, rich: Scenario) -> None:
    """``name=None`` vs ``""``, ``x=None`` vs ``{}``, no supply vs supply, 0 vs absent."""
    store = backend.open()
    services.create_plan(store, "p", rich)
    loaded = services.open_plan(store, "p").scenario
    assert loaded.vendors[1].name is None and loaded.vendors[2].name == ""
    assert loaded.vendors[1].x is None and loaded.vendors[2].x == {}
    assert loaded.chips[1].supply is None and loaded.chips[0].supply == (2000, 2000, 0, 0)
    assert loaded.shortfall_penalty == 0.0 and loaded.budget.total is None
    assert loaded.limits.vendor_max_share is None
    assert list(loaded.workloads[0].efficiency) == ["asic1", "h20", "910c"]
    assert isinstance(loaded.chips[0].price[0], float)


# --- generated scenarios (plan files only: quick) ---------------------------------------------

# Names, ids and labels are plain text (no control characters: procure.domain.text_checks).
_plain = st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp"))
_text = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp"),
                              blacklist_characters=":"), min_size=1, max_size=8)
_num = st.floats(min_value=0, max_value=1e12, allow_nan=False, allow_infinity=False)
_share = st.floats(min_value=0, max_value=1)
_json = st.recursive(
    st.none() | st.booleans() | st.integers(-10**6, 10**6) | _num | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner,
                                                                 max_size=3),
    max_leaves=6,
)


@st.composite
def scenarios(draw: st.DrawFn) -> Scenario:
    periods = draw(st.lists(_text, min_size=1, max_size=4, unique=True))
    n = len(periods)
    per_period = st.one_of(_num, st.lists(_num, min_size=n, max_size=n))
    maybe_x = st.none() | st.dictionaries(st.text(max_size=4), _json, max_size=2)
    vendor_ids = draw(st.lists(_text, min_size=1, max_size=3, unique=True))
    vendors = [{"id": v, "category": draw(st.sampled_from(["imported", "domestic", "国产"])),
                "name": draw(st.none() | st.text(_plain, max_size=6)), "risk": draw(_share),
                "max_share": draw(st.none() | _share), "x": draw(maybe_x)} for v in vendor_ids]
    chip_ids = draw(st.lists(_text, max_size=4, unique=True))
    chips = [{"id": c, "vendor": draw(st.sampled_from(vendor_ids)),
              "peak_pflops": draw(st.floats(min_value=1e-3, max_value=10)),
              "price": draw(per_period), "supply": draw(st.none() | per_period),
              "lead_time": draw(st.integers(0, 3)), "lifetime": draw(st.none() | st.integers(1, 9)),
              "lot_size": draw(st.integers(1, 8)), "memory_gb": draw(st.none() | _num),
              "x": draw(maybe_x)} for c in chip_ids]
    workloads = [{"id": w, "demand": draw(per_period), "x": draw(maybe_x),
                  "efficiency": {c: draw(_share) for c in draw(st.permutations(chip_ids))}}
                 for w in draw(st.lists(_text, max_size=3, unique=True))]
    fleet = [{"chip": c, "units": draw(_num), "retire_after": draw(st.none() |
              st.sampled_from(periods)), "x": draw(maybe_x)}
             for c in draw(st.lists(st.sampled_from(chip_ids), max_size=5))] if chip_ids else []
    data = {"format": "procure-scenario/1", "periods": periods, "vendors": vendors,
            "chips": chips, "workloads": workloads, "fleet": fleet,
            "name": draw(st.none() | st.text(_plain, max_size=10)),
            "hours": draw(st.none() | per_period),
            "budget": {"total": draw(st.none() | _num), "x": draw(maybe_x)},
            "shortfall_penalty": draw(st.none() | _num), "integer": draw(st.booleans()),
            "x": draw(maybe_x)}
    return scenario_from_data(data)


@pytest.fixture(scope="module")
def shared_file(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    store = services.open_store(tmp_path_factory.mktemp("gen") / "p.procure", create=True)
    yield store
    store.close()


@settings(max_examples=60, deadline=None)
@given(scenario=scenarios())
def test_generated_scenarios_round_trip(shared_file: Store, scenario: Scenario) -> None:
    plan = services.create_plan(shared_file, f"generated {uuid.uuid4()}", scenario)
    assert_same(services.open_plan(shared_file, plan).scenario, scenario)


def test_hash_changes_with_content_only(rich: Scenario) -> None:
    again = scenario_from_data(rich_data())
    assert scenario_hash(again) == scenario_hash(rich)
    changed = dataclasses.replace(rich, name="other")
    assert scenario_hash(changed) != scenario_hash(rich)
    assert dumps_scenario(again) == dumps_scenario(rich)
    assert scenario_to_data(again) == scenario_to_data(rich)


def _version_2_scenario() -> Scenario:
    """Every version-2 field in use: ramps, memory, an order placed, money over time, fx,
    risk groups (with their own x), on top of the spec's worked example."""
    import json
    from pathlib import Path

    path = Path(__file__).resolve().parents[3] / "shared" / "examples" / "example-v2.json"
    data = json.loads(path.read_text())
    data["periods_per_year"] = 4
    data["risk_groups"].append({"id": "export-regime", "name": "出口管制", "vendors": ["nvidia"],
                                "chips": [], "x": {"note": "one regime"}})
    data["fleet"][0]["in_service_from"] = "2026Q1"
    return scenario_from_data(data)


def test_version_2_scenario_round_trips(backend: Backend) -> None:
    """A team server and a plan file carry every version-2 field, losslessly."""
    v2 = _version_2_scenario()
    store = backend.open()
    services.create_plan(store, "v2", v2)
    reopened = backend.open(user="bob", read_only=True) if backend.kind == "postgres" else store
    loaded = services.open_plan(reopened, "v2").scenario
    assert loaded == v2
    assert dumps_scenario(loaded) == dumps_scenario(v2)
    assert scenario_hash(loaded) == scenario_hash(v2)
