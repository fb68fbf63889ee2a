"""Structural edits: renaming an id with its references, adding and removing periods."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from procure.domain.edits import AREAS, Edit, EditGroup, RenameId, SetField
from procure.domain.model import Chip, FleetEntry, Scenario
from procure.domain.period_edits import (
    InsertPeriod,
    RemovePeriod,
    next_period_label,
    per_period_series,
)
from procure.domain.validation import validate_scenario
from procure.errors import ValidationError
from procure.formats.scenario_json import dumps_scenario, read_scenario

EXAMPLE = Path(__file__).parents[1] / "data" / "example-small.json"


@pytest.fixture
def s() -> Scenario:
    return read_scenario(EXAMPLE)


def _roundtrip(s: Scenario, edit: Edit) -> tuple[Scenario, Edit]:
    """Apply, undo, redo: the undo gives back the old scenario exactly (file order too)."""
    new, inverse = edit.apply(s)
    back, again = inverse.apply(new)
    assert back == s and dumps_scenario(back) == dumps_scenario(s)
    assert again.apply(back)[0] == new
    return new, inverse


# --- renaming ids --------------------------------------------------------------------------------

def test_renaming_a_vendor_moves_its_chips(s: Scenario) -> None:
    new, inverse = _roundtrip(s, RenameId("vendors", "nvidia", "nv"))
    assert [v.id for v in new.vendors] == ["nv", "huawei", "own"]
    assert [c.vendor for c in new.chips] == ["nv", "huawei", "own"]
    assert new.limits == s.limits  # limits name categories, not vendors
    assert inverse == RenameId("vendors", "nv", "nvidia")
    assert validate_scenario(new) == []


def test_renaming_a_chip_moves_efficiencies_in_place_and_the_fleet(s: Scenario) -> None:
    new, inverse = _roundtrip(s, RenameId("chips", "910c", "ascend"))
    assert [c.id for c in new.chips] == ["h20", "ascend", "asic1"]
    assert list(new.workloads[0].efficiency.items()) == [
        ("h20", 0.45), ("ascend", 0.35), ("asic1", 0.5)]
    assert [f.chip for f in new.fleet] == ["h20", "ascend"]
    assert inverse == RenameId("chips", "ascend", "910c")
    assert validate_scenario(new) == []


def test_renaming_a_workload_changes_only_its_row(s: Scenario) -> None:
    new, _ = _roundtrip(s, RenameId("workloads", "infer", "推理"))
    assert new.workloads[0].id == "推理"
    assert dataclasses.replace(new, workloads=s.workloads) == s


def test_references_that_already_named_the_new_id_are_restored_exactly(s: Scenario) -> None:
    # A chip typed in for a vendor "nv" that does not exist yet, then a vendor renamed to it.
    chip = Chip(id="b200", vendor="nv", peak_pflops=2.2, price=(3e5,) * 4)
    s = dataclasses.replace(s, chips=(*s.chips, chip))
    new, inverse = _roundtrip(s, RenameId("vendors", "nvidia", "nv"))
    assert [c.vendor for c in new.chips] == ["nv", "huawei", "own", "nv"]
    assert isinstance(inverse, EditGroup)  # a plain reverse rename would take b200 along
    assert validate_scenario(new) == []


def test_renaming_to_the_same_id_changes_nothing(s: Scenario) -> None:
    new, inverse = RenameId("chips", "h20", "h20").apply(s)
    assert new == s and inverse == RenameId("chips", "h20", "h20")


def test_rename_areas_and_label() -> None:
    assert RenameId("vendors", "a", "b").areas == {"vendors", "chips"}
    assert RenameId("chips", "a", "b").areas == {"chips", "workloads", "fleet"}
    assert RenameId("workloads", "a", "b").areas == {"workloads"}
    assert RenameId("chips", "h20", "h20e").label == "Rename chip h20 to h20e"


BAD_RENAMES = [
    (RenameId("chips", "h20", "910c"), r'chips\["h20"\]\.id: there is already a chip'),
    (RenameId("vendors", "own", ""), "vendor id must not be empty"),
    (RenameId("vendors", "own", "  "), "must not be empty"),
    (RenameId("vendors", "nope", "x"), "no vendor with id 'nope'"),
    (RenameId("fleet", 0, "x"), "ids are renamed in vendors, chips, workloads"),  # type: ignore[arg-type]
]


@pytest.mark.parametrize(("edit", "message"), BAD_RENAMES,
                         ids=[str(i) for i in range(len(BAD_RENAMES))])
def test_bad_renames_are_refused_with_the_location(s: Scenario, edit: Edit, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        edit.apply(s)


def test_a_rename_onto_an_existing_efficiency_entry_is_refused(s: Scenario) -> None:
    s, _ = SetField(("workloads", "infer", "efficiency", "ghost"), 0.2).apply(s)
    with pytest.raises(ValidationError, match=r'efficiency\["ghost"\]: already has an entry'):
        RenameId("chips", "h20", "ghost").apply(s)


# --- period labels -------------------------------------------------------------------------------

@pytest.mark.parametrize(("periods", "expected"), [
    (("2027Q3", "2027Q4"), "2028Q1"),
    (("2026Q1",), "2026Q2"),
    (("2027-Q4",), "2028-Q1"),
    (("2026-11", "2026-12"), "2027-01"),
    (("202609",), "202610"),
    (("2026", "2027"), "2028"),
    (("Q1", "Q2", "Q3"), "P4"),
    (("P1", "P4", "x"), "P5"),
    (("2026-13",), "P2"),
    ((), "P1"),
])
def test_next_period_label(periods: tuple[str, ...], expected: str) -> None:
    assert next_period_label(periods) == expected


# --- adding and removing periods -----------------------------------------------------------------

def test_appending_a_period_copies_the_last_periods_values(s: Scenario) -> None:
    s, _ = SetField(("chips", "h20", "price", "2026Q4"), 91000).apply(s)
    new, inverse = _roundtrip(s, InsertPeriod(next_period_label(s.periods)))
    assert new.periods == ("2026Q1", "2026Q2", "2026Q3", "2026Q4", "2027Q1")
    assert inverse == RemovePeriod("2027Q1")
    for path, values in per_period_series(new):
        assert len(values) == 5 and values[4] == values[3], path
    assert new.chips[0].price[4] == 91000.0
    assert new.chips[1].supply is None  # unlimited stays unlimited
    assert new.chips[2].supply == (0, 500, 1000, 2000, 2000)
    assert new.workloads[0].demand == (100, 150, 220, 300, 300)
    assert new.budget.per_period == (6e8,) * 5 and new.power_cap_kw == (20000.0,) * 5
    assert new.hours == (2190.0,) * 5 and new.energy_price == (0.65,) * 5
    assert new.pue == (1.3,) * 5
    assert new.fleet == s.fleet  # still retiring after 2026Q4
    assert validate_scenario(new) == []


def test_inserting_first_copies_the_next_period_and_explicit_values_win(s: Scenario) -> None:
    values = ((("chips", "asic1", "supply"), 7), (("hours",), 100.0))
    new, _ = _roundtrip(s, InsertPeriod("2025Q4", at=0, values=values))
    assert new.periods[0] == "2025Q4"
    assert new.chips[2].supply == (7, 0, 500, 1000, 2000)
    assert new.hours[0] == 100.0 and new.workloads[0].demand[0] == 100
    assert validate_scenario(new) == []


@pytest.mark.parametrize("period", ["2026Q1", "2026Q2", "2026Q3", "2026Q4"])
def test_removing_a_period_drops_its_column_and_undoes_exactly(
    s: Scenario, period: str
) -> None:
    if period == "2026Q1":
        s = dataclasses.replace(s, fleet=(FleetEntry("h20", 1.0, "2026Q2"),))
    k = s.periods.index(period)
    new, inverse = _roundtrip(s, RemovePeriod(period))
    assert period not in new.periods and len(new.periods) == 3
    assert isinstance(inverse, InsertPeriod) and inverse.at == k
    assert new.workloads[0].demand == tuple(
        d for i, d in enumerate(s.workloads[0].demand) if i != k)
    for _, values in per_period_series(new):
        assert len(values) == 3
    assert validate_scenario(new) == []


def test_fleet_retiring_after_a_removed_period_retires_one_period_earlier(s: Scenario) -> None:
    new, inverse = _roundtrip(s, RemovePeriod("2026Q4"))
    assert new.fleet[0].retire_after == "2026Q3" and new.fleet[1].retire_after is None
    assert isinstance(inverse, InsertPeriod) and inverse.retiring == (0,)


def test_the_first_period_cannot_go_while_fleet_retires_after_it(s: Scenario) -> None:
    s, _ = SetField(("fleet", 1, "retire_after"), "2026Q1").apply(s)
    with pytest.raises(ValidationError, match=r"fleet\[1\] \(910c\) retire after '2026Q1'"):
        RemovePeriod("2026Q1").apply(s)


BAD_PERIOD_EDITS = [
    (RemovePeriod("2030Q1"), "there is no period '2030Q1'"),
    (InsertPeriod("2026Q2"), "already a period '2026Q2'"),
    (InsertPeriod(" "), "needs a label"),
    (InsertPeriod("X", at=9), "cannot insert a period at position 9"),
    (InsertPeriod("X", values=((("chips", "910c", "supply"), 1.0),)), "not a per-period series"),
    (InsertPeriod("X", values=((("hours",), float("nan")),)), "finite number"),
    (InsertPeriod("X", retiring=(1,)), r"fleet\[1\]\.retire_after: must retire after '2026Q4'"),
]


@pytest.mark.parametrize(("edit", "message"), BAD_PERIOD_EDITS,
                         ids=[str(i) for i in range(len(BAD_PERIOD_EDITS))])
def test_bad_period_edits_are_refused(s: Scenario, edit: Edit, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        edit.apply(s)


def test_the_last_period_cannot_be_removed() -> None:
    one = Scenario(periods=("P1",), vendors=())
    with pytest.raises(ValidationError, match="at least one period"):
        RemovePeriod("P1").apply(one)


def test_period_edits_touch_every_area_and_name_themselves() -> None:
    assert InsertPeriod("2027Q1").areas == set(AREAS) == RemovePeriod("x").areas
    assert InsertPeriod("2027Q1").label == "Add period 2027Q1"
    assert RemovePeriod("2026Q3").label == "Remove period 2026Q3"
