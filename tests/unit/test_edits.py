"""Pure edits: each returns the new scenario and an inverse that restores the old one exactly."""

from __future__ import annotations

import dataclasses
import math
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from procure.domain.edits import (
    AREAS,
    AddRows,
    DeleteRows,
    Edit,
    EditGroup,
    ReplaceScenario,
    SetField,
    get_in,
    path_text,
)
from procure.domain.model import CategoryShare, Chip, FleetEntry, Scenario, Vendor
from procure.errors import ValidationError
from procure.formats.scenario_json import dumps_scenario, read_scenario, scenario_to_data

EXAMPLE = Path(__file__).parents[1] / "data" / "example-small.json"


@pytest.fixture
def s() -> Scenario:
    return read_scenario(EXAMPLE)


def _roundtrip(s: Scenario, edit: Edit) -> Scenario:
    new, inverse = edit.apply(s)
    back, again = inverse.apply(new)
    assert back == s and dumps_scenario(back) == dumps_scenario(s)
    assert again.apply(back)[0] == new  # the inverse of the inverse redoes the edit
    return new


def test_set_one_period_of_a_price(s: Scenario) -> None:
    new = _roundtrip(s, SetField(("chips", "h20", "price", "2026Q2"), 90000))
    assert new.chips[0].price == (95000.0, 90000.0, 95000.0, 95000.0)
    assert isinstance(new.chips[0].price[1], float)
    assert s.chips[0].price[1] == 95000.0  # the old scenario is untouched


@pytest.mark.parametrize(("path", "value", "check"), [
    (("chips", "910c", "supply"), [1, 2, 3, 4], lambda n: n.chips[1].supply == (1, 2, 3, 4)),
    (("chips", "910c", "supply"), 7, lambda n: n.chips[1].supply == (7.0,) * 4),
    (("chips", "h20", "supply"), None, lambda n: n.chips[0].supply is None),
    (("chips", "h20", "lifetime"), 8.0, lambda n: n.chips[0].lifetime == 8),
    (("vendors", "nvidia", "max_share"), None, lambda n: n.vendors[0].max_share is None),
    (("vendors", "own", "name"), "自研", lambda n: n.vendors[2].name == "自研"),
    (("fleet", 1, "retire_after"), "2026Q2", lambda n: n.fleet[1].retire_after == "2026Q2"),
    (("budget", "per_period", "2026Q4"), 1, lambda n: n.budget.per_period[3] == 1.0),
    (("limits", "category_share", "imported", "max"), 0.4,
     lambda n: n.limits.category_share["imported"].max == 0.4),
    (("limits", "category_share", "domestic"), CategoryShare(min=0.1),
     lambda n: list(n.limits.category_share) == ["in-house", "imported", "domestic"]),
    (("pue", "2026Q1"), 1.1, lambda n: n.pue[0] == 1.1),
    (("power_cap_kw",), None, lambda n: n.power_cap_kw is None),
    (("integer",), True, lambda n: n.integer),
    (("x",), {"k": [1, {"v": None}]}, lambda n: n.x == {"k": [1, {"v": None}]}),
    (("periods",), ["a", "b", "c", "d"], lambda n: n.periods == ("a", "b", "c", "d")),
    (("chips", "asic1"), Chip(id="asic2", vendor="own", peak_pflops=1, price=(1.0,) * 4),
     lambda n: n.chips[2].id == "asic2"),
])
def test_set_field_round_trips(s: Scenario, path: tuple, value: object, check) -> None:
    assert check(_roundtrip(s, SetField(path, value)))


def test_renaming_an_id_gives_an_inverse_under_the_new_id(s: Scenario) -> None:
    new, inverse = SetField(("chips", "h20", "id"), "h20e").apply(s)
    assert new.chips[0].id == "h20e"
    assert inverse == SetField(("chips", "h20e", "id"), "h20")


def test_removing_a_mapping_entry_is_undone_in_place(s: Scenario) -> None:
    new = _roundtrip(s, SetField(("workloads", "infer", "efficiency", "h20"), None))
    assert list(new.workloads[0].efficiency) == ["910c", "asic1"]
    _, inverse = SetField(("workloads", "infer", "efficiency", "h20"), None).apply(s)
    assert inverse.path == ("workloads", "infer", "efficiency")  # restores the order too


