"""Fixtures of the GUI tests: private settings, plans in temporary files, the window."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from pathlib import Path

import pytest
from factories import build, two_vendor_data
from PySide6.QtCore import QSettings, QThreadPool

from procure.domain.model import Scenario
from procure.formats.scenario_json import read_scenario
from procure.resources import demo_plan_path
from ui.document import PlanDocument
from ui.plan_store import PlanStore
from ui.settings import AppSettings


@pytest.fixture(autouse=True)
def private_settings(tmp_path: Path) -> None:
    """Every test gets its own QSettings folder, never the user's."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      str(tmp_path / "settings"))


@pytest.fixture(autouse=True)
def private_unsaved_plans(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Unsaved plans live in the test's folder, and closing one discards it without a
    question (tests of the question itself put :data:`ASK_TO_SAVE` back)."""
    from ui import unsaved_plans

    monkeypatch.setenv(unsaved_plans.ROOT_ENV, str(tmp_path / "unsaved"))
    monkeypatch.setattr(unsaved_plans, "ask_to_save",
                        lambda *_args: unsaved_plans.Choice.DISCARD)


def _real_ask_to_save():
    from ui import unsaved_plans

    return unsaved_plans.ask_to_save


ASK_TO_SAVE = _real_ask_to_save()
"""The real Save / Discard / Cancel question, before any test replaces it."""


def jobs_left_running(msecs: int = 10_000) -> bool:
    """Whether a job still runs after ``msecs``, on the global pool or any runner's own."""
    from ui.workers import wait_for_all_jobs

    return not (QThreadPool.globalInstance().waitForDone(msecs) and wait_for_all_jobs(msecs))


@pytest.fixture(autouse=True)
def no_dangling_jobs() -> Iterator[None]:
    """Fail a test that leaves thread-pool jobs running (napari's check)."""
    yield
    assert not jobs_left_running(), "a test left thread-pool jobs running"


@pytest.fixture
def settings(tmp_path: Path) -> AppSettings:
    return AppSettings(QSettings(str(tmp_path / "procure.ini"), QSettings.Format.IniFormat))


def small_scenario() -> Scenario:
    """Two vendors, one period, demand 10: buy 10 units of chip a for 1,000."""
    return build(two_vendor_data(currency="CNY"))


def three_period_scenario() -> Scenario:
    """Two vendors, three periods, supply on chip a, a fleet row: enough for grids."""
    data = two_vendor_data()
    data["periods"] = ["P1", "P2", "P3"]
    data["chips"][0]["supply"] = [8, 8, 8]
    data["workloads"][0]["demand"] = [10, 12, 14]
    data["fleet"] = [{"chip": "a", "units": 2}]
    data["hours"] = 2190
    return build(data)


def infeasible_scenario() -> Scenario:
    """Each category must take at least 60% of new spend: impossible together."""
    data = copy.deepcopy(two_vendor_data())
    data["limits"] = {"category_share": {"imported": {"min": 0.6}, "domestic": {"min": 0.6}}}
    return build(data)


@pytest.fixture
def scenario() -> Scenario:
    return three_period_scenario()


@pytest.fixture
def document(qapp, scenario: Scenario) -> Iterator[PlanDocument]:
    doc = PlanDocument(PlanStore.new(scenario))
    yield doc
    doc.close()


@pytest.fixture
def demo_scenario() -> Scenario:
    return read_scenario(demo_plan_path())


@pytest.fixture
def window(qtbot, settings: AppSettings):
    from ui.main_window import MainWindow

    w = MainWindow(settings)
    qtbot.addWidget(w)
    w.resize(1280, 800)
    yield w
    w.optimiser.cancel()
    w.close()
    assert w.optimiser.wait_for_done(20_000)


def switch_to_chinese(window, qtbot):
    """Choose 简体中文 in the settings dialog; returns the window rebuilt around the plan."""
    from PySide6.QtWidgets import QApplication

    from ui.views.settings_dialog import SettingsDialog

    window.actions_.settings.trigger()
    dialog = window.findChild(SettingsDialog)
    dialog.language.setCurrentIndex(dialog.language.findData("zh_CN"))
    with qtbot.waitSignal(dialog.settings_changed):
        dialog.accept()
    rebuilt = [w for w in QApplication.topLevelWidgets()
               if w is not window and type(w).__name__ == "MainWindow" and w.isVisible()]
    assert len(rebuilt) == 1
    qtbot.addWidget(rebuilt[0])
    return rebuilt[0]
