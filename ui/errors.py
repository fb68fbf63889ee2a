"""The one place errors reach the user: a dialog with a clear text, never a traceback.

:func:`show_error` ignores a cancelled operation, says what went wrong for a
:class:`~procure.errors.ProcureError` (every problem of a validation error, the
conflicting change of a conflict), and for anything else logs the traceback to
the user's log file and says where it is. :func:`install_excepthook` routes
uncaught exceptions of slots and event handlers here too.
"""

from __future__ import annotations

import logging
import sys
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from procure.errors import Cancelled, ProcureError, ValidationError
from procure.logs import log_file
from ui.i18n import current_prose_language
from ui.i18n import tr as _tr

log = logging.getLogger("procure.ui")
MAX_PROBLEMS_SHOWN = 12


def error_text(exc: BaseException) -> tuple[str, str]:
    """The dialog's (headline, details) for ``exc``, without any traceback."""
    if isinstance(exc, ValidationError):
        lang = current_prose_language()
        shown = [f"{p.location}: {p.text(lang)}" if p.location else p.text(lang)
                 for p in exc.problems[:MAX_PROBLEMS_SHOWN]]
        more = len(exc.problems) - len(shown)
        if more > 0:
            shown.append(_tr("... and {count} more").format(count=more))
        head = exc.message.splitlines()[0] if exc.message else _tr("The input is not valid.")
        return head, "\n".join(shown)
    if isinstance(exc, ProcureError):
        return exc.message, ""
    if isinstance(exc, MemoryError):
        return _tr("Procure ran out of memory."), ""
    if isinstance(exc, OSError) and exc.strerror:
        where = f" ({exc.filename})" if exc.filename else ""
        return _tr("The file could not be read or written.") + where, exc.strerror
    return (
        _tr("Something unexpected went wrong. Your plan is safe; the details were written to "
            "the log file."),
        str(log_file()),
    )


def show_error(parent: QWidget | None, exc: BaseException, *,
               logged: bool = False) -> QMessageBox | None:
    """Tell the user about ``exc`` in a window-modal dialog; returns the dialog (or None).

    The dialog is opened, not executed, so no nested event loop runs and tests
    can find and close it. An unexpected error is logged with its traceback unless
    the caller has already done so (``logged``), so the log has it once.
    """
    if isinstance(exc, Cancelled):
        return None
    conflict = _conflict_dialog(parent, exc)
    if conflict is not None:
        return conflict
    if not logged and not isinstance(exc, (ProcureError, OSError)):
        log.error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
    head, details = error_text(exc)
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_tr("Procure"))
    box.setText(head)
    if details:
        box.setInformativeText(details)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setObjectName("errorDialog")
    box.open()
    return box


def _conflict_dialog(parent: QWidget | None, exc: BaseException) -> QMessageBox | None:
    """Conflicts of team mode name the change that won, so they get their own dialog."""
    from procure.services import ConflictError

    if not isinstance(exc, ConflictError):
        return None
    from ui.team.conflict_dialog import ConflictDialog

    dialog = ConflictDialog(exc, parent)
    dialog.open()
    return dialog


def _excepthook(
    kind: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, exc, tb)
        return
    log.error("uncaught exception", exc_info=(kind, exc, tb))
    app = QApplication.instance()
    parent = app.activeWindow() if isinstance(app, QApplication) else None
    if app is not None:
        show_error(parent, exc, logged=True)


def install_excepthook() -> None:
    """Send uncaught exceptions to the log and a dialog instead of the terminal."""
    sys.excepthook = _excepthook