def test_adding_a_mapping_entry_round_trips(s: Scenario) -> None:
    new = _roundtrip(s, SetField(("workloads", "infer", "efficiency", "new"), 0.25))
    assert list(new.workloads[0].efficiency)[-1] == "new"


def test_add_and_delete_rows(s: Scenario) -> None:
    rows = ((0, FleetEntry(chip="asic1", units=1.0)), (2, FleetEntry(chip="h20", units=2.0)),
            (4, FleetEntry(chip="910c", units=3.0)))
    new = _roundtrip(s, AddRows("fleet", rows))
    assert [f.units for f in new.fleet] == [1.0, 2000.0, 2.0, 200.0, 3.0]
    gone = _roundtrip(s, DeleteRows("chips", (2, 0)))
    assert [c.id for c in gone.chips] == ["910c"]
    _, inverse = DeleteRows("chips", (2, 0)).apply(s)
    assert inverse == AddRows("chips", ((0, s.chips[0]), (2, s.chips[2])))


def test_replace_and_group(s: Scenario) -> None:
    empty = Scenario(periods=("P",), vendors=(Vendor(id="v", category="c"),))
    assert _roundtrip(s, ReplaceScenario(empty)) == empty
    group = EditGroup((SetField(("chips", "h20", "id"), "x"),
                       SetField(("workloads", "infer", "efficiency"), {"x": 0.1}),
                       DeleteRows("fleet", (0,))), "rename h20")
    new = _roundtrip(s, group)
    assert new.chips[0].id == "x" and new.workloads[0].efficiency == {"x": 0.1}
    assert group.label == "rename h20" and group.areas == {"chips", "workloads", "fleet"}


def test_areas_and_labels() -> None:
    assert SetField(("chips", "a", "price"), 1).areas == {"chips"}
    assert SetField(("budget", "total"), 1).areas == {"budget"}
    assert SetField(("name",), "n").areas == {"settings"}
    assert SetField(("periods",), ()).areas == set(AREAS)
    assert AddRows("fleet", ((0, None),)).label == "Add 1 fleet entry"
    assert DeleteRows("chips", (1, 2)).label == "Delete 2 chips"
    assert SetField(("chips", "h20", "price", "2026Q2"), 1).label == (
        'Change chips["h20"].price["2026Q2"]')


def test_path_text() -> None:
    assert path_text(("fleet", 3, "units")) == "fleet[3].units"
    assert path_text(("chips", "price", "price", "Q1")) == 'chips["price"].price["Q1"]'
    assert path_text(("limits", "category_share", "国产", "min")) == (
        'limits.category_share["国产"].min')
    assert path_text(()) == ""


BAD = [
    (SetField(("chips", "zz", "price"), [1] * 4), "no chip with id 'zz'"),
    (SetField(("chips", "h20", "price", "2030Q1"), 1), "not one of the periods"),
    (SetField(("chips", "h20", "price"), [1, 2]), "needs 4 numbers"),
    (SetField(("chips", "h20", "price"), None), "needs 4 numbers"),
    (SetField(("chips", "h20", "peak_pflops"), True), "finite number"),
    (SetField(("chips", "h20", "peak_pflops"), math.nan), "finite number"),
    (SetField(("chips", "h20", "peak_pflops"), "1"), "finite number"),
    (SetField(("chips", "h20", "lot_size"), 2.5), "whole number"),
    (SetField(("chips", "h20", "vendor"), None), "must be a str"),
    (SetField(("chips", "h20", "colour"), "red"), "unknown field"),
    (SetField(("budget", "is_empty"), True), "unknown field"),
    (SetField(("chips", "910c", "supply", "2026Q1"), 1), "no per-period values"),
    (SetField(("chips", "h20", "id"), "910c"), "duplicate chip id"),
    (SetField(("vendors",), ()), "add or delete rows"),
    (SetField(("periods",), ["a"]), "keeps their number"),
    (SetField(("periods",), ["a", "a", "b", "c"]), "unique"),
    (SetField(("fleet", 5, "units"), 1), "no fleet entry 5"),
    (SetField(("fleet", "0", "units"), 1), "no fleet entry"),
    (SetField(("workloads", "infer", "efficiency", "h20"), "high"), "finite number"),
    (SetField(("limits", "category_share", "x"), {"min": 0.1}), "CategoryShare"),
    (SetField(("integer",), 1), "must be a bool"),
    (SetField(("x",), [1]), "must be a Mapping"),
    (SetField((), 1), "ReplaceScenario"),
    (AddRows("chips", ((0, FleetEntry(chip="h20", units=1)),)), "must be a Chip"),
    (AddRows("chips", ((9, Chip(id="n", vendor="own", peak_pflops=1, price=(1.0,) * 4)),)),
     "cannot insert at row 9"),
    (AddRows("fleet", ((1, FleetEntry("h20", 1.0)), (0, FleetEntry("h20", 1.0)))), "ascending"),
    (AddRows("chips", ((0, Chip(id="h20", vendor="own", peak_pflops=1, price=(1.0,) * 4)),)),
     "duplicate chip id"),
    (AddRows("budget", ()), "not a list of rows"),
    (DeleteRows("fleet", (2,)), "no row 2"),
]


