"""Choosing files: every file dialog of the window goes through here (tests patch it)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QInputDialog, QWidget

from ui.i18n import tr as _tr


def _documents() -> str:
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)


class FileDialogs:
    """Static helpers returning a path, or None when the planner cancels."""

    @classmethod
    def ask_open(cls, parent: QWidget | None) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(
            parent, _tr("Open a plan"), _documents(),
            _tr("Plans and scenarios (*.procure *.json *.xlsx);;Procure plans (*.procure);;"
                "Scenario files (*.json);;Excel workbooks (*.xlsx)"))
        return Path(name) if name else None

    @classmethod
    def ask_save_plan(cls, parent: QWidget | None, suggested: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(
            parent, _tr("Save the plan as"), str(Path(_documents()) / suggested),
            _tr("Procure plans (*.procure)"))
        return Path(name) if name else None

    @classmethod
    def ask_export(cls, parent: QWidget | None, title: str, suggested: str,
                   file_filter: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(parent, title,
                                              str(Path(_documents()) / suggested), file_filter)
        return Path(name) if name else None

    @classmethod
    def ask_text(cls, parent: QWidget | None, title: str, label: str,
                 text: str = "") -> str | None:
        value, ok = QInputDialog.getText(parent, title, label, text=text)
        return value if ok and value.strip() else None

    @classmethod
    def ask_choice(cls, parent: QWidget | None, title: str, label: str,
                   choices: Sequence[str], current: int = 0) -> str | None:
        """One of ``choices`` (a drop-down list that cannot be typed into), or None."""
        value, ok = QInputDialog.getItem(parent, title, label, list(choices), current, False)
        return value if ok and value in choices else None
