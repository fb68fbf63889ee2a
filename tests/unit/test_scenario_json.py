"""Reading and writing procure-scenario/1: lossless round trips, strict rejection."""

from __future__ import annotations

import json

import pytest
from factories import two_vendor_data

from procure.domain.model import Scenario
from procure.errors import ValidationError
from procure.formats.scenario_json import (
    dumps_scenario,
    loads_scenario,
    read_scenario,
    scenario_from_data,
    write_scenario,
)
from procure.resources import demo_plan_path


def problems_of(data) -> dict[str, str]:
    text = data if isinstance(data, str) else json.dumps(data)
    with pytest.raises(ValidationError) as info:
        loads_scenario(text)
    return {p.location: p.message for p in info.value.problems}


def test_example_round_trips(example_path, tmp_path):
    scenario = read_scenario(example_path)
    write_scenario(scenario, tmp_path / "copy.json")
    assert read_scenario(tmp_path / "copy.json") == scenario


def test_demo_plan_round_trips_with_extensions_and_chinese_names():
    scenario = read_scenario(demo_plan_path())
    again = loads_scenario(dumps_scenario(scenario))
    assert again == scenario
    assert scenario.x is not None
    assert any("自研" in (c.name or "") for c in scenario.chips)


def test_per_period_forms_are_equivalent():
    periods = ["P1", "P2"]
    forms = [5, [5, 5], {"P1": 5, "P2": 5}]
    scenarios = [
        scenario_from_data(two_vendor_data(periods=periods, hours=form)) for form in forms
    ]
    assert scenarios[0] == scenarios[1] == scenarios[2]
    assert scenarios[0].hours == (5.0, 5.0)


def test_defaults_and_explicit_defaults_are_the_same_scenario():
    plain = scenario_from_data(two_vendor_data())
    explicit = scenario_from_data(two_vendor_data(integer=False, shortfall_penalty=None,
                                                  limits={"outage_coverage": 0}))
    assert plain == explicit


def test_byte_order_mark_is_accepted():
    text = "\ufeff" + json.dumps(two_vendor_data())
    assert isinstance(loads_scenario(text), Scenario)


def test_every_problem_is_reported_with_its_location():
    data = two_vendor_data(periods=["2026Q1", "2026Q2"])
    data["chips"][1]["price"] = {"2026Q1": 150, "2026Q2": -5}
    data["chips"][0]["colour"] = "green"
    data["vendors"][0]["risk"] = 1.5
    data["workloads"][0]["efficiency"]["zz"] = 0.5
    found = problems_of(data)
    assert found == {
        'chips[1].price["2026Q2"]': "must be >= 0, got -5",
        "chips[0].colour": 'unknown field (extensions go under "x")',
        "vendors[0].risk": "must be <= 1, got 1.5",
        'workloads[0].efficiency["zz"]': "unknown chip 'zz'",
    }


