"""Editing through the models: undo and redo, merging, paste, clear, validation marks."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QGuiApplication

from procure.domain.model import CategoryShare
from ui.models.category_share_model import CategoryShareModel
from ui.models.chip_table_model import ChipTableModel
from ui.models.efficiency_grid_model import EfficiencyGridModel
from ui.models.fleet_table_model import FleetTableModel
from ui.models.period_grid_model import PeriodGridModel, chip_series
from ui.models.plan_fields_model import FIELDS, PlanFieldsModel
from ui.models.roles import PROBLEM_ROLE
from ui.models.vendor_table_model import VendorTableModel
from ui.views.table_view import TableView, parse_clipboard

PEAK = 3  # ChipTableModel column of peak_pflops


def _chip(document, chip_id):
    return next(c for c in document.scenario.chips if c.id == chip_id)


def test_editing_a_cell_is_saved_and_undone_and_redone(document):
    model = ChipTableModel(document)
    assert model.setData(model.index(0, PEAK), "0.25")
    assert _chip(document, "a").peak_pflops == 0.25
    assert model.index(0, PEAK).data() == "0.25"
    assert document.undo_stack.undoText() == "Change Peak PFLOP/s of a"
    document.undo_stack.undo()
    assert _chip(document, "a").peak_pflops == 1.0
    document.undo_stack.redo()
    assert _chip(document, "a").peak_pflops == 0.25
    # Every edit is in the plan file: a second reader of the same store sees it.
    assert document.store.scenario("").chips[0].peak_pflops == 0.25


def test_repeated_edits_of_one_cell_merge_into_one_undo_step(document):
    model = ChipTableModel(document)
    for text in ("2", "3", "4"):
        model.setData(model.index(0, PEAK), text)
    assert document.undo_stack.count() == 1
    document.undo_stack.undo()
    assert _chip(document, "a").peak_pflops == 1.0


def test_an_unreadable_value_changes_nothing_and_says_why(document, qtbot):
    model = ChipTableModel(document)
    with qtbot.waitSignal(document.messaged) as blocker:
        assert not model.setData(model.index(0, PEAK), "lots")
    assert "not a number" in blocker.args[0]
    assert document.undo_stack.count() == 0


def test_an_invalid_value_is_marked_with_its_reason(document):
    model = ChipTableModel(document)
    model.setData(model.index(0, PEAK), "-1")
    index = model.index(0, PEAK)
    assert index.data(PROBLEM_ROLE) == ["must be > 0, got -1"]
    assert index.data(Qt.ItemDataRole.ToolTipRole) == "must be > 0, got -1"
    assert index.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert model.index(1, PEAK).data(Qt.ItemDataRole.BackgroundRole) is None
    assert [p.location for p in document.problems.problems] == ["chips[0].peak_pflops"]


def test_rows_are_added_and_several_deleted_in_one_undo_step(document):
    model = VendorTableModel(document)
    assert model.add_row() == 2
    assert [v.id for v in document.scenario.vendors] == ["A", "B", "vendor-3"]
    fleet = FleetTableModel(document)
    assert fleet.add_row() == 1
    chips = ChipTableModel(document)
    assert chips.delete_rows([0, 1])
    assert chips.rowCount() == 0
    assert document.undo_stack.undoText() == "Delete 2 chips"
    document.undo_stack.undo()
    assert [c.id for c in document.scenario.chips] == ["a", "b"]
    assert chips.rowCount() == 2


def test_a_pasted_block_is_one_undo_step(document, qtbot):
    grid = PeriodGridModel(document, chip_series("price"), frozenset({"chips"}))
    view = TableView()
    qtbot.addWidget(view)
    view.setModel(grid)
    view.setCurrentIndex(grid.index(0, 0))
    assert view.paste("101\t102\t103\n201\t202\t203\n")
    assert _chip(document, "a").price == (101.0, 102.0, 103.0)
    assert _chip(document, "b").price == (201.0, 202.0, 203.0)
    assert document.undo_stack.count() == 1
    assert document.undo_stack.undoText() == "Paste 6 cells"
    document.undo_stack.undo()
    assert _chip(document, "a").price == (100.0, 100.0, 100.0)
    assert _chip(document, "b").price == (150.0, 150.0, 150.0)


def test_paste_through_a_sorted_proxy_lands_on_the_right_rows(document, qtbot):
    model = ChipTableModel(document)
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.sort(0, Qt.SortOrder.DescendingOrder)  # b above a
    view = TableView()
    qtbot.addWidget(view)
    view.setModel(proxy)
    view.setCurrentIndex(proxy.index(0, PEAK))
    assert view.paste("5\n6\n")
    assert _chip(document, "b").peak_pflops == 5.0
    assert _chip(document, "a").peak_pflops == 6.0


def test_copy_gives_spreadsheet_text_with_raw_values(document, qtbot):
    grid = PeriodGridModel(document, chip_series("price"), frozenset({"chips"}))
    view = TableView()
    qtbot.addWidget(view)
    view.setModel(grid)
    view.selectAll()
    text = view.copy_selection()
    assert text == "100\t100\t100\n150\t150\t150\n"
    assert QGuiApplication.clipboard().text() == text
    assert parse_clipboard(text) == [["100", "100", "100"], ["150", "150", "150"]]


def test_an_unlimited_series_takes_a_typed_value_in_every_period(document):
    supply = PeriodGridModel(document, chip_series("supply", optional=True),
                             frozenset({"chips"}))
    assert supply.index(1, 0).data() == "unlimited"
    assert supply.setData(supply.index(1, 1), "40")
    assert _chip(document, "b").supply == (40.0, 40.0, 40.0)
    assert supply.setData(supply.index(1, 2), "30")
    assert _chip(document, "b").supply == (40.0, 40.0, 30.0)


def test_delete_over_a_whole_optional_row_removes_the_limit(document, qtbot):
    supply = PeriodGridModel(document, chip_series("supply", optional=True),
                             frozenset({"chips"}))
    view = TableView()
    qtbot.addWidget(view)
    view.setModel(supply)
    view.selectRow(0)
    assert view.clear_selection()
    assert _chip(document, "a").supply is None
    document.undo_stack.undo()
    assert _chip(document, "a").supply == (8.0, 8.0, 8.0)


def test_efficiency_cells_set_and_clear_eligibility(document):
    grid = EfficiencyGridModel(document)
    assert grid.index(0, 0).data() == "1.00"
    assert grid.setData(grid.index(0, 1), "")
    assert document.scenario.workloads[0].efficiency == {"a": 1.0}
    assert grid.index(0, 1).data() == "—"
    document.undo_stack.undo()
    assert document.scenario.workloads[0].efficiency == {"a": 1.0, "b": 1.0}


def test_percent_cells_accept_percent_and_fraction(document):
    fields = PlanFieldsModel(document)
    row = next(i for i, f in enumerate(FIELDS) if f.path == ("limits", "outage_coverage"))
    assert fields.setData(fields.index(row, 0), "30%")
    assert document.scenario.limits.outage_coverage == 0.3
    assert fields.index(row, 0).data() == "30.0%"
    assert fields.setData(fields.index(row, 0), "45")
    assert document.scenario.limits.outage_coverage == 0.45


def test_limits_show_the_precision_they_were_entered_with(document):
    """A weighted-risk limit of 0.435 is 0.435 (not 0.43); a share of 43.51% stays so."""
    fields = PlanFieldsModel(document)
    risk = next(i for i, f in enumerate(FIELDS) if f.path == ("limits", "max_weighted_risk"))
    assert fields.setData(fields.index(risk, 0), "0.435")
    assert fields.index(risk, 0).data() == "0.435"
    cover = next(i for i, f in enumerate(FIELDS) if f.path == ("limits", "outage_coverage"))
    assert fields.setData(fields.index(cover, 0), "43.51%")
    assert fields.index(cover, 0).data() == "43.51%"


def test_category_share_cells_create_and_remove_the_limit(document):
    shares = CategoryShareModel(document)
    assert shares.row_header(0) == "imported"
    assert shares.setData(shares.index(0, 1), "40%")
    assert document.scenario.limits.category_share["imported"] == CategoryShare(max=0.4)
    assert shares.setData(shares.index(0, 1), "")
    assert "imported" not in document.scenario.limits.category_share


def test_vendor_choices_come_from_the_plan(document):
    model = ChipTableModel(document)
    assert model.index(0, 2).data() == "A"
    assert model.setData(model.index(0, 2), "B")
    assert _chip(document, "a").vendor == "B"


def test_the_filter_box_searches_what_the_rows_show(document, qtbot):
    from ui.views.entity_panel import EntityPanel

    panel = EntityPanel(ChipTableModel(document), "chip")
    qtbot.addWidget(panel)
    panel.filter_edit.setText("b")  # chip b, of vendor B
    panel._on_filter_timer_timeout()
    assert panel.proxy.rowCount() == 1
    assert panel.proxy.index(0, 0).data() == "b"
    panel.filter_edit.setText("")
    panel._on_filter_timer_timeout()
    assert panel.proxy.rowCount() == 2


def test_problems_are_described_in_the_planners_words(document):
    from ui.models.problem_list_model import describe

    scenario = document.scenario
    assert describe(("chips", 0, "price", "P2"), scenario) == "Chips › a › Price › P2"
    assert describe(("fleet", 0, "units"), scenario) == "Existing fleet › 1 › Units"
    assert describe(("limits", "outage_coverage"), scenario) == "Outage coverage"
    assert describe(("budget", "per_period", "P1"), scenario) == "Capital budget › P1"


def test_budget_cells_accept_money_as_planners_write_it(document):
    fields = PlanFieldsModel(document)
    row = next(i for i, f in enumerate(FIELDS) if f.path == ("budget", "total"))
    for typed in ("3400亿", "340 bn", "3.4e11", "340 billion CNY"):
        assert fields.setData(fields.index(row, 0), "1000")
        assert fields.setData(fields.index(row, 0), typed), typed
        assert document.scenario.budget.total == 3.4e11, typed
        assert fields.index(row, 0).data() == "340,000,000,000"  # the value as read
    assert not fields.setData(fields.index(row, 0), "lots")
