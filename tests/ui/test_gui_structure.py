"""Renaming ids in the tables, adding and removing periods, renaming and deleting variants."""

from __future__ import annotations

from conftest import small_scenario
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from procure import services
from procure.domain.edits import SetField
from ui.file_dialogs import FileDialogs
from ui.models.chip_table_model import ChipTableModel
from ui.models.vendor_table_model import VendorTableModel
from ui.plan_store import PlanStore
from ui.variant_switcher import VariantSwitcher
from ui.views.limits_page import LimitsPage
from ui.workspace import PLAN

ID = 0  # the id column of the entity tables


def _close_dialogs() -> list[str]:
    boxes = [w for w in QApplication.topLevelWidgets()
             if isinstance(w, QMessageBox) and w.isVisible()]
    texts = [box.text() for box in boxes]
    for box in boxes:
        box.close()
    return texts


# --- ids ---------------------------------------------------------------------------------------

def test_renaming_a_vendor_id_in_the_table_moves_its_chips(document):
    vendors = VendorTableModel(document)
    chips = ChipTableModel(document)
    vendor_column = next(i for i, c in enumerate(chips.columns) if c.key == "vendor")
    assert vendors.setData(vendors.index(0, ID), "nv")
    assert [v.id for v in document.scenario.vendors] == ["nv", "B"]
    assert document.scenario.chips[0].vendor == "nv"
    assert chips.index(0, vendor_column).data(Qt.ItemDataRole.EditRole) == "nv"
    assert document.problems.problems == ()  # no chip names an unknown vendor
    assert document.undo_stack.count() == 1
    document.undo_stack.undo()
    assert [v.id for v in document.scenario.vendors] == ["A", "B"]
    assert document.scenario.chips[0].vendor == "A"
    assert vendors.index(0, ID).data() == "A"
    document.undo_stack.redo()
    assert document.store.scenario("").chips[0].vendor == "nv"  # saved as it was made


def test_renaming_to_a_taken_id_is_refused_and_changes_nothing(document, qtbot):
    chips = ChipTableModel(document)
    with qtbot.waitSignal(document.failed) as blocker:
        assert not chips.setData(chips.index(0, ID), "b")
    assert "already a chip with id 'b'" in str(blocker.args[0])
    assert document.undo_stack.count() == 0
    assert [c.id for c in document.scenario.chips] == ["a", "b"]


# --- periods -----------------------------------------------------------------------------------

def test_adding_and_removing_periods_from_the_limits_page(document, qtbot, monkeypatch):
    page = LimitsPage(document)
    qtbot.addWidget(page)
    asked: list[str] = []

    def suggest(cls, parent, title, label, text=""):
        asked.append(text)
        return text

    monkeypatch.setattr(FileDialogs, "ask_text", classmethod(suggest))
    page.add_period_button.click()
    assert asked == ["P4"]
    assert document.scenario.periods == ("P1", "P2", "P3", "P4")
    assert document.scenario.workloads[0].demand == (10, 12, 14, 14)  # copied from P3
    assert document.scenario.chips[0].supply == (8, 8, 8, 8)
    assert page.series.model.columnCount() == 4
    assert document.undo_stack.undoText() == "Add period P4"
    assert document.problems.problems == ()

    monkeypatch.setattr(FileDialogs, "ask_choice",
                        classmethod(lambda cls, parent, title, label, choices, current=0:
                                    choices[1]))
    page.remove_period_button.click()
    assert document.scenario.periods == ("P1", "P3", "P4")
    assert document.scenario.workloads[0].demand == (10, 14, 14)
    assert page.series.model.columnCount() == 3
    assert document.undo_stack.count() == 2  # one step each
    document.undo_stack.undo()
    assert document.scenario.workloads[0].demand == (10, 12, 14, 14)
    document.undo_stack.undo()
    assert document.scenario.periods == ("P1", "P2", "P3")
    assert page.series.model.columnCount() == 3


def test_cancelling_the_period_dialogs_changes_nothing(document, qtbot, monkeypatch):
    page = LimitsPage(document)
    qtbot.addWidget(page)
    monkeypatch.setattr(FileDialogs, "ask_text", classmethod(lambda cls, *a, **k: None))
    monkeypatch.setattr(FileDialogs, "ask_choice", classmethod(lambda cls, *a, **k: None))
    assert not page.add_period()
    assert not page.remove_period()
    assert document.undo_stack.count() == 0