@pytest.mark.parametrize(
    ("change", "location", "fragment"),
    [
        (lambda d: d.pop("format"), "format", "is required"),
        (lambda d: d.update(format="procure-scenario/3"), "format",
         "must be 'procure-scenario/1' or 'procure-scenario/2'"),
        (lambda d: d.update(periods=[]), "periods", "at least one"),
        (lambda d: d.update(periods=["P1", "P1"]), "periods[1]", "duplicate"),
        (lambda d: d.update(periods=["P:1"]), "periods[0]", "':'"),
        (lambda d: d.update(vendors=[]), "vendors", "at least one vendor"),
        (lambda d: d.pop("chips"), "chips", "is required"),
        (lambda d: d["chips"][0].update(id="a:1"), "chips[0].id", "':'"),
        (lambda d: d["chips"][1].update(id="a"), "chips[1].id", "duplicate chip id 'a'"),
        (lambda d: d["chips"][0].update(vendor="Z"), "chips[0].vendor", "unknown vendor 'Z'"),
        (lambda d: d["chips"][0].update(peak_pflops=0), "chips[0].peak_pflops", "must be > 0"),
        (lambda d: d["chips"][0].update(peak_pflops=True), "chips[0].peak_pflops", "number"),
        (lambda d: d["chips"][0].update(price=[1, 2]), "chips[0].price", "needs 1 values"),
        (lambda d: d["chips"][0].update(price=[None]), 'chips[0].price["P1"]', "got null"),
        (lambda d: d["chips"][0].update(price={"P9": 1}), 'chips[0].price["P9"]', "not one of"),
        (lambda d: d["chips"][0].update(price={}), 'chips[0].price["P1"]', "is missing"),
        (lambda d: d["chips"][0].update(price="cheap"), "chips[0].price", "must be a number"),
        (lambda d: d["chips"][0].update(lead_time=1.5), "chips[0].lead_time", "whole number"),
        (lambda d: d["chips"][0].update(lifetime=0), "chips[0].lifetime", ">= 1"),
        (lambda d: d["chips"][0].update(lot_size=0), "chips[0].lot_size", ">= 1"),
        (lambda d: d["chips"][0].update(memory_gb=-1), "chips[0].memory_gb", ">= 0"),
        (lambda d: d["workloads"][0].pop("demand"), "workloads[0].demand", "is required"),
        (lambda d: d["workloads"][0]["efficiency"].update(a=1.2),
         'workloads[0].efficiency["a"]', "<= 1"),
        (lambda d: d.update(fleet=[{"chip": "q", "units": 1}]), "fleet[0].chip", "unknown chip"),
        (lambda d: d.update(fleet=[{"chip": "a", "units": 1, "retire_after": "P7"}]),
         "fleet[0].retire_after", "not one of the periods"),
        (lambda d: d.update(fleet=[{"chip": "a"}]), "fleet[0].units", "is required"),
        (lambda d: d.update(budget={"total": -1}), "budget.total", ">= 0"),
        (lambda d: d.update(budget={"totl": 1}), "budget.totl", "unknown field"),
        (lambda d: d.update(limits={"category_share": {"imprted": {"max": 0.5}}}),
         'limits.category_share["imprted"]', "no vendor has category"),
        (lambda d: d.update(limits={"category_share": {"imported": {"mx": 0.5}}}),
         'limits.category_share["imported"].mx', "unknown field"),
        (lambda d: d.update(limits={"outage_coverage": 2}), "limits.outage_coverage", "<= 1"),
        (lambda d: d.update(integer="yes"), "integer", "true or false"),
        (lambda d: d.update(x=[1]), "x", "must be an object"),
        (lambda d: d.update(shortfall_penalty=-1), "shortfall_penalty", ">= 0"),
        (lambda d: d.update(pue=[1, 2]), "pue", "needs 1 values"),
        (lambda d: d.update(power_cap_kw=False), "power_cap_kw", "got false"),
    ],
)
def test_malformed_scenarios_are_rejected(change, location, fragment):
    data = two_vendor_data()
    change(data)
    found = problems_of(data)
    assert location in found, found
    assert fragment in found[location]


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ('{"format": "procure-scenario/1", "format": "x"}', "duplicate key 'format'"),
        ('{"format": NaN}', "NaN is not allowed"),
        ('{"format": Infinity}', "Infinity is not allowed"),
        ('{"format": ', "not valid JSON"),
        ("[1, 2]", "must be an object"),
    ],
)
def test_bad_json_is_rejected(text, fragment):
    with pytest.raises(ValidationError) as info:
        loads_scenario(text, "plan.json")
    assert fragment in str(info.value)
    assert str(info.value).startswith("plan.json: ")


def test_extensions_are_kept_everywhere():
    data = two_vendor_data(x={"owner": "planning"}, budget={"total": 5, "x": {"note": "FY"}})
    data["chips"][0]["x"] = {"catalogue_id": "nvidia-h20"}
    scenario = loads_scenario(json.dumps(data))
    assert scenario.chips[0].x == {"catalogue_id": "nvidia-h20"}
    assert json.loads(dumps_scenario(scenario))["budget"]["x"] == {"note": "FY"}


def test_unreadable_file_is_a_clear_error(tmp_path):
    with pytest.raises(ValidationError) as info:
        read_scenario(tmp_path / "missing.json")
    assert "cannot read the file" in str(info.value)
    (tmp_path / "latin1.json").write_bytes(b'{"name": "\xe9"}')
    with pytest.raises(ValidationError, match="not UTF-8"):
        read_scenario(tmp_path / "latin1.json")
