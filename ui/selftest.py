"""``procure-planner --selftest``: prove that an installed Procure works, then exit.

Runs the whole chain a planner uses, without a display and without touching the
user's settings or files: start the application (Qt's ``offscreen`` platform by
default), build the main window, read the shipped demo plan, store it as a plan
file (which runs the bundled Alembic migrations), open that plan in the window,
solve it (in a child process, as the GUI does), and write the Excel workbook and
the PDF memos (English and Chinese) to a temporary folder, and run a stress test and a
small trade-off sweep. Everything happens in
that folder, which is removed afterwards.

Prints ``selftest OK`` and returns 0, or prints one line naming the step that
failed and why, and returns 1. Installers and CI run it on the built bundle; a
watchdog ends a run that hangs (a modal dialog offscreen would wait forever).
"""

from __future__ import annotations

import os
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

TIMEOUT_SECONDS = 180.0


class SelfTestError(Exception):
    """One step of the self-test failed; the message says what was expected."""


def _say(line: str) -> None:
    stream = sys.stdout or sys.stderr  # both are None in a windowed Windows executable
    if stream is not None:
        stream.write(line + "\n")
        stream.flush()


def _check_file(path: Path) -> None:
    if not path.is_file() or path.stat().st_size == 0:
        raise SelfTestError(f"{path.name} was not written or is empty")


def _quiet_qt_messages(_kind: object, _context: object, message: str) -> None:
    """Pass Qt's messages on, except the offscreen platform's harmless complaint."""
    if "propagateSizeHints" not in message and sys.stderr is not None:
        sys.stderr.write(message + "\n")


def _watchdog(seconds: float) -> threading.Timer:
    def expire() -> None:
        _say(f"selftest FAILED: no result after {seconds:.0f} s (hung?)")
        os._exit(1)

    timer = threading.Timer(seconds, expire)
    timer.daemon = True
    timer.start()
    return timer


class _Run:
    """The steps of one self-test, sharing the application, window and folder."""

    def __init__(self, folder: Path, platform: str) -> None:
        self.folder = folder
        self.platform = platform
        self.app: Any = None
        self.window: Any = None
        self.scenario: Any = None
        self.result: Any = None

    def steps(self) -> list[tuple[str, Callable[[], None]]]:
        return [
            ("start the application", self.start_application),
            ("build the main window", self.build_window),
            ("read the demo plan", self.read_demo),
            ("open the demo plan in the window", self.open_in_window),
            ("solve the demo plan", self.solve),
            ("write the Excel workbook", self.write_workbook),
            ("write the memos", self.write_memos),
            ("run a stress test and a trade-off sweep", self.analyse),
            ("close the window", self.close_window),
        ]

    def start_application(self) -> None:
        os.environ["QT_QPA_PLATFORM"] = self.platform
        from PySide6.QtCore import QSettings, qInstallMessageHandler
        from PySide6.QtWidgets import QApplication

        qInstallMessageHandler(_quiet_qt_messages)

        # Settings go to the temporary folder: a self-test never changes the user's.
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                          str(self.folder / "settings"))
        app = QApplication.instance() or QApplication([sys.argv[0]])
        if app.platformName() != self.platform:
            raise SelfTestError(f"Qt started platform {app.platformName()!r}, "
                                f"not {self.platform!r}")
        self.app = app

    def build_window(self) -> None:
        import importlib.util

        from PySide6.QtCharts import QChart

        QChart()  # QtCharts ships in PySide6-Addons; a bundle without it fails here
        if importlib.util.find_spec("ui.main_window") is None:
            from PySide6.QtWidgets import QLabel

            self.window = QLabel("Procure self-test")
        else:
            from PySide6.QtCore import QSettings

            from ui.main_window import MainWindow
            from ui.settings import AppSettings

            ini = QSettings(str(self.folder / "selftest.ini"), QSettings.Format.IniFormat)
            self.window = MainWindow(AppSettings(ini))
            if self.window.windowIcon().pixmap(64, 64).isNull():
                raise SelfTestError("the application icon cannot be drawn "
                                    "(Qt's SVG plugins or resources/icons missing)")
        self.window.show()
        self._process_events()

    def read_demo(self) -> None:
        from procure.formats.scenario_json import read_scenario
        from procure.resources import demo_plan_path

        path = demo_plan_path()
        if not path.is_file():
            raise SelfTestError(f"the demo plan is missing (looked for {path})")
        self.scenario = read_scenario(path)

    def open_in_window(self) -> None:
        from procure import services

        # Creating a plan file runs the Alembic migrations, loaded by path from the bundle.
        plan_file = self.folder / "selftest.procure"
        services.create_plan_file(plan_file, self.scenario).store.close()
        if not hasattr(self.window, "set_store"):
            return
        from ui.plan_store import PlanStore

        self.window.set_store(PlanStore.open(plan_file))
        self._process_events()

    def solve(self) -> None:
        from procure.optimiser import solve

        # should_stop makes the solve run in a child process, the way the GUI runs it.
        self.result = solve(self.scenario, should_stop=lambda: False)
        if not self.result.status.has_plan:
            raise SelfTestError(f"the demo plan solved with status {self.result.status}")

    def write_workbook(self) -> None:
        from procure.exports import write_workbook

        path = self.folder / "demo-plan.xlsx"
        write_workbook(self.scenario, self.result, path)
        _check_file(path)

    def write_memos(self) -> None:
        from procure.exports import write_memo

        for language in ("en", "zh"):
            path = self.folder / f"demo-memo-{language}.pdf"
            write_memo(self.scenario, self.result, path, language=language)
            _check_file(path)

    def analyse(self) -> None:
        from procure.analysis import (
            SweepLimit,
            Variant,
            comparison_of,
            parse_template,
            run_stresses,
            sweep,
        )

        variant = Variant("licence", stress=parse_template("export-licence:start=2026Q3"))
        outcomes = run_stresses(self.scenario, [variant], self.result)
        if len(comparison_of(outcomes).rows) != 3:
            raise SelfTestError("the stress test did not answer re-plan and hold")
        curve = sweep(self.scenario, SweepLimit.parse("weighted_risk"), (0.5, 0.7),
                      base_result=self.result)
        if not any(p.total_cost is not None for p in curve.points):
            raise SelfTestError("the trade-off sweep found no feasible point")

    def close_window(self) -> None:
        if hasattr(self.window, "close_document"):
            self.window.close_document()
        self.window.close()
        self._process_events()

    def _process_events(self, seconds: float = 0.3) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            self.app.processEvents()
            time.sleep(0.01)


def run_selftest(platform: str = "offscreen", timeout: float = TIMEOUT_SECONDS) -> int:
    """Run every step; 0 and ``selftest OK`` when all pass, else 1 and one line saying why."""
    timer = _watchdog(timeout)
    started = time.monotonic()
    try:
        with tempfile.TemporaryDirectory(prefix="procure-selftest-",
                                         ignore_cleanup_errors=True) as tmp:
            run = _Run(Path(tmp), platform)
            for name, step in run.steps():
                try:
                    step()
                except Exception as exc:  # noqa: BLE001 - any failure is the answer
                    why = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
                    _say(f"selftest FAILED: could not {name}: {type(exc).__name__}"
                         + (f": {why}" if why else ""))
                    return 1
    finally:
        timer.cancel()
    _say(f"selftest OK ({time.monotonic() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(run_selftest())
