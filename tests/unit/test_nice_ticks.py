"""Chart axes on round ticks (#15 item 9): one rule, without Qt."""

from __future__ import annotations

import itertools
import math

import pytest

from procure.phrases import nice_ticks, tick_decimals


def _is_round(step: float) -> bool:
    mantissa = step / 10 ** math.floor(math.log10(step))
    return any(abs(mantissa - m) < 1e-9 for m in (1, 2, 2.5, 5))


@pytest.mark.parametrize(("lo", "hi", "expected"), [
    (0.35, 0.7, [0.3, 0.4, 0.5, 0.6, 0.7]),
    (183.2, 197.9, [180, 185, 190, 195, 200]),
    (0.4, 0.47, [0.4, 0.42, 0.44, 0.46, 0.48]),
    (0, 10, [0, 2, 4, 6, 8, 10]),
    (0, 12, [0, 2.5, 5, 7.5, 10, 12.5]),
])
def test_known_ranges_get_round_ticks(lo, hi, expected):
    assert nice_ticks(lo, hi) == pytest.approx(expected)


@pytest.mark.parametrize(("lo", "hi"), [
    (0.4375, 0.5125), (3.4e11, 5.1e11), (-3.87, 12.2), (196.93, 197.01), (1e-4, 3e-4),
    (5.0, 5.0), (0.0, 0.0), (7, 3),
])
def test_ticks_cover_the_range_on_a_round_step(lo, hi):
    ticks = nice_ticks(lo, hi, 5)
    assert ticks[0] <= min(lo, hi) + 1e-12 and ticks[-1] >= max(lo, hi) - 1e-12
    steps = [b - a for a, b in itertools.pairwise(ticks)]
    assert steps and all(s == pytest.approx(steps[0]) for s in steps)
    assert _is_round(steps[0])
    assert 2 <= len(ticks) <= 12
    # printed with the decimals tick_decimals asks for, no tick loses its value
    digits = tick_decimals(ticks)
    assert [float(f"{t:.{digits}f}") for t in ticks] == pytest.approx(ticks)


def test_decimals_follow_the_step():
    assert tick_decimals([0, 2.5, 5]) == 1
    assert tick_decimals([0.25, 0.5]) == 2
    assert tick_decimals([20, 40]) == 0


def test_the_memo_trade_off_chart_uses_the_same_ticks():
    from procure.analysis.tradeoff import SweepLimit, SweepPoint, SweepResult
    from procure.exports.analysis_charts import tradeoff_chart

    values = [0.40 + 0.02 * k for k in range(7)]
    costs = [197.93e9, 196.41e9, 195.02e9, 194.3e9, 193.87e9, 193.8e9, 193.79e9]
    sweep = SweepResult(SweepLimit("category_max", "imported"),
                        tuple(SweepPoint(v, "optimal", c, c, None)
                              for v, c in zip(values, costs, strict=True)), 0.46, 195.02e9)
    plot = next(e for e in tradeoff_chart(sweep).contents if hasattr(e, "xValueAxis"))
    x, y = plot.xValueAxis, plot.yValueAxis
    assert (x.valueMin, x.valueMax, x.valueStep) == pytest.approx((0.4, 0.525, 0.025))
    assert _is_round(y.valueStep) and y.valueMin <= 193.79 and y.valueMax >= 197.93
    assert [x.labelTextFormat(t) for t in (0.4, 0.425)] == ["40.0%", "42.5%"]
