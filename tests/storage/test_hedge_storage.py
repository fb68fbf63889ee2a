"""A hedge's definition and last result are stored with the plan (#14 item 6).

The definition lives in the plan (``x.procure.hedge``) without making the plan's own
result stale; the result is stored beside the solve results and goes stale when the
plan, its what-ifs or the definition change — on a plan file and a team server alike.
"""

from __future__ import annotations

import copy
from dataclasses import replace

import pytest
from analysis_factories import hedge_plan_data as plan_data
from storage_helpers import Backend

from procure import services
from procure.analysis.hedge import solve_hedge
from procure.analysis.hedge_stored import HedgeDefinition, stored_hedge, with_hedge
from procure.domain.edits import SetField
from procure.errors import ValidationError
from procure.formats.hedge_json import hedge_result_from_data, hedge_result_to_data
from procure.formats.scenario_json import scenario_from_data
from procure.optimiser import solve
from procure.storage.codec import scenario_hash

DEFINITION = HedgeDefinition((("high", 0.6),))


def test_the_definition_is_kept_and_is_not_an_input_of_the_plans_solve():
    plan = scenario_from_data(plan_data())
    stored = with_hedge(plan, DEFINITION)
    assert stored_hedge(stored) == DEFINITION
    assert scenario_hash(stored) == scenario_hash(plan)
    assert with_hedge(stored, None) == plan
    with pytest.raises(ValidationError, match="no stored what-if named 'nope'"):
        with_hedge(plan, HedgeDefinition((("nope", 0.5),)))


def test_a_tampered_definition_is_refused_with_its_location():
    data = plan_data()
    data["x"]["procure"]["hedge"] = {"what_ifs": [{"name": "high", "probability": 7}],
                                     "surprise": 1}
    with pytest.raises(ValidationError) as info:
        stored_hedge(scenario_from_data(data))
    locations = {p.location for p in info.value.problems}
    assert locations == {"x.procure.hedge.what_ifs[0]", "x.procure.hedge.surprise"}


def test_the_stored_definition_reproduces_the_hand_hedge():
    result = solve_hedge(DEFINITION.hedge(with_hedge(scenario_from_data(plan_data()),
                                                     DEFINITION)))
    assert result.expected_cost == pytest.approx(1900)


def test_the_last_hedge_is_stored_with_the_plan_and_goes_stale(backend: Backend):
    plan = with_hedge(scenario_from_data(plan_data()), DEFINITION)
    store = backend.open()
    services.create_plan(store, "hedged", plan)
    doc = services.open_plan(store, "hedged")
    assert services.load_hedge_result(doc) is None
    result = solve_hedge(stored_hedge(doc.scenario).hedge(doc.scenario))
    content = hedge_result_to_data(result)
    services.save_result(doc, solve(doc.scenario))
    info = services.save_hedge_result(doc, content, status=result.status.value,
                                      objective=result.objective)
    assert not info.stale
    other = services.open_plan(backend.open(user="bob"), "hedged")
    found = services.load_hedge_result(other)
    assert found is not None and not found[0].stale
    assert hedge_result_from_data(found[1]).expected_cost == pytest.approx(1900)
    assert len(services.list_results(other)) == 1  # the hedge is not a solve result
    # A changed probability makes the hedge stale, not the plan's own result.
    changed = replace(DEFINITION, what_ifs=(("high", 0.5),))
    services.apply_edit(doc, SetField(("x",), copy.deepcopy(
        with_hedge(doc.scenario, changed).x)))
    stale = services.load_hedge_result(doc)
    assert stale is not None and stale[0].stale
    assert not services.list_results(doc)[0].stale
    # So does an edit of the plan itself.
    services.apply_edit(doc, SetField(("x",), copy.deepcopy(
        with_hedge(doc.scenario, DEFINITION).x)))
    assert not services.load_hedge_result(doc)[0].stale
    services.apply_edit(doc, SetField(("chips", "a", "price"), [100, 160, 160]))
    assert services.load_hedge_result(doc)[0].stale

