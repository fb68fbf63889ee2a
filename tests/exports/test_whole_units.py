"""Purchases presented in whole lots: rounded up per order, the rounding stated."""

from __future__ import annotations

import pytest
from factories import build, two_vendor_data, with_chip
from openpyxl import load_workbook

from procure.exports import write_workbook
from procure.exports.prose import recommendation, rounding_note
from procure.exports.whole_units import whole_orders
from procure.optimiser import solve


def _lots_of_eight():
    """Demand 10.5 PFLOP/s of chip a (lot size 8, price 100): 10.5 units as solved,
    ordered as 2 lots = 16 units."""
    data = with_chip(two_vendor_data(), "a", lot_size=8)
    data["workloads"] = [{"id": "w", "demand": 10.5, "efficiency": {"a": 1}}]
    scenario = build(data)
    return scenario, solve(scenario)


def test_each_order_is_rounded_up_to_whole_lots():
    scenario, result = _lots_of_eight()
    assert result.buy["a"]["P1"] == pytest.approx(10.5)
    whole = whole_orders(scenario, result)
    [order] = whole.orders
    assert (order.lots, order.units, order.lot_size) == (2, 16, 8)
    assert whole.added_units == pytest.approx(5.5)
    assert whole.added_capex == pytest.approx(550)


def test_the_memo_words_buy_whole_units_and_say_how_they_were_rounded():
    scenario, result = _lots_of_eight()
    assert "buying 16 new accelerators" in recommendation(scenario, result, "en")[0]
    note = rounding_note(scenario, result, "en")
    assert "rounded up to whole lots" in note and "5.5 units and 550 CNY" in note


def test_the_workbook_has_the_orders_in_whole_lots(tmp_path):
    scenario, result = _lots_of_eight()
    path = tmp_path / "plan.xlsx"
    write_workbook(scenario, result, path)
    orders = load_workbook(path)["Orders"]
    assert "rounded up to whole lots" in orders["A2"].value
    assert [cell.value for cell in orders[5]][:6] == ["a", None, "P1", 8, 2, 16]


def test_an_integer_plan_needs_no_rounding():
    data = with_chip(two_vendor_data(integer=True), "a", lot_size=8)
    scenario = build(data)
    result = solve(scenario)
    assert not whole_orders(scenario, result).rounded
    assert rounding_note(scenario, result, "en") == ""
