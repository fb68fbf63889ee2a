"""``procure-hedge/1`` read strictly: every problem located in the hedge's own paths."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from procure.analysis.hedge import solve_hedge
from procure.errors import ValidationError
from procure.formats.hedge_json import (
    hedge_from_data,
    hedge_result_to_data,
    hedge_to_data,
    read_hedge,
)


def future(demand: float = 10, **top: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "format": "procure-scenario/1",
        "periods": ["P1", "P2"],
        "vendors": [{"id": "A", "category": "imported", "risk": 0.1}],
        "chips": [{"id": "a", "vendor": "A", "peak_pflops": 1, "price": [100, 150]},
                  {"id": "b", "vendor": "A", "peak_pflops": 1, "price": [120, 130]}],
        "workloads": [{"id": "w", "demand": [0, demand], "efficiency": {"a": 1, "b": 1}}],
    }
    data.update(top)
    return data


def hedge(**top: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "format": "procure-hedge/1",
        "decide_through": "P1",
        "scenarios": [
            {"name": "low", "probability": 0.4, "scenario": future(10)},
            {"name": "high", "probability": 0.6, "scenario": future(20)},
        ],
    }
    data.update(top)
    return data


def problems(data: Any, base=None) -> dict[str, str]:
    with pytest.raises(ValidationError) as info:
        hedge_from_data(copy.deepcopy(data), base, "h.json")
    return {p.location: p.message for p in info.value.problems}


def test_a_valid_hedge_reads_with_its_defaults():
    h = hedge_from_data(hedge())
    assert h.names == ("low", "high")
    assert h.cvar_weight == 0.0 and h.cvar_alpha is None
    assert h.reference_name == "high"
    assert h.decide_position() == 0


def test_unknown_keys_are_errors_at_every_level():
    data = hedge(colour="red", risk={"cvar_alpha": 0.9, "beta": 1})
    data["scenarios"][0]["weight"] = 2
    found = problems(data)
    assert set(found) >= {"colour", "risk.beta", "scenarios[0].weight"}


def test_a_broken_inline_scenario_is_located_inside_its_entry():
    data = hedge()
    data["scenarios"][1]["scenario"]["chips"][0]["price"] = "cheap"
    found = problems(data)
    assert any(loc.startswith("scenarios[1].scenario.chips[0].price") for loc in found), found


def test_entry_rules_names_probabilities_and_one_source():
    data = hedge()
    data["scenarios"][1]["name"] = "low"
    data["scenarios"][1]["probability"] = 0.5
    found = problems(data)
    assert "also the name of scenarios[0]" in found["scenarios[1].name"]
    assert "add up to 1" in found["scenarios"]
    data = hedge()
    data["scenarios"][0]["probability"] = 0
    data["scenarios"][1]["probability"] = 1
    assert "more than 0" in problems(data)["scenarios[0].probability"]
    data = hedge()
    data["scenarios"][0]["file"] = "x.json"
    assert "exactly one of" in problems(data)["scenarios[0]"]
    assert "needs at least one" in problems(hedge(scenarios=[]))["scenarios"]


def test_probabilities_are_used_as_given_within_the_tolerance():
    data = hedge()
    data["scenarios"][0]["probability"] = 0.4 + 5e-10
    assert hedge_from_data(data).scenarios[0].probability == 0.4 + 5e-10


def test_mismatched_futures_name_the_scenario_and_the_field():
    data = hedge()
    other = data["scenarios"][1]["scenario"]
    other["periods"] = ["P1", "P3"]
    other["currency"] = "USD"
    del other["chips"][1]
    other["workloads"][0]["efficiency"] = {"a": 1}
    found = problems(data)
    assert "same periods" in found["scenarios[1].scenario.periods"]
    assert "missing ['b']" in found["scenarios[1].scenario.chips"]
    assert "currency" in found["scenarios[1].scenario.currency"]


def test_integer_mode_must_agree_and_lots_must_match():
    data = hedge()
    data["scenarios"][1]["scenario"]["integer"] = True
    assert "lots and in units" in problems(data)["scenarios[1].scenario.integer"]
    data = hedge()
    for entry in data["scenarios"]:
        entry["scenario"]["integer"] = True
    data["scenarios"][1]["scenario"]["chips"][1]["lot_size"] = 8
    assert "must be 1" in problems(data)["scenarios[1].scenario.chips[1].lot_size"]


def test_chip_order_may_differ():
    data = hedge()
    chips = data["scenarios"][1]["scenario"]["chips"]
    chips.reverse()
    r = solve_hedge(hedge_from_data(data))
    low, high = (f.result for f in r.scenarios)
    assert low.buy["a"]["P1"] == pytest.approx(high.buy["a"]["P1"])
    assert low.buy["b"]["P1"] == pytest.approx(high.buy["b"]["P1"])


def test_horizon_reference_and_risk_are_checked():
    found = problems(hedge(decide_through="2030Q1", reference="nobody",
                           risk={"cvar_weight": 0.5}))
    assert "not one of the periods" in found["decide_through"]
    assert "not the name of a future" in found["reference"]
    assert "required" in found["risk.cvar_alpha"]
    found = problems(hedge(risk={"cvar_alpha": 1.0, "cvar_weight": 1.5}))
    assert "[0, 1)" in found["risk.cvar_alpha"]
    assert "[0, 1]" in found["risk.cvar_weight"]
    assert "must be 'procure-hedge/1'" in problems(hedge(format="procure-hedge/2"))["format"]


def test_files_are_read_relative_to_the_hedge_and_problems_name_the_entry(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "high.json").write_text(json.dumps(future(20)))
    data = hedge()
    data["scenarios"][1] = {"name": "high", "probability": 0.6, "file": "sub/high.json"}
    path = tmp_path / "h.json"
    path.write_text(json.dumps(data))
    h = read_hedge(path)
    assert h.scenarios[1].scenario.workloads[0].demand == (0, 20)
    data["scenarios"][1]["file"] = "missing.json"
    path.write_text(json.dumps(data))
    with pytest.raises(ValidationError) as info:
        read_hedge(path)
    assert [p.location for p in info.value.problems] == ["scenarios[1].file"]
    assert "missing.json" in info.value.problems[0].message
    bad = future(20)
    bad["chips"][0]["peak_pflops"] = -1
    (tmp_path / "bad.json").write_text(json.dumps(bad))
    data["scenarios"][1]["file"] = "bad.json"
    path.write_text(json.dumps(data))
    with pytest.raises(ValidationError) as info:
        read_hedge(path)
    message = info.value.problems[0].message
    assert "bad.json" in message and "chips[0].peak_pflops" in message


def test_a_hedge_written_inline_reads_back_the_same():
    h = hedge_from_data(hedge(risk={"cvar_alpha": 0.9, "cvar_weight": 0.25}, reference="low"))
    again = hedge_from_data(json.loads(json.dumps(hedge_to_data(h))))
    assert again.names == h.names
    assert (again.cvar_alpha, again.cvar_weight, again.reference) == (0.9, 0.25, "low")
    assert again.scenarios[1].scenario == h.scenarios[1].scenario


def test_the_result_has_the_spec_keys_in_order():
    data = hedge_result_to_data(solve_hedge(hedge_from_data(hedge())))
    assert list(data)[:14] == [
        "format", "name", "status", "objective", "expected_cost", "cvar", "here_and_now",
        "scenarios", "reference", "wait_and_see", "value_of_hedging",
        "value_of_perfect_information", "diagnosis", "x"]
    assert data["format"] == "procure-hedge-result/1"
    assert list(data["scenarios"][0]) == ["name", "probability", "objective", "result"]
    assert data["scenarios"][0]["result"]["format"] == "procure-result/1"
    assert list(data["reference"]) == ["name", "here_and_now", "expected_cost", "feasible_in",
                                       "infeasible_in"]
    json.dumps(data, allow_nan=False)


def test_a_result_reads_back_with_every_figure(tmp_path):
    from procure.formats.hedge_json import (
        hedge_result_from_data,
        read_hedge_result,
        write_hedge_result,
    )

    result = solve_hedge(hedge_from_data(hedge(risk={"cvar_alpha": 0.5})))
    path = tmp_path / "r.json"
    write_hedge_result(result, path)
    again = read_hedge_result(path)
    assert hedge_result_to_data(again) == json.loads(path.read_text())
    assert again.decide_through == "P1"
    assert again.reference.objectives == result.reference.objectives
    assert again.scenarios[1].result.buy == result.scenarios[1].result.buy
    data = json.loads(path.read_text())
    data["scenarios"][0]["extra"] = 1
    data["status"] = "fine"
    with pytest.raises(ValidationError) as info:
        hedge_result_from_data(data)
    assert {p.location for p in info.value.problems} == {"scenarios[0].extra", "status"}
