"""Settings, languages, themes, number formats, the delegate's editors, the catalogue."""

from __future__ import annotations

import pytest
from conftest import small_scenario, switch_to_chinese
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QLineEdit, QSpinBox

from ui import formatting, i18n
from ui.appearance import apply_theme
from ui.models.chip_table_model import ChipTableModel
from ui.models.plan_fields_model import FIELDS, PlanFieldsModel
from ui.models.roles import is_dark
from ui.models.vendor_table_model import VendorTableModel
from ui.plan_store import PlanStore
from ui.views.catalogue_dialog import CatalogueDialog
from ui.views.field_delegate import FieldDelegate


@pytest.fixture
def english():
    yield
    i18n.install("en")
    formatting.configure("grouped", "compact")


def test_chinese_is_installed_and_english_restored(qapp, english):
    assert i18n.install("zh_CN") == "zh_CN"
    assert QCoreApplication.translate("", "Vendors") == "供应商"
    assert QCoreApplication.translate("Columns", "Peak PFLOP/s") == "峰值 PFLOP/s"
    assert i18n.prose_language("zh_CN") == "zh"
    i18n.install("en")
    assert QCoreApplication.translate("", "Vendors") == "Vendors"


def test_changing_the_language_rebuilds_the_window_around_the_open_plan(window, qtbot,
                                                                        english):
    from ui.app import apply_settings

    apply_settings(window.settings)
    window.set_store(PlanStore.new(small_scenario()))
    store = window.document.store
    new = switch_to_chinese(window, qtbot)
    assert new.document.store is store  # the same open plan, not reopened
    assert new.workspace.nav.item(1).text() == "供应商"
    assert window.document is None
    new.close()


def test_number_and_currency_formats_follow_the_settings(english):
    formatting.configure("grouped", "full")
    assert formatting.money(1.5e9, "CNY") == "1,500,000,000 CNY"
    formatting.configure("plain", "symbol")
    assert formatting.money(1.5e9, "CNY") == "¥1.5 bn"
    assert formatting.number(1234567.0) == "1234567"


def test_the_dark_theme_makes_a_dark_palette(qapp):
    apply_theme(qapp, "dark")
    assert is_dark()
    apply_theme(qapp, "light")
    assert not is_dark()
    apply_theme(qapp, "system")


def test_editors_follow_the_column_kind(document, qtbot):
    delegate = FieldDelegate()
    chips = ChipTableModel(document)
    vendor_editor = delegate.createEditor(None, None, chips.index(0, 2))
    assert isinstance(vendor_editor, QComboBox) and vendor_editor.count() == 2
    delegate.setEditorData(vendor_editor, chips.index(0, 2))
    vendor_editor.setCurrentIndex(1)
    delegate.setModelData(vendor_editor, chips, chips.index(0, 2))
    assert document.scenario.chips[0].vendor == "B"
    assert isinstance(delegate.createEditor(None, None, chips.index(0, 6)), QSpinBox)
    assert isinstance(delegate.createEditor(None, None, chips.index(0, 3)), QLineEdit)
    vendors = VendorTableModel(document)
    share = delegate.createEditor(None, None, vendors.index(0, 4))
    assert isinstance(share, QDoubleSpinBox) and share.suffix() == " %"
    delegate.setEditorData(share, vendors.index(0, 4))
    assert share.text() == "plan cap"  # empty: the plan's cap applies
    share.setValue(35.0)
    delegate.setModelData(share, vendors, vendors.index(0, 4))
    assert document.scenario.vendors[0].max_share == pytest.approx(0.35)
    fields = PlanFieldsModel(document)
    row = next(i for i, f in enumerate(FIELDS) if f.path == ("integer",))
    flag = delegate.createEditor(None, None, fields.index(row, 0))
    flag.setCurrentIndex(1)
    delegate.setModelData(flag, fields, fields.index(row, 0))
    assert document.scenario.integer is True
    for editor in (vendor_editor, share, flag):
        editor.deleteLater()


def test_chips_are_added_from_the_catalogue(window, qtbot):
    window.set_store(PlanStore.new(small_scenario()))
    dialog = CatalogueDialog(window.document.scenario, window)
    qtbot.addWidget(dialog)
    dialog.filter_edit.setText("H100 SXM")
    dialog.select_rows([0])
    received = []
    dialog.accepted_rows.connect(lambda v, c: received.append((v, c)))
    dialog.accept()
    vendors, chips = received[0]
    assert [v.id for v in vendors] == ["nvidia"]
    assert dialog.added is not None and list(dialog.added.chips) == chips
    assert {a.key for a in dialog.added.assumptions} >= {"peak", "power", "price"}
    chip = chips[0]
    assert chip.peak_pflops == pytest.approx(0.989)
    assert chip.price[0] == pytest.approx(27500 * 7.2)
    assert chip.power_kw == pytest.approx(0.7 * 1.5)
    page = window.workspace.pages[2]
    page._on_catalogue_dialog_accepted_rows(vendors, chips)
    assert [c.id for c in window.document.scenario.chips][-1] == "nvidia-h100-sxm"
    assert window.document.undo_stack.count() == 1


def test_the_money_examples_read_as_the_window_will_in_chinese(qtbot, settings):
    from ui import formatting, i18n
    from ui.views.settings_dialog import SettingsDialog

    i18n.install("zh_CN")
    try:
        dialog = SettingsDialog(settings)
        qtbot.addWidget(dialog)
        combo = dialog.currency_display
        texts = [combo.itemText(i) for i in range(combo.count())]
    finally:
        i18n.install("en")
        formatting.configure("grouped", "compact")
    assert any("12.00 亿元" in t for t in texts), texts
    assert not any("bn" in t for t in texts), texts
