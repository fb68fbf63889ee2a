"""Trade-off sweeps: hand-derived curve, monotonicity, the current plan, cancel."""

from __future__ import annotations

import pytest
from factories import two_vendor

from procure.analysis.tradeoff import SweepLimit, default_values, grid, sweep
from procure.errors import Cancelled, ValidationError
from procure.formats.scenario_json import read_scenario
from procure.resources import demo_plan_path


def imported_cap_cost(cap: float) -> float:
    """two_vendor with the imported share capped at ``cap``: x units of a (100) and 10 - x
    of b (150), with 100 x <= cap (100 x + 150 (10 - x)), so x = 1500 cap / (100 + 50 cap)."""
    x = min(10.0, 1500 * cap / (100 + 50 * cap))
    return 100 * x + 150 * (10 - x)


def test_imported_cap_curve_matches_the_hand_derivation():
    result = sweep(two_vendor(), SweepLimit.parse("category_max:imported"), grid(0, 1, 11))
    for point in result.points:
        assert point.total_cost == pytest.approx(imported_cap_cost(point.value), rel=1e-6)
    half = next(p for p in result.points if p.value == 0.5)
    # d cost / d cap = -50 dx/dcap = -50 x 1500 x 100 / (100 + 50 cap)^2 = -480 at 0.5
    assert half.marginal == pytest.approx(-480, rel=1e-6)
    assert result.current_value is None  # the base plan sets no imported cap
    assert result.current_cost == pytest.approx(1000)
    assert result.steps()[0] == pytest.approx((1.0, 0.9, imported_cap_cost(0.9) - 1000))


def assert_monotone(result):
    """A looser limit never costs more; and once feasible, a looser limit stays feasible."""
    ordered = sorted(result.points, key=lambda p: p.value,
                     reverse=not result.limit.higher_is_looser)  # tightest first
    seen_feasible = False
    previous = None
    for p in ordered:
        if p.total_cost is None:
            assert not seen_feasible, f"infeasible at {p.value} after a tighter feasible point"
            continue
        seen_feasible = True
        if previous is not None:
            assert p.total_cost <= previous + 1e-6 * abs(previous), (p.value, p.total_cost)
        previous = p.total_cost
    assert seen_feasible


@pytest.mark.parametrize("limit", [
    "category_max:imported", "category_min:in-house", "weighted_risk", "outage_coverage",
    "budget_total", "vendor_max_share", "vendor_share:huawei",
])
def test_demo_sweeps_are_monotone_and_mark_the_current_plan(limit):
    demo = read_scenario(demo_plan_path())
    result = sweep(demo, SweepLimit.parse(limit), workers=1)
    assert len(result.points) == 20
    assert_monotone(result)
    current = SweepLimit.parse(limit).current(demo)
    assert result.current_value == current
    assert result.current_cost == pytest.approx(201_194_584_344.85, rel=1e-6)
    if current is not None:  # the curve passes through the current plan
        at = sweep(demo, SweepLimit.parse(limit), [current], workers=1).points[0]
        assert at.total_cost == pytest.approx(result.current_cost, rel=1e-9)


def test_parallel_points_equal_sequential_points():
    demo = read_scenario(demo_plan_path())
    limit = SweepLimit.parse("weighted_risk")
    values = grid(0.4, 0.5, 6)
    one = sweep(demo, limit, values, workers=1)
    two = sweep(demo, limit, values, workers=2)
    assert two.workers == 2
    assert [p.status for p in one.points] == [p.status for p in two.points]
    costs = [(a.total_cost, b.total_cost) for a, b in zip(one.points, two.points, strict=True)
             if a.total_cost is not None]
    assert len(costs) >= 3
    for a, b in costs:
        assert a == pytest.approx(b, rel=1e-9)


def test_limits_are_checked_and_cancel_stops_the_sweep():
    with pytest.raises(ValidationError, match="unknown limit"):
        SweepLimit.parse("imports")
    with pytest.raises(ValidationError, match="needs a category"):
        SweepLimit.parse("category_max")
    with pytest.raises(ValidationError, match="no vendor has category 'imprted'"):
        sweep(two_vendor(), SweepLimit.parse("category_max:imprted"), [0.5])
    calls = []
    with pytest.raises(Cancelled):
        sweep(two_vendor(), SweepLimit.parse("weighted_risk"), grid(0.1, 0.5, 5),
              should_stop=lambda: len(calls) > 2,
              progress=lambda pct, msg: calls.append(pct))
    demo = read_scenario(demo_plan_path())
    with pytest.raises(Cancelled):
        sweep(demo, SweepLimit.parse("weighted_risk"), grid(0.4, 0.5, 8), workers=2,
              should_stop=lambda: True)


def test_default_ranges():
    demo = read_scenario(demo_plan_path())
    assert default_values(demo, SweepLimit("weighted_risk"), 3) == (0.3, 0.5, 0.7)
    assert default_values(demo, SweepLimit("budget_total"), 2) == (1.7e11, 5.1e11)
    assert default_values(demo, SweepLimit("category_max", "imported"), 2) == (0.0, 1.0)
