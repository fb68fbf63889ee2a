"""A new language rebuilds the window around the same document: nothing of the plan is lost."""

from __future__ import annotations

import pytest
from conftest import small_scenario, switch_to_chinese
from PySide6.QtCore import QMetaMethod, QObject

from ui import formatting, i18n
from ui.models.chip_table_model import ChipTableModel
from ui.plan_store import PlanStore
from ui.views.result_view import PLAN

PEAK = 3


@pytest.fixture
def english():
    yield
    i18n.install("en")
    formatting.configure("grouped", "compact")


def _connected(sender: QObject) -> list[str]:
    """The names of ``sender``'s own signals that anything listens to."""
    meta = sender.metaObject()
    return [bytes(meta.method(i).name()).decode()
            for i in range(QObject.staticMetaObject.methodCount(), meta.methodCount())
            if meta.method(i).methodType() == QMetaMethod.MethodType.Signal
            and sender.isSignalConnected(meta.method(i))]


def test_a_new_language_keeps_undo_history_variant_and_result(window, qtbot, english):
    from ui.app import apply_settings

    apply_settings(window.settings)
    window.set_store(PlanStore.new(small_scenario()))
    document = window.document
    assert document.add_variant("cheaper")
    with qtbot.waitSignal(window.optimiser.solved, timeout=60_000):
        assert window.optimiser.optimise()
    chips = ChipTableModel(document)
    before = document.scenario.chips[0].peak_pflops
    chips.setData(chips.index(0, PEAK), "2")
    assert document.undo_stack.count() == 1

    new = switch_to_chinese(window, qtbot)
    assert window.document is None
    assert new.document is document and document.parent() is new
    assert new.workspace.nav.item(1).text() == "供应商"
    assert document.variant == "cheaper"
    assert new.variants.combo.currentData() == "cheaper"
    assert "cheaper" in new.windowTitle()
    assert new.workspace.result_view.result is document.latest_run.result  # the same run
    assert new.workspace.result_view.stack.currentIndex() == PLAN
    assert new.workspace.result_view.stale_banner.isVisibleTo(new.workspace.result_view)
    # Undo in the new window takes back the edit made in the old one.
    assert new.actions_.undo.isEnabled()
    new.actions_.undo.trigger()
    assert document.scenario.chips[0].peak_pflops == before
    assert new.workspace.pages[2].model.index(0, PEAK).data() == f"{before:g}"
    assert not new.workspace.result_view.stale_banner.isVisibleTo(new.workspace.result_view)
    new.actions_.redo.trigger()
    assert document.scenario.chips[0].peak_pflops == 2.0
    new.close()


def test_the_old_window_lets_go_of_the_document(window, qtbot):
    window.set_store(PlanStore.new(small_scenario()))
    assert "changed" in _connected(window.document)
    document = window.take_document()
    assert window.document is None and document.parent() is None
    assert _connected(document) == [] and _connected(document.undo_group) == []
    assert window.actions_.undo is None  # the old undo action is gone with the old views
    chips = ChipTableModel(document)  # still open: it can be edited and undone
    chips.setData(chips.index(0, PEAK), "2")
    document.undo_stack.undo()
    window.set_document(document)
    assert window.document is document and document.parent() is window
    assert window.workspace.pages[2].model.index(0, PEAK).data() == "1"
    assert window.actions_.redo.isEnabled()  # the new undo actions follow the same stacks


def test_a_new_language_keeps_the_stress_results_and_the_page(window, qtbot, english):
    from analysis_factories import three_periods
    from test_gui_scenarios import _open, _run, _with_whatifs

    from ui.app import apply_settings
    from ui.workspace import SCENARIOS

    apply_settings(window.settings)
    view = _open(window, _with_whatifs(three_periods(), ("Licence", "export-licence:start=P2")))
    run = _run(qtbot, view.stress)
    assert run is not None
    new = switch_to_chinese(window, qtbot)
    assert new.workspace.current_page == SCENARIOS  # not sent back to the first page
    stress = new.workspace.scenarios.stress
    assert stress.outcome is run  # the answers are kept, not thrown away
    assert stress.model.rowCount() == 3
    assert stress.model.index(2, 1).data() == "维持已下订单"  # worded again, in Chinese
