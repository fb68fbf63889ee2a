"""Stored results: the whole procure-result/1 content, when, by whom, and whether still current."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from storage_helpers import Backend

from procure import services
from procure.domain.edits import SetField
from procure.domain.model import Scenario
from procure.formats.result_json import read_result, result_to_data
from procure.services import PlanStatus

RESULT = Path(__file__).parents[1] / "data" / "example-small.result.json"


def test_result_round_trips_and_goes_stale(backend: Backend, small: Scenario) -> None:
    store = backend.open(user="li")
    doc = services.open_plan(store, services.create_plan(store, "p", small))
    assert services.load_result(doc) is None
    result = read_result(RESULT)
    when = datetime(2027, 3, 1, 8, 15, 30, 123456, UTC)
    info = services.save_result(doc, result, computed_at=when)
    assert (info.computed_by, info.computed_at, info.stale) == ("li", when, False)
    assert (info.status, info.objective) == ("optimal", result.objective)
    stored = services.load_result(doc)
    assert stored is not None and stored.info == info
    assert result_to_data(stored.result) == result_to_data(read_result(RESULT))

    _, undo = services.apply_edit(doc, SetField(("chips", "h20", "price", "2026Q2"), 1))
    assert [r.stale for r in services.list_results(doc)] == [True]
    services.apply_edit(doc, undo)  # the same inputs again: current again
    assert [r.stale for r in services.list_results(doc)] == [False]
    again = services.open_plan(backend.open(user="other"), "p")  # another planner agrees
    assert [r.stale for r in services.list_results(again)] == [False]


def test_result_of_a_snapshot_is_stale_once_the_plan_moved_on(
    backend: Backend, small: Scenario
) -> None:
    store = backend.open()
    doc = services.open_plan(store, services.create_plan(store, "p", small))
    solved = doc.scenario  # what the optimiser was given
    services.apply_edit(doc, SetField(("name",), "edited while solving"))
    first = services.save_result(doc, read_result(RESULT), solved)
    second = services.save_result(doc, read_result(RESULT))
    assert first.stale and not second.stale
    assert [r.id for r in services.list_results(doc)] == [second.id, first.id]  # newest first


def test_results_can_be_stored_for_an_approved_plan(backend: Backend, small: Scenario) -> None:
    store = backend.open()
    plan = services.create_plan(store, "p", small)
    plan = services.set_status(store, services.set_status(store, plan, PlanStatus.IN_REVIEW),
                               PlanStatus.APPROVED)
    doc = services.open_plan(store, plan)
    services.save_result(doc, read_result(RESULT))
    assert len(services.list_results(doc)) == 1
    assert services.audit_log(store, plan)[0].action == "result"
