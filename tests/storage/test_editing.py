"""Edits saved through the service API: stored exactly, undoable, audited, never overwriting."""

from __future__ import annotations

import dataclasses
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from storage_helpers import Backend, assert_same, rich_data

from procure import services
from procure.domain.edits import (
    AddRows,
    DeleteRows,
    Edit,
    EditGroup,
    ReplaceScenario,
    SetField,
)
from procure.domain.model import CategoryShare, Chip, FleetEntry, Scenario
from procure.errors import ValidationError
from procure.formats.scenario_json import scenario_from_data
from procure.services import Changes, ConflictError, PlanStatus, ReadOnlyError

EDITS: dict[str, Edit] = {
    "price cell": SetField(("chips", "h20", "price", "2027Q3"), 91000),
    "whole supply": SetField(("chips", "910c", "supply"), [1, 2, 3, 4]),
    "rename chip": SetField(("chips", "h20", "id"), "h20e"),
    "vendor name": SetField(("vendors", "huawei", "name"), "华为"),
    "efficiency removed": SetField(("workloads", "infer", "efficiency", "h20"), None),
    "efficiency added": SetField(("workloads", "train", "efficiency", "910c"), 0.9),
    "fleet units": SetField(("fleet", 1, "units"), 7),
    "fleet x": SetField(("fleet", 0, "x"), {"批次": [1, 2]}),
    "budget total": SetField(("budget", "total"), 3e9),
    "category share": SetField(("limits", "category_share", "domestic"), CategoryShare(min=0.2)),
    "hours cell": SetField(("hours", "2027Q1"), 1000),
    "periods renamed": SetField(("periods",), ("Q1", "Q2", "Q3", "Q4")),
    "name": SetField(("name",), "改名"),
    "add chip": AddRows("chips", ((1, Chip(id="b200", vendor="nvidia", peak_pflops=2.2,
                                           price=(3e5,) * 4)),)),
    "add fleet rows": AddRows("fleet", ((0, FleetEntry(chip="asic1", units=1.0)),
                                        (1, FleetEntry(chip="asic1", units=2.0)),
                                        (4, FleetEntry(chip="h20", units=3.0)))),
    "delete vendor and fleet": EditGroup((DeleteRows("vendors", (0,)),
                                          DeleteRows("fleet", (0, 2))), "tidy"),
    "replace": ReplaceScenario(Scenario(periods=("P",), vendors=())),
}


@pytest.mark.parametrize("case", list(EDITS))
def test_edit_is_stored_exactly_and_undone_exactly(
    backend: Backend, rich: Scenario, case: str
) -> None:
    store = backend.open()
    services.create_plan(store, "p", rich)
    doc = services.open_plan(store, "p")
    edit = EDITS[case]
    expected, expected_inverse = edit.apply(rich)
    changes, inverse = services.apply_edit(doc, edit)
    assert inverse == expected_inverse
    assert_same(doc.scenario, expected)
    assert changes == Changes.of(edit.areas) and changes.any
    assert_same(services.open_plan(backend.open(user="bob"), "p").scenario, expected)
    services.apply_edit(doc, inverse)
    assert_same(doc.scenario, rich)
    assert_same(services.open_plan(backend.open(user="carol"), "p").scenario, rich)


def test_audit_log_records_who_what_from_and_to(backend: Backend, rich: Scenario) -> None:
    store = backend.open(user="王芳")
    plan = services.create_plan(store, "p", rich)
    doc = services.open_plan(store, plan)
    services.apply_edit(doc, EditGroup((SetField(("chips", "h20", "price", "2027Q3"), 91000),
                                        DeleteRows("fleet", (2,)))))
    newest, older, created = services.audit_log(store, plan)
    assert (created.action, created.user, created.plan_name) == ("create", "王芳", "p")
    assert (older.action, older.path, older.old, older.new) == (
        "edit", 'chips["h20"].price["2027Q3"]', 93000.0, 91000.0)
    assert (newest.action, newest.path, newest.new) == ("delete", "fleet[2]", None)
    assert newest.old == {"chip": "910c", "units": 0.0, "retire_after": None,
                          "x": {"site": "贵安"}}
    assert older.change_number == newest.change_number == 1
    assert older.at.tzinfo is not None and older.at <= newest.at