# --- variants ----------------------------------------------------------------------------------

def test_rename_and_delete_variants_from_the_window(window, monkeypatch):
    window.set_store(PlanStore.new(small_scenario()))
    document = window.document
    a = window.actions_
    assert not a.rename_variant.isEnabled() and not a.delete_variant.isEnabled()  # the base
    assert document.add_variant("cheap")
    assert a.rename_variant.isEnabled() and a.delete_variant.isEnabled()
    chips = window.workspace.pages[2].model
    chips.setData(chips.index(1, 3), "2")
    assert document.undo_stack.canUndo()

    monkeypatch.setattr(FileDialogs, "ask_text", classmethod(lambda cls, *a, **k: " 便宜 "))
    a.rename_variant.trigger()
    assert document.variant == "便宜"
    assert document.store.variants() == ("", "便宜")
    assert window.variants.combo.currentText() == "便宜"
    assert "便宜" in window.windowTitle()
    document.undo_stack.undo()  # the history came along under the new name
    assert document.scenario.chips[1].peak_pflops == 1.0
    document.undo_stack.redo()
    assert document.scenario.chips[1].peak_pflops == 2.0

    asked: list[str] = []
    monkeypatch.setattr(VariantSwitcher, "confirm_delete",
                        classmethod(lambda cls, parent, name: asked.append(name) or False))
    a.delete_variant.trigger()
    assert asked == ["便宜"] and document.store.variants() == ("", "便宜")
    monkeypatch.setattr(VariantSwitcher, "confirm_delete",
                        classmethod(lambda cls, parent, name: True))
    a.delete_variant.trigger()
    assert document.variant == "" and document.store.variants() == ("",)
    assert window.variants.combo.count() == 1
    assert document.scenario.chips[1].peak_pflops == 1.0
    assert not a.rename_variant.isEnabled()
    actions = [e.action for e in document.store.audit_log()]
    assert actions[0] == "remove_variant" and "rename_variant" in actions


def test_renaming_a_variant_that_is_not_shown_keeps_the_current_one(document):
    assert document.add_variant("x")
    assert document.add_variant("y", source="")
    assert document.variant == "y"
    assert document.rename_variant("x", "z")
    assert document.variant == "y" and document.store.variants() == ("", "z", "y")
    assert document.remove_variant("z")
    assert document.variant == "y" and document.store.variants() == ("", "y")


def test_variant_names_are_checked(window):
    window.set_store(PlanStore.new(small_scenario()))
    document = window.document
    assert document.add_variant("a") and document.add_variant("b")
    assert not document.rename_variant("a", "b")
    assert "already has a variant called 'b'" in _close_dialogs()[0]
    assert not document.remove_variant("")
    assert "base scenario" in _close_dialogs()[0]
    assert document.store.variants() == ("", "a", "b")


def test_the_plan_menu_offers_rename_and_delete(window):
    plan_menu = next(m for m in window.menuBar().actions() if m.text() == "&Plan").menu()
    texts = [action.text() for action in plan_menu.actions()]
    new = texts.index("New Scenario &Variant…")
    assert texts[new + 1:new + 3] == ["&Rename Scenario Variant…", "&Delete Scenario Variant…"]


def test_an_approved_plan_offers_no_variant_or_period_changes(window):
    window.set_store(PlanStore.new(small_scenario()))
    document = window.document
    assert document.add_variant("a")
    store = document.store
    plan = services.set_status(store.services_store, store.plan, "in_review")
    services.set_status(store.services_store, plan, "approved")
    document.refresh()
    assert document.read_only
    assert not window.actions_.rename_variant.isEnabled()
    assert not window.actions_.delete_variant.isEnabled()
    page = window.workspace.pages[PLAN]
    assert not page.add_period_button.isEnabled()
    assert not page.remove_period_button.isEnabled()


def test_variants_renamed_or_removed_by_someone_else_are_followed(document):
    assert document.add_variant("x")
    document.push(SetField(("name",), "mine"))
    store = document.store
    services.rename_variant(store.services_store, store.plan, "x", "theirs")  # elsewhere
    document.refresh()
    assert document.variant == "theirs" and document.scenario.name == "mine"
    document.undo_stack.undo()  # the history follows the new name
    assert document.scenario.name != "mine"
    services.remove_variant(store.services_store, store.plan, "theirs")
    document.refresh()
    assert document.variant == "" and document.store.variants() == ("",)
