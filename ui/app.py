"""``procure-planner [PLAN]``: start the desktop application.

Sets up logging to the user's log directory, the exception hook (errors become
dialogs, tracebacks go to the log), the saved settings (language, number format,
theme), then shows the main window, offers to recover a plan that was never saved
when Procure last ended without closing it, and opens ``PLAN`` if one was given.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QAbstractItemView, QApplication

from procure import __version__
from procure.logs import setup_logging
from ui import formatting, i18n
from ui.appearance import apply_theme
from ui.errors import install_excepthook
from ui.main_window import MainWindow
from ui.settings import APPLICATION, ORGANISATION, AppSettings


def create_application(argv: Sequence[str] = ()) -> QApplication:
    """The QApplication, named so QSettings and the log know where they belong."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(list(argv) or [sys.argv[0]])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("procure-planner")
    return app


def apply_settings(settings: AppSettings, rebuild: MainWindow | None = None) -> MainWindow | None:
    """Apply language, numbers and theme; with ``rebuild``, refresh that window.

    A new language needs new widgets, so the window is rebuilt around the same open
    plan: the new window adopts the old one's document, so the undo history, the
    current variant and the latest result carry over. Numbers and theme only need a
    repaint.
    """
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    chosen = i18n.resolve(settings.language)
    previous = app.property("procure_language")
    i18n.install(settings.language)
    app.setProperty("procure_language", chosen)
    formatting.configure(settings.number_format, settings.currency_display)
    apply_theme(app, settings.theme)
    if rebuild is None:
        return None
    if previous is not None and previous != chosen:
        # The page shown and the Scenarios page's answers carry over too: a stress test
        # must not be lost, nor the planner sent back to the first page, by a language.
        view = rebuild.workspace.view_state() if rebuild.workspace is not None else None
        document = rebuild.take_document()
        window = MainWindow(settings)
        window.setGeometry(rebuild.geometry())
        window.show()
        if document is not None:
            window.set_document(document)
            if view is not None and window.workspace is not None:
                window.workspace.restore_view(view)
        rebuild.close()
        return window
    for view in rebuild.findChildren(QAbstractItemView):
        view.viewport().update()
    rebuild.optimiser.show_current_result()
    return rebuild


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="procure-planner",
                                     description="Procure: accelerator procurement planning.")
    parser.add_argument("plan", nargs="?", type=Path,
                        help="a .procure plan, or a scenario .json / Excel workbook to import")
    parser.add_argument("--version", action="version", version=f"procure-planner {__version__}")
    return parser.parse_args(list(argv))


def main(argv: Sequence[str] | None = None) -> int:
    """Run the application until its last window closes."""
    args = parse_args(sys.argv[1:] if argv is None else argv)
    setup_logging()
    app = create_application(sys.argv[:1])
    install_excepthook()
    settings = AppSettings()
    apply_settings(settings)
    window = MainWindow(settings)
    window.show()
    QTimer.singleShot(0, window.offer_recovery)  # an unsaved plan a crash left behind
    if args.plan is not None:
        QTimer.singleShot(0, lambda: window.open_path(args.plan))
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
