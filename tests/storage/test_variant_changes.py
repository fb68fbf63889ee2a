"""Renaming and removing stored variants; renames and period edits saved and audited."""

from __future__ import annotations

import pytest
from storage_helpers import Backend, assert_same

from procure import services
from procure.domain.edits import Edit, RenameId, SetField
from procure.domain.period_edits import InsertPeriod, RemovePeriod
from procure.domain.result import Result, SolveStatus
from procure.domain.validation import validate_scenario
from procure.errors import StorageError
from procure.services import Changes, ConflictError, PlanStatus, ReadOnlyError


def _result(objective: float) -> Result:
    return Result(scenario="p", status=SolveStatus.OPTIMAL, objective=objective)


def _plan_with_variants(backend: Backend, rich) -> tuple[services.Store, services.PlanInfo]:
    store = backend.open(user="alice")
    plan = services.create_plan(store, "p", rich)
    plan = services.add_variant(store, plan, "cheap")
    plan = services.add_variant(store, plan, "cheaper", from_variant="cheap")
    return store, plan


def test_rename_keeps_the_scenario_and_its_results(backend: Backend, rich) -> None:
    store, plan = _plan_with_variants(backend, rich)
    doc = services.open_plan(store, plan, variant="cheap")
    services.apply_edit(doc, SetField(("name",), "cheap one"))
    services.save_result(doc, _result(1.5))
    renamed = services.rename_variant(store, plan, "cheap", "便宜")
    assert renamed.variants == ("", "便宜", "cheaper")
    assert renamed.version == plan.version + 1
    moved = services.open_plan(store, renamed, variant="便宜")
    assert moved.scenario.name == "cheap one"
    assert [r.objective for r in services.list_results(moved)] == [1.5]
    assert services.list_results(moved)[0].variant == "便宜"
    services.apply_edit(doc, SetField(("name",), "still the same row"))  # an open document
    services.refresh(doc)
    assert doc.variant == "便宜"
    entry = services.audit_log(store, renamed)[0]
    assert (entry.action, entry.user, entry.variant, entry.old, entry.new) == (
        "edit", "alice", "便宜", "cheap one", "still the same row")
    rename = services.audit_log(store, renamed)[1]
    assert (rename.action, rename.path, rename.old, rename.new) == (
        "rename_variant", "variant", "cheap", "便宜")


def test_remove_deletes_the_variant_and_its_results(backend: Backend, rich) -> None:
    store, plan = _plan_with_variants(backend, rich)
    doc = services.open_plan(store, plan, variant="cheap")
    services.save_result(doc, _result(2.0))
    base = services.open_plan(store, plan)
    services.save_result(base, _result(3.0))
    left = services.remove_variant(store, plan, "cheap")
    assert left.variants == ("", "cheaper")
    with pytest.raises(StorageError, match="no variant 'cheap'"):
        services.open_plan(store, left, variant="cheap")
    with pytest.raises(ConflictError, match="was deleted"):
        services.apply_edit(doc, SetField(("name",), "too late"))
    assert [r.objective for r in services.list_results(base)] == [3.0]
    assert_same(services.open_plan(store, left, variant="cheaper").scenario, rich)
    entry = services.audit_log(store, left)[0]
    assert (entry.action, entry.variant, entry.user) == ("remove_variant", "cheap", "alice")
    assert entry.old["periods"] == 4  # the removed scenario's summary is kept


@pytest.mark.parametrize(("call", "message"), [
    (lambda s, p: services.rename_variant(s, p, "", "x"), "base scenario .* cannot be renamed"),
    (lambda s, p: services.remove_variant(s, p, ""), "base scenario .* cannot be removed"),
    (lambda s, p: services.rename_variant(s, p, "nope", "x"), "has no variant 'nope'"),
    (lambda s, p: services.remove_variant(s, p, "nope"), "has no variant 'nope'"),
    (lambda s, p: services.rename_variant(s, p, "cheap", "cheaper"), "already has a variant"),
    (lambda s, p: services.rename_variant(s, p, "cheap", " "), "needs a name"),
])
def test_bad_variant_changes_are_refused(backend: Backend, rich, call, message: str) -> None:
    store, plan = _plan_with_variants(backend, rich)
    before = len(services.audit_log(store, plan))
    with pytest.raises(StorageError, match=message):
        call(store, plan)
    assert services.list_plans(store)[0].variants == ("", "cheap", "cheaper")
    assert len(services.audit_log(store, plan)) == before