@pytest.mark.parametrize(("edit", "message"), BAD, ids=[str(i) for i in range(len(BAD))])
def test_bad_edits_are_refused(s: Scenario, edit: Edit, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        edit.apply(s)


def test_replace_refuses_duplicate_ids(s: Scenario) -> None:
    twice = dataclasses.replace(s, vendors=(*s.vendors, s.vendors[0]))
    with pytest.raises(ValidationError, match="duplicate vendor id 'nvidia'"):
        ReplaceScenario(twice).apply(s)


def test_get_in_reads_what_set_writes(s: Scenario) -> None:
    assert get_in(s, ("limits", "category_share", "imported", "max"), s.periods) == 0.5
    assert get_in(s, ("workloads", "infer", "efficiency", "none"), s.periods) is None
    assert get_in(s, ("fleet", 1), s.periods) == s.fleet[1]


# --- properties ---------------------------------------------------------------------------------

@st.composite
def some_edit(draw: st.DrawFn, s: Scenario) -> Edit:
    value = draw(st.floats(0, 1e9, allow_nan=False) | st.integers(0, 10**6))
    kind = draw(st.sampled_from(["price", "units", "eff", "add", "delete", "name", "budget"]))
    if kind == "price" and s.chips:
        chip = draw(st.sampled_from([c.id for c in s.chips]))
        return SetField(("chips", chip, "price", draw(st.sampled_from(s.periods))), value)
    if kind == "units" and s.fleet:
        return SetField(("fleet", draw(st.integers(0, len(s.fleet) - 1)), "units"), value)
    if kind == "eff" and s.workloads:
        key = draw(st.sampled_from(["h20", "910c", "asic1", "new"]))
        return SetField(("workloads", s.workloads[0].id, "efficiency", key),
                        draw(st.none() | st.floats(0, 1)))
    if kind == "delete" and s.fleet:
        picks = draw(st.sets(st.integers(0, len(s.fleet) - 1), min_size=1))
        return DeleteRows("fleet", tuple(picks))
    if kind == "name":
        return SetField(("name",), draw(st.none() | st.text(max_size=4)))
    if kind == "budget":
        return SetField(("budget", "total"), draw(st.none() | st.floats(0, 1e12)))
    index = draw(st.integers(0, len(s.fleet)))
    return AddRows("fleet", ((index, FleetEntry(chip="h20", units=float(value))),))


@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_undoing_any_sequence_restores_the_scenario(data: st.DataObject) -> None:
    original = read_scenario(EXAMPLE)
    current, undo = original, []
    for _ in range(data.draw(st.integers(1, 10))):
        current, inverse = data.draw(some_edit(current)).apply(current)
        undo.append(inverse)
    for inverse in reversed(undo):
        current, _ = inverse.apply(current)
    assert current == original
    assert scenario_to_data(current) == scenario_to_data(original)
    assert dumps_scenario(current) == dumps_scenario(original)