def test_bad_edit_changes_nothing(backend: Backend, rich: Scenario) -> None:
    store = backend.open()
    doc = services.open_plan(store, services.create_plan(store, "p", rich))
    with pytest.raises(ValidationError, match="no chip"):
        services.apply_edit(doc, SetField(("chips", "nope", "price"), 1))
    with pytest.raises(ValidationError, match="duplicate chip id"):
        services.apply_edit(doc, SetField(("chips", "h20", "id"), "910c"))
    assert doc.change_count == 0
    assert len(services.audit_log(store)) == 1


def test_approved_plan_is_read_only(backend: Backend, rich: Scenario) -> None:
    store = backend.open()
    plan = services.create_plan(store, "p", rich)
    doc = services.open_plan(store, plan)
    plan = services.set_status(store, plan, PlanStatus.IN_REVIEW)
    services.apply_edit(doc, SetField(("name",), "still editable in review"))
    services.set_status(store, plan, PlanStatus.APPROVED)
    with pytest.raises(ReadOnlyError, match="approved"):
        services.apply_edit(doc, SetField(("name",), "too late"))
    assert doc.read_only and doc.plan.status is PlanStatus.APPROVED
    assert services.open_plan(store, "p").scenario.name == "still editable in review"


# --- two planners at once ----------------------------------------------------------------------

def _two_docs(backend: Backend, rich: Scenario) -> tuple[services.PlanDocument, ...]:
    """Two planners' views of one plan: two server connections, or two windows on one file."""
    store = backend.open(user="alice")
    services.create_plan(store, "p", rich)
    other = backend.open(user="bob") if backend.kind == "postgres" else store
    return services.open_plan(store, "p"), services.open_plan(other, "p")


def test_same_value_changed_twice_is_a_conflict(backend: Backend, rich: Scenario) -> None:
    first, second = _two_docs(backend, rich)
    services.apply_edit(first, SetField(("chips", "h20", "price", "2027Q3"), 80000))
    with pytest.raises(ConflictError) as caught:
        services.apply_edit(second, SetField(("chips", "h20", "price", "2027Q3"), 85000))
    error = caught.value
    assert 'chips["h20"].price["2027Q3"]' in error.message and "80000" in error.message
    assert error.by == "alice" and error.theirs == 80000.0
    assert error.changes == Changes(chips=True, results=True)
    assert second.scenario.chips[0].price[2] == 80000.0  # reloaded: shows their value
    services.apply_edit(second, SetField(("chips", "h20", "price", "2027Q3"), 85000))  # now fine
    assert services.open_plan(first.store, "p").scenario.chips[0].price[2] == 85000.0


def test_different_values_of_one_row_merge(backend: Backend, rich: Scenario) -> None:
    first, second = _two_docs(backend, rich)
    services.apply_edit(first, SetField(("chips", "h20", "price", "2027Q1"), 1))
    changes, _ = services.apply_edit(second, SetField(("chips", "h20", "price", "2027Q2"), 2))
    assert changes.chips
    for doc in (second, services.open_plan(first.store, "p")):
        assert doc.scenario.chips[0].price[:2] == (1.0, 2.0)


def test_edit_of_a_row_someone_deleted_is_a_conflict(backend: Backend, rich: Scenario) -> None:
    first, second = _two_docs(backend, rich)
    services.apply_edit(first, DeleteRows("chips", (0,)))
    with pytest.raises(ConflictError, match=r'chips\["h20"\].*was deleted'):
        services.apply_edit(second, SetField(("chips", "h20", "lot_size"), 4))
    assert [c.id for c in second.scenario.chips] == ["910c", "asic1"]


def test_delete_of_a_row_someone_changed_is_a_conflict(backend: Backend, rich: Scenario) -> None:
    first, second = _two_docs(backend, rich)
    services.apply_edit(first, SetField(("fleet", 1, "units"), 99))
    with pytest.raises(ConflictError, match=r"fleet\[1\] was changed by alice"):
        services.apply_edit(second, DeleteRows("fleet", (1,)))
    assert second.scenario.fleet[1].units == 99.0


def test_same_id_added_twice_is_a_conflict(backend: Backend, rich: Scenario) -> None:
    first, second = _two_docs(backend, rich)
    chip = Chip(id="b200", vendor="nvidia", peak_pflops=2.2, price=(1.0,) * 4)
    services.apply_edit(first, AddRows("chips", ((3, chip),)))
    with pytest.raises(ConflictError, match=r'chips\["b200"\] was added'):
        services.apply_edit(second, AddRows("chips", ((0, dataclasses.replace(chip, lot_size=2)),)))
    assert [c.id for c in second.scenario.chips] == ["h20", "910c", "asic1", "b200"]


