"""Overrides and stored variants: what each operation does, and the JSON round trip."""

from __future__ import annotations

import dataclasses

import pytest
from analysis_factories import three_periods
from factories import two_vendor

from procure.analysis.overrides import NO_LIMIT, Override, apply_override, apply_overrides
from procure.analysis.templates import parse_template
from procure.analysis.variants import (
    Variant,
    apply_variant,
    find_variant,
    variants_of,
    with_variants,
)
from procure.errors import ValidationError
from procure.formats.scenario_json import dumps_scenario, loads_scenario


def chip(s, chip_id):
    return next(c for c in s.chips if c.id == chip_id)


def test_per_period_operations_touch_only_their_range():
    s = three_periods()
    price = ("chips", "a", "price")
    assert chip(apply_override(s, Override(price, 2, "scale", "P2")), "a").price == (100, 200, 200)
    assert chip(apply_override(s, Override(price, 5, "add", "P1", "P2")), "a").price == (
        105, 105, 100)
    assert chip(apply_override(s, Override(price, 90, "min")), "a").price == (90, 90, 90)
    assert chip(apply_override(s, Override(price, 120, "max", end="P1")), "a").price == (
        120, 100, 100)
    assert chip(apply_override(s, Override(price, (1, 2), "set", "P2", "P3")), "a").price == (
        100, 1, 2)
    assert chip(apply_override(s, Override((*price, "P3"), 7)), "a").price == (100, 100, 7)


def test_unlimited_fields_stay_unlimited_outside_the_range():
    s = three_periods()
    supply = ("chips", "a", "supply")
    assert chip(apply_override(s, Override(supply, 0.5, "scale")), "a").supply is None
    capped = apply_override(s, Override(supply, 4, "min", "P2"))
    assert chip(capped, "a").supply == (NO_LIMIT, 4, 4)
    assert apply_override(s, Override(("hours",), 2190, "set", "P3")).hours == (0, 0, 2190)
    assert apply_override(s, Override(("pue",), 1.2, "scale")).pue == (1.2, 1.2, 1.2)


def test_scalar_fields_wildcards_and_new_category_entries():
    s = three_periods()
    s2 = apply_overrides(s, [
        Override(("limits", "max_weighted_risk"), 0.3),
        Override(("limits", "category_share", "imported", "max"), 0.25),
        Override(("chips", "*", "price"), 1.5, "scale", "P3"),
        Override(("chips", "a", "lead_time"), 1, "add"),
    ])
    assert s2.limits.max_weighted_risk == 0.3
    assert s2.limits.category_share["imported"].max == 0.25
    assert [c.price[2] for c in s2.chips] == [150, 225]
    assert chip(s2, "a").lead_time == 2 and isinstance(chip(s2, "a").lead_time, int)
    assert s.limits.max_weighted_risk is None  # the base is untouched


@pytest.mark.parametrize(("override", "message"), [
    (Override(("chips", "a", "price"), 1, start="P9"), "not one of the periods"),
    (Override(("chips", "a", "price"), (1, 2)), "needs 3 values"),
    (Override(("limits", "max_weighted_risk"), 0.3, start="P2"), "not a per-period value"),
    (Override(("limits", "max_weighted_risk"), 2, "scale"), "use 'set'"),
    (Override(("chips", "zz", "price"), 1), "no chip with id 'zz'"),
    (Override(("chips", "a", "price"), 1, "double"), "unknown operation"),
    (Override(("chips", "a", "price"), 1, start="P3", end="P1"), r"ends \(P1\) before"),
])
def test_overrides_that_do_not_fit_are_validation_errors(override, message):
    with pytest.raises(ValidationError, match=message):
        apply_override(three_periods(), override)


def test_variants_round_trip_through_the_scenario_json_x_key():
    base = three_periods()
    variants = (
        Variant("Imports cut", stress=parse_template("export-licence:start=P2"),
                description="licence from P2"),
        Variant("Dearer b", (Override(("chips", "b", "price"), 1.2, "scale", "P2", "P3"),),
                event="P2"),
    )
    stored = with_variants(base, variants)
    text = dumps_scenario(stored)
    back = loads_scenario(text)
    assert variants_of(back) == variants
    assert '"procure"' in text and '"variants"' in text
    assert back.x["procure"]["variants"][1] == {
        "name": "Dearer b", "event": "P2",
        "overrides": [{"path": ["chips", "b", "price"], "op": "scale", "value": 1.2,
                       "from": "P2", "to": "P3"}],
    }
    assert with_variants(back, ()).x is None  # removing the last variant removes the key


def test_apply_variant_is_a_pure_function_of_the_base():
    base = with_variants(two_vendor(), [Variant("dear", (Override(("chips", "a", "price"), 130),))])
    variant = find_variant(base, "dear")
    first, second = apply_variant(base, variant), apply_variant(base, variant)
    assert first == second
    assert chip(first, "a").price == (130,) and chip(base, "a").price == (100,)
    assert first.x == {"procure": {"variant": "dear"}}  # the stored variants are not copied
    with pytest.raises(ValidationError, match="no variant 'other'"):
        find_variant(base, "other")


def test_stored_variants_are_read_strictly():
    bad = dataclasses.replace(two_vendor(), x={"procure": {"variants": [
        {"name": "v", "overides": []}]}})
    with pytest.raises(ValidationError, match="unknown keys"):
        variants_of(bad)
    with pytest.raises(ValidationError, match="unknown parameters"):
        parse_template("export-licence:start=P1,strat=P2")
    with pytest.raises(ValidationError, match="needs start"):
        parse_template("export-licence")


def test_stored_variants_survive_a_plan_file(tmp_path):
    from procure import services

    base = with_variants(three_periods(), [
        Variant("cut", stress=parse_template("export-licence:start=P2"),
                overrides=(Override(("chips", "b", "price"), 1.1, "scale", "P2"),)),
    ])
    doc = services.create_plan_file(tmp_path / "plan.procure", base)
    try:
        reopened = services.open_plan(doc.store).scenario
        assert variants_of(reopened) == variants_of(base)
    finally:
        doc.store.close()
