"""Every table model passes Qt's model tester, before and after edits and resets."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from procure.optimiser import solve
from procure.storage.records import AuditEntry, PlanInfo, PlanStatus
from ui.models.audit_log_model import AuditLogModel
from ui.models.binding_limits_model import BindingLimitsModel
from ui.models.catalogue_model import CatalogueModel
from ui.models.category_share_model import CategoryShareModel
from ui.models.chip_table_model import ChipTableModel
from ui.models.efficiency_grid_model import EfficiencyGridModel
from ui.models.fleet_table_model import FleetTableModel
from ui.models.period_grid_model import (
    PeriodGridModel,
    chip_series,
    plan_series,
    workload_demand,
)
from ui.models.plan_fields_model import PlanFieldsModel
from ui.models.plan_list_model import PlanListModel
from ui.models.problem_list_model import ProblemListModel
from ui.models.purchase_plan_model import PurchasePlanModel
from ui.models.vendor_table_model import VendorTableModel
from ui.models.workload_table_model import WorkloadTableModel

DOCUMENT_MODELS = {
    "vendors": VendorTableModel,
    "chips": ChipTableModel,
    "workloads": WorkloadTableModel,
    "fleet": FleetTableModel,
    "prices": lambda d: PeriodGridModel(d, chip_series("price"), frozenset({"chips"})),
    "supply": lambda d: PeriodGridModel(d, chip_series("supply", True), frozenset({"chips"})),
    "demand": lambda d: PeriodGridModel(d, workload_demand, frozenset({"workloads"})),
    "plan series": lambda d: PeriodGridModel(d, plan_series, frozenset({"budget", "settings"})),
    "efficiency": EfficiencyGridModel,
    "plan fields": PlanFieldsModel,
    "category shares": CategoryShareModel,
    "problems": ProblemListModel,
}


@pytest.mark.parametrize("name", list(DOCUMENT_MODELS))
def test_document_models_pass_the_model_tester(qtmodeltester, document, name):
    model = DOCUMENT_MODELS[name](document)
    qtmodeltester.check(model)
    # Adding and deleting rows, and an invalid value, keep the model consistent.
    chips = ChipTableModel(document)
    chips.add_row()
    chips.setData(chips.index(0, 3), "-1")
    document.undo_stack.undo()
    chips.delete_rows([0, 1])
    qtmodeltester.check(model)
    document.undo_stack.undo()
    qtmodeltester.check(model)




def test_result_models_pass_the_model_tester(qtmodeltester, scenario):
    result = solve(scenario)
    purchases = PurchasePlanModel()
    purchases.set_result(result)
    qtmodeltester.check(purchases)
    assert purchases.rowCount() == 2 and purchases.columnCount() == 4
    limits = BindingLimitsModel()
    limits.set_result(result, scenario)
    qtmodeltester.check(limits)
    assert limits.rowCount() > 0
    kinds = [limits.index(r, 0).data() for r in range(limits.rowCount())]
    derived = [k == "Follows from the plan" for k in kinds]
    assert derived == sorted(derived)  # the planner's limits above capacity
    assert all(" per " in limits.index(r, 2).data() for r in range(limits.rowCount()))
    limits.set_result(None)
    qtmodeltester.check(limits)


def test_catalogue_model_passes_the_model_tester(qtmodeltester):
    model = CatalogueModel()
    qtmodeltester.check(model)
    assert model.rowCount() > 20
    assert model.index(0, 1).data() == "H100 SXM"
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    year = headers.index("Year")
    shown = model.index(0, year).data()
    assert len(shown) == 4 and shown.isdigit()  # 2022, not 2,022
    assert {"Memory (GB)", "TDP (W)", "BF16 (TFLOP/s)", "Price (US$, mid)"} <= set(headers)


def test_team_models_pass_the_model_tester(qtmodeltester):
    now = dt.datetime(2026, 11, 28, 9, 30, tzinfo=dt.UTC)
    plan = PlanInfo(1, "Fleet 2027", 2, PlanStatus.IN_REVIEW, 1, "Q4 review", now, "li", now,
                    "wang", 3, ("", "cheap H20"))
    plans = PlanListModel([plan])
    qtmodeltester.check(plans)
    assert plans.index(0, 2).data() == "In review"  # as the review menu says it
    assert plans.index(0, 3).data() == "1"
    entry = AuditEntry(7, now, "wang", "Fleet 2027", 2, "", 12, "edit",
                       'chips["h20"].price["2026Q2"]', 95000.0, 90000.0)
    log = AuditLogModel([entry])
    qtmodeltester.check(log)
    assert log.index(0, 1).data() == "wang"
    assert log.index(0, 6).data(Qt.ItemDataRole.DisplayRole) == "90000.0"
