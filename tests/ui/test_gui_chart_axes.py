"""The window's trade-off chart reads on round ticks (#15 item 9)."""

from __future__ import annotations

import math

from PySide6.QtCharts import QValueAxis

from procure.analysis.tradeoff import SweepLimit, SweepPoint, SweepResult
from ui.views.charts.tradeoff_chart import TradeoffChart


def _sweep(kind: str, values: list[float], costs: list[float | None],
           current: tuple[float, float]) -> SweepResult:
    points = tuple(SweepPoint(v, "optimal" if c is not None else "infeasible", c, c, None)
                   for v, c in zip(values, costs, strict=True))
    target = "imported" if kind == "category_max" else None
    return SweepResult(SweepLimit(kind, target), points, *current)


def _round(step: float) -> bool:
    mantissa = step / 10 ** math.floor(math.log10(step))
    return any(abs(mantissa - m) < 1e-6 for m in (1, 2, 2.5, 5, 10))


def _axes(chart: TradeoffChart) -> list[QValueAxis]:
    axes = chart.chart().axes()
    assert len(axes) == 2
    return [a for a in axes if isinstance(a, QValueAxis)]


def test_trade_off_axes_start_and_step_on_round_numbers(qtbot):
    view = TradeoffChart()
    qtbot.addWidget(view)
    # a weighted-risk sweep from an odd limit, costs that are not round either
    sweep = _sweep("weighted_risk", [0.4375 + 0.0125 * k for k in range(7)],
                   [197.93e9, 196.41e9, 195.02e9, 194.3e9, 193.87e9, 193.8e9, None],
                   (0.4625, 195.02e9))
    view.set_sweep(sweep)
    for axis in _axes(view):
        assert axis.tickType() is QValueAxis.TickType.TicksDynamic
        step = axis.tickInterval()
        assert _round(step), (axis.titleText(), step)
        assert axis.tickAnchor() == axis.min()
        assert abs(axis.min() / step - round(axis.min() / step)) < 1e-6, axis.min()
        assert abs(axis.max() / step - round(axis.max() / step)) < 1e-6, axis.max()
        assert 3 <= round((axis.max() - axis.min()) / step) <= 12
    x_axis, y_axis = sorted(_axes(view), key=lambda a: a.titleText() == "bn CNY")
    assert x_axis.min() <= 0.4375 and x_axis.max() >= 0.5125
    assert y_axis.min() <= 193.8 and y_axis.max() >= 197.93


def test_share_axes_are_whole_or_round_percentages(qtbot):
    view = TradeoffChart()
    qtbot.addWidget(view)
    sweep = _sweep("category_max", [0.35, 0.42, 0.49, 0.56, 0.63, 0.7],
                   [210e9, 203e9, 199e9, 197e9, 196.5e9, 196.4e9], (0.56, 197e9))
    view.set_sweep(sweep)
    x_axis = next(a for a in _axes(view) if "%" in a.labelFormat())
    assert (x_axis.min(), x_axis.max(), x_axis.tickInterval()) == (30.0, 70.0, 10.0)
    assert x_axis.labelFormat() == "%.0f%%"
