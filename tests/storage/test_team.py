"""Plans in review: statuses, revisions, variants, one list for the team, lossless copies."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from pathlib import Path

import pytest
from storage_helpers import Backend, assert_same

from procure import services
from procure.domain.edits import SetField
from procure.domain.model import Scenario
from procure.domain.result import Result, SolveStatus
from procure.errors import StorageError
from procure.formats.result_json import result_to_data
from procure.services import ConflictError, PlanStatus, ReadOnlyError


def test_review_workflow_and_revisions(backend: Backend, rich: Scenario) -> None:
    store = backend.open(user="alice")
    draft = services.create_plan(store, "fleet 2027", rich, description="first cut")
    with pytest.raises(StorageError, match="cannot become approved"):
        services.set_status(store, draft, PlanStatus.APPROVED)
    with pytest.raises(StorageError, match="only an approved plan"):
        services.new_revision(store, draft)
    review = services.set_status(store, draft, "in_review")
    back = services.set_status(store, review, PlanStatus.DRAFT)
    review = services.set_status(store, back, PlanStatus.IN_REVIEW)
    approved = services.set_status(store, review, PlanStatus.APPROVED)
    assert approved.read_only and approved.updated_by == "alice"
    with pytest.raises(StorageError, match="cannot become"):
        services.set_status(store, approved, PlanStatus.DRAFT)
    with pytest.raises(ReadOnlyError):
        services.add_variant(store, approved, "cheaper")

    revised = services.new_revision(store, approved)
    assert (revised.name, revised.revision, revised.parent_revision, revised.status) == (
        "fleet 2027", 2, 1, PlanStatus.DRAFT)
    assert revised.description == "first cut"
    doc = services.open_plan(store, "fleet 2027")  # a name means its latest revision
    assert doc.plan.id == revised.id
    services.apply_edit(doc, SetField(("name",), "revised"))
    assert services.open_plan(store, "fleet 2027", revision=1).scenario == rich
    assert [(p.revision, p.status) for p in services.list_plans(store)] == [
        (1, PlanStatus.APPROVED), (2, PlanStatus.DRAFT)]
    actions = [e.action for e in services.audit_log(store, approved)]
    assert actions.count("status") == 4


def test_a_stale_status_change_is_a_conflict(backend: Backend, rich: Scenario) -> None:
    alice = backend.open(user="alice")
    seen = services.create_plan(alice, "p", rich)
    bob = backend.open(user="bob") if backend.kind == "postgres" else alice
    services.set_status(bob, seen, PlanStatus.IN_REVIEW)
    with pytest.raises(ConflictError, match="changed by"):
        services.set_status(alice, seen, PlanStatus.IN_REVIEW)


def test_variants_are_full_scenarios(backend: Backend, rich: Scenario) -> None:
    store = backend.open()
    plan = services.create_plan(store, "p", rich)
    plan = services.add_variant(store, plan, "高风险")
    plan = services.add_variant(store, plan, "small", dataclasses.replace(rich, fleet=()))
    assert plan.variants == ("", "高风险", "small")
    with pytest.raises(StorageError, match="already has a variant"):
        services.add_variant(store, plan, "small")
    variant = services.open_plan(store, plan, variant="高风险")
    services.apply_edit(variant, SetField(("vendors", "nvidia", "risk"), 0.95))
    assert services.open_plan(store, plan).scenario.vendors[0].risk == 0.7  # base unchanged
    assert services.open_plan(store, plan, variant="高风险").scenario.vendors[0].risk == 0.95
    assert services.open_plan(store, plan, variant="small").scenario.fleet == ()
    assert services.load_scenario(backend.location, "p", "small").fleet == ()


@pytest.mark.postgres
def test_team_sees_one_list_of_plans(pg_url: str, rich: Scenario) -> None:
    alice = services.open_store(pg_url, user="alice")
    bob = services.open_store(pg_url, user="bob")
    try:
        services.create_plan(alice, "alice's", rich)
        services.create_plan(bob, "bob's", rich)
        for store in (alice, bob):
            assert [(p.name, p.created_by) for p in services.list_plans(store)] == [
                ("alice's", "alice"), ("bob's", "bob")]
        with pytest.raises(StorageError, match="already a plan called"):
            services.create_plan(bob, "alice's", rich)
    finally:
        alice.close()
        bob.close()


def _result() -> Result:
    return Result(scenario="p", status=SolveStatus.OPTIMAL, objective=123.25,
                  buy={"h20": {"2027Q1": 1.5}}, x={"solver": "test"})


def _everything(store: services.Store, plan: services.PlanInfo) -> dict[str, object]:
    """All a plan holds, without database ids."""
    docs = {v: services.open_plan(store, plan, variant=v) for v in plan.variants}
    info = {k: v for k, v in dataclasses.asdict(plan).items() if k not in ("id", "version")}
    results = {v: [(dataclasses.replace(r, id=0, plan_id=0),
                    result_to_data(services.load_result(d, r.id).result))
                   for r in services.list_results(d)] for v, d in docs.items()}
    return {"info": info, "scenarios": {v: d.scenario for v, d in docs.items()},
            "results": results}


@pytest.mark.postgres
def test_copy_file_to_server_and_back_is_lossless(
    tmp_path: Path, pg_url: str, rich: Scenario
) -> None:
    doc = services.create_plan_file(tmp_path / "a.procure", rich, user="alice",
                                    description="说明")
    services.apply_edit(doc, SetField(("chips", "h20", "price", "2027Q2"), 1.25))
    services.save_result(doc, _result(), computed_at=datetime(2027, 1, 2, 3, 4, 5, 678901, UTC))
    plan = services.add_variant(doc.store, doc.plan, "变体")
    variant = services.open_plan(doc.store, plan, variant="变体")
    services.apply_edit(variant, SetField(("fleet", 0, "units"), 3))
    services.save_result(variant, _result())
    plan = services.set_status(doc.store, plan, PlanStatus.IN_REVIEW)
    server = services.open_store(pg_url, user="bob")
    back = services.open_store(tmp_path / "b.procure", create=True, user="carol")
    try:
        on_server = services.copy_plan(doc.store, plan, server)
        returned = services.copy_plan(server, on_server, back)
        original = _everything(doc.store, plan)
        original_log = [dataclasses.replace(e, id=0) for e in services.audit_log(doc.store, plan)]
        for hops, (store, copied) in enumerate(((server, on_server), (back, returned)), 1):
            copy = _everything(store, copied)
            assert copy["info"] == original["info"]
            assert copy["results"] == original["results"]
            for name, scenario in original["scenarios"].items():  # type: ignore[attr-defined]
                assert_same(copy["scenarios"][name], scenario)  # type: ignore[index]
            log = [dataclasses.replace(e, id=0) for e in services.audit_log(store, copied)]
            assert [e.action for e in log[:hops]] == ["copy"] * hops  # where it has been
            assert log[hops:] == original_log
        with pytest.raises(StorageError, match="already has a plan"):
            services.copy_plan(doc.store, plan, server)
        assert services.copy_plan(doc.store, plan, server, name="renamed").name == "renamed"
    finally:
        server.close()
        back.close()
        doc.store.close()
