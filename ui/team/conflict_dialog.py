"""A conflict in team mode: someone else changed the value first; say who, what and when."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from procure.services import ConflictError
from ui.i18n import tr as _tr
from ui.models.audit_log_model import value_text


def conflict_text(exc: ConflictError) -> str:
    """One paragraph naming the conflicting change."""
    who = exc.by or _tr("someone else")
    when = exc.at.astimezone().strftime("%Y-%m-%d %H:%M") if exc.at else ""
    theirs = value_text(exc.theirs) or _tr("(empty)")
    if exc.path:
        text = _tr("Your change to {path} was not saved: {who} changed it to {theirs}").format(
            path=exc.path, who=who, theirs=theirs)
    else:
        text = exc.message
    if when:
        text += _tr(" at {when}").format(when=when)
    return text + ". " + _tr("The plan now shows their version; make your change again if it "
                             "is still needed.")


class ConflictDialog(QMessageBox):
    """Shown by ``ui.errors.show_error`` for a :class:`ConflictError`."""

    def __init__(self, exc: ConflictError, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.setIcon(QMessageBox.Icon.Information)
        self.setWindowTitle(_tr("Changed by someone else"))
        self.setText(_tr("Someone else changed this plan at the same time."))
        self.setInformativeText(conflict_text(exc))
        self.setStandardButtons(QMessageBox.StandardButton.Ok)