def test_renaming_to_an_id_someone_added_is_a_conflict(backend: Backend, rich: Scenario) -> None:
    first, second = _two_docs(backend, rich)
    chip = Chip(id="b200", vendor="nvidia", peak_pflops=2.2, price=(1.0,) * 4)
    services.apply_edit(first, AddRows("chips", ((3, chip),)))
    with pytest.raises(ConflictError, match=r'chips\["b200"\] was added by alice'):
        services.apply_edit(second, SetField(("chips", "asic1", "id"), "b200"))
    assert [c.id for c in second.scenario.chips] == ["h20", "910c", "asic1", "b200"]


def test_replacing_a_plan_someone_changed_is_a_conflict(backend: Backend, rich: Scenario) -> None:
    first, second = _two_docs(backend, rich)
    services.apply_edit(first, SetField(("name",), "theirs"))
    with pytest.raises(ConflictError, match="name"):
        services.apply_edit(second, ReplaceScenario(dataclasses.replace(rich, chips=())))
    assert second.scenario.name == "theirs"


def test_inserts_by_two_planners_keep_both_rows(backend: Backend, rich: Scenario) -> None:
    first, second = _two_docs(backend, rich)
    services.apply_edit(first, AddRows("fleet", ((1, FleetEntry(chip="h20", units=11.0)),)))
    changes, _ = services.apply_edit(
        second, AddRows("fleet", ((1, FleetEntry(chip="h20", units=22.0)),)))
    assert changes.fleet
    units = [f.units for f in services.open_plan(first.store, "p").scenario.fleet]
    assert sorted(units) == sorted([2000.0, 200.5, 0.0, 11.0, 22.0])
    assert units[0] == 2000.0 and units[-2:] == [200.5, 0.0]
    assert [f.units for f in second.scenario.fleet] == units


# --- random edit sequences --------------------------------------------------------------------

@st.composite
def edit_for(draw: st.DrawFn, s: Scenario) -> Edit:
    chip_ids = [c.id for c in s.chips]
    choices = ["name", "fleet add"]
    if chip_ids:
        choices += ["price", "chip delete", "efficiency"]
    if s.fleet:
        choices += ["fleet units", "fleet delete"]
    kind = draw(st.sampled_from(choices))
    value = draw(st.floats(0, 1e6, allow_nan=False))
    if kind == "name":
        return SetField(("name",), draw(st.text(max_size=5)))
    if kind == "fleet add":
        return AddRows("fleet", ((draw(st.integers(0, len(s.fleet))),
                                  FleetEntry(chip="h20", units=value)),))
    if kind == "price":
        return SetField(("chips", draw(st.sampled_from(chip_ids)), "price",
                         draw(st.sampled_from(s.periods))), value)
    if kind == "chip delete":
        return DeleteRows("chips", (draw(st.integers(0, len(chip_ids) - 1)),))
    if kind == "efficiency":
        return SetField(("workloads", "infer", "efficiency", draw(st.sampled_from(chip_ids))),
                        draw(st.none() | st.floats(0, 1)))
    if kind == "fleet units":
        return SetField(("fleet", draw(st.integers(0, len(s.fleet) - 1)), "units"), value)
    indices = draw(st.lists(st.integers(0, len(s.fleet) - 1), min_size=1, max_size=3,
                            unique=True))
    return DeleteRows("fleet", tuple(sorted(indices)))


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.data_too_large])
@given(data=st.data())
def test_random_edit_sequences_match_the_pure_edits(data: st.DataObject) -> None:
    rich = scenario_from_data(rich_data())
    with tempfile.TemporaryDirectory() as tmp:
        doc = services.create_plan_file(Path(tmp) / "p.procure", rich)
        expected, undo = rich, []
        for _ in range(data.draw(st.integers(1, 12))):
            edit = data.draw(edit_for(expected))
            expected, inverse = edit.apply(expected)
            _, stored_inverse = services.apply_edit(doc, edit)
            assert stored_inverse == inverse
            undo.append(inverse)
        assert_same(doc.scenario, expected)
        assert_same(services.open_plan(doc.store).scenario, expected)
        for inverse in reversed(undo):
            services.apply_edit(doc, inverse)
        assert_same(services.open_plan(doc.store).scenario, rich)
        doc.store.close()