def test_an_approved_plan_keeps_its_variants(backend: Backend, rich) -> None:
    store, plan = _plan_with_variants(backend, rich)
    plan = services.set_status(store, plan, PlanStatus.IN_REVIEW)
    plan = services.set_status(store, plan, PlanStatus.APPROVED)
    with pytest.raises(ReadOnlyError, match="approved"):
        services.rename_variant(store, plan, "cheap", "x")
    with pytest.raises(ReadOnlyError, match="approved"):
        services.remove_variant(store, plan, "cheap")


def test_a_stale_view_of_the_plan_is_a_conflict(backend: Backend, rich) -> None:
    alice, seen = _plan_with_variants(backend, rich)
    bob = backend.open(user="bob") if backend.kind == "postgres" else alice
    services.rename_variant(bob, seen, "cheap", "bobs")
    with pytest.raises(ConflictError, match=f"changed by {bob.user} .*'bobs'"):
        services.remove_variant(alice, seen, "cheaper")
    with pytest.raises(ConflictError):
        services.set_status(alice, seen, PlanStatus.IN_REVIEW)  # the same lock
    assert services.list_plans(alice)[0].variants == ("", "bobs", "cheaper")


# --- structural edits through the service API ---------------------------------------------------

STRUCTURAL: dict[str, Edit] = {
    "rename vendor": RenameId("vendors", "nvidia", "英伟达"),
    "rename chip": RenameId("chips", "910c", "ascend"),
    "add period": InsertPeriod("2028Q1"),
    "insert period": InsertPeriod("2026Q4", at=0),
    "remove last period": RemovePeriod("2027Q4"),
    "remove a middle period": RemovePeriod("2027Q2"),
}


@pytest.mark.parametrize("case", list(STRUCTURAL))
def test_structural_edit_is_stored_and_undone_exactly(backend: Backend, rich, case: str) -> None:
    store = backend.open()
    services.create_plan(store, "p", rich)
    doc = services.open_plan(store, "p")
    edit = STRUCTURAL[case]
    expected, expected_inverse = edit.apply(rich)
    changes, inverse = services.apply_edit(doc, edit)
    assert inverse == expected_inverse
    assert_same(doc.scenario, expected)
    assert changes == Changes.of(edit.areas)
    assert_same(services.open_plan(backend.open(user="bob"), "p").scenario, expected)
    services.apply_edit(doc, inverse)
    assert_same(doc.scenario, rich)
    assert_same(services.open_plan(backend.open(user="carol"), "p").scenario, rich)


def test_structural_edits_read_well_in_the_audit_log(backend: Backend, rich) -> None:
    store = backend.open()
    plan = services.create_plan(store, "p", rich)
    doc = services.open_plan(store, plan)
    services.apply_edit(doc, RenameId("chips", "h20", "h20e"))
    services.apply_edit(doc, InsertPeriod("2028Q1"))
    services.apply_edit(doc, RemovePeriod("2027Q1"))
    assert validate_scenario(doc.scenario) == []
    log = services.audit_log(store, plan)
    removed, added = log[0], log[1]
    assert (removed.action, removed.path, removed.new) == (
        "remove_period", "periods", ["2027Q2", "2027Q3", "2027Q4", "2028Q1"])
    assert (added.action, added.old, added.new[-1]) == (
        "add_period", list(rich.periods), "2028Q1")
    renames = [(e.path, e.old, e.new) for e in log[2:] if e.action == "edit"]
    assert renames[::-1] == [
        ('chips["h20"].id', "h20", "h20e"),
        ('workloads["infer"].efficiency', {"asic1": 0.5, "h20": 0.45, "910c": 0.35},
         {"asic1": 0.5, "h20e": 0.45, "910c": 0.35}),
        ("fleet[0].chip", "h20", "h20e"),
    ]
