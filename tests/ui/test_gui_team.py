"""Team mode: credentials never stored, audit log, conflicts, a shared server."""

from __future__ import annotations

import os
import uuid

import pytest
from conftest import small_scenario
from PySide6.QtWidgets import QApplication

from procure import services
from procure.domain.edits import SetField
from ui.models.chip_table_model import ChipTableModel
from ui.plan_store import PlanStore
from ui.team.audit_log_dialog import AuditLogDialog
from ui.team.conflict_dialog import ConflictDialog
from ui.team.connect_dialog import ConnectDialog, strip_password, with_password
from ui.team.plan_browser_dialog import PlanBrowserDialog

PEAK = 3


def test_the_password_never_reaches_the_settings(window, qtbot):
    url = "postgresql+psycopg://li:s3cret@db.example.com:5432/procure"
    assert strip_password(url) == "postgresql+psycopg://li@db.example.com:5432/procure"
    assert with_password(strip_password(url), "s3cret") == url
    dialog = ConnectDialog(url, window)
    qtbot.addWidget(dialog)
    assert "s3cret" not in dialog.url.text()
    dialog.password.setText("p@ss:word")
    assert dialog.connection_url().endswith("li:p%40ss%3Aword@db.example.com:5432/procure")
    window.settings.server_url = dialog.remembered_url()
    window.settings.sync()
    assert "p@ss" not in window.settings.server_url


def test_the_audit_log_shows_who_changed_what(window, qtbot):
    window.set_store(PlanStore.new(small_scenario()))
    chips = ChipTableModel(window.document)
    chips.setData(chips.index(0, PEAK), "2")
    window.actions_.audit_log.trigger()
    dialog = window.findChild(AuditLogDialog)
    assert dialog is not None
    texts = [dialog.proxy.index(r, 4).data() for r in range(dialog.proxy.rowCount())]
    assert 'chips["a"].peak_pflops' in texts
    dialog.close()


def _server_url() -> str:
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgresql"):
        pytest.skip("needs a PostgreSQL server (DATABASE_URL)")
    return url


@pytest.fixture
def server_url():
    """A database of its own on the CI server, dropped afterwards (others share the server)."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    base = make_url(_server_url())
    name = f"procure_ui_{uuid.uuid4().hex[:10]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    yield base.set(database=name).render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.mark.postgres
def test_copy_a_plan_to_the_server_open_it_and_meet_a_conflict(window, qtbot, server_url):
    url = server_url
    window.set_store(PlanStore.new(small_scenario()))
    dialog = window.team.copy_to_server(window.document.store)
    dialog.url.setText(url)
    with qtbot.waitSignal(window.team.messaged, timeout=60_000,
                          check_params_cb=lambda m: "copied" in m):
        dialog.accept()
    window.actions_.close_plan.trigger()
    # Connect, browse, open.
    dialog = window.team.connect_to_server()
    dialog.url.setText(url)
    dialog.accept()
    qtbot.waitUntil(lambda: isinstance(window.team._dialog, PlanBrowserDialog), timeout=60_000)
    browser = window.team._dialog
    assert browser.model.rowCount() == 1
    with qtbot.waitSignal(window.team.plan_opened, timeout=30_000):
        browser.accept()
    document = window.document
    assert document.store.is_server
    # Someone else changes the same value first.
    other = PlanStore.open_plan(services.open_store(url, user="wang"), document.store.plan)
    other.apply("", SetField(("chips", "a", "peak_pflops"), 5.0))
    chips = ChipTableModel(document)
    chips.setData(chips.index(0, PEAK), "7")
    boxes = [w for w in QApplication.topLevelWidgets()
             if isinstance(w, ConflictDialog) and w.isVisible()]
    assert boxes and "wang" in boxes[0].informativeText()
    assert document.scenario.chips[0].peak_pflops == 5.0  # theirs, shown at once
    assert chips.index(0, PEAK).data() == "5"
    assert document.undo_stack.count() == 0
    boxes[0].close()
    other.close()
