"""Shadow prices agree with finite differences: re-solve with the limit nudged.

At a degenerate optimum a shadow price may be either one-sided derivative, so
each is compared with the forward and the backward difference and must match
one of them.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from procure.domain.result import Relaxation
from procure.formats.scenario_json import read_scenario
from procure.optimiser import solve
from procure.relaxation import apply_relaxation
from procure.resources import demo_plan_path

SHARE = ("vendor_share", "category_min", "category_max", "weighted_risk")
GE_ROWS = ("demand", "category_min")  # relaxing these lowers their right-hand side


def _step(kind: str, rhs: float) -> float:
    if kind in SHARE:
        return 1e-4
    return max(abs(rhs), 1.0) * 1e-5


def _one_sided(scenario, name, step, base):
    nudged = apply_relaxation(scenario, Relaxation(name, step, ""))
    return (solve(nudged).objective - base) / step


def _check(scenario, names):
    base_result = solve(scenario)
    base = base_result.objective
    checked = 0
    for name in names:
        report = base_result.constraint(name)
        step = _step(report.kind, report.rhs)
        sign = -1 if report.kind in GE_ROWS else 1  # d obj / d rhs from d obj / d relaxation
        forward = sign * _one_sided(scenario, name, step, base)
        backward = sign * _one_sided(scenario, name, -step, base)
        expected = report.shadow_price
        if report.kind == "demand":
            # Demand also sets the outage rows' right-hand sides (delta x D): moving the
            # scenario's demand moves both, so their prices add up.
            workload, period = report.parts
            expected += scenario.limits.outage_coverage * sum(
                c.shadow_price for c in base_result.constraints
                if c.kind == "outage" and c.parts[1:] == (workload, period)
            )
        tol = 1e-3 * max(abs(expected), 1.0) + 1e-8 * abs(base) / step
        assert min(abs(expected - forward), abs(expected - backward)) <= tol, (
            name, expected, forward, backward
        )
        checked += 1
    return checked


def test_example_shadow_prices(example_path):
    scenario = read_scenario(example_path)
    names = [
        "demand:infer:2026Q3", "demand:infer:2026Q4", "vendor_share:own", "vendor_share:huawei",
        "budget:2026Q2", "power:2026Q4", "category_min:in-house", "weighted_risk",
        "supply:asic1:2026Q2",
    ]
    assert _check(scenario, names) == len(names)


def test_demo_plan_binding_limits_match_finite_differences():
    scenario = read_scenario(demo_plan_path())
    result = solve(scenario)
    wanted = ("budget", "power", "vendor_share", "weighted_risk", "demand", "supply")
    names = []
    for kind in wanted:
        hot = [c for c in result.constraints if c.kind == kind and c.binding
               and abs(c.shadow_price or 0) > 1e-6 and not (kind == "supply" and c.rhs == 0)]
        names += [c.name for c in hot[:2]]
    assert len(names) >= 6
    _check(scenario, names)


def test_capacity_shadow_prices_sum_to_the_value_of_an_extra_fleet_unit(example_path):
    """An existing unit in service up to 2026Q4 adds capacity in every period."""
    scenario = read_scenario(example_path)
    base = solve(scenario)
    step = 0.5
    fleet = (*scenario.fleet, replace(scenario.fleet[1], units=step, retire_after="2026Q4"))
    nudged = solve(replace(scenario, fleet=fleet))
    expected = sum(base.constraint(f"capacity:910c:{p}").shadow_price for p in scenario.periods)
    assert (nudged.objective - base.objective) / step == pytest.approx(expected, rel=1e-3)


def test_outage_shadow_prices_price_the_coverage_level():
    """d objective / d delta = sum over outage rows of shadow x D_wt."""
    from factories import two_vendor

    scenario = two_vendor(limits={"outage_coverage": 0.3})
    base = solve(scenario)
    step = 1e-3
    nudged = solve(replace(scenario, limits=replace(scenario.limits, outage_coverage=0.3 + step)))
    expected = sum(c.shadow_price * 10 for c in base.constraints if c.kind == "outage")
    assert (nudged.objective - base.objective) / step == pytest.approx(expected, rel=1e-3)
