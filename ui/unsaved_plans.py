"""Where plans that were never saved live, so that a crash does not lose them.

A new plan, or a scenario or workbook opened as a new plan, is edited in an untitled
plan file from its first edit on (see :class:`ui.plan_store.PlanStore`). That file
lives in a folder of its own under :func:`root`, in the user's application data and
not in the system's temporary folder (which some systems empty at every start). A
closed plan's folder is removed; a folder left behind by a Procure that crashed or
was killed is found again at the next start by :func:`orphans`, because the plan
file's writer lock (an OS lock, dropped when its process ends) is no longer held.

The question asked before unsaved work is closed is here too, so the window has
one place to ask it and tests one place to answer it.
"""

from __future__ import annotations

import datetime as dt
import enum
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QMessageBox, QWidget

from procure import services
from ui.i18n import tr as _tr

ROOT_ENV = "PROCURE_UNSAVED_DIR"
"""Overrides where unsaved plans are kept (tests point it at a temporary folder)."""

PLAN_FILE = "untitled.procure"
FOLDER_PREFIX = "plan-"


def root() -> Path:
    """The folder that holds one sub-folder per unsaved plan."""
    override = os.environ.get(ROOT_ENV)
    if override:
        base = Path(override)
    else:
        data = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.AppLocalDataLocation)
        base = Path(data) / "unsaved" if data else Path(tempfile.gettempdir()) / "procure-unsaved"
    base.mkdir(parents=True, exist_ok=True)
    return base


def new_folder() -> Path:
    """A fresh folder for one new unsaved plan."""
    return Path(tempfile.mkdtemp(prefix=FOLDER_PREFIX, dir=root()))


def plan_file(folder: Path) -> Path:
    return folder / PLAN_FILE


@dataclass(frozen=True)
class Orphan:
    """An unsaved plan whose Procure ended without closing it."""

    folder: Path
    modified: dt.datetime

    @property
    def path(self) -> Path:
        return plan_file(self.folder)


def orphans() -> list[Orphan]:
    """Unsaved plans no running Procure has open, the most recently changed first.

    A plan is open while its writer lock is held, by this process or another one, so
    a second Procure started beside the first never offers the first one's plan.
    """
    found = []
    for folder in root().glob(f"{FOLDER_PREFIX}*"):
        path = plan_file(folder)
        if not path.is_file() or _in_use(path):
            continue
        times = [p.stat().st_mtime for p in folder.iterdir() if p.is_file()]
        found.append(Orphan(folder, dt.datetime.fromtimestamp(max(times))))
    return sorted(found, key=lambda o: o.modified, reverse=True)


def _in_use(path: Path) -> bool:
    return services.plan_file_in_use(path)


def discard(folder: Path) -> None:
    """Remove an unsaved plan's folder (its plan file, lock and journal)."""
    shutil.rmtree(folder, ignore_errors=True)


class Choice(enum.Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


def ask_to_save(parent: QWidget | None, title: str) -> Choice:
    """Save / Discard / Cancel for a plan that was never saved."""
    buttons = QMessageBox.StandardButton
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_tr("Plan not saved"))
    box.setText(_tr("“{title}” has not been saved yet.").format(title=title))
    box.setInformativeText(_tr("Save it to keep its changes, results and variants; "
                               "discarded, they are gone for good."))
    box.setStandardButtons(buttons.Save | buttons.Discard | buttons.Cancel)
    box.setDefaultButton(buttons.Save)
    answer = box.exec()
    box.deleteLater()
    if answer == buttons.Save:
        return Choice.SAVE
    if answer == buttons.Discard:
        return Choice.DISCARD
    return Choice.CANCEL


def ask_to_recover(parent: QWidget | None, orphan: Orphan, title: str) -> bool | None:
    """True to recover ``orphan``, False to discard it, None to keep it for later."""
    buttons = QMessageBox.StandardButton
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(_tr("Recover unsaved plan"))
    box.setText(_tr("Recover the plan you were editing?"))
    box.setInformativeText(_tr("“{title}” was not saved when Procure last ended (last "
                               "change {when}).").format(
        title=title, when=orphan.modified.strftime("%Y-%m-%d %H:%M")))
    box.setStandardButtons(buttons.Yes | buttons.Discard | buttons.Cancel)
    box.button(buttons.Yes).setText(_tr("Recover"))
    box.button(buttons.Cancel).setText(_tr("Not now"))
    box.setDefaultButton(buttons.Yes)
    answer = box.exec()
    box.deleteLater()
    if answer == buttons.Yes:
        return True
    if answer == buttons.Discard:
        return False
    return None
