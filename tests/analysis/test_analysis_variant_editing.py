"""Editing the stored what-ifs: put, drop, free names, typed overrides, sweepable limits."""

from __future__ import annotations

import pytest
from analysis_factories import three_periods

from procure.analysis import (
    Variant,
    drop_variant,
    free_name,
    parse_template,
    put_variant,
    sweep_limits,
    template_fields,
    variants_of,
)
from procure.analysis.overrides import Override, parse_override
from procure.errors import ValidationError
from procure.storage.codec import scenario_hash


def _cut(name: str = "Cut", start: str = "P2") -> Variant:
    return Variant(name, stress=parse_template(f"export-licence:start={start}"))


def test_put_appends_replaces_in_place_and_refuses_duplicates():
    s = put_variant(put_variant(three_periods(), _cut("A")), _cut("B"))
    assert [v.name for v in variants_of(s)] == ["A", "B"]
    s = put_variant(s, _cut("A2", "P3"), replacing="A")
    assert [v.name for v in variants_of(s)] == ["A2", "B"]
    assert variants_of(s)[0].stress.to_data()["start"] == "P3"
    with pytest.raises(ValidationError, match="already a variant called 'B'"):
        put_variant(s, _cut("B"))
    with pytest.raises(ValidationError, match="no variant 'Z'"):
        put_variant(s, _cut("C"), replacing="Z")
    with pytest.raises(ValidationError, match="needs a name"):
        put_variant(s, _cut(" "))


def test_put_checks_the_variant_against_the_plan():
    with pytest.raises(ValidationError, match="not one of the periods"):
        put_variant(three_periods(), _cut("X", "2031Q1"))
    with pytest.raises(ValidationError, match="zz"):
        put_variant(three_periods(), Variant("X", (Override(("chips", "zz", "price"), 2.0),)))


def test_drop_and_free_name():
    s = put_variant(put_variant(three_periods(), _cut("A")), _cut("A (2)"))
    assert free_name(s, "A") == "A (3)" and free_name(s, "B") == "B"
    s = drop_variant(s, "A")
    assert [v.name for v in variants_of(s)] == ["A (2)"]
    assert drop_variant(s, "A (2)").x is None  # nothing left behind
    with pytest.raises(ValidationError, match="no variant 'A'"):
        drop_variant(s, "A")


def test_stored_whatifs_do_not_change_the_plans_hash():
    base = three_periods()
    with_whatif = put_variant(base, _cut())
    assert scenario_hash(with_whatif) == scenario_hash(base)
    assert scenario_hash(drop_variant(with_whatif, "Cut")) == scenario_hash(base)
    dearer = parse_override("chips/a/price", "scale", "2")
    from procure.analysis.overrides import apply_override

    assert scenario_hash(apply_override(base, dearer)) != scenario_hash(base)


def test_parse_override_reads_paths_numbers_lists_and_text():
    o = parse_override(" chips/a/supply ", "set", "1, 2,3", "P1", "P3")
    assert o == Override(("chips", "a", "supply"), (1.0, 2.0, 3.0), "set", "P1", "P3")
    assert parse_override("fleet/0/units", "add", "5").path == ("fleet", 0, "units")
    assert parse_override("fleet/0/retire_after", "set", "P2").value == "P2"
    for path, op, value, message in (("", "set", "1", "not a path"),
                                     ("chips//price", "set", "1", "not a path"),
                                     ("chips/a/price", "double", "1", "must be one of"),
                                     ("chips/a/price", "set", " ", "a value is required")):
        with pytest.raises(ValidationError, match=message):
            parse_override(path, op, value)


def test_sweep_limits_offer_what_the_plan_sets():
    s = three_periods()
    assert [limit.text for limit in sweep_limits(s)] == [
        "category_max:imported", "category_max:domestic", "weighted_risk", "outage_coverage",
        "vendor_max_share"]
    s = three_periods(budget={"total": 5000}, limits={
        "category_share": {"domestic": {"min": 0.2}}})
    texts = [limit.text for limit in sweep_limits(s)]
    assert "category_min:domestic" in texts and "budget_total" in texts


def test_choice_parameters_list_their_choices():
    fields = {f["name"]: f for f in template_fields("export-licence")}
    assert fields["in_transit"]["choices"] == ["stranded", "cancelled", "delivered"]
    assert fields["start"]["choices"] is None


def test_the_package_names_are_the_functions_even_after_their_modules_load():
    import procure.analysis as analysis
    import procure.analysis.montecarlo
    import procure.analysis.stress
    import procure.analysis.tradeoff  # noqa: F401 - loads the modules behind the names

    for name in analysis.__all__:
        value = getattr(analysis, name)
        assert not isinstance(value, type(analysis)), f"procure.analysis.{name} is a module"
    assert callable(analysis.sweep)
