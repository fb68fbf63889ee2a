"""Monte Carlo: analytic probabilities on one-vendor plans, reproducibility, re-dispatch."""

from __future__ import annotations

import math

import pytest
from analysis_factories import one_vendor_fleet, three_periods
from factories import two_vendor_data

from procure.analysis import montecarlo
from procure.analysis.montecarlo import disruption_model, periods_per_year, simulate
from procure.errors import Cancelled, ProcureError
from procure.formats.scenario_json import scenario_from_data
from procure.optimiser import solve


def test_one_vendor_outage_matches_the_analytic_probability():
    # Fleet = demand = 10 in each of 4 periods; the vendor is dark with p = 0.2 per period.
    # P(any shortfall) = 1 - 0.8^4 = 0.5904; expected shortfall = 4 x 0.2 x 10 = 8.
    s = one_vendor_fleet()
    model = disruption_model(s, {"A": 0.2})
    sim = simulate(s, solve(s), futures=20_000, seed=7, model=model)
    w = sim.workload("w")
    assert w.probability == pytest.approx(1 - 0.8**4, abs=4 * w.probability_se)
    assert w.probability_se == pytest.approx(math.sqrt(0.5904 * 0.4096 / 20_000), rel=0.02)
    assert w.expected == pytest.approx(8.0, rel=0.03)
    assert w.by_period_probability == pytest.approx((0.2,) * 4, abs=0.012)
    assert w.conditional == pytest.approx(8.0 / (1 - 0.8**4), rel=0.03)
    assert w.expected_share == pytest.approx(w.expected / 40)
    assert w.histogram.zero + sum(w.histogram.counts) == 20_000
    assert sim.total.probability == w.probability  # one workload: the total is the same
    assert sim.planned_shortfall == 0


def test_supply_cut_loses_only_units_not_yet_delivered():
    # 10 units of a ordered in P1 arrive in P2 (lead time 1) and serve P2-P3. A cut from
    # the first disrupted period on loses them if that period is P1 or P2:
    # P = 1 - (1 - p)^2, and then 10 PFLOP/s short in P2 and P3.
    s = three_periods()
    result = solve(s)
    model = disruption_model(s, {"A": 0.3, "B": 0.0})
    sim = simulate(s, result, futures=20_000, seed=1, model=model, mode="supply-cut")
    w = sim.workload("w")
    p_lost = 1 - 0.7**2
    assert w.probability == pytest.approx(p_lost, abs=4 * w.probability_se)
    assert w.expected == pytest.approx(20 * p_lost, rel=0.03)
    assert w.conditional == pytest.approx(20.0)
    assert w.by_period_probability[0] == 0.0


def test_existing_fleet_keeps_serving_in_a_supply_cut():
    s = one_vendor_fleet()
    sim = simulate(s, solve(s), futures=500, model=disruption_model(s, {"A": 0.9}),
                   mode="supply-cut")
    assert sim.total.probability == 0.0


def test_same_seed_same_numbers_whatever_the_chunk_size(monkeypatch):
    s = one_vendor_fleet()
    result = solve(s)
    first = simulate(s, result, futures=3000, seed=11)
    monkeypatch.setattr(montecarlo, "CHUNK_CELLS", 7)  # 1 future per chunk
    again = simulate(s, result, futures=3000, seed=11)
    assert again.to_data() | {"seconds": 0} == first.to_data() | {"seconds": 0}
    other = simulate(s, result, futures=3000, seed=12)
    assert other.total.expected != first.total.expected


def test_redispatch_moves_spare_units_to_the_workload_that_lost_its_chip():
    # w1 can run on a (vendor A) or b (vendor B); w2 only on b. b has spare units. When A
    # is always dark, re-dispatch serves w1 from b's spare units: no shortfall.
    data = two_vendor_data(periods=["P1", "P2"])
    data["chips"][0]["supply"] = 0
    data["chips"][1]["supply"] = 0
    data["workloads"] = [
        {"id": "w1", "demand": 10, "efficiency": {"a": 1, "b": 1}},
        {"id": "w2", "demand": 10, "efficiency": {"b": 1}},
    ]
    data["fleet"] = [{"chip": "a", "units": 10}, {"chip": "b", "units": 20}]
    s = scenario_from_data(data)
    result = solve(s)
    model = disruption_model(s, {"A": 1.0, "B": 0.0})
    planned = simulate(s, result, futures=50, model=model)
    moved = simulate(s, result, futures=50, model=model, redispatch=True)
    assert moved.total.expected == pytest.approx(0.0, abs=1e-9)
    assert planned.total.expected >= moved.total.expected
    assert moved.workload("w2").probability == 0.0


def test_disruption_probabilities_from_risk_scores_and_explicit_values():
    s = three_periods()
    model = disruption_model(s)  # P1..P3 are not quarters: 4 periods a year assumed
    assert model.probability["A"] == pytest.approx((1 - 0.5**0.25,) * 3)
    assert model.source == {"A": "risk score", "B": "risk score"}
    model = disruption_model(s, {"B": [0.1, 0.2, 0.3]}, per_year=1)
    assert model.probability["A"] == pytest.approx((0.5,) * 3)
    assert model.probability["B"] == (0.1, 0.2, 0.3)
    assert periods_per_year(["2026Q1", "2026Q2"]) == 4
    assert periods_per_year(["2026-01", "2026-02"]) == 12
    assert periods_per_year(["2026H1", "2026H2"]) == 2
    assert periods_per_year(["2026", "2027"]) == 1
    with pytest.raises(ProcureError, match="unknown vendors: Z"):
        disruption_model(s, {"Z": 0.1})
    with pytest.raises(ProcureError, match="from 0 to 1"):
        disruption_model(s, {"A": 1.5})


def test_stored_probabilities_and_cancel():
    data = two_vendor_data()
    data["vendors"][0]["x"] = {"procure": {"disruption_probability": 0.25}}
    s = scenario_from_data(data)
    assert disruption_model(s).probability["A"] == (0.25,)
    assert disruption_model(s).source["A"] == "scenario (x)"
    with pytest.raises(Cancelled):
        simulate(s, solve(s), should_stop=lambda: True)
    with pytest.raises(ProcureError, match="mode"):
        simulate(s, solve(s), mode="meteor")
