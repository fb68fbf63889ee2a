"""Plans and variants in the window: new, open, import, save as, drop, corrupt files."""

from __future__ import annotations

from pathlib import Path

from conftest import small_scenario
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from procure.formats.scenario_json import write_scenario
from ui.file_dialogs import FileDialogs
from ui.models.chip_table_model import ChipTableModel
from ui.plan_store import PlanStore

PEAK = 3


def _dialogs() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.isVisible()]


def test_the_start_page_makes_a_plan_from_the_demo(window):
    assert window.central.currentWidget() is window.start_page
    window.start_page.demo_button.click()
    assert window.document is not None
    assert window.document.scenario.display_name.startswith("Demo")
    assert len(window.workspace.pages[2].model.scenario.chips) == 9
    assert "not saved yet" in window.windowTitle()
    window.actions_.close_plan.trigger()
    assert window.document is None
    assert window.central.currentWidget() is window.start_page


def test_a_new_empty_plan_comes_from_the_template(window):
    window.start_page.empty_button.click()
    scenario = window.document.scenario
    assert len(scenario.periods) == 4 and scenario.chips == ()


def test_a_corrupt_file_shows_a_dialog_and_nothing_breaks(window, tmp_path, qtbot):
    bad = tmp_path / "broken.procure"
    bad.write_bytes(b"this is not a database" * 20)
    assert not window.open_path(bad)
    boxes = _dialogs()
    assert boxes and "broken.procure" in boxes[0].text() + boxes[0].informativeText()
    assert "Traceback" not in boxes[0].text() + boxes[0].informativeText()
    boxes[0].close()
    json_bad = tmp_path / "broken.json"
    json_bad.write_text('{"format": "procure-scenario/1", "periods": [', encoding="utf-8")
    assert not window.open_path(json_bad)
    assert _dialogs()
    for box in _dialogs():
        box.close()
    assert window.document is None  # still on the start page, still working
    window.start_page.demo_button.click()
    assert window.document is not None


def test_a_scenario_json_is_imported_and_save_as_keeps_it(window, tmp_path, monkeypatch):
    source = tmp_path / "small.json"
    write_scenario(small_scenario(), source)
    assert window.open_path(source)
    chips = ChipTableModel(window.document)
    chips.setData(chips.index(0, PEAK), "2")
    target = tmp_path / "kept.procure"
    monkeypatch.setattr(FileDialogs, "ask_save_plan", classmethod(lambda cls, p, s: target))
    window.actions_.save_as.trigger()
    assert target.is_file()
    assert window.settings.recent_plans()[0] == target.resolve()
    chips.setData(chips.index(0, PEAK), "3")  # saved as it is made, in the new file
    window.actions_.close_plan.trigger()
    assert window.open_path(target)
    assert window.document.scenario.chips[0].peak_pflops == 3.0
    assert window.document.undo_stack.count() == 0


def test_dropping_a_plan_file_opens_it(window, tmp_path):
    source = tmp_path / "dropped.json"
    write_scenario(small_scenario(), source)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(source))])
    event = QDropEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    assert window.document is not None
    assert window.document.scenario.name == "two vendors"


def test_variants_are_copies_with_their_own_edits_and_undo(window, monkeypatch):
    window.set_store(PlanStore.new(small_scenario()))
    document = window.document
    monkeypatch.setattr(FileDialogs, "ask_text", classmethod(lambda cls, *a, **k: "Cheap b"))
    window.actions_.new_variant.trigger()
    assert document.variant == "Cheap b"
    assert window.variants.combo.currentText() == "Cheap b"
    assert "Cheap b" in window.windowTitle()
    chips = window.workspace.pages[2].model
    chips.setData(chips.index(1, PEAK), "2")
    assert document.scenario.chips[1].peak_pflops == 2.0
    window.variants.combo.setCurrentIndex(0)
    window.variants.combo.activated.emit(0)
    assert document.variant == ""
    assert document.scenario.chips[1].peak_pflops == 1.0
    assert chips.index(1, PEAK).data() == "1"  # the view follows the switch
    assert not document.undo_stack.canUndo()  # each variant has its own history
    document.switch_variant("Cheap b")
    assert document.undo_stack.canUndo()
    assert document.store.variants() == ("", "Cheap b")


def test_a_duplicate_variant_name_is_refused_with_a_message(window, monkeypatch):
    window.set_store(PlanStore.new(small_scenario()))
    assert window.document.add_variant("A")
    assert not window.document.add_variant("A")
    boxes = _dialogs()
    assert boxes and "already" in boxes[0].text()
    for box in boxes:
        box.close()


def test_recent_plans_are_listed_on_the_start_page(window, tmp_path):
    path = tmp_path / "r.procure"
    store = PlanStore.new(small_scenario())
    store.save_as(path)
    store.close()
    window.settings.add_recent_plan(path)
    window.start_page.set_recent(window.settings.recent_plans())
    item = window.start_page.recent.item(0)
    assert Path(item.data(Qt.ItemDataRole.UserRole)) == path.resolve()
    window.start_page.recent.itemActivated.emit(item)
    assert window.document is not None and window.document.store.path == path.resolve()


def test_exports_write_their_files_off_the_gui_thread(window, qtbot, tmp_path, monkeypatch):
    from ui.export_actions import EXPORTS

    window.set_store(PlanStore.new(small_scenario()))
    kinds = {k.key: k for k in EXPORTS}
    monkeypatch.setattr(FileDialogs, "ask_export",
                        classmethod(lambda cls, parent, title, name, filt: tmp_path / name))
    assert not window.files.export(kinds["xlsx"])  # needs a result first
    assert "Optimise the plan first" in window.status.currentMessage()
    assert window.files.export(kinds["scenario"])
    qtbot.waitUntil(lambda: (tmp_path / "two vendors.json").exists(), timeout=10_000)
    with qtbot.waitSignal(window.optimiser.solved, timeout=60_000):
        window.optimiser.optimise()
    assert all(a.isEnabled() for a in window.actions_.exports.values())
    for key, name in (("xlsx", "two vendors.xlsx"), ("pdf", "two vendors.pdf"),
                      ("result", "two vendors.result.json")):
        with qtbot.waitSignal(window.files.export_runner.finished, timeout=60_000):
            assert window.files.export(kinds[key])
        assert (tmp_path / name).stat().st_size > 500


def test_a_stale_result_is_not_exported_and_an_exported_one_names_its_inputs(
        window, qtbot, tmp_path, monkeypatch):
    from procure.domain.edits import SetField
    from procure.formats.result_json import read_result
    from procure.provenance import fingerprint
    from procure.storage.codec import scenario_hash
    from ui.export_actions import EXPORTS

    window.set_store(PlanStore.new(small_scenario()))
    kinds = {k.key: k for k in EXPORTS}
    monkeypatch.setattr(FileDialogs, "ask_export",
                        classmethod(lambda cls, parent, title, name, filt: tmp_path / name))
    with qtbot.waitSignal(window.optimiser.solved, timeout=60_000):
        window.optimiser.optimise()
    with qtbot.waitSignal(window.files.export_runner.finished, timeout=60_000):
        assert window.files.export(kinds["result"])
    written = read_result(tmp_path / "two vendors.result.json")
    assert fingerprint(written) == scenario_hash(window.document.scenario)
    window.document.push(SetField(("budget", "total"), 5e9))
    assert not window.files.export(kinds["xlsx"])
    boxes = _dialogs()
    assert boxes and "before the latest changes" in boxes[0].text()
    for box in boxes:
        box.close()
    assert not (tmp_path / "two vendors.xlsx").exists()
